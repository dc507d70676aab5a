/* Pages and text for the PDF writer: pango layouts built from the model's
 * paragraphs, page breaks with NĐ 30 page numbers, and paragraphs that flow
 * line by line across pages. */
#include "pdf_int.h"

#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "fontmap.h"

/* Page numbers sit in the middle of the top margin (NĐ 30: centred in the
 * top margin, 13-14 pt, not on page 1). */
#define PAGE_NUMBER_SIZE 13

static void
set_align(PangoLayout *l, enum rp_align align)
{
	switch (align) {
	case RP_LEFT: pango_layout_set_alignment(l, PANGO_ALIGN_LEFT); break;
	case RP_CENTER:
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		break;
	case RP_RIGHT: pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT); break;
	case RP_JUSTIFY:
		pango_layout_set_alignment(l, PANGO_ALIGN_LEFT);
		pango_layout_set_justify(l, TRUE);
		break;
	}
}

static PangoLayout *
new_layout(struct pdf *p, unsigned style, double size, double width,
	   enum rp_align align)
{
	PangoLayout *l = pango_layout_new(p->pc);
	PangoFontDescription *fd = rp_font_desc(style, size);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (width > 0)
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	set_align(l, align);
	return l;
}

static void
underline_attr(PangoAttrList *al, unsigned style, guint start, guint end)
{
	if (!(style & RP_UNDERLINE))
		return;
	PangoAttribute *a = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
	a->start_index = start;
	a->end_index = end;
	pango_attr_list_insert(al, a);
}

/* Lines break only between words: no break inside a word (a code such as
 * "31DK011" or "109/KH-GDNN-GDTX", a number such as "18,5", a syllable)
 * and no inserted hyphen. Only a link (rp_is_link) or a word too long
 * for a line of its own may break, at any character. */
static void
word_attrs(PangoAttrList *al, const char *text)
{
	PangoAttribute *a = pango_attr_insert_hyphens_new(FALSE);
	pango_attr_list_insert(al, a);
	for (const char *s = text; *s;) {
		size_t sp = strspn(s, " \t\n");
		size_t w = strcspn(s + sp, " \t\n");
		if (w > 1 && w <= PDF_WORD_MAX && !rp_is_link(s + sp, w)) {
			a = pango_attr_allow_breaks_new(FALSE);
			a->start_index = (guint)(s + sp - text);
			a->end_index = (guint)(s + sp + w - text);
			pango_attr_list_insert(al, a);
		}
		s += sp + w;
	}
}

PangoLayout *
pdf_text_make(struct pdf *p, const char *text, unsigned style, double size,
	      double width, enum rp_align align)
{
	PangoLayout *l = new_layout(p, style, size, width, align);
	text = text ? text : "";
	pango_layout_set_text(l, text, -1);
	PangoAttrList *al = pango_attr_list_new();
	underline_attr(al, style, 0, (guint)strlen(text));
	word_attrs(al, text);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
	return l;
}

/* Bold and italic differ per run: pango attributes over byte ranges of the
 * concatenated text (never markup, so "<script>&" stays literal text). */
static void
run_attrs(PangoAttrList *al, unsigned style, guint start, guint end)
{
	PangoAttribute *a;
	if (style & RP_BOLD) {
		a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		a->start_index = start;
		a->end_index = end;
		pango_attr_list_insert(al, a);
	}
	if (style & RP_ITALIC) {
		a = pango_attr_style_new(PANGO_STYLE_ITALIC);
		a->start_index = start;
		a->end_index = end;
		pango_attr_list_insert(al, a);
	}
	underline_attr(al, style, start, end);
}

PangoLayout *
pdf_para_make(struct pdf *p, const struct rp_para *para, int default_size,
	      unsigned style, double width)
{
	double size = para->size > 0 ? para->size : default_size;
	PangoLayout *l = new_layout(p, 0, size, width, para->align);
	PangoAttrList *al = pango_attr_list_new();
	struct buf text;
	buf_init(&text, BUF_DEFAULT_LIMIT);
	for (size_t i = 0; i < para->nruns; i++) {
		size_t start = text.len;
		buf_puts(&text, para->runs[i].text ? para->runs[i].text : "");
		run_attrs(al, para->runs[i].style | style, (guint)start,
			  (guint)text.len);
	}
	pango_layout_set_text(l, buf_str(&text), -1);
	word_attrs(al, buf_str(&text));
	pango_layout_set_attributes(l, al);
	pango_layout_set_indent(
		l, (int)(para->indent_first_mm * PDF_MM * PANGO_SCALE));
	pango_attr_list_unref(al);
	buf_release(&text);
	return l;
}

double
pdf_layout_height(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

double
pdf_layout_width(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return (double)r.width / PANGO_SCALE;
}

void
pdf_draw(struct pdf *p, PangoLayout *l, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
}

static void
page_number(struct pdf *p)
{
	char num[24];
	snprintf(num, sizeof num, "%d", p->page);
	PangoLayout *l = pdf_text(p, num, 0, PAGE_NUMBER_SIZE, p->x1 - p->x0,
				  RP_CENTER);
	double h = pdf_layout_height(l);
	pdf_draw(p, l, p->x0, (p->ytop - h) / 2);
	g_object_unref(l);
}

static void
begin_page(struct pdf *p)
{
	if (p->pages > 0)
		cairo_show_page(p->cr);
	cairo_pdf_surface_set_size(p->surf, p->pw, p->ph);
	p->pages++;
	p->page++;
	p->x0 = RP_MARGIN_LEFT_MM * PDF_MM;
	p->x1 = p->pw - RP_MARGIN_RIGHT_MM * PDF_MM;
	p->ytop = RP_MARGIN_TOP_MM * PDF_MM;
	p->ybot = p->ph - RP_MARGIN_BOTTOM_MM * PDF_MM;
	p->y = p->ytop;
	p->at_top = true;
	if (p->page > 1)
		page_number(p);
}

void
pdf_section_page(struct pdf *p, bool landscape)
{
	double w = RP_PAGE_W_MM * PDF_MM, h = RP_PAGE_H_MM * PDF_MM;
	p->pw = landscape ? h : w;
	p->ph = landscape ? w : h;
	p->page = 0;
	begin_page(p);
}

void
pdf_new_page(struct pdf *p)
{
	begin_page(p);
}

void
pdf_need(struct pdf *p, double h)
{
	if (!p->at_top && p->y + h > p->ybot)
		pdf_new_page(p);
}

/* Draws the layout's lines from p->y down, breaking the page between
 * lines; a line never straddles the bottom margin. */
static void
flow_lines(struct pdf *p, PangoLayout *l, double x, double tail)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double top = p->y; /* page position of the layout's origin */
	int n = pango_layout_get_line_count(l), i = 0;
	/* With a tail, the last two lines go with it (keep-with-next). */
	int keep_from = tail > 0 ? (n >= 2 ? n - 2 : 0) : n;
	double total = pdf_layout_height(l);
	do {
		PangoRectangle lr;
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		double ly = (double)lr.y / PANGO_SCALE;
		double lh = (double)lr.height / PANGO_SCALE;
		double need = i++ == keep_from ? total - ly + tail : lh;
		if (top + ly + need > p->ybot && !p->at_top) {
			pdf_new_page(p);
			top = p->y - ly;
		}
		/* As pango's own renderer does: the line's x offset carries
		 * alignment and the first-line indent. */
		double base = (double)pango_layout_iter_get_baseline(it) /
			      PANGO_SCALE;
		cairo_move_to(p->cr, x + (double)lr.x / PANGO_SCALE,
			      top + base);
		pango_cairo_show_layout_line(
			p->cr, pango_layout_iter_get_line_readonly(it));
		p->y = top + ly + lh;
		p->at_top = false;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

void
pdf_para(struct pdf *p, const struct rp_para *para, int default_size,
	 double keep_next)
{
	double left = para->indent_left_mm * PDF_MM;
	PangoLayout *l = pdf_para_layout(p, para, default_size, 0,
					 p->x1 - p->x0 - left);
	double h = pdf_layout_height(l);
	double before = p->at_top ? 0 : para->space_before_pt;
	/* A paragraph that fits on a page is not split; keep_next adds the
	 * first lines of what follows (headings stay with their text). */
	if (h + keep_next <= p->ybot - p->ytop)
		pdf_need(p, before + h + keep_next);
	if (!p->at_top)
		p->y += para->space_before_pt;
	flow_lines(p, l, p->x0 + left,
		   p->tail > 0 ? p->tail + para->space_after_pt : 0);
	p->y += para->space_after_pt;
	g_object_unref(l);
}

double
pdf_centred(struct pdf *p, const char *text, unsigned style, double size)
{
	PangoLayout *l = pdf_text(p, text, style, size, p->x1 - p->x0,
				  RP_CENTER);
	double h = pdf_layout_height(l);
	pdf_draw(p, l, p->x0, p->y);
	p->y += h;
	p->at_top = false;
	g_object_unref(l);
	return h;
}

void
pdf_rule(struct pdf *p, double cx, double y, double len)
{
	cairo_set_line_width(p->cr, 0.6);
	cairo_move_to(p->cr, cx - len / 2, y);
	cairo_line_to(p->cr, cx + len / 2, y);
	cairo_stroke(p->cr);
}
