/* Phụ lục 3: counts of units per level, group and cấp học, and the
 * participation (quy mô triển khai) they are a share of. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "campaign.h"
#include "org.h"
#include "results_cache.h"
#include "submission.h"

/* Levels stored with each result (score_summary.c): approved results
 * with the đánh giá ngoài laid over, merely submitted ones (when asked
 * for) with the school's own; one row per group, a result's rows
 * together (path order). */
static const char SQL_RESULTS[] =
	"SELECT cu.school_levels, s.id, g.grp, CASE WHEN s.state IN "
	"('approved', 'published') THEN g.reviewed_level ELSE g.self_level "
	"END FROM campaign_unit cu JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id JOIN submission_score g "
	"ON g.submission_id = s.id WHERE cu.campaign_id = ?1 AND "
	SQL_PATH_UNDER("cu.path", "?2") " AND (s.state IN ('approved', "
	"'published') OR (?3 AND s.state = 'submitted')) ORDER BY cu.path";

static const char SQL_PARTICIPATION[] =
	"SELECT cu.school_levels, s.first_submitted_at IS NOT NULL FROM "
	"campaign_unit cu LEFT JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ?1 "
	"AND " SQL_PATH_UNDER("cu.path", "?2");

/* One result's levels, gathered over its group rows. */
struct result_levels {
	int64_t id; /* 0: none yet */
	unsigned school_levels;
	int lv[LC_GROUPS];
};

static void
flush(struct result_levels *cur, size_t ngroups, struct level_counts *out)
{
	if (cur->id != 0)
		level_counts_add(out, cur->school_levels, cur->lv, ngroups);
	memset(cur, 0, sizeof(*cur));
}

/* The path to count under: root_code's if in scope, else the actor's
 * unit, or the campaign owner's for the operator. */
static enum ts_err
root_path(struct app *app, const struct actor *who, const char *root_code,
	  const struct campaign *c, struct arena *a, const char **path,
	  struct diags *d)
{
	struct org_unit root;
	*path = who->unit_id ? who->path : c->owner_path;
	if (root_code == NULL)
		return TS_OK;
	enum ts_err e = org_find_named(app, root_code, a, &root, d);
	if (e != TS_OK)
		return e;
	if (scope_of(who->path, root.path) == SCOPE_OUTSIDE) {
		diags_add(d, root_code, "đơn vị không thuộc phạm vi");
		return TS_EFORBIDDEN;
	}
	*path = root.path;
	return TS_OK;
}

static enum ts_err
count_levels(struct app *app, int64_t id, const char *path,
	     const struct rubric *r, bool submitted, struct level_counts *out,
	     struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_RESULTS);
	struct result_levels cur = { 0 };
	if (st == NULL)
		return app_db_error(app, d, "đọc kết quả");
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, path);
	db_bind_int(st, 3, submitted);
	while (db_step(st) == DB_ROW) {
		if (db_col_int(st, 1) != cur.id)
			flush(&cur, r->ngroups, out);
		cur.id = db_col_int(st, 1);
		cur.school_levels = (unsigned)db_col_int(st, 0);
		int64_t g = db_col_int(st, 2);
		if (g >= 0 && g < LC_GROUPS)
			cur.lv[g] = (int)db_col_int(st, 3);
	}
	flush(&cur, r->ngroups, out);
	db_done(st);
	return TS_OK;
}

static enum ts_err
count_participation(struct app *app, int64_t id, const char *path,
		    struct participation *p, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_PARTICIPATION);
	if (st == NULL)
		return app_db_error(app, d, "đọc danh sách đơn vị");
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, path);
	while (db_step(st) == DB_ROW)
		participation_add(p, (unsigned)db_col_int(st, 0),
				  db_col_int(st, 1) != 0);
	db_done(st);
	return TS_OK;
}

/* Levels and participation under path, counted or kept from an earlier
 * count of the same results generation (results_cache.h). */
static enum ts_err
count_cached(struct app *app, int64_t id, const char *path,
	     const struct rubric *r, bool submitted, struct level_counts *out,
	     struct participation *part, struct diags *d)
{
	struct counted {
		struct level_counts lc;
		struct participation part;
	} *c = NULL, now;
	enum rc_kind kind = submitted ? RC_LEVELS_SUBMITTED : RC_LEVELS;
	struct arena *a = arena_new();
	size_t size = 0;
	int64_t gen;
	enum ts_err e = a ? results_gen(app, id, &gen) : TS_ENOMEM;
	if (e == TS_EDB)
		e = app_db_error(app, d, "đọc kết quả");
	if (e == TS_OK)
		c = results_cache_get(app, id, path, kind, gen, &size, a);
	if (e == TS_OK && (c == NULL || size != sizeof(*c))) {
		memset(&now, 0, sizeof(now));
		c = &now;
		e = count_levels(app, id, path, r, submitted, &c->lc, d);
		if (e == TS_OK)
			e = count_participation(app, id, path, &c->part, d);
		if (e == TS_OK)
			results_cache_put(app, id, path, kind, gen, c,
					  sizeof(*c));
	}
	if (e == TS_OK) {
		*out = c->lc;
		if (part)
			*part = c->part;
	}
	arena_free(a);
	return e;
}

enum ts_err
campaign_levels_opt(struct app *app, const struct actor *who, int64_t id,
		    const char *root_code, bool include_submitted,
		    struct level_counts *out, struct participation *part,
		    struct diags *d)
{
	struct arena *a = arena_new();
	struct campaign c;
	const char *path = NULL;
	memset(out, 0, sizeof(*out));
	if (part)
		memset(part, 0, sizeof(*part));
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	if (e == TS_OK)
		e = root_path(app, who, root_code, &c, a, &path, d);
	const struct rubric *r = e == TS_OK ? app_rubric(app, c.rubric_id,
							 c.rubric_version)
					    : NULL;
	if (e == TS_OK && r == NULL) {
		diags_add(d, c.rubric_id, "không tìm thấy bộ chỉ số của đợt");
		e = TS_ENOTFOUND;
	}
	if (e == TS_OK)
		e = count_cached(app, id, path, r, include_submitted, out, part,
				 d);
	arena_free(a);
	return e;
}

enum ts_err
campaign_levels(struct app *app, const struct actor *who, int64_t id,
		const char *root_code, struct level_counts *out,
		struct diags *d)
{
	return campaign_levels_opt(app, who, id, root_code, false, out, NULL,
				   d);
}
