/* What the submission page posts: saving (and autosave), the live
 * preview, and the workflow steps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "stats_web.h"
#include "submission_view.h"

/* Shows the page again after a refusal: same input, the reasons on top;
 * after a stale post, what changed since its revision. */
void
sv_refused(struct req *r, enum ts_err e, const struct kvlist *posted,
	   int64_t base)
{
	struct view v;
	struct diags keep = r->diags;
	diags_init(&r->diags);
	enum ts_err le = sv_load(r, &v);
	diags_release(&r->diags);
	r->diags = keep;
	r->status = web_status_for(e);
	v.posted_review = &r->form;
	v.stale_base = e == TS_ESTALE ? base : -1;
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
	if (ps_is_stats(r)) {
		ps_preview(r);
		return;
	}
	struct view v;
	struct answers *ans = NULL;
	struct score *sc = NULL;
	enum ts_err e = sv_load(r, &v);
	size_t n = e == TS_OK ? v.s.rubric->nitems : 0, nbad = 0;
	bool *bad = arena_calloc(r->a, n + 1, sizeof(*bad));
	const char **msg = arena_calloc(r->a, n + 1, sizeof(*msg));
	char *json = e == TS_OK && bad && msg
			     ? form_to_answers_valid(v.s.rubric, &r->form, "",
						     bad, msg, r->a)
			     : NULL;
	/* The valid fields are scored; a refused one is named at its field
	 * by app.js (data-field is the id of its message). */
	if (json != NULL)
		e = sub_score(v.s.rubric, json, NULL, &ans, &sc, &r->diags);
	else if (e == TS_OK)
		e = TS_ENOMEM;
	for (size_t i = 0; i < n && json; i++) {
		if (!bad[i])
			continue;
		struct buf id;
		buf_init(&id, 512);
		form_field_id(&id, "e", "", v.s.rubric->items[i]);
		h_elem(&r->body, "p", msg[i], "class", "errors", "data-field",
		       buf_str(&id), NULL);
		buf_release(&id);
		nbad++;
	}
	r->status = nbad ? 422 : web_status_for(e);
	if (sc != NULL) {
		sv_score_panel(&r->body, &v, sc);
		sv_live_parts(&r->body, &v, sc);
	}
	free(json);
	score_free(sc);
	answers_free(ans);
	sv_unload(&v);
}

/* Each refused field: the ids of its control and its message. */
static json_t *
errors_json(const struct rubric *rb, const char **msg)
{
	json_t *errs = json_array();
	for (size_t i = 0; rb && msg && i < rb->nitems; i++) {
		struct buf f, id;
		if (msg[i] == NULL)
			continue;
		buf_init(&f, 512);
		buf_init(&id, 512);
		form_field_id(&f, "f", "", rb->items[i]);
		form_field_id(&id, "e", "", rb->items[i]);
		json_array_append_new(
			errs, json_pack("{s:s, s:s, s:s}", "field", buf_str(&f),
					"id", buf_str(&id), "message", msg[i]));
		buf_release(&f);
		buf_release(&id);
	}
	return errs;
}

/* The stored values of the fields someone else changed meanwhile (merged
 * in: the page must show them, or its next autosave would undo them). */
static json_t *
others_json(struct req *r, const struct sub_merge *m)
{
	json_t *fields = json_object();
	struct view v;
	if (m->n == 0 || m->nconflicts > 0 || sv_load(r, &v) != TS_OK)
		return fields;
	for (size_t k = 0; k < m->n; k++) {
		json_t *one = form_item_fields(m->v[k].item, v.ans, "");
		json_object_update(fields, one);
		json_decref(one);
	}
	sv_unload(&v);
	return fields;
}

/* Autosave from app.js: JSON instead of a page: "saved", "message",
 * "revision" (the base of the next autosave), "errors", "fields" (see
 * above) and "conflict" (then nothing was saved). */
static void
autosaved(struct req *r, enum ts_err e, const struct sub_merge *m,
	  const char **msg, size_t nbad, const struct rubric *rb)
{
	char iso[TS_TIME_SIZE], vn[TS_TIME_SIZE];
	bool conflict = e == TS_ESTALE && m->nconflicts > 0;
	struct buf text;
	buf_init(&text, 4096);
	ts_time_vn_text(ts_time_format(ts_time_now(), iso), vn);
	if (conflict)
		buf_printf(&text,
			   "Chưa lưu: người khác vừa sửa %zu nội dung "
			   "bạn cũng sửa.",
			   m->nconflicts);
	else if (e != TS_OK)
		buf_printf(&text, "Chưa lưu được: %s",
			   r->diags.n ? r->diags.v[0].msg : "lỗi máy chủ");
	else if (nbad > 0)
		buf_printf(&text,
			   "Đã lưu lúc %.5s các nội dung hợp lệ; %zu nội "
			   "dung chưa lưu được.",
			   vn, nbad);
	else
		buf_printf(&text, "Đã tự động lưu lúc %.5s", vn);
	api_send(r, e == TS_OK && nbad > 0 ? 422 : web_status_for(e),
		 json_pack("{s:b, s:b, s:s, s:I, s:o, s:o}", "saved", m->saved,
			   "conflict", conflict, "message", buf_str(&text),
			   "revision", (json_int_t)m->revision, "errors",
			   errors_json(rb, msg), "fields", others_json(r, m)));
	buf_release(&text);
}

/* Which of the n items show their posted answer (use) and which show
 * a conflict (cf): every item its post, but one the merge took from
 * others shows the stored value. NULL arrays (no memory) stay so. */
static void
mark_posted(const struct sub_merge *m, size_t n, bool *use,
	    const struct sub_change **cf)
{
	for (size_t i = 0; use && i < n; i++)
		use[i] = true;
	for (size_t k = 0; use && cf && k < m->n; k++) {
		size_t i = m->v[k].item->idx;
		use[i] = m->v[k].conflict; /* others' own changes: stored */
		cf[i] = m->v[k].conflict ? &m->v[k] : NULL;
	}
}

/* The status of the page shown again: conflicts first, then a refused
 * evidence step, then refused fields. */
static int
reshow_status(const struct sv_saved *sv, const struct sv_evidence *ev)
{
	const struct sub_merge *m = &sv->m;
	return m->nconflicts		      ? 409
	       : ev != NULL && ev->e != TS_OK ? web_evidence_status(ev->e)
	       : sv->nbad		      ? 422
					      : 200;
}

/* The page again after a save that was not whole: the refused fields
 * marked, or the conflicts to settle; what was valid is already saved.
 * `ev` (may be NULL): an evidence step of the same post, shown at its
 * criterion. */
void
sv_reshow(struct req *r, const struct sv_saved *sv,
	  const struct sv_evidence *ev)
{
	struct view v;
	const struct sub_merge *m = &sv->m;
	enum ts_err e = sv->e;
	if (e != TS_OK && !(e == TS_ESTALE && m->nconflicts > 0)) {
		sv_refused(r, e, &r->form, -1);
		return;
	}
	if (sv_load(r, &v) != TS_OK) {
		web_error(r, 500, "Không mở được bản tự đánh giá.");
		sv_unload(&v);
		return;
	}
	size_t n = v.s.rubric->nitems;
	bool *use = arena_calloc(r->a, n + 1, sizeof(*use));
	const struct sub_change **cf = arena_calloc(r->a, n + 1, sizeof(*cf));
	mark_posted(m, n, use, cf);
	/* No answers in the post (sv->rb unset): the stored ones. */
	v.use_posted = sv->rb ? use : NULL;
	v.errors = sv->msg;
	v.conflicts = m->nconflicts ? cf : NULL;
	v.evidence = ev;
	r->status = reshow_status(sv, ev);
	if (m->saved && sv->nbad > 0)
		r->notice = "Đã lưu các nội dung hợp lệ.";
	sv_render(r, &v, sv->rb ? &r->form : NULL);
	sv_unload(&v);
}

/* "pick:ID" = "theirs" on the conflict page: keep the stored value. */
static void
picked_theirs(const struct req *r, const struct rubric *rb, bool *keep)
{
	char key[160];
	for (size_t i = 0; i < rb->nitems; i++) {
		snprintf(key, sizeof(key), "pick:%s", rb->items[i]->id);
		const char *p = kv_get(&r->form, key);
		if (p != NULL && strcmp(p, "theirs") == 0)
			keep[i] = true;
	}
}

bool
sv_save_posted(struct req *r, int64_t base, struct sv_saved *sv)
{
	struct view v;
	memset(sv, 0, sizeof(*sv));
	sv->e = sv_load(r, &v);
	const struct rubric *rb = v.s.rubric;
	size_t n = sv->e == TS_OK ? rb->nitems : 0;
	bool *keep = arena_calloc(r->a, n + 1, sizeof(*keep));
	sv->msg = arena_calloc(r->a, n + 1, sizeof(*sv->msg));
	sv->rb = rb;
	char *json = sv->e == TS_OK && keep && sv->msg
			     ? form_to_answers_valid(rb, &r->form, "", keep,
						     sv->msg, r->a)
			     : NULL;
	for (size_t i = 0; i < n; i++)
		sv->nbad += keep[i];
	if (sv->e == TS_OK && json == NULL)
		sv->e = TS_ENOMEM;
	if (sv->e == TS_OK) {
		picked_theirs(r, rb, keep);
		sv->e = sub_save_merge(r->app, &r->sess.who, v.s.campaign.id,
				       v.s.unit.code, json, base, keep, r->a,
				       &sv->m, &r->diags);
	}
	free(json);
	sv_unload(&v);
	return sv->e == TS_OK && sv->nbad == 0;
}

void
page_submission_save(struct req *r)
{
	if (ps_is_stats(r)) {
		ps_save(r);
		return;
	}
	struct view v;
	struct sv_saved sv;
	int64_t base;
	if (!sv_form_rev(r, &base))
		return;
	bool whole = sv_save_posted(r, base, &sv);
	if (kv_get(&r->form, "_ajax") != NULL) {
		autosaved(r, sv.e, &sv.m, sv.msg, sv.nbad, sv.rb);
		return;
	}
	if (!whole) {
		sv_reshow(r, &sv, NULL);
		return;
	}
	const char *then = kv_get(&r->form, "then");
	if (sv_load(r, &v) == TS_OK && then != NULL &&
	    strcmp(then, "submit") == 0)
		web_redirect(r, "%s/check", v.base);
	else
		web_redirect(r, "%s?ok=save", v.base);
	sv_unload(&v);
}

enum ts_err
sv_return(struct req *r, const struct view *v, int64_t rev)
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
	return sub_return(r->app, &r->sess.who, v->s.campaign.id,
			  v->s.unit.code, rs, n, rev, &r->diags);
}

/* Every step carries the revision its page showed: a stale page is
 * refused (409) and shown again with what changed since. Without one
 * (an old page) the step is refused the same way, after the permission
 * checks. */
static enum ts_err
run_action(struct req *r, const struct view *v, const char *act, int64_t rev)
{
	long long cid = v->s.campaign.id;
	const char *unit = v->s.unit.code;
	const struct actor *who = &r->sess.who;
	if (rev < 0)
		rev = SUB_REV_UNKNOWN;
	if (strcmp(act, "submit") == 0)
		return sub_submit(r->app, who, cid, unit, rev, NULL, &r->diags);
	if (strcmp(act, "return") == 0)
		return sv_return(r, v, rev);
	if (strcmp(act, "approve") == 0)
		return sub_approve(r->app, who, cid, unit, rev, &r->diags);
	if (strcmp(act, "publish") == 0)
		return sub_publish(r->app, who, cid, unit, rev, &r->diags);
	return TS_ENOTFOUND;
}

/* A submit refused because the submission changed after its check page
 * was shown: that page again, as it is now, listing what changed. */
static bool
stale_check(struct req *r, struct view *v, int64_t rev)
{
	sv_unload(v);
	struct diags keep = r->diags;
	diags_init(&r->diags);
	enum ts_err le = sv_load(r, v);
	diags_release(&r->diags);
	r->diags = keep;
	if (le != TS_OK || !v->can_submit)
		return false;
	r->status = 409;
	sv_check_page(r, v, rev);
	return true;
}

/* Submit, approve and publish take effect only from their
 * confirmation page (confirm=1), whichever form posted them. */
static bool
needs_confirm(const struct view *v, const char *act)
{
	return strcmp(act, "submit") == 0 ||
	       (strcmp(act, "publish") == 0 && v->can_publish) ||
	       (strcmp(act, "approve") == 0 && v->can_review);
}

/* The confirmation page of a step needs_confirm() holds back. */
static void
confirm_page(struct req *r, struct view *v, const char *act)
{
	if (act[0] == 's')
		sv_check_page(r, v, -1);
	else if (act[0] == 'p')
		sv_confirm_page(r, v, "publish",
				"Xác nhận công bố kết "
				"quả",
				"Công bố kết quả", NULL);
	else
		sv_confirm_page(r, v, "approve", "Xác nhận phê duyệt",
				"Xác nhận phê duyệt", NULL);
}

/* The answer to a step run_action() took: on to the next page, or the
 * refusal. */
static void
act_answer(struct req *r, struct view *v, const char *act, enum ts_err e,
	   int64_t rev)
{
	if (e == TS_OK && strcmp(act, "submit") == 0)
		web_redirect(r, "%s/submitted", v->base);
	else if (e == TS_OK)
		sv_redirect_done(r, v, act);
	else if (strcmp(act, "submit") == 0 && e == TS_ESTALE && rev >= 0 &&
		 stale_check(r, v, rev))
		;
	else if (e == TS_ENOTFOUND && r->diags.n == 0)
		web_error(r, 404, "Không có thao tác này.");
	else
		sv_refused(r, e, NULL, rev);
}

void
page_submission_act(struct req *r)
{
	if (ps_is_stats(r)) {
		ps_act(r);
		return;
	}
	const char *act = kv_get(&r->params, "action");
	struct view v;
	int64_t rev;
	if (!sv_form_rev(r, &rev))
		return;
	enum ts_err e = sv_load(r, &v);
	bool confirmed = kv_get(&r->form, "confirm") != NULL;
	if (e == TS_OK && !confirmed && needs_confirm(&v, act)) {
		confirm_page(r, &v, act);
		sv_unload(&v);
		return;
	}
	if (e == TS_OK &&
	    (strcmp(act, "decide") == 0 || strcmp(act, "external") == 0)) {
		if (act[0] == 'd')
			sv_decide(r, &v, rev);
		else
			sv_external(r, &v, rev);
		sv_unload(&v);
		return;
	}
	if (e == TS_OK)
		e = run_action(r, &v, act, rev);
	act_answer(r, &v, act, e, rev);
	sv_unload(&v);
}
