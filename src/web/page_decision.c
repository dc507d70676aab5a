/* The reviewer's one decision form on a submitted self-assessment: the
 * external scores, then the decision: approve (after a confirmation
 * page), return with reasons, or only save the external scores. Whatever
 * is refused, everything typed is shown again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../util/arena.h"
#include "submission_view.h"

/* What the confirmed step does, said before the button: neither step
 * can be taken back. */
static const char *
consequence(const char *action)
{
	if (strcmp(action, "publish") == 0)
		return "Công bố: kết quả dưới đây trở thành kết quả chính thức "
		       "mà nhà trường và các cấp xem được. Sau khi công bố "
		       "không thể hoàn tác.";
	return "Phê duyệt: kết quả dưới đây (điểm tự chấm, với điểm đánh giá "
	       "ngoài nếu có) được tính vào báo cáo của các cấp; nhà trường "
	       "không sửa được nữa và bản tự đánh giá không trả lại được. Sau "
	       "khi phê duyệt không thể hoàn tác.";
}

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
	h_elem(b, "p", consequence(action), "class", "reason", NULL);
	if (sub_score(v->s.rubric, v->s.answers,
		      ext_json ? ext_json : v->s.external, &ans, &sc,
		      &r->diags) == TS_OK)
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

enum decision {
	DEC_NONE,
	DEC_APPROVE,
	DEC_RETURN,
	DEC_SAVE
};

static enum decision
decision_of(const struct req *r)
{
	const char *d = kv_get(&r->form, "decision");
	return d == NULL		   ? DEC_NONE
	       : strcmp(d, "approve") == 0 ? DEC_APPROVE
	       : strcmp(d, "return") == 0  ? DEC_RETURN
	       : strcmp(d, "save") == 0	   ? DEC_SAVE
					   : DEC_NONE;
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

/* json with the stored external score put back for each refused item,
 * so saving the valid ones never erases one already stored. */
static char *
keep_stored(const char *json, const struct view *v, const bool *bad)
{
	const struct rubric *rb = v->s.rubric;
	json_t *doc = json_loads(json, 0, NULL);
	json_t *old = json_loads(v->s.external ? v->s.external : "{}", 0, NULL);
	json_t *dst = json_object_get(doc, "answers");
	json_t *src = json_object_get(old, "answers");
	char *out = NULL;
	for (size_t i = 0; json_is_object(dst) && i < rb->nitems; i++) {
		json_t *o = bad[i] ? json_object_get(src, rb->items[i]->id)
				   : NULL;
		if (o != NULL)
			json_object_set(dst, rb->items[i]->id, o);
	}
	if (json_is_object(dst))
		out = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(doc);
	json_decref(old);
	return out;
}

/* The posted external scores checked field by field, as the school's
 * answers are (issue 11 item 4): the valid ones, and for each refused
 * field the stored score; msg[idx] says why it was refused and *nbad
 * counts them. NULL: out of memory. */
static char *
valid_external(struct req *r, const struct view *v, const char **msg,
	       size_t *nbad)
{
	const struct rubric *rb = v->s.rubric;
	bool *bad = arena_calloc(r->a, rb->nitems + 1, sizeof(*bad));
	char *json = bad ? form_to_answers_valid(rb, &r->form, "x", bad, msg,
						 r->a)
			 : NULL;
	*nbad = 0;
	for (size_t i = 0; json && i < rb->nitems; i++)
		*nbad += bad[i];
	if (json == NULL || *nbad == 0)
		return json;
	char *merged = keep_stored(json, v, bad);
	free(json);
	return merged;
}

/* Some external scores refused: the valid ones are saved, no decision is
 * taken, and the page comes back with everything typed, each refused
 * field marked where it is and listed at the top. */
static void
external_partly(struct req *r, const struct view *v, const char *json,
		const char **msg, int64_t rev)
{
	enum ts_err e = TS_OK;
	struct view nv;
	if (external_changed(v, json))
		e = sub_set_external(
			r->app, &r->sess.who, v->s.campaign.id, v->s.unit.code,
			json, rev < 0 ? SUB_REV_UNKNOWN : rev, &r->diags);
	if (e != TS_OK) {
		sv_refused(r, e, NULL, rev);
		return;
	}
	if (sv_load(r, &nv) != TS_OK) {
		web_error(r, 500, "Không mở được bản tự đánh giá.");
		sv_unload(&nv);
		return;
	}
	nv.posted_review = &r->form;
	nv.x_errors = msg;
	r->status = 422;
	r->notice = "Đã lưu các điểm đánh giá ngoài hợp lệ; quyết định chưa "
		    "được thực hiện.";
	sv_render(r, &nv, NULL);
	sv_unload(&nv);
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

/* Whether the decision form is taken at all: by a reviewer of a result
 * waiting for review, not going back to the form; else answered here. */
static bool
decide_open(struct req *r, struct view *v, int64_t rev)
{
	if (!v->can_review) {
		bool state = v->s.state != ST_SUBMITTED;
		diags_add(
			&r->diags, v->s.unit.code, "%s",
			state ? "bản tự đánh giá không còn ở trạng thái chờ xem xét"
			      : "bạn không được phê duyệt hay trả lại bản tự đánh "
				"giá này");
		sv_refused(r, state ? TS_ESTALE : TS_EFORBIDDEN, NULL, rev);
		return false;
	}
	if (kv_get(&r->form, "back") != NULL) {
		sv_refused(r, TS_OK, NULL, -1); /* the form again, as typed */
		return false;
	}
	return true;
}

/* The decision with its checked external scores; approving asks for
 * confirmation first (*shown: that page was sent). */
static enum ts_err
decide_apply(struct req *r, struct view *v, enum decision k, char *json,
	     int64_t rev, bool *shown)
{
	if (k == DEC_APPROVE && kv_get(&r->form, "confirm") == NULL) {
		sv_confirm_page(r, v, "decide", "Xác nhận phê duyệt",
				"Xác nhận phê duyệt", json);
		*shown = true;
		return TS_OK;
	}
	return apply(r, v, k, json, rev < 0 ? SUB_REV_UNKNOWN : rev);
}

void
sv_decide(struct req *r, struct view *v, int64_t rev)
{
	enum decision k = decision_of(r);
	enum ts_err e = TS_EINVAL;
	bool shown = false;
	if (!decide_open(r, v, rev))
		return;
	if (k == DEC_NONE)
		diags_add(
			&r->diags, v->s.unit.code,
			"hãy chọn một quyết định: "
			"phê duyệt, trả lại hoặc chỉ lưu điểm đánh giá ngoài");
	size_t nbad = 0;
	const char **msg = arena_calloc(r->a, v->s.rubric->nitems + 1,
					sizeof(*msg));
	char *json = msg ? valid_external(r, v, msg, &nbad) : NULL;
	if (json != NULL && nbad > 0) {
		external_partly(r, v, json, msg, rev);
		free(json);
		return;
	}
	if (json != NULL && r->diags.n == 0)
		e = decide_apply(r, v, k, json, rev, &shown);
	free(json);
	if (shown)
		return;
	if (e == TS_OK)
		sv_redirect_done(r, v,
				 k == DEC_APPROVE  ? "approve"
				 : k == DEC_RETURN ? "return"
						   : "external");
	else
		sv_refused(r, e, NULL, rev);
}

void
sv_external(struct req *r, struct view *v, int64_t rev)
{
	size_t nbad = 0;
	const char **msg = arena_calloc(r->a, v->s.rubric->nitems + 1,
					sizeof(*msg));
	char *json = msg ? valid_external(r, v, msg, &nbad) : NULL;
	enum ts_err e = TS_ENOMEM;
	if (json != NULL && nbad > 0 && v->can_external) {
		external_partly(r, v, json, msg, rev);
		free(json);
		return;
	}
	if (json != NULL) /* the app refuses what this user may not do */
		e = sub_set_external(
			r->app, &r->sess.who, v->s.campaign.id, v->s.unit.code,
			json, rev < 0 ? SUB_REV_UNKNOWN : rev, &r->diags);
	free(json);
	if (e == TS_OK)
		sv_redirect_done(r, v, "external");
	else
		sv_refused(r, e, NULL, rev);
}
