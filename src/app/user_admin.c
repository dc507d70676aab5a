/* Changing accounts: lock and unlock, role, unit. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
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
	if (db_step(st) != DB_ROW) {
		db_done(st);
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
	return actor_may(who, role == ROLE_ADMIN ? PK_ADMIN_ACCOUNT : PK_ACCOUNT,
			 u ? u->path : NULL, act, login, d);
}

/* The new state of the account, checked; *t is updated in place. */
static enum ts_err
apply_change(struct app *app, const struct actor *who,
	     const struct user_change *c, struct arena *a, struct user_target *t,
	     struct diags *d)
{
	const char *where = c->login;
	if (c->role != NULL && !role_parse(c->role, &t->role)) {
		diags_add(d, where, "vai trò \"%s\" không hợp lệ (school_editor, "
			  "school_head, reviewer, admin)", c->role);
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
	diags_add(d, login, "%s sẽ không còn tài khoản quản trị nào: hãy "
		  "thêm một tài khoản quản trị khác trước", was->name);
	return TS_ECONFLICT;
}

static void
detail_of(const struct user_target *t, char *out, size_t n)
{
	snprintf(out, n, "%s @%s%s", role_code(t->role), t->unit.code,
		 t->disabled ? " (khóa)" : "");
}

static enum ts_err
update_tx(struct app *app, const struct actor *who,
	  const struct user_change *c, struct arena *a, struct diags *d)
{
	struct user_target before, t;
	enum ts_err e = user_target_load(app, c->login, a, &before, d);
	if (e != TS_OK)
		return e;
	if (before.id == who->user_id) {
		diags_add(d, c->login, "không thể tự khóa hoặc đổi vai trò, đơn "
			  "vị của chính mình (nhờ quản trị cấp trên)");
		return TS_EFORBIDDEN;
	}
	e = user_may(who, before.role, &before.unit, PA_CHANGE, c->login, d);
	if (e != TS_OK)
		return e;
	t = before;
	if ((e = apply_change(app, who, c, a, &t, d)) != TS_OK)
		return e;
	if ((e = write_user(app, &t)) != TS_OK)
		return app_db_error(app, d, "ghi tài khoản");
	if (before.role == ROLE_ADMIN && !before.disabled &&
	    (e = still_covered(app, &before.unit, d, c->login)) != TS_OK)
		return e == TS_EDB ? app_db_error(app, d, "đọc tài khoản") : e;
	char was[128], now[128], detail[300];
	detail_of(&before, was, sizeof(was));
	detail_of(&t, now, sizeof(now));
	snprintf(detail, sizeof(detail), "%s → %s", was, now);
	const char *action = t.disabled == before.disabled ? "user.update"
			     : t.disabled ? "user.disable" : "user.enable";
	return audit_add(app, who, action, c->login, detail);
}

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
	struct arena *a = arena_new();
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = db_begin(app->db);
	if (e != TS_OK) {
		arena_free(a);
		return app_db_error(app, d, "bắt đầu giao dịch");
	}
	e = update_tx(app, who, c, a, d);
	if (e == TS_OK && (e = db_commit(app->db)) != TS_OK)
		app_db_error(app, d, "ghi tài khoản");
	if (e != TS_OK)
		db_rollback(app->db);
	arena_free(a);
	return e;
}
