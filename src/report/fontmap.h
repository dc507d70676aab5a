/*
 * The pango font maps of the PDF writer and the charts: each document and
 * each chart has its own (no global pango state shared between threads),
 * and gives it back through rp_fontmap_release, never g_object_unref.
 */
#ifndef TS_REPORT_FONTMAP_H
#define TS_REPORT_FONTMAP_H

#include <pango/pangocairo.h>

/* A font map for text measured and drawn with cairo: a new one, or the
 * calling thread's kept one with a reference added. */
PangoFontMap *rp_fontmap_new(void);
/* From keep to drop (a batch of documents, rp_batch_begin), this thread's
 * documents and charts share one font map: fontconfig's matching and
 * pango's font and shaping caches are then set up once per batch. */
void rp_fontmap_keep(void);
/* Frees the kept font map (every document using it finished). */
void rp_fontmap_drop(void);
/* Drops the caller's reference, which must be the last one the caller
 * holds (contexts and layouts made from fm released first), and returns
 * only once fm has been freed, here, on the calling thread; the kept
 * font map only loses the caller's reference. */
void rp_fontmap_release(PangoFontMap *fm);
/* The documents' face (RP_FONT_PDF) at size points, bold and italic as
 * style (RP_BOLD, RP_ITALIC) says: what every text measured or drawn
 * with pango is set in. The caller frees it. */
PangoFontDescription *rp_font_desc(unsigned style, double size);

#endif
