/* The office's statistics dashboard: under the completeness table (who
 * has and has not submitted, page_campaign.c), every indicator rolled up
 * by bậc học over the office's subtree (stats_rollup_open), with how many
 * schools answered each figure; a school that has not reported is
 * missing, never a zero. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "stats_web.h"

static const char *const LEVEL_NAMES[AGG_ROWS] = { "MN", "TH", "THCS",
						   "THPT", "GDTX", "Tổng" };

/* "12.345 giáo viên, 95,2%" and the schools that answered. */
static const char *
cell_text(struct req *r, const struct indicator *it, const struct agg_cell *c)
{
	char a[PTS_FMT_SIZE], p[PTS_FMT_SIZE];
	struct agg_rate rt = agg_cell_rate(it, c);
	const char *rate = rt.den ? pts_format_pct_vn(agg_rate_value(rt), p)
				  : "chưa có số liệu";
	if (c->answered == 0)
		return "chưa có số liệu";
	switch (it->type) {
	case IND_COUNT:
		return it->whole ? arena_printf(r->a, "%s (%s)",
						pts_format_vn(c->sum, a), rate)
				 : arena_printf(r->a, "%s",
						pts_format_vn(c->sum, a));
	case IND_YESNO:
		return arena_printf(r->a, "%zu CSGD (%s)", c->yes, rate);
	case IND_PERCENT:
		return arena_printf(r->a, "bình quân %s", rate);
	case IND_NAMES:
		return arena_printf(r->a, "%zu tên, %zu trong nước", c->nnames,
				    c->ndomestic);
	default:
		return arena_printf(r->a, "%zu CSGD trả lời", c->answered);
	}
}

static void
row(struct req *r, const struct stats_rollup *ru, const struct indicator *it,
    const bool *cols)
{
	struct buf *b = &r->body;
	buf_puts(b, "<tr><th scope=\"row\">");
	h_text(b, it->label);
	buf_puts(b, "</th>");
	for (size_t k = 0; k < AGG_ROWS; k++) {
		if (!cols[k])
			continue;
		const struct agg_cell *c = ind_agg_cell(ru->agg, it, k);
		buf_puts(b, "<td class=\"num\">");
		if (c->units == 0) {
			buf_puts(b, "–</td>");
			continue;
		}
		h_text(b, cell_text(r, it, c));
		h_elem(b, "span", arena_printf(r->a, "%zu/%zu CSGD", c->answered,
					       c->units), "class", "muted block",
		       NULL);
		buf_puts(b, "</td>");
	}
	buf_puts(b, "</tr>");
}

static void
head(struct req *r, const struct stats_rollup *ru, const bool *cols)
{
	struct buf *b = &r->body;
	buf_puts(b, "<thead><tr><th>Chỉ số</th>");
	for (size_t k = 0; k < AGG_ROWS; k++)
		if (cols[k])
			h_elem(b, "th", LEVEL_NAMES[k], "class", "num", NULL);
	buf_puts(b, "</tr><tr><th>Số CSGD đã báo cáo (được duyệt)</th>");
	for (size_t k = 0; k < AGG_ROWS; k++)
		if (cols[k])
			h_elem(b, "td", arena_printf(r->a, "%zu/%zu",
						     ru->agg->reported[k],
						     ru->agg->units[k]),
			       "class", "num", NULL);
	buf_puts(b, "</tr></thead>");
}

static void
table(struct req *r, const struct stats_rollup *ru)
{
	struct buf *b = &r->body;
	const struct ind_set *s = ru->info.set;
	bool cols[AGG_ROWS];
	for (size_t k = 0; k < AGG_ROWS; k++)
		cols[k] = ru->agg->units[k] > 0;
	for (size_t i = 0; i < s->nsections; i++) {
		const struct ind_section *sec = &s->sections[i];
		h_elem(b, "h3", sec->title, NULL);
		buf_puts(b, "<div class=\"scroll\" tabindex=\"0\"><table "
			    "class=\"stats\">");
		head(r, ru, cols);
		buf_puts(b, "<tbody>");
		for (size_t k = 0; k < sec->n; k++)
			if (sec->v[k].type != IND_TEXT)
				row(r, ru, &sec->v[k], cols);
		buf_puts(b, "</tbody></table></div>");
	}
}

void
ps_rollup(struct req *r, const struct campaign *c)
{
	struct buf *b = &r->body;
	struct stats_rollup ru;
	bool with_submitted = kv_get(&r->query, "gom") != NULL;
	enum ts_err e = stats_rollup_open(r->app, &r->sess.who, c->id,
					  kv_get(&r->query, "unit"),
					  with_submitted, r->a, &ru, &r->diags);
	h_elem(b, "h2", "Số liệu thống kê theo bậc học", NULL);
	if (e != TS_OK) {
		h_elem(b, "p", r->diags.n ? r->diags.v[0].msg
					  : "Không tổng hợp được.", NULL);
		return;
	}
	buf_puts(b, "<p class=\"muted\">");
	h_text(b, with_submitted
			  ? "Gồm cả số liệu đã nộp nhưng chưa phê duyệt. "
			  : "Chỉ gồm số liệu đã được phê duyệt hoặc công bố; "
			    "đơn vị chưa báo cáo không được tính là 0. ");
	h_link(b, arena_printf(r->a, "/campaigns/%lld%s", (long long)c->id,
			       with_submitted ? "" : "?gom=nop"),
	       with_submitted ? "Chỉ tính số liệu đã duyệt"
			      : "Tính cả số liệu đã nộp");
	buf_puts(b, "</p>");
	table(r, &ru);
	stats_rollup_release(&ru);
}
