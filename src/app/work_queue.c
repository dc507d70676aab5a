/* The work queue: one indexed query over the campaign's participants
 * under the root, joined to the stored summaries. */
#include "work_queue.h"

#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../util/arena.h"

#define QUEUE_JOIN                                                             \
	" FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id LEFT "    \
	"JOIN org_unit p ON p.id = o.parent_id LEFT JOIN submission s ON "     \
	"s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id WHERE "     \
	"cu.campaign_id = ?1 AND " SQL_PATH_UNDER("cu.path", "?2")
/* The latest signed copy of the school's report (signed_copy.h). */
#define QUEUE_SIGNED                                                           \
	"(SELECT max(sc.at) FROM signed_copy sc WHERE sc.submission_id = "     \
	"s.id)"
#define QUEUE_MATCH                                                            \
	"(?3 IS NULL OR coalesce(s.state, ?8) = ?3) AND (?4 < 0 OR "           \
	"coalesce(s.late, 0) = ?4) AND (?5 = 0 OR (cu.school_levels & ?5) "    \
	"<> 0) AND (?10 = 0 OR (" QUEUE_SIGNED " IS NOT NULL) = (?10 = 1))"
#define QUEUE_FROM QUEUE_JOIN " AND " QUEUE_MATCH
#define QUEUE_POINTS                                                           \
	"(SELECT sum(g.reviewed_points) FROM submission_score g WHERE "        \
	"g.submission_id = s.id)"

/* Sorts, each as its ORDER BY and the rows after school ?9 in that order
 * for "next school" (below). Each sorts by (null flag, key, code): the
 * flag puts schools without the key last, the key runs up or down, the
 * code comes last, always up, so pages never overlap. */
#define QK_FLAG_DATE  "CASE WHEN s.first_submitted_at IS NULL THEN 1 ELSE 0 END"
#define QK_FLAG_SCORE "CASE WHEN s.id IS NULL THEN 1 ELSE 0 END"
#define QK_POINTS     "coalesce(" QUEUE_POINTS ", 0)"
#define QK_DATE	      "s.first_submitted_at"
/* (flag, key, code) after the school k's (kf, kv, k.c), the key compared
 * by cmp; two schools without the key (flag 1) go by their code alone. */
#define QK_AFTER(flag, key, cmp, kf, kv)                                       \
	"(" flag " > " kf " OR (" flag " = " kf " AND (" key " " cmp " " kv    \
	" OR (" key " = " kv " AND o.code > k.c) OR (" flag " = 1 AND o.code " \
	"> k.c))))"
#define QK_D(cmp) QK_AFTER(QK_FLAG_DATE, QK_DATE, cmp, "k.fd", "k.vd")
#define QK_S(cmp) QK_AFTER(QK_FLAG_SCORE, QK_POINTS, cmp, "k.fs", "k.vs")
#define QUEUE_ORDERS(Q)                                                        \
	{                                                                      \
		{ Q("o.code", QK_BY_CODE "> ?9"),                              \
		  Q("o.code DESC", QK_BY_CODE "< ?9") },                       \
			{ Q(QK_FLAG_DATE ", " QK_DATE, QK_BY_KEY QK_D(">")),   \
			  Q(QK_FLAG_DATE ", " QK_DATE " DESC",                 \
			    QK_BY_KEY QK_D("<")) },                            \
			{ Q(QK_FLAG_SCORE ", " QK_POINTS,                      \
			    QK_BY_KEY QK_S(">")),                              \
			  Q(QK_FLAG_SCORE ", " QK_POINTS " DESC",              \
			    QK_BY_KEY QK_S("<")) },                            \
	}
#define Q_PAGE(order, after)                                                   \
	"SELECT o.code, o.name, coalesce(p.name, ''), coalesce(s.state, "      \
	"?8), coalesce(s.late, 0), s.first_submitted_at, s.updated_at, "       \
	"coalesce(s.id, 0), coalesce(" QUEUE_POINTS ", 0), "                   \
	"coalesce(s.revision, -1), " QUEUE_SIGNED QUEUE_FROM                   \
	" ORDER BY " order ", o.code LIMIT ?6 OFFSET ?7"
static const char *const SQL_PAGE[3][2] = QUEUE_ORDERS(Q_PAGE);
/* "Next school" by keyset: the queue's first row after the school ?9 in
 * the page's order, so the query never reads the whole queue (and gives
 * no place number, which would need it). By code the rows come from the
 * code index from ?9 on, stopping at the first that matches (the CROSS
 * JOIN keeps org_unit outermost in SQLite): a row or a few. By date or
 * score the key is the school's own, read by the subquery k (one row by
 * its code), and the queue's index range is read once for its smallest
 * row after it: no window, no sort of the queue. Either way the school
 * keeps its place by the sort even when the filters no longer match it
 * (just approved from a "đã nộp" queue). */
#define QK_BY_CODE                                                             \
	" FROM org_unit o CROSS JOIN campaign_unit cu LEFT JOIN submission s " \
	"ON s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id WHERE "  \
	"cu.unit_id = o.id AND cu.campaign_id = ?1 AND " SQL_PATH_UNDER(       \
		"cu.path", "?2") " AND " QUEUE_MATCH " AND o.code "
#define QK_BY_KEY                                                                   \
	" FROM (SELECT " QK_FLAG_DATE " AS fd, " QK_DATE                            \
	" AS vd, " QK_FLAG_SCORE " AS fs, " QK_POINTS                               \
	" AS vs, o.code AS c" QUEUE_JOIN                                            \
	" AND o.code = ?9) k, campaign_unit cu JOIN org_unit o ON o.id = "          \
	"cu.unit_id LEFT JOIN submission s ON s.campaign_id = cu.campaign_id "      \
	"AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER( \
		"cu.path", "?2") " AND " QUEUE_MATCH " AND "
#define Q_NEXT(order, tail)                                                    \
	"SELECT o.code, o.name" tail " ORDER BY " order ", o.code LIMIT 1"
static const char *const SQL_NEXT[3][2] = QUEUE_ORDERS(Q_NEXT);
/* Whether the filters match the school ?9 (one row by its code). */
static const char SQL_MATCH[] = "SELECT CASE WHEN " QUEUE_MATCH
				" THEN 1 ELSE 0 END" QUEUE_JOIN
				" AND o.code = ?9";
#undef Q_PAGE
#undef Q_NEXT
static const char SQL_COUNT[] = "SELECT count(*)" QUEUE_FROM;
static const char SQL_ANSWERS[] = "SELECT answers FROM submission WHERE id = ?";
static const char SQL_LEVELS[] =
	"SELECT grp, self_level, reviewed_level FROM submission_score WHERE "
	"submission_id = ?";

static void
bind_filter(struct db_stmt *st, int64_t id, const char *path,
	    const struct queue_filter *f)
{
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, path);
	db_bind_text(st, 3,
		     f->state >= 0 ? sub_state_code((enum sub_state)f->state)
				   : NULL);
	db_bind_int(st, 4, f->late);
	db_bind_int(st, 5, f->levels);
	db_bind_text(st, 8, sub_state_code(ST_NONE)); /* no row yet */
	db_bind_int(st, 10, f->signed_copy);
}

static void
read_levels(struct app *app, int64_t sid, struct queue_row *r)
{
	struct db_stmt *st = sid ? db_prep(app->db, SQL_LEVELS) : NULL;
	if (st == NULL)
		return;
	db_bind_int(st, 1, sid);
	while (db_step(st) == DB_ROW) {
		int64_t g = db_col_int(st, 0);
		if (g < 0 || g >= LC_GROUPS)
			continue;
		r->self_level[g] = (int)db_col_int(st, 1);
		r->reviewed_level[g] = (int)db_col_int(st, 2);
	}
	db_done(st);
}

/* How many warnings the statistics report confirmed ("confirmed" of its
 * values document, docs/indicator-format.md): a page's rows only. */
static void
read_confirmed(struct app *app, int64_t sid, struct queue_row *r)
{
	struct db_stmt *st = sid ? db_prep(app->db, SQL_ANSWERS) : NULL;
	r->confirmed = 0;
	if (st == NULL)
		return;
	db_bind_int(st, 1, sid);
	const char *text = db_step(st) == DB_ROW ? db_col_text(st, 0) : NULL;
	json_t *doc = text ? json_loads(text, 0, NULL) : NULL;
	r->confirmed = (int)json_object_size(json_object_get(doc, "confirmed"));
	json_decref(doc);
	db_done(st);
}

static void
read_row(struct db_stmt *st, struct arena *a, struct queue_row *r)
{
	r->code = db_col_dup(st, 0, a);
	r->name = db_col_dup(st, 1, a);
	r->parent_name = db_col_dup(st, 2, a);
	sub_state_parse(db_col_text(st, 3), &r->state);
	r->late = db_col_int(st, 4) != 0;
	r->first_submitted_at = db_col_dup(st, 5, a);
	r->updated_at = db_col_dup(st, 6, a);
	r->reviewed_points = db_col_int(st, 8);
	r->revision = db_col_int(st, 9);
	r->signed_at = db_col_dup(st, 10, a);
	r->confirmed = -1;
}

/* The root's path: the named unit if in scope, else the actor's own (the
 * campaign owner's for the operator). */
static enum ts_err
queue_root(struct app *app, const struct actor *who, const struct campaign *c,
	   const char *code, struct arena *a, const char **path,
	   struct diags *d)
{
	struct org_unit u;
	*path = who->unit_id ? who->path : c->owner_path;
	if (code == NULL)
		return TS_OK;
	enum ts_err e = org_find_named(app, code, a, &u, d);
	if (e == TS_OK && scope_of(who->path, u.path) == SCOPE_OUTSIDE) {
		diags_add(d, code,
			  "đơn vị không thuộc phạm vi quản lý của tài "
			  "khoản");
		e = TS_EFORBIDDEN;
	}
	if (e == TS_OK)
		*path = u.path;
	return e;
}

static enum ts_err
count_rows(struct app *app, int64_t id, const char *path,
	   const struct queue_filter *f, size_t *total)
{
	struct db_stmt *st = db_prep(app->db, SQL_COUNT);
	if (st == NULL)
		return TS_EDB;
	bind_filter(st, id, path, f);
	enum db_step r = db_step(st);
	*total = r == DB_ROW ? (size_t)db_col_int(st, 0) : 0;
	db_done(st);
	return r == DB_ROW ? TS_OK : TS_EDB;
}

enum ts_err
work_queue(struct app *app, const struct actor *who, int64_t id,
	   const struct queue_filter *f, struct list_page *pg, struct arena *a,
	   struct queue_row **out, size_t *n, struct diags *d)
{
	struct campaign c;
	const char *path = NULL;
	*n = 0;
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	if (e == TS_OK)
		e = queue_root(app, who, &c, f->under, a, &path, d);
	if (e != TS_OK)
		return e;
	*out = arena_calloc(a, pg->limit + 1, sizeof(**out));
	if (*out == NULL)
		return TS_ENOMEM;
	if (count_rows(app, id, path, f, &pg->total) != TS_OK)
		return app_db_error(app, d, "đếm hàng đợi");
	struct db_stmt *st = db_prep(app->db, SQL_PAGE[f->sort][f->desc]);
	if (st == NULL)
		return app_db_error(app, d, "đọc hàng đợi");
	bind_filter(st, id, path, f);
	db_bind_int(st, 6, (int64_t)pg->limit);
	db_bind_int(st, 7, (int64_t)pg->offset);
	int64_t sid[256];
	while (*n < pg->limit && *n < 256 && db_step(st) == DB_ROW) {
		sid[*n] = db_col_int(st, 7);
		read_row(st, a, &(*out)[(*n)++]);
	}
	if (db_finish(st) != TS_OK)
		return app_db_error(app, d, "đọc hàng đợi");
	bool stats = strcmp(c.kind, "thong-ke") == 0;
	for (size_t i = 0; i < *n; i++)
		if (stats)
			read_confirmed(app, sid[i], &(*out)[i]);
		else
			read_levels(app, sid[i], &(*out)[i]);
	return TS_OK;
}

/* Whether the filters still match school `code` (one row). */
static enum ts_err
match_one(struct app *app, int64_t id, const char *path,
	  const struct queue_filter *f, const char *code, bool *in)
{
	struct db_stmt *st = db_prep(app->db, SQL_MATCH);
	if (st == NULL)
		return TS_EDB;
	bind_filter(st, id, path, f);
	db_bind_text(st, 9, code);
	enum db_step r = db_step(st);
	*in = r == DB_ROW && db_col_int(st, 0) != 0;
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

enum ts_err
work_queue_next(struct app *app, const struct actor *who, int64_t id,
		const struct queue_filter *f, const char *code, struct arena *a,
		struct queue_pos *pos, struct diags *d)
{
	struct campaign c;
	const char *path = NULL;
	memset(pos, 0, sizeof(*pos));
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	if (e == TS_OK)
		e = queue_root(app, who, &c, f->under, a, &path, d);
	if (e != TS_OK)
		return e;
	if (match_one(app, id, path, f, code, &pos->in_queue) != TS_OK)
		return app_db_error(app, d, "đọc hàng đợi");
	struct db_stmt *st = db_prep(app->db, SQL_NEXT[f->sort][f->desc]);
	if (st == NULL)
		return app_db_error(app, d, "đọc hàng đợi");
	bind_filter(st, id, path, f);
	db_bind_text(st, 9, code);
	enum db_step r = db_step(st);
	if (r == DB_ROW) {
		pos->next_code = db_col_dup(st, 0, a);
		pos->next_name = db_col_dup(st, 1, a);
	}
	db_done(st);
	return r == DB_ERROR ? app_db_error(app, d, "đọc hàng đợi") : TS_OK;
}
