/* Org tree use cases: add, look up, rename, move, close, list, search. */
#include "org.h"
#include "org_int.h"
#include "text.h"
#include "unit_search.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../core/search.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"

#define ORG_COLS                                                            \
	"id, coalesce(parent_id, 0), kind, code, name, path, school_levels, " \
	"active_from, active_to"

static const char SQL_BY_CODE[] =
	"SELECT " ORG_COLS " FROM org_unit WHERE code = ?";
static const char SQL_BY_ID[] = "SELECT " ORG_COLS " FROM org_unit WHERE id = ?";

/* Fills u from a row of ORG_COLS. */
static void
read_unit(struct db_stmt *st, struct arena *a, struct org_unit *u)
{
	u->id = db_col_int(st, 0);
	u->parent_id = db_col_int(st, 1);
	const char *k = db_col_text(st, 2);
	for (int i = KIND_BO; i <= KIND_TRUNG_TAM; i++)
		if (k && strcmp(k, org_kind_code((enum org_kind)i)) == 0)
			u->kind = (enum org_kind)i;
	u->code = db_col_dup(st, 3, a);
	u->name = db_col_dup(st, 4, a);
	u->path = db_col_dup(st, 5, a);
	u->levels = (unsigned)db_col_int(st, 6);
	u->active_from = db_col_dup(st, 7, a);
	u->active_to = db_col_dup(st, 8, a);
}

static enum ts_err
find_one(struct app *app, const char *sql, const char *code, int64_t id,
	 struct arena *a, struct org_unit *out)
{
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	if (code != NULL)
		db_bind_text(st, 1, code);
	else
		db_bind_int(st, 1, id);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		read_unit(st, a, out);
	db_done(st);
	return r == DB_ROW ? TS_OK : r == DB_DONE ? TS_ENOTFOUND : TS_EDB;
}

enum ts_err
org_find(struct app *app, const char *code, struct arena *a,
	 struct org_unit *out)
{
	return find_one(app, SQL_BY_CODE, code, 0, a, out);
}

enum ts_err
org_find_named(struct app *app, const char *code, struct arena *a,
	       struct org_unit *out, struct diags *d)
{
	static const char sql[] = "SELECT code FROM org_unit WHERE "
				  "upper(code) = upper(?) ORDER BY code LIMIT 1";
	enum ts_err e = code ? org_find(app, code, a, out) : TS_ENOTFOUND;
	if (e != TS_ENOTFOUND)
		return e == TS_OK ? TS_OK : app_db_error(app, d, "đọc đơn vị");
	/* Codes are matched exactly; one that differs only in letter case
	 * is offered, never taken silently. */
	struct db_stmt *st = code ? db_prep(app->db, sql) : NULL;
	if (st != NULL)
		db_bind_text(st, 1, code);
	if (st != NULL && db_step(st) == DB_ROW)
		diags_add(d, code, "không có đơn vị mã \"%s\". Có phải: %s?",
			  code, db_col_text(st, 0));
	else
		diags_add(d, code ? code : "", "không có đơn vị mã \"%s\"",
			  code ? code : "");
	if (st != NULL)
		db_done(st);
	return TS_ENOTFOUND;
}

enum ts_err
org_get(struct app *app, int64_t id, struct arena *a, struct org_unit *out)
{
	return find_one(app, SQL_BY_ID, NULL, id, a, out);
}

/* Admins manage units inside their subtree; `own_ok` lets them add a child
 * under their own unit, but nobody edits the unit they sit in. */
bool
org_may_change(const struct actor *who, const struct org_unit *u)
{
	return who->role == ROLE_ADMIN &&
	       scope_of(who->path, u->path) == SCOPE_BELOW;
}

enum ts_err
org_require_admin(const struct actor *who, const char *path, bool own_ok,
	      const char *code, struct diags *d)
{
	enum scope sc = scope_of(who->path, path);
	if (who->role == ROLE_ADMIN &&
	    (sc == SCOPE_BELOW || (own_ok && sc == SCOPE_OWN)))
		return TS_OK;
	diags_add(d, code, who->role != ROLE_ADMIN
				   ? "chỉ tài khoản quản trị mới được thay đổi "
				     "cây đơn vị"
				   : "đơn vị không thuộc phạm vi quản lý của "
				     "tài khoản");
	return TS_EFORBIDDEN;
}

static enum ts_err
history(struct app *app, const struct actor *who, int64_t unit,
	const char *change, const char *old_v, const char *new_v)
{
	static const char sql[] =
		"INSERT INTO org_unit_history(unit_id, change, old_value, "
		"new_value, at, actor) VALUES (?, ?, ?, ?, ?, ?)";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	char now[TS_TIME_SIZE];
	db_bind_int(st, 1, unit);
	db_bind_text(st, 2, change);
	db_bind_text(st, 3, old_v);
	db_bind_text(st, 4, new_v);
	db_bind_text(st, 5, ts_time_format(ts_time_now(), now));
	db_bind_text(st, 6, who->login);
	return db_exec_stmt(st);
}

/* Commits when e is TS_OK, rolls back otherwise; returns e (or the commit
 * failure). */
static enum ts_err
finish(struct app *app, enum ts_err e, struct diags *d)
{
	if (e == TS_OK) {
		e = db_commit(app->db);
		if (e != TS_OK)
			return app_db_error(app, d, "ghi thay đổi");
		return TS_OK;
	}
	if (e == TS_EDB)
		app_db_error(app, d, "cập nhật cây đơn vị");
	db_rollback(app->db);
	return e;
}

const char *
org_code_problem(const char *code)
{
	static const char rule[] =
		"mã đơn vị phải có từ 1 đến 64 ký tự, chỉ gồm chữ cái không "
		"dấu, chữ số và các dấu - _ . (bắt đầu bằng chữ cái hoặc chữ số)";
	size_t n = code ? strlen(code) : 0;
	if (n == 0 || n > ORG_CODE_MAX || !isalnum((unsigned char)code[0]))
		return rule;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)code[i]) && !strchr("-_.", code[i]))
			return rule;
	return NULL;
}

static const char *
check_new(const struct org_new *n, const struct org_unit *parent, bool has_parent)
{
	const char *why = org_code_problem(n->code);
	if (why != NULL)
		return why;
	if (org_kind_is_school(n->kind) && n->levels == 0)
		return "trường, trung tâm phải có ít nhất một cấp học";
	if (!org_kind_is_school(n->kind) && n->levels != 0)
		return "chỉ trường, trung tâm mới có cấp học";
	if (!has_parent && n->kind != KIND_BO && n->kind != KIND_SO)
		return "đơn vị này cần có đơn vị cấp trên";
	if (has_parent)
		return org_parent_problem(parent->kind, n->kind);
	return NULL;
}

static enum ts_err
insert_unit(struct app *app, const struct org_new *n, const char *name,
	    const char *parent_path, int64_t parent_id, int64_t *id)
{
	static const char ins[] =
		"INSERT INTO org_unit(parent_id, kind, code, name, name_key, "
		"school_levels, path, active_from, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	static const char setpath[] = "UPDATE org_unit SET path = ? WHERE id = ?";
	char now[TS_TIME_SIZE], tmp[128], day[16];
	struct arena *a = arena_new();
	if (a == NULL)
		return TS_ENOMEM;
	const char *key = vn_fold_key(a, name);
	int64_t t = ts_time_now() + TS_VN_OFFSET;
	snprintf(tmp, sizeof(tmp), "tmp:%s", n->code);
	snprintf(day, sizeof(day), "%.10s", ts_time_format(t, now));
	struct db_stmt *st = db_prep(app->db, ins);
	enum ts_err e = st && key ? TS_OK : TS_EDB;
	if (e == TS_OK) {
		if (parent_id)
			db_bind_int(st, 1, parent_id);
		else
			db_bind_null(st, 1);
		db_bind_text(st, 2, org_kind_code(n->kind));
		db_bind_text(st, 3, n->code);
		db_bind_text(st, 4, name);
		db_bind_text(st, 5, key);
		db_bind_int(st, 6, n->levels);
		db_bind_text(st, 7, tmp);
		db_bind_text(st, 8, n->active_from ? n->active_from : day);
		db_bind_text(st, 9, ts_time_format(ts_time_now(), now));
		e = db_exec_stmt(st);
	}
	arena_free(a);
	if (e != TS_OK)
		return e;
	*id = db_last_id(app->db);
	struct buf path;
	buf_init(&path, PATH_MAX_LEN - 1);
	buf_printf(&path, "%s%lld/", parent_path, (long long)*id);
	st = db_prep(app->db, setpath);
	if (st == NULL || path.err != TS_OK) {
		buf_release(&path);
		return path.err != TS_OK ? TS_EINVAL : TS_EDB;
	}
	db_bind_text(st, 1, buf_str(&path));
	db_bind_int(st, 2, *id);
	buf_release(&path);
	return db_exec_stmt(st);
}

enum ts_err
org_add_tx(struct app *app, const struct actor *who, const struct org_new *n,
	   int64_t *id, struct diags *d)
{
	struct arena *a = arena_new();
	if (a == NULL)
		return TS_ENOMEM;
	struct org_unit parent = { 0 };
	bool has_parent = n->parent_code != NULL && n->parent_code[0];
	const char *name = n->name, *code = n->code;
	const struct text_field tf[] = {
		{ "mã đơn vị", &code, 64, TEXT_REQUIRED },
		{ "tên đơn vị", &name, 300, TEXT_REQUIRED },
	};
	enum ts_err e = text_check(a, tf, 2, d);
	struct org_new nn = *n;
	nn.code = code;
	n = &nn;
	if (e == TS_OK && has_parent &&
	    org_find(app, n->parent_code, a, &parent) != TS_OK) {
		diags_add(d, n->code, "không có đơn vị cấp trên mã \"%s\"",
			  n->parent_code);
		e = TS_EINVAL;
	}
	const char *why = e == TS_OK ? check_new(n, &parent, has_parent) : NULL;
	if (why != NULL) {
		diags_add(d, n->code ? n->code : "", "%s", why);
		e = TS_EINVAL;
	}
	if (e == TS_OK && has_parent)
		e = org_require_admin(who, parent.path, true, n->code, d);
	if (e == TS_OK && !has_parent && strcmp(who->path, "/") != 0) {
		diags_add(d, n->code, "chỉ người quản trị máy chủ mới tạo được "
			  "đơn vị gốc");
		e = TS_EFORBIDDEN;
	}
	if (e == TS_OK) {
		e = insert_unit(app, n, name, has_parent ? parent.path : "/",
				parent.id, id);
		if (e == TS_ECONFLICT)
			diags_add(d, n->code, "mã đơn vị \"%s\" đã tồn tại",
				  n->code);
		if (e == TS_EINVAL)
			diags_add(d, n->code, "cây đơn vị quá sâu");
	}
	if (e == TS_OK)
		e = history(app, who, *id, "create", NULL, name);
	if (e == TS_OK)
		e = audit_add(app, who, "org.add", n->code, name);
	arena_free(a);
	return e;
}

enum ts_err
org_add(struct app *app, const struct actor *who, const struct org_new *n,
	int64_t *id, struct diags *d)
{
	if (db_begin(app->db) != TS_OK)
		return app_db_error(app, d, "bắt đầu giao dịch");
	return finish(app, org_add_tx(app, who, n, id, d), d);
}

/* Loads the unit `code` and checks the actor may change it. */
static enum ts_err
load_for_change(struct app *app, const struct actor *who, const char *code,
		struct arena *a, struct org_unit *u, struct diags *d)
{
	enum ts_err e = org_find(app, code, a, u);
	if (e == TS_ENOTFOUND)
		diags_add(d, code, "không có đơn vị mã \"%s\"", code);
	if (e == TS_OK)
		e = org_require_admin(who, u->path, false, code, d);
	return e;
}

static const char SQL_SET_PARENT[] =
	"UPDATE org_unit SET parent_id = ? WHERE id = ?";

static enum ts_err
exec_ids(struct app *app, const char *sql, int64_t a, int64_t b)
{
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, a);
	db_bind_int(st, 2, b);
	return db_exec_stmt(st);
}

static enum ts_err
set_name(struct app *app, int64_t id, const char *nfc, const char *key)
{
	static const char sql[] =
		"UPDATE org_unit SET name = ?, name_key = ? WHERE id = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, nfc);
	db_bind_text(st, 2, key);
	db_bind_int(st, 3, id);
	return db_exec_stmt(st);
}

enum ts_err
org_rename_tx(struct app *app, const struct actor *who, const char *code,
	      const char *name, struct diags *d)
{
	struct arena *a = arena_new();
	struct org_unit u = { 0 };
	const char *nfc = name;
	const struct text_field tf[] = {
		{ "tên đơn vị", &nfc, 300, TEXT_REQUIRED },
	};
	enum ts_err e = a ? text_check(a, tf, 1, d) : TS_ENOMEM;
	const char *key = e == TS_OK ? vn_fold_key(a, nfc) : NULL;
	if (e == TS_OK && key == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK)
		e = load_for_change(app, who, code, a, &u, d);
	if (e == TS_OK)
		e = set_name(app, u.id, nfc, key);
	if (e == TS_OK)
		e = history(app, who, u.id, "rename", u.name, nfc);
	if (e == TS_OK)
		e = audit_add(app, who, "org.rename", code, nfc);
	arena_free(a);
	return e;
}

enum ts_err
org_rename(struct app *app, const struct actor *who, const char *code,
	   const char *name, struct diags *d)
{
	if (db_begin(app->db) != TS_OK)
		return app_db_error(app, d, "bắt đầu giao dịch");
	return finish(app, org_rename_tx(app, who, code, name, d), d);
}

static enum ts_err
repath(struct app *app, const char *old_path, const char *new_path)
{
	static const char sql[] =
		"UPDATE org_unit SET path = ? || substr(path, ?) "
		"WHERE path LIKE ?";
	struct buf like;
	buf_init(&like, 4096);
	buf_printf(&like, "%s%%", old_path);
	struct db_stmt *st = db_prep(app->db, sql);
	enum ts_err e = TS_EDB;
	if (st != NULL) {
		db_bind_text(st, 1, new_path);
		db_bind_int(st, 2, (int64_t)strlen(old_path) + 1);
		db_bind_text(st, 3, buf_str(&like));
		e = db_exec_stmt(st);
	}
	buf_release(&like);
	return e;
}

static const char *
move_problem(const struct org_unit *u, const struct org_unit *p)
{
	if (scope_of(u->path, p->path) != SCOPE_OUTSIDE)
		return "không thể chuyển một đơn vị vào bên trong chính nó";
	return org_parent_problem(p->kind, u->kind);
}

static enum ts_err
apply_move(struct app *app, const struct actor *who, const struct org_unit *u,
	   const struct org_unit *p, struct diags *d)
{
	const char *why = move_problem(u, p);
	if (why != NULL) {
		diags_add(d, u->code, "%s", why);
		return TS_EINVAL;
	}
	struct buf np;
	buf_init(&np, PATH_MAX_LEN - 1);
	buf_printf(&np, "%s%lld/", p->path, (long long)u->id);
	enum ts_err e = np.err == TS_OK ? TS_OK : TS_EINVAL;
	if (e != TS_OK)
		diags_add(d, u->code, "cây đơn vị quá sâu");
	if (e == TS_OK)
		e = exec_ids(app, SQL_SET_PARENT, p->id, u->id);
	if (e == TS_OK)
		e = repath(app, u->path, buf_str(&np));
	if (e == TS_OK)
		e = history(app, who, u->id, "move", u->path, buf_str(&np));
	if (e == TS_OK)
		e = audit_add(app, who, "org.move", u->code, p->code);
	buf_release(&np);
	return e;
}

enum ts_err
org_move_tx(struct app *app, const struct actor *who, const char *code,
	    const char *parent_code, struct diags *d)
{
	struct arena *a = arena_new();
	struct org_unit u = { 0 }, p = { 0 };
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = org_find(app, parent_code, a, &p);
	if (e == TS_ENOTFOUND)
		diags_add(d, parent_code, "không có đơn vị mã \"%s\"", parent_code);
	if (e == TS_OK)
		e = org_require_admin(who, p.path, true, parent_code, d);
	if (e == TS_OK)
		e = load_for_change(app, who, code, a, &u, d);
	if (e == TS_OK)
		e = apply_move(app, who, &u, &p, d);
	arena_free(a);
	return e;
}

enum ts_err
org_move(struct app *app, const struct actor *who, const char *code,
	 const char *parent_code, struct diags *d)
{
	if (db_begin(app->db) != TS_OK)
		return app_db_error(app, d, "bắt đầu giao dịch");
	return finish(app, org_move_tx(app, who, code, parent_code, d), d);
}

enum ts_err
org_set_levels_tx(struct app *app, const struct actor *who, const char *code,
		  unsigned levels, struct diags *d)
{
	static const char sql[] =
		"UPDATE org_unit SET school_levels = ? WHERE id = ?";
	struct arena *a = arena_new();
	struct org_unit u = { 0 };
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = load_for_change(app, who, code, a, &u, d);
	if (e == TS_OK && (!org_kind_is_school(u.kind) || levels == 0)) {
		diags_add(d, code, "chỉ trường, trung tâm có cấp học, và phải "
			  "có ít nhất một cấp");
		e = TS_EINVAL;
	}
	char was[64], now[64];
	school_levels_format(u.levels, was, sizeof(was));
	school_levels_format(levels, now, sizeof(now));
	if (e == TS_OK)
		e = exec_ids(app, sql, levels, u.id);
	if (e == TS_OK)
		e = history(app, who, u.id, "levels", was, now);
	if (e == TS_OK)
		e = audit_add(app, who, "org.levels", code, now);
	arena_free(a);
	return e;
}

enum ts_err
org_set_levels(struct app *app, const struct actor *who, const char *code,
	       unsigned levels, struct diags *d)
{
	if (db_begin(app->db) != TS_OK)
		return app_db_error(app, d, "bắt đầu giao dịch");
	return finish(app, org_set_levels_tx(app, who, code, levels, d), d);
}

static enum ts_err
close_tx(struct app *app, const struct actor *who, const char *code,
	 const char *when, bool reopen, struct diags *d)
{
	static const char sql[] = "UPDATE org_unit SET active_to = ? WHERE id = ?";
	struct arena *a = arena_new();
	struct org_unit u = { 0 };
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = load_for_change(app, who, code, a, &u, d);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, sql) : NULL;
	if (e == TS_OK && st == NULL)
		e = TS_EDB;
	if (e == TS_OK) {
		db_bind_text(st, 1, when);
		db_bind_int(st, 2, u.id);
		e = db_exec_stmt(st);
	}
	if (e == TS_OK)
		e = history(app, who, u.id, reopen ? "reopen" : "close",
			    u.active_to, when);
	if (e == TS_OK)
		e = audit_add(app, who, reopen ? "org.reopen" : "org.close",
			      code, when);
	arena_free(a);
	return e;
}

enum ts_err
org_close(struct app *app, const struct actor *who, const char *code,
	  const char *date, bool reopen, struct diags *d)
{
	char now[TS_TIME_SIZE], day[16];
	int64_t t;
	snprintf(day, sizeof(day), "%.10s",
		 ts_time_format(ts_time_now() + TS_VN_OFFSET, now));
	if (!reopen && date != NULL &&
	    (strlen(date) != 10 || !ts_time_parse(date, &t))) {
		diags_add(d, code, "ngày \"%s\" không hợp lệ (dạng YYYY-MM-DD)",
			  date);
		return TS_EINVAL;
	}
	if (db_begin(app->db) != TS_OK)
		return app_db_error(app, d, "bắt đầu giao dịch");
	const char *when = reopen ? NULL : date ? date : day;
	return finish(app, close_tx(app, who, code, when, reopen, d), d);
}

static void
fill_unit(struct db_stmt *st, struct arena *a, void *p)
{
	read_unit(st, a, p);
}

static enum ts_err
collect(struct db_stmt *st, struct arena *a, struct org_unit **out,
	size_t *n)
{
	return db_collect(st, a, sizeof(**out), (void **)out, n, fill_unit);
}

enum ts_err
org_list(struct app *app, const struct actor *who, const char *root_code,
	 struct arena *a, struct org_unit **out, size_t *n, struct diags *d)
{
	static const char sql[] = "SELECT " ORG_COLS " FROM org_unit "
				  "WHERE path LIKE ? ORDER BY path";
	const char *root = who->path;
	struct org_unit r;
	if (root_code != NULL) {
		enum ts_err e = org_find(app, root_code, a, &r);
		if (e != TS_OK) {
			diags_add(d, root_code, "không có đơn vị mã \"%s\"",
				  root_code);
			return e;
		}
		if (scope_of(who->path, r.path) == SCOPE_OUTSIDE) {
			diags_add(d, root_code, "đơn vị không thuộc phạm vi "
				  "quản lý của tài khoản");
			return TS_EFORBIDDEN;
		}
		root = r.path;
	}
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return app_db_error(app, d, "đọc cây đơn vị");
	char *like = arena_alloc(a, strlen(root) + 2);
	if (like == NULL)
		return TS_ENOMEM;
	memcpy(like, root, strlen(root));
	like[strlen(root)] = '%';
	db_bind_text(st, 1, like);
	return collect(st, a, out, n);
}

enum ts_err
org_search(struct app *app, const struct actor *who, const char *text,
	   struct arena *a, struct org_unit **out, size_t *n)
{
	static const char sql[] =
		"SELECT " ORG_COLS ", name_key FROM org_unit WHERE "
		SQL_PATH_UNDER("path", "?1") " AND (name_key LIKE ?2 OR code "
		"= ?3) ORDER BY name_key LIMIT 2000";
	const char *key, *pattern;
	enum ts_err e = unit_search_keys(text, a, &key, &pattern);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, sql) : NULL;
	size_t max = 200;
	*n = 0;
	*out = arena_calloc(a, max, sizeof(**out));
	if (e != TS_OK || st == NULL || *out == NULL)
		return e != TS_OK ? e : st == NULL ? TS_EDB : TS_ENOMEM;
	db_bind_text(st, 1, who->path);
	db_bind_text(st, 2, pattern);
	db_bind_text(st, 3, text);
	/* The same words rule as the search page (core/search.c). */
	while (*n < max && db_step(st) == DB_ROW)
		if (strcmp(db_col_text(st, 3), text) == 0 ||
		    search_match(key, db_col_text(st, 9)))
			read_unit(st, a, &(*out)[(*n)++]);
	db_done(st);
	return TS_OK;
}

static void
fill_code(struct db_stmt *st, struct arena *a, void *p)
{
	*(const char **)p = db_col_dup(st, 0, a);
}

enum ts_err
org_bad_codes(struct app *app, struct arena *a, const char ***codes,
	      size_t *n)
{
	static const char sql[] = "SELECT code FROM org_unit ORDER BY code";
	const char **all = NULL;
	size_t total = 0;
	struct db_stmt *st = db_prep(app->db, sql);
	*codes = NULL;
	*n = 0;
	if (st == NULL)
		return TS_EDB;
	enum ts_err e = db_collect(st, a, sizeof(*all), (void **)&all, &total,
				   fill_code);
	for (size_t i = 0; e == TS_OK && i < total; i++)
		if (org_code_problem(all[i]) != NULL)
			all[(*n)++] = all[i];
	*codes = all;
	return e;
}
