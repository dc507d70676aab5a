/* The head's way to submit: "Kiểm tra trước khi nộp" (every answer, what
 * is still missing first, then the confirm form with the revision shown),
 * and after submitting, what happens next. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/report.h"
#include "../core/answer_text.h"
#include "../core/gaps.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "stats_web.h"
#include "submission_view.h"

/* A link to a place on the form: "#f-ITEM" for an item, "#c-ID" for a
 * criterion. */
static void
form_link(struct buf *b, const struct view *v, const struct item *it,
	  const char *crit, const char *text)
{
	struct buf href;
	buf_init(&href, 1024);
	if (it != NULL)
		form_field_id(&href, "f", "", it); /* "f-ID" */
	else
		buf_printf(&href, "c-%s", crit);
	struct buf full;
	buf_init(&full, 1024);
	buf_printf(&full, "%s#%s", v->base, buf_str(&href));
	buf_release(&href);
	href = full;
	h_link(b, buf_str(&href), text);
	buf_release(&href);
}

static void
gap_line(struct buf *b, const struct view *v, const struct gap *g)
{
	struct buf t;
	buf_init(&t, 2048);
	const struct evidence_req *er = g->item ? &g->item->evidence
						: &g->criterion->evidence;
	if (g->kind == GAP_BLANK)
		buf_printf(&t, "Nội dung %s: chưa trả lời", g->item->id);
	else
		buf_printf(&t, "%s %s: chưa có minh chứng%s%s%s",
			   g->item ? "Nội dung" : "Tiêu chí",
			   g->item ? g->item->id : g->criterion->id,
			   er->hint ? " (" : "", er->hint ? er->hint : "",
			   er->hint ? ")" : "");
	buf_puts(b, "<li>");
	form_link(b, v, g->kind == GAP_BLANK ? g->item : NULL, g->criterion->id,
		  buf_str(&t));
	buf_puts(b, "</li>");
	buf_release(&t);
}

/* The gaps of one kind as a list of links; returns how many. */
static size_t
gap_list(struct buf *b, const struct view *v, const struct gap *g, size_t n,
	 enum gap_kind kind, const char *id, const char *cls, const char *pre,
	 const char *post)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += g[i].kind == kind;
	if (k == 0)
		return 0;
	h_open(b, "section", "id", id, "class", cls, NULL);
	buf_puts(b, "<h2>");
	h_textf(b, "%s%zu%s", pre, k, post);
	buf_puts(b, "</h2><ul>");
	for (size_t i = 0; i < n; i++)
		if (g[i].kind == kind)
			gap_line(b, v, &g[i]);
	buf_puts(b, "</ul>");
	return k;
}

/* Blanks (they stop the submit) and missing evidence (the rubric asks for
 * it; a reviewer may return the submission for it), before anything
 * else. Returns the number of blanks. */
static size_t
gaps(struct req *r, const struct view *v)
{
	struct buf *b = &r->body;
	const struct rubric *rb = v->s.rubric;
	bool *has_ev = arena_calloc(r->a, rb->ncriteria + 1, sizeof(*has_ev));
	struct gap *g = arena_calloc(r->a, rb->nitems * 2 + 1, sizeof(*g));
	if (has_ev == NULL || g == NULL)
		return rb->nitems + 1;
	for (size_t i = 0; i < v->nev; i++)
		for (size_t c = 0; c < rb->ncriteria; c++)
			if (strcmp(rb->criteria[c]->id,
				   v->ev[i].criterion_id) == 0)
				has_ev[c] = true;
	size_t n = gaps_find(v->score, has_ev, g, rb->nitems * 2 + 1);
	size_t blanks = gap_list(b, v, g, n, GAP_BLANK, "check-blanks",
				 "errors", "Chưa nộp được: còn ",
				 " nội dung chưa trả lời");
	if (blanks > 0)
		buf_puts(b,
			 "<p>Điền đủ mọi nội dung, kể cả điểm 0, rồi quay lại "
			 "trang này để nộp.</p></section>");
	if (gap_list(b, v, g, n, GAP_EVIDENCE, "check-evidence", "card warn",
		     "Còn ", " chỗ thiếu minh chứng mà bộ chỉ số yêu cầu") > 0)
		buf_puts(b, "<p>Vẫn nộp được, nhưng cấp trên có thể trả lại để "
			    "bổ sung minh chứng.</p></section>");
	if (n == 0)
		buf_puts(
			b,
			"<p class=\"notice\" role=\"status\">Đã trả lời đủ mọi "
			"nội dung và có đủ minh chứng bộ chỉ số yêu cầu."
			"</p>");
	return blanks;
}

/* One item's answer as the form would store it, or "Chưa trả lời". */
static void
answer_row(struct buf *b, const struct view *v, const struct item *it)
{
	const struct answer *a = &v->ans->v[it->idx];
	struct buf t;
	buf_init(&t, 4096);
	buf_puts(b, "<dt>");
	h_textf(b, "%s. %s", it->id, it->text);
	buf_puts(b, "</dt>");
	if (!v->score->items[it->idx].answered) {
		buf_puts(b, "<dd class=\"missing\">Chưa trả lời</dd>");
		buf_release(&t);
		return;
	}
	answer_text(it, a, &t);
	if (it->max > 0) {
		char p[PTS_FMT_SIZE], m[PTS_FMT_SIZE];
		buf_printf(&t, " (%s/%s điểm)",
			   pts_format_vn(v->score->items[it->idx].points, p),
			   pts_format_vn(it->max, m));
	}
	if (a->note != NULL)
		buf_printf(&t, " — %s", a->note);
	h_elem(b, "dd", buf_str(&t), NULL);
	buf_release(&t);
}

static void
criterion_answers(struct req *r, const struct view *v,
		  const struct criterion *cr)
{
	struct buf *b = &r->body;
	char p[PTS_FMT_SIZE], m[PTS_FMT_SIZE], aria[200];
	const struct criterion_score *cs = &v->score->criteria[cr->idx];
	buf_puts(b, "<div class=\"check-criterion\"><h3>");
	if (cr->max > 0)
		h_textf(b, "%s. %s — %s/%s điểm", cr->id, cr->title,
			pts_format_vn(cs->points, p),
			pts_format_vn(cr->max, m));
	else
		h_textf(b, "%s. %s (điều kiện bắt buộc)", cr->id, cr->title);
	buf_puts(b, "</h3>");
	if (v->can_edit) {
		struct buf href;
		buf_init(&href, 1024);
		buf_printf(&href, "%s#c-%s", v->base, cr->id);
		snprintf(aria, sizeof(aria), "Sửa tiêu chí %s", cr->id);
		h_open(b, "a", "href", buf_str(&href), "class", "edit",
		       "aria-label", aria, NULL);
		buf_puts(b, "Sửa</a>");
		buf_release(&href);
	}
	buf_puts(b, "<dl>");
	for (size_t i = 0; i < cr->nitems; i++)
		answer_row(b, v, &cr->items[i]);
	buf_puts(b, "</dl>");
	sv_evidence_lines(b, v, cr->id);
	buf_puts(b, "</div>");
}

static void
all_answers(struct req *r, const struct view *v)
{
	const struct rubric *rb = v->s.rubric;
	for (size_t g = 0; g < rb->ngroups; g++) {
		buf_puts(&r->body, "<section class=\"card\">");
		h_elem(&r->body, "h2", rb->groups[g].title, NULL);
		for (size_t c = 0; c < rb->groups[g].ncriteria; c++)
			criterion_answers(r, v, &rb->groups[g].criteria[c]);
		buf_puts(&r->body, "</section>");
	}
}

/* QĐ 4725 (khoản 6 Điều 1) asks the head to approve the result by a
 * decision before it is reported: offer that decision, built from the
 * answers on this page, and the school's other papers. */
static void
approval_offer(struct req *r, const struct view *v)
{
	struct buf *b = &r->body;
	if (!report_kind_fits(report_kind_get(RK_APPROVAL), v->s.rubric))
		return;
	buf_puts(b, "<section class=\"card\" id=\"approval\"><h2>Quyết định "
		    "phê duyệt kết quả tự đánh giá</h2><p>");
	h_text(b, "Quyết định số 4725/QĐ-BGDĐT (khoản 6 Điều 1): thủ trưởng "
		  "đơn vị phê duyệt kết quả tự đánh giá trước khi báo cáo. Tạo "
		  "quyết định phê duyệt từ kết quả trên để in, ký:");
	static const char *const ext[] = { "docx", "pdf" };
	for (size_t i = 0; i < 2; i++) {
		char href[400];
		snprintf(href, sizeof(href), "%s/report/qd-phe-duyet.%s",
			 v->base, ext[i]);
		buf_puts(b, " ");
		h_open(b, "a", "class", "button", "href", href, NULL);
		h_text(b, i ? "PDF" : "DOCX");
		buf_puts(b, "</a>");
	}
	buf_puts(b, "</p><p>");
	char all[300];
	snprintf(all, sizeof(all), "%s/report", v->base);
	h_link(b, all,
	       "Số, ngày, người ký và các văn bản khác (quyết định "
	       "thành lập Ban chỉ đạo, biên bản họp tự đánh giá)");
	buf_puts(b, "</p></section>");
}

/* The confirm form: the revision this page shows goes with it, so a save
 * made after it was opened makes the submit a conflict, never a submit of
 * answers nobody checked. */
static void
confirm_form(struct req *r, struct view *v, size_t blanks)
{
	struct buf *b = &r->body;
	char href[320];
	if (blanks > 0) {
		buf_puts(b, "<p class=\"actions\">");
		h_link(b, v->base, "Quay lại bản tự đánh giá để trả lời tiếp");
		buf_puts(b, "</p>");
		return;
	}
	buf_puts(b, "<section class=\"card\" id=\"confirm\"><h2>Xác nhận nộp "
		    "bản tự đánh giá</h2>");
	if (!v->can_submit) {
		buf_puts(b, "<p>Chỉ hiệu trưởng (giám đốc) của đơn vị nộp được "
			    "bản tự đánh giá.</p></section>");
		return;
	}
	buf_puts(b, "<p>Sau khi nộp, bản tự đánh giá không sửa được nữa, trừ "
		    "khi cấp trên trả lại để bổ sung.</p>");
	snprintf(href, sizeof(href), "%s/submit", v->base);
	h_open(b, "form", "method", "post", "action", href, "class", "actions",
	       NULL);
	h_csrf(r);
	sv_hidden_rev(r, v);
	buf_puts(b, "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
		    "<button type=\"submit\">Xác nhận nộp</button>");
	h_link(b, v->base, "Quay lại sửa");
	buf_puts(b, "</form></section>");
}

void
sv_check_page(struct req *r, struct view *v, int64_t stale_base)
{
	struct buf *b = &r->body;
	page_begin(r, "Kiểm tra trước khi nộp");
	buf_puts(b, "<p>");
	h_textf(b, "%s — %s", v->s.unit.name, v->s.campaign.title);
	buf_puts(b, "</p>");
	v->stale_base = stale_base;
	sv_stale_since(r, v);
	size_t blanks = gaps(r, v);
	sv_score_panel(b, v, v->score);
	all_answers(r, v);
	approval_offer(r, v);
	confirm_form(r, v, blanks);
	page_end(r);
}

void
page_submission_check(struct req *r)
{
	if (ps_is_stats(r)) {
		ps_check(r);
		return;
	}
	struct view v;
	enum ts_err e = sv_load(r, &v);
	if (e != TS_OK)
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không mở được bản tự đánh giá.");
	else if (!v.can_edit && !v.can_submit)
		web_redirect(r, "%s", v.base); /* nothing to submit here */
	else
		sv_check_page(r, &v, -1);
	sv_unload(&v);
}

/* What happens next, in the order it happens. */
static void
next_steps(struct req *r, const struct view *v)
{
	struct buf *b = &r->body;
	char due[TS_TIME_SIZE], review[TS_TIME_SIZE];
	/* A page, not a document: on a database error it says "Cấp trên"
	 * (the error is in the log) rather than failing the whole check. */
	const char *who = NULL;
	if (campaign_reviewer_name(r->app, v->s.campaign.id, v->s.unit.id, r->a,
				   &who) != TS_OK)
		who = NULL;
	const char *rdue = v->s.campaign.review_due_at;
	buf_puts(b, "<section class=\"card\" id=\"next\"><h2>Tiếp theo</h2><ol>"
		    "<li>");
	h_textf(b,
		"%s xem xét bản tự đánh giá%s%s, rồi phê duyệt hoặc trả lại "
		"kèm lý do ở từng tiêu chí.",
		who ? who : "Cấp trên", rdue && rdue[0] ? ", hạn xem xét " : "",
		rdue && rdue[0] ? ts_time_vn_text(rdue, review) : "");
	int64_t t = 0;
	bool past = ts_time_parse(v->s.campaign.due_at, &t) &&
		    ts_time_now() > t;
	buf_puts(b, "</li><li>");
	h_textf(b,
		"Nếu bị trả lại: sửa các tiêu chí được nêu lý do rồi nộp lại%s "
		"(hạn nộp của đợt: %s%s).",
		past ? "" : " trước hạn nộp",
		ts_time_vn_text(v->s.campaign.due_at, due),
		past ? ", đã qua: bản nộp được ghi là nộp muộn" : "");
	buf_puts(b, "</li><li>Khi được phê duyệt, kết quả được công bố và đưa "
		    "vào báo cáo của cấp trên.</li></ol></section>");
}

void
page_submission_submitted(struct req *r)
{
	/* A statistics campaign has no such page (stats_web.h). */
	if (ps_is_stats(r)) {
		web_error(r, 404, "Đợt thống kê không có trang này.");
		return;
	}
	struct view v;
	enum ts_err e = sv_load(r, &v);
	struct buf *b = &r->body;
	char when[TS_TIME_SIZE];
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không mở được bản tự đánh giá.");
		sv_unload(&v);
		return;
	}
	if (v.s.state != ST_SUBMITTED || v.nsnaps == 0) {
		web_redirect(r, "%s", v.base);
		sv_unload(&v);
		return;
	}
	const struct snapshot_info *last = &v.snaps[v.nsnaps - 1];
	r->notice = "Đã nộp bản tự đánh giá.";
	page_begin(r, "Đã nộp bản tự đánh giá");
	buf_puts(b, "<p>");
	h_textf(b, "%s — %s: phiên bản %d, nộp lúc %s bởi %s%s.", v.s.unit.name,
		v.s.campaign.title, last->version,
		ts_time_vn_text(last->submitted_at, when), last->submitted_by,
		last->late ? " (sau hạn nộp)" : "");
	buf_puts(b, "</p>");
	next_steps(r, &v);
	sv_score_panel(b, &v, v.score);
	buf_puts(b, "<p class=\"actions\">");
	h_link(b, v.base, "Xem bản đã nộp");
	buf_puts(b, "</p>");
	page_end(r);
	sv_unload(&v);
}
