/* Column widths of DOCX tables. Word and LibreOffice keep the grid of a
 * fixed-layout table, so a column narrower than a number wraps it
 * ("15,3/8%"); as in the PDF, no column is narrower than its widest word
 * (rp_fit_widths). Words are measured with pango in Liberation Serif,
 * the metric twin of Times New Roman, with a font map of this document's
 * own (no pango state shared between threads, fontmap.h). */
#include "docx.h"

#include <stdlib.h>
#include <string.h>

#include "fontmap.h"

/* Room a cell needs beside its text: the left and right cell margins
 * (DX_CELL_MAR, 85 twips each) and 1 pt for rounding. */
#define CELL_PAD_PT (2 * 85 / 20.0 + 1)

/* Short words with a hyphen ("GDNN-GDTX") stay whole, as the
 * w:noBreakHyphen the writer puts in them keeps them in Word and
 * Writer; pango would break after the hyphen. The caller's layout takes
 * the list. */
static PangoAttrList *
keep_hyphened(const char *text)
{
	PangoAttrList *al = pango_attr_list_new();
	size_t n = strlen(text);
	for (size_t i = 0; i < n; i++) {
		if (!rp_inner_hyphen(text, i, n))
			continue;
		size_t a = i, b = i;
		while (a > 0 && text[a - 1] != ' ')
			a--;
		while (b < n && text[b] != ' ')
			b++;
		PangoAttribute *at = pango_attr_allow_breaks_new(FALSE);
		at->start_index = (guint)a;
		at->end_index = (guint)b;
		pango_attr_list_insert(al, at);
		i = b;
	}
	return al;
}

/* Width in points of the widest word of text (words between spaces). */
static double
widest_word(struct dx_ctx *x, const char *text, unsigned style, int size)
{
	PangoLayout *l = pango_layout_new(rp_measure_context(&x->ms));
	PangoFontDescription *fd = rp_font_desc(style, size);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	/* At a width of one point every word is a line of its own. */
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_width(l, PANGO_SCALE);
	pango_layout_set_text(l, text, -1);
	PangoAttrList *al = keep_hyphened(text);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
	PangoRectangle ink, logical;
	pango_layout_get_extents(l, &ink, &logical);
	g_object_unref(l);
	return (double)logical.width / PANGO_SCALE;
}

/* Width in points of text on one line, upper case when caps is set (as
 * w:caps shows it). */
double
dx_line_width(struct dx_ctx *x, const char *text, unsigned style, int size,
	      bool caps)
{
	char *up = caps ? g_utf8_strup(text, -1) : NULL;
	PangoLayout *l = pango_layout_new(rp_measure_context(&x->ms));
	PangoFontDescription *fd = rp_font_desc(style & RP_BOLD, size);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, up ? up : text, -1);
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	g_object_unref(l);
	g_free(up);
	return (double)logical.width / PANGO_SCALE;
}

static double
cell_min_width(struct dx_ctx *x, const struct rp_cell *cell)
{
	char num[RP_VALUE_SIZE];
	if (cell->kind != RP_V_TEXT)
		return widest_word(x, rp_value_format(cell, num), cell->style,
				   RP_SIZE_TABLE) +
		       CELL_PAD_PT;
	double w = 0;
	for (size_t i = 0; i < cell->nparas; i++) {
		const struct rp_para *p = cell->paras[i];
		int size = p->size > 0 ? p->size : RP_SIZE_TABLE;
		for (size_t k = 0; k < p->nruns; k++) {
			if (p->runs[k].text == NULL)
				continue;
			double rw = widest_word(x, p->runs[k].text,
						cell->style | p->runs[k].style,
						size) +
				    p->indent_left_mm * 72 / 25.4;
			w = rw > w ? rw : w;
		}
	}
	return w + CELL_PAD_PT;
}

/* minw[c]: the widest word of column c's single-column cells, twips. */
static void
column_minimums(struct dx_ctx *x, const struct rp_table *t, double *minw)
{
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const struct rp_cell *cell = &t->rows[r][c];
			if (cell->covered || cell->colspan > 1)
				continue;
			double m = cell_min_width(x, cell) * 20;
			minw[c] = m > minw[c] ? m : minw[c];
		}
}

/* grid[c]: the width of column c in twips, adding up to x->text_w. */
void
dx_table_grid(struct dx_ctx *x, const struct rp_table *t, int *grid)
{
	double *minw = calloc(t->ncols, sizeof *minw);
	double *w = calloc(t->ncols, sizeof *w);
	if (minw == NULL || w == NULL) {
		free(minw);
		free(w);
		for (size_t c = 0; c < t->ncols; c++)
			grid[c] = x->text_w / (int)t->ncols;
		return;
	}
	column_minimums(x, t, minw);
	rp_fit_widths(t, minw, x->text_w, w);
	int used = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		grid[c] = c + 1 == t->ncols ? x->text_w - used : (int)w[c];
		used += grid[c];
	}
	free(minw);
	free(w);
}
