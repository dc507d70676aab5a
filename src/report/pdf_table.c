/* Tables for the PDF writer. Column widths are shares of the text width;
 * row heights come from the wrapped cell text. Rows joined by a rowspan
 * form a band that never splits; a band that does not fit goes to the next
 * page under a copy of the header rows. A band taller than a whole page is
 * clipped at the bottom margin rather than split (it is drawn once, so the
 * layout always moves on). */
#include "pdf_int.h"

#include <stdlib.h>

#define PAD_X	     4.0 /* cell padding, points */
#define PAD_Y	     3.0
#define BORDER	     0.5
#define SHADE	     0.85 /* grey level of shaded (header) cells */
#define CAPTION_SIZE 12

struct tbl {
	const struct rp_table *t;
	double *colx; /* ncols + 1 left edges, from the text area's x0 */
	double *rowh; /* nrows heights */
	size_t hdr;   /* rows repeated on each page */
	double hdr_h;
};

static size_t
span(int n, size_t at, size_t limit)
{
	size_t s = n > 1 ? (size_t)n : 1;
	return at + s > limit ? limit - at : s;
}

static size_t
cspan(const struct tbl *tb, size_t r, size_t c)
{
	return span(tb->t->rows[r][c].colspan, c, tb->t->ncols);
}

static size_t
rspan(const struct tbl *tb, size_t r, size_t c)
{
	return span(tb->t->rows[r][c].rowspan, r, tb->t->nrows);
}

/* Lays out (and draws, when draw is true) a cell's content at (x, y);
 * returns its height. */
static double
cell_content(struct pdf *p, const struct rp_cell *cell, double x, double y,
	     double w, bool draw)
{
	double h = 0;
	if (cell->kind != RP_V_TEXT) {
		char num[RP_VALUE_SIZE];
		PangoLayout *l = pdf_text(p, rp_value_format(cell, num),
					  cell->style, RP_SIZE_TABLE, w,
					  cell->align);
		if (draw)
			pdf_draw(p, l, x, y);
		h = pdf_layout_height(l);
		g_object_unref(l);
		return h;
	}
	for (size_t i = 0; i < cell->nparas; i++) {
		const struct rp_para *para = cell->paras[i];
		double left = para->indent_left_mm * PDF_MM;
		PangoLayout *l = pdf_para_layout(p, para, RP_SIZE_TABLE,
						 cell->style, w - left);
		h += para->space_before_pt;
		if (draw)
			pdf_draw(p, l, x + left, y + h);
		h += pdf_layout_height(l) + para->space_after_pt;
		g_object_unref(l);
	}
	return h;
}

static double
cell_width(const struct tbl *tb, size_t r, size_t c)
{
	return tb->colx[c + cspan(tb, r, c)] - tb->colx[c] - 2 * PAD_X;
}

static double
rows_height(const struct tbl *tb, size_t a, size_t b)
{
	double h = 0;
	for (size_t r = a; r < b; r++)
		h += tb->rowh[r];
	return h;
}

/* Asked per row of each pass over a table: a national listing spends
 * seconds in each (util/cancel.h). */
static bool
stop(struct pdf *p)
{
	p->cancelled = p->cancelled || ts_cancelled(p->doc->cancel);
	return p->cancelled;
}

/* Row r's cells of one pass: single-row cells (pass 0) or spanning
 * ones (pass 1). */
static void
measure_row(struct pdf *p, struct tbl *tb, size_t r, int pass)
{
	const struct rp_table *t = tb->t;
	for (size_t c = 0; c < t->ncols; c++) {
		const struct rp_cell *cell = &t->rows[r][c];
		size_t rs = rspan(tb, r, c);
		if (cell->covered || (rs > 1) != (pass == 1))
			continue;
		double need = cell_content(p, cell, 0, 0, cell_width(tb, r, c),
					   false) +
			      2 * PAD_Y;
		double have = rows_height(tb, r, r + rs);
		if (need > have)
			tb->rowh[r + rs - 1] += need - have;
	}
}

/* Single-row cells set their row's height first; a spanning cell that
 * needs more grows the last row it covers. */
static void
measure_rows(struct pdf *p, struct tbl *tb)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t r = 0; r < tb->t->nrows && !stop(p); r++)
			measure_row(p, tb, r, pass);
}

/* End (exclusive) of the rows that row r's cells span. */
static size_t
span_end(const struct tbl *tb, size_t r, size_t end)
{
	for (size_t c = 0; c < tb->t->ncols; c++)
		if (!tb->t->rows[r][c].covered && r + rspan(tb, r, c) > end)
			end = r + rspan(tb, r, c);
	return end;
}

/* Row r is a body row marked to stay with the row before it. */
static bool
kept(const struct tbl *tb, size_t r)
{
	const struct rp_table *t = tb->t;
	return r < t->nrows && r > t->header_rows && t->keep_prev[r];
}

/* End (exclusive) of the band of rows that starts at row a: rows joined
 * by a row span, or by keep_prev (a subtotal with the row it closes). */
static size_t
band_end(const struct tbl *tb, size_t a)
{
	size_t end = a + 1;
	for (size_t r = a; r < end; r++) {
		end = span_end(tb, r, end);
		if (r + 1 == end && kept(tb, end))
			end++;
	}
	return end;
}

static void
draw_cell(struct pdf *p, const struct tbl *tb, size_t r, size_t c, double y)
{
	const struct rp_cell *cell = &tb->t->rows[r][c];
	double x = p->x0 + tb->colx[c];
	double w = tb->colx[c + cspan(tb, r, c)] - tb->colx[c];
	double h = rows_height(tb, r, r + rspan(tb, r, c));
	cairo_t *cr = p->cr;
	if (cell->shade) {
		cairo_set_source_rgb(cr, SHADE, SHADE, SHADE);
		cairo_rectangle(cr, x, y, w, h);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
	}
	double ch = cell_content(p, cell, 0, 0, w - 2 * PAD_X, false);
	cell_content(p, cell, x + PAD_X, y + (h - ch) / 2, w - 2 * PAD_X, true);
	if (tb->t->borders) {
		cairo_set_line_width(cr, BORDER);
		cairo_rectangle(cr, x, y, w, h);
		cairo_stroke(cr);
	}
}

/* Draws rows [a, b) with their top at p->y and moves below them. */
static void
draw_rows(struct pdf *p, const struct tbl *tb, size_t a, size_t b)
{
	double h = rows_height(tb, a, b);
	cairo_save(p->cr);
	cairo_rectangle(p->cr, 0, p->ytop, p->pw, p->ybot - p->ytop);
	cairo_clip(p->cr);
	double y = p->y;
	for (size_t r = a; r < b; r++) {
		for (size_t c = 0; c < tb->t->ncols; c++)
			if (!tb->t->rows[r][c].covered)
				draw_cell(p, tb, r, c, y);
		y += tb->rowh[r];
	}
	cairo_restore(p->cr);
	p->y = p->y + h > p->ybot ? p->ybot : p->y + h;
	p->at_top = false;
}

/* What must stay on the page after the band ending at end: the last band of
 * a table never goes to a new page alone (widow control) unless its rows
 * were kept together already (keep_prev: the closing rows with the row
 * before them), and the last band keeps the closing block (p->tail) with
 * it. Before a closing block the last two bands go together, so that at
 * least two rows of data, not one under the totals, go with it. */
static double
keep_after(const struct pdf *p, const struct tbl *tb, size_t end)
{
	size_t n = tb->t->nrows;
	double tail = p->tail > 0 ? p->tail + 6 : 0;
	if (end >= n)
		return tail;
	size_t next = band_end(tb, end);
	if (next < n || (kept(tb, n - 1) && p->tail <= 0))
		return 0;
	return rows_height(tb, end, next) + tail;
}

static void
draw_body(struct pdf *p, const struct tbl *tb)
{
	size_t r = tb->hdr;
	while (r < tb->t->nrows && !stop(p)) {
		size_t end = band_end(tb, r);
		double h = rows_height(tb, r, end) + keep_after(p, tb, end);
		if (p->y + h > p->ybot && p->y > p->ytop + tb->hdr_h + 0.5) {
			pdf_new_page(p);
			draw_rows(p, tb, 0, tb->hdr);
		}
		draw_rows(p, tb, r, end);
		r = end;
	}
}

/* Width of the cell's widest word (a number whole), padding included:
 * lines break only between words, so no narrower column holds it. */
static double
cell_min_width(struct pdf *p, const struct rp_cell *cell)
{
	double w = 0;
	if (cell->kind != RP_V_TEXT) {
		char num[RP_VALUE_SIZE];
		PangoLayout *l = pdf_text(p, rp_value_format(cell, num),
					  cell->style, RP_SIZE_TABLE, 0,
					  RP_LEFT);
		w = pdf_layout_width(l);
		g_object_unref(l);
		return w + 2 * PAD_X + 1;
	}
	for (size_t i = 0; i < cell->nparas; i++) {
		const struct rp_para *para = cell->paras[i];
		/* At a width of one point every word is a line of its own. */
		PangoLayout *l = pdf_para_layout(p, para, RP_SIZE_TABLE,
						 cell->style, 1);
		double pw = pdf_layout_width(l) + para->indent_left_mm * PDF_MM;
		w = pw > w ? pw : w;
		g_object_unref(l);
	}
	return w + 2 * PAD_X + 1;
}

/* Smallest width of each column: its widest word over its single-column
 * cells. */
static void
column_minimums(struct pdf *p, const struct tbl *tb, double *minw)
{
	const struct rp_table *t = tb->t;
	for (size_t r = 0; r < t->nrows && !stop(p); r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const struct rp_cell *cell = &t->rows[r][c];
			if (cell->covered || cspan(tb, r, c) > 1)
				continue;
			double w = cell_min_width(p, cell);
			minw[c] = w > minw[c] ? w : minw[c];
		}
}

/* Column widths: the model's shares of the text width, no column
 * narrower than its widest word (rp_fit_widths). */
static void
column_widths(struct pdf *p, struct tbl *tb, double *w)
{
	double *minw = g_new0(double, tb->t->ncols);
	column_minimums(p, tb, minw);
	rp_fit_widths(tb->t, minw, p->x1 - p->x0, w);
	g_free(minw);
}

static void
layout_table(struct pdf *p, struct tbl *tb)
{
	const struct rp_table *t = tb->t;
	double *w = g_new0(double, t->ncols);
	column_widths(p, tb, w);
	tb->colx[0] = 0;
	for (size_t c = 0; c < t->ncols; c++)
		tb->colx[c + 1] = tb->colx[c] + w[c];
	g_free(w);
	measure_rows(p, tb);
	tb->hdr = t->header_rows < t->nrows ? t->header_rows : t->nrows;
	if (tb->hdr > 0)
		tb->hdr = band_end(tb, 0) > tb->hdr ? band_end(tb, 0) : tb->hdr;
	tb->hdr_h = rows_height(tb, 0, tb->hdr);
	/* A header taller than half a page is not repeated. */
	if (tb->hdr_h > (p->ybot - p->ytop) / 2)
		tb->hdr = 0, tb->hdr_h = 0;
}

void
pdf_table(struct pdf *p, const struct rp_table *t)
{
	if (t->ncols == 0 || t->nrows == 0)
		return;
	struct tbl tb = { .t = t };
	tb.colx = calloc(t->ncols + 1, sizeof *tb.colx);
	tb.rowh = calloc(t->nrows, sizeof *tb.rowh);
	if (!tb.colx || !tb.rowh) {
		free(tb.colx);
		free(tb.rowh);
		p->oom = true;
		return;
	}
	layout_table(p, &tb);
	double first = 0;
	if (tb.hdr < t->nrows) {
		size_t end = band_end(&tb, tb.hdr);
		first = rows_height(&tb, tb.hdr, end) + keep_after(p, &tb, end);
	}
	double cap_h = 0;
	if (t->caption && t->borders) {
		PangoLayout *l = pdf_text(p, t->caption, RP_BOLD, CAPTION_SIZE,
					  p->x1 - p->x0, RP_CENTER);
		cap_h = pdf_layout_height(l) + 3;
		pdf_need(p, cap_h + tb.hdr_h + first);
		pdf_draw(p, l, p->x0, p->y);
		g_object_unref(l);
		p->y += cap_h;
	} else {
		pdf_need(p, tb.hdr_h + first);
	}
	draw_rows(p, &tb, 0, tb.hdr);
	draw_body(p, &tb);
	p->y += 6;
	free(tb.colx);
	free(tb.rowh);
}

double
pdf_table_height(struct pdf *p, const struct rp_table *t)
{
	if (t->ncols == 0 || t->nrows == 0)
		return 0;
	struct tbl tb = { .t = t };
	tb.colx = calloc(t->ncols + 1, sizeof *tb.colx);
	tb.rowh = calloc(t->nrows, sizeof *tb.rowh);
	double h = 0;
	if (tb.colx && tb.rowh) {
		layout_table(p, &tb);
		h = rows_height(&tb, 0, t->nrows) + 6;
	} else {
		p->oom = true;
	}
	free(tb.colx);
	free(tb.rowh);
	return h;
}
