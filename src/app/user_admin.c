/* Changing accounts: lock and unlock, role, unit. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "door.h"
#include "user_int.h"

enum ts_err
user_target_load(struct app *app, const char *login, struct arena *a,
		 struct user_target *t, struct diags *d)
{
	static const char sql[] =
		"SELECT id, role, disabled, org_unit_id FROM app_user "
		"WHERE login = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return app_db_error(app, d, "đọc tài khoản");
	db_bind_text(st, 1, login);
	enum db_step r = db_step(st);
	if (r != DB_ROW) {
		db_done(st);
		if (r == DB_ERROR)
			return app_db_error(app, d, "đọc tài khoản");
		diags_add(d, login, "không có tài khoản \"%s\"", login);
		return TS_ENOTFOUND;
	}
	t->id = db_col_int(st, 0);
	bool ok = role_parse(db_col_text(st, 1), &t->role);
	t->disabled = db_col_int(st, 2) != 0;
	int64_t unit = db_col_int(st, 3);
	db_done(st);
	if (!ok || org_get(app, unit, a, &t->unit) != TS_OK)
		return app_db_error(app, d, "đọc tài khoản");
	return TS_OK;
}

enum ts_err
user_may(const struct actor *who, enum role role, const struct org_unit *u,
	 enum pol_action act, const char *login, struct diags *d)
{
	return actor_may(who,
			 role == ROLE_ADMIN ? PK_ADMIN_ACCOUNT : PK_ACCOUNT,
			 u ? u->path : NULL, act, login, d);
}

/* The new state of the account, checked; *t is updated in place. */
static enum ts_err
apply_change(struct app *app, const struct actor *who,
	     const struct user_change *c, struct arena *a,
	     struct user_target *t, struct diags *d)
{
	const char *where = c->login;
	if (c->role != NULL && !role_parse(c->role, &t->role)) {
		diags_add(d, where,
			  "vai trò \"%s\" không hợp lệ (school_editor, "
			  "school_head, reviewer, admin)",
			  c->role);
		return TS_EINVAL;
	}
	if (c->unit_code != NULL &&
	    org_find(app, c->unit_code, a, &t->unit) != TS_OK) {
		diags_add(d, where, "không có đơn vị mã \"%s\"", c->unit_code);
		return TS_EINVAL;
	}
	const char *why = user_role_problem(t->role, &t->unit);
	if (why != NULL) {
		diags_add(d, where, "%s", why);
		return TS_EINVAL;
	}
	enum ts_err e = user_may(who, t->role, &t->unit, PA_CREATE, where, d);
	if (e != TS_OK)
		return e;
	if (c->disabled >= 0)
		t->disabled = c->disabled != 0;
	return TS_OK;
}

static enum ts_err
write_user(struct app *app, const struct user_target *t)
{
	static const char sql[] =
		"UPDATE app_user SET role = ?, org_unit_id = ?, disabled = ? "
		"WHERE id = ?";
	static const char end_sessions[] =
		"DELETE FROM session WHERE user_id = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, role_code(t->role));
	db_bind_int(st, 2, t->unit.id);
	db_bind_int(st, 3, t->disabled);
	db_bind_int(st, 4, t->id);
	enum ts_err e = db_exec_stmt(st);
	if (e != TS_OK || !t->disabled)
		return e;
	/* A locked account is signed out everywhere at once. */
	if ((st = db_prep(app->db, end_sessions)) == NULL)
		return TS_EDB;
	db_bind_int(st, 1, t->id);
	return db_exec_stmt(st);
}

/* After the change, some enabled admin must still cover the unit the
 * changed admin was at, or nobody could manage that subtree. */
static enum ts_err
still_covered(struct app *app, const struct org_unit *was, struct diags *d,
	      const char *login)
{
	static const char sql[] =
		"SELECT count(*) FROM app_user u JOIN org_unit o ON "
		"o.id = u.org_unit_id WHERE u.role = 'admin' AND "
		"u.disabled = 0 AND substr(?, 1, length(o.path)) = o.path";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, was->path);
	int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	db_done(st);
	if (n < 0)
		return TS_EDB;
	if (n > 0)
		return TS_OK;
	diags_add(d, login,
		  "%s sẽ không còn tài khoản quản trị nào: hãy "
		  "thêm một tài khoản quản trị khác trước",
		  was->name);
	return TS_ECONFLICT;
}

static void
detail_of(const struct user_target *t, char *out, size_t n)
{
	snprintf(out, n, "%s @%s%s", role_code(t->role), t->unit.code,
		 t->disabled ? " (khóa)" : "");
}

/* The account before the change; nobody changes their own. */
static enum ts_err
update_resolve(struct door_ctx *c, struct door_target *t)
{
	const struct user_change *ch = c->in;
	struct user_target *before = arena_calloc(c->a, 1, sizeof(*before));
	if (before == NULL)
		return TS_ENOMEM;
	enum ts_err e = user_target_load(c->app, ch->login, c->a, before, c->d);
	if (e != TS_OK)
		return e;
	if (before->id == c->who->user_id) {
		diags_add(c->d, ch->login,
			  "không thể tự khóa hoặc đổi vai trò, "
			  "đơn vị của chính mình (nhờ quản trị cấp trên)");
		return TS_EFORBIDDEN;
	}
	c->data = before;
	*t = (struct door_target){ before->role == ROLE_ADMIN ? PK_ADMIN_ACCOUNT
							      : PK_ACCOUNT,
				   before->unit.path, POL_ANY_STATE,
				   ch->login };
	return TS_OK;
}

static enum ts_err
update_body(struct door_ctx *c)
{
	const struct user_change *ch = c->in;
	const struct user_target *before = c->data;
	struct user_target t = *before;
	enum ts_err e = apply_change(c->app, c->who, ch, c->a, &t, c->d);
	if (e == TS_OK)
		e = write_user(c->app, &t);
	if (e == TS_OK && before->role == ROLE_ADMIN && !before->disabled)
		e = still_covered(c->app, &before->unit, c->d, ch->login);
	char was[128], now[128], *detail = arena_alloc(c->a, 300);
	if (e == TS_OK && detail == NULL)
		e = TS_ENOMEM;
	if (e != TS_OK)
		return e;
	detail_of(before, was, sizeof(was));
	detail_of(&t, now, sizeof(now));
	snprintf(detail, 300, "%s → %s", was, now);
	c->action = t.disabled == before->disabled ? "user.update"
		    : t.disabled		   ? "user.disable"
						   : "user.enable";
	c->object = ch->login;
	c->detail = detail;
	return TS_OK;
}

static const struct door USER_UPDATE = {
	"user.update", PA_CHANGE,      "ghi tài khoản",
	NULL,	       update_resolve, update_body,
};

enum ts_err
user_update(struct app *app, const struct actor *who,
	    const struct user_change *c, struct diags *d)
{
	if (actor_may(who, PK_ACCOUNT, NULL, PA_CHANGE, who->login, d) != TS_OK)
		return TS_EFORBIDDEN;
	if (c->login == NULL || c->login[0] == '\0') {
		diags_add(d, "", "thiếu tên đăng nhập");
		return TS_EINVAL;
	}
	struct user_change ch = *c;
	return door_run(app, who, &USER_UPDATE, &ch, NULL, d);
}
