/* A statistics campaign's reports under an org subtree, rolled up by bậc
 * học (stats_rollup_open). */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"

/* Every participant under the path, with the values of its last snapshot
 * when its report counts (approved or published; submitted on request). */
static const char SQL_UNITS[] =
	"SELECT cu.school_levels, CASE WHEN s.state IN (?4, ?5, ?6, ?7, ?8) "
	"OR (?3 AND s.state IN (?9, ?10, ?11, ?12, ?13)) THEN (SELECT "
	"sn.answers FROM snapshot sn WHERE sn.submission_id = s.id ORDER BY "
	"sn.version DESC LIMIT 1) END, cu.path, o.code, o.name, s.state, "
	"o.phone, o.email FROM campaign_unit cu JOIN org_unit o ON o.id = "
	"cu.unit_id LEFT JOIN submission s ON s.campaign_id = cu.campaign_id "
	"AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path", "?2") " ORDER BY cu.path";

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
add_unit(struct stats_rollup *r, size_t *cap, unsigned levels, const char *text,
	 struct diags *d)
{
	if (r->n == *cap) {
		size_t nc = *cap ? 2 * *cap : 64;
		struct agg_unit *v = realloc(r->units, nc * sizeof(*v));
		if (v != NULL)
			r->units = v;
		struct stats_unit_info *w =
			v ? realloc(r->info_of, nc * sizeof(*w)) : NULL;
		if (w == NULL)
			return TS_ENOMEM;
		r->info_of = w;
		*cap = nc;
	}
	struct ind_values *v = NULL;
	if (text != NULL &&
	    ind_values_parse(r->info.set, text, strlen(text), "báo cáo đã nộp",
			     &v, d) == TS_ENOMEM)
		return TS_ENOMEM;
	r->units[r->n++] = (struct agg_unit){ levels, v };
	return TS_OK;
}

static enum ts_err
load_units(struct app *app, struct stats_rollup *r, bool submitted,
	   struct arena *a, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_UNITS);
	if (st == NULL)
		return app_db_error(app, d, "đọc số liệu thống kê");
	db_bind_int(st, 1, r->campaign.id);
	db_bind_text(st, 2, r->root_path);
	db_bind_int(st, 3, submitted);
	/* Reviewed reports (?4..), and those waiting for approval (?9..). */
	const char *reviewed[WF_CODES_MAX], *waiting[WF_CODES_MAX];
	wf_reviewed_codes(reviewed);
	wf_from_codes(ACT_APPROVE, waiting);
	sub_bind_states(st, 4, reviewed);
	sub_bind_states(st, 4 + WF_CODES_MAX, waiting);
	size_t cap = 0;
	enum ts_err e = TS_OK;
	enum db_step s;
	while (e == TS_OK && (s = db_step(st)) == DB_ROW) {
		e = add_unit(r, &cap, (unsigned)db_col_int(st, 0),
			     db_col_text(st, 1), d);
		if (e == TS_OK)
			keep_who(r, st, a);
	}
	db_done(st);
	return e;
}

enum ts_err
stats_rollup_open(struct app *app, const struct actor *who, int64_t cid,
		  const char *root_code, bool include_submitted,
		  struct arena *a, struct stats_rollup *out, struct diags *d)
{
	memset(out, 0, sizeof(*out));
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
