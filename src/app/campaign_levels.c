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
	"END, cu.path FROM campaign_unit cu JOIN submission s ON s.campaign_id = "
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
	"SELECT cu.school_levels, s.first_submitted_at IS NOT NULL, cu.path "
	"FROM campaign_unit cu LEFT JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ?1 "
	"AND " SQL_PATH_UNDER("cu.path", "?2") " ORDER BY cu.path";

/* What a dashboard keeps of the levels under a root: the levels and the
 * participation. */
struct counted {
	struct level_counts lc;
	struct participation part;
};
/* The same per child of the root (sorted by prefix), so that after a change
 * only the children the changed units are under are counted again. */
struct level_part {
	char prefix[256];
	struct counted c;
};
struct parts {
	const char *root;
	struct arena *a;
	struct level_part *v;
	size_t n, cap;
	bool whole; /* a participant is the root itself: no parts */
};

/* The index of the part with prefix c in p (sorted by prefix), or where
 * it would go. */
static size_t
part_find(const struct parts *p, const char *c)
{
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(p->v[mid].prefix, c) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A new part with prefix c at index i (c fits: results_child). */
static struct counted *
part_insert(struct parts *p, size_t i, const char *c)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 32;
		struct level_part *v = arena_calloc(p->a, cap, sizeof(*v));
		if (v == NULL)
			return NULL;
		if (p->n)
			memcpy(v, p->v, p->n * sizeof(*v));
		p->v = v;
		p->cap = cap;
	}
	memmove(&p->v[i + 1], &p->v[i], (p->n - i) * sizeof(*p->v));
	p->n++;
	memset(&p->v[i], 0, sizeof(p->v[i]));
	memcpy(p->v[i].prefix, c, strlen(c) + 1);
	return &p->v[i].c;
}

/* Where a participant at path is counted: its child's part (made when
 * it is a new one), or rest. */
static struct counted *
part_of(struct parts *p, const char *path, struct counted *rest)
{
	char c[256];
	if (p == NULL || !results_child(p->root, path, c)) {
		if (p != NULL)
			p->whole = true;
		return rest;
	}
	size_t i = part_find(p, c);
	if (i < p->n && strcmp(p->v[i].prefix, c) == 0)
		return &p->v[i].c;
	return part_insert(p, i, c);
}

/* One result's levels, gathered over its group rows. */
struct result_levels {
	int64_t id; /* 0: none yet */
	unsigned school_levels;
	int lv[LC_GROUPS];
	char path[256];
};

static void
flush(struct result_levels *cur, size_t ngroups, struct parts *p,
      struct counted *rest)
{
	struct counted *c = cur->id != 0 ? part_of(p, cur->path, rest) : NULL;
	if (c != NULL)
		level_counts_add(&c->lc, cur->school_levels, cur->lv, ngroups);
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

/* Levels under path into p's parts (NULL: all into rest). */
static enum ts_err
count_levels(struct app *app, int64_t id, const char *path,
	     const struct rubric *r, bool submitted, struct parts *p,
	     struct counted *rest, struct diags *d)
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
			flush(&cur, r->ngroups, p, rest);
		cur.id = db_col_int(st, 1);
		cur.school_levels = (unsigned)db_col_int(st, 0);
		snprintf(cur.path, sizeof(cur.path), "%s", db_col_text(st, 4));
		int64_t g = db_col_int(st, 2);
		if (g >= 0 && g < LC_GROUPS)
			cur.lv[g] = (int)db_col_int(st, 3);
	}
	flush(&cur, r->ngroups, p, rest);
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

/* Participation under path into p's parts (NULL: all into rest). */
static enum ts_err
count_parts_participation(struct app *app, int64_t id, const char *path,
			  struct parts *p, struct counted *rest,
			  struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_PARTICIPATION);
	if (st == NULL)
		return app_db_error(app, d, "đọc danh sách đơn vị");
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, path);
	while (db_step(st) == DB_ROW) {
		struct counted *c = part_of(p, db_col_text(st, 2), rest);
		if (c != NULL)
			participation_add(&c->part, (unsigned)db_col_int(st, 0),
					  db_col_int(st, 1) != 0);
	}
	return db_finish(st) == TS_OK
		       ? TS_OK
		       : app_db_error(app, d, "đọc danh sách đơn vị");
}

static enum ts_err
count_participation(struct app *app, int64_t id, const char *path,
		    struct participation *p, struct diags *d)
{
	struct counted c;
	memset(&c, 0, sizeof(c));
	enum ts_err e = count_parts_participation(app, id, path, NULL, &c, d);
	*p = c.part;
	return e;
}

/* Everything under path, counted: into parts by child when p is not
 * NULL, the total into *total. */
static enum ts_err
count_all(struct app *app, int64_t id, const char *path, const struct rubric *r,
	  bool submitted, struct parts *p, struct counted *total,
	  struct diags *d)
{
	memset(total, 0, sizeof(*total));
	enum ts_err e = count_levels(app, id, path, r, submitted, p, total, d);
	if (e == TS_OK)
		e = count_parts_participation(app, id, path, p, total, d);
	for (size_t i = 0; e == TS_OK && p != NULL && i < p->n; i++)
		results_sum(total, &p->v[i].c, sizeof(*total));
	return e;
}

/* The parts (kept at generation from) brought to generation to: those
 * the changes since are under counted again, and their sum into total;
 * TS_ESTALE to count everything again. */
static enum ts_err
update_parts(struct app *app, int64_t id, const char *path,
	     const struct rubric *r, bool submitted, int64_t from, int64_t to,
	     struct parts *p, struct counted *total, struct diags *d)
{
	const char **paths = NULL;
	size_t n = 0;
	bool *done = arena_calloc(p->a, p->n + 1, sizeof(*done));
	enum ts_err e = done ? results_changes(app, id, path, from, to, p->a,
					       &paths, &n)
			     : TS_ENOMEM;
	for (size_t k = 0; e == TS_OK && k < n; k++) {
		char c[256];
		size_t i = 0;
		if (!results_child(path, paths[k], c))
			return TS_ESTALE;
		i = part_find(p, c);
		if (i == p->n || strcmp(p->v[i].prefix, c) != 0)
			return TS_ESTALE; /* a new child: count again */
		if (!done[i])
			e = count_all(app, id, c, r, submitted, NULL,
				      &p->v[i].c, d);
		done[i] = true;
	}
	memset(total, 0, sizeof(*total));
	for (size_t i = 0; e == TS_OK && i < p->n; i++)
		results_sum(total, &p->v[i].c, sizeof(*total));
	return e;
}

/* The parts and their total at generation gen: the kept parts brought
 * up to date, or everything counted. */
static enum ts_err
count_parts(struct app *app, int64_t id, const char *path,
	    const struct rubric *r, bool submitted, int64_t gen,
	    struct parts *p, struct counted *out, struct diags *d)
{
	enum rc_kind pkind = submitted ? RC_LEVEL_PARTS_SUBMITTED
				       : RC_LEVEL_PARTS;
	int64_t had = -1;
	size_t size = 0;
	p->v = results_cache_latest(app, id, path, pkind, &had, &size, p->a);
	p->n = p->cap = p->v ? size / sizeof(*p->v) : 0;
	enum ts_err e = p->v && had < gen
				? update_parts(app, id, path, r, submitted, had,
					       gen, p, out, d)
				: TS_ESTALE;
	if (e != TS_ESTALE)
		return e;
	p->v = NULL;
	p->n = p->cap = 0;
	return count_all(app, id, path, r, submitted, p, out, d);
}

/* Keeps the total, and the parts when there are some to keep. */
static void
keep(struct app *app, int64_t id, const struct parts *p, bool submitted,
     int64_t gen, const struct counted *total)
{
	results_cache_put(app, id, p->root,
			  submitted ? RC_LEVELS_SUBMITTED : RC_LEVELS, gen,
			  total, sizeof(*total));
	if (!p->whole)
		results_cache_put(app, id, p->root,
				  submitted ? RC_LEVEL_PARTS_SUBMITTED
					    : RC_LEVEL_PARTS,
				  gen, p->v, p->n * sizeof(*p->v));
}

/* Levels and participation under path: kept per results generation,
 * with the same per child of the root, so that after a change only the
 * children the changed units are under are counted again
 * (results_cache.h). */
static enum ts_err
count_cached(struct app *app, int64_t id, const char *path,
	     const struct rubric *r, bool submitted, struct counted *out,
	     struct diags *d)
{
	enum rc_kind kind = submitted ? RC_LEVELS_SUBMITTED : RC_LEVELS;
	struct parts p = { path, arena_new(), NULL, 0, 0, false };
	size_t size = 0;
	int64_t gen;
	struct counted *c = NULL;
	enum ts_err e = p.a ? results_gen(app, id, &gen) : TS_ENOMEM;
	if (e == TS_OK)
		c = results_cache_get(app, id, path, kind, gen, &size, p.a);
	if (c != NULL && size == sizeof(*c))
		*out = *c;
	else if (e == TS_OK)
		e = count_parts(app, id, path, r, submitted, gen, &p, out, d);
	if (e == TS_OK && (c == NULL || size != sizeof(*c)))
		keep(app, id, &p, submitted, gen, out);
	arena_free(p.a);
	return e == TS_EDB && d->n == 0 ? app_db_error(app, d, "đọc kết quả")
					: e;
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
	struct counted c;
	if (e == TS_OK)
		e = count_cached(app, id, path, r, include_submitted, &c, d);
	if (e == TS_OK) {
		*out = c.lc;
		if (part)
			*part = c.part;
	}
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
