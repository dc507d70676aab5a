/* The JSON API: the same app use cases as the pages, JSON in and out
 * (docs/api.md). Signed in with the same session cookie; every POST
 * carries the session's CSRF token in X-CSRF-Token. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../app/campaign.h"
#include "../app/submission.h"
#include "../core/score_json.h"
#include "../util/arena.h"
#include "stats_web.h"
#include "web.h"

void
api_send(struct req *r, int status, json_t *doc)
{
	char *text = doc ? json_dumps(doc,
				      JSON_COMPACT | JSON_REAL_PRECISION(15))
			 : NULL;
	r->status = text ? status : 500;
	r->content_type = "application/json; charset=utf-8";
	buf_reset(&r->body);
	buf_puts(&r->body, text ? text : "{\"error\":\"out of memory\"}");
	free(text);
	json_decref(doc);
}

static json_t *
problems(const struct diags *d)
{
	json_t *v = json_array();
	for (size_t i = 0; v && i < d->n; i++)
		json_array_append_new(v, json_pack("{s:s, s:s}", "where",
						   d->v[i].where, "message",
						   d->v[i].msg));
	return v;
}

void
api_error(struct req *r, int status, const char *message)
{
	api_send(r, status,
		 json_pack("{s:s, s:o}", "error", message, "problems",
			   problems(&r->diags)));
}

void
api_result(struct req *r, enum ts_err e, json_t *ok)
{
	if (e == TS_OK) {
		api_send(r, 200, ok ? ok : json_pack("{s:b}", "ok", 1));
		return;
	}
	json_decref(ok);
	api_error(r, web_status_for(e),
		  r->diags.n ? r->diags.v[0].msg : "không thực hiện được");
}

void
api_session(struct req *r)
{
	const struct actor *a = &r->sess.who;
	api_send(r, 200,
		 json_pack("{s:s, s:s, s:s, s:s, s:s}", "login", a->login,
			   "full_name", r->sess.full_name, "role",
			   role_code(a->role), "unit", r->sess.unit_name,
			   "csrf_token", r->sess.csrf));
}

void
api_campaigns(struct req *r)
{
	struct campaign *v = NULL;
	size_t n = 0;
	enum ts_err e = campaign_list(r->app, &r->sess.who, r->a, &v, &n,
				      &r->diags);
	json_t *arr = json_array();
	for (size_t i = 0; e == TS_OK && arr && i < n; i++)
		json_array_append_new(
			arr,
			json_pack(
				"{s:I, s:s, s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:s, "
				"s:I}",
				"id", (json_int_t)v[i].id, "title", v[i].title,
				"kind", v[i].kind ? v[i].kind : "cds",
				"review_by",
				v[i].review_by_owner ? "owner" : "tree",
				"school_year", v[i].school_year, "rubric",
				v[i].rubric_id, "rubric_version",
				v[i].rubric_version, "owner", v[i].owner_code,
				"opens_at", v[i].opens_at, "due_at",
				v[i].due_at, "expected",
				(json_int_t)v[i].expected));
	api_result(r, e, json_pack("{s:o}", "campaigns", arr));
}

static json_t *
row_json(const char *code, const char *name, const struct completeness_row *c)
{
	json_t *o = json_pack("{s:s?, s:s, s:I, s:I}", "code", code, "name",
			      name, "expected", (json_int_t)c->expected, "late",
			      (json_int_t)c->late);
	for (int s = ST_NONE; s <= ST_PUBLISHED && o; s++)
		json_object_set_new(o, sub_state_code((enum sub_state)s),
				    json_integer((json_int_t)c->by_state[s]));
	return o;
}

void
api_status(struct req *r)
{
	struct campaign_status st;
	enum ts_err e = campaign_status(
		r->app, &r->sess.who, web_param_id(r, "id"),
		kv_get(&r->query, "unit"), r->a, &st, &r->diags);
	json_t *rows = json_array();
	for (size_t i = 0; e == TS_OK && rows && i < st.nrows; i++)
		json_array_append_new(rows,
				      row_json(st.row_codes[i], st.row_names[i],
					       &st.rows[i]));
	api_result(r, e,
		   e == TS_OK
			   ? json_pack("{s:s, s:o, s:o}", "scope", st.root_name,
				       "units", rows, "total",
				       row_json(NULL, "Tổng cộng", &st.total))
			   : (json_decref(rows), NULL));
}

static json_t *
score_doc(const struct rubric *rb, const char *answers, const char *external)
{
	struct answers *a = NULL;
	struct score *s = NULL;
	struct diags d;
	json_t *j = NULL;
	diags_init(&d);
	if (sub_score(rb, answers, external, &a, &s, &d) == TS_OK)
		j = score_to_json(s);
	score_free(s);
	answers_free(a);
	diags_release(&d);
	return j ? j : json_null();
}

void
api_submission(struct req *r)
{
	struct submission s;
	if (ps_is_stats(r)) { /* a statistics report, not a rubric's */
		api_stats_view(r);
		return;
	}
	enum ts_err e = sub_open(r->app, &r->sess.who, web_param_id(r, "id"),
				 kv_get(&r->params, "code"), ACT_VIEW, r->a, &s,
				 &r->diags);
	json_t *doc = NULL;
	if (e == TS_OK) {
		bool ext = strcmp(s.external, "{}") != 0;
		doc = json_pack(
			"{s:s, s:s, s:i, s:I, s:b, s:o, s:o, s:o, s:o}", "unit",
			s.unit.code, "state", sub_state_code(s.state),
			"version", s.version, "revision",
			(json_int_t)s.revision, "late", s.late, "answers",
			json_loads(s.answers, 0, NULL), "external",
			json_loads(s.external, 0, NULL), "score",
			score_doc(s.rubric, s.answers, NULL), "reviewed_score",
			ext ? score_doc(s.rubric, s.answers, s.external)
			    : json_null());
	}
	api_result(r, e, doc);
}

static const char *
body_text(struct req *r)
{
	return r->raw_body && r->raw_len ? r->raw_body : "";
}

/* If-Match: "<revision>" from GET (quotes optional): *out is the
 * revision, or -1 without the header (no precondition). A negative or
 * malformed value is refused (false) rather than taken as no
 * precondition. */
static bool
if_match(struct req *r, long long *out)
{
	const char *h = r->if_match;
	*out = -1;
	if (h == NULL)
		return true;
	size_t n = strlen(h);
	bool quoted = n >= 2 && h[0] == '"' && h[n - 1] == '"';
	const char *p = h + quoted;
	char *end = NULL;
	errno = 0;
	long long v = *p >= '0' && *p <= '9' ? strtoll(p, &end, 10) : -1;
	/* Out of range is malformed too, not a huge revision. */
	if (v < 0 || errno == ERANGE || end != h + n - quoted) {
		api_error(r, 400,
			  "If-Match phải là số lần sửa (revision) đọc "
			  "được từ GET, ví dụ If-Match: \"12\"");
		return false;
	}
	*out = v;
	return true;
}

void
api_answers(struct req *r)
{
	/* With If-Match, refused (409) if someone saved in between, so two
	 * clients never overwrite each other unseen. */
	long long expect;
	if (!if_match(r, &expect))
		return;
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	enum ts_err e = ps_is_stats(r)
				? stats_save(r->app, &r->sess.who, id, code,
					     body_text(r), expect, &r->diags)
				: sub_save(r->app, &r->sess.who, id, code,
					   body_text(r), expect, &r->diags);
	api_result(r, e, NULL);
}

static enum ts_err
reasons_from(struct req *r, json_t *in, struct review_reason **out, size_t *n)
{
	json_t *arr = json_object_get(in, "reasons"), *x;
	size_t i;
	*n = 0;
	*out = arena_calloc(r->a, json_array_size(arr) + 1, sizeof(**out));
	if (*out == NULL)
		return TS_ENOMEM;
	json_array_foreach(arr, i, x)
	{
		json_t *c = json_object_get(x, "criterion");
		(*out)[*n].criterion_id = json_string_value(
			c ? c : json_object_get(x, "indicator"));
		(*out)[(*n)++].text =
			json_string_value(json_object_get(x, "text"));
	}
	return TS_OK;
}

/* The returned reasons of {"reasons": [...]}, by the workflow of the
 * campaign's kind (a statistics report names indicator codes). */
static enum ts_err
act_return(struct req *r, bool stats, long long x)
{
	struct review_reason *rs = NULL;
	size_t n = 0;
	long long cid = web_param_id(r, "id");
	const char *unit = kv_get(&r->params, "code");
	json_t *in = json_loads(body_text(r), 0, NULL);
	enum ts_err e = reasons_from(r, in, &rs, &n);
	/* the reasons point into `in`: freed only after the step */
	if (e == TS_OK)
		e = stats ? stats_return(r->app, &r->sess.who, cid, unit, rs, n,
					 x, &r->diags)
			  : sub_return(r->app, &r->sess.who, cid, unit, rs, n,
				       x, &r->diags);
	json_decref(in);
	return e;
}

/* Submitting checks the kind's own rules (a statistics report: its
 * errors and unconfirmed warnings). */
static enum ts_err
act_submit(struct req *r, bool stats, long long x, int *version)
{
	long long cid = web_param_id(r, "id");
	const char *unit = kv_get(&r->params, "code");
	return stats ? stats_submit(r->app, &r->sess.who, cid, unit, x, version,
				    &r->diags)
		     : sub_submit(r->app, &r->sess.who, cid, unit, x, version,
				  &r->diags);
}

void
api_action(struct req *r)
{
	const char *act = kv_get(&r->params, "action");
	const char *unit = kv_get(&r->params, "code");
	long long cid = web_param_id(r, "id");
	const struct actor *who = &r->sess.who;
	int version = 0;
	long long x;
	enum ts_err e = TS_ENOTFOUND;
	if (!if_match(r, &x))
		return;
	bool stats = ps_is_stats(r);
	if (strcmp(act, "submit") == 0)
		e = act_submit(r, stats, x, &version);
	else if (strcmp(act, "approve") == 0)
		e = sub_approve(r->app, who, cid, unit, x, &r->diags);
	else if (strcmp(act, "publish") == 0)
		e = sub_publish(r->app, who, cid, unit, x, &r->diags);
	else if (strcmp(act, "external") == 0 && !stats)
		e = sub_set_external(r->app, who, cid, unit, body_text(r), x,
				     &r->diags);
	else if (strcmp(act, "return") == 0)
		e = act_return(r, stats, x);
	if (e == TS_ENOTFOUND && r->diags.n == 0) {
		api_error(r, 404, "không có thao tác này");
		return;
	}
	api_result(
		r, e,
		version ? json_pack("{s:b, s:i}", "ok", 1, "version", version)
			: NULL);
}
