/* What a statistics form posts: save (and autosave), the live check, the
 * check page before submitting, and the workflow steps, through the same
 * app functions as the CLI (stats_save, stats_submit, stats_return,
 * sub_approve, sub_publish). Every value is validated by
 * ind_value_from_json, the parser of values files; a refused one is kept
 * on screen with its reason and the others are saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../core/indicator_values.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "queue_view.h"
#include "stats_web.h"
#include "submission_view.h"

/* A typed number as JSON: whole numbers as integers. */
static json_t *
number_json(const char *s, const char **why)
{
	pts_t x;
	if (!pts_parse_input(s, strlen(s), &x, why))
		return NULL;
	return x % PTS_ONE == 0 ? json_integer(x / PTS_ONE)
				: json_real(pts_to_double(x));
}

static bool
blank(const char *s)
{
	while (s && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++;
	return s == NULL || *s == '\0';
}

static json_t *
names_json(struct req *r, const struct indicator *it)
{
	json_t *a = json_array();
	for (size_t i = 0; i < IND_MAX_NAMES + 2; i++) {
		const char *n = kv_get(
			&r->form, arena_printf(r->a, "n:%s:%zu", it->code, i));
		if (n == NULL)
			break;
		if (blank(n))
			continue;
		bool dom = kv_get(&r->form, arena_printf(r->a, "d:%s:%zu",
							 it->code, i)) != NULL;
		json_array_append_new(
			a, json_pack("{s:s, s:b}", "name", n, "domestic", dom));
	}
	return a;
}

/* The posted value of one indicator: *absent when the form had no field
 * for it (left as stored); NULL with *why when the text is no number. */
static json_t *
posted_json(struct req *r, const struct indicator *it, bool *absent,
	    const char **why)
{
	const char *s = kv_get(&r->form, arena_printf(r->a, "v:%s", it->code));
	*absent = false;
	if (it->type == IND_NAMES) {
		*absent = kv_get(&r->form, arena_printf(r->a, "n:%s:0",
							it->code)) == NULL;
		return *absent ? NULL : names_json(r, it);
	}
	if (s == NULL) {
		*absent = true;
		return NULL;
	}
	if (blank(s))
		return json_null();
	if (it->type == IND_COUNT || it->type == IND_PERCENT)
		return number_json(s, why);
	if (it->type == IND_YESNO)
		return json_boolean(strcmp(s, "co") == 0);
	return json_string(s);
}

/* One indicator's field into values (or its refusal into errors). */
static void
take_field(struct req *r, const struct indicator *it, json_t *values,
	   const char **errors, size_t *nbad)
{
	bool absent;
	const char *why = NULL;
	json_t *j = posted_json(r, it, &absent, &why);
	struct ind_value out;
	struct diags d;
	diags_init(&d);
	if (absent)
		return;
	if (j == NULL) {
		errors[it->idx] = arena_printf(r->a, "%s: %s", it->label,
					       why ? why : "không hợp lệ");
	} else if (!json_is_null(j) &&
		   !ind_value_from_json(it, j, r->a, &out, it->code, &d)) {
		errors[it->idx] = arena_printf(r->a, "%s — %s", it->label,
					       d.n ? d.v[0].msg : "");
	} else {
		json_object_set(values, it->code, j);
	}
	if (errors[it->idx] != NULL)
		(*nbad)++;
	json_decref(j);
	diags_release(&d);
}

/* The confirmations the form shows (c:CODE with its reason cr:CODE). */
static void
take_confirms(struct req *r, const struct ind_set *s, json_t *confirmed)
{
	for (size_t i = 0; i < s->n; i++) {
		const char *code = s->v[i]->code;
		const char *why = kv_get(&r->form,
					 arena_printf(r->a, "cr:%s", code));
		if (why == NULL)
			continue;
		if (kv_get(&r->form, arena_printf(r->a, "c:%s", code)))
			json_object_set_new(confirmed, code, json_string(why));
		else
			json_object_del(confirmed, code);
	}
}

static json_t *
object_at(json_t *doc, const char *key)
{
	json_t *o = json_object_get(doc, key);
	if (!json_is_object(o)) {
		o = json_object();
		json_object_set_new(doc, key, o);
	}
	return o;
}

char *
ps_form_values(struct req *r, const struct ps_view *v, const char **errors,
	       size_t *nbad)
{
	const struct ind_set *s = v->sv.info.set;
	json_t *doc = json_loads(v->sv.sub.answers ? v->sv.sub.answers : "{}",
				 0, NULL);
	if (!json_is_object(doc)) {
		json_decref(doc);
		doc = json_object();
	}
	json_object_set_new(doc, "format", json_integer(1));
	json_object_set_new(doc, "indicators", json_string(s->id));
	json_t *values = object_at(doc, "values");
	*nbad = 0;
	for (size_t i = 0; i < s->n; i++)
		take_field(r, s->v[i], values, errors, nbad);
	take_confirms(r, s, object_at(doc, "confirmed"));
	char *text = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	char *out = text ? arena_strdup(r->a, text) : NULL;
	free(text);
	json_decref(doc);
	return out;
}

static json_t *
errors_json(struct req *r, const struct ind_set *s, const char **errors)
{
	json_t *a = json_array();
	for (size_t i = 0; i < s->n; i++)
		if (errors[i] != NULL)
			json_array_append_new(
				a, json_pack("{s:s, s:s, s:s}", "field",
					     ps_field_id(r, "f", s->v[i]), "id",
					     ps_field_id(r, "e", s->v[i]),
					     "message", errors[i]));
	return a;
}

/* The answer app.js's autosave reads (as page_submission_post.c's). */
static void
autosaved(struct req *r, enum ts_err e, const struct ps_view *v,
	  const char **errors, size_t nbad, int64_t revision)
{
	char iso[TS_TIME_SIZE], vn[TS_TIME_SIZE];
	ts_time_vn_text(ts_time_format(ts_time_now(), iso), vn);
	const char *msg =
		e == TS_ESTALE
			? "Chưa lưu: người khác vừa thay đổi số liệu này."
		: e != TS_OK ? arena_printf(r->a, "Chưa lưu được: %s",
					    r->diags.n ? r->diags.v[0].msg
						       : "lỗi máy chủ")
		: nbad > 0   ? arena_printf(r->a,
					    "Đã lưu lúc %.5s các nội dung "
					      "hợp lệ; %zu nội dung chưa lưu được.",
					    vn, nbad)
			   : arena_printf(r->a, "Đã tự động lưu lúc %.5s", vn);
	api_send(r, e == TS_OK && nbad > 0 ? 422 : web_status_for(e),
		 json_pack("{s:b, s:b, s:s, s:I, s:o, s:o}", "saved",
			   e == TS_OK, "conflict", e == TS_ESTALE, "message",
			   msg, "revision", (json_int_t)revision, "errors",
			   errors_json(r, v->sv.info.set, errors), "fields",
			   json_object()));
}

/* The form again with everything typed, after a refusal: the reasons at
 * their fields; after a lost race, who changed it since (the page then
 * carries the new revision, so saving again keeps what was typed). */
void
ps_reshow(struct req *r, enum ts_err e, const char **errors, int64_t base,
	  bool typed, const struct sv_evidence *ev)
{
	struct ps_view v;
	struct diags keep = r->diags;
	diags_init(&r->diags);
	enum ts_err le = ps_load(r, &v);
	diags_release(&r->diags);
	r->diags = keep;
	r->status = e == TS_OK ? 422 : web_status_for(e);
	v.posted = typed ? &r->form : NULL;
	v.errors = errors;
	v.stale_base = e == TS_ESTALE ? base : -1;
	v.evidence = ev;
	if (le == TS_OK)
		ps_render(r, &v);
	else
		web_error(r, r->status, "Không thực hiện được.");
	ps_unload(&v);
}

static int64_t
revision_now(struct req *r)
{
	struct ps_view v;
	struct diags keep = r->diags;
	diags_init(&r->diags);
	int64_t rev = ps_load(r, &v) == TS_OK ? v.sv.sub.revision : -1;
	ps_unload(&v);
	diags_release(&r->diags);
	r->diags = keep;
	return rev;
}

void
ps_save(struct req *r)
{
	struct ps_view v;
	int64_t base;
	size_t nbad = 0;
	if (!sv_form_rev(r, &base))
		return;
	enum ts_err e = ps_load(r, &v);
	const char **errors = e == TS_OK
				      ? arena_calloc(r->a, v.sv.info.set->n + 1,
						     sizeof(*errors))
				      : NULL;
	char *json = errors ? ps_form_values(r, &v, errors, &nbad) : NULL;
	if (e == TS_OK)
		e = json ? stats_save(r->app, &r->sess.who,
				      v.sv.sub.campaign.id, v.sv.sub.unit.code,
				      json, base < 0 ? SUB_REV_UNKNOWN : base,
				      &r->diags)
			 : TS_ENOMEM;
	if (kv_get(&r->form, "_ajax") != NULL)
		autosaved(r, e, &v, errors, nbad, revision_now(r));
	else if (e != TS_OK || nbad > 0)
		ps_reshow(r, e, errors, base, true, NULL);
	else if (kv_get(&r->form, "then") != NULL)
		web_redirect(r, "%s/check", v.base);
	else
		web_redirect(r, "%s?ok=save", v.base);
	ps_unload(&v);
}

/* The posted values checked as submitting would check them (with the
 * same-year CĐS facts laid in), as a panel and messages for app.js. */
void
ps_preview(struct req *r)
{
	struct ps_view v;
	size_t nbad = 0;
	struct ind_values *typed = NULL;
	enum ts_err e = ps_load(r, &v);
	const struct ind_set *s = e == TS_OK ? v.sv.info.set : NULL;
	const char **errors = s ? arena_calloc(r->a, s->n + 1, sizeof(*errors))
				: NULL;
	char *json = errors ? ps_form_values(r, &v, errors, &nbad) : NULL;
	struct diags d;
	diags_init(&d);
	if (json == NULL || ind_values_parse(s, json, strlen(json), "biểu mẫu",
					     &typed, &d) != TS_OK) {
		diags_release(&d);
		web_error(r, e == TS_OK ? 422 : web_status_for(e),
			  "Không kiểm tra được.");
		ps_unload(&v);
		return;
	}
	for (size_t k = 0; k < v.sv.nprefill; k++) {
		const struct ind_prefill_line *l = &v.sv.prefill[k];
		if (l->used && !typed->v[l->indicator->idx].present)
			typed->v[l->indicator->idx] =
				v.sv.values->v[l->indicator->idx];
	}
	ind_check_release(&v.sv.check);
	ind_check_init(&v.sv.check);
	ind_check_run(typed, v.sv.sub.unit.levels, v.sv.previous, &v.sv.check);
	r->status = nbad ? 422 : 200;
	ps_check_panel(r, &v);
	for (size_t i = 0; i < s->n; i++)
		if (errors[i])
			h_elem(&r->body, "p", errors[i], "class", "errors",
			       "data-field", ps_field_id(r, "e", s->v[i]),
			       NULL);
	ind_values_free(typed);
	diags_release(&d);
	ps_unload(&v);
}

static void
confirm_form(struct req *r, const struct ps_view *v, const char *act,
	     const char *button)
{
	struct buf *b = &r->body;
	h_open(b, "form", "method", "post", "action",
	       arena_printf(r->a, "%s/%s", v->base, act), "class", "actions",
	       "id", "confirm", NULL);
	h_csrf(r);
	h_open(b, "input", "type", "hidden", "name", "rev", "value",
	       arena_printf(r->a, "%lld", (long long)v->sv.sub.revision), NULL);
	buf_puts(b, "<input type=\"hidden\" name=\"confirm\" value=\"1\">");
	queue_hidden(r);
	h_elem(b, "button", button, "type", "submit", NULL);
	h_link(b, v->base, "Quay lại");
	buf_puts(b, "</form>");
}

/* Before submitting (the head) or approving (the reviewer): the check
 * panel, then one more click. */
static void
confirm_page(struct req *r, struct ps_view *v, const char *act)
{
	bool submit = strcmp(act, "submit") == 0;
	page_begin(r, submit ? "Kiểm tra trước khi nộp"
		      : strcmp(act, "approve") == 0 ? "Xác nhận phê duyệt"
						    : "Xác nhận công bố");
	h_elem(&r->body, "p",
	       arena_printf(r->a, "%s — %s", v->sv.sub.unit.name,
			    v->sv.sub.campaign.title),
	       NULL);
	ps_check_panel(r, v);
	if (submit && !ind_check_submittable(&v->sv.check))
		h_link(&r->body, v->base, "Quay lại sửa số liệu");
	else if (submit && !v->can_submit)
		h_elem(&r->body, "p",
		       "Chỉ hiệu trưởng (giám đốc) của đơn vị "
		       "nộp được số liệu.",
		       NULL);
	else
		confirm_form(r, v, act,
			     submit ? "Xác nhận nộp"
			     : strcmp(act, "approve") == 0
				     ? "Xác nhận phê duyệt"
				     : "Công bố");
	page_end(r);
}

void
ps_check(struct req *r)
{
	struct ps_view v;
	enum ts_err e = ps_load(r, &v);
	if (e == TS_OK)
		confirm_page(r, &v, "submit");
	else
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không mở được số liệu thống kê.");
	ps_unload(&v);
}

static enum ts_err
return_with_reasons(struct req *r, const struct ps_view *v, int64_t rev)
{
	struct review_reason *rs = arena_calloc(r->a, r->form.n + 1,
						sizeof(*rs));
	size_t n = 0;
	for (size_t i = 0; rs && i < r->form.n; i++) {
		const struct kv *f = &r->form.v[i];
		if (strncmp(f->key, "r:", 2) == 0 && !blank(f->value)) {
			rs[n].criterion_id = f->key + 2;
			rs[n++].text = f->value;
		}
	}
	return rs ? stats_return(r->app, &r->sess.who, v->sv.sub.campaign.id,
				 v->sv.sub.unit.code, rs, n, rev, &r->diags)
		  : TS_ENOMEM;
}

static enum ts_err
run(struct req *r, const struct ps_view *v, const char *act, int64_t rev)
{
	int64_t cid = v->sv.sub.campaign.id;
	const char *unit = v->sv.sub.unit.code;
	const struct actor *who = &r->sess.who;
	if (rev < 0)
		rev = SUB_REV_UNKNOWN;
	if (strcmp(act, "submit") == 0)
		return stats_submit(r->app, who, cid, unit, rev, NULL,
				    &r->diags);
	if (strcmp(act, "return") == 0)
		return return_with_reasons(r, v, rev);
	if (strcmp(act, "approve") == 0)
		return sub_approve(r->app, who, cid, unit, rev, &r->diags);
	if (strcmp(act, "publish") == 0)
		return sub_publish(r->app, who, cid, unit, rev, &r->diags);
	return TS_ENOTFOUND;
}

/* Back to the school's page, still carrying the queue it came from, so
 * "next school" is one click on. */
static void
done(struct req *r, const struct ps_view *v, const char *act)
{
	struct buf q;
	buf_init(&q, 512);
	queue_suffix(r, &q);
	web_redirect(r, "%s?ok=%s%s", v->base, act, buf_str(&q));
	buf_release(&q);
}

static bool
needs_confirm(const char *act)
{
	return strcmp(act, "submit") == 0 || strcmp(act, "approve") == 0 ||
	       strcmp(act, "publish") == 0;
}

void
ps_act(struct req *r)
{
	const char *act = kv_get(&r->params, "action");
	struct ps_view v;
	int64_t rev;
	if (!sv_form_rev(r, &rev))
		return;
	enum ts_err e = ps_load(r, &v);
	if (e == TS_OK && kv_get(&r->form, "confirm") == NULL &&
	    needs_confirm(act)) {
		confirm_page(r, &v, act);
		ps_unload(&v);
		return;
	}
	if (e == TS_OK)
		e = run(r, &v, act, rev);
	if (e == TS_OK)
		done(r, &v, act);
	else if (e == TS_ENOTFOUND && r->diags.n == 0)
		web_error(r, 404, "Không có thao tác này.");
	else
		ps_reshow(r, e, NULL, rev, false, NULL);
	ps_unload(&v);
}
