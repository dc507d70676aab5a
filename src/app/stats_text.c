/* One roll-up cell in words, the same on the dashboard and in the
 * documents: a count with its rate when it has a whole, schools with "có"
 * and their share, the mean of a percentage; never a zero for nobody
 * answered. */
#include <stdio.h>

#include "../util/arena.h"
#include "stats.h"

const char *
stats_cell_text(struct arena *a, const struct indicator *it,
		const struct agg_cell *c)
{
	char n[PTS_FMT_SIZE], p[PTS_FMT_SIZE];
	struct agg_rate rt = agg_cell_rate(it, c);
	const char *rate = rt.den ? pts_format_pct_vn(agg_rate_value(rt), p)
				  : "chưa có số liệu";
	if (c->answered == 0)
		return "chưa có số liệu";
	switch (it->type) {
	case IND_COUNT:
		return it->whole ? arena_printf(a, "%s (%s)",
						pts_format_vn(c->sum, n), rate)
				 : arena_printf(a, "%s", pts_format_vn(c->sum, n));
	case IND_YESNO:
		return arena_printf(a, "%zu CSGD (%s)", c->yes, rate);
	case IND_PERCENT:
		return arena_printf(a, "bình quân %s", rate);
	case IND_NAMES:
		return arena_printf(a, "%zu tên, %zu trong nước", c->nnames,
				    c->ndomestic);
	default:
		return arena_printf(a, "%zu CSGD trả lời", c->answered);
	}
}
