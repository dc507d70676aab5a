/* The reviewer's one decision form on a submitted self-assessment: the
 * external scores, then the decision: approve (after a confirmation
 * page), return with reasons, or only save the external scores. Whatever
 * is refused, everything typed is shown again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "submission_view.h"

void
sv_confirm_page(struct req *r, struct view *v, const char *action,
		const char *title, const char *button, const char *ext_json)
{
	struct buf *b = &r->body;
	struct answers *ans = NULL;
	struct score *sc = NULL;
	char href[320];
	page_begin(r, title);
	buf_puts(b, "<p>");
	h_textf(b, "%s — %s", v->s.unit.name, v->s.campaign.title);
	buf_puts(b, "</p>");
	if (sub_score(v->s.rubric, v->s.answers, ext_json ? ext_json
							  : v->s.external,
		      &ans, &sc, &r->diags) == TS_OK)
		sv_reviewed_panel(b, sc);
	score_free(sc);
	answers_free(ans);
	snprintf(href, sizeof(href), "%s/%s", v->base, action);
	h_open(b, "form", "method", "post", "action", href, "class", "actions",
	       NULL);
	h_csrf(r);
	if (kv_get(&r->form, "rev") == NULL)
		sv_hidden_rev(r, v);
	/* Everything posted so far rides along, so "Quay lại sửa" loses
	 * nothing and the confirmation applies exactly what was seen. */
	for (size_t i = 0; i < r->form.n; i++) {
		const char *k = r->form.v[i].key;
		if (strcmp(k, "_csrf") != 0 && strcmp(k, "confirm") != 0 &&
		    strcmp(k, "back") != 0)
			h_open(b, "input", "type", "hidden", "name", k, "value",
			       r->form.v[i].value, NULL);
	}
	buf_puts(b, "<input type=\"hidden\" name=\"confirm\" value=\"1\">");
	h_elem(b, "button", button, "type", "submit", NULL);
	if (ext_json != NULL)
		h_elem(b, "button", "Quay lại sửa", "type", "submit", "name",
		       "back", "value", "1", "class", "secondary", NULL);
	else
		h_link(b, v->base, "Quay lại");
	buf_puts(b, "</form>");
	page_end(r);
}

enum decision { DEC_NONE, DEC_APPROVE, DEC_RETURN, DEC_SAVE };

static enum decision
decision_of(const struct req *r)
{
	const char *d = kv_get(&r->form, "decision");
	return d == NULL ? DEC_NONE
	       : strcmp(d, "approve") == 0 ? DEC_APPROVE
	       : strcmp(d, "return") == 0 ? DEC_RETURN
	       : strcmp(d, "save") == 0 ? DEC_SAVE : DEC_NONE;
}

/* True when the posted external scores differ from the stored ones (no
 * write, so no new revision, for an unchanged form). */
static bool
external_changed(const struct view *v, const char *json)
{
	struct answers *posted = NULL;
	struct diags d;
	diags_init(&d);
	bool changed = true;
	if (answers_parse(v->s.rubric, json, strlen(json), "", &posted, &d) ==
	    TS_OK) {
		changed = false;
		for (size_t i = 0; i < v->s.rubric->nitems; i++)
			changed |= !answer_equal(v->s.rubric->items[i],
						 &posted->v[i], &v->ext->v[i]);
	}
	answers_free(posted);
	diags_release(&d);
	return changed;
}

static enum ts_err
apply(struct req *r, struct view *v, enum decision k, const char *json,
      int64_t rev)
{
	enum ts_err e = TS_OK;
	if (external_changed(v, json)) {
		e = sub_set_external(r->app, &r->sess.who, v->s.campaign.id,
				     v->s.unit.code, json, rev, &r->diags);
		if (e == TS_OK)
			rev++; /* the one change just made, at that revision */
	}
	if (e == TS_OK && k == DEC_APPROVE)
		e = sub_approve(r->app, &r->sess.who, v->s.campaign.id,
				v->s.unit.code, rev, &r->diags);
	else if (e == TS_OK && k == DEC_RETURN)
		e = sv_return(r, v, rev);
	return e;
}

void
sv_decide(struct req *r, struct view *v, int64_t rev)
{
	enum decision k = decision_of(r);
	enum ts_err e = TS_EINVAL;
	if (!v->can_review) {
		bool state = v->s.state != ST_SUBMITTED;
		diags_add(&r->diags, v->s.unit.code, "%s", state
			  ? "bản tự đánh giá không còn ở trạng thái chờ xem xét"
			  : "bạn không được phê duyệt hay trả lại bản tự đánh "
			    "giá này");
		sv_refused(r, state ? TS_ESTALE : TS_EFORBIDDEN, NULL, rev);
		return;
	}
	if (kv_get(&r->form, "back") != NULL) {
		sv_refused(r, TS_OK, NULL, -1); /* the form again, as typed */
		return;
	}
	if (k == DEC_NONE)
		diags_add(&r->diags, v->s.unit.code, "hãy chọn một quyết định: "
			  "phê duyệt, trả lại hoặc chỉ lưu điểm đánh giá ngoài");
	char *json = form_to_answers(v->s.rubric, &r->form, "x", &r->diags);
	if (json != NULL && r->diags.n == 0) {
		if (k == DEC_APPROVE && kv_get(&r->form, "confirm") == NULL) {
			sv_confirm_page(r, v, "decide", "Xác nhận phê duyệt",
					"Xác nhận phê duyệt", json);
			free(json);
			return;
		}
		e = apply(r, v, k, json, rev < 0 ? SUB_REV_UNKNOWN : rev);
	}
	free(json);
	if (e == TS_OK)
		web_redirect(r, "%s?ok=%s", v->base, k == DEC_APPROVE ? "approve"
					 : k == DEC_RETURN ? "return" : "external");
	else
		sv_refused(r, e, NULL, rev);
}
