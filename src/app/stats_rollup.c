/* A statistics campaign's reports under an org subtree, rolled up by bậc
 * học (stats_rollup_open). */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "stats_summary.h"

/* Whose report counts (approved or published; submitted on request):
 * its stored values (stats_summary.c) are read, else it is "not
 * reported". ?3: submitted too; ?4..: reviewed states; ?9..: waiting. */
#define SQL_COUNTS                                                             \
	"(s.state IN (?4, ?5, ?6, ?7, ?8) OR (?3 AND s.state IN (?9, ?10, "    \
	"?11, ?12, ?13))) AND ss.version > 0"
/* Every participant under the path, by path, with its submission's id
 * when its report counts. */
static const char SQL_UNITS[] =
	"SELECT cu.school_levels, CASE WHEN " SQL_COUNTS " THEN s.id END, "
	"cu.path, o.code, o.name, s.state, o.phone, o.email FROM "
	"campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id LEFT JOIN "
	"submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
	"cu.unit_id LEFT JOIN stats_summary ss ON ss.submission_id = s.id "
	"WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path", "?2") " ORDER BY cu.path";
/* The stored values of the reports under the path (those counted are
 * picked by id), in the order of stats_value's key (an index walk, no
 * sort). Read in the same snapshot as SQL_UNITS (stats_rollup_open): a
 * report returned and sent again between the two would otherwise count
 * with the state it had and the values it has now. */
static const char SQL_VALUES[] =
	"SELECT v.submission_id, v.code, v.seq, v.num, v.text FROM "
	"stats_value v WHERE v.submission_id IN (SELECT s.id FROM "
	"campaign_unit cu JOIN submission s ON s.campaign_id = cu.campaign_id "
	"AND s.unit_id = cu.unit_id JOIN stats_summary ss ON ss.submission_id "
	"= s.id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path",
		"?2") " AND ss.version > 0) ORDER BY v.submission_id, "
		      "v.code, v.seq";

/* A counted report: its submission and its place among the units. */
struct counted {
	int64_t sid;
	size_t unit;
};

/* Who the participant is, for the drill-down (stats_drill.c). */
static void
keep_who(struct stats_rollup *r, struct db_stmt *st, struct arena *a)
{
	struct stats_unit_info *u = &r->info_of[r->n - 1];
	u->path = db_col_dup(st, 2, a);
	u->code = db_col_dup(st, 3, a);
	u->name = db_col_dup(st, 4, a);
	u->state = db_col_dup(st, 5, a);
	u->phone = db_col_dup(st, 6, a);
	u->email = db_col_dup(st, 7, a);
}

static enum ts_err
grow(struct stats_rollup *r, size_t *cap)
{
	if (r->n < *cap)
		return TS_OK;
	size_t nc = *cap ? 2 * *cap : 64;
	struct agg_unit *v = realloc(r->units, nc * sizeof(*v));
	if (v != NULL)
		r->units = v;
	struct stats_unit_info *w = v ? realloc(r->info_of, nc * sizeof(*w))
				      : NULL;
	if (w == NULL)
		return TS_ENOMEM;
	r->info_of = w;
	*cap = nc;
	return TS_OK;
}

/* One participant, with empty values (filled from SQL_VALUES) when its
 * report counts; its submission noted in c[*nc]. */
static enum ts_err
add_unit(struct stats_rollup *r, size_t *cap, struct db_stmt *st,
	 struct arena *a, struct counted *c, size_t *nc)
{
	enum ts_err e = grow(r, cap);
	struct ind_values *v = NULL;
	if (e == TS_OK && !db_col_null(st, 1) &&
	    (v = ind_values_new(r->info.set)) == NULL)
		e = TS_ENOMEM;
	if (e != TS_OK)
		return e;
	if (v != NULL)
		c[(*nc)++] = (struct counted){ db_col_int(st, 1), r->n };
	r->units[r->n++] = (struct agg_unit){ (unsigned)db_col_int(st, 0), v };
	keep_who(r, st, a);
	return TS_OK;
}

static void
bind_common(struct db_stmt *st, const struct stats_rollup *r, bool submitted)
{
	db_bind_int(st, 1, r->campaign.id);
	db_bind_text(st, 2, r->root_path);
	db_bind_int(st, 3, submitted);
	const char *reviewed[WF_CODES_MAX], *waiting[WF_CODES_MAX];
	wf_reviewed_codes(reviewed);
	wf_from_codes(ACT_APPROVE, waiting);
	sub_bind_states(st, 4, reviewed);
	sub_bind_states(st, 4 + WF_CODES_MAX, waiting);
}

static enum ts_err
grow_counted(struct counted **c, size_t n, size_t *cap)
{
	if (n < *cap)
		return TS_OK;
	size_t nc = *cap ? 2 * *cap : 64;
	struct counted *w = realloc(*c, nc * sizeof(*w));
	if (w == NULL)
		return TS_ENOMEM;
	*c = w;
	*cap = nc;
	return TS_OK;
}

static int
by_sid(const void *x, const void *y)
{
	const struct counted *a = x, *b = y;
	return (a->sid > b->sid) - (a->sid < b->sid);
}

/* One stored value of participant u. */
static enum ts_err
put_row(struct stats_rollup *r, size_t u, struct db_stmt *st)
{
	struct ind_values *v =
		(struct ind_values *)(uintptr_t)r->units[u].values;
	const char *text = db_col_null(st, 4) ? NULL : db_col_text(st, 4);
	return stats_value_put(v, db_col_text(st, 1), db_col_int(st, 2),
			       db_col_int(st, 3), text)
		       ? TS_OK
		       : TS_ENOMEM;
}

/* The counted reports' values, merged in by submission id (both sides
 * ascending). */
static enum ts_err
load_values(struct app *app, struct stats_rollup *r, struct counted *c,
	    size_t nc)
{
	if (nc == 0) /* nobody reported */
		return TS_OK;
	struct db_stmt *st = db_prep(app->db, SQL_VALUES);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, r->campaign.id);
	db_bind_text(st, 2, r->root_path);
	qsort(c, nc, sizeof(*c), by_sid);
	size_t k = 0;
	enum ts_err e = TS_OK;
	enum db_step s = DB_DONE;
	while (e == TS_OK && (s = db_step(st)) == DB_ROW) {
		int64_t sid = db_col_int(st, 0);
		while (k < nc && c[k].sid < sid)
			k++;
		if (k < nc && c[k].sid == sid) /* else not counted */
			e = put_row(r, c[k].unit, st);
	}
	db_done(st);
	return e == TS_OK && s == DB_ERROR ? TS_EDB : e;
}

static enum ts_err
load_units(struct app *app, struct stats_rollup *r, bool submitted,
	   struct arena *a, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_UNITS);
	if (st == NULL)
		return app_db_error(app, d, "đọc số liệu thống kê");
	bind_common(st, r, submitted);
	size_t cap = 0, nc = 0, ccap = 0;
	struct counted *c = NULL;
	enum ts_err e = TS_OK;
	enum db_step s = DB_DONE;
	while (e == TS_OK && (s = db_step(st)) == DB_ROW) {
		e = grow_counted(&c, nc, &ccap);
		if (e == TS_OK)
			e = add_unit(r, &cap, st, a, c, &nc);
	}
	db_done(st);
	if (e == TS_OK && s == DB_ERROR)
		e = TS_EDB;
	if (e == TS_OK)
		e = load_values(app, r, c, nc);
	free(c);
	return e == TS_EDB ? app_db_error(app, d, "đọc số liệu thống kê") : e;
}

static enum ts_err
rollup_read(struct app *app, const struct actor *who, int64_t cid,
	    const char *root_code, bool include_submitted, struct arena *a,
	    struct stats_rollup *out, struct diags *d)
{
	enum ts_err e = campaign_get(app, who, cid, a, &out->campaign, d);
	if (e == TS_OK)
		e = campaign_root_path(app, who, root_code, &out->campaign, a,
				       &out->root_path, d);
	/* an office's figures: never a school account's (policy.c) */
	if (e == TS_OK)
		e = actor_may(who, PK_OFFICE_REPORT, out->root_path, PA_VIEW,
			      root_code ? root_code : "đơn vị", d);
	if (e == TS_OK)
		e = stats_info_get(app, cid, a, &out->info, d);
	if (e == TS_OK)
		e = load_units(app, out, include_submitted, a, d);
	return e;
}

enum ts_err
stats_rollup_open(struct app *app, const struct actor *who, int64_t cid,
		  const char *root_code, bool include_submitted,
		  struct arena *a, struct stats_rollup *out, struct diags *d)
{
	memset(out, 0, sizeof(*out));
	/* Counts, values and their totals from one state of the database,
	 * on both backends (nested in a page's or a document's snapshot). */
	app_read_begin(app);
	enum ts_err e = rollup_read(app, who, cid, root_code, include_submitted,
				    a, out, d);
	app_read_end(app);
	if (e == TS_OK)
		e = ind_agg_run(out->info.set, out->units, out->n, &out->agg);
	if (e != TS_OK)
		stats_rollup_release(out);
	return e;
}

void
stats_rollup_release(struct stats_rollup *r)
{
	for (size_t i = 0; i < r->n; i++)
		ind_values_free(
			(struct ind_values *)(uintptr_t)r->units[i].values);
	free(r->units);
	free(r->info_of);
	ind_agg_free(r->agg);
	ind_set_free(r->info.set);
	memset(r, 0, sizeof(*r));
}
