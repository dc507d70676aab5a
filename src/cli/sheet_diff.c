/* Rendering answers and the difference between two versions. */
#include <stdio.h>

#include "../app/submission.h"
#include "../core/answer_text.h"
#include "sheet.h"

static void
group_line(const struct score *a, const struct score *b, size_t g,
	   struct buf *out)
{
	const struct group *gr = &a->rubric->groups[g];
	char x[PTS_FMT_SIZE], y[PTS_FMT_SIZE];
	buf_printf(out, "  Nhóm %s: %s → %s điểm", gr->id,
		   pts_format_vn(a->groups[g].points, x),
		   pts_format_vn(b->groups[g].points, y));
	if (a->groups[g].level && b->groups[g].level)
		buf_printf(out, " (Mức độ %d → %d)", a->groups[g].level->level,
			   b->groups[g].level->level);
	buf_puts(out, "\n");
}

void
sheet_diff_text(const struct sub_diff *df, int v1, int v2, struct buf *out)
{
	char x[PTS_FMT_SIZE], y[PTS_FMT_SIZE];
	buf_printf(out,
		   "Thay đổi từ phiên bản %d sang phiên bản %d: %zu nội "
		   "dung\n",
		   v1, v2, df->n);
	for (size_t i = 0; i < df->n; i++) {
		const struct item_change *c = &df->v[i];
		buf_printf(out, "  %s (tiêu chí %s): ", c->item->id,
			   c->item->criterion->id);
		answer_text(c->item, c->before, out);
		buf_puts(out, " → ");
		answer_text(c->item, c->after, out);
		if (c->points_before != c->points_after)
			buf_printf(out, " [%s → %s điểm]",
				   pts_format_vn(c->points_before, x),
				   pts_format_vn(c->points_after, y));
		if (c->after->note && c->before->note != c->after->note)
			buf_printf(out, "; ghi chú: %s", c->after->note);
		buf_puts(out, "\n");
	}
	for (size_t g = 0; g < df->sa->rubric->ngroups; g++)
		group_line(df->sa, df->sb, g, out);
}
