/* The listings' column widths from their content (issue 18 items 3 and
 * 12): fixed shares gave the unit's name a fifth of the line, so long
 * school names wrapped onto three or four lines while the number
 * columns had room to spare. Each column but the name's now gets what
 * its values need, counted in characters: a number, a code or a name on
 * one line, other text on one line up to 14 characters ("Đã phê duyệt")
 * and on at most two lines beyond (on two lines too when the name would
 * not fit beside it), a header on at most four
 * ("Điểm / tự / đánh / giá" over a column of two-digit points);
 * the name column gets the rest of the line. The writers turn these
 * into shares of the page (rp_fit_widths) and never make a column
 * narrower than its widest word. */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/vnstr.h"
#include "report_listing_int.h"

/* Characters of table text (12 pt Liberation Serif, about 6 pt each
 * in Vietnamese words and digits) on a landscape A4 line: 252 mm =
 * 714 pt. */
#define LINE_CHARS     120
/* A cell's padding and rule, in characters (9 pt in the PDF). */
#define CELL_PAD       2
/* The name column is never narrower than this, however wide the
 * others. */
#define FLEX_MIN_CHARS 18
/* Lines a header may take. */
#define HEAD_LINES     4
/* Data this short is never wrapped to save room. */
#define ONE_LINE_CHARS 14

static size_t
longest_word(const char *s)
{
	size_t most = 0;
	while (*s) {
		s += strspn(s, " \n");
		size_t n = strcspn(s, " \n");
		size_t k = vn_chars(s, n);
		most = k > most ? k : most;
		s += n;
	}
	return most;
}

/* Lines the words of s take at w characters a line (greedy, as the
 * writers wrap); a word longer than w takes a line of its own. */
static size_t
lines_at(const char *s, size_t w)
{
	size_t lines = 0, used = 0;
	while (*s) {
		size_t sp = strspn(s, " \n");
		if (memchr(s, '\n', sp))
			used = 0; /* a line break in the data */
		s += sp;
		size_t n = strcspn(s, " \n");
		if (n == 0)
			break;
		size_t k = vn_chars(s, n);
		if (used && used + 1 + k <= w)
			used += 1 + k;
		else {
			lines++;
			used = k;
		}
		s += n;
	}
	return lines;
}

/* The narrowest width at which s takes at most max_lines lines;
 * unless tight, data of a few words ("Đã phê duyệt") on one line. */
static size_t
need_of(const char *s, size_t max_lines, bool tight)
{
	size_t w = longest_word(s), len = vn_chars(s, strlen(s));
	if (!tight && max_lines < HEAD_LINES && len <= ONE_LINE_CHARS)
		return len;
	while (w < len && lines_at(s, w) > max_lines)
		w++;
	return w;
}

/* A paragraph's runs as one string (arena memory). */
static const char *
para_text(struct rb *b, const struct rp_para *p)
{
	size_t n = 1;
	for (size_t i = 0; i < p->nruns; i++)
		n += p->runs[i].text ? strlen(p->runs[i].text) : 0;
	char *s = arena_alloc(b->a, n);
	if (s == NULL)
		return NULL;
	size_t at = 0;
	for (size_t i = 0; i < p->nruns; i++) {
		size_t k = p->runs[i].text ? strlen(p->runs[i].text) : 0;
		memcpy(s + at, p->runs[i].text, k);
		at += k;
	}
	s[at] = 0;
	return s;
}

/* What cell (r, c) needs: every paragraph's text at most max_lines
 * lines (a number on one). */
static size_t
cell_need(struct rb *b, const struct rp_cell *cell, size_t max_lines,
	  bool tight)
{
	if (cell->kind != RP_V_TEXT) {
		char v[RP_VALUE_SIZE];
		const char *text = rp_value_format(cell, v);
		return vn_chars(text, strlen(text));
	}
	size_t need = 0;
	for (size_t i = 0; i < cell->nparas; i++) {
		const char *text = para_text(b, cell->paras[i]);
		size_t k = text ? need_of(text, max_lines, tight) : 0;
		need = k > need ? k : need;
	}
	return need;
}

/* Lines cell (r, c) may take: a header HEAD_LINES, a number or a name
 * one, other text two. */
static size_t
lines_for(const struct rp_table *t, size_t r, size_t c, size_t flex)
{
	if (r < t->header_rows)
		return HEAD_LINES;
	return t->rows[r][c].kind != RP_V_TEXT || c == flex ? 1 : 2;
}

static size_t
column_need(struct rb *b, const struct rp_table *t, size_t c, size_t flex,
	    bool tight)
{
	size_t need = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		const struct rp_cell *cell = &t->rows[r][c];
		if (cell->covered || cell->colspan > 1)
			continue;
		size_t k = cell_need(b, cell, lines_for(t, r, c, flex), tight);
		/* A bold subtotal ("Trả lại (yêu cầu bổ sung): 16") is about a
		 * tenth wider; headers wrap, their widest word is the
		 * writers' minimum. */
		if (r >= t->header_rows && (cell->style & RP_BOLD))
			k = (k * 11 + 9) / 10;
		need = k > need ? k : need;
	}
	return need + CELL_PAD;
}

static int
size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* The width at which 19 names in 20 of column flex are on one line
 * (with its padding). */
static size_t
most_names(struct rb *b, const struct rp_table *t, size_t flex)
{
	size_t n = 0, *v = arena_calloc(b->a, t->nrows + 1, sizeof(*v));
	if (v == NULL)
		return 0;
	for (size_t r = t->header_rows; r < t->nrows; r++) {
		const struct rp_cell *cell = &t->rows[r][flex];
		if (!cell->covered && cell->colspan == 1 &&
		    cell->kind == RP_V_TEXT)
			v[n++] = cell_need(b, cell, 1, false);
	}
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), size_cmp);
	return v[(n * 19) / 20 < n ? (n * 19) / 20 : n - 1] + CELL_PAD;
}

/* Rows of column c whose data would wrap at w characters (padding
 * included). */
static size_t
wraps_at(struct rb *b, const struct rp_table *t, size_t c, size_t w)
{
	size_t n = 0;
	for (size_t r = t->header_rows; r < t->nrows; r++) {
		const struct rp_cell *cell = &t->rows[r][c];
		if (!cell->covered && cell->colspan == 1 &&
		    cell_need(b, cell, 1, false) + CELL_PAD > w)
			n++;
	}
	return n;
}

/* Wraps the data of the column that wraps fewest rows by it (loose
 * becomes tight there), unless that is half the rows or more; returns
 * what it saved, 0 when no column should. Wrapping "Đã phê / duyệt"
 * saved most, but on every row of a round whose units all had it: the
 * Sở's listing took 12 pages, not 9. */
static size_t
tighten_one(struct rb *b, const struct rp_table *t, size_t *loose,
	    const size_t *tight, size_t flex)
{
	size_t n = t->ncols, best = n, cost = 0, save = 0;
	for (size_t c = 0; c < n; c++) {
		if (c == flex || loose[c] <= tight[c])
			continue;
		size_t k = wraps_at(b, t, c, tight[c]) -
			   wraps_at(b, t, c, loose[c]);
		if (best == n || k < cost ||
		    (k == cost && loose[c] - tight[c] > save)) {
			best = c;
			cost = k;
			save = loose[c] - tight[c];
		}
	}
	if (best == n || 2 * cost >= t->nrows - t->header_rows)
		return 0;
	loose[best] = tight[best];
	return save;
}

void
ls_fit_widths(struct rb *b, struct rp_table *t, size_t flex)
{
	size_t n = t->ncols, sum = 0;
	size_t *loose = arena_calloc(b->a, n, sizeof(*loose));
	size_t *tight = arena_calloc(b->a, n, sizeof(*tight));
	if (loose == NULL || tight == NULL)
		return; /* equal shares; the writers keep every word whole */
	for (size_t c = 0; c < n; c++) {
		loose[c] = column_need(b, t, c, flex, false);
		tight[c] = column_need(b, t, c, flex, true);
		sum += c == flex ? 0 : loose[c];
	}
	/* While most names would not fit beside them, short data wraps
	 * too, in the column that wraps fewest rows first ("TH, / THCS"),
	 * but never in most rows: a few long names ("Trung tâm GDNN-GDTX
	 * huyện Thủy Nguyên") take two lines rather than "Đã phê / duyệt"
	 * every row. */
	size_t name = loose[flex], most = most_names(b, t, flex), saved = 1;
	while (sum + most > LINE_CHARS && saved)
		sum -= saved = tighten_one(b, t, loose, tight, flex);
	for (size_t c = 0; c < n; c++)
		t->widths[c] = (int)loose[c];
	/* The rest of the line, but no wider than the longest name: with
	 * room to spare every column widens in proportion. With no name
	 * (a chase list of no unit) twice the minimum, so that the others,
	 * widened in proportion, keep their headers on one line: as wide
	 * as its header, the name made STT a quarter of the line. */
	size_t rest = sum + FLEX_MIN_CHARS < LINE_CHARS ? LINE_CHARS - sum
							: FLEX_MIN_CHARS;
	if (most == 0)
		rest = name = 2 * FLEX_MIN_CHARS;
	t->widths[flex] = (int)(name < rest ? name : rest);
}
