/* The score sheet as text. */
#include <stdio.h>
#include <string.h>

#include "../core/answer_text.h"
#include "sheet.h"
#include "table.h"

static const struct table_col SCORE_COLS[] = {
	{ "STT", 6, ALIGN_LEFT },
	{ "Tiêu chí", 46, ALIGN_LEFT },
	{ "Điểm tối đa", 6, ALIGN_RIGHT },
	{ "Tự chấm", 9, ALIGN_RIGHT },
	{ "Mức độ", 7, ALIGN_LEFT },
	{ "Ghi chú, minh chứng", 28, ALIGN_LEFT },
};

static void
fmt_level(const struct level_band *l, char *out)
{
	if (l == NULL) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 16, "Mức %d", l->level);
}

/* A checklist's notes start with what was chosen and what is missing:
 * the points alone do not say why a module cost a point. */
static void
answer_notes(const struct item *it, const struct answer *a, struct buf *b)
{
	if (it->kind == ITEM_CHECKLIST && a->present) {
		answer_explain(it, a, b);
		if (b->p[b->len - 1] != '.')
			buf_putc(b, '.');
	}
	if (a->note != NULL)
		buf_printf(b, "%s%s", b->len ? " " : "", a->note);
	for (size_t i = 0; i < a->nevidence; i++) {
		const char *sep = b->len == 0		    ? ""
				  : b->p[b->len - 1] == '.' ? " "
							    : "; ";
		buf_printf(b, "%s%s", sep, a->evidence[i].text);
	}
}

static const char *
gate_word(const struct item_score *is)
{
	if (!is->answered)
		return "Chưa trả lời";
	return is->gate_met ? "Đạt" : "Không đạt";
}

static void
item_row(struct table *t, const struct score *s, const struct item *it,
	 bool merged)
{
	const struct item_score *is = &s->items[it->idx];
	char mx[PTS_FMT_SIZE + 2], pt[PTS_FMT_SIZE];
	struct buf notes, text;
	buf_init(&notes, 0);
	buf_init(&text, 0);
	answer_notes(it, &s->answers->v[it->idx], &notes);
	buf_printf(&text, "- %s", it->text);
	char tmp[PTS_FMT_SIZE];
	snprintf(mx, sizeof(mx), "%s%s", pts_format_vn(it->max, tmp),
		 it->verified ? "" : "*");
	const char *head[] = { "", it->heading, "", "", "", "" };
	if (!merged && it->heading != NULL)
		table_row(t, head);
	const char *cells[] = {
		"",
		buf_str(&text),
		it->kind == ITEM_GATE ? "BB" : mx,
		it->kind == ITEM_GATE ? gate_word(is)
		: is->answered	      ? pts_format_vn(is->points, pt)
				      : "-",
		"",
		buf_str(&notes),
	};
	if (!merged)
		table_row(t, cells);
	buf_release(&notes);
	buf_release(&text);
}

static bool
single_item(const struct criterion *c)
{
	return c->nitems == 1 && strcmp(c->items[0].id, c->id) == 0;
}

static void
criterion_row(struct table *t, const struct score *s, const struct criterion *c)
{
	const struct criterion_score *cs = &s->criteria[c->idx];
	char stt[80], mx[PTS_FMT_SIZE + 2], pt[PTS_FMT_SIZE], lv[16];
	struct buf notes;
	buf_init(&notes, 0);
	bool merged = single_item(c);
	char tmp[PTS_FMT_SIZE];
	snprintf(stt, sizeof(stt), "%s.", c->id);
	snprintf(mx, sizeof(mx), "%s%s", pts_format_vn(c->max, tmp),
		 merged && !c->items[0].verified ? "*" : "");
	fmt_level(cs->level, lv);
	const char *points = pts_format_vn(cs->points, pt);
	if (c->max == 0 && c->nitems == 1)
		points = gate_word(&s->items[c->items[0].idx]);
	if (merged || c->nitems == 1)
		answer_notes(&c->items[0], &s->answers->v[c->items[0].idx],
			     &notes);
	const char *cells[] = { stt,	c->title, c->max == 0 ? "BB" : mx,
				points, lv,	  buf_str(&notes) };
	table_row(t, cells);
	buf_release(&notes);
	if (c->max == 0 && c->nitems == 1)
		return;
	for (size_t i = 0; i < c->nitems; i++)
		item_row(t, s, &c->items[i], merged);
}

static void
group_rows(struct table *t, const struct score *s, const struct group *g)
{
	const struct group_score *gs = &s->groups[g->idx];
	char stt[80], mx[PTS_FMT_SIZE], pt[PTS_FMT_SIZE], lv[16];
	snprintf(stt, sizeof(stt), "%s.", g->id);
	fmt_level(gs->level, lv);
	const char *cells[] = { stt,
				g->title,
				pts_format_vn(g->max, mx),
				pts_format_vn(gs->points, pt),
				lv,
				"" };
	if (t->nrows > 0)
		table_rule(t);
	table_row(t, cells);
	table_rule(t);
	for (size_t c = 0; c < g->ncriteria; c++)
		criterion_row(t, s, &g->criteria[c]);
}

static void
suggestion_text(const struct suggestion *sg, size_t i, struct buf *out)
{
	char a[PTS_FMT_SIZE], c[PTS_FMT_SIZE];
	const struct item *it = sg->item;
	buf_printf(out, "%s %s (", i ? ";" : "", it->id);
	char w[128];
	if (it->kind == ITEM_BAND && sg->step_band && sg->step_gain < sg->gain)
		buf_printf(out, "+%s khi đạt %s%s; ",
			   pts_format_vn(sg->step_gain, a),
			   range_words(&sg->step_band->range,
				       it->input == INPUT_PERCENT
					       ? 100 * PTS_ONE
					       : -1,
				       w),
			   it->input == INPUT_PERCENT ? "%" : "");
	buf_printf(out, "tối đa +%s)", pts_format_vn(sg->gain, c));
}

static void
advice_text(const struct score *s, const struct group *g, struct buf *out)
{
	const struct advice *ad = &s->groups[g->idx].advice;
	char a[PTS_FMT_SIZE], w[128];
	if (ad->ngates > 0) {
		buf_puts(out, "  Chưa đạt điều kiện bắt buộc:");
		for (size_t i = 0; i < ad->ngates; i++)
			buf_printf(out, " %s", ad->gates[i]->id);
		buf_printf(out, " → nhóm không có điểm (%s điểm nếu đạt).\n",
			   pts_format_vn(s->groups[g->idx].ungated, a));
	}
	if (ad->next == NULL)
		return;
	buf_printf(out, "  Để đạt Mức độ %d (%s điểm): ", ad->next->level,
		   range_words(&ad->next->range, g->max, w));
	if (ad->needed == 0) {
		buf_puts(out, "chỉ cần đạt các điều kiện bắt buộc.\n");
		return;
	}
	buf_printf(out, "cần thêm %s điểm", pts_format_vn(ad->needed, a));
	if (!ad->reachable) {
		buf_puts(out, " (không đủ điểm còn lại để đạt).\n");
		return;
	}
	buf_puts(out, ". Có thể tăng:");
	for (size_t i = 0; i < ad->n && i < 5; i++)
		suggestion_text(&ad->v[i], i, out);
	buf_puts(out, ad->n > 5 ? "; ...\n" : ".\n");
}

/* "- Nhóm tiêu chí 1 “…”: 73/100 điểm - đạt Mức độ 2", then the advice. */
static void
group_line(const struct score *s, size_t g, struct buf *out)
{
	char a[PTS_FMT_SIZE], b[PTS_FMT_SIZE];
	const struct group *gr = &s->rubric->groups[g];
	const struct group_score *gs = &s->groups[g];
	const char *name = gs->level ? gs->level->name : NULL;
	buf_printf(out, "- Nhóm tiêu chí %s “%s”: %s/%s điểm", gr->id,
		   gr->title, pts_format_vn(gs->points, a),
		   pts_format_vn(gr->max, b));
	if (gs->level != NULL)
		buf_printf(out, " - đạt Mức độ %d%s%s%s", gs->level->level,
			   name ? " (" : "", name ? name : "", name ? ")" : "");
	buf_puts(out, "\n");
	advice_text(s, gr, out);
}

void
sheet_group_summary(const struct score *s, struct buf *out)
{
	const struct rubric *r = s->rubric;
	char a[PTS_FMT_SIZE], b[PTS_FMT_SIZE];
	for (size_t g = 0; g < r->ngroups; g++)
		group_line(s, g, out);
	/* QĐ 4725 rates each group on its own; a sum of two groups would
	 * read like a combined level that the decision does not have. */
	if (r->ngroups > 1 && rubric_has_total(r)) {
		buf_printf(out, "Tổng cộng: %s/%s điểm",
			   pts_format_vn(s->total, a),
			   pts_format_vn(r->total_max, b));
		if (s->grade != NULL)
			buf_printf(out, " - Xếp loại: %s", s->grade->name);
		buf_puts(out, "\n");
	}
	if (s->unanswered > 0)
		buf_printf(out,
			   "Chưa trả lời: %zu nội dung (tính 0 điểm, điều "
			   "kiện bắt buộc tính là chưa đạt).\n",
			   s->unanswered);
}

void
sheet_score_text(const struct score *s, struct buf *out)
{
	const struct rubric *r = s->rubric;
	struct table t;
	table_init(&t, SCORE_COLS, sizeof(SCORE_COLS) / sizeof(*SCORE_COLS));
	buf_printf(out, "KẾT QUẢ TỰ ĐÁNH GIÁ\n%s\n", r->title);
	buf_printf(out, "(%s; bộ chỉ số %s, phiên bản %d)\n",
		   r->source.decision, r->id, r->version);
	if (s->answers->unit != NULL)
		buf_printf(out, "Đơn vị: %s\n", s->answers->unit);
	if (s->answers->school_year != NULL)
		buf_printf(out, "Năm học: %s\n", s->answers->school_year);
	for (size_t g = 0; g < r->ngroups; g++)
		group_rows(&t, s, &r->groups[g]);
	table_render(&t, out);
	table_release(&t);
	bool unverified = false;
	for (size_t i = 0; i < r->nitems; i++)
		unverified |= !r->items[i]->verified;
	if (unverified)
		buf_puts(out,
			 "(*) Quy tắc chấm chính thức chưa được xác minh: "
			 "điểm do đơn vị tự chấm, cấp trên đánh giá ngoài.\n");
	buf_puts(out, "\n");
	sheet_group_summary(s, out);
}
