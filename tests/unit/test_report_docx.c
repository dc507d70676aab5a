/* The DOCX writer: the shared fixture is written, unzipped with libzip and
 * read back with libxml2 (parse = well-formed; XPath = structure). Word and
 * LibreOffice are checked outside (tests/report/docx_check.py, make
 * check-docs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "../../src/report/chart.h"
#include "report_fixture.h"

/* libxml2's BAD_CAST drops const, which -Wcast-qual rejects. */
#define XC   (const xmlChar *)
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

struct docx {
	char dir[64];
	char path[128];
	zip_t *za;
	char *xml; /* word/document.xml */
	size_t len;
	xmlDocPtr doc;
	xmlXPathContextPtr xp;
	struct arena *fixture; /* docx_open_fixture's, freed by docx_close */
};

static void
tmpdir_make(char *dir, size_t n)
{
	snprintf(dir, n, "/tmp/ts-docx-XXXXXX");
	assert_non_null(mkdtemp(dir));
}

/* Number of entries in dir (the temp files a failed write must not
 * leave behind would show here). */
static int
dir_count(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void
tmpdir_remove(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char p[512];
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (unlink(p) != 0)
			rmdir(p);
	}
	closedir(d);
	rmdir(dir);
}

static char *
zip_read(zip_t *za, const char *name, size_t *len)
{
	zip_stat_t st;
	if (zip_stat(za, name, 0, &st) != 0)
		return NULL;
	zip_file_t *f = zip_fopen(za, name, 0);
	assert_non_null(f);
	char *p = malloc(st.size + 1);
	assert_non_null(p);
	zip_int64_t n = zip_fread(f, p, st.size);
	zip_fclose(f);
	assert_int_equal(n, (zip_int64_t)st.size);
	p[st.size] = '\0';
	if (len)
		*len = st.size;
	return p;
}

/* Parses a part strictly: no recovery, no network, so a parse failure
 * means Word would refuse the file too. */
static xmlDocPtr
parse_part(const char *xml, size_t len)
{
	return xmlReadMemory(xml, (int)len, "part.xml", "UTF-8",
			     XML_PARSE_NONET | XML_PARSE_NOERROR |
				     XML_PARSE_NOWARNING);
}

/* The document as Word reads its text: a non-breaking hyphen is a "-"
 * (the writer keeps "2025-2026" on one line with w:noBreakHyphen). */
static char *
hyphens_as_text(const char *xml, size_t *len)
{
	static const char nb[] = "<w:noBreakHyphen/>", t[] = "<w:t>-</w:t>";
	char *out = malloc(*len * 2 + 1);
	assert_non_null(out);
	size_t n = 0;
	for (const char *p = xml; *p;) {
		if (strncmp(p, nb, sizeof nb - 1) == 0) {
			memcpy(out + n, t, sizeof t - 1);
			n += sizeof t - 1;
			p += sizeof nb - 1;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	*len = n;
	return out;
}

static void
docx_open(struct docx *x, const struct rp_doc *d)
{
	memset(x, 0, sizeof *x);
	tmpdir_make(x->dir, sizeof x->dir);
	snprintf(x->path, sizeof x->path, "%s/r.docx", x->dir);
	char err[256] = "";
	enum ts_err e = rp_write_docx(d, x->path, err, sizeof err);
	if (e)
		fprintf(stderr, "rp_write_docx: %s\n", err);
	assert_int_equal(e, TS_OK);
	int zerr;
	x->za = zip_open(x->path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	assert_non_null(x->za);
	x->xml = zip_read(x->za, "word/document.xml", &x->len);
	assert_non_null(x->xml);
	char *text = hyphens_as_text(x->xml, &x->len);
	x->doc = parse_part(text, x->len);
	free(text);
	assert_non_null(x->doc);
	x->xp = xmlXPathNewContext(x->doc);
	assert_non_null(x->xp);
	xmlXPathRegisterNs(x->xp, XC "w", XC NS_W);
	xmlXPathRegisterNs(x->xp, XC "wp",
			   XC
			   "http://schemas.openxmlformats.org/drawingml/2006/"
			   "wordprocessingDrawing");
}

/* The report fixture (report_fixture.h) written and opened. */
static void
docx_open_fixture(struct docx *x)
{
	struct arena *a = arena_new();
	docx_open(x, report_fixture(a));
	x->fixture = a;
}

static void
docx_close(struct docx *x)
{
	xmlXPathFreeContext(x->xp);
	xmlFreeDoc(x->doc);
	free(x->xml);
	zip_close(x->za);
	tmpdir_remove(x->dir);
	arena_free(x->fixture);
	x->fixture = NULL;
}

/* A two-column table (1:3) with one bold header row, head in column 0. */
static struct rp_table *
unit_table(struct rp_doc *d, const char *head)
{
	static const int w[] = { 1, 3 };
	struct rp_table *t = rp_table_add(d, rp_section0(d), 2, w);
	t->header_rows = 1;
	rp_cell_text(d, t, rp_row_add(d, t), 0, RP_BOLD, head);
	return t;
}

/* A row with text in column 1, kept with the row before it when keep. */
static void
unit_row(struct rp_doc *d, struct rp_table *t, const char *text, bool keep)
{
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 1, 0, text);
	if (keep)
		rp_row_keep_prev(t, r);
}

static double
xp_num(struct docx *x, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression(XC expr, x->xp);
	assert_non_null(o);
	double v = xmlXPathCastToNumber(o);
	xmlXPathFreeObject(o);
	return v;
}

/* True if some node of the set has exactly (or, if !exact, contains)
 * the text s. Done in C because the hostile string holds both quote
 * characters and cannot be an XPath literal. */
static bool
xp_has_text(struct docx *x, const char *set, const char *s, bool exact)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression(XC set, x->xp);
	assert_non_null(o);
	bool found = false;
	xmlNodeSetPtr ns = o->nodesetval;
	for (int i = 0; ns && i < ns->nodeNr && !found; i++) {
		xmlChar *t = xmlNodeGetContent(ns->nodeTab[i]);
		found = t && (exact ? strcmp((char *)t, s) == 0
				    : strstr((char *)t, s) != NULL);
		xmlFree(t);
	}
	xmlXPathFreeObject(o);
	return found;
}

/* xp_has_text that names what it missed. */
#define assert_text(x, set, s, exact)                                          \
	do {                                                                   \
		if (!xp_has_text((x), (set), (s), (exact)))                    \
			fprintf(stderr, "no %s with text \"%s\"\n", (set),     \
				(s));                                          \
		assert_true(xp_has_text((x), (set), (s), (exact)));            \
	} while (0)

static bool
chart_png_works(void)
{
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	struct buf b;
	buf_init(&b, BUF_DEFAULT_LIMIT);
	const struct rp_chart *c = NULL;
	for (size_t i = 0; i < d->sections[0]->nblocks; i++)
		if (d->sections[0]->blocks[i].kind == RP_B_CHART)
			c = d->sections[0]->blocks[i].chart;
	bool ok = c && rp_chart_png(c, 96, &b) == TS_OK && b.len > 0;
	buf_release(&b);
	arena_free(a);
	return ok;
}

static void
test_parts(void **state)
{
	(void)state;
	static const char *const parts[] = {
		"[Content_Types].xml", "_rels/.rels",
		"word/document.xml",   "word/styles.xml",
		"word/settings.xml",   "word/_rels/document.xml.rels",
		"word/header1.xml",    "word/header2.xml",
		"docProps/core.xml",   "docProps/app.xml"
	};
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	struct docx x;
	docx_open(&x, d);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		size_t n;
		char *p = zip_read(x.za, parts[i], &n);
		if (!p)
			fprintf(stderr, "missing part %s\n", parts[i]);
		assert_non_null(p);
		xmlDocPtr doc = parse_part(p, n);
		assert_non_null(doc); /* every part is well-formed */
		xmlFreeDoc(doc);
		free(p);
	}
	/* The first entry names the content types (readers sniff it). */
	assert_string_equal(zip_get_name(x.za, 0, 0), "[Content_Types].xml");
	docx_close(&x);
	arena_free(a);
}

static void
test_namespaces(void **state)
{
	(void)state;
	struct docx x;
	docx_open_fixture(&x);
	xmlNodePtr root = xmlDocGetRootElement(x.doc);
	assert_string_equal((const char *)root->name, "document");
	assert_non_null(root->ns);
	assert_string_equal((const char *)root->ns->href, NS_W);
	assert_int_equal(xp_num(&x, "count(/w:document/w:body)"), 1);
	docx_close(&x);
}

static void
test_tables(void **state)
{
	(void)state;
	struct docx x;
	docx_open_fixture(&x);
	assert_int_equal(xp_num(&x, "count(//w:tc[w:tcPr/w:gridSpan/@w:val="
				    "'2'][normalize-space(.)='Tự đánh giá'])"),
			 1);
	/* STT, Nhóm tiêu chí, Điểm tối đa span two rows. */
	assert_int_equal(xp_num(&x, "count(//w:tc[w:tcPr/w:vMerge/@w:val="
				    "'restart'])"),
			 3);
	assert_int_equal(xp_num(&x, "count(//w:tc/w:tcPr/w:vMerge"
				    "[not(@w:val)])"),
			 3);
	/* Every row of the table has 5 grid columns' worth of cells. */
	assert_int_equal(xp_num(&x, "count((//w:tbl)[2]/w:tblGrid/"
				    "w:gridCol)"),
			 5);
	assert_text(&x, "//w:tc", "73", true);
	assert_text(&x, "//w:tc", "12,5", true);
	assert_text(&x, "//w:tc", "45,67%", true);
	assert_text(&x, "//w:tc", "Mức 3", true);
	assert_text(&x, "//w:tc", "- Quản trị: " FIX_HOSTILE, false);
	/* Header rows repeat: 2 in the body table, 1 in the appendix. */
	assert_int_equal(xp_num(&x, "count(//w:trPr/w:tblHeader)"), 3);
	assert_int_equal(xp_num(&x, "count(//w:tc/w:tcPr/w:shd"
				    "[@w:fill='D9D9D9'])"),
			 15);
	assert_true(xp_num(&x, "count((//w:tbl)[last()]/w:tr)") >=
		    FIX_LONG_ROWS + 1);
	docx_close(&x);
}

static void
test_nd30_layout(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"ỦY BAN NHÂN DÂN QUẬN DƯƠNG KINH",
		"TRUNG TÂM GDNN-GDTX QUẬN DƯƠNG KINH",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"Số:      /BC-GDNN-GDTX",
		"Dương Kinh, ngày 05 tháng 01 năm 2023",
		"BÁO CÁO",
		"Công tác triển khai tự đánh giá mức độ chuyển đổi số",
		"Kính gửi: Sở Giáo dục và Đào tạo Hải Phòng.",
		"Nơi nhận:",
		"- Lưu: VT.",
		"GIÁM ĐỐC",
		"(Ký tên và đóng dấu)",
		"Lưu Thị Thuận",
		"Phụ lục 1",
		"BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ",
		"I. TÌNH HÌNH CHUNG",
		"Dòng mộtDòng hai sau ngắt dòng.",
	};
	struct docx x;
	docx_open_fixture(&x);
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		assert_text(&x, "//w:p", lines[i], true);
	/* The hostile text survived as text: the parse proved it was
	 * escaped, and no raw tag reached the part. */
	assert_text(&x, "//w:p", FIX_HOSTILE, false);
	assert_null(strstr(x.xml, "<script>"));
	/* Tiêu ngữ underlined, date italic, Quốc hiệu bold. */
	assert_int_equal(
		xp_num(&x, "count(//w:r[w:rPr/w:u/@w:val='single']"
			   "[w:rPr/w:b][.='Độc lập - Tự do - Hạnh phúc'])"),
		1);
	assert_int_equal(xp_num(&x, "count(//w:r[w:rPr/w:i][starts-with(.,"
				    "'Dương Kinh, ngày')])"),
			 1);
	assert_int_equal(xp_num(&x, "count(//w:p[w:pPr/w:pStyle/@w:val="
				    "'Heading1'])"),
			 1);
	assert_int_equal(xp_num(&x, "count(//w:br)"), 1);
	/* Header and bottom block are borderless tables. */
	assert_int_equal(xp_num(&x, "count(//w:tbl[w:tblPr/w:tblBorders/"
				    "w:top/@w:val='nil'])"),
			 2);
	docx_close(&x);
}

/* The end of the body keeps with the closing block (w:keepNext up to the
 * signature table), and a table's last row never starts a page alone. */
static void
test_keep_with_closing(void **state)
{
	(void)state;
	struct docx x;
	docx_open_fixture(&x);
	const char *sign = "//w:tbl[.//w:t='Nơi nhận:']";
	char expr[256];
	snprintf(expr, sizeof expr,
		 "count(%s/preceding-sibling::w:p[1]"
		 "/w:pPr/w:keepNext)",
		 sign);
	assert_int_equal(xp_num(&x, expr), 1);
	snprintf(expr, sizeof expr,
		 "count(%s/preceding-sibling::w:p[2]"
		 "/w:pPr/w:keepNext)",
		 sign);
	assert_int_equal(xp_num(&x, expr), 1);
	/* Every bordered table: each paragraph of the row before the last
	 * keeps with the last row. */
	assert_int_equal(
		xp_num(&x, "count(//w:tbl[not(w:tblPr/w:tblBorders/"
			   "w:top/@w:val='nil')]/w:tr[last()-1]//w:p[not(w:pPr/"
			   "w:keepNext)])"),
		0);
	assert_true(xp_num(&x, "count(//w:tbl/w:tr[last()-1]//w:p)") > 0);
	/* The paragraph after the closing block is 1 pt exactly: a 6-pt one
	 * did not fit on a full last page and printed a blank page. */
	snprintf(expr, sizeof expr,
		 "count(%s/following-sibling::w:p[1]"
		 "/w:pPr/w:spacing[@w:lineRule='exact'][@w:line='20'])",
		 sign);
	assert_int_equal(xp_num(&x, expr), 1);
	docx_close(&x);
}

/* Rows kept with the row before them (a group's first unit with its
 * heading, a subtotal with its last unit) make that row keep with the
 * next; the other rows of the middle of a table do not. */
static void
test_group_rows_keep(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_table *t = unit_table(d, "Đầu");
	for (int g = 1; g <= 3; g++) {
		unit_row(d, t, rp_printf(d, "Nhóm %d", g), false);
		for (int i = 1; i <= 3; i++)
			unit_row(d, t, rp_printf(d, "Đơn vị %d", i), i == 1);
		unit_row(d, t, "Cộng", true);
	}
	struct docx x;
	docx_open(&x, d);
	/* Headings, and the rows before a subtotal, keep with the next. */
	assert_int_equal(xp_num(&x, "count(//w:tr[starts-with(., 'Nhóm')]"
				    "//w:p[not(w:pPr/w:keepNext)])"),
			 0);
	assert_int_equal(xp_num(&x, "count(//w:tr[following-sibling::w:tr[1]"
				    "[.='Cộng']]//w:p[not(w:pPr/w:keepNext)])"),
			 0);
	/* The first and second unit of the first group do not. */
	assert_int_equal(xp_num(&x, "count(//w:tr[position() >= 3 and "
				    "position() <= 4]//w:p[w:pPr/w:keepNext])"),
			 0);
	assert_true(xp_num(&x, "count(//w:tr[.='Đơn vị 3']//w:p)") > 0);
	docx_close(&x);
	arena_free(a);
}

/* A table that ends the body before the closing block: its last row,
 * the rows kept with it and one more go with the closing block into the
 * table's last row, one cell that cannot split. LibreOffice ignored
 * w:keepNext from the table's last row and printed the closing block
 * alone on page 3 of a listing; then, with the tail and the closing
 * block in a table of their own, printed the last page without the
 * header rows, under a seam. */
static void
test_closing_wraps_table_tail(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_table *t = unit_table(d, "STT");
	for (int i = 1; i <= 30; i++)
		unit_row(d, t, rp_printf(d, "Đơn vị %d", i), false);
	unit_row(d, t, "Cộng", true);
	unit_row(d, t, "Tổng cộng", true);
	static struct rp_signature sig = { .title = "CHỦ TỊCH" };
	d->sig = &sig;
	rp_recipient_add(d, "- Lưu: VT.");
	struct docx x;
	docx_open(&x, d);
	/* One table: the header row (repeated on every page), units 1 to
	 * 28, and a last row, w:cantSplit, of one cell across the grid. */
	assert_int_equal(xp_num(&x, "count(/w:document/w:body/w:tbl)"), 1);
	const char *tbl = "/w:document/w:body/w:tbl";
	char expr[256];
	snprintf(expr, sizeof expr, "count(%s/w:tr)", tbl);
	assert_int_equal(xp_num(&x, expr), 30);
	snprintf(expr, sizeof expr, "count(%s/w:tr[1]/w:trPr/w:tblHeader)",
		 tbl);
	assert_int_equal(xp_num(&x, expr), 1);
	const char *last = "/w:document/w:body/w:tbl/w:tr[last()]";
	snprintf(expr, sizeof expr,
		 "count(%s[w:trPr/w:cantSplit]/w:tc[w:tcPr/w:gridSpan/@w:val="
		 "count(/w:document/w:body/w:tbl/w:tblGrid/w:gridCol)])",
		 last);
	assert_int_equal(xp_num(&x, expr), 1);
	/* Its first table: the last two bands, "Đơn vị 29" and "Đơn vị
	 * 30" with "Cộng" and "Tổng cộng" (not one unit under the totals on
	 * the last page), without a top
	 * border of its own (the line above is the table's); then Nơi nhận
	 * and the signer. */
	snprintf(expr, sizeof expr, "count(%s/w:tc/w:tbl[1]/w:tr)", last);
	assert_int_equal(xp_num(&x, expr), 4);
	snprintf(expr, sizeof expr,
		 "count(%s/w:tc/w:tbl[1]/w:tblPr/w:tblBorders/w:top"
		 "[@w:val='nil'])",
		 last);
	assert_int_equal(xp_num(&x, expr), 1);
	assert_text(&x, "//w:tbl/w:tr/w:tc/w:tbl[1]/w:tr[1]", "Đơn vị 29",
		    true);
	assert_text(&x, "//w:tbl/w:tr/w:tc/w:tbl[2]", "Nơi nhận:", false);
	assert_text(&x, "//w:tbl/w:tr/w:tc/w:tbl[2]", "CHỦ TỊCH", false);
	docx_close(&x);
	arena_free(a);
}

/* A hyphen inside a short word is w:noBreakHyphen: Writer broke
 * "2025-" / "2026" at the end of a line. A spaced dash and the hyphens
 * of a long word (a file name) stay plain. */
static void
test_no_break_hyphen(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	rp_line(d, rp_section0(d), RP_LEFT, 0,
		"năm học 2025-2026 - GDNN-GDTX KH-UDCNTT-2025-2026.pdf");
	struct docx x;
	docx_open(&x, d);
	assert_non_null(strstr(x.xml, ">năm học 2025</w:t><w:noBreakHyphen/>"
				      "<w:t xml:space=\"preserve\">2026 - "
				      "GDNN</w:t><w:noBreakHyphen/>"));
	assert_non_null(strstr(x.xml, "GDTX KH-UDCNTT-2025-2026.pdf<"));
	assert_text(&x, "//w:p",
		    "năm học 2025-2026 - GDNN-GDTX KH-UDCNTT-2025-2026.pdf",
		    true);
	docx_close(&x);
	arena_free(a);
}

/* No column narrower than its widest word: in twelve columns on a
 * portrait page a share column keeps "30,77%" on one line (Word and
 * LibreOffice wrapped it as "30,7/7%" in the model's 7 % of the width). */
static void
test_column_min_width(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	int w[12] = { 5, 22 };
	for (size_t c = 2; c < 12; c++)
		w[c] = 7;
	struct rp_table *t = rp_table_add(d, rp_section0(d), 12, w);
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 1, 0, "Tiểu học");
	for (size_t c = 2; c < 12; c += 2) {
		rp_cell_int(d, t, r, c, 4)->style = RP_BOLD;
		rp_cell_pct(d, t, r, c + 1, 3077)->style = RP_BOLD;
	}
	struct docx x;
	docx_open(&x, d);
	/* "30,77%" bold at 12 pt is about 38 pt wide, plus the margins. */
	assert_true(xp_num(&x, "number(//w:tblGrid/w:gridCol[4]/@w:w)") >=
		    20 * (38 + 8.5));
	assert_int_equal(xp_num(&x, "sum(//w:tblGrid/w:gridCol/@w:w)"),
			 9354); /* 165 mm of text width */
	docx_close(&x);
	arena_free(a);
}

/* A header name too long for its cell at 13 pt steps down to 12 (NĐ 30:
 * 12-13) before it is broken, and is broken only before the unit's own
 * name: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" fits at 12, not at 13 (LibreOffice
 * printed "… VÀ ĐÀO / TẠO" when the writer guessed it fitted at 13). */
static void
test_header_name_size(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_header *h = arena_alloc(a, sizeof *h);
	memset(h, 0, sizeof *h);
	h->parent_org = "Ủy ban nhân dân quận Dương Kinh";
	h->org = "Phòng Giáo dục và Đào tạo quận Dương Kinh";
	h->org_break = rp_name_start(h->org);
	h->parent_break = rp_name_start(h->parent_org);
	d->header = h;
	d->kind = "BÁO CÁO";
	rp_body(d, rp_section0(d), 0, "Nội dung.");
	struct docx x;
	docx_open(&x, d);
	assert_int_equal(xp_num(&x, "count(//w:p[.='Phòng Giáo dục và Đào "
				    "tạo'][w:r/w:rPr/w:sz/@w:val='24'])"),
			 1);
	assert_int_equal(xp_num(&x, "count(//w:p[.='quận Dương Kinh']"
				    "[w:r/w:rPr/w:sz/@w:val='24'])"),
			 1);
	docx_close(&x);
	/* Not bold, 187 pt at 13 pt in a 190-pt cell: LibreOffice wrapped
	 * it, so it is set at 12 too. */
	h->parent_org = "Phòng Giáo dục và Đào tạo quận Dương Kinh";
	h->parent_break = rp_name_start(h->parent_org);
	h->org = "Trường THCS Trần Hưng Đạo";
	h->org_break = rp_name_start(h->org);
	docx_open(&x, d);
	assert_int_equal(xp_num(&x, "count(//w:p[.='Phòng Giáo dục và Đào "
				    "tạo'][w:r/w:rPr/w:sz/@w:val='24'])"),
			 1);
	docx_close(&x);
	arena_free(a);
}

static void
test_sections(void **state)
{
	(void)state;
	struct docx x;
	docx_open_fixture(&x);
	assert_int_equal(xp_num(&x, "count(//w:sectPr)"), 2);
	/* Section 0 ends inside a paragraph: portrait A4, NĐ 30 margins. */
	assert_int_equal(
		xp_num(&x, "count(//w:p/w:pPr/w:sectPr/w:pgSz"
			   "[@w:w='11906'][@w:h='16838'][not(@w:orient)])"),
		1);
	/* The appendix is the last section: landscape. */
	assert_int_equal(xp_num(&x,
				"count(/w:document/w:body/w:sectPr/"
				"w:pgSz[@w:orient='landscape'][@w:w='16838'])"),
			 1);
	assert_int_equal(
		xp_num(&x,
		       "count(//w:sectPr/w:pgMar[@w:top='1134']"
		       "[@w:bottom='1134'][@w:left='1701'][@w:right='850'])"),
		2);
	/* Numbers restart per section and hide on each first page. */
	assert_int_equal(xp_num(&x, "count(//w:sectPr[w:titlePg]"
				    "[w:pgNumType/@w:start='1'])"),
			 2);
	char *hdr = zip_read(x.za, "word/header1.xml", NULL);
	assert_non_null(strstr(hdr, " PAGE "));
	free(hdr);
	char *styles = zip_read(x.za, "word/styles.xml", NULL);
	assert_non_null(strstr(styles, "w:ascii=\"Times New Roman\""));
	assert_non_null(strstr(styles, "<w:sz w:val=\"26\"/>"));
	free(styles);
	docx_close(&x);
}

/* rp_chart_png may not draw yet (another writer): then the chart's title
 * stands in for it; once it draws, the PNG must be embedded. */
static void
test_chart(void **state)
{
	(void)state;
	struct docx x;
	docx_open_fixture(&x);
	char *png = zip_read(x.za, "word/media/image1.png", NULL);
	if (chart_png_works()) {
		assert_non_null(png);
		assert_memory_equal(png, "\x89PNG", 4);
		assert_int_equal(xp_num(&x, "count(//w:drawing/wp:inline)"), 1);
		char *rels = zip_read(x.za, "word/_rels/document.xml.rels",
				      NULL);
		assert_non_null(strstr(rels, "media/image1.png"));
		free(rels);
	} else {
		assert_null(png);
		assert_int_equal(xp_num(&x, "count(//w:drawing)"), 0);
		assert_text(&x, "//w:p", "Điểm theo tiêu chí", true);
	}
	free(png);
	docx_close(&x);
}

static void
test_core_props(void **state)
{
	(void)state;
	struct docx x;
	docx_open_fixture(&x);
	char *core = zip_read(x.za, "docProps/core.xml", NULL);
	assert_non_null(strstr(core, "<dc:title>Báo cáo tự đánh giá mức độ "
				     "chuyển đổi số</dc:title>"));
	assert_non_null(strstr(core, "<dc:creator>truongso</dc:creator>"));
	assert_non_null(strstr(core, ">2023-01-05T00:00:00Z</dcterms:"
				     "created>"));
	free(core);
	docx_close(&x);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = malloc((size_t)n);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return p;
}

/* No clock in the file: the same report gives the same bytes. */
static void
test_reproducible(void **state)
{
	(void)state;
	char dir[64], p1[128], p2[128];
	tmpdir_make(dir, sizeof dir);
	snprintf(p1, sizeof p1, "%s/a.docx", dir);
	snprintf(p2, sizeof p2, "%s/b.docx", dir);
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	assert_int_equal(rp_write_docx(d, p1, NULL, 0), TS_OK);
	assert_int_equal(rp_write_docx(d, p2, NULL, 0), TS_OK);
	/* Entry times are the fixed 2020-03-05, not the clock. */
	int zerr;
	zip_t *za = zip_open(p1, ZIP_RDONLY, &zerr);
	assert_non_null(za);
	for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); i++) {
		zip_stat_t st;
		assert_int_equal(zip_stat_index(za, (zip_uint64_t)i, 0, &st),
				 0);
		assert_int_equal(st.mtime, 1583366400);
	}
	zip_close(za);
	size_t n1, n2;
	char *b1 = slurp(p1, &n1), *b2 = slurp(p2, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(b1, b2, n1);
	free(b1);
	free(b2);
	arena_free(a);
	tmpdir_remove(dir);
}

/* Plain export: no NĐ 30 header; control characters and broken UTF-8
 * from user data never break the XML. */
static void
test_plain_and_dirty_text(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	d->kind = "DANH SÁCH TRƯỜNG";
	struct rp_section *s = rp_section0(d);
	rp_body(d, s, 0,
		"a\x01"
		"b\x1f"
		"c\xff"
		"d\xef\xbf\xbe"
		"e\tf");
	static const int w[] = { 1 };
	struct rp_table *t = rp_table_add(d, s, 1, w);
	rp_row_add(d, t);
	rp_cell_text(d, t, 0, 0, 0, "x\x0by");
	rp_table_add(d, s, 1, w); /* an empty table is skipped */
	struct docx x;
	docx_open(&x, d);
	assert_false(xp_has_text(&x, "//w:p", "CỘNG HÒA", false));
	assert_text(&x, "//w:p", "DANH SÁCH TRƯỜNG", true);
	assert_text(&x, "//w:p",
		    "abc\xef\xbf\xbd"
		    "d"
		    "\xef\xbf\xbd"
		    "ef",
		    true);
	assert_int_equal(xp_num(&x, "count(//w:tab)"), 1);
	assert_text(&x, "//w:tc", "xy", true);
	assert_int_equal(xp_num(&x, "count(//w:tbl)"), 1);
	docx_close(&x);
	arena_free(a);
}

static void
test_oom_refused(void **state)
{
	(void)state;
	char dir[64], path[128], err[256] = "";
	tmpdir_make(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/r.docx", dir);
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	d->oom = true;
	assert_int_equal(rp_write_docx(d, path, err, sizeof err), TS_ENOMEM);
	assert_non_null(strstr(err, "không đủ bộ nhớ"));
	assert_int_equal(dir_count(dir), 0);
	arena_free(a);
	tmpdir_remove(dir);
}

/* Tests run as root here, so permissions cannot make a path unwritable:
 * a regular file used as a directory, and a directory as the target. */
static void
test_unwritable(void **state)
{
	(void)state;
	char dir[64], file[128], path[160], err[512];
	tmpdir_make(dir, sizeof dir);
	snprintf(file, sizeof file, "%s/file", dir);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	snprintf(path, sizeof path, "%s/r.docx", file);
	err[0] = '\0';
	assert_int_equal(rp_write_docx(d, path, err, sizeof err), TS_EIO);
	assert_non_null(strstr(err, "không ghi được tệp"));
	assert_int_equal(dir_count(dir), 1);
	snprintf(path, sizeof path, "%s/sub", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	err[0] = '\0';
	assert_int_equal(rp_write_docx(d, path, err, sizeof err), TS_EIO);
	assert_non_null(strstr(err, "không ghi được tệp"));
	assert_int_equal(dir_count(dir), 2); /* file and sub, no temp */
	arena_free(a);
	tmpdir_remove(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_namespaces),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_nd30_layout),
		cmocka_unit_test(test_keep_with_closing),
		cmocka_unit_test(test_group_rows_keep),
		cmocka_unit_test(test_closing_wraps_table_tail),
		cmocka_unit_test(test_no_break_hyphen),
		cmocka_unit_test(test_column_min_width),
		cmocka_unit_test(test_header_name_size),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_core_props),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_plain_and_dirty_text),
		cmocka_unit_test(test_oom_refused),
		cmocka_unit_test(test_unwritable),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
