/* A school's submission: the form, the live score, the history, and the
 * reviewer's actions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/answer_text.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "page_cache.h"
#include "stats_web.h"
#include "submission_view.h"
#include "tpl_cache.h"

static bool
allowed(const struct req *r, const struct view *v, enum sub_action a)
{
	const char *why;
	return sub_allowed(&r->sess.who, &v->s, a, (int)v->s.state, &why);
}

bool
sv_form_rev(struct req *r, int64_t *rev)
{
	const char *s = kv_get(&r->form, "rev");
	char *end = NULL;
	long long v = s && *s >= '0' && *s <= '9' ? strtoll(s, &end, 10) : -1;
	*rev = -1;
	if (s == NULL)
		return true;
	if (v < 0 || *end != '\0') {
		web_error(r, 400,
			  "Biểu mẫu không hợp lệ (số lần sửa \"rev\" "
			  "sai). Hãy tải lại trang.");
		return false;
	}
	*rev = v;
	return true;
}

void
sv_hidden_rev(struct req *r, const struct view *v)
{
	char rev[32];
	snprintf(rev, sizeof(rev), "%lld", (long long)v->s.revision);
	h_open(&r->body, "input", "type", "hidden", "name", "rev", "value", rev,
	       NULL);
}

/* The external scores and the result they give, if any were entered;
 * else an empty set for the form. */
static enum ts_err
load_external(struct req *r, struct view *v)
{
	enum ts_err e = TS_OK;
	if (strcmp(v->s.external, "{}") != 0) {
		e = answers_parse(v->s.rubric, v->s.external,
				  strlen(v->s.external), "điểm đánh giá ngoài",
				  &v->ext, &r->diags);
		if (e == TS_OK)
			e = sub_score(v->s.rubric, v->s.answers, v->s.external,
				      &v->rev_ans, &v->reviewed, &r->diags);
		v->has_ext = e == TS_OK;
	}
	if (e == TS_OK && v->ext == NULL &&
	    (v->ext = answers_new(v->s.rubric)) == NULL)
		e = TS_ENOMEM;
	return e;
}

/* What the user may do on the page (false when loading failed). */
static void
set_flags(struct req *r, struct view *v, enum ts_err e)
{
	v->can_edit = e == TS_OK && allowed(r, v, ACT_SAVE);
	v->can_submit = e == TS_OK && allowed(r, v, ACT_SUBMIT);
	v->can_review = e == TS_OK && allowed(r, v, ACT_RETURN);
	v->can_external = e == TS_OK && allowed(r, v, ACT_EXTERNAL);
	v->can_publish = e == TS_OK && allowed(r, v, ACT_PUBLISH);
}

enum ts_err
sv_load_base(struct req *r, struct view *v)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	memset(v, 0, sizeof(*v));
	v->stale_base = -1;
	enum ts_err e = sub_open(r->app, &r->sess.who, id, code, ACT_VIEW, r->a,
				 &v->s, &r->diags);
	if (e == TS_OK)
		e = sub_history(r->app, &v->s, r->a, &v->snaps, &v->nsnaps,
				&v->notes, &v->nnotes);
	if (e == TS_OK)
		e = evidence_list_of(r->app, &v->s, r->a, &v->ev, &v->nev,
				     &r->diags);
	struct buf b;
	buf_init(&b, sizeof(v->base) - 1);
	buf_printf(&b, "/campaigns/%lld/units/", id);
	url_escape(&b, code ? code : "");
	snprintf(v->base, sizeof(v->base), "%s", buf_str(&b));
	buf_release(&b);
	/* Who may act is decided by the path the campaign froze, as in
	 * sub_open: a school moved since keeps its old reviewer here. */
	if (e == TS_OK && campaign_scope(r->app, &r->sess.who, id, v->s.unit.id,
					 &v->scope) != TS_OK)
		v->scope = SCOPE_OUTSIDE;
	/* Last year's plan helps; a failure to read it stops nothing. */
	struct diags quiet;
	diags_init(&quiet);
	if (e == TS_OK &&
	    plan_previous_in(r->app, &r->sess.who, &v->s.campaign,
			     v->s.unit.code, r->a, &v->plan_year, &v->plan,
			     &v->nplan, &quiet) != TS_OK)
		v->nplan = 0;
	diags_release(&quiet);
	set_flags(r, v, e);
	return e;
}

enum ts_err
sv_load_scores(struct req *r, struct view *v)
{
	enum ts_err e = sub_score(v->s.rubric, v->s.answers, NULL, &v->ans,
				  &v->score, &r->diags);
	if (e == TS_OK)
		e = load_external(r, v);
	if (e != TS_OK)
		set_flags(r, v, e);
	return e;
}

enum ts_err
sv_load(struct req *r, struct view *v)
{
	enum ts_err e = sv_load_base(r, v);
	return e == TS_OK ? sv_load_scores(r, v) : e;
}

void
sv_redirect_done(struct req *r, const struct view *v, const char *ok)
{
	struct buf q;
	buf_init(&q, 512);
	queue_suffix(r, &q);
	web_redirect(r, "%s?ok=%s%s", v->base, ok, buf_str(&q));
	buf_release(&q);
}

/* Safe to call twice. */
void
sv_unload(struct view *v)
{
	score_free(v->score);
	answers_free(v->ans);
	score_free(v->reviewed);
	answers_free(v->rev_ans);
	answers_free(v->ext);
	v->score = v->reviewed = NULL;
	v->ans = v->rev_ans = v->ext = NULL;
}

/* The reasons of the last return, for one criterion ("*" = whole). */
static void
reasons(struct buf *b, const struct view *v, const char *crit)
{
	for (size_t i = 0; i < v->nnotes; i++)
		if (v->notes[i].version == v->s.version &&
		    v->s.state == ST_RETURNED &&
		    strcmp(v->notes[i].criterion_id, crit) == 0) {
			buf_puts(b, "<p class=\"reason\"><strong>Lý do trả lại:"
				    "</strong> ");
			h_text(b, v->notes[i].text);
			buf_puts(b, "</p>");
		}
}

static void
level_text(struct buf *b, const struct level_band *l)
{
	if (l != NULL)
		h_textf(b, " — Mức độ %d%s%s%s", l->level, l->name ? " (" : "",
			l->name ? l->name : "", l->name ? ")" : "");
}

static void
panel(struct buf *b, const struct score *s, bool draft, const char *id,
      const char *title)
{
	const struct rubric *r = s->rubric;
	char p[PTS_FMT_SIZE];
	h_open(b, "section", "id", id, "class", "card", "aria-live", "polite",
	       NULL);
	h_elem(b, "h2", title, NULL);
	buf_puts(b, "<ul>");
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group_score *gs = &s->groups[g];
		const struct advice *ad = &gs->advice;
		buf_puts(b, "<li>");
		h_textf(b, "Nhóm tiêu chí %s “%s”: ", r->groups[g].id,
			r->groups[g].title);
		bool settled = sv_group_points(b, s, g, draft, false);
		if (settled)
			level_text(b, gs->level);
		if (ad->ngates > 0)
			h_textf(b,
				". Chưa đạt điều kiện bắt buộc (%s điểm nếu đạt)",
				pts_format_vn(gs->ungated, p));
		if (settled && ad->next != NULL && ad->needed > 0)
			h_textf(b, ". Để đạt Mức độ %d cần thêm %s điểm",
				ad->next->level, pts_format_vn(ad->needed, p));
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul>");
	if (s->grade != NULL && score_settled(s, draft))
		h_elem(b, "p", s->grade->name, "class", "state", NULL);
	if (s->unanswered > 0)
		h_textf(b, "Còn %zu nội dung chưa trả lời.", s->unanswered);
	buf_puts(b, "</section>");
}

void
sv_score_panel(struct buf *b, const struct view *v, const struct score *s)
{
	panel(b, s, wf_draft(v->s.state), "score", "Kết quả tự đánh giá");
}

/* A reviewed result is final, never a draft. */
void
sv_reviewed_panel(struct buf *b, const struct score *s)
{
	panel(b, s, false, "reviewed", "Kết quả sau đánh giá ngoài");
}

/* "Kế hoạch năm trước (2024-2025): …" under an item the school planned
 * to work on after its previous round. */
static void
plan_note(struct buf *b, const struct view *v, const struct item *it)
{
	for (size_t i = 0; i < v->nplan; i++) {
		if (strcmp(v->plan[i].item_id, it->id) != 0)
			continue;
		buf_puts(b, "<p class=\"plan-prev\"><strong>");
		h_textf(b, "Kế hoạch năm trước (%s):", v->plan_year);
		buf_puts(b, "</strong> ");
		h_text(b, v->plan[i].note[0] ? v->plan[i].note
					     : "cải thiện nội dung này");
		buf_puts(b, "</p>");
		return;
	}
}

/* One item: the school's answer (editable for the school), then the
 * đánh giá ngoài beside it: shown when given, editable for a reviewer.
 * heading: the criterion's heading when this is its only item. */
static void
item_block(struct req *r, const struct view *v, const struct item *it,
	   const struct form_src *src, const char *heading)
{
	struct buf *b = &r->body;
	const struct answer *x = &v->ext->v[it->idx];
	struct form_src xs = { .posted = v->posted_review,
			       .stored = v->ext,
			       .prefix = "x",
			       .error = v->x_errors };
	struct form_src own = *src;
	char qid[160];
	str_cat(qid, sizeof(qid), "q-", it->criterion->id, NULL);
	own.heading = heading;
	own.heading_id = heading ? qid : NULL;
	if (v->posted_review == NULL || !kv_get(v->posted_review, "ext"))
		xs.posted = NULL; /* only the external form's own post */
	form_item(b, it, &own, v->can_edit);
	plan_note(b, v, it);
	if (x->present && !v->can_external) {
		struct buf t;
		buf_init(&t, 4096);
		answer_text(it, x, &t);
		buf_puts(
			b,
			"<p class=\"reason\"><strong>Đánh giá ngoài:</strong> ");
		h_text(b, buf_str(&t));
		if (x->note != NULL)
			h_textf(b, " — %s", x->note);
		buf_puts(b, "</p>");
		buf_release(&t);
	}
	if (v->can_external) {
		buf_puts(b, "<div class=\"external\"><p><strong>Đánh giá ngoài"
			    "</strong> (để trống nếu giữ điểm tự chấm)</p>");
		form_item(b, it, &xs, true);
		buf_puts(b, "</div>");
	}
}

/* One piece of evidence: a file to download, a link out (opened without
 * giving the other site this page), or a fact as text. */
static void
evidence_line(struct buf *b, const struct evidence_item *e)
{
	char href[64], size[PTS_FMT_SIZE];
	if (e->kind == EVIDENCE_LINK) {
		buf_puts(b, "Minh chứng (đường link): ");
		h_open(b, "a", "href", e->name, "rel", "noopener noreferrer",
		       "target", "_blank", NULL);
		h_text(b, e->name);
		h_close(b, "a");
	} else if (e->kind == EVIDENCE_FACT) {
		h_textf(b, "Minh chứng (dữ kiện): %s", e->name);
	} else {
		snprintf(href, sizeof(href), "/evidence/%lld",
			 (long long)e->id);
		buf_puts(b, "Minh chứng: ");
		h_link(b, href, e->name);
		h_textf(b, " (%s)", size_format_vn(e->size, size));
	}
}

void
sv_evidence_line(struct buf *b, const struct evidence_item *e)
{
	evidence_line(b, e);
}

const char *
sv_evidence_done(struct req *r, bool removed, const char *crit)
{
	struct buf t;
	buf_init(&t, 1024);
	buf_printf(&t,
		   removed ? "Đã gỡ minh chứng khỏi tiêu chí %s."
			   : "Đã gắn minh chứng vào tiêu chí %s.",
		   crit);
	const char *s = arena_strdup(r->a, buf_str(&t));
	buf_release(&t);
	return s;
}

void
sv_evidence_lines(struct buf *b, const struct view *v, const char *crit)
{
	for (size_t i = 0; i < v->nev; i++) {
		if (strcmp(v->ev[i].criterion_id, crit) != 0)
			continue;
		buf_puts(b, "<p class=\"muted\">");
		evidence_line(b, &v->ev[i]);
		buf_puts(b, "</p>");
	}
}

/* A button of the answers form that posts everything typed (multipart,
 * so a chosen file goes too) to the evidence route: nothing typed is
 * lost by attaching or removing evidence. */
static void
evidence_button(struct req *r, const struct view *v, const char *name,
		const char *value, const char *label, const char *aria)
{
	char action[320];
	str_cat(action, sizeof(action), v->base, "/evidence", NULL);
	h_open(&r->body, "button", "type", "submit", "name", name, "value",
	       value, "formaction", action, "formenctype",
	       "multipart/form-data", "formnovalidate", "formnovalidate",
	       "class", "secondary", "aria-label", aria, NULL);
	h_text(&r->body, label);
	h_close(&r->body, "button");
}

/* The evidence of a criterion, each with "Gỡ" for the school. */
static void
evidence_list_edit(struct req *r, const struct view *v, const char *crit)
{
	struct buf *b = &r->body;
	char value[160], aria[600];
	for (size_t i = 0; i < v->nev; i++) {
		const struct evidence_item *e = &v->ev[i];
		if (strcmp(e->criterion_id, crit) != 0)
			continue;
		buf_puts(b, "<p class=\"muted evidence\">");
		evidence_line(b, e);
		snprintf(value, sizeof(value), "%lld:%s", (long long)e->id,
			 crit);
		snprintf(aria, sizeof(aria), "Gỡ minh chứng %s ở tiêu chí %s",
			 e->name, crit);
		buf_puts(b, " ");
		evidence_button(r, v, "remove", value, "Gỡ", aria);
		buf_puts(b, "</p>");
	}
}

/* One control (file, link or fact) of a criterion, its button, and the
 * refusal of the last attempt at it, if any. */
static void
evidence_control(struct req *r, const struct view *v, const char *crit,
		 const char *kind, const char *label, const char *button)
{
	struct buf *b = &r->body;
	const struct sv_evidence *ev = v->evidence;
	bool failed = ev && ev->e != TS_OK && strcmp(ev->crit, crit) == 0 &&
		      strcmp(ev->kind, kind) == 0;
	bool file = strcmp(kind, "file") == 0, link = strcmp(kind, "link") == 0;
	char name[160], id[160], err[160], aria[200];
	str_cat(name, sizeof(name), kind, ":", crit, NULL);
	str_cat(id, sizeof(id), "ev-", kind, "-", crit, NULL);
	str_cat(err, sizeof(err), "ev-e-", kind, "-", crit, NULL);
	str_cat(aria, sizeof(aria), label, " tiêu chí ", crit, NULL);
	buf_puts(b, "<p class=\"evidence-add\">");
	h_open(b, "input", "type", file ? "file" : "text", "name", name, "id",
	       id, "aria-label", aria, "maxlength", file ? NULL : "500",
	       "inputmode", link ? "url" : NULL, "placeholder",
	       link   ? "https://..."
	       : file ? NULL
		      : "Ví dụ: Số lượng học liệu: 42",
	       "value", failed && !file ? kv_get(&r->form, name) : NULL,
	       "aria-invalid", failed ? "true" : NULL, "aria-describedby",
	       failed ? err : NULL, "autofocus", failed ? "autofocus" : NULL,
	       NULL);
	str_cat(aria, sizeof(aria), button, " cho tiêu chí ", crit, NULL);
	evidence_button(r, v, "attach", name, button, aria);
	buf_puts(b, "</p>");
	if (failed) {
		struct buf t;
		buf_init(&t, 2048);
		buf_printf(&t, "Chưa gắn được minh chứng: %s", ev->message);
		h_elem(b, "p", buf_str(&t), "class", "field-error", "id", err,
		       "role", "alert", NULL);
		buf_release(&t);
	}
}

/* "Đã gắn minh chứng vào tiêu chí 1.3.": where the page opens after an
 * attach (criterion_block puts it under the criterion's heading). */
static void
evidence_notice(struct req *r, const struct view *v, const char *crit)
{
	const struct sv_evidence *ev = v->evidence;
	if (ev && ev->e == TS_OK && strcmp(ev->crit, crit) == 0)
		h_elem(&r->body, "p", ev->message, "class", "notice", "role",
		       "status", NULL);
}

static void
evidence_controls_plain(struct req *r, const struct view *v, const char *crit)
{
	evidence_control(r, v, crit, "file", "Tệp minh chứng", "Gắn tệp");
	evidence_control(r, v, crit, "link", "Đường link minh chứng",
			 "Gắn đường link");
	evidence_control(r, v, crit, "fact", "Dữ kiện minh chứng",
			 "Ghi dữ kiện");
}

/* The controls of every criterion of rubric rb rendered with TPL_HOLE as
 * the page's address (three buttons each), published once per rubric
 * version; NULL if they cannot be made. */
static const struct tpl *
evidence_templates(const struct rubric *rb)
{
	char key[256];
	snprintf(key, sizeof(key), "evidence\n%s@%d", rb->id, rb->version);
	size_t n;
	const struct tpl *t = tpl_find(key, &n);
	if (t != NULL)
		return n == rb->ncriteria ? t : NULL;
	struct tpl *v = calloc(rb->ncriteria + 1, sizeof(*v));
	struct req fake = { 0 };
	struct view fv = { .base = TPL_HOLE };
	bool ok = v != NULL;
	for (size_t i = 0; ok && i < rb->ncriteria; i++) {
		buf_init(&fake.body, 1 << 20);
		evidence_controls_plain(&fake, &fv, rb->criteria[i]->id);
		ok = fake.body.err == TS_OK &&
		     tpl_make(&v[i], buf_str(&fake.body), 3);
		buf_release(&fake.body);
	}
	if (!ok) {
		tpl_free(v, rb->ncriteria);
		return NULL;
	}
	t = tpl_publish(key, v, rb->ncriteria);
	return t;
}

/* The controls to attach a file, a link or a fact: the same for every
 * school but for the page's address, so from the rubric's templates
 * unless one of them is refused just now (it shows what was typed). */
static void
evidence_controls(struct req *r, const struct view *v, const char *crit)
{
	const struct sv_evidence *ev = v->evidence;
	const struct rubric *rb = v->s.rubric;
	size_t i = 0;
	while (i < rb->ncriteria && strcmp(rb->criteria[i]->id, crit) != 0)
		i++;
	const struct tpl *t = NULL;
	if (i < rb->ncriteria &&
	    !(ev && ev->e != TS_OK && strcmp(ev->crit, crit) == 0))
		t = evidence_templates(rb);
	if (t == NULL) {
		evidence_controls_plain(r, v, crit);
		return;
	}
	tpl_put(&r->body, &t[i], v->base);
}

/* Evidence linked to one criterion, and for the school the controls to
 * attach a file, a link or a fact, and to remove one. */
static void
evidence_block(struct req *r, const struct view *v, const char *crit)
{
	const struct sv_evidence *ev = v->evidence;
	if (!v->can_edit) {
		sv_evidence_lines(&r->body, v, crit);
		return;
	}
	evidence_list_edit(r, v, crit);
	if (ev && ev->e != TS_OK && strcmp(ev->kind, "remove") == 0 &&
	    strcmp(ev->crit, crit) == 0) {
		buf_puts(&r->body, "<p class=\"field-error\" role=\"alert\">");
		h_textf(&r->body, "Chưa gỡ được minh chứng: %s", ev->message);
		buf_puts(&r->body, "</p>");
	}
	evidence_controls(r, v, crit);
}

/* Lý do trả lại, a box per criterion for the reviewer. */
static void
reason_box(struct req *r, const struct view *v, const char *crit)
{
	struct buf *b = &r->body;
	char name[128], id[128];
	str_cat(name, sizeof(name), "r:", crit, NULL);
	str_cat(id, sizeof(id), "r-", crit, NULL);
	h_open(b, "label", "for", id, "class", "note", NULL);
	h_texts(b, "Lý do trả lại ", crit, NULL);
	buf_puts(b, "</label>");
	h_open(b, "textarea", "id", id, "name", name, "placeholder",
	       "Để trống nếu không có", NULL);
	if (v->posted_review)
		h_text(b, kv_get(v->posted_review, name));
	buf_puts(b, "</textarea>");
}

/* The evidence of a criterion, named as a group so "Tệp minh chứng" is
 * heard with its criterion; nothing when there is nothing to show. */
static void
evidence_group(struct req *r, const struct view *v, const char *crit)
{
	char name[160];
	bool any = v->can_edit;
	for (size_t i = 0; !any && i < v->nev; i++)
		any = strcmp(v->ev[i].criterion_id, crit) == 0;
	if (!any)
		return;
	str_cat(name, sizeof(name), "Minh chứng cho tiêu chí ", crit, NULL);
	h_open(&r->body, "div", "class", "evidence", "role", "group",
	       "aria-label", name, NULL);
	evidence_block(r, v, crit);
	buf_puts(&r->body, "</div>");
}

/* A criterion: its heading (the question itself when it has one item),
 * why it was returned, the answers, then the evidence supporting them. */
static void
criterion_block(struct req *r, const struct view *v, const struct criterion *cr,
		const struct form_src *src)
{
	struct buf *b = &r->body;
	struct buf head;
	bool sole = sv_sole_item(cr);
	buf_init(&head, 8192);
	sv_crit_heading(sole ? &head : b, v->score, cr);
	buf_puts(b, "<div class=\"crit\">");
	if (!sole) {
		evidence_notice(r, v, cr->id);
		reasons(b, v, cr->id);
	}
	for (size_t i = 0; i < cr->nitems; i++)
		item_block(r, v, &cr->items[i], src,
			   sole ? buf_str(&head) : NULL);
	if (sole) {
		reasons(b, v, cr->id);
		evidence_notice(r, v,
				cr->id); /* a short block: still in view */
	}
	evidence_group(r, v, cr->id);
	if (v->can_review)
		reason_box(r, v, cr->id);
	buf_puts(b, "</div>");
	buf_release(&head);
}

static void
criteria_form(struct req *r, const struct view *v, const struct form_src *src)
{
	struct buf *b = &r->body;
	const struct rubric *rb = v->s.rubric;
	for (size_t g = 0; g < rb->ngroups; g++) {
		const struct group *gr = &rb->groups[g];
		buf_puts(b, "<section class=\"card\">");
		sv_group_heading(b, v, v->score, g);
		for (size_t c = 0; c < gr->ncriteria; c++)
			criterion_block(r, v, &gr->criteria[c], src);
		buf_puts(b, "</section>");
	}
}

static void
action_button(struct req *r, const struct view *v, const char *action,
	      const char *label, const char *cls)
{
	struct buf *b = &r->body;
	char href[320];
	snprintf(href, sizeof(href), "%s/%s", v->base, action);
	h_open(b, "form", "method", "post", "action", href, "class", "inline",
	       NULL);
	h_csrf(r);
	sv_hidden_rev(r, v);
	queue_hidden(r);
	h_elem(b, "button", label, "type", "submit", "class", cls, NULL);
	buf_puts(b, "</form>");
}

/* The end of the decision form: what to do with it. */
static void
decision_fields(struct req *r, const struct view *v)
{
	static const struct {
		const char *value, *label;
	} D[] = {
		{ "approve", "Phê duyệt (sau một bước xác nhận)" },
		{ "return",
		  "Trả lại (yêu cầu bổ sung) với lý do ở từng tiêu chí "
		  "hoặc lý do chung" },
		{ "save", "Chỉ lưu điểm đánh giá ngoài, quyết định sau" },
	};
	struct buf *b = &r->body;
	const char *cur = v->posted_review
				  ? kv_get(v->posted_review, "decision")
				  : NULL;
	buf_puts(b, "<fieldset class=\"card\" id=\"decision-choice\"><legend>"
		    "Quyết định</legend>");
	for (size_t i = 0; i < sizeof(D) / sizeof(*D); i++) {
		buf_puts(b, "<label>");
		h_open(b, "input", "type", "radio", "name", "decision", "value",
		       D[i].value, "checked",
		       cur && strcmp(cur, D[i].value) == 0 ? "checked" : NULL,
		       NULL);
		h_text(b, D[i].label);
		buf_puts(b, "</label>");
	}
	buf_puts(b, "<label for=\"r-all\">Lý do chung khi trả lại (nếu có)"
		    "</label><textarea id=\"r-all\" name=\"r:*\">");
	if (v->posted_review)
		h_text(b, kv_get(v->posted_review, "r:*"));
	buf_puts(b, "</textarea><div class=\"actions\"><button type=\"submit\">"
		    "Tiếp tục</button></div></fieldset></form>");
}

static void
reviewer_actions(struct req *r, const struct view *v)
{
	struct buf *b = &r->body;
	buf_puts(b, "<div class=\"actions\">");
	if (allowed(r, v, ACT_APPROVE) && !v->can_external)
		action_button(r, v, "approve", "Phê duyệt…", NULL);
	if (allowed(r, v, ACT_PUBLISH))
		action_button(r, v, "publish", "Công bố kết quả…", NULL);
	buf_puts(b, "</div>");
}

/* What changed since the version before: the reviewer's first question
 * on a resubmission (users-want.md 1). */
static void
changes(struct req *r, struct view *v)
{
	struct buf *b = &r->body;
	struct sub_diff df;
	char x[PTS_FMT_SIZE], y[PTS_FMT_SIZE];
	if (v->s.version < 2)
		return;
	if (sub_diff(r->app, &v->s, v->s.version - 1, v->s.version, r->a, &df,
		     &r->diags) != TS_OK) {
		v->partial = true;
		return;
	}
	buf_puts(b, "<section class=\"card\"><h2>");
	h_textf(b, "Thay đổi so với lần nộp trước (phiên bản %d → %d)",
		v->s.version - 1, v->s.version);
	buf_puts(b, "</h2>");
	if (df.n == 0)
		buf_puts(b, "<p>Không có nội dung nào thay đổi.</p>");
	else
		buf_puts(b,
			 "<table><thead><tr><th>Nội dung</th><th>Trước</th>"
			 "<th>Sau</th><th class=\"num\">Điểm</th></tr></thead>"
			 "<tbody>");
	for (size_t i = 0; i < df.n; i++) {
		const struct item_change *c = &df.v[i];
		struct buf t;
		buf_init(&t, 4096);
		buf_puts(b, "<tr>");
		h_elem(b, "td", c->item->id, NULL);
		answer_text(c->item, c->before, &t);
		h_elem(b, "td", buf_str(&t), NULL);
		buf_reset(&t);
		answer_text(c->item, c->after, &t);
		if (c->after->note != NULL)
			buf_printf(&t, " — %s", c->after->note);
		h_elem(b, "td", buf_str(&t), NULL);
		buf_reset(&t);
		buf_printf(&t, "%s → %s", pts_format_vn(c->points_before, x),
			   pts_format_vn(c->points_after, y));
		h_elem(b, "td", buf_str(&t), "class", "num", NULL);
		buf_puts(b, "</tr>");
		buf_release(&t);
	}
	if (df.n > 0)
		buf_puts(b, "</tbody></table>");
	buf_puts(b, "</section>");
	sub_diff_release(&df);
}

static void
history(struct buf *b, const struct view *v)
{
	if (v->nsnaps == 0)
		return;
	buf_puts(b, "<section class=\"card\"><h2>Các lần nộp</h2><ul>");
	for (size_t i = 0; i < v->nsnaps; i++) {
		char when[TS_TIME_SIZE];
		buf_puts(b, "<li>");
		h_textf(b, "Phiên bản %d: %s, %s%s", v->snaps[i].version,
			ts_time_vn_text(v->snaps[i].submitted_at, when),
			v->snaps[i].submitted_by,
			v->snaps[i].late ? " (sau hạn nộp)" : "");
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul></section>");
}

static const char *
action_text(const char *action)
{
	static const struct {
		const char *code, *text;
	} T[] = {
		{ "submission.save", "lưu bản nháp" },
		{ "submission.submit", "nộp" },
		{ "submission.submit.late", "nộp (sau hạn)" },
		{ "submission.return", "trả lại" },
		{ "submission.external", "nhập điểm đánh giá ngoài" },
		{ "submission.approve", "phê duyệt" },
		{ "submission.publish", "công bố" },
	};
	for (size_t i = 0; i < sizeof(T) / sizeof(*T); i++)
		if (strcmp(T[i].code, action) == 0)
			return T[i].text;
	return action;
}

/* After a stale post: every change made since the page was opened. */
void
sv_stale_since(struct req *r, const struct view *v)
{
	struct revision_info *rv;
	size_t n;
	char when[TS_TIME_SIZE];
	struct buf *b = &r->body;
	if (v->stale_base < 0 ||
	    sub_revisions_since(r->app, &v->s, v->stale_base, r->a, &rv, &n) !=
		    TS_OK ||
	    n == 0)
		return;
	buf_puts(b, "<section class=\"card conflict\" id=\"changes-since\">"
		    "<h2>Đã thay đổi từ khi bạn mở trang</h2><ul>");
	for (size_t i = 0; i < n; i++) {
		buf_puts(b, "<li>");
		h_textf(b, "%s: %s %s", ts_time_vn_text(rv[i].at, when),
			rv[i].author, action_text(rv[i].action));
		buf_puts(b, "</li>");
	}
	buf_puts(b,
		 "</ul><p>Nội dung bạn vừa nhập vẫn còn trong trang: bấm lại "
		 "nút để thực hiện với bản mới, hoặc ");
	h_link(b, v->base, "tải lại trang để lấy bản mới");
	buf_puts(b, " (bỏ nội dung vừa nhập).</p></section>");
}

/* A refused evidence step, linked to its criterion (the message itself
 * is at the criterion). */
static void
evidence_summary(struct buf *b, const struct view *v)
{
	const struct sv_evidence *ev = v->evidence;
	char href[80];
	if (ev == NULL || ev->e == TS_OK)
		return;
	snprintf(href, sizeof(href), "#c-%s", ev->crit);
	buf_puts(b, "<div class=\"errors\" id=\"evidence-summary\"><p>");
	struct buf t;
	buf_init(&t, 1024);
	buf_printf(&t, "Tiêu chí %s: chưa %s được minh chứng: %s", ev->crit,
		   strcmp(ev->kind, "remove") == 0 ? "gỡ" : "gắn", ev->message);
	h_link(b, href, buf_str(&t));
	buf_release(&t);
	buf_puts(b, "</p></div>");
}

/* One line per refused field, linking to it: the school's answers
 * (prefix "") or the external scores ("x"). */
static void
error_summary(struct buf *b, const struct view *v, const char **errors,
	      const char *prefix)
{
	const struct rubric *rb = v->s.rubric;
	size_t n = 0;
	for (size_t i = 0; errors && i < rb->nitems; i++)
		n += errors[i] != NULL;
	if (n == 0)
		return;
	buf_puts(b, "<div class=\"errors\" id=\"error-summary\" role=\"alert\" "
		    "tabindex=\"-1\"><p>");
	h_textf(b, "%zu nội dung chưa lưu được (các nội dung khác đã lưu):", n);
	buf_puts(b, "</p><ul>");
	for (size_t i = 0; i < rb->nitems; i++) {
		struct buf href;
		if (errors[i] == NULL)
			continue;
		buf_init(&href, 512);
		form_field_id(&href, "f", prefix, rb->items[i]);
		buf_puts(b, "<li><a href=\"#");
		h_text(b, buf_str(&href));
		buf_puts(b, "\">");
		h_text(b, errors[i]);
		buf_puts(b, "</a></li>");
		buf_release(&href);
	}
	buf_puts(b, "</ul></div>");
}

/* The fields changed on both sides since the page was opened. */
static void
conflict_summary(struct buf *b, const struct view *v)
{
	const struct rubric *rb = v->s.rubric;
	char when[TS_TIME_SIZE];
	if (v->conflicts == NULL)
		return;
	buf_puts(
		b,
		"<div class=\"errors\" id=\"conflict-summary\" "
		"role=\"alert\" tabindex=\"-1\"><p>Trong lúc bạn sửa, người "
		"khác đã lưu bản tự đánh giá. Chưa có gì được lưu. Ở mỗi nội "
		"dung dưới đây, chọn giữ giá trị của bạn hoặc lấy giá trị mới, "
		"rồi bấm “Lưu bản nháp”:</p><ul>");
	for (size_t i = 0; i < rb->nitems; i++) {
		const struct sub_change *c = v->conflicts[i];
		struct buf href;
		if (c == NULL)
			continue;
		buf_init(&href, 512);
		form_field_id(&href, "f", "", rb->items[i]);
		buf_puts(b, "<li><a href=\"#");
		h_text(b, buf_str(&href));
		buf_puts(b, "\">");
		h_textf(b, "Nội dung %s: %s đã sửa lúc %s", rb->items[i]->id,
			c->author, ts_time_vn_text(c->at, when));
		buf_puts(b, "</a></li>");
		buf_release(&href);
	}
	buf_puts(b, "</ul></div>");
}

/* The form the page's fields belong to: the school's answers (saved as
 * it types), or the reviewer's external scores and decision. */
static void
form_open(struct req *r, const struct view *v, const struct kvlist *posted)
{
	struct buf *b = &r->body;
	if (v->can_edit) {
		char href[320], preview[320];
		snprintf(href, sizeof(href), "%s/save", v->base);
		snprintf(preview, sizeof(preview), "%s/preview", v->base);
		/* app.js recomputes the score panel on the server as the
		 * user types and saves the draft every few seconds. */
		h_open(b, "form", "id", "answers", "method", "post", "action",
		       href, "data-preview", preview, "data-posted",
		       posted ? "1" : NULL, NULL);
		h_csrf(r);
		sv_hidden_rev(r, v);
		/* Enter in a field saves (the first submit button is the
		 * default one), never attaches evidence. */
		buf_puts(b,
			 "<button type=\"submit\" class=\"default-submit\" "
			 "tabindex=\"-1\" aria-hidden=\"true\">Lưu</button>");
	}
	if (v->can_external && !v->can_edit) {
		char href[320];
		/* Submitted: one form for the scores and the decision. */
		snprintf(href, sizeof(href), "%s/%s", v->base,
			 v->can_review ? "decide" : "external");
		h_open(b, "form", "id", "external", "method", "post", "action",
		       href, NULL);
		h_csrf(r);
		sv_hidden_rev(r, v);
		queue_hidden(r);
		buf_puts(b, "<input type=\"hidden\" name=\"ext\" value=\"1\">");
	}
}

/* The buttons that end the form form_open began. */
static void
form_close(struct req *r, struct view *v)
{
	struct buf *b = &r->body;
	if (v->can_external && !v->can_edit && v->can_review)
		decision_fields(r, v);
	else if (v->can_external && !v->can_edit)
		buf_puts(b,
			 "<div class=\"actions\"><button type=\"submit\">Lưu "
			 "điểm đánh giá ngoài</button></div></form>");
	if (v->can_edit) {
		buf_puts(b,
			 "<div class=\"actions\"><button type=\"submit\">Lưu "
			 "bản nháp</button>");
		if (v->can_submit)
			buf_puts(b,
				 "<button type=\"submit\" name=\"then\" "
				 "value=\"submit\" class=\"secondary\">Lưu và "
				 "nộp…</button>");
		buf_puts(b, "</div></form>");
	}
}

void
sv_render(struct req *r, struct view *v, const struct kvlist *posted)
{
	struct buf *b = &r->body;
	struct form_src src = { .posted = posted,
				.stored = v->ans,
				.prefix = "",
				.use_posted = v->use_posted,
				.error = v->errors,
				.conflict = v->conflicts };
	page_begin(r, v->s.unit.name);
	buf_puts(b, "<p>");
	h_textf(b, "%s · %s · ", v->s.campaign.title,
		v->s.campaign.school_year);
	h_elem(b, "span", sub_state_name(v->s.state), "class", "state", NULL);
	if (v->s.late)
		buf_puts(b, " <span class=\"late\">Nộp muộn</span>");
	buf_puts(b, " · ");
	char report[340];
	snprintf(report, sizeof(report), "%s/report", v->base);
	h_link(b, report, "Báo cáo (DOCX, PDF, XLSX)");
	buf_puts(b, " · ");
	snprintf(report, sizeof(report), "%s/years", v->base);
	h_link(b, report, "Kết quả qua các năm học");
	if (wf_reviewed(v->s.state)) {
		buf_puts(b, " · ");
		snprintf(report, sizeof(report), "%s/plan", v->base);
		h_link(b, report, "Kế hoạch cải thiện năm học sau");
	}
	buf_puts(b, "</p>");
	queue_nav(r, (long long)v->s.campaign.id, v->s.unit.code);
	reasons(b, v, "*");
	sv_stale_since(r, v);
	evidence_summary(b, v);
	error_summary(b, v, v->errors, "");
	error_summary(b, v, v->x_errors, "x");
	conflict_summary(b, v);
	sv_score_panel(b, v, v->score);
	if (v->has_ext)
		sv_reviewed_panel(b, v->reviewed);
	if (actor_may(&r->sess.who, PK_DESK, NULL, PA_VIEW, NULL, NULL) ==
	    TS_OK)
		changes(r, v);
	sv_index(b, v, v->score);
	if (v->s.rubric->nitems > 0 && !v->can_edit && v->s.state == ST_NONE)
		buf_puts(b, "<p>Đơn vị chưa bắt đầu tự đánh giá.</p>");
	form_open(r, v, posted);
	sv_status_bar(b, v, v->score);
	criteria_form(r, v, &src);
	form_close(r, v);
	reviewer_actions(r, v);
	history(b, v);
	page_end(r);
}

/* The notice after a step, by its ?ok= value. */
static const char *
saved_notice(const char *saved)
{
	return strcmp(saved, "save") == 0     ? "Đã lưu bản nháp."
	       : strcmp(saved, "submit") == 0 ? "Đã nộp bản tự đánh giá."
	       : strcmp(saved, "evidence") == 0 ? "Đã gắn minh chứng."
	       : strcmp(saved, "unlinked") == 0 ? "Đã gỡ minh chứng."
						: "Đã cập nhật.";
}

/* Back from a step: its notice on top, and for an evidence step at its
 * criterion too (the page opens there). */
static void
step_notice(struct req *r, struct view *v, struct sv_evidence *done)
{
	const char *saved = kv_get(&r->query, "ok");
	if (saved != NULL)
		r->notice = saved_notice(saved);
	done->e = TS_OK;
	done->kind = "file";
	done->crit = kv_get(&r->query, "at");
	if (done->crit != NULL && saved != NULL &&
	    (strcmp(saved, "evidence") == 0 ||
	     strcmp(saved, "unlinked") == 0)) {
		done->message = sv_evidence_done(r, saved[0] == 'u',
						 done->crit);
		v->evidence = done;
	}
}

/* The page kept under key, compressed when the client takes gzip. */
static bool
cached_page(struct req *r, const struct buf *key)
{
	if (web_accepts_gzip(r->accept_encoding) &&
	    pc_get_gz(key, r->sess.csrf, &r->body)) {
		r->gzipped = true;
		return true;
	}
	return pc_get(key, r->sess.csrf, &r->body);
}

/* The form page: from the page cache when a page of the same inputs was
 * rendered before (submission_key.c), else rendered and kept. */
static void
form_page(struct req *r)
{
	struct view v;
	struct sv_evidence done;
	struct buf key;
	buf_init(&key, PC_ENTRY_MAX);
	bool keep = sv_cacheable(r) && sv_page_key(r, &key);
	if (keep && cached_page(r, &key)) {
		buf_release(&key);
		return;
	}
	enum ts_err e = sv_load_base(r, &v);
	if (e == TS_OK)
		e = sv_load_scores(r, &v);
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không mở được bản tự đánh giá.");
		sv_unload(&v);
		buf_release(&key);
		return;
	}
	step_notice(r, &v, &done);
	sv_render(r, &v, NULL);
	/* A read that failed while rendering (the changes since the last
	 * version) left its part out: not a page to keep. */
	if (keep && sv_cacheable(r) && !v.partial && r->body.err == TS_OK &&
	    r->status == 200)
		pc_put(&key, r->body.p, r->body.len, r->sess.csrf);
	sv_unload(&v);
	buf_release(&key);
}

void
page_submission(struct req *r)
{
	/* A statistics campaign shows its own form (stats_web.h). */
	if (ps_is_stats(r)) {
		ps_page(r);
		return;
	}
	/* The page's dozen reads from one snapshot: one read lock, and
	 * every part of the page from the same state. */
	app_read_begin(r->app);
	form_page(r);
	app_read_end(r->app);
}
