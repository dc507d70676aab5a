/* Row heights and page breaks of a worksheet. Excel and LibreOffice never
 * grow a row to fit wrapped text when they open a file (the height is
 * only fitted when a user edits the cell), so the writer works out every
 * row's height from its text: words wrapped greedily into the column's
 * width at the font size, as a renderer would. The same heights let it
 * paginate as the printout will, to keep a chart on one page. */
#include "xlsx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/vnstr.h"

/* Characters of a Times face at size pt per Excel width unit: a unit is
 * the width of "0" in the default 11 pt Calibri (about 5.25 pt); an
 * average Times letter of Vietnamese text at 12 pt is about 5 pt. Bold
 * runs about 8 % wider. Cells lose about one character to their padding.
 * Rounded towards more lines: a row a little too tall is harmless, one
 * too short hides text. */
double
xlsx_per_line(double cols, int size, bool bold)
{
	double n = cols * 12.0 / size * (bold ? 0.92 : 1.0) - 1.0;
	return n < 1 ? 1 : n;
}

int
xlsx_text_lines(const char *text, double cols, int size, bool bold)
{
	double width = xlsx_per_line(cols, size, bold), used = 0;
	int lines = 1;
	for (const char *p = text; p && *p;) {
		if (*p == '\n') {
			lines++;
			used = 0;
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		size_t n = strcspn(p, " \n");
		double w = (double)vn_chars(p, n);
		double need = used > 0 ? used + 1 + w : w;
		if (used > 0 && need > width) {
			lines++;
			need = w;
		}
		/* A word longer than the line breaks inside it. */
		while (need > width) {
			lines++;
			need -= width;
		}
		used = need;
		p += n;
	}
	return lines;
}

double
xlsx_lines_pt(int n, int size)
{
	return n * size * 1.25 + 4;
}

double
xlsx_height_of(const struct xs *sh, lxw_row_t r)
{
	return r < sh->nrowh && sh->rowh[r] > 0 ? sh->rowh[r] : XLSX_ROW_PT;
}

/* Height of the repeated header rows. */
static double
title_pt(const struct xs *sh)
{
	double h = 0;
	for (lxw_row_t i = sh->title0; sh->ntitle && i <= sh->title1; i++)
		h += xlsx_height_of(sh, i);
	return h;
}

/* Fit-to-width printing never enlarges (the columns are sized to the
 * printable width) but may shrink, so heights at 100 % are an upper
 * bound: what fits from a known page start at 100 % fits in print. The
 * known page starts are the sheet's top and the manual breaks, so a
 * chart that would not fit on the page begun at the last of them starts
 * a page of its own (under the repeated header rows, if any). */
void
xlsx_keep_together(struct xs *sh, lxw_row_t r, double need_pt)
{
	if (r == 0 || sh->nbreaks == XLSX_MAX_BREAKS || sh->page_pt <= 0)
		return;
	lxw_row_t from = sh->nbreaks ? sh->breaks[sh->nbreaks - 1] : 0;
	double used = sh->ntitle && from > sh->title1 ? title_pt(sh) : 0;
	for (lxw_row_t i = from; i < r; i++)
		used += xlsx_height_of(sh, i);
	if (used + need_pt > sh->page_pt)
		sh->breaks[sh->nbreaks++] = r;
}

/* Where a printout's pages start is not known exactly: fit-to-width
 * scales the sheet by the printable width over the columns' width, and a
 * column unit is the default font's digit. libxlsxwriter's default is
 * Calibri 11: 7 px a unit in Excel, and in Calc with Calibri or its
 * metric twin Carlito, 0.75 pt a pixel; Calc without them measures
 * DejaVu Sans, about 1.0-1.04 pt a pixel (the demo's 92.6-unit sheet
 * printed at 72 %, not 96 %), and fits about 6 % more on a page than A4
 * less the margins. Each pair is tried. */
static const double PT_PER_PX[] = { 0.75, 1.0, 1.02, 1.04 };
static const double PAGE_GROW[] = { 1.0, 1.02, 1.04, 1.06 };
/* Body rows (with text) kept with the closing block. */
#define XLSX_TAIL_ROWS 2

/* The sheet's width in pixels, as libxlsxwriter stores its columns:
 * the width in units at 7 px each, rounded, plus 5 px of padding. */
static double
sheet_px(const struct xs *sh)
{
	double px = 0;
	for (lxw_col_t c = 0; c < sh->ncols; c++)
		px += (double)(int)(sh->colw[c] * 7 + 0.5) + 5;
	return px;
}

/* Whether rows paginated into pages of cap pt (at 100 %) start a page at
 * a row r with from < r < to; manual breaks start pages too. */
static bool
page_starts_within(const struct xs *sh, double cap, lxw_row_t from,
		   lxw_row_t to)
{
	size_t k = 0;
	double used = 0;
	for (lxw_row_t r = 0; r < to; r++) {
		double h = xlsx_height_of(sh, r);
		bool manual = k < sh->nbreaks && sh->breaks[k] == r;
		k += manual;
		if (manual || (used > 0 && used + h > cap)) {
			if (r > from)
				return true;
			used = sh->ntitle && r > sh->title1 ? title_pt(sh) : 0;
		}
		used += h;
	}
	return false;
}

/* The first of the last XLSX_TAIL_ROWS rows with a height set (text)
 * above row end. */
static lxw_row_t
tail_start(const struct xs *sh, lxw_row_t end)
{
	lxw_row_t r = end;
	for (int seen = 0; r > 0 && seen < XLSX_TAIL_ROWS;) {
		r--;
		seen += r < sh->nrowh && sh->rowh[r] > 0;
	}
	return r;
}

static bool
closing_at_risk(const struct xs *sh, lxw_row_t tail, lxw_row_t end)
{
	double px = sheet_px(sh);
	for (size_t i = 0; i < sizeof PT_PER_PX / sizeof *PT_PER_PX; i++) {
		double scale = sh->page_w_pt / (px * PT_PER_PX[i]);
		scale = scale < 1 ? scale : 1;
		for (size_t j = 0; j < sizeof PAGE_GROW / sizeof *PAGE_GROW;
		     j++)
			if (page_starts_within(
				    sh, sh->page_pt * PAGE_GROW[j] / scale,
				    tail, end))
				return true;
	}
	return false;
}

/* A page after a table with repeated header rows prints that header:
 * when the tail follows such a table, the table's last rows go with it
 * (if all that still fits one page), so the new page shows the header
 * above rows of its own, not above "Điều 2" (a decision's list of
 * members) or "III. Kiến nghị" (the mầm non report, four rows below
 * its criteria table). */
static lxw_row_t
with_table_tail(const struct xs *sh, lxw_row_t tail, lxw_row_t end)
{
	if (!sh->ntitle || tail <= sh->title_end)
		return tail;
	lxw_row_t t = sh->title_end - (XLSX_TAIL_ROWS - 1);
	t = t > sh->title1 ? t : sh->title0;
	double used = title_pt(sh);
	for (lxw_row_t r = t; r < end; r++)
		used += xlsx_height_of(sh, r);
	return used <= sh->page_pt ? t : tail;
}

/* A sheet a little over one page, none of it yet broken, prints on one
 * page with its text at least seven eighths of its size (11.4 pt of 13)
 * rather than carrying its closing block (and a table's last rows) to a
 * second page: Calc printed the committee decision of a GDNN-GDTX
 * centre, one page in PDF and DOCX, as two (772 pt of rows for 729), and
 * a ward's one-page guidance letter too (812 pt). */
#define XLSX_FIT_MIN 0.875

static bool
fit_one_page(struct xs *sh, lxw_row_t end)
{
	if (sh->nbreaks)
		return false;
	double used = 0;
	for (lxw_row_t r = 0; r < end; r++)
		used += xlsx_height_of(sh, r);
	if (used * XLSX_FIT_MIN > sh->page_pt)
		return false;
	worksheet_fit_to_pages(sh->ws, 1, 1);
	return true;
}

void
xlsx_keep_closing(struct xs *sh, lxw_row_t body_end, lxw_row_t end)
{
	lxw_row_t tail = tail_start(sh, body_end);
	if (tail > 0 && tail == sh->after_heading)
		tail--; /* the heading above the tail goes with it */
	tail = with_table_tail(sh, tail, end);
	lxw_row_t last = sh->nbreaks ? sh->breaks[sh->nbreaks - 1] : 0;
	if (tail == 0 || tail <= last || sh->nbreaks == XLSX_MAX_BREAKS ||
	    sh->page_pt <= 0 || !closing_at_risk(sh, tail, end) ||
	    fit_one_page(sh, end))
		return;
	sh->breaks[sh->nbreaks++] = tail;
}

void
xlsx_keep_rows(struct xs *sh, lxw_row_t from, lxw_row_t to)
{
	/* The heading (and one paragraph) right above goes with them. */
	if (sh->after_heading > 0 && from >= sh->after_heading &&
	    from - sh->after_heading <= 1)
		from = sh->after_heading - 1;
	lxw_row_t last = sh->nbreaks ? sh->breaks[sh->nbreaks - 1] : 0;
	if (from == 0 || from <= last || sh->nbreaks == XLSX_MAX_BREAKS ||
	    sh->page_pt <= 0 || !closing_at_risk(sh, from, to))
		return;
	sh->breaks[sh->nbreaks++] = from;
}

void
xlsx_set_row_pt(struct xs *sh, lxw_row_t r, double h)
{
	if (r >= sh->nrowh) {
		size_t n = sh->nrowh ? sh->nrowh : 64;
		while (n <= r)
			n *= 2;
		double *v = realloc(sh->rowh, n * sizeof(*v));
		if (v == NULL) {
			xlsx_check(sh->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		memset(v + sh->nrowh, 0, (n - sh->nrowh) * sizeof(*v));
		sh->rowh = v;
		sh->nrowh = n;
	}
	sh->rowh[r] = h;
	xlsx_check(sh->w, worksheet_set_row(sh->ws, r, h, NULL));
}

void
xlsx_page_breaks(struct xs *sh)
{
	if (sh->nbreaks == 0)
		return;
	sh->breaks[sh->nbreaks] = 0;
	xlsx_check(sh->w, worksheet_set_h_pagebreaks(sh->ws, sh->breaks));
}
