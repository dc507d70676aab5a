/* A table other than the one whose header the sheet repeats (print
 * titles repeat one range of rows: Phụ lục 3's mầm non software table,
 * Phụ lục 6's sections, the Sở's year comparisons) gets its header rows
 * written again after a manual page break wherever Excel or Calc with
 * Carlito would start a page inside it: Calc printed those tables'
 * rows on a new page under no header. The break goes before the band
 * the page would split (rows joined by a vertical span, a subtotal with
 * its unit, the last row with the one above): Calc printed the last two
 * rows of the Sở's 2023-2024 band alone on page 5. From a manual break
 * the rows' heights at 100 % are an upper bound, so the pages after the
 * first break print the same in every reader. */
#include "xlsx.h"

bool
xlsx_joined_row(const struct rp_table *t, size_t r)
{
	if (r <= t->header_rows || r >= t->nrows)
		return false;
	if (rp_row_keeps_prev(t, r))
		return true;
	/* A covered cell whose anchor is not to its left in row r. */
	for (size_t c = 0; c < t->ncols; c++) {
		if (!t->rows[r][c].covered)
			continue;
		size_t j = c;
		while (j > 0 && t->rows[r][j].covered)
			j--;
		const struct rp_cell *a = &t->rows[r][j];
		if (a->covered || j + (size_t)a->colspan <= c)
			return true;
	}
	return false;
}

static size_t
band_start(const struct rp_table *t, size_t r)
{
	while (r > t->header_rows && xlsx_joined_row(t, r))
		r--;
	return r;
}

/* Heights h of table rows [r, n) at the sheet's rows from row on. */
static void
place_rows(struct xs *sh, const double *h, size_t r, size_t n, lxw_row_t row)
{
	for (; r < n; r++)
		xlsx_set_row_pt(sh, row++, h[r]);
}

/* block: the table's first sheet row with its caption and the heading
 * above it; first: its first header row. A page that would hold no body
 * row under the header (the block at a page's foot) moves the block to
 * the next page instead, once. */
size_t
xlsx_plan_splits(struct xs *sh, const struct rp_table *t, const double *h,
		 lxw_row_t block, lxw_row_t first, size_t *at, size_t max)
{
	size_t n = 0, hr = t->header_rows, body = hr;
	lxw_row_t off = 0, seg = block;
	place_rows(sh, h, 0, t->nrows, first);
	while (n < max && !sh->w->err) {
		lxw_row_t end = first + off + (lxw_row_t)t->nrows;
		lxw_row_t b = xlsx_next_page_start(sh, seg, end);
		if (b >= end)
			break;
		size_t r = b > first + off + body
				   ? band_start(t, b - first - off)
				   : body;
		if (r <= body) {
			if (n == 0 && seg == block &&
			    xlsx_break_before(sh, block))
				continue;
			break;
		}
		lxw_row_t row = first + off + (lxw_row_t)r;
		if (!xlsx_break_before(sh, row))
			break;
		at[n++] = r;
		place_rows(sh, h, 0, hr, row);
		off += (lxw_row_t)hr;
		place_rows(sh, h, r, t->nrows, first + off + (lxw_row_t)r);
		seg = row;
		body = r;
	}
	return n;
}
