/* Finding one's way in a long submission form (issue 11 item 8): the index
 * of criteria with the status of each, the bar that stays on screen with
 * the score and the save status, and the scores in the section headings.
 * Every number is the scorer's (core/score.c): the page shows the saved
 * answers' score, and the live preview (page_submission_post.c) renders
 * the same fragments for the answers being typed, which app.js swaps in
 * by id (data-live). No rule is computed twice. */
#include <stdio.h>
#include <string.h>

#include "submission_view.h"

enum crit_status {
	CS_TODO,
	CS_DONE,
	CS_RETURNED
};

bool
sv_returned(const struct view *v, const char *crit)
{
	for (size_t i = 0; v->s.state == ST_RETURNED && i < v->nnotes; i++)
		if (v->notes[i].version == v->s.version &&
		    strcmp(v->notes[i].criterion_id, crit) == 0)
			return true;
	return false;
}

static enum crit_status
crit_status(const struct view *v, const struct score *s,
	    const struct criterion *cr, size_t *answered)
{
	size_t all, open = score_criterion_open(s, cr, &all);
	*answered = all - open;
	if (sv_returned(v, cr->id))
		return CS_RETURNED;
	return *answered == cr->nitems ? CS_DONE : CS_TODO;
}

/* "chưa trả lời (2/5)", "đã trả lời", "bị trả lại": in words, so the
 * colour is never the only sign. */
static void
status_span(struct buf *b, const struct view *v, const struct score *s,
	    const struct criterion *cr)
{
	static const char *const cls[] = { "st st-todo", "st st-done",
					   "st st-returned" };
	static const char *const text[] = { "chưa trả lời", "đã trả lời",
					    "bị trả lại" };
	size_t n;
	enum crit_status st = crit_status(v, s, cr, &n);
	char id[160];
	str_cat(id, sizeof(id), "ix-", cr->id, NULL);
	h_open(b, "span", "class", cls[st], "id", id, "data-live", "", NULL);
	h_text(b, text[st]);
	if (st == CS_TODO && n > 0)
		h_textf(b, " (%zu/%zu nội dung)", n, cr->nitems);
	h_close(b, "span");
}

void
sv_index(struct buf *b, const struct view *v, const struct score *s)
{
	const struct rubric *rb = v->s.rubric;
	char href[160];
	buf_puts(b, "<nav class=\"card index\" id=\"index\" aria-labelledby="
		    "\"index-h\"><h2 id=\"index-h\">Mục lục các tiêu chí</h2>"
		    "<ul>");
	for (size_t g = 0; g < rb->ngroups; g++) {
		const struct group *gr = &rb->groups[g];
		str_cat(href, sizeof(href), "#g-", gr->id, NULL);
		buf_puts(b, "<li>");
		h_open(b, "a", "href", href, NULL);
		h_texts(b, "Nhóm tiêu chí ", gr->id, ": ", gr->title, NULL);
		buf_puts(b, "</a><ul>");
		for (size_t c = 0; c < gr->ncriteria; c++) {
			const struct criterion *cr = &gr->criteria[c];
			str_cat(href, sizeof(href), "#c-", cr->id, NULL);
			buf_puts(b, "<li>");
			h_open(b, "a", "href", href, NULL);
			h_texts(b, cr->id, ". ", cr->title, NULL);
			buf_puts(b, "</a> ");
			status_span(b, v, s, cr);
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ul></li>");
	}
	buf_puts(b, "</ul></nav>");
}

static void
level_short(struct buf *b, const struct level_band *l)
{
	if (l != NULL)
		h_textf(b, ", Mức độ %d", l->level);
}

bool
sv_group_points(struct buf *b, const struct score *s, size_t g, bool draft,
		bool brief)
{
	const struct group *gr = &s->rubric->groups[g];
	char p[PTS_FMT_SIZE], m[PTS_FMT_SIZE];
	size_t all, open = score_group_open(s, gr, &all);
	const char *unit = brief ? "" : " điểm";
	pts_format_vn(s->groups[g].points, p);
	pts_format_vn(gr->max, m);
	if (open == all) {
		h_text(b, "chưa trả lời");
		return false;
	}
	if (score_group_settled(s, gr, draft)) {
		h_texts(b, p, "/", m, unit, NULL);
		return true;
	}
	h_texts(b, "tạm tính ", p, "/", m, unit, NULL);
	if (!brief)
		h_textf(b,
			", còn %zu nội dung chưa trả lời, chưa xác định mức "
			"độ",
			open);
	return false;
}

/* "— 73/100 điểm, Mức độ 2 (điểm đã lưu)" after a group's title. */
static void
group_score(struct buf *b, const struct score *s, size_t g, bool draft,
	    bool typed)
{
	char id[160];
	str_cat(id, sizeof(id), "gs-", s->rubric->groups[g].id, NULL);
	h_open(b, "span", "class", "live", "id", id, "data-live", "", NULL);
	h_text(b, "— ");
	if (sv_group_points(b, s, g, draft, false))
		level_short(b, s->groups[g].level);
	h_text(b, typed ? " (điểm đang nhập)" : " (điểm đã lưu)");
	h_close(b, "span");
}

void
sv_group_heading(struct buf *b, const struct view *v, const struct score *s,
		 size_t g)
{
	const struct group *gr = &s->rubric->groups[g];
	char id[160];
	str_cat(id, sizeof(id), "g-", gr->id, NULL);
	h_open(b, "h2", "id", id, NULL);
	h_texts(b, "Nhóm tiêu chí ", gr->id, ": ", gr->title, " ", NULL);
	group_score(b, s, g, wf_draft(v->s.state), false);
	h_close(b, "h2");
}

/* "— 7/10 điểm", or "— chưa trả lời": an unanswered criterion's 0
 * would read like its result. */
static void
crit_score(struct buf *b, const struct score *s, const struct criterion *cr)
{
	char p[PTS_FMT_SIZE], m[PTS_FMT_SIZE], id[160];
	size_t all;
	if (cr->max <= 0)
		return;
	str_cat(id, sizeof(id), "cs-", cr->id, NULL);
	h_open(b, "span", "class", "live", "id", id, "data-live", "", NULL);
	if (score_criterion_open(s, cr, &all) == all)
		h_textf(b, "— chưa trả lời (tối đa %s điểm)",
			pts_format_vn(cr->max, m));
	else
		h_texts(b, "— ", pts_format_vn(s->criteria[cr->idx].points, p),
			"/", pts_format_vn(cr->max, m), " điểm", NULL);
	h_close(b, "span");
}

bool
sv_sole_item(const struct criterion *cr)
{
	return cr->nitems == 1;
}

static bool
title_repeated(const struct criterion *cr)
{
	for (size_t i = 0; i < cr->nitems; i++)
		if (strcmp(cr->items[i].text, cr->title) == 0)
			return true;
	return false;
}

void
sv_crit_heading(struct buf *b, const struct score *s,
		const struct criterion *cr)
{
	char id[160];
	const struct item *it = &cr->items[0];
	bool sole = sv_sole_item(cr);
	str_cat(id, sizeof(id), "c-", cr->id, NULL);
	h_open(b, "h3", "id", id, NULL);
	str_cat(id, sizeof(id), "q-", cr->id, NULL);
	h_open(b, "span", "id", id, NULL);
	/* The only item's text is the fuller question: shown here, once.
	 * A title that one of several items repeats word for word is left
	 * to that item. */
	if (sole)
		h_texts(b, cr->id, ". ", it->text, NULL);
	else if (title_repeated(cr))
		h_texts(b, "Tiêu chí ", cr->id, NULL);
	else
		h_texts(b, cr->id, ". ", cr->title, NULL);
	h_close(b, "span");
	if (sole && !it->verified)
		buf_puts(b,
			 " <span class=\"muted\" title=\"Quy tắc chấm chính "
			 "thức chưa xác minh: đơn vị tự chấm, cấp trên đánh giá"
			 " ngoài\">(*)</span>");
	if (cr->max > 0) {
		buf_puts(b, " ");
		crit_score(b, s, cr);
	} else {
		h_text(b, " (điều kiện bắt buộc)");
	}
	h_close(b, "h3");
}

/* "Nhóm 1: 73/100, Mức độ 2 · Nhóm 2: 79/100, Mức độ 3" and the grade;
 * a draft with open items: "Đã trả lời 12/40 nội dung · Nhóm 1: tạm
 * tính 35/100 · Nhóm 2: chưa trả lời", no level, no grade. */
static void
bar_score(struct buf *b, const struct score *s, bool draft, bool typed)
{
	const struct rubric *r = s->rubric;
	buf_puts(b, "<span id=\"bar-score\" data-live=\"\">");
	if (!score_settled(s, draft))
		h_textf(b, "Đã trả lời %zu/%zu nội dung · ",
			r->nitems - s->unanswered, r->nitems);
	for (size_t g = 0; g < r->ngroups; g++) {
		h_textf(b, "%sNhóm %s: ", g ? " · " : "", r->groups[g].id);
		if (sv_group_points(b, s, g, draft, true))
			level_short(b, s->groups[g].level);
	}
	if (s->grade != NULL && score_settled(s, draft))
		h_textf(b, " · %s", s->grade->name);
	h_elem(b, "span",
	       typed ? " (điểm theo nội dung đang nhập)" : " (điểm đã lưu)",
	       "class", "muted qual", NULL);
	buf_puts(b, "</span>");
}

void
sv_status_bar(struct buf *b, const struct view *v, const struct score *s)
{
	buf_puts(b, "<div class=\"statusbar\" id=\"statusbar\" role=\"region\" "
		    "aria-label=\"Điểm và trạng thái lưu\">");
	bar_score(b, s, wf_draft(v->s.state), false);
	if (v->can_edit)
		buf_puts(b, " <span id=\"autosave\" aria-live=\"polite\">"
			    "</span>");
	buf_puts(b, " <a href=\"#index\">Mục lục</a></div>");
}

void
sv_live_parts(struct buf *b, const struct view *v, const struct score *s)
{
	const struct rubric *rb = s->rubric;
	bool draft = wf_draft(v->s.state);
	buf_puts(b, "<div hidden>");
	bar_score(b, s, draft, true);
	for (size_t g = 0; g < rb->ngroups; g++) {
		group_score(b, s, g, draft, true);
		for (size_t c = 0; c < rb->groups[g].ncriteria; c++) {
			crit_score(b, s, &rb->groups[g].criteria[c]);
			status_span(b, v, s, &rb->groups[g].criteria[c]);
		}
	}
	buf_puts(b, "</div>");
}
