/*
 * Charts of the report model drawn with cairo: one drawing routine, three
 * surfaces. SVG for the web pages, vector drawing inside the PDF, PNG for
 * DOCX (Word shows PNG everywhere; SVG in DOCX needs Office 2016+).
 */
#ifndef TS_REPORT_CHART_H
#define TS_REPORT_CHART_H

#include "../util/buf.h"
#include "report.h"

typedef struct _cairo cairo_t;

/* The fill of a series: 0xRRGGBB, and whether diagonal hatching goes
 * over it (so it stays apart from its neighbours when printed in grey).
 * The same for the cairo drawing (PDF, PNG, SVG) and the XLSX chart. */
struct rp_tone_style {
	unsigned rgb;
	bool hatch;
};
struct rp_tone_style rp_chart_tone(const struct rp_chart *c, size_t series);

/* The shares of category cat of a stacked chart, in hundredths of a
 * percent adding up to 100 % (pts_shares), as its table prints them;
 * false when the category is empty. At most 64 series. */
bool rp_chart_shares(const struct rp_chart *c, size_t cat, int64_t *share);

/* Draws the chart into the rectangle (0, 0, w, h) of cr, in cr's units
 * (points for PDF, pixels for PNG/SVG). Text through pango, Liberation
 * Serif, so Vietnamese diacritics are shaped correctly. */
void rp_chart_draw(cairo_t *cr, const struct rp_chart *c, double w, double h);
/* A standalone SVG document (UTF-8) of width_mm × height_mm. */
enum ts_err rp_chart_svg(const struct rp_chart *c, struct buf *out);
/* A PNG of width_mm × height_mm at dpi dots per inch. */
enum ts_err rp_chart_png(const struct rp_chart *c, int dpi, struct buf *out);

#endif
