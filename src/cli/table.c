#include "table.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/vnstr.h"

void
table_init(struct table *t, const struct table_col *cols, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols < TABLE_MAX_COLS ? ncols : TABLE_MAX_COLS;
	memcpy(t->cols, cols, t->ncols * sizeof(*cols));
}

void
table_release(struct table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = 0;
}

static bool
table_grow(struct table *t)
{
	if (t->nrows < t->cap)
		return true;
	size_t cap = t->cap ? t->cap * 2 : 32;
	char **c = realloc(t->cells, cap * t->ncols * sizeof(*c));
	if (c == NULL) {
		t->oom = 1;
		return false;
	}
	t->cells = c;
	t->cap = cap;
	return true;
}

void
table_row(struct table *t, const char *const *cells)
{
	if (!table_grow(t))
		return;
	char **row = t->cells + t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++) {
		row[i] = strdup(cells[i] ? cells[i] : "");
		if (row[i] == NULL)
			t->oom = 1;
	}
	t->nrows++;
}

void
table_rule(struct table *t)
{
	if (!table_grow(t))
		return;
	memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof(char *));
	t->nrows++;
}

/* Next wrapped line of s (n bytes) within w columns: returns its byte
 * length and sets *skip to the bytes to advance past it. */
static size_t
wrap_line(const char *s, size_t n, size_t w, size_t *skip)
{
	const char *nl = memchr(s, '\n', n);
	size_t lim = nl ? (size_t)(nl - s) : n;
	size_t fit = vn_prefix_fitting(s, lim, w);
	if (fit == lim) {
		*skip = lim + (nl ? 1 : 0);
		return lim;
	}
	size_t cut = fit;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut == 0)
		cut = fit ? fit : 1; /* one long word: break it */
	size_t len = cut;
	while (cut < lim && s[cut] == ' ')
		cut++;
	*skip = cut;
	return len;
}

static size_t
cell_lines(const char *s, size_t w)
{
	size_t n = strlen(s), lines = 0, skip;
	while (n > 0) {
		wrap_line(s, n, w, &skip);
		s += skip;
		n -= skip;
		lines++;
	}
	return lines ? lines : 1;
}

static void
col_widths(const struct table *t, size_t *w)
{
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = vn_width(t->cols[c].head);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t sw = s ? vn_width(s) : 0;
			if (sw > w[c])
				w[c] = sw;
		}
		if (t->cols[c].max_width && w[c] > t->cols[c].max_width)
			w[c] = t->cols[c].max_width;
	}
}

static void
put_rule(struct buf *b, const size_t *w, size_t n, char ch)
{
	for (size_t c = 0; c < n; c++) {
		buf_putc(b, '+');
		for (size_t i = 0; i < w[c] + 2; i++)
			buf_putc(b, ch);
	}
	buf_puts(b, "+\n");
}

static void
put_cell(struct buf *b, const char *s, size_t n, size_t w, enum table_align al)
{
	size_t sw = vn_width_n(s, n);
	size_t pad = w > sw ? w - sw : 0;
	size_t left = al == ALIGN_RIGHT	   ? pad
		      : al == ALIGN_CENTER ? pad / 2
					   : 0;
	buf_puts(b, "| ");
	buf_pad(b, left);
	buf_put(b, s, n);
	buf_pad(b, pad - left);
	buf_putc(b, ' ');
}

static void
put_row(struct buf *b, const struct table *t, const char *const *cells,
	const size_t *w)
{
	const char *pos[TABLE_MAX_COLS];
	size_t rem[TABLE_MAX_COLS], lines = 1;
	for (size_t c = 0; c < t->ncols; c++) {
		pos[c] = cells[c] ? cells[c] : "";
		rem[c] = strlen(pos[c]);
		size_t l = cell_lines(pos[c], w[c]);
		if (l > lines)
			lines = l;
	}
	for (size_t l = 0; l < lines; l++) {
		for (size_t c = 0; c < t->ncols; c++) {
			size_t skip = 0, len = 0;
			if (rem[c] > 0)
				len = wrap_line(pos[c], rem[c], w[c], &skip);
			put_cell(b, pos[c], len, w[c], t->cols[c].align);
			pos[c] += skip;
			rem[c] -= skip;
		}
		buf_puts(b, "|\n");
	}
}

void
table_render(const struct table *t, struct buf *out)
{
	size_t w[TABLE_MAX_COLS];
	const char *heads[TABLE_MAX_COLS];
	col_widths(t, w);
	for (size_t c = 0; c < t->ncols; c++)
		heads[c] = t->cols[c].head;
	put_rule(out, w, t->ncols, '-');
	put_row(out, t, heads, w);
	put_rule(out, w, t->ncols, '=');
	for (size_t r = 0; r < t->nrows; r++) {
		const char *const *row = (const char *const *)t->cells +
					 r * t->ncols;
		if (row[0] == NULL)
			put_rule(out, w, t->ncols, '-');
		else
			put_row(out, t, row, w);
	}
	put_rule(out, w, t->ncols, '-');
}
