/* Year over year (issue 16): a school's stored results across the
 * campaigns of one rubric family, and an office's Phụ lục 3 counts. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../core/jread.h"
#include "../util/arena.h"
#include "submission.h"
#include "years.h"

/* The unit's campaigns of the family, oldest year first: each is checked
 * again by sub_open (the actor, that campaign's frozen tree). */
static const char SQL_UNIT_CAMPAIGNS[] =
	"SELECT c.id FROM campaign c JOIN campaign_unit cu ON "
	"cu.campaign_id = c.id JOIN org_unit o ON o.id = cu.unit_id WHERE "
	"o.code = ?1 AND c.rubric_id = ?2 AND c.kind = 'cds' AND "
	"c.school_year <= ?3 AND (c.school_year < ?3 OR c.id = ?4) ORDER BY "
	"c.school_year, c.id";

static const char SQL_GROUPS[] =
	"SELECT grp, self_points, self_level, reviewed_points, reviewed_level "
	"FROM submission_score WHERE submission_id = ?";

static const char SQL_LAST_SNAPSHOT[] =
	"SELECT score FROM snapshot WHERE submission_id = ? ORDER BY version "
	"DESC LIMIT 1";

static const struct group *
group_named(const struct rubric *r, const char *id)
{
	for (size_t g = 0; g < r->ngroups; g++)
		if (strcmp(r->groups[g].id, id) == 0)
			return &r->groups[g];
	return NULL;
}

static const struct criterion *
criterion_named(const struct rubric *r, const char *id)
{
	for (size_t c = 0; c < r->ncriteria; c++)
		if (strcmp(r->criteria[c]->id, id) == 0)
			return r->criteria[c];
	return NULL;
}

/* Which rows of base exist in the year's rubric yr (matched by id). */
static void
mark_rows(const struct rubric *base, const struct rubric *yr,
	  struct unit_year *y)
{
	for (size_t g = 0; g < base->ngroups; g++)
		y->group_exists[g] = group_named(yr, base->groups[g].id);
	for (size_t c = 0; c < base->ncriteria; c++)
		y->crit_exists[c] = criterion_named(yr, base->criteria[c]->id);
}

/* The stored group rows of submission sid (indexed by yr's groups). */
static enum ts_err
read_groups(struct app *app, int64_t sid, const struct rubric *base,
	    const struct rubric *yr, struct unit_year *y)
{
	struct db_stmt *st = db_prep(app->db, SQL_GROUPS);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, sid);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t g = db_col_int(st, 0);
		const struct group *gr = g >= 0 && (size_t)g < yr->ngroups
						 ? group_named(base,
							       yr->groups[g].id)
						 : NULL;
		if (gr == NULL)
			continue;
		int col = y->reviewed ? 3 : 1;
		y->groups[gr->idx] = (struct year_figure){
			true, db_col_int(st, col), (int)db_col_int(st, col + 1)
		};
	}
	db_done(st);
	return rc == DB_DONE ? TS_OK : TS_EDB;
}

/* One criterion of a stored score JSON, matched to base by id. */
static void
read_criterion(json_t *c, const struct rubric *base, struct unit_year *y)
{
	const char *id = json_string_value(json_object_get(c, "id"));
	const struct criterion *cr = id ? criterion_named(base, id) : NULL;
	pts_t p;
	if (cr != NULL && jread_number(json_object_get(c, "points"), &p))
		y->criteria[cr->idx] = (struct year_figure){ true, p, 0 };
}

static void
read_score_json(const char *text, const struct rubric *base,
		struct unit_year *y)
{
	json_t *root = json_loads(text, 0, NULL);
	size_t i, j;
	json_t *g, *c;
	json_array_foreach(json_object_get(root, "groups"), i, g)
		json_array_foreach(json_object_get(g, "criteria"), j, c)
			read_criterion(c, base, y);
	json_decref(root);
}

/* Criterion points of the latest submitted version. */
static enum ts_err
read_criteria(struct app *app, int64_t sid, const struct rubric *base,
	      struct unit_year *y)
{
	struct db_stmt *st = db_prep(app->db, SQL_LAST_SNAPSHOT);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, sid);
	int rc = db_step(st);
	if (rc == DB_ROW)
		read_score_json(db_col_text(st, 0), base, y);
	db_done(st);
	return rc == DB_ROW || rc == DB_DONE ? TS_OK : TS_EDB;
}

static bool
year_alloc(struct arena *a, const struct rubric *base, struct unit_year *y)
{
	y->groups = arena_calloc(a, base->ngroups + 1, sizeof(*y->groups));
	y->criteria = arena_calloc(a, base->ncriteria + 1,
				   sizeof(*y->criteria));
	y->group_exists = arena_calloc(a, base->ngroups + 1, sizeof(bool));
	y->crit_exists = arena_calloc(a, base->ncriteria + 1, sizeof(bool));
	return y->groups && y->criteria && y->group_exists && y->crit_exists;
}

/* Fills one year from submission s (opened for viewing). */
static enum ts_err
fill_year(struct app *app, const struct rubric *base,
	  const struct submission *s, bool asked, struct arena *a,
	  struct unit_year *y)
{
	memset(y, 0, sizeof(*y));
	y->campaign_id = s->campaign.id;
	y->school_year = s->campaign.school_year;
	y->rubric_version = s->campaign.rubric_version;
	y->state = s->state;
	y->reviewed = wf_reviewed(s->state);
	y->shown = asked || y->reviewed;
	if (!year_alloc(a, base, y))
		return TS_ENOMEM;
	mark_rows(base, s->rubric, y);
	if (!y->shown || s->id == 0)
		return TS_OK;
	enum ts_err e = read_groups(app, s->id, base, s->rubric, y);
	return e == TS_OK ? read_criteria(app, s->id, base, y) : e;
}

/* The family's campaigns the unit took part in, ids into *ids. */
static enum ts_err
family_campaigns(struct app *app, const struct submission *s, struct arena *a,
		 int64_t **ids, size_t *n)
{
	struct db_stmt *st = db_prep(app->db, SQL_UNIT_CAMPAIGNS);
	size_t cap = 8;
	*n = 0;
	*ids = arena_alloc(a, cap * sizeof(**ids));
	if (st == NULL || *ids == NULL)
		return st == NULL ? TS_EDB : TS_ENOMEM;
	db_bind_text(st, 1, s->unit.code);
	db_bind_text(st, 2, s->campaign.rubric_id);
	db_bind_text(st, 3, s->campaign.school_year);
	db_bind_int(st, 4, s->campaign.id);
	int rc;
	while ((rc = db_step(st)) == DB_ROW && *ids != NULL) {
		if (*n == cap) {
			int64_t *more = arena_alloc(a, 2 * cap * sizeof(*more));
			if (more != NULL)
				memcpy(more, *ids, cap * sizeof(*more));
			*ids = more;
			cap *= 2;
		}
		if (*ids != NULL)
			(*ids)[(*n)++] = db_col_int(st, 0);
	}
	db_done(st);
	if (*ids == NULL)
		return TS_ENOMEM;
	return rc == DB_DONE ? TS_OK : TS_EDB;
}

/* Adds campaign id's year when the actor may view it there. */
static enum ts_err
add_year(struct app *app, const struct actor *who, int64_t id,
	 const struct submission *asked, struct arena *a,
	 struct unit_years *out)
{
	struct submission s;
	struct diags quiet;
	diags_init(&quiet);
	enum ts_err e = sub_open(app, who, id, asked->unit.code, ACT_VIEW, a,
				 &s, &quiet);
	diags_release(&quiet);
	if (e == TS_EFORBIDDEN || e == TS_ENOTFOUND)
		return TS_OK; /* not this actor's to see in that year */
	if (e == TS_OK)
		e = fill_year(app, out->rubric, &s, id == asked->campaign.id, a,
			      &out->y[out->n]);
	out->n += e == TS_OK;
	return e;
}

enum ts_err
unit_years(struct app *app, const struct actor *who, int64_t cid,
	   const char *unit_code, struct arena *a, struct unit_years *out,
	   struct diags *d)
{
	struct submission asked;
	int64_t *ids = NULL;
	size_t n = 0;
	memset(out, 0, sizeof(*out));
	enum ts_err e = sub_open(app, who, cid, unit_code, ACT_VIEW, a, &asked,
				 d);
	if (e != TS_OK)
		return e;
	out->rubric = asked.rubric;
	out->unit_name = asked.unit.name;
	e = family_campaigns(app, &asked, a, &ids, &n);
	out->y = e == TS_OK ? arena_calloc(a, n + 1, sizeof(*out->y)) : NULL;
	if (e == TS_OK && out->y == NULL)
		e = TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < n; i++)
		e = add_year(app, who, ids[i], &asked, a, out);
	return e == TS_EDB ? app_db_error(app, d, "đọc kết quả các năm") : e;
}

int
unit_years_previous(const struct unit_years *u)
{
	for (size_t i = u->n; i-- > 1;)
		if (u->y[i - 1].shown)
			return (int)i - 1;
	return -1;
}

static bool
same_family(const struct campaign *c, const struct campaign *base)
{
	return strcmp(c->rubric_id, base->rubric_id) == 0 &&
	       strcmp(c->kind, "cds") == 0 &&
	       (strcmp(c->school_year, base->school_year) < 0 ||
		c->id == base->id);
}

/* Oldest year first (insertion sort: a handful of years). */
static void
sort_years(struct office_years *o)
{
	for (size_t i = 1; i < o->n; i++)
		for (size_t j = i; j > 0 && strcmp(o->y[j - 1].school_year,
						   o->y[j].school_year) > 0;
		     j--) {
			struct office_year t = o->y[j];
			o->y[j] = o->y[j - 1];
			o->y[j - 1] = t;
		}
}

static enum ts_err
office_year_add(struct app *app, const struct actor *who,
		const struct campaign *c, int64_t base_id,
		const char *root_code, struct office_years *out,
		struct diags *d)
{
	struct office_year *y = &out->y[out->n];
	memset(y, 0, sizeof(*y));
	y->campaign_id = c->id;
	y->school_year = c->school_year;
	enum ts_err e = campaign_levels_opt(app, who, c->id, root_code, false,
					    &y->lc, &y->part, d);
	/* A year whose round had no participant under the office (the
	 * tree of that day put its schools elsewhere) is not its year. */
	out->n += e == TS_OK && (y->part.expected_all > 0 || c->id == base_id);
	return e;
}

enum ts_err
office_years(struct app *app, const struct actor *who, int64_t cid,
	     const char *root_code, struct arena *a, struct office_years *out,
	     struct diags *d)
{
	struct campaign base, *list = NULL;
	size_t n = 0;
	memset(out, 0, sizeof(*out));
	enum ts_err e = campaign_get(app, who, cid, a, &base, d);
	if (e == TS_OK)
		e = campaign_list(app, who, a, &list, &n, d);
	out->rubric = e == TS_OK ? app_rubric(app, base.rubric_id,
					      base.rubric_version)
				 : NULL;
	out->y = e == TS_OK ? arena_calloc(a, n + 1, sizeof(*out->y)) : NULL;
	if (e == TS_OK && (out->y == NULL || out->rubric == NULL))
		e = out->y == NULL ? TS_ENOMEM : TS_EDB;
	for (size_t i = 0; e == TS_OK && i < n; i++)
		if (same_family(&list[i], &base))
			e = office_year_add(app, who, &list[i], base.id,
					    root_code, out, d);
	if (e == TS_OK)
		sort_years(out);
	return e;
}

void
year_heading(const struct unit_year *y, char *out, size_t n)
{
	if (y->reviewed || y->state == ST_NONE)
		snprintf(out, n, "%s", y->school_year);
	else if (y->shown)
		snprintf(out, n, "%s (%s)", y->school_year,
			 sub_state_name(y->state));
	else
		snprintf(out, n, "%s (%s, chưa phê duyệt)", y->school_year,
			 sub_state_name(y->state));
}

bool
year_unreviewed(const struct unit_year *y)
{
	return y->shown && !y->reviewed;
}

/* The words of a cell without a figure, or NULL when it has one. */
static const char *
no_figure(const struct unit_year *y, bool exists, bool known)
{
	if (!exists)
		return "không so sánh được";
	if (!y->shown)
		return "—";
	if (known)
		return NULL;
	return y->own ? YEAR_UNANSWERED : "chưa có";
}

void
year_group_cell(const struct unit_year *y, size_t g, char *out, size_t n)
{
	const struct year_figure *f = &y->groups[g];
	const char *words = no_figure(y, y->group_exists[g], f->known);
	char p[PTS_FMT_SIZE];
	if (words != NULL)
		snprintf(out, n, "%s", words);
	else if (f->level > 0 && (y->reviewed || y->state != ST_DRAFT))
		snprintf(out, n, "%s điểm, Mức độ %d",
			 pts_format_vn(f->points, p), f->level);
	else
		snprintf(out, n, "%s điểm", pts_format_vn(f->points, p));
}

void
year_crit_cell(const struct unit_year *y, size_t c, char *out, size_t n)
{
	const struct year_figure *f = &y->criteria[c];
	const char *words = no_figure(y, y->crit_exists[c], f->known);
	char p[PTS_FMT_SIZE];
	snprintf(out, n, "%s", words ? words : pts_format_vn(f->points, p));
}

bool
years_have_total(const struct unit_years *u)
{
	return u->rubric->ngroups > 1 && rubric_has_total(u->rubric);
}

void
year_total_cell(const struct unit_year *y, const struct rubric *r,
		const char *sep, char *out, size_t n)
{
	pts_t sum = 0;
	for (size_t g = 0; g < r->ngroups; g++) {
		const char *words = no_figure(y, y->group_exists[g],
					      y->groups[g].known);
		if (words != NULL) {
			snprintf(out, n, "%s", words);
			return;
		}
		sum += y->groups[g].points;
	}
	/* The grade of the sum, as the rubric sheet's "Xếp loại"; a draft
	 * has none yet, as its group cells have no level. */
	const struct level_band *gr = level_find(r->grades, r->ngrades, sum);
	char p[PTS_FMT_SIZE];
	if (gr != NULL && gr->name != NULL &&
	    (y->reviewed || y->state != ST_DRAFT))
		snprintf(out, n, "%s điểm%sXếp loại %s", pts_format_vn(sum, p),
			 sep, gr->name);
	else
		snprintf(out, n, "%s điểm", pts_format_vn(sum, p));
}
