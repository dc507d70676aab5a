/* Paragraphs and runs of word/document.xml. Element order inside w:pPr and
 * w:rPr follows the schema sequence: Word rejects a file whose properties
 * come in another order, even though LibreOffice accepts it. */
#include "docx.h"

#include <string.h>

static const char *const jc_names[] = {
	[RP_LEFT] = "left",
	[RP_CENTER] = "center",
	[RP_RIGHT] = "right",
	[RP_JUSTIFY] = "both",
};

static void
run_props(struct buf *b, unsigned style, int size, bool caps)
{
	if (!style && !size && !caps)
		return;
	buf_puts(b, "<w:rPr>");
	if (style & RP_BOLD)
		buf_puts(b, "<w:b/><w:bCs/>");
	if (style & RP_ITALIC)
		buf_puts(b, "<w:i/><w:iCs/>");
	if (caps)
		buf_puts(b, "<w:caps/>");
	if (size > 0)
		buf_printf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
			   size * 2, size * 2);
	if (style & RP_UNDERLINE)
		buf_puts(b, "<w:u w:val=\"single\"/>");
	buf_puts(b, "</w:rPr>");
}

/* n bytes of text as w:t, a hyphen inside a word as w:noBreakHyphen:
 * Writer and Word break a line after a hyphen ("2025-" / "2026"), never
 * after a non-breaking one, which reads and prints as "-". */
static void
text_chunk(struct buf *b, const char *s, size_t n)
{
	size_t from = 0;
	for (size_t i = 0; i <= n; i++) {
		bool hy = i < n && rp_inner_hyphen(s, i, n);
		if (!hy && i < n)
			continue;
		if (i > from) {
			buf_puts(b, "<w:t xml:space=\"preserve\">");
			dx_esc_n(b, s + from, i - from);
			buf_puts(b, "</w:t>");
		}
		if (hy)
			buf_puts(b, "<w:noBreakHyphen/>");
		from = i + 1;
	}
}

/* Text of one run: '\n' becomes a line break and '\t' a tab, because
 * Word shows neither when they sit inside w:t. */
static void
run_text(struct buf *b, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "\n\r\t");
		text_chunk(b, s, n);
		s += n;
		if (*s == '\n')
			buf_puts(b, "<w:br/>");
		else if (*s == '\t')
			buf_puts(b, "<w:tab/>");
		if (*s)
			s++; /* '\r' is dropped: "\r\n" is one break */
	}
}

void
dx_run(struct buf *b, const char *text, unsigned style, int size, bool caps)
{
	if (!text || !*text)
		return;
	buf_puts(b, "<w:r>");
	run_props(b, style, size, caps);
	run_text(b, text);
	buf_puts(b, "</w:r>");
}

static void
para_spacing(struct buf *b, int before_pt, int after_pt)
{
	if (before_pt <= 0 && after_pt <= 0)
		return;
	buf_printf(b, "<w:spacing w:before=\"%d\" w:after=\"%d\"/>",
		   before_pt * 20, after_pt * 20);
}

static void
para_indent(struct buf *b, int left, int right, int first)
{
	if (!left && !right && !first)
		return;
	buf_printf(b, "<w:ind w:left=\"%d\" w:right=\"%d\"", left, right);
	if (first > 0)
		buf_printf(b, " w:firstLine=\"%d\"", first);
	buf_puts(b, "/>");
}

static void
para_props(struct buf *b, const struct rp_para *p, const struct dx_pfmt *f,
	   int size, bool keep)
{
	buf_puts(b, "<w:pPr>");
	if (f->style)
		buf_printf(b, "<w:pStyle w:val=\"%s\"/>", f->style);
	if (p->keep_with_next || keep)
		buf_puts(b, "<w:keepNext/>");
	para_spacing(
		b, p->space_before_pt ? p->space_before_pt : f->space_before_pt,
		p->space_after_pt ? p->space_after_pt : f->space_after_pt);
	para_indent(b, DX_MM(p->indent_left_mm), 0, DX_MM(p->indent_first_mm));
	buf_printf(b, "<w:jc w:val=\"%s\"/>", jc_names[p->align]);
	/* The paragraph mark's size sets the height of an empty line. */
	run_props(b, 0, size, false);
	buf_puts(b, "</w:pPr>");
}

void
dx_para(struct dx_ctx *x, const struct rp_para *p, const struct dx_pfmt *f)
{
	int size = p->size ? p->size : f->size;
	buf_puts(x->out, "<w:p>");
	para_props(x->out, p, f, size, x->keep);
	for (size_t i = 0; i < p->nruns; i++)
		dx_run(x->out, p->runs[i].text, p->runs[i].style | f->style_or,
		       size, f->caps);
	buf_puts(x->out, "</w:p>");
}

void
dx_line(struct dx_ctx *x, enum rp_align align, unsigned style, int size,
	const char *text)
{
	struct dx_pfmt f = { .size = size };
	dx_text(x, align, style, text, &f);
}

void
dx_text(struct dx_ctx *x, enum rp_align align, unsigned style, const char *text,
	const struct dx_pfmt *f)
{
	struct rp_run run = { .text = text ? text : "", .style = style };
	struct rp_para p = { .runs = &run, .nruns = 1, .align = align };
	dx_para(x, &p, f);
}

void
dx_rule(struct dx_ctx *x, int width, int len, int after_pt)
{
	int ind = (width - len) / 2;
	if (ind < 0)
		ind = 0;
	/* An exact 3 pt line keeps the rule just under the text above. */
	buf_printf(x->out,
		   "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" "
		   "w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
		   "<w:spacing w:before=\"0\" w:after=\"%d\" w:line=\"60\" "
		   "w:lineRule=\"exact\"/>",
		   after_pt * 20);
	para_indent(x->out, ind, ind, 0);
	buf_puts(x->out, "<w:jc w:val=\"center\"/><w:rPr><w:sz w:val=\"4\"/>"
			 "<w:szCs w:val=\"4\"/></w:rPr></w:pPr></w:p>");
}

int
dx_rule_len(size_t nchars, int size, int width)
{
	/* Times New Roman averages about 0.6 em per character in the bold,
	 * mostly upper-case lines that get a rule. */
	long line = (long)nchars * size * 20 * 6 / 10;
	if (line > width)
		line = width;
	long len = line * 2 / 5;
	return len < DX_MM(15) ? DX_MM(15) : (int)len;
}
