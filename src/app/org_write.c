/* Changes to the org tree, each a use case of the write door (door.h):
 * add, rename, move, cấp học, close and reopen, and the page's edit of
 * several at once. Every change is recorded in org_unit_history and the
 * audit log in the same transaction. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "door.h"
#include "org_int.h"

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

/* The unit `code` into *u; a missing one is worded, a database failure
 * is left to the door (TS_EDB: never "no such unit"). */
static enum ts_err
load_unit(struct door_ctx *c, const char *code, const char *label,
	  struct org_unit *u)
{
	enum ts_err e = code ? org_find(c->app, code, c->a, u) : TS_ENOTFOUND;
	if (e == TS_ENOTFOUND)
		diags_add(c->d, code ? code : "", "không có %s mã \"%s\"",
			  label, code ? code : "");
	return e;
}

/* Resolves to the unit named by the input's first member, to change. */
static enum ts_err
resolve_unit(struct door_ctx *c, struct door_target *t)
{
	const char *code = *(const char *const *)c->in;
	struct org_unit *u = arena_calloc(c->a, 1, sizeof(*u));
	if (u == NULL)
		return TS_ENOMEM;
	enum ts_err e = load_unit(c, code, "đơn vị", u);
	*t = (struct door_target){ PK_UNIT, u->path, POL_ANY_STATE, code };
	c->data = u;
	return e;
}

/* ---- add ---- */

struct add_in {
	struct org_new n;
	const char *name, *code; /* n's, checked by the text door */
	struct org_unit parent;
	bool has_parent;
};

static size_t
add_texts(void *in, struct text_field *f)
{
	struct add_in *x = in;
	f[0] = (struct text_field){ "mã đơn vị", &x->code, 64, TEXT_REQUIRED };
	f[1] = (struct text_field){ "tên đơn vị", &x->name, 300,
				    TEXT_REQUIRED };
	return 2;
}

static const char *
check_new(const struct org_new *n, const struct org_unit *parent,
	  bool has_parent)
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

/* The target of an add is the parent: admins add under their own unit
 * and below; a root (no parent) only the operator. */
static enum ts_err
add_resolve(struct door_ctx *c, struct door_target *t)
{
	struct add_in *x = c->in;
	x->n.code = x->code;
	x->has_parent = x->n.parent_code != NULL && x->n.parent_code[0];
	enum ts_err e = x->has_parent ? org_find(c->app, x->n.parent_code, c->a,
						 &x->parent)
				      : TS_OK;
	if (e == TS_ENOTFOUND) {
		diags_add(c->d, x->code, "không có đơn vị cấp trên mã \"%s\"",
			  x->n.parent_code);
		return TS_EINVAL;
	}
	const char *why = e == TS_OK
				  ? check_new(&x->n, &x->parent, x->has_parent)
				  : NULL;
	if (why != NULL) {
		diags_add(c->d, x->code, "%s", why);
		return TS_EINVAL;
	}
	*t = (struct door_target){ PK_UNIT,
				   x->has_parent ? x->parent.path : NULL,
				   POL_ANY_STATE, x->code };
	return e;
}

static enum ts_err
insert_unit(struct door_ctx *c, const struct add_in *x, int64_t *id)
{
	static const char ins[] =
		"INSERT INTO org_unit(parent_id, kind, code, name, name_key, "
		"school_levels, path, active_from, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	char now[TS_TIME_SIZE], tmp[128], day[16];
	const char *key = vn_fold_key(c->a, x->name);
	struct db_stmt *st = key ? db_prep(c->app->db, ins) : NULL;
	if (st == NULL)
		return key ? TS_EDB : TS_ENOMEM;
	snprintf(tmp, sizeof(tmp), "tmp:%s", x->code);
	snprintf(day, sizeof(day), "%.10s",
		 ts_time_format(ts_time_now() + TS_VN_OFFSET, now));
	if (x->has_parent)
		db_bind_int(st, 1, x->parent.id);
	else
		db_bind_null(st, 1);
	db_bind_text(st, 2, org_kind_code(x->n.kind));
	db_bind_text(st, 3, x->code);
	db_bind_text(st, 4, x->name);
	db_bind_text(st, 5, key);
	db_bind_int(st, 6, x->n.levels);
	db_bind_text(st, 7, tmp);
	db_bind_text(st, 8, x->n.active_from ? x->n.active_from : day);
	db_bind_text(st, 9, ts_time_format(ts_time_now(), now));
	enum ts_err e = db_exec_stmt(st);
	*id = e == TS_OK ? db_last_id(c->app->db) : 0;
	return e;
}

/* The path needs the new id: "/1/4/" + id + "/". Too long a path is a
 * tree too deep, invalid input (422), not a size cap. */
static enum ts_err
set_path(struct door_ctx *c, const char *parent_path, int64_t id)
{
	static const char sql[] = "UPDATE org_unit SET path = ? WHERE id = ?";
	struct buf path;
	buf_init(&path, PATH_MAX_LEN - 1);
	buf_printf(&path, "%s%lld/", parent_path, (long long)id);
	struct db_stmt *st = path.err == TS_OK ? db_prep(c->app->db, sql)
					       : NULL;
	enum ts_err e = path.err != TS_OK ? TS_EINVAL : st ? TS_OK : TS_EDB;
	if (e == TS_OK) {
		db_bind_text(st, 1, buf_str(&path));
		db_bind_int(st, 2, id);
		e = db_exec_stmt(st);
	}
	buf_release(&path);
	return e;
}

/* The tree's history starts on the unit's first day. */
static enum ts_err
add_parent_row(struct door_ctx *c, const struct add_in *x, int64_t id)
{
	char day[11];
	if (x->n.active_from != NULL)
		snprintf(day, sizeof(day), "%.10s", x->n.active_from);
	else
		org_today(day);
	return org_parent_start(c->app, id, x->has_parent ? x->parent.id : 0,
				day);
}

static enum ts_err
add_body(struct door_ctx *c)
{
	struct add_in *x = c->in;
	int64_t id = 0;
	enum ts_err e = insert_unit(c, x, &id);
	if (e == TS_ECONFLICT)
		diags_add(c->d, x->code, "mã đơn vị \"%s\" đã tồn tại",
			  x->code);
	if (e == TS_OK)
		e = set_path(c, x->has_parent ? x->parent.path : "/", id);
	if (e == TS_EINVAL)
		diags_add(c->d, x->code, "cây đơn vị quá sâu");
	if (e == TS_OK)
		e = history(c->app, c->who, id, "create", NULL, x->name);
	if (e == TS_OK)
		e = add_parent_row(c, x, id);
	if (c->out != NULL)
		*(int64_t *)c->out = id;
	c->object = x->code;
	c->detail = x->name;
	return e;
}

static const struct door ORG_ADD = {
	"org.add", PA_CREATE, "thêm đơn vị", add_texts, add_resolve, add_body,
};

enum ts_err
org_add_tx(struct app *app, const struct actor *who, const struct org_new *n,
	   int64_t *id, struct diags *d)
{
	struct add_in x = { .n = *n, .name = n->name, .code = n->code };
	return door_step(app, who, &ORG_ADD, &x, id, d);
}

enum ts_err
org_add(struct app *app, const struct actor *who, const struct org_new *n,
	int64_t *id, struct diags *d)
{
	struct add_in x = { .n = *n, .name = n->name, .code = n->code };
	return door_run(app, who, &ORG_ADD, &x, id, d);
}

/* ---- rename ---- */

struct rename_in {
	const char *code; /* first: resolve_unit reads it */
	const char *name;
};

static size_t
rename_texts(void *in, struct text_field *f)
{
	struct rename_in *x = in;
	f[0] = (struct text_field){ "tên đơn vị", &x->name, 300,
				    TEXT_REQUIRED };
	return 1;
}

static enum ts_err
rename_body(struct door_ctx *c)
{
	static const char sql[] =
		"UPDATE org_unit SET name = ?, name_key = ? WHERE id = ?";
	struct rename_in *x = c->in;
	const struct org_unit *u = c->data;
	const char *key = vn_fold_key(c->a, x->name);
	struct db_stmt *st = key ? db_prep(c->app->db, sql) : NULL;
	if (st == NULL)
		return key ? TS_EDB : TS_ENOMEM;
	db_bind_text(st, 1, x->name);
	db_bind_text(st, 2, key);
	db_bind_int(st, 3, u->id);
	enum ts_err e = db_exec_stmt(st);
	if (e == TS_OK)
		e = history(c->app, c->who, u->id, "rename", u->name, x->name);
	c->object = x->code;
	c->detail = x->name;
	return e;
}

static const struct door ORG_RENAME = {
	"org.rename", PA_CHANGE,    "đổi tên đơn vị",
	rename_texts, resolve_unit, rename_body,
};

enum ts_err
org_rename_tx(struct app *app, const struct actor *who, const char *code,
	      const char *name, struct diags *d)
{
	struct rename_in x = { code, name };
	return door_step(app, who, &ORG_RENAME, &x, NULL, d);
}

enum ts_err
org_rename(struct app *app, const struct actor *who, const char *code,
	   const char *name, struct diags *d)
{
	struct rename_in x = { code, name };
	return door_run(app, who, &ORG_RENAME, &x, NULL, d);
}

/* ---- move ---- */

struct move_in {
	const char *code; /* first: resolve_unit reads it */
	const char *parent_code;
	struct org_unit parent;
	const char *day; /* the first day under the new parent; NULL: today */
};

/* Two targets: the unit, which the door checks, and the new parent,
 * which must be one the actor may add under (checked here, first, as
 * the user reads the command). */
static enum ts_err
move_resolve(struct door_ctx *c, struct door_target *t)
{
	struct move_in *x = c->in;
	enum ts_err e = load_unit(c, x->parent_code, "đơn vị", &x->parent);
	if (e == TS_OK)
		e = actor_may(c->who, PK_UNIT, x->parent.path, PA_CREATE,
			      x->parent_code, c->d);
	return e == TS_OK ? resolve_unit(c, t) : e;
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

static enum ts_err
set_parent(struct app *app, int64_t parent, int64_t id)
{
	static const char sql[] =
		"UPDATE org_unit SET parent_id = ? WHERE id = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, parent);
	db_bind_int(st, 2, id);
	return db_exec_stmt(st);
}

static const char *
move_problem(const struct org_unit *u, const struct org_unit *p)
{
	if (scope_of(u->path, p->path) != SCOPE_OUTSIDE)
		return "không thể chuyển một đơn vị vào bên trong chính nó";
	return org_parent_problem(p->kind, u->kind);
}

static enum ts_err
move_body(struct door_ctx *c)
{
	struct move_in *x = c->in;
	const struct org_unit *u = c->data, *p = &x->parent;
	const char *why = move_problem(u, p);
	enum ts_err e = why ? TS_OK
			    : org_move_day_why(c->app, u, p, x->day, c->a,
					       &why);
	if (e != TS_OK)
		return e;
	if (why != NULL) {
		diags_add(c->d, u->code, "%s", why);
		return TS_EINVAL;
	}
	struct buf np;
	buf_init(&np, PATH_MAX_LEN - 1);
	buf_printf(&np, "%s%lld/", p->path, (long long)u->id);
	e = np.err == TS_OK ? TS_OK : TS_EINVAL;
	if (e != TS_OK)
		diags_add(c->d, u->code, "cây đơn vị quá sâu");
	char today[11];
	org_today(today);
	if (e == TS_OK)
		e = set_parent(c->app, p->id, u->id);
	if (e == TS_OK)
		e = org_parent_change(c->app, u, p->id,
				      x->day ? x->day : today);
	if (e == TS_OK)
		e = repath(c->app, u->path, buf_str(&np));
	if (e == TS_OK)
		e = history(c->app, c->who, u->id, "move", u->path,
			    buf_str(&np));
	buf_release(&np);
	c->object = u->code;
	/* The audit says from which day: "31LC từ 2025-07-01". */
	c->detail = arena_printf(c->a, "%s từ %s", p->code,
				 x->day ? x->day : today);
	return e;
}

static const struct door ORG_MOVE = {
	"org.move", PA_CHANGE, "chuyển đơn vị", NULL, move_resolve, move_body,
};

enum ts_err
org_move_tx(struct app *app, const struct actor *who, const char *code,
	    const char *parent_code, const char *day, struct diags *d)
{
	struct move_in x = { code, parent_code, { 0 }, day };
	return door_step(app, who, &ORG_MOVE, &x, NULL, d);
}

enum ts_err
org_move_on(struct app *app, const struct actor *who, const char *code,
	    const char *parent_code, const char *day, struct diags *d)
{
	struct move_in x = { code, parent_code, { 0 }, day };
	return door_run(app, who, &ORG_MOVE, &x, NULL, d);
}

enum ts_err
org_move(struct app *app, const struct actor *who, const char *code,
	 const char *parent_code, struct diags *d)
{
	return org_move_on(app, who, code, parent_code, NULL, d);
}

/* ---- cấp học ---- */

struct levels_in {
	const char *code; /* first: resolve_unit reads it */
	unsigned levels;
};

static enum ts_err
levels_body(struct door_ctx *c)
{
	static const char sql[] =
		"UPDATE org_unit SET school_levels = ? WHERE id = ?";
	struct levels_in *x = c->in;
	const struct org_unit *u = c->data;
	if (!org_kind_is_school(u->kind) || x->levels == 0) {
		diags_add(c->d, x->code,
			  "chỉ trường, trung tâm có cấp học, và "
			  "phải có ít nhất một cấp");
		return TS_EINVAL;
	}
	char was[64], *now = arena_alloc(c->a, 64);
	struct db_stmt *st = now ? db_prep(c->app->db, sql) : NULL;
	if (st == NULL)
		return now ? TS_EDB : TS_ENOMEM;
	school_levels_format(u->levels, was, sizeof(was));
	school_levels_format(x->levels, now, 64);
	db_bind_int(st, 1, x->levels);
	db_bind_int(st, 2, u->id);
	enum ts_err e = db_exec_stmt(st);
	if (e == TS_OK)
		e = history(c->app, c->who, u->id, "levels", was, now);
	c->object = x->code;
	c->detail = now;
	return e;
}

static const struct door ORG_LEVELS = {
	"org.levels", PA_CHANGE, "đổi cấp học", NULL, resolve_unit, levels_body,
};

enum ts_err
org_set_levels_tx(struct app *app, const struct actor *who, const char *code,
		  unsigned levels, struct diags *d)
{
	struct levels_in x = { code, levels };
	return door_step(app, who, &ORG_LEVELS, &x, NULL, d);
}

enum ts_err
org_set_levels(struct app *app, const struct actor *who, const char *code,
	       unsigned levels, struct diags *d)
{
	struct levels_in x = { code, levels };
	return door_run(app, who, &ORG_LEVELS, &x, NULL, d);
}

/* ---- close, reopen ---- */

struct close_in {
	const char *code; /* first: resolve_unit reads it */
	const char *when; /* NULL: reopen */
};

/* Why u cannot close from day, or NULL: a malformed day, or one before
 * it started (the tree would hold a unit closed before it opened). */
static const char *
close_day_why(const struct org_unit *u, const char *day, struct arena *a)
{
	int64_t t;
	if (day == NULL)
		return NULL;
	if (strlen(day) != 10 || !ts_time_parse(day, &t))
		return arena_printf(
			a, "ngày \"%s\" không hợp lệ (dạng YYYY-MM-DD)", day);
	char dv[TS_TIME_SIZE], av[TS_TIME_SIZE];
	if (u->active_from && strcmp(day, u->active_from) < 0)
		return arena_printf(a,
				    "ngày đóng %s trước ngày đơn vị bắt đầu "
				    "hoạt động (%s)",
				    ts_day_vn(day, dv),
				    ts_day_vn(u->active_from, av));
	return NULL;
}

static enum ts_err
close_body(struct door_ctx *c)
{
	static const char sql[] =
		"UPDATE org_unit SET active_to = ? WHERE id = ?";
	struct close_in *x = c->in;
	const struct org_unit *u = c->data;
	const char *why = close_day_why(u, x->when, c->a);
	if (why != NULL) {
		diags_add(c->d, x->code, "%s", why);
		return TS_EINVAL;
	}
	struct db_stmt *st = db_prep(c->app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, x->when);
	db_bind_int(st, 2, u->id);
	enum ts_err e = db_exec_stmt(st);
	if (e == TS_OK)
		e = history(c->app, c->who, u->id, x->when ? "close" : "reopen",
			    u->active_to, x->when);
	c->object = x->code;
	c->detail = x->when;
	return e;
}

static const struct door ORG_CLOSE = {
	"org.close", PA_CHANGE, "đóng đơn vị", NULL, resolve_unit, close_body,
};
static const struct door ORG_REOPEN = {
	"org.reopen", PA_CHANGE,    "mở lại đơn vị",
	NULL,	      resolve_unit, close_body,
};

enum ts_err
org_close(struct app *app, const struct actor *who, const char *code,
	  const char *date, bool reopen, struct diags *d)
{
	char day[11];
	org_today(day);
	struct close_in x = { code, reopen ? NULL : date ? date : day };
	return door_run(app, who, reopen ? &ORG_REOPEN : &ORG_CLOSE, &x, NULL,
			d);
}

/* ---- the page's date fields, asked before the write ---- */

/* The unit and the new parent as the actor may change them, or false
 * (the write itself then says what is wrong). */
static bool
may_move(struct app *app, const struct actor *who, const char *code,
	 const char *parent_code, struct arena *a, struct org_unit *u,
	 struct org_unit *p)
{
	struct diags quiet;
	diags_init(&quiet);
	bool ok = org_find(app, code, a, u) == TS_OK &&
		  (parent_code == NULL ||
		   (org_find(app, parent_code, a, p) == TS_OK &&
		    actor_may(who, PK_UNIT, p->path, PA_CREATE, parent_code,
			      &quiet) == TS_OK)) &&
		  actor_may(who, PK_UNIT, u->path, PA_CHANGE, code, &quiet) ==
			  TS_OK;
	diags_release(&quiet);
	return ok;
}

enum ts_err
org_move_day_check(struct app *app, const struct actor *who, const char *code,
		   const char *parent_code, const char *day, struct arena *a,
		   const char **why)
{
	struct org_unit u, p;
	*why = NULL;
	if (parent_code == NULL || parent_code[0] == '\0' ||
	    !may_move(app, who, code, parent_code, a, &u, &p) ||
	    u.parent_id == p.id)
		return TS_OK;
	return org_move_day_why(app, &u, &p, day, a, why);
}

const char *
org_close_day_check(struct app *app, const struct actor *who, const char *code,
		    const char *day, struct arena *a)
{
	struct org_unit u;
	return may_move(app, who, code, NULL, a, &u, NULL)
		       ? close_day_why(&u, day, a)
		       : NULL;
}

/* ---- the page's edit: rename, move and cấp học in one transaction ---- */

struct edit_in {
	const char *code; /* first: resolve_unit reads it */
	const char *name, *parent_code;
	unsigned levels;
	const char *day; /* a move's first day; NULL: today */
};

/* Each part is its own use case, run inside this one's transaction, so
 * it is checked and audited as if it came alone. The edit itself is
 * checked even when nothing changes, so a refusal never looks like a
 * success. */
static enum ts_err
edit_body(struct door_ctx *c)
{
	struct edit_in *x = c->in;
	const struct org_unit *u = c->data;
	struct org_unit parent = { 0 };
	/* A parent that cannot be read is a database error, never "no
	 * parent" (that moved the unit: found by test_app_org's faults). */
	enum ts_err e = u->parent_id
				? org_get(c->app, u->parent_id, c->a, &parent)
				: TS_OK;
	bool has_parent = u->parent_id != 0;
	if (e == TS_OK && x->name != NULL && strcmp(x->name, u->name) != 0)
		e = org_rename_tx(c->app, c->who, u->code, x->name, c->d);
	if (e == TS_OK && x->parent_code != NULL && x->parent_code[0] != '\0' &&
	    (!has_parent || strcmp(parent.code, x->parent_code) != 0))
		e = org_move_tx(c->app, c->who, u->code, x->parent_code, x->day,
				c->d);
	if (e == TS_OK && x->levels != 0 && x->levels != u->levels)
		e = org_set_levels_tx(c->app, c->who, u->code, x->levels, c->d);
	return e;
}

static const struct door ORG_EDIT = {
	"org.edit", PA_CHANGE,	  "cập nhật cây đơn vị",
	NULL,	    resolve_unit, edit_body,
};

enum ts_err
org_edit(struct app *app, const struct actor *who, const char *code,
	 const char *name, const char *parent_code, unsigned levels,
	 struct diags *d)
{
	return org_edit_on(app, who, code, name, parent_code, levels, NULL, d);
}

enum ts_err
org_edit_on(struct app *app, const struct actor *who, const char *code,
	    const char *name, const char *parent_code, unsigned levels,
	    const char *day, struct diags *d)
{
	struct edit_in x = { code, name, parent_code, levels, day };
	return door_run(app, who, &ORG_EDIT, &x, NULL, d);
}
