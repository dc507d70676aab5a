/* Rendering answers and the difference between two versions. */
#include <stdio.h>

#include "../app/submission.h"
#include "sheet.h"

static size_t
count_bits(uint64_t v)
{
	size_t n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

void
sheet_answer_text(const struct item *it, const struct answer *a,
		  struct buf *out)
{
	char p[PTS_FMT_SIZE];
	if (!a->present) {
		buf_puts(out, "(chưa trả lời)");
		return;
	}
	switch (it->kind) {
	case ITEM_GATE:
		buf_puts(out, a->yes ? "Đạt" : "Không đạt");
		break;
	case ITEM_YESNO:
		buf_puts(out, a->yes ? "Có" : "Không");
		break;
	case ITEM_POINTS:
		buf_puts(out, pts_format(a->num, p));
		break;
	case ITEM_BAND:
		buf_printf(out, "%s%s", pts_format(a->num, p),
			   it->input == INPUT_PERCENT ? "%" : "");
		break;
	case ITEM_CHOICE:
		buf_puts(out, it->options[a->choice].text);
		break;
	case ITEM_CHECKLIST:
		if (it->nbase_options > 0)
			buf_printf(out, "%s; ", it->base_options[a->base].text);
		buf_printf(out, "%zu/%zu phân hệ", count_bits(a->checked),
			   it->noptions);
		break;
	}
}

static void
group_line(const struct score *a, const struct score *b, size_t g,
	   struct buf *out)
{
	const struct group *gr = &a->rubric->groups[g];
	char x[PTS_FMT_SIZE], y[PTS_FMT_SIZE];
	buf_printf(out, "  Nhóm %s: %s → %s điểm", gr->id,
		   pts_format(a->groups[g].points, x),
		   pts_format(b->groups[g].points, y));
	if (a->groups[g].level && b->groups[g].level)
		buf_printf(out, " (Mức độ %d → %d)", a->groups[g].level->level,
			   b->groups[g].level->level);
	buf_puts(out, "\n");
}

void
sheet_diff_text(const struct sub_diff *df, int v1, int v2, struct buf *out)
{
	char x[PTS_FMT_SIZE], y[PTS_FMT_SIZE];
	buf_printf(out, "Thay đổi từ phiên bản %d sang phiên bản %d: %zu nội "
		   "dung\n", v1, v2, df->n);
	for (size_t i = 0; i < df->n; i++) {
		const struct item_change *c = &df->v[i];
		buf_printf(out, "  %s (tiêu chí %s): ", c->item->id,
			   c->item->criterion->id);
		sheet_answer_text(c->item, c->before, out);
		buf_puts(out, " → ");
		sheet_answer_text(c->item, c->after, out);
		if (c->points_before != c->points_after)
			buf_printf(out, " [%s → %s điểm]",
				   pts_format(c->points_before, x),
				   pts_format(c->points_after, y));
		if (c->after->note && c->before->note != c->after->note)
			buf_printf(out, "; ghi chú: %s", c->after->note);
		buf_puts(out, "\n");
	}
	for (size_t g = 0; g < df->sa->rubric->ngroups; g++)
		group_line(df->sa, df->sb, g, out);
}
