/*
 * A writer's text measurement (DOCX column widths, XLSX line counts):
 * a font map of the document's own and a pango context on it, made on
 * first use and freed at the end of the document (fontmap.h: no pango
 * state shared between threads).
 */
#ifndef TS_REPORT_MEASURE_H
#define TS_REPORT_MEASURE_H

struct _PangoFontMap;
struct _PangoContext;

/* Zeroed before first use (the writer's state is). */
struct rp_measure {
	struct _PangoFontMap *fm;
	struct _PangoContext *pc;
};

/* The context to lay text out in, made on the first call. */
struct _PangoContext *rp_measure_context(struct rp_measure *m);
/* Frees the context and the font map (none made: nothing to do), leaving
 * m zeroed. */
void rp_measure_end(struct rp_measure *m);

#endif
