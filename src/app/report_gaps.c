/* The most common gaps in the office's Phụ lục 3 (issue 16): the same
 * list as the campaign's dashboard (plan_gaps), with each item's count
 * and share of the schools whose approved results were read. */
#include "../util/arena.h"
#include "plan.h"
#include "report_int.h"

#define GAPS_TOP 10

static void
gap_row(struct rb *b, struct rp_table *t, const struct rubric *r,
	const struct gap_count *g, size_t i, size_t schools)
{
	const struct item *it = rubric_find_item(r, g->item_id);
	size_t row = rp_row_add(b->doc, t);
	rp_cell_int(b->doc, t, row, 0, (int64_t)i + 1)->align = RP_CENTER;
	rp_cell_text(
		b->doc, t, row, 1, 0,
		rp_printf(b->doc, "%s. %s", g->item_id, it ? it->text : ""));
	rp_cell_int(b->doc, t, row, 2, (int64_t)g->schools);
	rp_cell_pct(b->doc, t, row, 3,
		    pts_percent((int64_t)g->schools, (int64_t)schools));
}

enum ts_err
rb_gaps(struct rb *b, struct rp_section *s, const struct rubric *r)
{
	static const int w[] = { 8, 62, 15, 15 };
	static const char *const head[] = { "TT", "Nội dung",
					    "Số trường còn thiếu", "Tỷ lệ %" };
	struct gap_count *g = NULL;
	size_t n = 0, schools = 0;
	struct diags quiet;
	diags_init(&quiet);
	enum ts_err e = plan_gaps(b->app, b->who, b->t.campaign.id,
				  b->t.unit.code, GAPS_TOP, b->a, &g, &n,
				  &schools, &quiet);
	if (e != TS_OK)
		return rb_section_outcome(b, e, &quiet);
	diags_release(&quiet);
	if (n == 0)
		return TS_OK;
	struct rp_table *t = rp_table_add(b->doc, s, 4, w);
	if (t == NULL)
		return TS_ENOMEM;
	/* A caption, not a heading: it starts no page without the table. */
	t->caption = rp_printf(b->doc,
			       GAPS_TITLE " (tính trên %zu CSGD có kết quả "
					  "được phê duyệt)",
			       schools);
	rp_head_row(b->doc, t, head);
	for (size_t i = 0; i < n; i++) {
		gap_row(b, t, r, &g[i], i, schools);
		/* The caption and head never end a page with one row under
		 * them (a commune's Phụ lục 3 had "1.3a" alone at a foot). */
		if (i == 1)
			rp_row_keep_prev(t, t->nrows - 1);
	}
	struct rp_para *p = rp_body(b->doc, s, RP_ITALIC, GAPS_NOTE);
	if (p != NULL)
		p->keep_with_prev = true;
	return TS_OK;
}
