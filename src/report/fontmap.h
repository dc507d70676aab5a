/*
 * The pango font maps of the PDF writer and the charts: each document and
 * each chart has its own (no global pango state shared between threads),
 * and gives it back through rp_fontmap_release, never g_object_unref.
 */
#ifndef TS_REPORT_FONTMAP_H
#define TS_REPORT_FONTMAP_H

#include <pango/pangocairo.h>

/* A new font map for text measured and drawn with cairo. */
PangoFontMap *rp_fontmap_new(void);
/* Drops the caller's reference, which must be the last one the caller
 * holds (contexts and layouts made from fm released first), and returns
 * only once fm has been freed, here, on the calling thread. */
void rp_fontmap_release(PangoFontMap *fm);

#endif
