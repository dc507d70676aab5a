/* One section as one worksheet: page setup, the NĐ 30 header (section 0),
 * appendix headings, paragraphs as merged wrapped rows, tables and charts
 * (xlsx_table.c), then Nơi nhận beside the signature (section 0). */
#include "xlsx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* Excel character units across the printable width: A4 minus the NĐ 30
 * margins is 165 mm portrait, 252 mm landscape; about 1.9 mm per unit at
 * 100 %. Fit-to-width printing absorbs the rest. */
#define CHARS_PORTRAIT	88.0
#define CHARS_LANDSCAPE 133.0
#define MM_TO_INCH(mm)	((mm) / 25.4)

void
xlsx_row_height(struct xs *sh, const char *text, double cols, int size)
{
	xlsx_set_height(
		sh,
		xlsx_lines_pt(xlsx_text_lines(text, cols, size, true), size));
}

void
xlsx_set_height(struct xs *sh, double h)
{
	xlsx_set_row_pt(sh, sh->row, h);
	sh->set_pt += h;
	sh->nset++;
}

double
xlsx_top_pt(const struct xs *sh, lxw_row_t row)
{
	return sh->set_pt + (double)(row - sh->nset) * 15;
}

/* Width in character units of the sheet's columns [c0, c1]. */
static double
span_cols(const struct xs *sh, lxw_col_t c0, lxw_col_t c1)
{
	double w = 0;
	for (lxw_col_t c = c0; c <= c1; c++)
		w += c < sh->ncols && sh->colw ? sh->colw[c] : 8.43;
	return w;
}

/* Writes text, its joiners put in already, over [c0, c1] of row r. */
static void
span_write(struct xs *sh, lxw_row_t r, lxw_col_t c0, lxw_col_t c1,
	   const char *text, lxw_format *f)
{
	if (sh->w->err)
		return;
	if (c1 > c0 && !sh->w->constant)
		xlsx_check(sh->w, worksheet_merge_range(sh->ws, r, c0, r, c1,
							text, f));
	else
		xlsx_check(sh->w,
			   worksheet_write_string(sh->ws, r, c0, text, f));
}

void
xlsx_span_text(struct xs *sh, lxw_col_t c0, lxw_col_t c1, const char *text,
	       const struct xlsx_fmtkey *k)
{
	struct xlsx_wrap wr = { .cols = span_cols(sh, c0, c1),
				.size = k->size,
				.bold = (k->style & RP_BOLD) != 0 };
	text = xlsx_nobreak(sh->w, text, &wr);
	span_write(sh, sh->row, c0, c1, text, xlsx_fmt(sh->w, k));
}

void
xlsx_span_at(struct xs *sh, lxw_row_t r, lxw_col_t c0, lxw_col_t c1,
	     const char *text, lxw_format *f)
{
	struct xlsx_wrap wr = { .cols = span_cols(sh, c0, c1),
				.size = f && f->font_size > 0
						? (int)f->font_size
						: RP_SIZE_TABLE,
				.bold = f && f->bold };
	span_write(sh, r, c0, c1, xlsx_nobreak(sh->w, text, &wr), f);
}

/* A full-width line of text: merged, wrapped, its height estimated
 * (Excel never grows a merged row by itself). */
static void
line_row(struct xs *sh, const char *text, unsigned style, enum rp_align al,
	 int size)
{
	struct xlsx_fmtkey k = { .num = XN_TEXT,
				 .style = style,
				 .align = al,
				 .size = size,
				 .wrap = true };
	xlsx_row_height(sh, text, sh->chars, size);
	xlsx_span_text(sh, 0, sh->ncols - 1, text, &k);
	sh->row++;
}

/* The left half [0, split) and right half [split, ncols) of two-column
 * blocks (NĐ 30 header, Nơi nhận and signature): set by columns(). */
static lxw_col_t
split_col(const struct xs *sh)
{
	return sh->split ? sh->split : 1;
}

/* One half of a two-column row: its text (NULL: empty), style,
 * alignment and size. */
struct half {
	const char *text;
	unsigned style;
	enum rp_align al;
	int size;
};

/* A half's height in pt: its text wrapped in w units (one line if none). */
static double
half_pt(const struct half *x, double w)
{
	bool t = x->text && *x->text;
	return xlsx_lines_pt(t ? xlsx_text_lines(x->text, w, x->size, true) : 1,
			     x->size);
}

/* The row's height. Either half may wrap ("SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH
 * PHỐ HẢI PHÒNG" in half the width): the taller one sets the row, at
 * least 1.5 em. tight: a row of the header's one-line rows
 * (header_rows), as tall as the line's spacing inside a two-line cell
 * (1.25 em, no padding), so the block is no taller than when a name took
 * two lines in one cell. */
static double
pair_pt(const struct xs *sh, const struct half *l, const struct half *r,
	bool tight)
{
	int size = l->size > r->size ? l->size : r->size;
	if (tight)
		return size * 1.25 + 1;
	lxw_col_t s = split_col(sh);
	double lw = 0, rw = 0;
	for (lxw_col_t c = 0; c < sh->ncols; c++)
		*(c < s ? &lw : &rw) += sh->colw[c];
	double lh = half_pt(l, lw), rh = half_pt(r, rw);
	double h = lh > rh ? lh : rh;
	return h > size * 1.5 ? h : size * 1.5;
}

static void
pair_row_as(struct xs *sh, struct half l, struct half r, bool tight)
{
	lxw_col_t s = split_col(sh);
	struct xlsx_fmtkey k = { .num = XN_TEXT, .wrap = true };
	xlsx_set_height(sh, pair_pt(sh, &l, &r, tight));
	if (l.text && *l.text) {
		k.style = l.style;
		k.align = l.al;
		k.size = l.size;
		xlsx_span_text(sh, 0, s - 1, l.text, &k);
	}
	if (r.text && *r.text && s < sh->ncols) {
		k.style = r.style;
		k.align = RP_CENTER;
		k.size = r.size;
		xlsx_span_text(sh, s, sh->ncols - 1, r.text, &k);
	}
	sh->row++;
}

static void
pair_row(struct xs *sh, struct half l, struct half r)
{
	pair_row_as(sh, l, r, false);
}

/* Upper-case letters are about 1.3 times as wide as the average letter
 * xlsx_text_lines counts with. */
#define XLSX_CAPS_WIDTH	   1.3
#define XLSX_HEAD_NAME_MAX 512
#define XLSX_QUOC_HIEU	   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"

/* A header name that would wrap in the left half, with a line break
 * before the unit's own name (rp_name_start): Calc wrapped "PHÒNG GIÁO
 * DỤC VÀ ĐÀO TẠO QUẬN DƯƠNG / KINH" inside the name. The result is name
 * itself, or out. */
static const char *
header_name(const struct xs *sh, const char *name, int brk, bool bold,
	    char *out)
{
	double lw = 0;
	for (lxw_col_t c = 0; c < split_col(sh); c++)
		lw += sh->colw[c];
	if (name == NULL || brk <= 0 ||
	    xlsx_text_lines(name, lw / XLSX_CAPS_WIDTH, RP_SIZE_HEADER, bold) <
		    2)
		return name;
	char head[XLSX_HEAD_NAME_MAX], tail[XLSX_HEAD_NAME_MAX];
	rp_name_split(name, brk, head, tail, sizeof head);
	if (!*head || !*tail)
		return name;
	snprintf(out, 2 * XLSX_HEAD_NAME_MAX, "%s\n%s", head, tail);
	return out;
}

/* Excel's geometry, which Calc's wider units only exceed: a column
 * unit is 7 px (5.25 pt) plus 5 px of padding per column, less about
 * 3 pt of cell margins; a Times capital is about 0.6 em ("PHÒNG GIÁO DỤC
 * VÀ ĐÀO TẠO" is 197 pt in Liberation Serif Bold 13 pt). */
#define XLSX_EXCEL_UNIT_PT 5.25
#define XLSX_EXCEL_PAD_PT  3.75
#define XLSX_CAP_EM	   0.6
#define XLSX_HEAD_SPARE	   1.05

static double
excel_room(const struct xs *sh, lxw_col_t c0, lxw_col_t c1)
{
	double pt = -3;
	for (lxw_col_t c = c0; c < c1; c++)
		pt += sh->colw[c] * XLSX_EXCEL_UNIT_PT + XLSX_EXCEL_PAD_PT;
	return pt;
}

/* Whether every line of text, in capitals at size pt, fits room pt
 * with 5 % to spare. */
static bool
caps_fit(const char *text, double room, int size)
{
	size_t n = 0;
	for (const char *p = text ? text : "";; p++) {
		if (*p == '\n' || *p == '\0') {
			if ((double)n * XLSX_CAP_EM * size * XLSX_HEAD_SPARE >
			    room)
				return false;
			if (*p == '\0')
				return true;
			n = 0;
		} else if ((*p & 0xC0) != 0x80)
			n++;
	}
}

/* A header half's size: 13 pt when each of its lines fits its half in
 * Excel with room to spare, else 12 (NĐ 30: 12-13 pt for the cơ quan
 * lines and the Quốc hiệu alike, each on its own): at 14 pt the Phòng's
 * name fitted only tightly. */
static int
half_size(const struct xs *sh, bool left, const char *a, const char *b)
{
	lxw_col_t s = split_col(sh);
	double room = left ? excel_room(sh, 0, s)
			   : excel_room(sh, s, sh->ncols);
	return caps_fit(a, room, RP_SIZE_HEADER) &&
			       caps_fit(b, room, RP_SIZE_HEADER)
		       ? RP_SIZE_HEADER
		       : 12;
}

/* The header's top rows, one line of the left half per row (the cơ quan
 * chủ quản's and the unit's lines, each split in two by header_name at
 * most), beside the Quốc hiệu and then the Tiêu ngữ, so the Tiêu ngữ
 * sits right under the Quốc hiệu: beside a two-line cơ quan chủ quản in
 * one cell, Calc printed a blank line between them. */
static void
header_rows(struct xs *sh, const char *const left[2], const unsigned lstyle[2],
	    int size)
{
	const char *right[2] = { XLSX_QUOC_HIEU,
				 "Độc lập - Tự do - Hạnh phúc" };
	int rsize[2] = { half_size(sh, false, XLSX_QUOC_HIEU, NULL),
			 RP_SIZE_MOTTO };
	char cut[2][2 * XLSX_HEAD_NAME_MAX];
	const char *line[4];
	unsigned style[4];
	size_t n = 0;
	for (size_t i = 0; i < 2; i++) {
		if (left[i] == NULL)
			continue;
		const char *nl = strchr(left[i], '\n');
		style[n] = lstyle[i];
		line[n++] = left[i];
		if (nl == NULL)
			continue;
		snprintf(cut[i], sizeof cut[i], "%.*s", (int)(nl - left[i]),
			 left[i]);
		line[n - 1] = cut[i];
		style[n] = lstyle[i];
		line[n++] = nl + 1;
	}
	for (size_t i = 0; i < n || i < 2; i++)
		pair_row_as(sh,
			    (struct half){ i < n ? line[i] : NULL,
					   i < n ? style[i] : 0, RP_CENTER,
					   size },
			    (struct half){ i < 2 ? right[i] : NULL, RP_BOLD,
					   RP_CENTER, i < 2 ? rsize[i] : size },
			    true);
}

static void
nd30_header(struct xs *sh)
{
	const struct rp_doc *d = sh->w->d;
	const struct rp_header *h = d->header;
	char pbuf[2 * XLSX_HEAD_NAME_MAX], obuf[2 * XLSX_HEAD_NAME_MAX];
	const char *org = header_name(sh, h->org, h->org_break, true, obuf);
	const char *left[2] = { header_name(sh, h->parent_org, h->parent_break,
					    false, pbuf),
				org };
	unsigned lstyle[2] = { 0, RP_BOLD };
	if (!h->parent_org || !*h->parent_org) {
		left[0] = org;
		lstyle[0] = RP_BOLD;
		left[1] = NULL;
	}
	int size = half_size(sh, true, left[0], left[1]);
	header_rows(sh, left, lstyle, size);
	sh->row++;
	struct buf num, date;
	buf_init(&num, 1024);
	buf_init(&date, 1024);
	rp_number_line(h, &num);
	rp_date_line(h, &date);
	pair_row(sh,
		 (struct half){ buf_str(&num), 0, RP_CENTER, RP_SIZE_HEADER },
		 (struct half){ buf_str(&date), RP_ITALIC, RP_CENTER,
				RP_SIZE_HEADER });
	if (h->vv && *h->vv) /* a công văn's trích yếu (NĐ 30, ô 5b) */
		pair_row(sh, (struct half){ h->vv, 0, RP_CENTER, 12 },
			 (struct half){ NULL, 0, RP_CENTER, 12 });
	buf_release(&num);
	buf_release(&date);
	sh->row++;
}

static void
doc_title(struct xs *sh)
{
	const struct rp_doc *d = sh->w->d;
	if (d->header)
		nd30_header(sh);
	if (d->stamp)
		line_row(sh, d->stamp, RP_BOLD, RP_CENTER, RP_SIZE_MOTTO);
	if (d->kind)
		line_row(sh, d->kind, RP_BOLD, RP_CENTER, RP_SIZE_MOTTO);
	for (size_t i = 0; i < d->nsubject; i++)
		line_row(sh, d->subject[i], RP_BOLD, RP_CENTER, RP_SIZE_MOTTO);
	for (size_t i = 0; i < d->nto; i++) {
		/* The first line carries the label; later ones line up. */
		struct buf *b = &sh->w->tmp;
		buf_reset(b);
		buf_printf(b, "%s%s",
			   i ? "" : "Kính gửi: ", d->recipients_to[i]);
		line_row(sh, buf_str(b), 0, RP_CENTER, RP_SIZE_BODY);
	}
	if (d->header || d->stamp || d->kind || d->nsubject || d->nto)
		sh->row++;
}

static void
appendix_title(struct xs *sh)
{
	const struct rp_section *s = sh->sec;
	if (s->heading)
		line_row(sh, s->heading, RP_BOLD, RP_CENTER, RP_SIZE_MOTTO);
	if (s->title)
		line_row(sh, s->title, RP_BOLD, RP_CENTER, RP_SIZE_BODY);
	if (s->subtitle)
		line_row(sh, s->subtitle, RP_ITALIC, RP_CENTER, RP_SIZE_BODY);
	if (s->heading || s->title || s->subtitle)
		sh->row++;
}

/* Nơi nhận (left) beside the signature block (right), as NĐ 30 lays them
 * out: rows pair up until the longer column ends. */
/* The signature block's lines (at most 7) and their styles; how many. */
static size_t
signature_lines(const struct rp_signature *g, const char *right[8],
		unsigned rstyle[8])
{
	size_t nr = 0;
	if (g->authority) {
		rstyle[nr] = RP_BOLD;
		right[nr++] = g->authority;
	}
	rstyle[nr] = RP_BOLD;
	right[nr++] = g->title ? g->title : "";
	if (g->note) {
		rstyle[nr] = RP_ITALIC;
		right[nr++] = g->note;
	}
	for (int i = 0; i < 3; i++) {
		rstyle[nr] = 0;
		right[nr++] = ""; /* room to sign */
	}
	rstyle[nr] = RP_BOLD;
	right[nr++] = g->name && *g->name ? g->name : RP_BLANK;
	return nr;
}

static void
signature(struct xs *sh)
{
	const struct rp_doc *d = sh->w->d;
	const char *right[8];
	unsigned rstyle[8];
	size_t nr = signature_lines(d->sig, right, rstyle);
	size_t nl = d->nrecipients ? d->nrecipients + 1 : 0;
	lxw_row_t body_end = sh->row;
	sh->row++;
	for (size_t i = 0; i < (nl > nr ? nl : nr); i++) {
		const char *l = NULL;
		unsigned ls = 0;
		if (i == 0 && nl) {
			l = "Nơi nhận:";
			ls = RP_BOLD | RP_ITALIC;
		} else if (i < nl)
			l = d->recipients[i - 1];
		/* The signer's lines keep their size beside the list. */
		pair_row(sh,
			 (struct half){ l, ls, RP_LEFT,
					i < nl && i ? RP_SIZE_RECIPIENTS
						    : RP_SIZE_HEADER },
			 (struct half){ i < nr ? right[i] : NULL,
					i < nr ? rstyle[i] : 0, RP_CENTER,
					RP_SIZE_HEADER });
	}
	xlsx_keep_closing(sh, body_end, sh->row);
}

#define RICH_MAX 32

/* Runs of more than one style, and few enough for rich_para(); a longer
 * mix is written plain rather than cut. */
static bool
mixed_runs(const struct rp_para *p)
{
	bool mixed = false;
	size_t n = 0;
	for (size_t i = 0; i < p->nruns; i++) {
		n += p->runs[i].text[0] != '\0';
		if (p->runs[i].style != p->runs[0].style)
			mixed = true;
	}
	return mixed && n <= RICH_MAX;
}

/* A paragraph whose runs differ in style becomes a rich string over the
 * merged row. libxlsxwriter wants non-const fragments and refuses empty
 * ones: the runs are copied, NUL-separated, into w->tmp first. */
static void
rich_para(struct xs *sh, const struct rp_para *p, unsigned extra, int size,
	  const struct xlsx_fmtkey *cell, const char *all)
{
	struct xw *w = sh->w;
	lxw_rich_string_tuple tup[RICH_MAX], *ptr[RICH_MAX + 1];
	size_t n = 0, off[RICH_MAX], at = 0;
	struct xlsx_wrap wr = { .cols = sh->chars, .size = size, .bold = true };
	buf_reset(&w->tmp);
	for (size_t i = 0; i < p->nruns && n < RICH_MAX; i++) {
		size_t len = strlen(p->runs[i].text);
		at += len;
		if (len == 0)
			continue;
		struct xlsx_fmtkey k = { .num = XN_TEXT,
					 .size = size,
					 .style = p->runs[i].style | extra };
		tup[n].format = xlsx_fmt(w, &k);
		off[n++] = w->tmp.len;
		const char *t = xlsx_nobreak_part(w, all, at - len, at, &wr);
		buf_put(&w->tmp, t, strlen(t) + 1);
	}
	if (w->tmp.err || w->err)
		return;
	for (size_t i = 0; i < n; i++) {
		tup[i].string = w->tmp.p + off[i];
		ptr[i] = &tup[i];
	}
	ptr[n] = NULL;
	xlsx_check(w, worksheet_write_rich_string(sh->ws, sh->row, 0, ptr,
						  xlsx_fmt(w, cell)));
}

static void
para_row(struct xs *sh, const struct rp_para *p, unsigned extra)
{
	int size = p->size ? p->size : RP_SIZE_BODY;
	struct buf text;
	buf_init(&text, BUF_DEFAULT_LIMIT);
	for (size_t i = 0; i < p->nruns; i++)
		buf_puts(&text, p->runs[i].text);
	unsigned style = (p->nruns ? p->runs[0].style : 0) | extra;
	bool rich = mixed_runs(p) && !sh->w->constant;
	line_row(sh, buf_str(&text), rich ? extra : style, p->align, size);
	if (text.err)
		xlsx_check(sh->w, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED);
	if (rich) {
		struct xlsx_fmtkey cell = { .num = XN_TEXT,
					    .style = extra,
					    .align = p->align,
					    .size = size,
					    .wrap = true };
		sh->row--;
		rich_para(sh, p, extra, size, &cell, buf_str(&text));
		sh->row++;
	}
	buf_release(&text);
}

/* Layout width: the widest table sets the columns (and their widths);
 * text and header rows merge across all of them. */
static const struct rp_table *
widest_table(const struct rp_section *s)
{
	const struct rp_table *best = NULL;
	for (size_t b = 0; b < s->nblocks; b++)
		if (s->blocks[b].kind == RP_B_TABLE &&
		    (!best || s->blocks[b].table->ncols > best->ncols))
			best = s->blocks[b].table;
	return best;
}

/* minw[c]: the widest number of table t's column c, in character units
 * with a little room ("83.33%" is 6 characters, 7 in bold). */
static void
number_minimums(const struct rp_table *t, size_t ncols, double *minw)
{
	char num[RP_VALUE_SIZE];
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols && c < ncols; c++) {
			const struct rp_cell *cell = &t->rows[r][c];
			if (cell->covered || cell->colspan > 1 ||
			    cell->kind == RP_V_TEXT)
				continue;
			double w = (double)strlen(rp_value_format(cell, num)) *
					   (cell->style & RP_BOLD ? 1.1 : 1) +
				   2;
			minw[c] = w > minw[c] ? w : minw[c];
		}
}

/* minw[c] grows to the widest short hyphenated word of table t's text
 * cells in column c ("2022-2023", "GDNN-GDTX"): Calc breaks such a word
 * at its hyphen when the column is narrower, and XLSX has no
 * non-breaking hyphen Liberation Serif can show (the DOCX writer's
 * w:noBreakHyphen covers the same words, at most 12 bytes). A short
 * word with a digit is a code ("31DK018"): Calc broke it between two
 * characters ("31DK01/8") in the listings' Mã đơn vị column. */
#define XLSX_HYPHEN_WORD_MAX 12

static bool
short_hyphenated(const char *w, size_t n)
{
	return n > 2 && n <= XLSX_HYPHEN_WORD_MAX &&
	       ((memchr(w, '-', n) && w[0] != '-' && w[n - 1] != '-') ||
		strcspn(w, "0123456789") < n);
}

static double
hyphen_word_width(const char *text, unsigned style)
{
	double best = 0, k = style & RP_BOLD ? 1.1 : 1;
	const char *p = text;
	while (*p) {
		size_t skip = strspn(p, " \n");
		const char *w = p + skip;
		size_t n = strcspn(w, " \n");
		double x = short_hyphenated(w, n) ? (double)n * k + 2 : 0;
		best = x > best ? x : best;
		p = w + n;
	}
	return best;
}

static double
cell_hyphen_width(const struct rp_cell *cell)
{
	double best = 0;
	for (size_t k = 0; k < cell->nparas; k++) {
		const struct rp_para *para = cell->paras[k];
		for (size_t i = 0; i < para->nruns; i++) {
			double w = hyphen_word_width(
				para->runs[i].text,
				cell->style | para->runs[i].style);
			best = w > best ? w : best;
		}
	}
	return best;
}

static void
hyphen_minimums(const struct rp_table *t, size_t ncols, double *minw)
{
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols && c < ncols; c++) {
			const struct rp_cell *cell = &t->rows[r][c];
			if (cell->covered || cell->colspan > 1 ||
			    cell->kind != RP_V_TEXT)
				continue;
			double w = cell_hyphen_width(cell);
			minw[c] = w > minw[c] ? w : minw[c];
		}
}

/* The sheet's columns: the widest table's shares of the printable width,
 * but no column narrower than a number any table of the sheet puts in
 * it (rp_fit_widths): a smaller table shares the widest one's columns,
 * and Calc showed the quy mô rates "83,33%" as "###" in an SL column of
 * the Xếp loại table. */
/* The NĐ 30 header's left half holds "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" (25
 * capitals, 197 pt in Liberation Serif Bold 13 pt, 182 pt at 12) on one
 * line once the name is broken before the unit's own name; a table whose
 * first columns are narrow (STT, a code) would squeeze it. 36 units hold
 * it at 12 pt in Excel with room to spare (half_size: 13 pt when wider). The right half holds "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
 * NAM" (263 pt in Liberation Serif Bold 13 pt; 50 units of 5.25 pt in
 * Excel, fewer in Calc without Carlito, xlsx_rows.c): Phụ lục 2's grid put
 * only 35 units there and Calc wrapped "VIỆT / NAM". Either half gives the
 * other its slack above each column's minimum, the left one only down to
 * its own minimum. */
#define XLSX_HEAD_LEFT_MIN   36.0
#define XLSX_HEAD_RIGHT_MIN  50.0
/* The PDF's header columns: 42 % of the text width on the left. */
#define XLSX_HEAD_LEFT_SHARE 0.42

/* The column boundary nearest the PDF's left share of the width. */
static lxw_col_t
choose_split(const struct xs *sh)
{
	double total = 0, x = 0, best = -1;
	lxw_col_t s = 1;
	for (lxw_col_t c = 0; c < sh->ncols; c++)
		total += sh->colw[c];
	for (lxw_col_t c = 1; c < sh->ncols; c++) {
		x += sh->colw[c - 1];
		double d = fabs(x - total * XLSX_HEAD_LEFT_SHARE);
		if (x < XLSX_HEAD_LEFT_MIN + 2)
			d += total; /* a left half too narrow comes last */
		if (best < 0 || d < best) {
			best = d;
			s = c;
		}
	}
	return s;
}

/* Moves up to `want` units from the columns [a, b) (their room above
 * their minimum) to the columns [c, d) (in proportion to their widths). */
static void
shift_room(struct xs *sh, const double *minw, lxw_col_t a, lxw_col_t b,
	   lxw_col_t c, lxw_col_t d, double want)
{
	double slack = 0, to = 0;
	for (lxw_col_t i = a; i < b; i++) {
		double floor = minw[i] > 3 ? minw[i] : 3;
		slack += sh->colw[i] > floor ? sh->colw[i] - floor : 0;
	}
	for (lxw_col_t i = c; i < d; i++)
		to += sh->colw[i];
	double take = want < slack ? want : slack;
	if (take <= 0 || to <= 0)
		return;
	for (lxw_col_t i = a; i < b; i++) {
		double floor = minw[i] > 3 ? minw[i] : 3;
		if (sh->colw[i] > floor)
			sh->colw[i] -= take * (sh->colw[i] - floor) / slack;
	}
	for (lxw_col_t i = c; i < d; i++)
		sh->colw[i] += take * sh->colw[i] / to;
}

static void
header_room(struct xs *sh, const double *minw)
{
	lxw_col_t s = split_col(sh);
	double lw = 0, rw = 0;
	for (lxw_col_t c = 0; c < sh->ncols; c++)
		*(c < s ? &lw : &rw) += sh->colw[c];
	if (lw < XLSX_HEAD_LEFT_MIN)
		shift_room(sh, minw, s, sh->ncols, 0, s,
			   XLSX_HEAD_LEFT_MIN - lw);
	else if (rw < XLSX_HEAD_RIGHT_MIN) {
		/* Some room above the left minimum: the check counts it tight. */
		double spare = lw - XLSX_HEAD_LEFT_MIN - 2;
		double want = XLSX_HEAD_RIGHT_MIN - rw;
		shift_room(sh, minw, 0, s, s, sh->ncols,
			   want < spare ? want : spare);
	}
}

/* Widths of a sheet laid out on its widest table t: every table's
 * numbers fit, then the header's left half has its room. */
static void
fit_grid(struct xs *sh, const struct rp_table *t, double *minw)
{
	for (size_t b = 0; b < sh->sec->nblocks; b++) {
		const struct rp_table *u = sh->sec->blocks[b].table;
		/* A narrower table is spread over the columns (xlsx_table.c):
		 * its column c is not the sheet's. */
		if (sh->sec->blocks[b].kind != RP_B_TABLE ||
		    (u->ncols < sh->ncols && !sh->w->constant))
			continue;
		number_minimums(u, sh->ncols, minw);
		hyphen_minimums(u, sh->ncols, minw);
	}
	rp_fit_widths(t, minw, sh->chars, sh->colw);
}

static void
columns(struct xs *sh)
{
	const struct rp_table *t = widest_table(sh->sec);
	sh->chars = sh->sec->landscape ? CHARS_LANDSCAPE : CHARS_PORTRAIT;
	bool grid = t && t->ncols >= 2;
	sh->ncols = grid ? (lxw_col_t)t->ncols : 6;
	sh->colw = calloc(sh->ncols, sizeof(*sh->colw));
	double *minw = calloc(sh->ncols, sizeof(*minw));
	if (sh->colw == NULL || minw == NULL) {
		free(minw);
		xlsx_check(sh->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (lxw_col_t c = 0; c < sh->ncols; c++)
		sh->colw[c] = (double)sh->chars / sh->ncols;
	if (grid)
		fit_grid(sh, t, minw);
	sh->split = choose_split(sh);
	/* Only the first sheet prints the NĐ 30 header: an appendix's table
	 * keeps its own shares (the Thủ Dầu Một rubric's NỘI DUNG gave a
	 * third of its 53 % to header room no row of that sheet used). */
	if (sh->w->d->header && sh->sec == sh->w->d->sections[0])
		header_room(sh, minw);
	free(minw);
	for (lxw_col_t c = 0; c < sh->ncols; c++) {
		sh->colw[c] = sh->colw[c] < 3 ? 3 : sh->colw[c];
		xlsx_check(sh->w, worksheet_set_column(sh->ws, c, c,
						       sh->colw[c], NULL));
	}
}

static void
page_setup(struct xs *sh)
{
	lxw_worksheet *ws = sh->ws;
	worksheet_set_paper(ws, 9); /* A4 */
	if (sh->sec->landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, MM_TO_INCH(RP_MARGIN_LEFT_MM),
			      MM_TO_INCH(RP_MARGIN_RIGHT_MM),
			      MM_TO_INCH(RP_MARGIN_TOP_MM),
			      MM_TO_INCH(RP_MARGIN_BOTTOM_MM));
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	/* "Trang 2 / 5" centred in the bottom margin of every page. */
	xlsx_check(sh->w, worksheet_set_footer(ws, "&CTrang &P / &N"));
	double h_mm = (sh->sec->landscape ? RP_PAGE_W_MM : RP_PAGE_H_MM) -
		      RP_MARGIN_TOP_MM - RP_MARGIN_BOTTOM_MM;
	double w_mm = (sh->sec->landscape ? RP_PAGE_H_MM : RP_PAGE_W_MM) -
		      RP_MARGIN_LEFT_MM - RP_MARGIN_RIGHT_MM;
	sh->page_pt = h_mm * 72.0 / 25.4;
	sh->page_w_pt = w_mm * 72.0 / 25.4;
}

/* A manual break before the current row (report.h page_break_xlsx). */
static void
page_break(struct xs *sh)
{
	if (sh->row > 0 && sh->nbreaks < XLSX_MAX_BREAKS &&
	    (sh->nbreaks == 0 || sh->breaks[sh->nbreaks - 1] < sh->row))
		sh->breaks[sh->nbreaks++] = sh->row;
}

static void
block(struct xs *sh, const struct rp_block *b)
{
	if (b->para && b->para->page_break_xlsx)
		page_break(sh);
	switch (b->kind) {
	case RP_B_PARA: para_row(sh, b->para, 0); break;
	case RP_B_HEADING:
		para_row(sh, b->para,
			 b->level <= 2 ? RP_BOLD : RP_BOLD | RP_ITALIC);
		sh->prev_heading = sh->after_heading;
		sh->after_heading = sh->row;
		break;
	case RP_B_TABLE: xlsx_table(sh, b->table); break;
	case RP_B_CHART: xlsx_chart(sh, b->chart); break;
	}
}

/* A sheet that repeats its table's header rows on every printed page
 * (xlsx_table.c header_panes) would print them above its charts too:
 * the charts of such a sheet go to a sheet of their own. */
static bool
charts_apart(const struct xs *sh, const struct rp_block *b)
{
	return b->kind == RP_B_CHART && sh->ntitle;
}

static bool
sheet_open(struct xs *sh, struct xw *w, const struct rp_section *s,
	   const char *name)
{
	*sh = (struct xs){ .w = w, .sec = s, .name = name };
	sh->ws = workbook_add_worksheet(w->wb, name);
	if (!sh->ws) {
		/* Names are cleaned beforehand: only memory can fail here. */
		xlsx_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return false;
	}
	page_setup(sh);
	columns(sh);
	return !w->err;
}

static void
sheet_close(struct xs *sh)
{
	if (!sh->w->err)
		xlsx_page_breaks(sh);
	free(sh->colw);
	free(sh->rowh);
	free(sh->rowk);
}

/* Block b is the signers of a document without a signature block: a
 * borderless table ending the first sheet (the meeting record's
 * secretary and chair). It is the closing block, kept with the body's
 * last rows: Calc printed them alone on page 2. */
static bool
signers_block(const struct xw *w, const struct rp_section *s, size_t b,
	      bool first)
{
	return first && !w->d->sig && !w->err && b + 1 == s->nblocks &&
	       s->blocks[b].kind == RP_B_TABLE && !s->blocks[b].table->borders;
}

size_t
xlsx_section(struct xw *w, const struct rp_section *s, bool first,
	     const char *name)
{
	struct xs sh;
	size_t b = 0;
	if (!sheet_open(&sh, w, s, name))
		return s->nblocks;
	if (first)
		doc_title(&sh);
	else
		appendix_title(&sh);
	for (; b < s->nblocks && !w->err; b++) {
		if (!first && charts_apart(&sh, &s->blocks[b]))
			break;
		lxw_row_t top = sh.row;
		block(&sh, &s->blocks[b]);
		if (signers_block(w, s, b, first))
			xlsx_keep_closing(&sh, top, sh.row);
	}
	if (first && w->d->sig && !w->err)
		signature(&sh);
	sheet_close(&sh);
	return w->err ? s->nblocks : b;
}

void
xlsx_section_rest(struct xw *w, const struct rp_section *s, size_t from,
		  const char *name)
{
	struct xs sh;
	if (!sheet_open(&sh, w, s, name))
		return;
	/* The appendix's heading and title name the page; its "(Kèm theo
	 * …)" line stays on the table's sheet, leaving the charts the room
	 * of a landscape page (cntt's year chart straddled one under it). */
	if (s->heading)
		line_row(&sh, s->heading, RP_BOLD, RP_CENTER, RP_SIZE_MOTTO);
	if (s->title)
		line_row(&sh, s->title, RP_BOLD, RP_CENTER, RP_SIZE_BODY);
	for (size_t b = from; b < s->nblocks && !w->err; b++)
		block(&sh, &s->blocks[b]);
	sheet_close(&sh);
}
