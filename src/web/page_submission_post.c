/* What the submission page posts: saving (and autosave), the live
 * preview, and the workflow steps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "submission_view.h"

/* "Xác nhận nộp": the final scores, then one more click. */
static void
confirm_page(struct req *r, struct view *v)
{
	struct buf *b = &r->body;
	char href[320];
	page_begin(r, "Xác nhận nộp bản tự đánh giá");
	buf_puts(b, "<p>");
	h_textf(b, "%s — %s", v->s.unit.name, v->s.campaign.title);
	buf_puts(b, "</p>");
	sv_score_panel(b, v->score);
	buf_puts(b, "<p>Sau khi nộp, bản tự đánh giá không sửa được nữa, trừ khi "
		    "cấp trên trả lại để bổ sung.</p>");
	snprintf(href, sizeof(href), "%s/submit", v->base);
	h_open(b, "form", "method", "post", "action", href, "class", "actions",
	       NULL);
	h_csrf(r);
	buf_puts(b, "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
		    "<button type=\"submit\">Xác nhận nộp</button>");
	h_link(b, v->base, "Quay lại");
	buf_puts(b, "</form>");
	page_end(r);
}

/* Shows the page again after a refusal: same input, the reasons on top. */
static void
refused(struct req *r, enum ts_err e, const struct kvlist *posted)
{
	struct view v;
	struct diags keep = r->diags;
	diags_init(&r->diags);
	enum ts_err le = sv_load(r, &v);
	diags_release(&r->diags);
	r->diags = keep;
	r->status = web_status_for(e);
	if (le == TS_OK)
		sv_render(r, &v, posted);
	else
		web_error(r, r->status, "Không thực hiện được.");
	sv_unload(&v);
}

/* The score panel for the posted (unsaved) answers: the same scorer and
 * the same markup as the page, as a fragment for app.js. */
void
page_submission_preview(struct req *r)
{
	struct view v;
	struct answers *ans = NULL;
	struct score *sc = NULL;
	enum ts_err e = sv_load(r, &v);
	char *json = e == TS_OK ? form_to_answers(v.s.rubric, &r->form, "", &r->diags)
				: NULL;
	if (e == TS_OK && json != NULL && r->diags.n == 0)
		e = sub_score(v.s.rubric, json, NULL, &ans, &sc, &r->diags);
	else if (e == TS_OK)
		e = TS_EINVAL;
	r->status = web_status_for(e);
	for (size_t i = 0; i < r->diags.n; i++) {
		buf_puts(&r->body, "<p class=\"errors\">");
		h_text(&r->body, r->diags.v[i].msg);
		buf_puts(&r->body, "</p>");
	}
	if (sc != NULL)
		sv_score_panel(&r->body, sc);
	free(json);
	score_free(sc);
	answers_free(ans);
	sv_unload(&v);
}

/* Autosave from app.js: a short text answer instead of a page. */
static void
autosaved(struct req *r, enum ts_err e)
{
	char iso[TS_TIME_SIZE], vn[TS_TIME_SIZE];
	r->status = web_status_for(e);
	r->content_type = "text/plain; charset=utf-8";
	buf_reset(&r->body);
	if (e == TS_OK) {
		ts_time_vn_text(ts_time_format(ts_time_now(), iso), vn);
		buf_printf(&r->body, "Đã tự động lưu lúc %.5s", vn);
		return;
	}
	buf_puts(&r->body, "Chưa lưu được: ");
	for (size_t i = 0; i < r->diags.n; i++)
		buf_printf(&r->body, "%s%s", i ? "; " : "", r->diags.v[i].msg);
}

void
page_submission_save(struct req *r)
{
	struct view v;
	enum ts_err e = sv_load(r, &v);
	char *json = e == TS_OK ? form_to_answers(v.s.rubric, &r->form, "", &r->diags)
				: NULL;
	if (e == TS_OK && (json == NULL || r->diags.n > 0))
		e = TS_EINVAL;
	if (e == TS_OK)
		e = sub_save(r->app, &r->sess.who, v.s.campaign.id, v.s.unit.code,
			     json, -1, &r->diags);
	free(json);
	sv_unload(&v);
	if (kv_get(&r->form, "_ajax") != NULL) {
		autosaved(r, e);
		return;
	}
	if (e != TS_OK) {
		refused(r, e, &r->form);
		return;
	}
	const char *then = kv_get(&r->form, "then");
	if (then != NULL && strcmp(then, "submit") == 0 && sv_load(r, &v) == TS_OK)
		confirm_page(r, &v);
	else
		web_redirect(r, "%s?ok=save", v.base);
	sv_unload(&v);
}

static enum ts_err
do_return(struct req *r, const struct view *v)
{
	struct review_reason *rs = NULL;
	size_t n = 0;
	rs = arena_calloc(r->a, r->form.n + 1, sizeof(*rs));
	for (size_t i = 0; rs && i < r->form.n; i++) {
		const struct kv *f = &r->form.v[i];
		if (strncmp(f->key, "r:", 2) == 0 && f->value[0] != '\0') {
			rs[n].criterion_id = f->key + 2;
			rs[n++].text = f->value;
		}
	}
	return sub_return(r->app, &r->sess.who, v->s.campaign.id, v->s.unit.code,
			  rs, n, &r->diags);
}

static enum ts_err
do_external(struct req *r, const struct view *v)
{
	char *json = form_to_answers(v->s.rubric, &r->form, "x", &r->diags);
	enum ts_err e = json && r->diags.n == 0
				? sub_set_external(r->app, &r->sess.who,
						   v->s.campaign.id, v->s.unit.code,
						   json, &r->diags)
				: TS_EINVAL;
	free(json);
	return e;
}

static enum ts_err
run_action(struct req *r, const struct view *v, const char *act)
{
	long long cid = v->s.campaign.id;
	const char *unit = v->s.unit.code;
	const struct actor *who = &r->sess.who;
	if (strcmp(act, "submit") == 0)
		return sub_submit(r->app, who, cid, unit, -1, NULL, &r->diags);
	if (strcmp(act, "return") == 0)
		return do_return(r, v);
	if (strcmp(act, "approve") == 0)
		return sub_approve(r->app, who, cid, unit, &r->diags);
	if (strcmp(act, "publish") == 0)
		return sub_publish(r->app, who, cid, unit, &r->diags);
	if (strcmp(act, "external") == 0)
		return do_external(r, v);
	return TS_ENOTFOUND;
}

void
page_submission_act(struct req *r)
{
	const char *act = kv_get(&r->params, "action");
	struct view v;
	enum ts_err e = sv_load(r, &v);
	if (e == TS_OK && strcmp(act, "submit") == 0 &&
	    kv_get(&r->form, "confirm") == NULL) {
		confirm_page(r, &v);
		sv_unload(&v);
		return;
	}
	if (e == TS_OK)
		e = run_action(r, &v, act);
	if (e == TS_OK)
		web_redirect(r, "%s?ok=%s", v.base, act);
	else if (e == TS_ENOTFOUND && r->diags.n == 0)
		web_error(r, 404, "Không có thao tác này.");
	else
		refused(r, e, NULL);
	sv_unload(&v);
}
