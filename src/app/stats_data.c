/* Reading a school's statistics report: its values, its previous report,
 * the same year's CĐS facts, and the rules' verdict (stats_view_open). */
#include "stats.h"
#include "stats_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"

enum ts_err
stats_load_values(const struct submission *s, const struct ind_set *set,
		  struct ind_values **out, struct diags *d)
{
	*out = NULL;
	if (s->id == 0) { /* nothing saved yet */
		*out = ind_values_new(set);
		return *out ? TS_OK : TS_ENOMEM;
	}
	return ind_values_parse(set, s->answers, strlen(s->answers),
				"số liệu thống kê", out, d);
}

enum ts_err
stats_unit_levels(struct app *app, const struct submission *s, unsigned *levels)
{
	static const char sql[] =
		"SELECT school_levels FROM campaign_unit WHERE campaign_id = ? "
		"AND unit_id = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	*levels = 0;
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, s->campaign.id);
	db_bind_int(st, 2, s->unit.id);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		*levels = (unsigned)db_col_int(st, 0);
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

enum ts_err
stats_previous(struct app *app, const struct submission *s,
	       const struct stats_info *info, struct ind_values **out)
{
	/* The unit's last submitted report of the same set, from a campaign
	 * whose data describe an earlier day. */
	static const char sql[] =
		"SELECT sn.answers FROM snapshot sn JOIN submission s ON s.id "
		"= sn.submission_id JOIN stats_campaign sc ON sc.campaign_id "
		"= s.campaign_id WHERE s.unit_id = ? AND sc.indicators_id = ? "
		"AND sc.as_of < ? ORDER BY sc.as_of DESC, sn.version DESC "
		"LIMIT 1";
	struct db_stmt *st = db_prep(app->db, sql);
	*out = NULL;
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, s->unit.id);
	db_bind_text(st, 2, info->set->id);
	db_bind_text(st, 3, info->as_of);
	enum db_step r = db_step(st);
	if (r == DB_ROW) {
		const char *t = db_col_text(st, 0);
		struct diags d;
		diags_init(&d);
		/* A report of an older set version with codes since removed
		 * is no basis for a warning: no previous report then. */
		if (ind_values_parse(info->set, t, strlen(t), "kỳ trước", out,
				     &d) != TS_OK)
			*out = NULL;
		diags_release(&d);
	}
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

/* The unit's self-assessment of the same school year under the rubric the
 * statistics campaign names (latest such campaign), parsed with that
 * campaign's rubric version; *ans NULL when there is none. */
static enum ts_err
cds_answers(struct app *app, const struct submission *s, struct arena *a,
	    struct answers **ans, int64_t *cid, struct diags *d)
{
	static const char sql[] =
		"SELECT c.id, c.rubric_id, c.rubric_version, sub.answers FROM "
		"campaign c JOIN submission sub ON sub.campaign_id = c.id "
		"WHERE c.kind = 'cds' AND c.school_year = ? AND sub.unit_id = ? "
		"AND c.rubric_id = ? ORDER BY c.id DESC LIMIT 1";
	struct db_stmt *st = db_prep(app->db, sql);
	*ans = NULL;
	*cid = 0;
	if (st == NULL)
		return app_db_error(app, d, "đọc bản tự đánh giá cùng năm học");
	db_bind_text(st, 1, s->campaign.school_year);
	db_bind_int(st, 2, s->unit.id);
	db_bind_text(st, 3, s->campaign.rubric_id);
	enum db_step step = db_step(st);
	enum ts_err e = step == DB_ERROR ? TS_EDB : TS_OK;
	if (step == DB_ROW) {
		const char *rid = db_col_dup(st, 1, a);
		const struct rubric *r =
			rid ? app_rubric(app, rid, (int)db_col_int(st, 2))
			    : NULL;
		if (r == NULL)
			e = TS_EDB; /* stored with the campaign: not read */
		const char *text = db_col_text(st, 3);
		struct diags ignore;
		diags_init(&ignore);
		if (r != NULL && answers_parse(r, text, strlen(text),
					       "tự đánh "
					       "giá",
					       ans, &ignore) == TS_OK)
			*cid = db_col_int(st, 0);
		diags_release(&ignore);
	}
	db_done(st);
	return e;
}

enum ts_err
stats_prefill_into(struct app *app, const struct submission *s,
		   struct ind_values *v, struct arena *a,
		   struct ind_prefill_line **lines, size_t *n, int64_t *cid)
{
	struct answers *ans = NULL;
	struct diags d;
	diags_init(&d);
	*n = 0;
	*cid = 0;
	*lines = arena_calloc(a, v->set->n ? v->set->n : 1, sizeof(**lines));
	enum ts_err e = *lines ? cds_answers(app, s, a, &ans, cid, &d)
			       : TS_ENOMEM;
	if (e == TS_OK && ans != NULL)
		*n = ind_prefill(v, ans->rubric, ans, *lines);
	answers_free(ans);
	diags_release(&d);
	return e;
}

enum ts_err
stats_view_open(struct app *app, const struct actor *who, int64_t cid,
		const char *unit_code, struct arena *a, struct stats_view *out,
		struct diags *d)
{
	memset(out, 0, sizeof(*out));
	ind_check_init(&out->check);
	enum ts_err e = sub_open(app, who, cid, unit_code, ACT_VIEW, a,
				 &out->sub, d);
	if (e == TS_OK)
		e = stats_info_get(app, cid, a, &out->info, d);
	if (e == TS_OK)
		e = stats_load_values(&out->sub, out->info.set, &out->values,
				      d);
	if (e != TS_OK)
		return e;
	unsigned levels = 0;
	e = stats_prefill_into(app, &out->sub, out->values, a, &out->prefill,
			       &out->nprefill, &out->cds_campaign);
	if (e == TS_OK)
		e = stats_previous(app, &out->sub, &out->info, &out->previous);
	if (e == TS_OK)
		e = stats_unit_levels(app, &out->sub, &levels);
	if (e != TS_OK)
		return e == TS_EDB
			       ? app_db_error(app, d, "đọc số liệu thống kê")
			       : e;
	ind_check_run(out->values, levels, out->previous, &out->check);
	return TS_OK;
}

void
stats_view_release(struct stats_view *v)
{
	ind_values_free(v->values);
	ind_values_free(v->previous);
	ind_check_release(&v->check);
	ind_set_free(v->info.set);
	memset(v, 0, sizeof(*v));
}
