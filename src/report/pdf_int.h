/*
 * Internals of the PDF writer, shared by pdf.c (document order, NĐ 30
 * header and closing block), pdf_layout.c (pages, text, paragraphs) and
 * pdf_table.c (tables). Units are PostScript points throughout: the cairo
 * PDF surface works in points and the pango context is set to 72 dpi, so a
 * 13 pt font is 13 units tall.
 */
#ifndef TS_REPORT_PDF_INT_H
#define TS_REPORT_PDF_INT_H

#include <stdbool.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "report.h"

#define PDF_MM	     (72.0 / 25.4)
/* Longest word (bytes) kept on one line; a longer one (a link) may break
 * anywhere rather than run past the margin. */
#define PDF_WORD_MAX 48

struct pdf {
	const struct rp_doc *doc;
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoFontMap *fm; /* our own: no shared global font map */
	PangoContext *pc;
	double pw, ph;	   /* page size */
	double x0, x1;	   /* text area, left and right edge */
	double ytop, ybot; /* text area, top and bottom edge */
	double y;	   /* where the next thing goes */
	int page;	   /* page number inside the current section */
	int pages;	   /* pages in the whole file */
	bool at_top;	   /* nothing drawn below ytop on this page yet */
	/* Height of what must follow the end of the block being laid out on
	 * the same page (the closing block): the block's last lines or rows
	 * go to the next page with it rather than leave it alone there. */
	double tail;
	bool oom;	/* an allocation failed: the writer reports TS_ENOMEM */
	bool cancelled; /* doc->cancel said stop: TS_ECANCELED */
};

/* A layout of plain text in Liberation Serif of the given size (points),
 * wrapped at width (points; <= 0: no wrapping). Caller unrefs, and
 * does not change it (it may be kept, pdf_keep.c). */
PangoLayout *pdf_text(struct pdf *p, const char *text, unsigned style,
		      double size, double width, enum rp_align align);
/* A layout of a model paragraph; style is or-ed into every run (table
 * cells carry a style for the whole cell). width excludes indent_left.
 * default_size is used when para->size is 0. Caller unrefs, and does
 * not change it. */
PangoLayout *pdf_para_layout(struct pdf *p, const struct rp_para *para,
			     int default_size, unsigned style, double width);
double pdf_layout_height(PangoLayout *l);
/* Logical width of the widest line. */
double pdf_layout_width(PangoLayout *l);
void pdf_draw(struct pdf *p, PangoLayout *l, double x, double y);
/* pdf_text and pdf_para_layout give the layout kept for the same
 * arguments between pdf_keep_open and close (pdf_keep.c: a document, or
 * a batch of them, on this thread), else a new one from pdf_text_make or
 * pdf_para_make; callers never change them. */
PangoLayout *pdf_text_make(struct pdf *p, const char *text, unsigned style,
			   double size, double width, enum rp_align align);
PangoLayout *pdf_para_make(struct pdf *p, const struct rp_para *para,
			   int default_size, unsigned style, double width);
void pdf_keep_open(void);
void pdf_keep_close(void);
/* While on, cairo's streams on this thread are deflated at level 1, not
 * zlib's default 6 (pdf_deflate.c). */
void pdf_deflate_fast(bool on);

/* Starts section numbering on a new page of the given orientation. */
void pdf_section_page(struct pdf *p, bool landscape);
/* Continues the current section on a new page. */
void pdf_new_page(struct pdf *p);
/* Moves to a new page unless h more points fit (or the page is empty). */
void pdf_need(struct pdf *p, double h);
/* Lays out a block's paragraph, flowing its lines across pages. */
void pdf_para(struct pdf *p, const struct rp_para *para, int default_size,
	      double keep_next);
/* Centred line(s) of text across the text width; returns their height. */
double pdf_centred(struct pdf *p, const char *text, unsigned style,
		   double size);
/* A horizontal solid rule centred on cx. */
void pdf_rule(struct pdf *p, double cx, double y, double len);

void pdf_table(struct pdf *p, const struct rp_table *t);
/* Height the table takes when drawn whole (rows plus the space after). */
double pdf_table_height(struct pdf *p, const struct rp_table *t);

#endif
