/* Row heights and page breaks of a worksheet. Excel and LibreOffice never
 * grow a row to fit wrapped text when they open a file (the height is
 * only fitted when a user edits the cell), so the writer works out every
 * row's height from its text: words wrapped greedily into the column's
 * width at the font size, as a renderer would. The same heights let it
 * paginate as the printout will, to keep a chart on one page. */
#include "xlsx.h"

#include <math.h>
#include <stdint.h>
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
 * Calibri 11: 7 px a unit in Excel, 0.75 pt a pixel; Calc with Calibri
 * or its metric twin Carlito (fonts-crosextra-carlito, which `make
 * check-docs` installs) prints the same sheet about a tenth smaller,
 * some 0.84 pt a pixel (the demo's 14-column listings at 86 %, not
 * 97 %), tried with a step between: these three are the metric
 * geometries. Without them Calc measures DejaVu Sans, about 1.0-1.04 pt
 * a pixel (the demo's 92.6-unit sheet printed at 72 %, not 96 %), and
 * fits about 6 % more on a page than A4 less the margins: the closing
 * block is kept with the body in every pair; a table's start or a
 * subtotal only in the metric ones (a break for each geometry left
 * half-empty pages in the others). */
static const double PT_PER_PX[] = { 0.75, 0.8, 0.84, 1.0, 1.02, 1.04 };
static const double PAGE_GROW[] = { 1.0, 1.02, 1.04, 1.06 };
/* The metric geometries: the first PT_PER_PX, A4 as it is. */
#define XLSX_METRIC    3
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

/* The first row r with from < r < to at which rows paginated into pages
 * of cap pt (at 100 %) start a page, or to; manual breaks start pages
 * too. */
static lxw_row_t
first_start_within(const struct xs *sh, double cap, lxw_row_t from,
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
				return r;
			used = sh->ntitle && r > sh->title1 ? title_pt(sh) : 0;
		}
		used += h;
	}
	return to;
}

static bool
page_starts_within(const struct xs *sh, double cap, lxw_row_t from,
		   lxw_row_t to)
{
	return first_start_within(sh, cap, from, to) < to;
}

static bool
kept_row(const struct xs *sh, lxw_row_t r)
{
	return r < sh->nrowh && sh->rowk[r];
}

/* The first of the last XLSX_TAIL_ROWS rows with a height set (text)
 * above row end, not counting the rows kept with the one above (a
 * listing's subtotal and total): those go with the rows they close,
 * which go with the closing block. Calc printed a Sở's listing's
 * "Cộng", "Tổng cộng" and signature alone on its last page. */
static lxw_row_t
tail_start(const struct xs *sh, lxw_row_t end)
{
	lxw_row_t r = end;
	for (int seen = 0; r > 0 && seen < XLSX_TAIL_ROWS;) {
		r--;
		seen += r < sh->nrowh && sh->rowh[r] > 0 && !kept_row(sh, r);
	}
	while (r > 0 && kept_row(sh, r))
		r--;
	return r;
}

#define XLSX_NCAPS                                                             \
	(sizeof PT_PER_PX / sizeof *PT_PER_PX *                                \
	 (sizeof PAGE_GROW / sizeof *PAGE_GROW))

/* The page capacities (at 100 %) of every geometry closing_at_risk
 * tries, or of the metric ones; returns how many. */
static size_t
page_caps(const struct xs *sh, double *caps, bool metric)
{
	size_t n = 0;
	double px = sheet_px(sh);
	size_t ni = metric ? XLSX_METRIC : sizeof PT_PER_PX / sizeof *PT_PER_PX;
	size_t nj = metric ? 1 : sizeof PAGE_GROW / sizeof *PAGE_GROW;
	for (size_t i = 0; i < ni; i++) {
		double scale = sh->page_w_pt / (px * PT_PER_PX[i]);
		scale = scale < 1 ? scale : 1;
		for (size_t j = 0; j < nj; j++)
			caps[n++] = sh->page_pt * PAGE_GROW[j] / scale;
	}
	return n;
}

/* Whether a page may start within (tail, end): in every geometry, or
 * with `metric` only in those of Calibri and its metric twin Carlito
 * (the first two widths, A4 as it is). */
static bool
at_risk(const struct xs *sh, lxw_row_t tail, lxw_row_t end, bool metric)
{
	double caps[XLSX_NCAPS];
	size_t n = page_caps(sh, caps, metric);
	for (size_t i = 0; i < n; i++)
		if (page_starts_within(sh, caps[i], tail, end))
			return true;
	return false;
}

static bool
closing_at_risk(const struct xs *sh, lxw_row_t tail, lxw_row_t end)
{
	return at_risk(sh, tail, end, false);
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
	/* Its last XLSX_TAIL_ROWS rows besides those kept with the one
	 * above: Calc printed tu-kiem-tra's "Tổng cộng" atop page 4 under
	 * the head with one row of its own. */
	lxw_row_t t = tail_start(sh, sh->title_end + 1);
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

/* The pages rows [0, b) take in pages of cap pt (manual breaks before
 * b start pages too). */
static size_t
pages_before(const struct xs *sh, double cap, lxw_row_t b)
{
	size_t k = 0, pages = b > 0;
	double used = 0;
	for (lxw_row_t r = 0; r < b; r++) {
		double h = xlsx_height_of(sh, r);
		bool manual = k < sh->nbreaks && sh->breaks[k] == r;
		k += manual;
		if (manual || (used > 0 && used + h > cap)) {
			pages++;
			used = sh->ntitle && r > sh->title1 ? title_pt(sh) : 0;
		}
		used += h;
	}
	return pages;
}

/* Pages the sheet prints, summed over the geometries, with a break
 * before row b and rows [b, end) on one page; SIZE_MAX when they do not
 * fit one page in some geometry. */
static size_t
pages_with_break(const struct xs *sh, const double *caps, size_t ncaps,
		 lxw_row_t b, lxw_row_t end)
{
	double need = sh->ntitle && b > sh->title1 ? title_pt(sh) : 0;
	for (lxw_row_t r = b; r < end; r++)
		need += xlsx_height_of(sh, r);
	size_t sum = 0;
	for (size_t i = 0; i < ncaps; i++) {
		if (need > caps[i])
			return SIZE_MAX;
		sum += pages_before(sh, caps[i], b) + 1;
	}
	return sum;
}

/* Where the closing's break goes: right before the tail, or higher up
 * when that prints fewer pages over the readers' geometries and the
 * rest still fits one page in each. A 20-unit listing printed its
 * pages of 10, 8 and 2 rows in Calc (with Carlito) with the break
 * right before the tail, which only Excel's narrower pages needed;
 * never before a row kept with the one above. */
static lxw_row_t
closing_break(const struct xs *sh, lxw_row_t tail, lxw_row_t end)
{
	double caps[XLSX_NCAPS];
	size_t ncaps = page_caps(sh, caps, false);
	lxw_row_t last = sh->nbreaks ? sh->breaks[sh->nbreaks - 1] : 0;
	lxw_row_t best = tail;
	size_t best_pages = pages_with_break(sh, caps, ncaps, tail, end);
	for (lxw_row_t b = tail; b-- > last + 1;) {
		size_t n = pages_with_break(sh, caps, ncaps, b, end);
		if (n == SIZE_MAX)
			break;
		if (n < best_pages && !kept_row(sh, b)) {
			best = b;
			best_pages = n;
		}
	}
	return best;
}

/* The tail's first row with the heading right above it, if any
 * (after: the row after that heading). */
static lxw_row_t
with_heading(lxw_row_t tail, lxw_row_t after)
{
	return tail > 0 && tail == after ? tail - 1 : tail;
}

/* A tail that is the last heading's whole section (Phụ lục 3's "4. Kiến
 * nghị, đề xuất" and its two dotted lines) takes the last lines of the
 * section above too, with their heading: Calc printed that heading, its
 * lines and the signature alone on the last page (issue 18 item 1). Not
 * into a table above: its rows would print under no header. */
static lxw_row_t
body_tail(const struct xs *sh, lxw_row_t body_end)
{
	lxw_row_t tail = tail_start(sh, body_end);
	if (tail == 0 || tail != sh->after_heading)
		return tail;
	lxw_row_t more = with_heading(tail_start(sh, tail - 1),
				      sh->prev_heading);
	return more >= sh->table_end && more > 0 ? more : tail - 1;
}

void
xlsx_keep_closing(struct xs *sh, lxw_row_t body_end, lxw_row_t end)
{
	lxw_row_t tail = with_table_tail(sh, body_tail(sh, body_end), end);
	lxw_row_t last = sh->nbreaks ? sh->breaks[sh->nbreaks - 1] : 0;
	if (tail == 0 || tail <= last || sh->nbreaks == XLSX_MAX_BREAKS ||
	    sh->page_pt <= 0 || !closing_at_risk(sh, tail, end) ||
	    fit_one_page(sh, end))
		return;
	sh->breaks[sh->nbreaks++] = closing_break(sh, tail, end);
}

/* The row the page holding row end - 1 starts at, rows paginated into
 * pages of cap pt (manual breaks start pages too). */
static lxw_row_t
page_start_of(const struct xs *sh, double cap, lxw_row_t end)
{
	size_t k = 0;
	double used = 0;
	lxw_row_t start = 0;
	for (lxw_row_t r = 0; r < end; r++) {
		double h = xlsx_height_of(sh, r);
		bool manual = k < sh->nbreaks && sh->breaks[k] == r;
		k += manual;
		if (manual || (used > 0 && used + h > cap)) {
			start = r;
			used = sh->ntitle && r > sh->title1 ? title_pt(sh) : 0;
		}
		used += h;
	}
	return start;
}

/* Rows with text in [a, b). */
static int
text_rows(const struct xs *sh, lxw_row_t a, lxw_row_t b)
{
	int n = 0;
	for (lxw_row_t r = a; r < b; r++)
		n += r < sh->nrowh && sh->rowh[r] > 0;
	return n;
}

/* Where a break that keeps rows from `from` on together goes: at from,
 * or higher up at a metric geometry's own page start when that page
 * would hold no more than XLSX_TAIL_ROWS rows above from (Calc printed
 * the last row of Phụ lục 2's table 1.4 alone on a page, the break
 * keeping 1.5 with its caption right below it). */
static lxw_row_t
band_break(const struct xs *sh, const double *caps, size_t ncaps,
	   lxw_row_t from)
{
	lxw_row_t last = sh->nbreaks ? sh->breaks[sh->nbreaks - 1] : 0;
	lxw_row_t b = from;
	for (size_t i = 0; i < ncaps; i++) {
		lxw_row_t s = page_start_of(sh, caps[i], from);
		if (s > last && s < b &&
		    text_rows(sh, s, from) <= XLSX_TAIL_ROWS)
			b = s;
	}
	return b;
}

/* Only where Excel or Calc with Carlito would start a page: down a long
 * document every geometry's pages start elsewhere, and a break for each
 * left half-empty pages in the others (Phụ lục 2 printed a page of two
 * rows). With pull_up (a table's start) the break may go higher up
 * (band_break); a subtotal's unit is one row above it anyway. */
static void
keep_band(struct xs *sh, lxw_row_t from, lxw_row_t to, bool pull_up)
{
	lxw_row_t last = sh->nbreaks ? sh->breaks[sh->nbreaks - 1] : 0;
	if (from == 0 || from <= last || sh->nbreaks == XLSX_MAX_BREAKS ||
	    sh->page_pt <= 0 || !at_risk(sh, from, to, true))
		return;
	double caps[XLSX_NCAPS];
	size_t ncaps = page_caps(sh, caps, true);
	sh->breaks[sh->nbreaks++] = pull_up ? band_break(sh, caps, ncaps, from)
					    : from;
}

void
xlsx_keep_band(struct xs *sh, lxw_row_t from, lxw_row_t to)
{
	keep_band(sh, from, to, false);
}

void
xlsx_set_row_pt(struct xs *sh, lxw_row_t r, double h)
{
	if (r >= sh->nrowh) {
		size_t n = sh->nrowh ? sh->nrowh : 64;
		while (n <= r)
			n *= 2;
		double *v = realloc(sh->rowh, n * sizeof(*v));
		if (v)
			sh->rowh = v;
		bool *k = v ? realloc(sh->rowk, n * sizeof(*k)) : NULL;
		if (k == NULL) {
			xlsx_check(sh->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		memset(v + sh->nrowh, 0, (n - sh->nrowh) * sizeof(*v));
		memset(k + sh->nrowh, 0, (n - sh->nrowh) * sizeof(*k));
		sh->rowk = k;
		sh->nrowh = n;
	}
	sh->rowh[r] = h;
	xlsx_check(sh->w, worksheet_set_row(sh->ws, r, h, NULL));
}

void
xlsx_keep_prev(struct xs *sh, lxw_row_t r)
{
	if (r < sh->nrowh)
		sh->rowk[r] = true;
}

void
xlsx_page_breaks(struct xs *sh)
{
	if (sh->nbreaks == 0)
		return;
	sh->breaks[sh->nbreaks] = 0;
	xlsx_check(sh->w, worksheet_set_h_pagebreaks(sh->ws, sh->breaks));
}

lxw_row_t
xlsx_block_start(const struct xs *sh, lxw_row_t from)
{
	/* The heading (and one paragraph) right above goes with them. */
	if (sh->after_heading > 0 && from >= sh->after_heading &&
	    from - sh->after_heading <= 1)
		return sh->after_heading - 1;
	return from;
}

void
xlsx_keep_rows(struct xs *sh, lxw_row_t from, lxw_row_t to)
{
	keep_band(sh, xlsx_block_start(sh, from), to, true);
}

lxw_row_t
xlsx_next_page_start(const struct xs *sh, lxw_row_t from, lxw_row_t to)
{
	double caps[XLSX_NCAPS];
	size_t n = sh->page_pt > 0 ? page_caps(sh, caps, true) : 0;
	for (size_t i = 0; i < n; i++)
		to = first_start_within(sh, caps[i], from, to);
	return to;
}

bool
xlsx_break_before(struct xs *sh, lxw_row_t r)
{
	lxw_row_t last = sh->nbreaks ? sh->breaks[sh->nbreaks - 1] : 0;
	if (r == 0 || r <= last || sh->nbreaks == XLSX_MAX_BREAKS)
		return false;
	sh->breaks[sh->nbreaks++] = r;
	return true;
}
