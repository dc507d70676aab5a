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
	"(?4, ?5, ?6, ?7, ?8) THEN g.reviewed_level ELSE g.self_level "
	"END FROM campaign_unit cu JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id JOIN submission_score g "
	"ON g.submission_id = s.id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path",
		"?2") " AND (s.state IN (?4, ?5, ?6, ?7, "
		      "?8) OR (?3 AND s.state IN (?9, ?10, ?11, ?12, ?13))) ORDER BY "
		      "cu.path";

/* Grades, gates and points are not in the stored summary: graded
 * rubrics' results are scored here (only the office summary of a rubric
 * without levels asks for them). */
static const char SQL_SCORED[] =
	"SELECT cu.school_levels, s.answers, CASE WHEN s.state IN "
	"(?4, ?5, ?6, ?7, ?8) THEN s.external END FROM campaign_unit cu "
	"JOIN submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
	"cu.unit_id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path",
		"?2") " AND (s.state IN (?4, ?5, ?6, ?7, "
		      "?8) OR (?3 AND s.state IN (?9, ?10, ?11, ?12, ?13)))";

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

enum ts_err
campaign_root_path(struct app *app, const struct actor *who,
		   const char *root_code, const struct campaign *c,
		   struct arena *a, const char **path, struct diags *d)
{
	struct org_unit root;
	*path = who->unit_id ? who->path : c->owner_path;
	if (root_code == NULL)
		return TS_OK;
	enum ts_err e = org_find_named(app, root_code, a, &root, d);
	if (e != TS_OK)
		return e;
	e = actor_may(who, PK_UNIT, root.path, PA_VIEW, root_code, d);
	if (e == TS_OK)
		*path = root.path;
	return e;
}

/* Reviewed results (?4..), and those waiting for approval (?9..). */
static void
bind_states(struct db_stmt *st)
{
	const char *reviewed[WF_CODES_MAX], *waiting[WF_CODES_MAX];
	wf_reviewed_codes(reviewed);
	wf_from_codes(ACT_APPROVE, waiting);
	sub_bind_states(st, 4, reviewed);
	sub_bind_states(st, 4 + WF_CODES_MAX, waiting);
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
	bind_states(st);
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
	return db_finish(st) == TS_OK ? TS_OK
				      : app_db_error(app, d, "đọc kết quả");
}

/* Grade rank from 1 (the lowest band), 0 when none. */
static int
grade_rank(const struct rubric *r, const struct score *s)
{
	for (size_t i = 0; s->grade && i < r->ngrades; i++)
		if (&r->grades[i] == s->grade)
			return (int)i + 1;
	return 0;
}

/* Scores one stored result and counts its grade, gates and points. */
static void
count_grade(struct db_stmt *st, const struct rubric *r,
	    struct grade_counts *out)
{
	struct answers *a = NULL;
	struct score *s = NULL;
	struct diags d;
	bool gates[LC_GROUPS] = { false };
	int64_t points[LC_GROUPS] = { 0 };
	diags_init(&d);
	if (sub_score(r, db_col_text(st, 1), db_col_text(st, 2), &a, &s, &d) ==
	    TS_OK) {
		for (size_t g = 0; g < r->ngroups && g < LC_GROUPS; g++) {
			gates[g] = s->groups[g].gates_met;
			points[g] = s->groups[g].points;
		}
		grade_counts_add(out, (unsigned)db_col_int(st, 0),
				 grade_rank(r, s), gates, points, r->ngroups);
	}
	score_free(s);
	answers_free(a);
	diags_release(&d);
}

static enum ts_err
count_grades(struct app *app, int64_t id, const char *path,
	     const struct rubric *r, bool submitted, struct grade_counts *out,
	     struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_SCORED);
	if (st == NULL)
		return app_db_error(app, d, "đọc kết quả");
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, path);
	db_bind_int(st, 3, submitted);
	bind_states(st);
	while (db_step(st) == DB_ROW)
		count_grade(st, r, out);
	return db_finish(st) == TS_OK ? TS_OK
				      : app_db_error(app, d, "đọc kết quả");
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
	return db_finish(st) == TS_OK
		       ? TS_OK
		       : app_db_error(app, d, "đọc danh sách đơn vị");
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

/* The campaign's rubric and the path to count under. */
static enum ts_err
count_target(struct app *app, const struct actor *who, int64_t id,
	     const char *root_code, struct arena *a, const char **path,
	     const struct rubric **r, struct diags *d)
{
	struct campaign c;
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	if (e == TS_OK)
		e = campaign_root_path(app, who, root_code, &c, a, path, d);
	*r = e == TS_OK ? app_rubric(app, c.rubric_id, c.rubric_version) : NULL;
	if (e == TS_OK && *r == NULL) {
		diags_add(d, c.rubric_id, "không tìm thấy bộ chỉ số của đợt");
		e = TS_ENOTFOUND;
	}
	return e;
}

enum ts_err
campaign_levels_opt(struct app *app, const struct actor *who, int64_t id,
		    const char *root_code, bool include_submitted,
		    struct level_counts *out, struct participation *part,
		    struct diags *d)
{
	struct arena *a = arena_new();
	const char *path = NULL;
	const struct rubric *r = NULL;
	memset(out, 0, sizeof(*out));
	if (part)
		memset(part, 0, sizeof(*part));
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = count_target(app, who, id, root_code, a, &path, &r, d);
	if (e == TS_OK)
		e = count_cached(app, id, path, r, include_submitted, out, part,
				 d);
	arena_free(a);
	return e;
}

enum ts_err
campaign_grades(struct app *app, const struct actor *who, int64_t id,
		const char *root_code, bool include_submitted,
		struct grade_counts *out, struct participation *part,
		struct diags *d)
{
	struct arena *a = arena_new();
	const char *path = NULL;
	const struct rubric *r = NULL;
	memset(out, 0, sizeof(*out));
	if (part)
		memset(part, 0, sizeof(*part));
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = count_target(app, who, id, root_code, a, &path, &r, d);
	if (e == TS_OK)
		e = count_grades(app, id, path, r, include_submitted, out, d);
	if (e == TS_OK && part)
		e = count_participation(app, id, path, part, d);
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
