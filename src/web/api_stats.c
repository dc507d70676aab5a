/* The JSON API of a statistics campaign (docs/api.md, "Thống kê"): the
 * CĐS routes hand a statistics campaign's requests here, as the pages do
 * (ps_is_stats), so the same URLs read, save and act on a school's
 * statistics report with the web form's use cases and rules; and the
 * office's roll-up by bậc học (GET /api/campaigns/:id/stats). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "stats_web.h"

static const char *const LEVEL_NAMES[AGG_ROWS] = { "MN",   "TH",   "THCS",
						   "THPT", "GDTX", "all" };

static json_t *
problems_json(const struct diags *d)
{
	json_t *v = json_array();
	for (size_t i = 0; v && i < d->n; i++)
		json_array_append_new(v, json_pack("{s:s, s:s}", "where",
						   d->v[i].where, "message",
						   d->v[i].msg));
	return v;
}

static json_t *
prefill_json(const struct stats_view *v)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < v->nprefill; i++) {
		const struct ind_prefill_line *l = &v->prefill[i];
		json_array_append_new(arr,
				      json_pack("{s:s, s:s, s:b, s:b}",
						"indicator", l->indicator->code,
						"item", l->item->id, "answered",
						l->answered, "used", l->used));
	}
	return arr;
}

/* The report as the form shows it: values (pre-filled ones laid in),
 * confirmations, and the check (errors block submitting, unconfirmed
 * warnings must be confirmed, confirmed ones are shown to the
 * reviewer). */
static json_t *
view_json(const struct stats_view *v)
{
	json_t *vals = ind_values_to_json(v->values);
	const struct submission *s = &v->sub;
	json_t *doc = json_pack(
		"{s:s, s:s, s:s, s:s, s:s, s:i, s:I, s:b, s:O?, s:O?, s:o}",
		"kind", "thong-ke", "unit", s->unit.code, "indicators",
		v->info.set->id, "as_of", v->info.as_of, "state",
		sub_state_code(s->state), "version", s->version, "revision",
		(json_int_t)s->revision, "late", s->late, "values",
		json_object_get(vals, "values"), "confirmed",
		json_object_get(vals, "confirmed"), "prefilled",
		prefill_json(v));
	json_object_set_new(
		doc, "check",
		json_pack("{s:o, s:o, s:o, s:b}", "errors",
			  problems_json(&v->check.errors), "unconfirmed",
			  problems_json(&v->check.unconfirmed), "confirmed",
			  problems_json(&v->check.confirmed), "submittable",
			  ind_check_submittable(&v->check)));
	json_decref(vals);
	return doc;
}

/* The report's evidence by indicator code, as GET …/evidence lists it:
 * {"lms_ten": [{"id", "kind", "name", "mime", "size", "url"}]}. */
static json_t *
evidence_json(const struct evidence_item *ev, size_t n)
{
	json_t *o = json_object();
	for (size_t i = 0; o && i < n; i++) {
		json_t *arr = json_object_get(o, ev[i].criterion_id);
		if (arr == NULL) {
			arr = json_array();
			json_object_set_new(o, ev[i].criterion_id, arr);
		}
		char url[64];
		snprintf(url, sizeof(url), "/api/evidence/%lld",
			 (long long)ev[i].id);
		json_array_append_new(
			arr,
			json_pack("{s:I, s:s, s:s, s:s, s:I, s:s?}", "id",
				  (json_int_t)ev[i].id, "kind",
				  evidence_kind_code(ev[i].kind), "name",
				  ev[i].name, "mime", ev[i].mime, "size",
				  (json_int_t)ev[i].size, "url",
				  ev[i].kind == EVIDENCE_FILE ? url : NULL));
	}
	return o;
}

void
api_stats_view(struct req *r)
{
	struct stats_view v;
	struct evidence_item *ev = NULL;
	size_t nev = 0;
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	enum ts_err e = stats_view_open(r->app, &r->sess.who, id, code, r->a,
					&v, &r->diags);
	bool opened = e == TS_OK;
	json_t *doc = opened ? view_json(&v) : NULL;
	if (e == TS_OK)
		e = evidence_list(r->app, &r->sess.who, id, code, r->a, &ev,
				  &nev, &r->diags);
	if (e == TS_OK)
		json_object_set_new(doc, "evidence", evidence_json(ev, nev));
	if (opened)
		stats_view_release(&v);
	api_result(r, e, doc);
}

static json_t *
cell_json(struct req *r, const struct indicator *it, const struct agg_cell *c)
{
	struct agg_rate rt = agg_cell_rate(it, c);
	json_t *o = json_pack("{s:I, s:I, s:s}", "units", (json_int_t)c->units,
			      "answered", (json_int_t)c->answered, "text",
			      stats_cell_text(r->a, it, c));
	if (c->answered > 0 && it->type == IND_COUNT)
		json_object_set_new(o, "sum", json_integer(c->sum / PTS_ONE));
	if (c->answered > 0 && it->type == IND_YESNO)
		json_object_set_new(o, "yes", json_integer((json_int_t)c->yes));
	if (rt.den > 0) /* a rate, in percent; none when nobody answered */
		json_object_set_new(
			o, "rate",
			json_real(pts_to_double(agg_rate_value(rt))));
	return o;
}

static json_t *
indicator_json(struct req *r, const struct stats_rollup *ru,
	       const struct indicator *it)
{
	json_t *levels = json_object();
	for (size_t k = 0; k < AGG_ROWS; k++) {
		const struct agg_cell *c = ind_agg_cell(ru->agg, it, k);
		if (c->units > 0)
			json_object_set_new(levels, LEVEL_NAMES[k],
					    cell_json(r, it, c));
	}
	return json_pack("{s:s, s:s, s:s?, s:o}", "code", it->code, "label",
			 it->label, "unit", it->unit, "levels", levels);
}

static json_t *
rollup_json(struct req *r, const struct stats_rollup *ru)
{
	json_t *reported = json_object(), *arr = json_array();
	for (size_t k = 0; k < AGG_ROWS; k++)
		if (ru->agg->units[k] > 0)
			json_object_set_new(
				reported, LEVEL_NAMES[k],
				json_pack("{s:I, s:I}", "units",
					  (json_int_t)ru->agg->units[k],
					  "reported",
					  (json_int_t)ru->agg->reported[k]));
	for (size_t i = 0; i < ru->info.set->n; i++)
		if (ru->info.set->v[i]->type != IND_TEXT)
			json_array_append_new(
				arr, indicator_json(r, ru, ru->info.set->v[i]));
	return json_pack("{s:I, s:s, s:s, s:o, s:o}", "campaign",
			 (json_int_t)ru->campaign.id, "indicators",
			 ru->info.set->id, "as_of", ru->info.as_of, "reported",
			 reported, "figures", arr);
}

/* GET /api/campaigns/:id/stats[?unit=MÃ&submitted=1]: the roll-up by
 * bậc học the dashboard shows, numbers raw. */
void
api_stats_rollup(struct req *r)
{
	struct stats_rollup ru;
	enum ts_err e = stats_rollup_open(
		r->app, &r->sess.who, web_param_id(r, "id"),
		kv_get(&r->query, "unit"),
		kv_get(&r->query, "submitted") != NULL, r->a, &ru, &r->diags);
	json_t *doc = e == TS_OK ? rollup_json(r, &ru) : NULL;
	if (e == TS_OK)
		stats_rollup_release(&ru);
	api_result(r, e, doc);
}
