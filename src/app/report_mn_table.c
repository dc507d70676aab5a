/* The table of seed 004's "2. Kiểm tra các nội dung theo Bộ chỉ số đánh
 * giá mức độ chuyển đổi số": STT | Tiêu chí | Mức độ đánh giá | Ghi chú,
 * minh chứng | Kết quả đánh giá. "Mức độ đánh giá" prints each item's rule
 * as the form words it, built from the rubric (a gate zeroes its group,
 * a cap, the checklist's base and deduction), so a new rubric file needs
 * no new code; "Kết quả đánh giá" is score_compute's result. */
#include <stdio.h>
#include <string.h>

#include "../core/answer_text.h"
#include "../core/score.h"
#include "../util/arena.h"
#include "report_result.h"

enum {
	C_STT,
	C_NAME,
	C_RULE,
	C_NOTE,
	C_RESULT,
	NCOLS
};

static const char *
pts(struct rb *b, pts_t v)
{
	char out[RP_VALUE_SIZE];
	return rp_strdup(b->doc, pts_format_vn(v, out));
}

static void
rule_line(struct rb *b, struct rp_cell *cell, const char *text)
{
	rp_cell_para(b->doc, cell, RP_LEFT, 0, text);
}

/* Choices and the checklist's base: "- <text> (4 điểm)." as seed 004. */
static void
option_lines(struct rb *b, struct rp_cell *cell, const struct option *o,
	     size_t n)
{
	for (size_t i = 0; i < n; i++)
		rule_line(b, cell,
			  rp_printf(b->doc, "- %s (%s điểm).", o[i].text,
				    pts(b, o[i].points)));
}

static void
checklist_rule(struct rb *b, struct rp_cell *cell, const struct item *it)
{
	option_lines(b, cell, it->base_options, it->nbase_options);
	if (it->nbase_options == 0 && it->base > 0)
		rule_line(b, cell,
			  rp_printf(b->doc,
				    "Đủ các phân hệ: %s "
				    "điểm",
				    pts(b, it->base)));
	for (size_t i = 0; i < it->noptions; i++)
		if (it->options[i].points > 0)
			rule_line(b, cell,
				  rp_printf(b->doc, "+ %s (%s điểm)",
					    it->options[i].text,
					    pts(b, it->options[i].points)));
	if (it->deduct > 0)
		rule_line(b, cell,
			  rp_printf(b->doc,
				    "* Thiếu 1 phân hệ trừ %s "
				    "điểm (-%s điểm)",
				    pts(b, it->deduct), pts(b, it->deduct)));
}

static void
band_rule(struct rb *b, struct rp_cell *cell, const struct item *it)
{
	bool pct = it->input == INPUT_PERCENT;
	for (size_t i = 0; i < it->nbands; i++) {
		char w[128];
		range_words(&it->bands[i].range, pct ? 100 * PTS_ONE : -1, w);
		rule_line(b, cell,
			  rp_printf(b->doc, "- %s%s: %s điểm", w,
				    pct ? "%" : "",
				    pts(b, it->bands[i].points)));
	}
}

/* The rule of one item; the first item of a capped criterion also says
 * the cap ("Tối đa phần 2.3: 10 điểm"). */
static void
rule_cell(struct rb *b, struct rp_cell *cell, const struct item *it, bool first)
{
	switch (it->kind) {
	case ITEM_GATE:
		rule_line(b, cell,
			  rp_printf(b->doc,
				    "Nếu không đạt thì không "
				    "có điểm của mục %s",
				    it->criterion->group->id));
		break;
	case ITEM_YESNO:
		rule_line(b, cell,
			  rp_printf(b->doc, "Có: %s điểm", pts(b, it->max)));
		break;
	case ITEM_POINTS:
		rule_line(
			b, cell,
			rp_printf(b->doc, "Tối đa: %s điểm", pts(b, it->max)));
		break;
	case ITEM_BAND: band_rule(b, cell, it); break;
	case ITEM_CHOICE:
		option_lines(b, cell, it->options, it->noptions);
		break;
	case ITEM_CHECKLIST: checklist_rule(b, cell, it); break;
	}
	const struct criterion *c = it->criterion;
	if (first && c->cap)
		rule_line(b, cell,
			  rp_printf(b->doc, "Tối đa phần %s: %s điểm", c->id,
				    pts(b, c->max)));
}

/* What the school ticked, and which modules it lacks. */
static void
checklist_note(struct rb *b, struct rp_cell *cell, const struct item *it,
	       const struct answer *a)
{
	struct buf t;
	buf_init(&t, 0);
	answer_text(it, a, &t);
	rp_cell_para(b->doc, cell, RP_LEFT, 0, rp_strdup(b->doc, buf_str(&t)));
	buf_reset(&t);
	answer_missing(it, a, &t);
	if (t.len)
		rp_cell_para(b->doc, cell, RP_LEFT, RP_ITALIC,
			     rp_printf(b->doc, "Còn thiếu: %s.", buf_str(&t)));
	buf_release(&t);
}

static void
note_cell(struct rb *b, struct rp_cell *cell, const struct result *r,
	  const struct item *it, bool first)
{
	const struct answer *a = &r->ans->v[it->idx];
	if (it->kind == ITEM_CHECKLIST && a->present)
		checklist_note(b, cell, it, a);
	rb_item_evidence(b, cell, r, it, first);
	if (cell->nparas > 0)
		return;
	/* Nothing given yet: what the form asks for, as seed 004 prints. */
	const char *hint = it->evidence.hint;
	if (hint == NULL && first)
		hint = it->criterion->evidence.hint;
	if (hint)
		rp_cell_para(b->doc, cell, RP_LEFT, RP_ITALIC, hint);
}

static struct rp_cell *
empty_cell(struct rb *b, struct rp_table *t, size_t row, size_t col)
{
	struct rp_cell *c = rp_cell_text(b->doc, t, row, col, 0, "");
	c->nparas = 0;
	return c;
}

static void
result_cell(struct rb *b, struct rp_table *t, size_t row, const struct item *it,
	    const struct item_score *is)
{
	if (!is->answered)
		rb_unanswered_cell(b, t, row, C_RESULT);
	else if (it->kind == ITEM_GATE)
		rp_cell_align(rp_cell_text(b->doc, t, row, C_RESULT, 0,
					   is->gate_met ? "Đạt" : "Không đạt"),
			      RP_CENTER);
	else
		rp_cell_pts(b->doc, t, row, C_RESULT, is->points);
}

/* Does the criterion's title say more than its items? Seed 004 heads
 * 2.4's items with "Mức độ triển khai dịch vụ trực tuyến:", while 1.2's
 * and 2.3's titles only restate their first item. */
static bool
titled(const struct criterion *c)
{
	const char *first = c->items[0].text;
	return c->nitems > 1 && strncmp(c->title, first, strlen(first)) != 0;
}

/* The item's text ("- …" under a title); a checklist lists its modules
 * under it, as seed 004 does for 2.3. */
static void
name_cell(struct rb *b, struct rp_table *t, size_t row, const struct item *it)
{
	const struct criterion *cr = it->criterion;
	bool list = it->kind == ITEM_CHECKLIST && it->noptions > 0;
	bool dash = titled(cr);
	const char *text = rp_printf(b->doc, "%s%s%s", dash ? "- " : "",
				     it->text, list ? ":" : "");
	struct rp_cell *c = rp_cell_text(b->doc, t, row, C_NAME, 0, text);
	if (dash && it == &cr->items[0]) {
		c->nparas = 0;
		rp_cell_para(b->doc, c, RP_LEFT, 0,
			     rp_printf(b->doc, "%s:", cr->title));
		rp_cell_para(b->doc, c, RP_LEFT, 0, text);
	}
	for (size_t i = 0; list && i < it->noptions; i++)
		rp_cell_para(b->doc, c, RP_LEFT, 0,
			     rp_printf(b->doc, "+ %s.", it->options[i].text));
}

/* One row per item; the STT cell spans them. A single-item criterion
 * prints the item's full text (seed 004 1.1, 2.1), several items their
 * own texts under the criterion number (1.2, 2.3, 2.4). */
static void
criterion_rows(struct rb *b, struct rp_table *t, const struct result *r,
	       const struct criterion *c)
{
	size_t first = t->nrows;
	for (size_t i = 0; i < c->nitems; i++) {
		const struct item *it = &c->items[i];
		size_t row = rp_row_add(b->doc, t);
		name_cell(b, t, row, it);
		rule_cell(b, empty_cell(b, t, row, C_RULE), it, i == 0);
		note_cell(b, empty_cell(b, t, row, C_NOTE), r, it, i == 0);
		result_cell(b, t, row, it, &r->self->items[it->idx]);
	}
	rp_cell_text(b->doc, t, first, C_STT, 0,
		     rp_printf(b->doc, "%s.", c->id));
	if (c->nitems > 1)
		rp_cell_span(b->doc, t, first, C_STT, 1, (int)c->nitems);
	if (!c->cap)
		return;
	/* Items may add up to more than the cap: say what counts. */
	size_t row = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, row, C_NAME, RP_ITALIC,
		     rp_printf(b->doc, "Cộng tiêu chí %s", c->id));
	rp_cell_text(b->doc, t, row, C_RULE, RP_ITALIC,
		     rp_printf(b->doc, "Tối đa: %s điểm", pts(b, c->max)));
	if (rb_criterion_answered(r, c))
		rp_cell_pts(b->doc, t, row, C_RESULT,
			    r->self->criteria[c->idx].points)
			->style = RP_ITALIC;
	else
		rb_unanswered_cell(b, t, row, C_RESULT);
}

static void
group_row(struct rb *b, struct rp_table *t, const struct result *r,
	  const struct group *g)
{
	const struct group_score *gs = &r->self->groups[g->idx];
	size_t row = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, row, C_STT, RP_BOLD,
		     rp_printf(b->doc, "%s.", g->id));
	rp_cell_text(b->doc, t, row, C_NAME, RP_BOLD, g->title);
	rp_cell_text(b->doc, t, row, C_RULE, RP_BOLD,
		     rp_printf(b->doc, "Tối đa: %s điểm", pts(b, g->max)));
	bool answered = rb_group_answered(r, g);
	if (answered && !gs->gates_met)
		rp_cell_text(b->doc, t, row, C_NOTE, RP_ITALIC,
			     rp_printf(b->doc,
				       "Chưa đạt điều kiện bắt buộc: mục %s "
				       "không có điểm",
				       g->id));
	if (answered)
		rp_cell_pts(b->doc, t, row, C_RESULT, gs->points)->style =
			RP_BOLD;
	else
		rb_unanswered_cell(b, t, row, C_RESULT);
}

static void
header_row(struct rb *b, struct rp_table *t)
{
	static const char *const names[NCOLS] = { "STT", "Tiêu chí",
						  "Mức độ đánh giá",
						  "Ghi chú, minh chứng",
						  "Kết quả đánh giá" };
	rp_head_row(b->doc, t, names);
}

void
rb_rules_table(struct rb *b, struct rp_section *s, const struct result *r)
{
	static const int w[NCOLS] = { 9, 41, 24, 25, 12 };
	/* No caption: the heading "2. Kiểm tra các nội dung …" above it is
	 * the table's title, as in the seed. */
	struct rp_table *t = rp_table_add(b->doc, s, NCOLS, w);
	if (t == NULL)
		return;
	header_row(b, t);
	const struct rubric *rb = r->sub.rubric;
	for (size_t g = 0; g < rb->ngroups; g++) {
		const struct group *gr = &rb->groups[g];
		group_row(b, t, r, gr);
		size_t head = t->nrows - 1;
		for (size_t c = 0; c < gr->ncriteria; c++)
			criterion_rows(b, t, r, &gr->criteria[c]);
		/* A group's row keeps its first criterion (Writer ended
		 * page 2 of a mầm non tu-kiem-tra with "1. Chuyển đổi số
		 * trong dạy, học"). */
		rp_row_keep_prev(t, head + 1);
	}
	size_t row = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, row, C_NAME, RP_BOLD, "Tổng cộng");
	rp_cell_text(
		b->doc, t, row, C_RULE, RP_BOLD,
		rp_printf(b->doc, "Tối đa: %s điểm", pts(b, rb->total_max)));
	if (r->self->unanswered < rb->nitems)
		rp_cell_pts(b->doc, t, row, C_RESULT, r->self->total)->style =
			RP_BOLD;
	else
		rb_unanswered_cell(b, t, row, C_RESULT);
}
