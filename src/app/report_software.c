/* The software inventory summed over an office's schools (seed 004), in
 * the office's Phụ lục 3 of a mầm non round: which software, how many
 * schools use it and charge for it, what parents paid in total. */
#include "../core/fixed.h"
#include "../util/arena.h"
#include "report_int.h"
#include "software.h"

/* "72.900.000" on the right; CSV keeps the raw digits. */
static void
money(struct rb *b, struct rp_table *t, size_t r, unsigned style, int64_t v)
{
	char num[PTS_FMT_SIZE];
	struct rp_cell *c =
		rp_cell_text(b->doc, t, r, 5, style,
			     rp_printf(b->doc, "%s", int_format_vn(v, num)));
	rp_cell_align(c, RP_RIGHT);
	c->csv = rp_printf(b->doc, "%lld", (long long)v);
}

static void
sum_row(struct rb *b, struct rp_table *t, size_t k,
	const struct software_sum *v)
{
	size_t r = rp_row_add(b->doc, t);
	rp_cell_align(
		rp_cell_text(b->doc, t, r, 0, 0, rp_printf(b->doc, "%zu", k)),
		RP_CENTER);
	rp_cell_text(b->doc, t, r, 1, 0, v->name);
	rp_cell_text(b->doc, t, r, 2, 0,
		     v->domestic ? "Trong nước" : "Nước ngoài");
	rp_cell_int(b->doc, t, r, 3, (int64_t)v->schools);
	rp_cell_int(b->doc, t, r, 4, (int64_t)v->paying);
	money(b, t, r, 0, v->parents_total);
}

static void
sum_table(struct rb *b, struct rp_section *s, const struct software_sum *v,
	  size_t n)
{
	static const int w[] = { 6, 36, 14, 12, 12, 20 };
	static const char *const head[] = {
		"STT",
		"Phần mềm",
		"Trong nước / nước ngoài",
		"Số trường dùng",
		"Số trường thu phí",
		"Cha mẹ đã nộp (đồng)",
	};
	struct rp_table *t = rp_table_add(b->doc, s, 6, w);
	if (t == NULL)
		return;
	t->caption = "Phần mềm các trường đang sử dụng";
	rp_head_row(b->doc, t, head);
	int64_t total = 0;
	for (size_t i = 0; i < n; i++) {
		sum_row(b, t, i + 1, &v[i]);
		total += v[i].parents_total;
		/* Never the head and one row alone at a page's foot. */
		if (i == 1)
			rp_row_keep_prev(t, t->nrows - 1);
	}
	size_t r = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, r, 0, RP_BOLD,
		     "Tổng số tiền cha mẹ học sinh đã nộp");
	rp_cell_span(b->doc, t, r, 0, 5, 1);
	money(b, t, r, RP_BOLD, total);
}

enum ts_err
rb_software_sum(struct rb *b, struct rp_section *s)
{
	struct software_sum *v = NULL;
	size_t n = 0;
	struct diags quiet; /* the office's report was allowed already */
	diags_init(&quiet);
	enum ts_err e = software_summary(b->app, b->who, b->t.campaign.id,
					 b->t.unit.code, b->a, &v, &n, &quiet);
	if (e != TS_OK)
		return rb_section_outcome(b, e, &quiet);
	diags_release(&quiet);
	/* The table's caption names it: a heading above it said the
	 * same words again. */
	if (n == 0) {
		rp_heading(b->doc, s, 2, "Phần mềm các trường đang sử dụng");
		rp_body(b->doc, s, 0, "Chưa có trường nào kê khai phần mềm.");
		return TS_OK;
	}
	rp_body(b->doc, s, 0,
		rp_printf(b->doc,
			  "Các trường đã kê khai %zu phần mềm đang sử dụng "
			  "(tên phần mềm, số trường dùng, số trường thu phí "
			  "và số tiền cha mẹ học sinh đã nộp trong năm học).",
			  n));
	sum_table(b, s, v, n);
	return TS_OK;
}
