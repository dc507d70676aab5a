/* word/document.xml: the NĐ 30 layout (domain/rules.md §9) of a report.
 * Section 0 holds the header, tên loại + trích yếu, Kính gửi, the body and
 * the Nơi nhận / signature block; every later section is an appendix on a
 * new page, landscape if the model says so, with its own page numbers. */
#include "docx.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"

#define DX_QUOC_HIEU	  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define DX_TIEU_NGU	  "Độc lập - Tự do - Hạnh phúc"
#define DX_SIZE_QUOC_HIEU 12 /* 13 pt would wrap in a 9.5 cm column */
#define DX_SIZE_TITLE	  14
/* Left column of the header (cơ quan ban hành) and of the bottom block
 * (Nơi nhận); the right column takes the rest of the text width. */
#define DX_HEADER_LEFT_W  DX_MM(70)
#define DX_SIGN_LEFT_W	  DX_MM(75)
/* Cell padding of layout tables (docx_table.c), both sides. */
#define DX_CELL_PAD	  170
/* Empty lines left for the handwritten signature and the seal. */
#define DX_SIGN_LINES	  4

#define DX_NAMESPACES                                                                          \
	" xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""            \
	" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""     \
	" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"" \
	" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""                   \
	" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""

static const char *
or_blank(const char *s)
{
	return s && *s ? s : RP_BLANK;
}

/* One centred line with the look NĐ 30 gives it. */
static void
centred(struct dx_ctx *x, const char *text, unsigned style, int size, bool caps,
	int before_pt, int after_pt)
{
	struct dx_pfmt f = { .size = size,
			     .caps = caps,
			     .space_before_pt = before_pt,
			     .space_after_pt = after_pt };
	dx_text(x, RP_CENTER, style, text, &f);
}

#define DX_NAME_MAX 512

/* The size at which every line fits in inner twips: 13 pt, else 12 (NĐ
 * 30: 12-13); 0 if a line is too long even at 12. 3 % of the cell is
 * kept free: LibreOffice wrapped "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" at 13 pt,
 * 187 pt by pango's measure, in a cell of 190. */
static int
header_size(struct dx_ctx *x, const char *a, const char *b, unsigned style,
	    int inner)
{
	double room = inner * 0.97 / 20;
	for (int size = RP_SIZE_HEADER; size >= 12; size--)
		if (dx_line_width(x, a, style, size, true) <= room &&
		    (b == NULL ||
		     dx_line_width(x, b, style, size, true) <= room))
			return size;
	return 0;
}

/* A unit's name in the header cell: one line at 13 or 12 pt when it fits
 * (measured in Times' metrics, docx_measure.c), else two lines broken
 * before the unit's own name (rp_name_start), so Word never breaks inside
 * it. Returns the characters of the longest line. */
static size_t
header_name(struct dx_ctx *x, const char *name, int brk, unsigned style,
	    int inner)
{
	size_t n = dx_chars(name);
	char head[DX_NAME_MAX], tail[DX_NAME_MAX];
	rp_name_split(name, brk, head, tail, sizeof head);
	int size = header_size(x, name, NULL, style, inner);
	if (size || !*tail) {
		centred(x, name, style, size ? size : RP_SIZE_HEADER, true, 0,
			0);
		return n;
	}
	size = header_size(x, head, tail, style, inner);
	size = size ? size : 12; /* still too long: Word wraps it */
	centred(x, head, style, size, true, 0, 0);
	centred(x, tail, style, size, true, 0, 0);
	return dx_chars(head) > dx_chars(tail) ? dx_chars(head)
					       : dx_chars(tail);
}

/* Cell 2 of the header: cơ quan chủ quản over tên đơn vị, short rule. */
static void
header_org(struct dx_ctx *x, const struct rp_header *h, int w)
{
	dx_cell_begin(x, w);
	int inner = w - DX_CELL_PAD;
	if (h->parent_org && *h->parent_org)
		header_name(x, h->parent_org, h->parent_break, 0, inner);
	size_t n = header_name(x, or_blank(h->org), h->org_break, RP_BOLD,
			       inner);
	dx_rule(x, inner, dx_rule_len(n, RP_SIZE_HEADER, inner), 0);
	dx_cell_end(x);
}

/* Cell 1: Quốc hiệu over Tiêu ngữ, underlined exactly as long as it. */
static void
header_motto(struct dx_ctx *x, int w)
{
	dx_cell_begin(x, w);
	centred(x, DX_QUOC_HIEU, RP_BOLD, DX_SIZE_QUOC_HIEU, false, 0, 0);
	centred(x, DX_TIEU_NGU, RP_BOLD | RP_UNDERLINE, RP_SIZE_MOTTO, false, 0,
		0);
	dx_cell_end(x);
}

/* Cells 3 and 4 share a row, so Số and the date sit on one line. */
static void
header_number_date(struct dx_ctx *x, const struct rp_header *h, const int *w)
{
	struct buf line;
	buf_init(&line, BUF_DEFAULT_LIMIT);
	rp_number_line(h, &line);
	dx_cell_begin(x, w[0]);
	centred(x, buf_str(&line), 0, RP_SIZE_BODY, false, 6, 0);
	if (h->vv && *h->vv) /* a công văn's trích yếu (NĐ 30, ô 5b) */
		centred(x, h->vv, 0, 12, false, 3, 0);
	dx_cell_end(x);
	buf_reset(&line);
	rp_date_line(h, &line);
	dx_cell_begin(x, w[1]);
	centred(x, buf_str(&line), RP_ITALIC, RP_SIZE_BODY, false, 6, 0);
	dx_cell_end(x);
	if (line.err)
		x->out->err = line.err;
	buf_release(&line);
}

static void
nd30_header(struct dx_ctx *x, const struct rp_header *h)
{
	int w[2] = { DX_HEADER_LEFT_W, x->text_w - DX_HEADER_LEFT_W };
	dx_layout_begin(x, 2, w);
	dx_row_begin(x);
	header_org(x, h, w[0]);
	header_motto(x, w[1]);
	dx_row_end(x);
	dx_row_begin(x);
	header_number_date(x, h, w);
	dx_row_end(x);
	dx_layout_end(x, false);
}

/* "Kính gửi:" with one recipient on its line, centred; several go one per
 * line with their dashes aligned under the first (a hanging indent). */
static void
kinh_gui(struct dx_ctx *x, const struct rp_doc *d)
{
	if (d->nto == 1) {
		struct rp_run r[2] = { { "Kính gửi: ", 0 },
				       { d->recipients_to[0], 0 } };
		struct rp_para p = { .runs = r,
				     .nruns = 2,
				     .align = RP_CENTER,
				     .space_after_pt = 6 };
		struct dx_pfmt f = { .size = RP_SIZE_BODY };
		dx_para(x, &p, &f);
		return;
	}
	int left = DX_MM(45), hang = DX_MM(20);
	for (size_t i = 0; i < d->nto; i++) {
		buf_printf(x->out, "<w:p><w:pPr><w:ind w:left=\"%d\"", left);
		if (i == 0)
			buf_printf(x->out, " w:hanging=\"%d\"", hang);
		buf_puts(x->out, "/></w:pPr>");
		if (i == 0)
			dx_run(x->out, "Kính gửi:\t", 0, 0, false);
		dx_run(x->out, d->recipients_to[i], 0, 0, false);
		buf_puts(x->out, "</w:p>");
	}
	dx_line(x, RP_LEFT, 0, 6, NULL);
}

/* Tên loại and trích yếu, the rule under them, Kính gửi. Plain exports
 * (no header) get only the title lines. */
/* The stamp, tên loại and trích yếu lines; returns the characters of
 * the longest title line (the rule under them is that long). */
static size_t
title_lines(struct dx_ctx *x, const struct rp_doc *d)
{
	size_t longest = 0;
	if (d->stamp)
		centred(x, d->stamp, RP_BOLD | RP_UNDERLINE, DX_SIZE_TITLE,
			false, d->header ? 12 : 0, 6);
	if (d->kind && *d->kind) {
		centred(x, d->kind, RP_BOLD, DX_SIZE_TITLE, false,
			d->header ? 18 : 0, 0);
		longest = dx_chars(d->kind);
	}
	for (size_t i = 0; i < d->nsubject; i++) {
		centred(x, d->subject[i], RP_BOLD, DX_SIZE_TITLE, false, 0, 0);
		size_t n = dx_chars(d->subject[i]);
		if (i == 0 || n > longest)
			longest = n;
	}
	return longest;
}

static void
title_block(struct dx_ctx *x, const struct rp_doc *d)
{
	size_t longest = title_lines(x, d);
	if (!d->header) {
		if (longest)
			dx_line(x, RP_LEFT, 0, 6, NULL);
		return;
	}
	if (longest)
		dx_rule(x, x->text_w,
			dx_rule_len(longest, DX_SIZE_TITLE, x->text_w), 12);
	if (d->nto)
		kinh_gui(x, d);
}

static void
chart_title(struct dx_ctx *x, const struct rp_chart *c)
{
	struct dx_pfmt f = { .space_before_pt = 6, .space_after_pt = 6 };
	dx_text(x, RP_CENTER, RP_BOLD, or_blank(c->title), &f);
}

static void
chart_drawing(struct dx_ctx *x, const struct rp_chart *c, size_t n)
{
	long w = (c->width_mm > 0 ? c->width_mm : 160) * DX_EMU_PER_MM;
	long h = (c->height_mm > 0 ? c->height_mm : 80) * DX_EMU_PER_MM;
	long maxw = (long)x->text_w * 635; /* 1 twip = 635 EMU */
	if (w > maxw) {
		h = h * maxw / w;
		w = maxw;
	}
	unsigned id = ++x->next_id;
	buf_printf(x->out,
		   "<w:p><w:pPr><w:keepNext/><w:spacing w:before="
		   "\"120\" w:after=\"120\"/><w:jc w:val=\"center\"/></w:pPr>"
		   "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" "
		   "distL=\"0\" distR=\"0\"><wp:extent cx=\"%ld\" cy=\"%ld\"/>"
		   "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
		   "<wp:docPr id=\"%u\" name=\"Biểu đồ %u\" descr=\"",
		   w, h, id, id);
	dx_esc(x->out, c->title);
	buf_printf(
		x->out,
		"\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks "
		"noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic>"
		"<a:graphicData uri=\"http://schemas.openxmlformats.org/"
		"drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr "
		"id=\"%u\" name=\"image%zu.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
		"<pic:blipFill><a:blip r:embed=\"rIdImg%zu\"/><a:stretch>"
		"<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>"
		"<a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
		"<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
		"</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
		"</w:r></w:p>",
		id, n, n, w, h);
}

/* A chart as an inline PNG; when it cannot be drawn the report still
 * carries its title, so the reader knows what is missing. */
static void
chart_block(struct dx_ctx *x, const struct rp_chart *c)
{
	if (x->nmedia == DX_MAX_MEDIA) {
		chart_title(x, c);
		return;
	}
	struct buf *png = &x->media[x->nmedia].png;
	buf_init(png, BUF_DEFAULT_LIMIT);
	if (rp_chart_png(c, DX_CHART_DPI, png) != TS_OK || png->err ||
	    png->len == 0) {
		buf_release(png);
		chart_title(x, c);
		return;
	}
	x->nmedia++;
	chart_drawing(x, c, x->nmedia);
}

/* A borderless table ending a section is its closing (date line and
 * signer side by side). */
static bool
closing_table(const struct rp_section *s, size_t i)
{
	const struct rp_block *b = &s->blocks[i];
	return i + 1 == s->nblocks && b->kind == RP_B_TABLE && b->table &&
	       !b->table->borders;
}

/* First block kept with the closing block that follows the section's
 * blocks (closing: the section has a signature block after them): the
 * last two blocks, or one when it is a table (its last row is kept). */
static size_t
keep_from(const struct rp_section *s, bool closing)
{
	size_t n = s->nblocks;
	if (n && closing_table(s, n - 1))
		n--, closing = true;
	if (!closing || n == 0)
		return SIZE_MAX;
	if (s->blocks[n - 1].kind == RP_B_TABLE || n == 1)
		return n - 1;
	return n - 2;
}

static void
blocks(struct dx_ctx *x, const struct rp_section *s, bool closing)
{
	char style[16];
	size_t keep = keep_from(s, closing);
	for (size_t i = 0; i < s->nblocks; i++) {
		const struct rp_block *b = &s->blocks[i];
		struct dx_pfmt f = { 0 };
		x->keep = i >= keep && !closing_table(s, i);
		x->wrap = closing && i + 1 == s->nblocks &&
			  b->kind == RP_B_TABLE && b->table &&
			  b->table->borders;
		switch (b->kind) {
		case RP_B_HEADING:
			snprintf(style, sizeof style, "Heading%d", b->level);
			f.style = style;
			if (b->para)
				dx_para(x, b->para, &f);
			break;
		case RP_B_PARA:
			if (b->para)
				dx_para(x, b->para, &f);
			break;
		case RP_B_TABLE: dx_table(x, b->table); break;
		case RP_B_CHART:
			if (b->chart)
				chart_block(x, b->chart);
			break;
		}
	}
	x->keep = false;
}

static void
sign_left(struct dx_ctx *x, const struct rp_doc *d, int w)
{
	dx_cell_begin(x, w);
	struct dx_pfmt f = { .size = RP_SIZE_RECIPIENTS_LABEL,
			     .space_before_pt = 12 };
	/* No list, no label: a bare "Nơi nhận:" reads like a blank. */
	if (d->nrecipients)
		dx_text(x, RP_LEFT, RP_BOLD | RP_ITALIC, "Nơi nhận:", &f);
	else
		dx_line(x, RP_LEFT, 0, RP_SIZE_RECIPIENTS, NULL);
	for (size_t i = 0; i < d->nrecipients; i++)
		dx_line(x, RP_LEFT, 0, RP_SIZE_RECIPIENTS, d->recipients[i]);
	dx_cell_end(x);
}

static void
sign_right(struct dx_ctx *x, const struct rp_signature *sig, int w)
{
	dx_cell_begin(x, w);
	bool auth = sig->authority && *sig->authority;
	if (auth)
		centred(x, sig->authority, RP_BOLD, RP_SIZE_BODY, true, 12, 0);
	centred(x, or_blank(sig->title), RP_BOLD, RP_SIZE_BODY, true,
		auth ? 0 : 12, 0);
	if (sig->note && *sig->note)
		centred(x, sig->note, RP_ITALIC, RP_SIZE_BODY, false, 0, 0);
	for (int i = 0; i < DX_SIGN_LINES; i++)
		dx_line(x, RP_CENTER, 0, RP_SIZE_BODY, NULL);
	centred(x, or_blank(sig->name), RP_BOLD, RP_SIZE_BODY, false, 0, 0);
	dx_cell_end(x);
}

static void
signature_block(struct dx_ctx *x, const struct rp_doc *d)
{
	int w[2] = { DX_SIGN_LEFT_W, x->text_w - DX_SIGN_LEFT_W };
	dx_layout_begin(x, 2, w);
	dx_row_begin(x);
	sign_left(x, d, w[0]);
	sign_right(x, d->sig, w[1]);
	dx_row_end(x);
	dx_layout_end(x, true);
}

static void
appendix_heading(struct dx_ctx *x, const struct rp_section *s)
{
	if (s->heading && *s->heading)
		centred(x, s->heading, RP_BOLD, DX_SIZE_TITLE, false, 0, 0);
	if (s->title && *s->title)
		centred(x, s->title, RP_BOLD, DX_SIZE_TITLE, true, 0, 0);
	if (s->subtitle && *s->subtitle)
		centred(x, s->subtitle, RP_ITALIC, RP_SIZE_BODY, false, 0, 0);
	if (s->heading || s->title || s->subtitle)
		dx_line(x, RP_LEFT, 0, 6, NULL);
}

/* Page setup of one section. Every section restarts its page numbers and
 * hides the number on its first page (NĐ 30: no number on page 1; each
 * appendix numbered on its own). */
static void
sect_pr(struct buf *b, bool landscape)
{
	int pw = DX_MM(RP_PAGE_W_MM), ph = DX_MM(RP_PAGE_H_MM);
	buf_printf(b,
		   "<w:sectPr><w:headerReference w:type=\"default\" "
		   "r:id=\"" DX_RID_HDR_PAGE "\"/><w:headerReference "
		   "w:type=\"first\" r:id=\"" DX_RID_HDR_FIRST "\"/>"
		   "<w:type w:val=\"nextPage\"/>"
		   "<w:pgSz w:w=\"%d\" w:h=\"%d\"%s/>",
		   landscape ? ph : pw, landscape ? pw : ph,
		   landscape ? " w:orient=\"landscape\"" : "");
	buf_printf(
		b,
		"<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
		"w:left=\"%d\" w:header=\"%d\" w:footer=\"%d\" w:gutter=\"0\"/>"
		"<w:pgNumType w:start=\"1\"/><w:cols w:space=\"720\"/>"
		"<w:titlePg/><w:docGrid w:linePitch=\"360\"/></w:sectPr>",
		DX_MM(RP_MARGIN_TOP_MM), DX_MM(RP_MARGIN_RIGHT_MM),
		DX_MM(RP_MARGIN_BOTTOM_MM), DX_MM(RP_MARGIN_LEFT_MM),
		DX_MM(RP_MARGIN_TOP_MM) / 2, DX_MM(RP_MARGIN_BOTTOM_MM) / 2);
}

/* A section break: the properties of the section that ends here ride on
 * a tiny empty paragraph, so the break adds no visible blank line. */
static void
section_break(struct buf *b, bool landscape)
{
	buf_puts(
		b,
		"<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" "
		"w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/>"
		"</w:rPr>");
	sect_pr(b, landscape);
	buf_puts(b, "</w:pPr></w:p>");
}

static void
section(struct dx_ctx *x, size_t i)
{
	const struct rp_doc *d = x->d;
	const struct rp_section *s = d->sections[i];
	x->text_w = s->landscape ? DX_TEXT_W_LANDSCAPE : DX_TEXT_W_PORTRAIT;
	if (i == 0) {
		if (d->header)
			nd30_header(x, d->header);
		title_block(x, d);
	} else {
		appendix_heading(x, s);
	}
	blocks(x, s, i == 0 && d->sig);
	if (i == 0 && d->sig)
		signature_block(x, d);
	dx_wrap_end(x);
	if (i + 1 < d->nsections)
		section_break(x->out, s->landscape);
	else
		sect_pr(x->out, s->landscape);
}

void
dx_document(struct dx_ctx *x)
{
	buf_puts(x->out,
		 "<?xml version=\"1.0\" encoding=\"UTF-8\" "
		 "standalone=\"yes\"?>\n<w:document" DX_NAMESPACES "><w:body>");
	for (size_t i = 0; i < x->d->nsections; i++)
		section(x, i);
	buf_puts(x->out, "</w:body></w:document>");
}
