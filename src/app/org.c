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

#define ORG_COLS                                                               \
	"id, coalesce(parent_id, 0), kind, code, name, path, school_levels, "  \
	"active_from, active_to"

static const char SQL_BY_CODE[] = "SELECT " ORG_COLS
				  " FROM org_unit WHERE code = ?";
static const char SQL_BY_ID[] = "SELECT " ORG_COLS
				" FROM org_unit WHERE id = ?";

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
	static const char sql[] =
		"SELECT code FROM org_unit WHERE "
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

bool
org_may_change(const struct actor *who, const struct org_unit *u)
{
	return actor_may(who, PK_UNIT, u->path, PA_CHANGE, NULL, NULL) == TS_OK;
}

enum ts_err
org_require_admin(const struct actor *who, const char *path, bool own_ok,
		  const char *code, struct diags *d)
{
	return actor_may(who, PK_UNIT, path, own_ok ? PA_CREATE : PA_CHANGE,
			 code, d);
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

static void
fill_unit(struct db_stmt *st, struct arena *a, void *p)
{
	read_unit(st, a, p);
}

static enum ts_err
collect(struct db_stmt *st, struct arena *a, struct org_unit **out, size_t *n)
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
		e = actor_may(who, PK_UNIT, r.path, PA_VIEW, root_code, d);
		if (e != TS_OK)
			return e;
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
		"SELECT " ORG_COLS
		", name_key FROM org_unit WHERE " SQL_PATH_UNDER(
			"path", "?1") " AND (name_key LIKE ?2 OR code "
				      "= ?3) ORDER BY name_key, id LIMIT 2000";
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
	return db_finish(st);
}

static void
fill_code(struct db_stmt *st, struct arena *a, void *p)
{
	*(const char **)p = db_col_dup(st, 0, a);
}

enum ts_err
org_bad_codes(struct app *app, struct arena *a, const char ***codes, size_t *n)
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
