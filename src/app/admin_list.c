/* Admin lists one page at a time. Without a search, SQL pages them
 * (LIMIT/OFFSET over the subtree's index range); with one, every row of
 * the subtree is matched in order and only the page's rows are kept. */
#include "admin_list.h"

#include <stdint.h>
#include <string.h>

#include "../core/search.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/vnstr.h"
#include "user_int.h"

#define USER_COLS                                                              \
	"u.login, u.full_name, u.role, o.code, o.name, u.disabled FROM "       \
	"app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE "
#define ORG_PAGE_COLS                                                          \
	"id, coalesce(parent_id, 0), kind, code, name, path, school_levels, "  \
	"active_from, active_to, name_key FROM org_unit WHERE "

static const char SQL_USERS[] = "SELECT " USER_COLS SQL_PATH_UNDER(
	"o.path", "?1") " ORDER BY o.path, u.login LIMIT ?2 OFFSET ?3";
static const char SQL_USERS_N[] =
	"SELECT count(*) FROM app_user u JOIN org_unit o ON o.id = "
	"u.org_unit_id WHERE " SQL_PATH_UNDER("o.path", "?1");
static const char SQL_UNITS[] = "SELECT " ORG_PAGE_COLS SQL_PATH_UNDER(
	"path", "?1") " ORDER BY path LIMIT ?2 OFFSET ?3";
static const char SQL_UNITS_N[] =
	"SELECT count(*) FROM org_unit WHERE " SQL_PATH_UNDER("path", "?1");

/* A row's text to search, folded (login, names and codes together). */
typedef const char *(*row_key_fn)(struct db_stmt *st, struct arena *a);
typedef void (*row_fill_fn)(struct db_stmt *st, struct arena *a, void *out);

static const char *
user_key(struct db_stmt *st, struct arena *a)
{
	struct buf b;
	buf_init(&b, 4096);
	buf_printf(&b, "%s %s %s %s", db_col_text(st, 0), db_col_text(st, 1),
		   db_col_text(st, 3), db_col_text(st, 4));
	const char *k = vn_fold_key(a, buf_str(&b));
	buf_release(&b);
	return k;
}

static const char *
unit_key(struct db_stmt *st, struct arena *a)
{
	struct buf b;
	buf_init(&b, 4096);
	buf_printf(&b, "%s %s", db_col_text(st, 9), db_col_text(st, 3));
	const char *k = vn_fold_key(a, buf_str(&b));
	buf_release(&b);
	return k;
}

static void
fill_unit_row(struct db_stmt *st, struct arena *a, void *p)
{
	struct org_unit *u = p;
	u->id = db_col_int(st, 0);
	u->parent_id = db_col_int(st, 1);
	org_kind_parse(db_col_text(st, 2), &u->kind);
	u->code = db_col_dup(st, 3, a);
	u->name = db_col_dup(st, 4, a);
	u->path = db_col_dup(st, 5, a);
	u->levels = (unsigned)db_col_int(st, 6);
	u->active_from = db_col_dup(st, 7, a);
	u->active_to = db_col_dup(st, 8, a);
}

static bool
searching(const struct list_page *pg)
{
	return pg->q != NULL && pg->q[0] != '\0';
}

/* Steps the bound statement; rows the search matches (all rows without
 * one) are counted, those of the page filled into out (elem bytes). */
static enum ts_err
take_rows(struct db_stmt *st, struct list_page *pg, const char *qkey,
	  row_key_fn key, row_fill_fn fill, struct arena *a, char *out,
	  size_t elem, size_t *n)
{
	struct arena *tmp = arena_new();
	size_t seen = searching(pg) ? 0 : pg->offset;
	enum db_step r = DB_DONE;
	while (tmp != NULL && (r = db_step(st)) == DB_ROW) {
		if (qkey != NULL && !search_match(qkey, key(st, tmp)))
			continue;
		if (seen >= pg->offset && *n < pg->limit)
			fill(st, a, out + elem * (*n)++);
		seen++;
	}
	if (searching(pg))
		pg->total = seen;
	arena_free(tmp);
	return tmp == NULL ? TS_ENOMEM : r == DB_ERROR ? TS_EDB : TS_OK;
}

static enum ts_err
count_all(struct app *app, const char *sql, const struct actor *who,
	  struct list_page *pg)
{
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, who->path);
	enum db_step r = db_step(st);
	pg->total = r == DB_ROW ? (size_t)db_col_int(st, 0) : 0;
	db_done(st);
	return r == DB_ROW ? TS_OK : TS_EDB;
}

static enum ts_err
list_page(struct app *app, const struct actor *who, struct list_page *pg,
	  const char *sql, const char *sql_n, row_key_fn key, row_fill_fn fill,
	  size_t elem, struct arena *a, void **out, size_t *n)
{
	const char *qkey = searching(pg) ? vn_fold_key(a, pg->q) : NULL;
	*n = 0;
	*out = arena_calloc(a, pg->limit + 1, elem);
	if (*out == NULL || (searching(pg) && qkey == NULL))
		return *out == NULL ? TS_ENOMEM : TS_EINVAL;
	enum ts_err e = searching(pg) ? TS_OK : count_all(app, sql_n, who, pg);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, sql) : NULL;
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, who->path);
	/* With a search every row is read; without, SQL skips to the page.
	 * No limit is the largest one: PostgreSQL refuses SQLite's -1. */
	db_bind_int(st, 2, searching(pg) ? INT64_MAX : (int64_t)pg->limit);
	db_bind_int(st, 3, searching(pg) ? 0 : (int64_t)pg->offset);
	e = take_rows(st, pg, qkey, key, fill, a, *out, elem, n);
	db_done(st);
	return e;
}

enum ts_err
user_list_page(struct app *app, const struct actor *who, struct list_page *pg,
	       struct arena *a, struct user_info **out, size_t *n,
	       struct diags *d)
{
	if (actor_may(who, PK_ACCOUNT, NULL, PA_VIEW, NULL, NULL) != TS_OK) {
		diags_add(d, who->login,
			  "chỉ tài khoản quản trị mới xem được "
			  "danh sách tài khoản");
		return TS_EFORBIDDEN;
	}
	enum ts_err e = list_page(app, who, pg, SQL_USERS, SQL_USERS_N,
				  user_key, user_info_fill, sizeof(**out), a,
				  (void **)out, n);
	return e == TS_EDB ? app_db_error(app, d, "đọc danh sách tài khoản")
			   : e;
}

enum ts_err
org_list_page(struct app *app, const struct actor *who, struct list_page *pg,
	      struct arena *a, struct org_unit **out, size_t *n,
	      struct diags *d)
{
	enum ts_err e = list_page(app, who, pg, SQL_UNITS, SQL_UNITS_N,
				  unit_key, fill_unit_row, sizeof(**out), a,
				  (void **)out, n);
	return e == TS_EDB ? app_db_error(app, d, "đọc cây đơn vị") : e;
}
