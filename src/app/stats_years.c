/* Phụ lục 6, section III: the figures of each school year from the first
 * of the period to the campaign's (stats_years_open). A year is read from
 * its approved statistics rounds under the root office, summed over the
 * rounds; a year with no round from what the office typed for it
 * (stats_typed_get); otherwise it is missing, never zero. */
#include "stats.h"
#include "stats_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "org.h"

/* The other statistics rounds of a school year with participants under
 * the root. */
static const char SQL_ROUNDS[] =
	"SELECT c.id FROM campaign c JOIN stats_campaign sc ON "
	"sc.campaign_id = c.id WHERE c.school_year = ?1 AND c.id <> ?2 AND "
	"EXISTS (SELECT 1 FROM campaign_unit cu WHERE cu.campaign_id = c.id "
	"AND " SQL_PATH_UNDER("cu.path", "?3") ") ORDER BY c.id";

static void
cell_add(struct agg_cell *to, const struct agg_cell *from)
{
	to->units += from->units;
	to->answered += from->answered;
	to->sum += from->sum;
	to->yes += from->yes;
	to->part_sum += from->part_sum;
	to->whole_sum += from->whole_sum;
	to->paired += from->paired;
	to->nnames += from->nnames;
	to->ndomestic += from->ndomestic;
}

/* Adds a round's all-levels cells, matched by code, to y. */
static void
add_round(struct stats_year *y, const struct ind_set *set,
	  const struct stats_rollup *r)
{
	for (size_t i = 0; i < set->n; i++) {
		const struct indicator *it = ind_find(r->info.set,
						      set->v[i]->code);
		if (it != NULL)
			cell_add(&y->cells[i],
				 ind_agg_cell(r->agg, it, AGG_ALL));
	}
	y->nrounds++;
	y->reported += r->agg->reported[AGG_ALL];
	y->units += r->agg->units[AGG_ALL];
}

static enum ts_err
year_rounds(struct app *app, const struct actor *who,
	    const struct stats_rollup *cur, const char *root_code,
	    struct arena *a, struct stats_year *y, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_ROUNDS);
	if (st == NULL)
		return app_db_error(app, d, "đọc các đợt thống kê");
	db_bind_text(st, 1, y->year);
	db_bind_int(st, 2, cur->campaign.id);
	db_bind_text(st, 3, cur->root_path);
	int64_t ids[16];
	size_t n = 0;
	while (n < 16 && db_step(st) == DB_ROW)
		ids[n++] = db_col_int(st, 0);
	enum ts_err e = db_finish(st) == TS_OK
				? TS_OK
				: app_db_error(app, d, "đọc các đợt thống kê");
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		struct stats_rollup r;
		e = stats_rollup_open(app, who, ids[i], root_code, false, a, &r,
				      d);
		if (e == TS_OK) {
			add_round(y, cur->info.set, &r);
			stats_rollup_release(&r);
		}
	}
	return e;
}

static enum ts_err
year_typed(struct app *app, const struct actor *who, const char *root_code,
	   struct stats_years *ys, struct arena *a, struct stats_year *y,
	   struct diags *d)
{
	struct stats_typed t;
	enum ts_err e = stats_typed_get(app, who, root_code, y->year, a, &t, d);
	if (e != TS_OK || t.json == NULL || ys->typed_set == NULL)
		return e;
	y->by = t.by;
	y->at = t.at;
	return ind_values_parse(ys->typed_set, t.json, strlen(t.json), y->year,
				&y->typed, d);
}

static enum ts_err
load_sets(struct app *app, struct arena *a, struct stats_years *ys,
	  struct diags *d)
{
	const char *dir = arena_printf(a, "%s/indicators", app->data_dir);
	enum ts_err e = ind_sets_load(dir, &ys->sets, d);
	if (e == TS_OK)
		ys->typed_set = ind_sets_find(&ys->sets, STATS_TYPED_SET);
	return e;
}

static enum ts_err
one_year(struct app *app, const struct actor *who,
	 const struct stats_rollup *cur, const struct ind_values *cur_office,
	 const char *root_code, struct stats_years *ys, struct arena *a,
	 struct stats_year *y, struct diags *d)
{
	const struct ind_set *set = cur->info.set;
	y->cells = arena_calloc(a, set->n ? set->n : 1, sizeof(*y->cells));
	if (y->cells == NULL)
		return TS_ENOMEM;
	if (strcmp(y->year, cur->campaign.school_year) == 0) {
		add_round(y, set, cur);
		y->office = cur_office;
		return TS_OK;
	}
	enum ts_err e = year_rounds(app, who, cur, root_code, a, y, d);
	if (e == TS_OK && y->nrounds == 0)
		e = year_typed(app, who, root_code, ys, a, y, d);
	return e;
}

enum ts_err
stats_years_open(struct app *app, const struct actor *who,
		 const struct stats_rollup *cur,
		 const struct ind_values *cur_office, const char *root_code,
		 int first, struct arena *a, struct stats_years *out,
		 struct diags *d)
{
	int last = 0;
	memset(out, 0, sizeof(*out));
	if (sscanf(cur->campaign.school_year, "%d", &last) != 1 || last < first)
		last = first;
	out->n = (size_t)(last - first + 1);
	out->v = arena_calloc(a, out->n, sizeof(*out->v));
	if (out->v == NULL)
		return TS_ENOMEM;
	enum ts_err e = load_sets(app, a, out, d);
	for (size_t i = 0; e == TS_OK && i < out->n; i++) {
		int y = first + (int)i;
		out->v[i].year = arena_printf(a, "%d-%d", y, y + 1);
		e = one_year(app, who, cur, cur_office, root_code, out, a,
			     &out->v[i], d);
	}
	if (e != TS_OK)
		stats_years_release(out);
	return e;
}

void
stats_years_release(struct stats_years *ys)
{
	for (size_t i = 0; ys->v && i < ys->n; i++)
		ind_values_free(ys->v[i].typed);
	ind_sets_release(&ys->sets);
	memset(ys, 0, sizeof(*ys));
}

/* An office's figure (typed for a year, or its answers this year) as a
 * roll-up cell of its set's indicator: one "unit" answering, the part and
 * the whole for a rate. */
static const char *
values_text(struct arena *a, const struct ind_values *vals, const char *code,
	    enum stats_numfmt f)
{
	const struct ind_value *v = vals ? ind_values_get(vals, code) : NULL;
	const struct indicator *it = vals ? ind_find(vals->set, code) : NULL;
	struct agg_cell c = { 0 };
	if (v == NULL || it == NULL ||
	    (it->type != IND_COUNT && it->type != IND_PERCENT))
		return "chưa có số liệu";
	if (it->type == IND_PERCENT) /* the province's share, no mean */
		return stats_pct_fmt(a, v->num, f);
	c.units = c.answered = 1;
	c.sum = v->num;
	const struct ind_value *w =
		it->whole ? ind_values_get(vals, it->whole->code) : NULL;
	if (w != NULL) {
		c.part_sum = v->num;
		c.whole_sum = w->num;
		c.paired = 1;
	}
	return stats_cell_fmt(a, it, &c, f);
}

const char *
stats_year_text(struct arena *a, const struct stats_year *y,
		const struct ind_set *set, const char *code,
		enum stats_year_part part, enum stats_numfmt f)
{
	char n[PTS_FMT_SIZE];
	if (y->typed != NULL)
		return values_text(a, y->typed, code, f);
	const struct indicator *it = ind_find(set, code);
	if (it == NULL)
		return values_text(a, y->office, code, f);
	const struct agg_cell *c = &y->cells[it->idx];
	if (y->nrounds == 0)
		return "chưa có số liệu";
	if (c->answered == 0 || part == SYP_CELL)
		return stats_cell_fmt(a, it, c, f);
	(f == STATS_NUM_VN ? num_format_vn : pts_format_vn)(
		(pts_t)(part == SYP_NAMES ? c->nnames : c->ndomestic) * PTS_ONE,
		n);
	return arena_strdup(a, n);
}
