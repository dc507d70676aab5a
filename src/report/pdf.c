/* PDF writer: cairo's PDF surface with pango text, laid out as Nghị định
 * 30/2020 asks (see report.h and docs/reports.md "PDF"): the two-column
 * header, tên loại and trích yếu, Kính gửi, the body, Nơi nhận beside the
 * signature, then each appendix on its own pages with its own numbering. */
#include "pdf_int.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "fontmap.h"
#include "outfile.h"

#define SIZE_TITLE   14 /* tên loại, trích yếu, appendix heading lines */
#define LEFT_SHARE   0.42 /* header: width of the left column */
#define CLOSING_LEFT 0.45 /* Nơi nhận column */
#define SIGN_ROOM    72.0 /* space for the signature and seal, points */
#define QUOC_HIEU    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define TIEU_NGU     "Độc lập - Tự do - Hạnh phúc"

/* Uppercase copy (NĐ 30 wants these lines upper case whatever the data
 * says); g_free it. */
static char *
upper(const char *s)
{
	return g_utf8_strup(s && *s ? s : RP_BLANK, -1);
}

/* Largest size from max down to min (half points) at which text fits on
 * one line of width w; min if none does (the layout then wraps). */
static double
fit_size(struct pdf *p, const char *text, unsigned style, double max,
	 double min, double w)
{
	for (double size = max; size > min; size -= 0.5) {
		PangoLayout *l = pdf_text(p, text, style, size, 0, RP_LEFT);
		double tw = pdf_layout_width(l);
		g_object_unref(l);
		if (tw <= w)
			return size;
	}
	return min;
}

/* Centred text in the column [x, x + w) at y; returns the layout (caller
 * unrefs) so callers can measure it. */
static PangoLayout *
column_text(struct pdf *p, const char *text, unsigned style, double size,
	    double x, double w, double y)
{
	PangoLayout *l = pdf_text(p, text, style, size, w, RP_CENTER);
	pdf_draw(p, l, x, y);
	return l;
}

/* Widest line's ink width: the NĐ 30 rules are measured on the text. */
static double
ink_width(PangoLayout *l)
{
	PangoRectangle ink;
	pango_layout_get_extents(l, &ink, NULL);
	return (double)ink.width / PANGO_SCALE;
}

#define NAME_MAX_BYTES 512

/* A unit's name in the header column: one line at 13 pt, else at 12.5 or
 * 12 (NĐ 30: 12-13); if it still does not fit, two lines broken before
 * the unit's own name (brk, rp_name_start), never inside it. Returns the
 * layout drawn at (x, y); caller unrefs. */
static PangoLayout *
header_name(struct pdf *p, const char *name, int brk, unsigned style, double x,
	    double w, double y)
{
	char *s = upper(name);
	double size = fit_size(p, s, style, RP_SIZE_HEADER, 12, w);
	PangoLayout *l = pdf_text(p, s, style, size, 0, RP_LEFT);
	bool one = pdf_layout_width(l) <= w;
	g_object_unref(l);
	char head[NAME_MAX_BYTES], tail[NAME_MAX_BYTES];
	rp_name_split(s, brk, head, tail, sizeof head);
	if (!one && *tail) {
		/* The longer of the two lines sets the size. */
		const char *longer = strlen(head) > strlen(tail) ? head : tail;
		size = fit_size(p, longer, style, RP_SIZE_HEADER, 12, w);
		char *two = g_strconcat(head, "\n", tail, NULL);
		l = column_text(p, two, style, size, x, w, y);
		g_free(two);
	} else {
		l = column_text(p, s, style, size, x, w, y);
	}
	g_free(s);
	return l;
}

/* Left column: cơ quan chủ quản over tên đơn vị with a short rule.
 * Returns the y below the rule. */
static double
header_left(struct pdf *p, const struct rp_header *h, double w)
{
	double y = p->y, x = p->x0;
	if (h->parent_org && *h->parent_org) {
		PangoLayout *l = header_name(p, h->parent_org, h->parent_break,
					     0, x, w, y);
		y += pdf_layout_height(l);
		g_object_unref(l);
	}
	PangoLayout *l = header_name(p, h->org ? h->org : RP_BLANK,
				     h->org_break, RP_BOLD, x, w, y);
	y += pdf_layout_height(l) + 2;
	pdf_rule(p, x + w / 2, y, 0.4 * ink_width(l));
	g_object_unref(l);
	return y;
}

/* Right column: Quốc hiệu over Tiêu ngữ, whose rule is as long as it. */
static double
header_right(struct pdf *p, double x, double w)
{
	double y = p->y;
	double size = fit_size(p, QUOC_HIEU, RP_BOLD, RP_SIZE_HEADER, 12, w);
	PangoLayout *l = column_text(p, QUOC_HIEU, RP_BOLD, size, x, w, y);
	y += pdf_layout_height(l);
	g_object_unref(l);
	size = fit_size(p, TIEU_NGU, RP_BOLD, RP_SIZE_MOTTO, 13, w);
	l = column_text(p, TIEU_NGU, RP_BOLD, size, x, w, y);
	y += pdf_layout_height(l) + 1.5;
	pdf_rule(p, x + w / 2, y, ink_width(l));
	g_object_unref(l);
	return y;
}

static void
header(struct pdf *p, const struct rp_header *h)
{
	double tw = p->x1 - p->x0, lw = tw * LEFT_SHARE, rw = tw - lw;
	double yl = header_left(p, h, lw);
	double yr = header_right(p, p->x0 + lw, rw);
	double y = (yl > yr ? yl : yr) + 6;
	struct buf line;
	buf_init(&line, BUF_DEFAULT_LIMIT);
	rp_number_line(h, &line);
	PangoLayout *l = column_text(p, buf_str(&line), 0, RP_SIZE_BODY, p->x0,
				     lw, y);
	double hl = pdf_layout_height(l);
	g_object_unref(l);
	if (h->vv && *h->vv) {
		/* A công văn's trích yếu, 12 pt under Số (NĐ 30, ô 5b). */
		l = column_text(p, h->vv, 0, 12, p->x0, lw, y + hl + 3);
		hl += 3 + pdf_layout_height(l);
		g_object_unref(l);
	}
	buf_reset(&line);
	rp_date_line(h, &line);
	double size = fit_size(p, buf_str(&line), RP_ITALIC, 14, RP_SIZE_BODY,
			       rw);
	l = column_text(p, buf_str(&line), RP_ITALIC, size, p->x0 + lw, rw, y);
	double hr = pdf_layout_height(l);
	g_object_unref(l);
	buf_release(&line);
	p->y = y + (hl > hr ? hl : hr);
	p->at_top = false;
}

/* Tên loại, trích yếu lines and the short rule under them. */
static void
title(struct pdf *p, const struct rp_doc *d)
{
	double cx = (p->x0 + p->x1) / 2, widest = 0;
	p->y += p->at_top ? 0 : 18;
	if (d->stamp) {
		/* A framed "DỰ THẢO": a draft never passes for a final. */
		PangoLayout *l = pdf_text(p, d->stamp, RP_BOLD, SIZE_TITLE, 0,
					  RP_LEFT);
		double w = pdf_layout_width(l), h = pdf_layout_height(l);
		pdf_draw(p, l, cx - w / 2, p->y);
		cairo_set_line_width(p->cr, 1);
		cairo_rectangle(p->cr, cx - w / 2 - 6, p->y - 2, w + 12, h + 4);
		cairo_stroke(p->cr);
		g_object_unref(l);
		p->y += h + 10;
	}
	if (d->kind)
		pdf_centred(p, d->kind, RP_BOLD, SIZE_TITLE);
	for (size_t i = 0; i < d->nsubject; i++) {
		PangoLayout *l = pdf_text(p, d->subject[i], RP_BOLD, SIZE_TITLE,
					  p->x1 - p->x0, RP_CENTER);
		pdf_draw(p, l, p->x0, p->y);
		p->y += pdf_layout_height(l);
		widest = ink_width(l) > widest ? ink_width(l) : widest;
		g_object_unref(l);
	}
	if (widest > 0 || d->kind) {
		p->y += 3;
		pdf_rule(p, cx, p->y, widest > 0 ? widest / 3 : 60);
		p->y += 12;
	}
	p->at_top = false;
}

/* "Kính gửi: X" centred for one recipient; for several, one per line
 * with the lines aligned after the colon, the whole block centred. */
static void
kinh_gui(struct pdf *p, const struct rp_doc *d)
{
	if (d->nto == 0)
		return;
	double tw = p->x1 - p->x0;
	PangoLayout *lab = pdf_text(p, "Kính gửi: ", 0, RP_SIZE_BODY, 0,
				    RP_LEFT);
	double lw = pdf_layout_width(lab), widest = 0;
	PangoLayout **ls = g_new(PangoLayout *, d->nto);
	for (size_t i = 0; i < d->nto; i++) {
		ls[i] = pdf_text(p, d->recipients_to[i], 0, RP_SIZE_BODY,
				 tw * 0.7, RP_LEFT);
		double w = pdf_layout_width(ls[i]);
		widest = w > widest ? w : widest;
	}
	double x = p->x0 + (tw - lw - widest) / 2;
	x = x < p->x0 ? p->x0 : x;
	pdf_draw(p, lab, x, p->y);
	for (size_t i = 0; i < d->nto; i++) {
		pdf_draw(p, ls[i], x + lw, p->y);
		p->y += pdf_layout_height(ls[i]);
		g_object_unref(ls[i]);
	}
	g_free(ls);
	g_object_unref(lab);
	p->y += 6;
}

static void
chart_block(struct pdf *p, const struct rp_chart *c)
{
	double tw = p->x1 - p->x0;
	double w = c->width_mm > 0 ? c->width_mm * PDF_MM : tw;
	double h = c->height_mm > 0 ? c->height_mm * PDF_MM : w / 2;
	w = w > tw ? tw : w;
	pdf_need(p, h + 6 + p->tail);
	cairo_save(p->cr);
	cairo_translate(p->cr, p->x0 + (tw - w) / 2, p->y + 3);
	rp_chart_draw(p->cr, c, w, h);
	cairo_restore(p->cr);
	p->y += h + 9;
	p->at_top = false;
}

/* A borderless table ending a section is its closing (date line and
 * signer laid out side by side): it is kept with what precedes it. */
static bool
closing_table(const struct rp_section *s, size_t i)
{
	const struct rp_block *b = &s->blocks[i];
	return i + 1 == s->nblocks && b->kind == RP_B_TABLE && b->table &&
	       !b->table->borders;
}

/* Lines and height of a paragraph block as laid out on this page. */
static double
para_height(struct pdf *p, const struct rp_para *para, int *lines)
{
	double left = para->indent_left_mm * PDF_MM;
	PangoLayout *l = pdf_para_layout(p, para, RP_SIZE_BODY, 0,
					 p->x1 - p->x0 - left);
	*lines = pango_layout_get_line_count(l);
	double h = pdf_layout_height(l) + para->space_before_pt +
		   para->space_after_pt;
	g_object_unref(l);
	return h;
}

/* A note kept with its table (keep_with_prev): the block before it takes
 * the note, and what the note must take, onto its page. */
static void
notes_keep(struct pdf *p, const struct rp_section *s, double *tail)
{
	for (size_t i = s->nblocks; i-- > 1;) {
		const struct rp_block *b = &s->blocks[i];
		if (b->kind != RP_B_PARA || !b->para ||
		    !b->para->keep_with_prev)
			continue;
		int lines;
		double need = tail[i] + para_height(p, b->para, &lines) + 6;
		if (tail[i - 1] < need)
			tail[i - 1] = need;
	}
}

/* tail[i]: what must follow block i on its page. The closing block takes
 * at least two lines of text with it: when the last paragraph is shorter,
 * the one before goes too, and a heading always goes with its text. */
static void
tails(struct pdf *p, const struct rp_section *s, double closing_h, double *tail)
{
	size_t n = s->nblocks;
	double t = closing_h;
	int want = 2;
	if (n >= 1 && closing_table(s, n - 1)) {
		tail[n - 1] = 0;
		t = pdf_table_height(p, s->blocks[n - 1].table);
		n--;
	}
	for (size_t i = n; i-- > 0;) {
		const struct rp_block *b = &s->blocks[i];
		tail[i] = t;
		bool text = (b->kind == RP_B_PARA || b->kind == RP_B_HEADING) &&
			    b->para;
		if (t <= 0 || !text) {
			t = 0;
			continue;
		}
		int lines;
		double h = para_height(p, b->para, &lines);
		bool heading = b->para->keep_with_next;
		want = heading ? 0 : want - lines;
		bool prev_heading = i > 0 && s->blocks[i - 1].para &&
				    s->blocks[i - 1].para->keep_with_next;
		t = want > 0 || prev_heading ? t + h : 0;
	}
	notes_keep(p, s, tail);
}

/* What a heading (keep_with_next) keeps on its page: about three lines of
 * what follows, or the whole next paragraph when that fits on a page,
 * since such a paragraph is never split (pdf_para) and would otherwise
 * move alone and leave the heading at the foot of the page. */
static double
heading_keep(struct pdf *p, const struct rp_section *s, size_t i)
{
	double lines = 3.5 * RP_SIZE_BODY;
	const struct rp_block *n = i + 1 < s->nblocks ? &s->blocks[i + 1]
						      : NULL;
	if (n == NULL || n->para == NULL ||
	    (n->kind != RP_B_PARA && n->kind != RP_B_HEADING))
		return lines;
	int count;
	double h = para_height(p, n->para, &count);
	return h > lines && h <= p->ybot - p->ytop ? h : lines;
}

/* Block i of the section. */
static void
block(struct pdf *p, const struct rp_section *s, size_t i)
{
	const struct rp_block *b = &s->blocks[i];
	switch (b->kind) {
	case RP_B_PARA:
	case RP_B_HEADING:
		if (b->para)
			pdf_para(p, b->para, RP_SIZE_BODY,
				 b->para->keep_with_next ? heading_keep(p, s, i)
							 : 0);
		break;
	case RP_B_TABLE:
		if (b->table)
			pdf_table(p, b->table);
		break;
	case RP_B_CHART:
		if (b->chart)
			chart_block(p, b->chart);
		break;
	}
}

/* Lays out the section's blocks; closing_h is the height of the closing
 * block drawn after them (0: none), which keeps the last lines or rows of
 * the body with it. */
static void
blocks(struct pdf *p, const struct rp_section *s, double closing_h)
{
	double *tail = g_new0(double, s->nblocks + 1);
	tails(p, s, closing_h, tail);
	for (size_t i = 0; i < s->nblocks; i++) {
		p->tail = tail[i];
		block(p, s, i);
	}
	p->tail = 0;
	g_free(tail);
}

/* One line of the closing block: draws it when draw is set; returns its
 * height. */
static double
closing_line(struct pdf *p, const char *text, unsigned style, double size,
	     double x, double w, double y, bool draw, enum rp_align align)
{
	PangoLayout *l = pdf_text(p, text, style, size, w, align);
	if (draw)
		pdf_draw(p, l, x, y);
	double h = pdf_layout_height(l);
	g_object_unref(l);
	return h;
}

/* Signature (right): authority and title bold upper, the italic note,
 * room for signature and seal, the signer's name bold. Returns its
 * height; *title_y gets the title line's offset (Nơi nhận aligns there). */
static double
signature(struct pdf *p, const struct rp_signature *sig, double y, bool draw,
	  double *title_y)
{
	double tw = p->x1 - p->x0, x = p->x0 + tw * CLOSING_LEFT;
	double w = tw - tw * CLOSING_LEFT, h = 0;
	*title_y = 0;
	if (sig->authority && *sig->authority) {
		char *s = upper(sig->authority);
		h += closing_line(p, s, RP_BOLD, RP_SIZE_BODY, x, w, y + h,
				  draw, RP_CENTER);
		*title_y = h;
		g_free(s);
	}
	char *s = upper(sig->title);
	h += closing_line(p, s, RP_BOLD, RP_SIZE_BODY, x, w, y + h, draw,
			  RP_CENTER);
	g_free(s);
	if (sig->note && *sig->note)
		h += closing_line(p, sig->note, RP_ITALIC, RP_SIZE_BODY, x, w,
				  y + h, draw, RP_CENTER);
	h += SIGN_ROOM;
	const char *name = sig->name && *sig->name ? sig->name : RP_BLANK;
	h += closing_line(p, name, RP_BOLD, RP_SIZE_BODY, x, w, y + h, draw,
			  RP_CENTER);
	return h;
}

/* Nơi nhận (left): the label italic bold 12, the list 11. */
static double
noi_nhan(struct pdf *p, const struct rp_doc *d, double y, bool draw)
{
	double w = (p->x1 - p->x0) * CLOSING_LEFT - 6, h = 0;
	if (d->nrecipients == 0)
		return 0;
	h += closing_line(p, "Nơi nhận:", RP_BOLD | RP_ITALIC,
			  RP_SIZE_RECIPIENTS_LABEL, p->x0, w, y, draw, RP_LEFT);
	for (size_t i = 0; i < d->nrecipients; i++)
		h += closing_line(p, d->recipients[i], 0, RP_SIZE_RECIPIENTS,
				  p->x0, w, y + h, draw, RP_LEFT);
	return h;
}

/* Height of the closing block, with the space above it. */
static double
closing_height(struct pdf *p, const struct rp_doc *d)
{
	double ty;
	double sh = signature(p, d->sig, 0, false, &ty);
	double nh = noi_nhan(p, d, 0, false) + ty;
	return (sh > nh ? sh : nh) + 12;
}

/* The closing block is kept on one page when it fits on one. */
static void
closing(struct pdf *p, const struct rp_doc *d)
{
	double ty;
	double h = closing_height(p, d);
	pdf_need(p, h);
	double y = p->y + (p->at_top ? 0 : 12);
	signature(p, d->sig, y, true, &ty);
	noi_nhan(p, d, y + ty, true);
	p->y = y + h - 12;
	p->at_top = false;
}

static void
appendix(struct pdf *p, const struct rp_section *s)
{
	pdf_section_page(p, s->landscape);
	if (s->heading)
		pdf_centred(p, s->heading, RP_BOLD, SIZE_TITLE);
	if (s->title) {
		char *t = upper(s->title);
		pdf_centred(p, t, RP_BOLD, SIZE_TITLE);
		g_free(t);
	}
	if (s->subtitle)
		pdf_centred(p, s->subtitle, RP_ITALIC, SIZE_TITLE);
	if (s->heading || s->title || s->subtitle)
		p->y += 12;
	blocks(p, s, 0);
}

static void
render(struct pdf *p)
{
	const struct rp_doc *d = p->doc;
	pdf_section_page(p, d->sections[0]->landscape);
	if (d->header)
		header(p, d->header);
	if (d->kind || d->nsubject)
		title(p, d);
	kinh_gui(p, d);
	blocks(p, d->sections[0], d->sig ? closing_height(p, d) : 0);
	if (d->sig)
		closing(p, d);
	for (size_t i = 1; i < d->nsections; i++)
		appendix(p, d->sections[i]);
}

/* A fixed creation date keeps the file reproducible: the document's own
 * date when it has one, else a constant. */
static void
metadata(struct pdf *p)
{
	const struct rp_doc *d = p->doc;
	const struct rp_header *h = d->header;
	char date[80] = "2000-01-01T00:00:00Z";
	if (h && h->year > 0 && h->month > 0 && h->day > 0)
		snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00+07:00",
			 h->year, h->month, h->day);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATE_DATE,
				       date);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_MOD_DATE,
				       date);
	if (d->title)
		cairo_pdf_surface_set_metadata(
			p->surf, CAIRO_PDF_METADATA_TITLE, d->title);
	if (d->author)
		cairo_pdf_surface_set_metadata(
			p->surf, CAIRO_PDF_METADATA_AUTHOR, d->author);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR,
				       "truongso");
}

/* Unhinted metrics at 72 dpi: text is measured in the same points the
 * PDF is drawn in, so widths do not depend on a screen's hinting. */
static void
text_setup(struct pdf *p)
{
	p->fm = rp_fontmap_new();
	p->pc = pango_font_map_create_context(p->fm);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(p->pc, 72);
	pango_cairo_update_context(p->cr, p->pc);
}

/* Renders into the file at tmp; TS_OK or why not. */
static enum ts_err
render_file(const struct rp_doc *d, const char *tmp)
{
	struct pdf p = { .doc = d };
	pdf_deflate_fast(true);
	p.surf = cairo_pdf_surface_create(tmp, RP_PAGE_W_MM * PDF_MM,
					  RP_PAGE_H_MM * PDF_MM);
	if (cairo_surface_status(p.surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(p.surf);
		pdf_deflate_fast(false);
		return TS_EIO;
	}
	metadata(&p);
	p.cr = cairo_create(p.surf);
	text_setup(&p);
	pdf_keep_open();
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	render(&p);
	cairo_status_t st = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(p.surf);
	cairo_surface_destroy(p.surf);
	pdf_deflate_fast(false);
	pdf_keep_close();
	g_object_unref(p.pc);
	rp_fontmap_release(p.fm);
	if (p.oom || st == CAIRO_STATUS_NO_MEMORY)
		return TS_ENOMEM;
	if (p.cancelled)
		return TS_ECANCELED;
	return st == CAIRO_STATUS_SUCCESS ? TS_OK : TS_EIO;
}

enum ts_err
rp_write_pdf(const struct rp_doc *d, const char *path, char *err, size_t errlen)
{
	if (d->oom) {
		rp_errf(err, errlen, "không đủ bộ nhớ để tạo báo cáo");
		return TS_ENOMEM;
	}
	struct rp_out o;
	enum ts_err e = rp_out_begin(&o, path, err, errlen);
	if (e)
		return e;
	e = render_file(d, o.tmp);
	if (e) {
		if (e == TS_ENOMEM)
			rp_errf(err, errlen, "không đủ bộ nhớ để tạo báo cáo");
		else if (e == TS_ECANCELED)
			rp_errf(err, errlen,
				"đã dừng vì không còn ai chờ "
				"tệp này");
		else
			rp_errf(err, errlen, "không ghi được tệp %s", path);
		rp_out_abort(&o);
		return e;
	}
	return rp_out_commit(&o, err, errlen);
}
