/* Tables of word/document.xml. The model is a dense grid where spanned
 * cells are marked covered; WordprocessingML wants a horizontal span as one
 * w:tc with w:gridSpan, and a vertical span as a w:tc in every row it
 * crosses (w:vMerge restart, then continue). */
#include "docx.h"

#include <stdlib.h>

#define DX_SHADE "D9D9D9"
/* Cell margins: 1.5 mm left and right, 0.5 mm top and bottom. */
#define DX_CELL_MAR                                                            \
	"<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/>"                     \
	"<w:left w:w=\"85\" w:type=\"dxa\"/>"                                  \
	"<w:bottom w:w=\"28\" w:type=\"dxa\"/>"                                \
	"<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"

/* on: every border; with open_top, all but the top one. */
static void
borders(struct buf *b, bool on, bool open_top)
{
	static const char *const sides[] = { "top",   "left",	 "bottom",
					     "right", "insideH", "insideV" };
	buf_puts(b, "<w:tblBorders>");
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
		if (on && !(open_top && i == 0))
			buf_printf(b,
				   "<w:%s w:val=\"single\" w:sz=\"4\" "
				   "w:space=\"0\" w:color=\"000000\"/>",
				   sides[i]);
		else
			buf_printf(b, "<w:%s w:val=\"nil\"/>", sides[i]);
	buf_puts(b, "</w:tblBorders>");
}

static void
table_begin(struct buf *b, int width, bool bordered, bool open_top)
{
	buf_printf(b,
		   "<w:tbl><w:tblPr><w:tblStyle w:val=\"%s\"/>"
		   "<w:tblW w:w=\"%d\" w:type=\"dxa\"/>",
		   bordered ? "TableGrid" : "TableNormal", width);
	borders(b, bordered, open_top);
	buf_puts(b,
		 "<w:tblLayout w:type=\"fixed\"/>" DX_CELL_MAR
		 "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
		 "w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" "
		 "w:noVBand=\"1\"/></w:tblPr>");
}

/* Width of grid columns c .. c + n - 1 of the table being written. */
static int
span_w(const struct dx_ctx *x, size_t ncols, size_t c, size_t n)
{
	int w = 0;
	for (size_t i = c; i < c + n && i < ncols; i++)
		w += x->grid[i];
	return w;
}

static size_t
colspan(const struct rp_table *t, size_t c, const struct rp_cell *cell)
{
	size_t n = cell->colspan > 1 ? (size_t)cell->colspan : 1;
	return n > t->ncols - c ? t->ncols - c : n;
}

/* The anchor whose span covers (r, c); false if none (a malformed grid:
 * the writer then emits an empty cell rather than a broken table). */
static bool
find_anchor(const struct rp_table *t, size_t r, size_t c, size_t *ar,
	    size_t *ac)
{
	for (size_t i = r + 1; i-- > 0;)
		for (size_t j = c + 1; j-- > 0;) {
			const struct rp_cell *a = &t->rows[i][j];
			if (!a->covered && i + (size_t)a->rowspan > r &&
			    j + (size_t)a->colspan > c) {
				*ar = i;
				*ac = j;
				return true;
			}
		}
	return false;
}

static void
cell_props(struct buf *b, int width, size_t span, const char *vmerge,
	   bool shade)
{
	buf_printf(b, "<w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
	if (span > 1)
		buf_printf(b, "<w:gridSpan w:val=\"%zu\"/>", span);
	if (vmerge)
		buf_printf(b, "<w:vMerge%s/>", vmerge);
	if (shade)
		buf_puts(
			b,
			"<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" DX_SHADE
			"\"/>");
	buf_puts(b, "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

static void
cell_content(struct dx_ctx *x, const struct rp_cell *cell)
{
	char num[RP_VALUE_SIZE];
	struct dx_pfmt f = { .size = RP_SIZE_TABLE, .style_or = cell->style };
	if (cell->kind == RP_V_TEXT && cell->nparas) {
		for (size_t i = 0; i < cell->nparas; i++)
			dx_para(x, cell->paras[i], &f);
		return;
	}
	dx_line(x, cell->align, cell->style, RP_SIZE_TABLE,
		rp_value_format(cell, num));
}

/* A covered cell: nothing inside a horizontal span; a vMerge
 * continuation below the anchor of a vertical one. */
static void
covered_cell(struct dx_ctx *x, const struct rp_table *t, size_t r, size_t c)
{
	size_t ar, ac, n = 1;
	const struct rp_cell *a = NULL;
	if (find_anchor(t, r, c, &ar, &ac)) {
		if (ac < c)
			return;
		a = &t->rows[ar][ac];
		n = colspan(t, c, a);
	}
	/* No anchor (a malformed grid): a plain empty cell keeps the row
	 * the right width instead of breaking the table. */
	buf_puts(x->out, "<w:tc>");
	cell_props(x->out, span_w(x, t->ncols, c, n), n, a ? "" : NULL,
		   a && a->shade);
	dx_line(x, RP_LEFT, 0, RP_SIZE_TABLE, NULL);
	buf_puts(x->out, "</w:tc>");
}

static void
table_cell(struct dx_ctx *x, const struct rp_table *t, size_t r, size_t c)
{
	const struct rp_cell *cell = &t->rows[r][c];
	if (cell->covered) {
		covered_cell(x, t, r, c);
		return;
	}
	size_t n = colspan(t, c, cell);
	buf_puts(x->out, "<w:tc>");
	cell_props(x->out, span_w(x, t->ncols, c, n), n,
		   cell->rowspan > 1 ? " w:val=\"restart\"" : NULL,
		   cell->shade);
	cell_content(x, cell);
	buf_puts(x->out, "</w:tc>");
}

/* Rows from .. to - 1 of t; the table's grid is x->grid. */
static void
table_rows(struct dx_ctx *x, const struct rp_table *t, size_t from, size_t to,
	   bool keep)
{
	for (size_t r = from; r < to; r++) {
		buf_puts(x->out, "<w:tr><w:trPr><w:cantSplit/>");
		if (r < t->header_rows)
			buf_puts(x->out, "<w:tblHeader/>");
		buf_puts(x->out, "</w:trPr>");
		/* keepNext in a row keeps it with the next row: the last
		 * row and the rows kept with the row before them (a
		 * subtotal, a total, a group's first row) never start a
		 * page alone, and before the closing block the last row
		 * keeps with it too. */
		x->keep = rp_row_keeps_prev(t, r + 1) ||
			  (keep && r + 1 == t->nrows);
		for (size_t c = 0; c < t->ncols; c++)
			table_cell(x, t, r, c);
		buf_puts(x->out, "</w:tr>");
	}
	x->keep = keep;
}

/* Opens a table with t's grid (open_top: no top border, for the tail
 * of a table nested under the rows above it). */
static void
table_open(struct dx_ctx *x, const struct rp_table *t, bool open_top)
{
	table_begin(x->out, x->text_w, t->borders, open_top);
	buf_puts(x->out, "<w:tblGrid>");
	for (size_t c = 0; c < t->ncols; c++)
		buf_printf(x->out, "<w:gridCol w:w=\"%d\"/>", x->grid[c]);
	buf_puts(x->out, "</w:tblGrid>");
}

static void
table_part(struct dx_ctx *x, const struct rp_table *t, size_t from, size_t to,
	   bool keep, bool open_top)
{
	table_open(x, t, open_top);
	table_rows(x, t, from, to, keep);
	buf_puts(x->out, "</w:tbl>");
}

/* Row r continues a vertical span from above it. */
static bool
span_from_above(const struct rp_table *t, size_t r)
{
	size_t ar, ac;
	for (size_t c = 0; c < t->ncols; c++)
		if (t->rows[r][c].covered && find_anchor(t, r, c, &ar, &ac) &&
		    ar < r)
			return true;
	return false;
}

/* First row of the band that ends with row r: a row and the rows marked
 * to keep with the row before them (a subtotal with its last unit) or
 * joined to it by a vertical span, as the PDF writer bands them. */
static size_t
band_start(const struct rp_table *t, size_t r)
{
	while (r > t->header_rows && (t->keep_prev[r] || span_from_above(t, r)))
		r--;
	return r;
}

/* First row of the tail that goes with the closing block: the last two
 * bands, so that at least two rows of data, not one under the totals,
 * go with it to a new page. 0 (the whole table) when that reaches the
 * header rows. */
static size_t
tail_start(const struct rp_table *t)
{
	size_t cut = band_start(t, t->nrows - 1);
	if (cut > t->header_rows)
		cut = band_start(t, cut - 1);
	return cut > t->header_rows ? cut : 0;
}

/* An exactly 1-pt paragraph: keeps two tables apart (adjacent tables
 * merge) without a visible gap. */
static void
tight_para(struct buf *b)
{
	buf_puts(b, "<w:p><w:pPr><w:spacing w:before=\"0\" "
		    "w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
		    "<w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>");
}

/* The one borderless cell, no margins, of a row that cannot split:
 * what it holds stays on one page. LibreOffice ignores w:keepNext from
 * a table's last row to what follows the table, but never splits a
 * w:cantSplit row. */
static void
wrap_begin(struct dx_ctx *x)
{
	buf_printf(x->out,
		   "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableNormal\"/>"
		   "<w:tblW w:w=\"%d\" w:type=\"dxa\"/>",
		   x->text_w);
	borders(x->out, false, false);
	buf_printf(x->out,
		   "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
		   "<w:top w:w=\"0\" w:type=\"dxa\"/>"
		   "<w:left w:w=\"0\" w:type=\"dxa\"/>"
		   "<w:bottom w:w=\"0\" w:type=\"dxa\"/>"
		   "<w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
		   "</w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/></w:tblGrid>"
		   "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>"
		   "<w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>",
		   x->text_w, x->text_w);
	x->wrapped = true;
}

/* The last row of a table whose tail keeps with the closing block: one
 * cell across the grid, no margins, no borders but the line above it,
 * that cannot split. It holds the tail, as a table of its own without
 * its top border, and the closing block, so that the two stay on one
 * page (LibreOffice ignores w:keepNext from a table's last row to what
 * follows it, but never splits a w:cantSplit row) under the header rows
 * the table repeats on every page. */
static void
closing_row_begin(struct dx_ctx *x, size_t ncols)
{
	buf_printf(x->out,
		   "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>"
		   "<w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
		   "<w:gridSpan w:val=\"%zu\"/><w:tcBorders>"
		   "<w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
		   "<w:right w:val=\"nil\"/></w:tcBorders><w:tcMar>"
		   "<w:top w:w=\"0\" w:type=\"dxa\"/>"
		   "<w:left w:w=\"0\" w:type=\"dxa\"/>"
		   "<w:bottom w:w=\"0\" w:type=\"dxa\"/>"
		   "<w:right w:w=\"0\" w:type=\"dxa\"/></w:tcMar></w:tcPr>",
		   span_w(x, ncols, 0, ncols), ncols);
	x->wrapped = true;
}

void
dx_wrap_end(struct dx_ctx *x)
{
	if (!x->wrapped)
		return;
	buf_puts(x->out, "</w:tc></w:tr></w:tbl>");
	tight_para(x->out);
	x->wrapped = false;
}

void
dx_table(struct dx_ctx *x, const struct rp_table *t)
{
	bool wrap = x->wrap;
	x->wrap = false;
	if (!t || !t->ncols || !t->nrows)
		return;
	if (t->caption && *t->caption) {
		struct rp_run run = { .text = t->caption, .style = RP_BOLD };
		struct rp_para p = { .runs = &run,
				     .nruns = 1,
				     .align = RP_CENTER,
				     .space_before_pt = 6,
				     .space_after_pt = 6,
				     .keep_with_next = true };
		struct dx_pfmt f = { 0 };
		dx_para(x, &p, &f);
	}
	int *grid = calloc(t->ncols, sizeof *grid);
	if (grid == NULL) {
		x->out->err = TS_ENOMEM; /* parts_error reports it */
		return;
	}
	dx_table_grid(x, t, grid);
	x->grid = grid;
	/* Before the closing block the table's tail goes into a wrapper
	 * that the closing block ends (dx_wrap_end). */
	size_t cut = wrap ? tail_start(t) : t->nrows;
	if (cut == 0) {
		wrap_begin(x);
		table_part(x, t, 0, t->nrows, x->keep, false);
	} else if (wrap) {
		table_open(x, t, false);
		table_rows(x, t, 0, cut, x->keep);
		closing_row_begin(x, t->ncols);
		table_part(x, t, cut, t->nrows, x->keep, true);
	} else {
		table_part(x, t, 0, t->nrows, x->keep, false);
	}
	x->grid = NULL;
	free(grid);
	/* A paragraph after every table: two tables in a row would merge
	 * into one, and the body must not end with a table. */
	dx_line(x, RP_LEFT, 0, 6, NULL);
}

void
dx_layout_begin(struct dx_ctx *x, size_t ncols, const int *w)
{
	int total = 0;
	for (size_t i = 0; i < ncols; i++)
		total += w[i];
	table_begin(x->out, total, false, false);
	buf_puts(x->out, "<w:tblGrid>");
	for (size_t i = 0; i < ncols; i++)
		buf_printf(x->out, "<w:gridCol w:w=\"%d\"/>", w[i]);
	buf_puts(x->out, "</w:tblGrid>");
}

void
dx_layout_end(struct dx_ctx *x, bool tight)
{
	buf_puts(x->out, "</w:tbl>");
	/* A paragraph must follow a table (see dx_table). After the closing
	 * block it is 1 pt high, exactly: a 6-pt line there found no room
	 * on a full last page and printed a blank page after it. */
	if (tight)
		buf_puts(x->out,
			 "<w:p><w:pPr><w:spacing w:before=\"0\" "
			 "w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
			 "<w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>");
	else
		dx_line(x, RP_LEFT, 0, 6, NULL);
}

void
dx_row_begin(struct dx_ctx *x)
{
	buf_puts(x->out, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
}

void
dx_row_end(struct dx_ctx *x)
{
	buf_puts(x->out, "</w:tr>");
}

void
dx_cell_begin(struct dx_ctx *x, int width)
{
	buf_printf(x->out,
		   "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
		   "</w:tcPr>",
		   width);
}

void
dx_cell_end(struct dx_ctx *x)
{
	buf_puts(x->out, "</w:tc>");
}
