/*
 * Internals of the DOCX writer (not a public header: only docx*.c include
 * it). The writer builds every XML part in memory as a struct buf, then
 * zips them with libzip into a temp file renamed into place (outfile.h).
 *
 * Geometry is in twentieths of a point ("twips", what WordprocessingML
 * uses for page and indent sizes) and EMU for pictures.
 */
#ifndef TS_REPORT_DOCX_H
#define TS_REPORT_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "measure.h"
#include "report.h"

/* 1 mm = 1440 / 25.4 twips; rounded to whole twips. */
#define DX_MM(mm)     ((int)(((mm)*14400 + 127) / 254))
#define DX_EMU_PER_MM 36000
/* Text width of a portrait and a landscape page. */
#define DX_TEXT_W_PORTRAIT                                                     \
	DX_MM(RP_PAGE_W_MM - RP_MARGIN_LEFT_MM - RP_MARGIN_RIGHT_MM)
#define DX_TEXT_W_LANDSCAPE                                                    \
	DX_MM(RP_PAGE_H_MM - RP_MARGIN_LEFT_MM - RP_MARGIN_RIGHT_MM)
/* Resolution of chart PNGs: sharp when printed, small in the file. */
#define DX_CHART_DPI 150
#define DX_MAX_MEDIA 256

/* Relationship ids of document.xml.rels (images are "rIdImgN"). */
#define DX_RID_STYLES	 "rIdStyles"
#define DX_RID_SETTINGS	 "rIdSettings"
#define DX_RID_HDR_PAGE	 "rIdHdrPage"
#define DX_RID_HDR_FIRST "rIdHdrFirst"

/* A PNG to store as word/media/imageN.png (N = index + 1). */
struct dx_media {
	struct buf png;
};

struct dx_ctx {
	const struct rp_doc *d;
	struct buf *out; /* word/document.xml being written */
	int text_w;	 /* text width of the current section, twips */
	struct dx_media media[DX_MAX_MEDIA];
	size_t nmedia;
	unsigned next_id; /* wp:docPr ids, unique in the document */
	/* Every paragraph written while set gets w:keepNext: the end of the
	 * body stays on the page of the closing block after it. */
	bool keep;
	/* wrap: the next table is the last block before the closing block;
	 * its tail and the closing block go into one row that cannot split
	 * (dx_table opens it, wrapped, and dx_wrap_end closes it). */
	bool wrap, wrapped;
	const int *grid; /* column widths of the table being written, twips */
	/* Text measurement for table columns (docx_measure.c), released
	 * by rp_measure_end at the end of the document. */
	struct rp_measure ms;
};

/* docx_measure.c: a table's column widths in twips (grid[ncols]), no
 * column narrower than its widest word, measured in x->ms. */
void dx_table_grid(struct dx_ctx *x, const struct rp_table *t, int *grid);
/* Width in points of text set on one line (upper case if caps). */
double dx_line_width(struct dx_ctx *x, const char *text, unsigned style,
		     int size, bool caps);

/* Paragraph look beyond what struct rp_para says. */
struct dx_pfmt {
	const char *style; /* pStyle id or NULL */
	int size;	   /* points, used when the para's own size is 0 */
	unsigned style_or; /* run style bits added to every run */
	bool caps;	   /* w:caps: shown upper case, text kept as is */
	int space_before_pt, space_after_pt; /* used when the para's are 0 */
};

/* docx_xml.c: escaping. Appends s with & < > " ' escaped, C0 controls
 * (other than tab, LF, CR) dropped, and invalid UTF-8 or U+FFFE/U+FFFF
 * replaced by U+FFFD, so the part is always well-formed XML 1.0. */
void dx_esc(struct buf *b, const char *s);
void dx_esc_n(struct buf *b, const char *s, size_t n);
/* Number of code points in s (for rule-length estimates). */
size_t dx_chars(const char *s);

/* docx_para.c: paragraphs and runs. */
void dx_run(struct buf *b, const char *text, unsigned style, int size,
	    bool caps);
void dx_para(struct dx_ctx *x, const struct rp_para *p,
	     const struct dx_pfmt *f);
/* A paragraph of one run (text NULL: an empty paragraph). */
void dx_line(struct dx_ctx *x, enum rp_align align, unsigned style, int size,
	     const char *text);
void dx_text(struct dx_ctx *x, enum rp_align align, unsigned style,
	     const char *text, const struct dx_pfmt *f);
/* An empty paragraph drawing a short centred rule: a bottom border with
 * indents so it spans `len` twips of a `width`-twip column. */
void dx_rule(struct dx_ctx *x, int width, int len, int after_pt);
/* Rule length for text of this many characters at this size: 40 % of an
 * estimated line, capped by the column width (NĐ 30: 1/3 to 1/2). */
int dx_rule_len(size_t nchars, int size, int width);

/* docx_table.c: report tables and the borderless layout tables. */
void dx_table(struct dx_ctx *x, const struct rp_table *t);
void dx_wrap_end(struct dx_ctx *x);
/* A borderless layout table of ncols columns of the given widths (twips):
 * begin, then rows (dx_row_begin, cells, dx_row_end), then end. Rows never
 * split across pages. A cell must hold at least one paragraph. */
void dx_layout_begin(struct dx_ctx *x, size_t ncols, const int *w);
void dx_layout_end(struct dx_ctx *x, bool tight);
void dx_row_begin(struct dx_ctx *x);
void dx_row_end(struct dx_ctx *x);
void dx_cell_begin(struct dx_ctx *x, int width);
void dx_cell_end(struct dx_ctx *x);

/* docx_body.c: word/document.xml. */
void dx_document(struct dx_ctx *x);

/* docx_parts.c: the fixed parts. */
void dx_content_types(struct buf *b);
void dx_root_rels(struct buf *b);
void dx_doc_rels(struct buf *b, size_t nmedia);
void dx_styles(struct buf *b);
void dx_settings(struct buf *b);
void dx_header_page(struct buf *b);
void dx_header_empty(struct buf *b);
void dx_core(struct buf *b, const struct rp_doc *d);
void dx_app(struct buf *b);

#endif
