/* Lines of a long table cell measured with pango at the width Excel
 * gives its text. The writer's letter count (xlsx_rows.c) is on the safe
 * side, which costs a row of ten lines two or three blank ones: Phụ lục
 * 6's targets printed half empty. Liberation Serif is the metric twin of
 * Times New Roman, so the count is Excel's; LibreOffice with Calibri (or
 * Carlito) has the same column widths, and without them wider ones,
 * which only need fewer lines. The font map is the document's own (no
 * pango state shared between threads, fontmap.h). */
#include "xlsx.h"

#include "fontmap.h"

/* A column's text width in Excel: libxlsxwriter's pixels for the width
 * (7 a unit, rounded, and 5 of padding) less Excel's text inset and the
 * grid line (about 2 + 2 + 1), at 0.75 pt a pixel; of which 95 % is
 * counted: Excel lays text out in whole pixels of hinted glyphs, a few
 * per cent wider or narrower than the font's metrics, and a line that
 * just fits here may not there (a QĐ 4725 criterion of four lines at
 * full width takes five at 95 %). */
#define XLSX_INSET_PX	 5
#define XLSX_WIDTH_SHARE 0.95

double
xlsx_col_px(double units)
{
	return (double)(int)(units * 7 + 0.5) + 5;
}

int
xlsx_measured_lines(struct xw *w, const char *text, double px, int size,
		    bool bold)
{
	PangoLayout *l = pango_layout_new(rp_measure_context(&w->ms));
	PangoFontDescription *fd = rp_font_desc(bold ? RP_BOLD : 0, size);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	double pt = (px - XLSX_INSET_PX) * 0.75 * XLSX_WIDTH_SHARE;
	pango_layout_set_width(l, (int)((pt > 1 ? pt : 1) * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text, -1);
	int n = pango_layout_get_line_count(l);
	g_object_unref(l);
	return n > 0 ? n : 1;
}
