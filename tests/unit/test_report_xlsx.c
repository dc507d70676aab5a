/* The XLSX writer (src/report/xlsx*.c): the shared fixture is written,
 * read back with our own XLSX reader (values, text, the appendix) and
 * opened with libzip (merged cells, frozen pane, sheet names). Also: oom
 * and unwritable paths, sheet-name cleaning, constant_memory listings.
 * Run from the repository root; leaves build/report-samples/fixture.xlsx
 * for the openpyxl check (tests/report/xlsx_check.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zip.h>

#include "../../src/core/sheet_read.h"
#include "../../src/report/xlsx.h"
#include "../../src/util/diag.h"
#include "report_fixture.h"

#define OUTDIR	"build/report-samples"
#define FIXTURE OUTDIR "/fixture.xlsx"

/* ---- helpers ---------------------------------------------------------- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = malloc((size_t)n + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	p[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return p;
}

/* A part of the zip at path, NUL-terminated (malloc'd). */
static char *
zip_part(const char *path, const char *name)
{
	int ze = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &ze);
	assert_non_null(z);
	zip_stat_t st;
	assert_int_equal(zip_stat(z, name, 0, &st), 0);
	char *p = malloc(st.size + 1);
	assert_non_null(p);
	zip_file_t *f = zip_fopen(z, name, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, p, st.size), (zip_int64_t)st.size);
	p[st.size] = '\0';
	zip_fclose(f);
	zip_close(z);
	return p;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void
write_ok(const struct rp_doc *d, const char *path)
{
	char err[256] = "";
	enum ts_err e = rp_write_xlsx(d, path, err, sizeof err);
	if (e != TS_OK)
		fprintf(stderr, "  rp_write_xlsx: %s\n", err);
	assert_int_equal(e, TS_OK);
}

/* Reads the first visible sheet of the file with sheet_read(). */
static void
read_sheet(const char *buf, size_t len, struct arena *a, struct sheet *s)
{
	struct diags d;
	diags_init(&d);
	enum ts_err e = sheet_read(buf, len, SHEET_XLSX, "t.xlsx", a, s, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "  %s: %s\n", d.v[i].where, d.v[i].msg);
	diags_release(&d);
	assert_int_equal(e, TS_OK);
}

static const struct sheet_row *
find_row(const struct sheet *s, size_t col, const char *text)
{
	for (size_t i = 0; i < s->nrows; i++)
		if (s->rows[i].ncells > col &&
		    strcmp(s->rows[i].cells[col], text) == 0)
			return &s->rows[i];
	fprintf(stderr, "  no row with column %zu = \"%s\"\n", col, text);
	return NULL;
}

static bool
any_cell_contains(const struct sheet *s, const char *text)
{
	for (size_t i = 0; i < s->nrows; i++)
		for (size_t j = 0; j < s->rows[i].ncells; j++)
			if (strstr(s->rows[i].cells[j], text))
				return true;
	fprintf(stderr, "  no cell contains \"%s\"\n", text);
	return false;
}

static int
setup_dir(void **state)
{
	(void)state;
	mkdir("build", 0755);
	mkdir(OUTDIR, 0755);
	return 0;
}

/* ---- the fixture -------------------------------------------------------- */

static void
fixture_values(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	assert_non_null(d);
	assert_false(d->oom);
	write_ok(d, FIXTURE);
	size_t len;
	char *buf = slurp(FIXTURE, &len);
	struct sheet s;
	read_sheet(buf, len, a, &s);
	const struct sheet_row *r = find_row(&s, 1,
					     "Chuyển đổi số trong dạy, học");
	assert_non_null(r);
	assert_string_equal(r->cells[0], "1");
	assert_string_equal(r->cells[2], "100");
	assert_string_equal(r->cells[3], "73");
	assert_string_equal(r->cells[4], "0.73");
	r = find_row(&s, 1,
		     "Chuyển đổi số trong quản trị cơ sở giáo dục\n"
		     "- Quản trị: " FIX_HOSTILE);
	assert_non_null(r);
	assert_string_equal(r->cells[3], "12.5");
	assert_string_equal(r->cells[4], "0.4567");
	/* Header cells, the NĐ 30 header, body text with the hostile
	 * string, the signature. */
	assert_non_null(find_row(&s, 3, "Tự đánh giá"));
	assert_true(
		any_cell_contains(&s, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
	assert_true(any_cell_contains(&s, "Dương Kinh, ngày 05 tháng 01 năm "
					  "2023"));
	assert_true(any_cell_contains(&s, "tên lạ: " FIX_HOSTILE "."));
	assert_true(any_cell_contains(&s, "Nhóm tiêu chí 1 “Chuyển đổi số "
					  "trong dạy, học”: " FIX_SCORE_LINE));
	assert_true(any_cell_contains(&s, "Kính gửi: Sở Giáo dục"));
	assert_true(any_cell_contains(&s, "Lưu Thị Thuận"));
	assert_true(any_cell_contains(&s, "Nơi nhận:"));
	free(buf);
	arena_free(a);
}

/* Numbers are stored as numbers (<v>12.5</v>, no t="s"), spans as merged
 * ranges, the appendix header frozen and repeated on print. */
static void
fixture_xml(void **state)
{
	(void)state;
	char *wb = zip_part(FIXTURE, "xl/workbook.xml");
	assert_int_equal(count(wb, "<sheet "), 2);
	assert_non_null(strstr(wb, "name=\"Báo cáo\""));
	assert_non_null(strstr(wb, "name=\"Phụ lục 1\""));
	/* Print titles: the header rows of each sheet's first table. */
	assert_non_null(strstr(wb, "_xlnm.Print_Titles"));
	free(wb);
	char *s1 = zip_part(FIXTURE, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(s1, "<v>12.5</v>"));
	assert_non_null(strstr(s1, "<v>0.4567</v>"));
	assert_non_null(strstr(s1, "<v>73</v>"));
	assert_non_null(strstr(s1, "<mergeCell ref=\""));
	/* STT, Nhóm tiêu chí, Điểm tối đa (2 rows), Tự đánh giá (2 cols). */
	assert_true(count(s1, "<mergeCell ref=\"") >= 4);
	assert_non_null(strstr(s1, "paperSize=\"9\""));
	assert_non_null(strstr(s1, "fitToPage=\"1\""));
	free(s1);
	char *s2 = zip_part(FIXTURE, "xl/worksheets/sheet2.xml");
	assert_non_null(strstr(s2, "<pane "));
	assert_non_null(strstr(s2, "state=\"frozen\""));
	assert_non_null(strstr(s2, "orientation=\"landscape\""));
	free(s2);
	char *core = zip_part(FIXTURE, "docProps/core.xml");
	assert_non_null(strstr(core, "2023-01-05T00:00:00Z"));
	assert_non_null(
		strstr(core, "Báo cáo tự đánh giá mức độ chuyển đổi số"));
	free(core);
	/* A native chart with its data on the sheet. */
	char *ch = zip_part(FIXTURE, "xl/charts/chart1.xml");
	assert_non_null(strstr(ch, "<c:barChart>"));
	free(ch);
}

/* The appendix: our reader takes the first visible sheet, so the copy
 * hides sheet 1 and the reader sees the 60-row table. */
static void
fixture_appendix(void **state)
{
	(void)state;
	const char *copy = OUTDIR "/fixture-appendix.xlsx";
	size_t len;
	char *buf = slurp(FIXTURE, &len);
	FILE *f = fopen(copy, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	fclose(f);
	free(buf);
	char *wb = zip_part(copy, "xl/workbook.xml");
	char *hid = malloc(strlen(wb) + 32);
	assert_non_null(hid);
	char *at = strstr(wb, "<sheet ");
	assert_non_null(at);
	size_t pre = (size_t)(at - wb) + 7;
	memcpy(hid, wb, pre);
	snprintf(hid + pre, strlen(wb) + 32 - pre, "state=\"hidden\" %s",
		 wb + pre);
	free(wb);
	int ze = 0;
	zip_t *z = zip_open(copy, 0, &ze);
	assert_non_null(z);
	zip_source_t *src = zip_source_buffer(z, hid, strlen(hid), 0);
	assert_non_null(src);
	assert_true(zip_file_add(z, "xl/workbook.xml", src, ZIP_FL_OVERWRITE) >=
		    0);
	assert_int_equal(zip_close(z), 0);
	free(hid);

	struct arena *a = arena_new();
	buf = slurp(copy, &len);
	struct sheet s;
	read_sheet(buf, len, a, &s);
	assert_non_null(find_row(&s, 0, "Phụ lục 1"));
	const struct sheet_row *h = find_row(&s, 0, "STT");
	assert_non_null(h);
	assert_string_equal(h->cells[3], "Điểm tự đánh giá");
	assert_true(s.nrows >= FIX_LONG_ROWS + 1);
	const struct sheet_row *r = find_row(&s, 0, "1.60");
	assert_non_null(r);
	assert_string_equal(r->cells[2], "10");
	/* (59 % 11) * 100 + 50 hundredths = 4.5 */
	assert_string_equal(r->cells[3], "4.5");
	assert_string_equal(r->cells[5], "Địa chỉ: Cổng TTĐT đơn vị");
	free(buf);
	arena_free(a);
	unlink(copy);
}

/* The same document gives the same bytes (fixed creation time). */
static void
reproducible(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	const char *p2 = OUTDIR "/fixture-again.xlsx";
	write_ok(d, p2);
	size_t n1, n2;
	char *b1 = slurp(FIXTURE, &n1), *b2 = slurp(p2, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(b1, b2, n1);
	free(b1);
	free(b2);
	unlink(p2);
	arena_free(a);
}

/* ---- listings ------------------------------------------------------------ */

static struct rp_doc *
listing(struct arena *a, size_t rows)
{
	struct rp_doc *d = rp_doc_new(a);
	struct rp_section *s = rp_section0(d);
	s->sheet_name = "Danh sách trường";
	static const int w[] = { 6, 40, 10, 10 };
	struct rp_table *t = rp_table_add(d, s, 4, w);
	t->header_rows = 1;
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, RP_BOLD, "STT")->shade = true;
	rp_cell_text(d, t, r, 1, RP_BOLD, "Trường")->shade = true;
	rp_cell_text(d, t, r, 2, RP_BOLD, "Điểm")->shade = true;
	rp_cell_text(d, t, r, 3, RP_BOLD, "Tỷ lệ")->shade = true;
	for (size_t i = 0; i < rows; i++) {
		r = rp_row_add(d, t);
		rp_cell_int(d, t, r, 0, (int64_t)i + 1);
		rp_cell_text(d, t, r, 1, 0,
			     rp_printf(d, "Trường THCS số %zu", i + 1));
		rp_cell_pts(d, t, r, 2, (pts_t)(i % 10000));
		rp_cell_pct(d, t, r, 3, (int64_t)(i % 10001));
	}
	return d;
}

static void
listing_frozen(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = listing(a, 10);
	const char *p = OUTDIR "/listing.xlsx";
	write_ok(d, p);
	char *s1 = zip_part(p, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(s1, "<pane ySplit=\"1\""));
	free(s1);
	char *wb = zip_part(p, "xl/workbook.xml");
	assert_non_null(strstr(wb, "name=\"Danh sách trường\""));
	free(wb);
	unlink(p);
	arena_free(a);
}

/* Past XLSX_BIG_ROWS rows with no spans: constant_memory (inline
 * strings); every row still comes back. */
static void
listing_big(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	size_t n = XLSX_BIG_ROWS + 500;
	struct rp_doc *d = listing(a, n);
	assert_false(d->oom);
	const char *p = OUTDIR "/listing-big.xlsx";
	write_ok(d, p);
	size_t len;
	char *buf = slurp(p, &len);
	struct sheet s;
	read_sheet(buf, len, a, &s);
	assert_int_equal(s.nrows, n + 1);
	const struct sheet_row *last = &s.rows[s.nrows - 1];
	assert_string_equal(last->cells[1],
			    rp_printf(d, "Trường THCS số %zu", n));
	char *s1 = zip_part(p, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(s1, "t=\"inlineStr\""));
	free(s1);
	free(buf);
	unlink(p);
	arena_free(a);
}

/* A short hyphenated word ("2022-2023") sets its column's minimum width:
 * Calc breaks it at the hyphen in a narrower column (issue 18). */
static void
hyphen_word_fits(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 5, 85, 2, 2, 2, 2 };
	struct rp_table *t = rp_table_add(d, s, 6, w);
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, RP_BOLD, "STT");
	rp_cell_text(d, t, r, 1, RP_BOLD, "Nội dung");
	rp_cell_text(d, t, r, 2, RP_BOLD, "Năm học 2022-2023");
	for (size_t c = 3; c < 6; c++)
		rp_cell_text(d, t, r, c, RP_BOLD, "Năm");
	const char *p = OUTDIR "/hyphen.xlsx";
	write_ok(d, p);
	char *x = zip_part(p, "xl/worksheets/sheet1.xml");
	double w3 = 0, w4 = 0;
	const char *c3 = strstr(x, "<col min=\"3\" max=\"3\" width=\"");
	const char *c4 = strstr(x, "<col min=\"4\" max=\"4\" width=\"");
	assert_non_null(c3);
	assert_non_null(c4);
	assert_int_equal(sscanf(strchr(c3, 'w') + 7, "%lf", &w3), 1);
	assert_int_equal(sscanf(strchr(c4, 'w') + 7, "%lf", &w4), 1);
	/* 9 bold characters and a little room; the plain column stays
	 * narrow. */
	assert_true(w3 >= 11.0);
	assert_true(w4 < w3);
	free(x);
	unlink(p);
	arena_free(a);
}

/* A word joiner (U+2060) after the hyphen of a short word that may end a
 * wrapped line: Calc broke "GDNN-" / "GDTX" and "2021-" / "2022" at a
 * line's end. A word that surely stays on its paragraph's first line
 * keeps a plain hyphen, in text rows, rich text and table cells alike:
 * with a joiner, Excel's search for "GDNN-GDTX" found nothing. A file
 * name longer than RP_NOBREAK_WORD keeps its plain hyphens. */
#define WJ "\xE2\x81\xA0"

static void
hyphen_joined(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_section *s = rp_section0(d);
	rp_body(d, s, 0, "Trung tâm GDNN-GDTX quận Dương Kinh");
	struct rp_para *p = rp_body(d, s, RP_BOLD, "Năm học 2021-2022: ");
	rp_run_add(d, p, 0, "tệp KH-UDCNTT-2025-2026.pdf");
	static const int w[] = { 10, 90 };
	struct rp_table *t = rp_table_add(d, s, 2, w);
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, 0, "Kế hoạch năm 2019-2020 của Trường TH-CS");
	rp_cell_text(d, t, r, 1, 0, "Số liệu năm 2023-2024\n2024-2025");
	const char *path = OUTDIR "/joined.xlsx";
	write_ok(d, path);
	char *x = zip_part(path, "xl/sharedStrings.xml");
	/* One line each: no joiner. */
	assert_non_null(strstr(x, "GDNN-GDTX quận"));
	assert_non_null(strstr(x, "2021-2022: "));
	assert_non_null(strstr(x, "năm 2023-2024\n2024-2025"));
	assert_non_null(strstr(x, "tệp KH-UDCNTT-2025-2026.pdf"));
	/* The narrow column wraps: past its first line, joined. */
	assert_non_null(
		strstr(x, "năm 2019-" WJ "2020 của Trường TH-" WJ "CS"));
	free(x);
	unlink(path);
	arena_free(a);
}

/* The height of a long cell: Phụ lục 6's targets, a measure a line.
 * Measured in Liberation Serif (Times New Roman's metrics) at 95 % of
 * the width Excel gives its text, 35.7 units, it takes 12 lines (184
 * pt), and Calc cut the top and bottom of such cells: each of its lines
 * ends part-filled and wraps once more in a slightly wider face. Text of
 * several lines keeps the letter count, 13 (199 pt), when larger. */
static const char *const MEASURES[] = {
	"tiến độ",
	"- Tổng số học sinh có máy tính: đạt (70,86%; 57/103 CSGD báo cáo)",
	"- Tổng số học sinh có đường truyền Internet: đạt (85,25%; 57/103 "
	"CSGD báo cáo)",
	"- Tổng số giáo viên có máy tính: tiến độ (93,25%; còn 6,75%, thiếu "
	"189; 57/103 CSGD báo cáo)",
	"- Tổng số giáo viên có đường truyền Internet: tiến độ (93,08%; còn "
	"6,92%, thiếu 194; 57/103 CSGD báo cáo)",
};

static double sheet_rows_max(const char *x);

static void
long_cell_measured(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 6, 22, 30, 42 };
	struct rp_table *t = rp_table_add(d, s, 4, w);
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, 0, "1");
	rp_cell_text(d, t, r, 1, 0, "Về tiếp cận giáo dục trực tuyến");
	rp_cell_text(d, t, r, 2, 0, "50% học sinh");
	struct rp_cell *c = rp_cell_text(d, t, r, 3, 0, MEASURES[0]);
	for (size_t k = 1; k < sizeof MEASURES / sizeof *MEASURES; k++)
		rp_cell_para(d, c, RP_LEFT, 0, MEASURES[k]);
	const char *p = OUTDIR "/long-cell.xlsx";
	write_ok(d, p);
	char *x = zip_part(p, "xl/worksheets/sheet1.xml");
	double h = sheet_rows_max(x);
	/* All of the text, a line to spare at most. */
	assert_true(h >= xlsx_lines_pt(13, 12));
	assert_true(h < xlsx_lines_pt(14, 12));
	free(x);
	arena_free(a);
}

/* A sheet's only table with up to three rows starts on one page with
 * them: its head is not repeated, else Calc printed it again above the
 * next page's "4. Kiến nghị, đề xuất" and signature (a mầm non Phụ lục 3
 * with no software table), and above a meeting record's signers. */
static void
short_table_no_titles(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 10, 60, 30 };
	static const char *const head[] = { "STT", "Nội dung", "Số CSGD" };
	struct rp_table *t = rp_table_add(d, s, 3, w);
	rp_head_row(d, t, head);
	for (int i = 1; i <= 3; i++) {
		size_t r = rp_row_add(d, t);
		rp_cell_int(d, t, r, 0, i);
		rp_cell_text(d, t, r, 1, 0, "Chuyển đổi số trong dạy, học");
		rp_cell_int(d, t, r, 2, 6);
	}
	for (int i = 0; i < 40; i++)
		rp_body(d, s, 0, "……………………………………………………");
	const char *p = OUTDIR "/short-table.xlsx";
	write_ok(d, p);
	char *wb = zip_part(p, "xl/workbook.xml");
	assert_null(strstr(wb, "_xlnm.Print_Titles"));
	free(wb);
	/* A fourth row may fall on the next page: the head repeats. */
	size_t r = rp_row_add(d, t);
	rp_cell_int(d, t, r, 0, 4);
	rp_cell_text(d, t, r, 1, 0, "Chuyển đổi số trong quản trị");
	rp_cell_int(d, t, r, 2, 6);
	write_ok(d, p);
	wb = zip_part(p, "xl/workbook.xml");
	assert_non_null(strstr(wb, "_xlnm.Print_Titles"));
	free(wb);
	unlink(p);
	arena_free(a);
}

/* n one-line paragraphs, then Nơi nhận beside the signature. */
static struct rp_doc *
letter(struct arena *a, int n)
{
	struct rp_doc *d = rp_doc_new(a);
	struct rp_section *s = rp_section0(d);
	for (int i = 0; i < n; i++)
		rp_body(d, s, 0, "Một dòng.");
	struct rp_signature *sig = arena_alloc(a, sizeof *sig);
	assert_non_null(sig);
	memset(sig, 0, sizeof *sig);
	sig->title = "GIÁM ĐỐC";
	sig->name = "Lưu Thị Thuận";
	d->sig = sig;
	rp_recipient_add(d, "- Sở GD&ĐT (b/c);");
	rp_recipient_add(d, "- Lưu: VT.");
	return d;
}

/* Row heights of sheet xml (15 pt where none is set), rows 0..max-1;
 * the manual breaks (0-based row a page starts at, 0-ended). */
static size_t
sheet_rows(const char *x, double *h, size_t max, unsigned *brk)
{
	size_t n = 0, nb = 0;
	for (size_t i = 0; i < max; i++)
		h[i] = 15;
	for (const char *p = x; (p = strstr(p, "<row r=\"")) != NULL; p++) {
		size_t r = strtoul(p + 8, NULL, 10);
		const char *ht = strstr(p, " ht=\"");
		const char *end = strchr(p, '>');
		if (r >= 1 && r <= max && ht && ht < end)
			h[r - 1] = strtod(ht + 5, NULL);
		n = r > n ? r : n;
	}
	for (const char *p = x; (p = strstr(p, "<brk id=\"")) != NULL; p++)
		brk[nb++] = (unsigned)strtoul(p + 9, NULL, 10);
	brk[nb] = 0;
	return n;
}

/* A document as Calc paginates it: written as XLSX at path, its first
 * sheet's xml (x, the caller frees it), row heights and manual breaks
 * (sheet_rows) and how many rows it has. */
#define LAID_MAX 160
struct laid {
	char *x;
	double h[LAID_MAX];
	unsigned brk[XLSX_MAX_BREAKS + 1];
	size_t rows;
};

static void
laid_out(const struct rp_doc *d, const char *path, struct laid *l)
{
	write_ok(d, path);
	l->x = zip_part(path, "xl/worksheets/sheet1.xml");
	l->rows = sheet_rows(l->x, l->h, LAID_MAX, l->brk);
}

typedef struct rp_doc *(*make_doc)(struct arena *a, int n);
/* Checks one length's layout; returns how many page breaks it looked at. */
typedef int (*check_laid)(int n, const struct laid *l);

/* doc(a, n) for every n in [from, to), laid out at path and checked;
 * with must_break some check must have looked at a page break, else no
 * length reached one and the test proved nothing. */
static void
each_length(const char *path, make_doc doc, int from, int to, check_laid check,
	    bool must_break)
{
	int broken = 0;
	for (int n = from; n < to; n++) {
		struct arena *a = arena_new();
		struct laid l;
		laid_out(doc(a, n), path, &l);
		broken += check(n, &l);
		free(l.x);
		arena_free(a);
	}
	if (must_break)
		assert_true(broken > 0);
	unlink(path);
}

/* The page breaks of l at rows after `after` up to `upto` (length n):
 * each must be at row `most` at the latest. Returns how many. */
static int
breaks_at_most(const struct laid *l, int n, unsigned after, unsigned upto,
	       unsigned most)
{
	int broken = 0;
	for (size_t i = 0; l->brk[i]; i++) {
		if (l->brk[i] <= after || l->brk[i] > upto)
			continue;
		broken++;
		if (l->brk[i] > most)
			fprintf(stderr, "  n=%d: page starts at row %u\n", n,
				l->brk[i]);
		assert_true(l->brk[i] <= most);
	}
	return broken;
}

/* The tallest row height set in sheet xml. */
static double
sheet_rows_max(const char *x)
{
	double h[16], best = 0;
	unsigned brk[XLSX_MAX_BREAKS + 1];
	size_t n = sheet_rows(x, h, 16, brk);
	for (size_t i = 0; i < n && i < 16; i++)
		best = h[i] > best ? h[i] : best;
	return best;
}

/* The first row at or after `from` that starts a page of cap pt (manual
 * breaks start pages too), or rows. */
static size_t
page_start_from(const double *h, size_t rows, const unsigned *brk, double cap,
		size_t from)
{
	double used = 0;
	for (size_t r = 0, k = 0; r < rows; r++) {
		bool manual = brk[k] && brk[k] == r;
		k += manual;
		if (manual || (used > 0 && used + h[r] > cap)) {
			if (r >= from)
				return r;
			used = 0;
		}
		used += h[r];
	}
	return rows;
}

/* No page starts at row n - 1 or after it (the last body lines, the
 * closing block), for every page height Calc may use. */
static int
body_kept(int n, const struct laid *l)
{
	if (n < 20)
		assert_null(strstr(l->x, "<rowBreaks"));
	for (double cap = 1010; cap <= 1075; cap += 5) {
		size_t r = page_start_from(l->h, l->rows, l->brk, cap,
					   (size_t)n - 1);
		if (r < l->rows)
			fprintf(stderr,
				"  n=%d cap=%g: page starts at row %zu\n", n,
				cap, r);
		assert_int_equal(r, l->rows);
	}
	return 0;
}

/* Calc without Calibri or Carlito printed the demo's 6-column letter at
 * 72 % and placed rows down to 1,040 pt (at 100 %) on A4's page 1; the
 * closing block (rows n + 1 on, after a blank row) then began page 2
 * alone. Whatever the number of body lines, no page starts among the
 * last two body lines or the closing rows when Calc's pages hold anywhere
 * from 1,010 to 1,075 pt; a letter that fits on one page in every reader
 * gets no manual break. */
static void
closing_keeps_body(void **state)
{
	(void)state;
	each_length(OUTDIR "/closing.xlsx", letter, 3, 90, body_kept, false);
}

/* A decision: k lines, the members' table (its header repeats on print),
 * Điều 2 and Điều 3, the closing block. */
static struct rp_doc *
decision(struct arena *a, int k)
{
	struct rp_doc *d = letter(a, k);
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 10, 50, 40 };
	struct rp_table *t = rp_table_add(d, s, 3, w);
	static const char *const head[] = { "STT", "Họ và tên", "Chức vụ" };
	rp_head_row(d, t, head);
	for (int i = 0; i < 4; i++) {
		size_t r = rp_row_add(d, t);
		rp_cell_int(d, t, r, 0, i + 1);
	}
	rp_body(d, s, 0, "Điều 2. Ban chỉ đạo có nhiệm vụ.");
	rp_body(d, s, 0, "Điều 3. Quyết định có hiệu lực kể từ ngày ký.");
	return d;
}

/* Rows: k lines, the header (k), 4 rows (k + 1 … k + 4). */
static int
members_kept(int k, const struct laid *l)
{
	if (l->brk[0])
		assert_true(l->brk[0] <= (unsigned)k + 4);
	return l->brk[0] != 0;
}

/* When the closing block takes the body's last lines to a new page and
 * a table with repeated header rows ends just above them, its last rows
 * go too: Calc printed the members' header alone above "Điều 2". */
static void
closing_takes_table_rows(void **state)
{
	(void)state;
	each_length(OUTDIR "/decision.xlsx", decision, 0, 60, members_kept,
		    true);
}

/* Cells of sheet xml holding shared string number si. */
static int
string_cells(const char *x, int si)
{
	int n = 0;
	for (const char *p = x; (p = strstr(p, " t=\"s\"")) != NULL; p++) {
		const char *v = strstr(p, "<v>");
		n += v && atoi(v + 3) == si;
	}
	return n;
}

/* The number of the shared string text in the workbook at path. */
static int
string_index(const char *path, const char *text)
{
	char *x = zip_part(path, "xl/sharedStrings.xml");
	int i = -1, k = 0;
	char want[128];
	snprintf(want, sizeof want, ">%s</t>", text);
	for (const char *p = x; i < 0 && (p = strstr(p, "<si>")) != NULL;
	     p++, k++) {
		const char *e = strstr(p, "</si>"), *t = strstr(p, want);
		if (t && t < e)
			i = k;
	}
	free(x);
	return i;
}

/* A sheet's second table, 80 rows long, prints its header on every page
 * it continues on: print titles repeat only one table's header, and
 * Calc printed Phụ lục 3's mầm non software table and Phụ lục 6's
 * sections under no header on their second page. */
static void
second_table_repeats_header(void **state)
{
	(void)state;
	const char *path = OUTDIR "/second.xlsx";
	struct arena *a = arena_new();
	struct rp_doc *d = letter(a, 2);
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 10, 50, 40 };
	static const char *const head[] = { "STT", "Phần mềm", "Số trường" };
	for (int k = 0; k < 2; k++) {
		struct rp_table *t = rp_table_add(d, s, 3, w);
		rp_head_row(d, t, head);
		for (int i = 0; i < (k ? 80 : 2); i++) {
			size_t r = rp_row_add(d, t);
			rp_cell_int(d, t, r, 0, i + 1);
			rp_cell_text(d, t, r, 1, 0, "Cơ sở dữ liệu ngành");
		}
	}
	write_ok(d, path);
	char *x = zip_part(path, "xl/worksheets/sheet1.xml");
	int si = string_index(path, "Phần mềm");
	assert_true(si >= 0);
	/* Once for each table, and again on the pages 80 rows take. */
	assert_non_null(strstr(x, "<brk id=\""));
	assert_true(string_cells(x, si) >= 3);
	free(x);
	arena_free(a);
	unlink(path);
}

/* A self-check report: k lines, the criteria's table of 10 rows and
 * its total (its header repeats on print), two lines, the closing. */
static struct rp_doc *
criteria_doc(struct arena *a, int k)
{
	struct rp_doc *d = letter(a, k);
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 10, 50, 40 };
	struct rp_table *t = rp_table_add(d, s, 3, w);
	static const char *const head[] = { "STT", "Tiêu chí", "Kết quả" };
	rp_head_row(d, t, head);
	for (int i = 0; i < 10; i++) {
		size_t r = rp_row_add(d, t);
		rp_cell_int(d, t, r, 0, i + 1);
		rp_cell_text(d, t, r, 1, 0, "Có kế hoạch ứng dụng CNTT");
	}
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 1, RP_BOLD, "Tổng cộng");
	rp_body(d, s, 0, "III. Kiến nghị");
	rp_body(d, s, 0, "Không.");
	return d;
}

/* Rows: k lines, the header (k), 10 rows (k + 1 … k + 10), the total
 * (k + 11). */
static int
total_kept(int k, const struct laid *l)
{
	return breaks_at_most(l, k, (unsigned)k + 2, (unsigned)k + 11,
			      (unsigned)k + 9);
}

/* When the closing takes a table's last rows, the total goes with two
 * rows of its own: Calc printed tu-kiem-tra's "Tổng cộng" atop page 4
 * under the repeated head with one criterion. */
static void
total_keeps_two_rows(void **state)
{
	(void)state;
	each_length(OUTDIR "/criteria.xlsx", criteria_doc, 0, 60, total_kept,
		    true);
}

/* A meeting record: n lines, then its signers in a borderless table and
 * no signature block. */
static struct rp_doc *
record_doc(struct arena *a, int n)
{
	struct rp_doc *d = rp_doc_new(a);
	struct rp_section *s = rp_section0(d);
	for (int i = 0; i < n; i++)
		rp_body(d, s, 0, "Một dòng.");
	static const int w[] = { 1, 1 };
	struct rp_table *t = rp_table_add(d, s, 2, w);
	t->borders = false;
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, RP_BOLD, "THƯ KÝ\n\n\n\nLê Văn Nam");
	rp_cell_text(d, t, r, 1, RP_BOLD, "CHỦ TRÌ\n\n\n\nLưu Thị Thuận");
	return d;
}

/* Rows: n lines (0 … n - 1), the signers (n). */
static int
signers_kept(int n, const struct laid *l)
{
	return breaks_at_most(l, n, 0, UINT_MAX, (unsigned)n - 2);
}

/* The signers' table ending a document goes with its last two lines,
 * as a signature block does: Calc printed a meeting record's "THƯ KÝ"
 * and "CHỦ TRÌ" alone on page 2. */
static void
signers_keep_body(void **state)
{
	(void)state;
	each_length(OUTDIR "/record.xlsx", record_doc, 3, 90, signers_kept,
		    true);
}

/* A listing's office copy: n lines, a table of k units, its subtotal
 * and total (each kept with the row above), the closing block. */
static struct rp_doc *
listing_doc(struct arena *a, int n, int k)
{
	struct rp_doc *d = letter(a, n);
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 10, 50, 40 };
	struct rp_table *t = rp_table_add(d, s, 3, w);
	static const char *const head[] = { "STT", "Tên đơn vị", "Trạng thái" };
	rp_head_row(d, t, head);
	for (int i = 0; i < k; i++) {
		size_t r = rp_row_add(d, t);
		rp_cell_int(d, t, r, 0, i + 1);
		rp_cell_text(d, t, r, 1, 0, "Trường Tiểu học Lê Lợi");
	}
	static const char *const sums[] = { "Cộng: 6 đơn vị", "Tổng cộng" };
	for (int i = 0; i < 2; i++) {
		size_t r = rp_row_add(d, t);
		rp_cell_text(d, t, r, 1, RP_BOLD, sums[i]);
		rp_row_keep_prev(t, r);
	}
	return d;
}

/* A listing of n lines and six units. */
static struct rp_doc *
six_units(struct arena *a, int n)
{
	return listing_doc(a, n, 6);
}

/* Rows: n lines, the header (n), units n + 1 … n + 6, the subtotal n + 7
 * and total n + 8. */
static int
units_kept(int n, const struct laid *l)
{
	return breaks_at_most(l, n, (unsigned)n + 1, UINT_MAX, (unsigned)n + 5);
}

/* The closing block takes at least two units' rows along with the
 * subtotal and total: Calc printed a Sở listing's "Cộng", "Tổng cộng"
 * and signature alone on its last page. */
static void
closing_takes_units(void **state)
{
	(void)state;
	each_length(OUTDIR "/listing-closing.xlsx", six_units, 0, 60,
		    units_kept, true);
}

/* Phụ lục 2's grid: a narrow TT, a wide Nội dung, four number columns. */
static struct rp_doc *
grid_doc(struct arena *a)
{
	struct rp_doc *d = rp_doc_new(a);
	struct rp_header *h = arena_alloc(a, sizeof *h);
	assert_non_null(h);
	memset(h, 0, sizeof *h);
	h->parent_org = "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG";
	h->org = "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HẢI PHÒNG";
	d->header = h;
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 5, 50, 12, 12, 12, 12 };
	struct rp_table *t = rp_table_add(d, s, 6, w);
	static const char *const head[] = { "TT",   "Nội dung", "TH",
					    "THCS", "THPT",	"Tổng" };
	rp_head_row(d, t, head);
	struct rp_chart *c = rp_chart_add(d, s, RP_CHART_GROUPED, 2, 2);
	static const char *cats[] = { "Tiểu học", "Trung học cơ sở" };
	static const char *series[] = { "Yếu", "Tốt" };
	c->cats = cats;
	c->series = series;
	return d;
}

/* Stored width of column c (1-based) in sheet xml. */
static double
col_width(const char *x, int c)
{
	char key[64];
	snprintf(key, sizeof key, "<col min=\"%d\" max=\"%d\" width=\"", c, c);
	const char *p = strstr(x, key);
	assert_non_null(p);
	return strtod(p + strlen(key), NULL);
}

/* n lines, then a listing of groups of 8 and 40 units: rows n (head),
 * n + 1 (group I), n + 2 … n + 9, n + 10 (Cộng), n + 11 (group II),
 * n + 12 … n + 51, n + 52 (Cộng), n + 53 (Tổng cộng). The second group
 * is longer than a page: the closing's break never reaches the first. */
static struct rp_doc *
groups_doc(struct arena *a, int n)
{
	struct rp_doc *d = letter(a, n);
	struct rp_section *s = rp_section0(d);
	static const int w[] = { 10, 50, 40 };
	struct rp_table *t = rp_table_add(d, s, 3, w);
	static const char *const head[] = { "STT", "Tên đơn vị", "Trạng thái" };
	rp_head_row(d, t, head);
	for (int g = 0; g < 2; g++) {
		size_t r = rp_row_add(d, t);
		rp_cell_text(d, t, r, 0, RP_BOLD, g ? "II" : "I");
		for (int i = 0; i < (g ? 40 : 8); i++) {
			r = rp_row_add(d, t);
			rp_cell_int(d, t, r, 0, i + 1);
			rp_cell_text(d, t, r, 1, 0, "Trường Tiểu học Lê Lợi");
			if (i == 0)
				rp_row_keep_prev(t, r);
		}
		r = rp_row_add(d, t);
		rp_cell_text(d, t, r, 1, RP_BOLD, "Cộng");
		rp_row_keep_prev(t, r);
	}
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 1, RP_BOLD, "Tổng cộng: 48 đơn vị");
	rp_row_keep_prev(t, r);
	return d;
}

/* The sheet's width in pixels as the writer counts it (xlsx_rows.c
 * sheet_px): the stored widths are Excel's, padding included. */
static double
sheet_px(const char *x, int ncols)
{
	double px = 0;
	for (int c = 1; c <= ncols; c++)
		px += (double)(int)(col_width(x, c) * 7 + 0.5);
	return px;
}

/* Whether a page of cap pt starts at row want: rows paginated from the
 * top with the manual breaks, the head (row head, title_h pt) repeated
 * on every page after the one it starts on. */
static bool
page_starts_at(const double *h, size_t rows, const unsigned *brk, double cap,
	       size_t head, double title_h, size_t want)
{
	double used = 0;
	for (size_t r = 0, k = 0; r < rows; r++) {
		bool manual = brk[k] && brk[k] == r;
		k += manual;
		if (manual || (used > 0 && used + h[r] > cap)) {
			if (r == want)
				return true;
			used = r > head ? title_h : 0;
		}
		used += h[r];
	}
	return false;
}

/* A subtotal never starts a page without the unit it closes, nor a
 * group's first unit without its heading, in Excel's geometry and in
 * Calc's with Carlito (0.75 to 0.84 pt a pixel): Calc printed a Sở
 * listing's "Cộng: 28 đơn vị" under the repeated head alone. */
static void
subtotal_keeps_unit(void **state)
{
	(void)state;
	const char *path = OUTDIR "/groups.xlsx";
	const double page_w =
		(RP_PAGE_W_MM - RP_MARGIN_LEFT_MM - RP_MARGIN_RIGHT_MM) * 72.0 /
		25.4;
	const double page_h =
		(RP_PAGE_H_MM - RP_MARGIN_TOP_MM - RP_MARGIN_BOTTOM_MM) * 72.0 /
		25.4;
	static const double pt_per_px[] = { 0.75, 0.8, 0.84 };
	for (int n = 0; n < 60; n++) {
		struct arena *a = arena_new();
		struct laid l;
		laid_out(groups_doc(a, n), path, &l);
		double px = sheet_px(l.x, 3);
		size_t kept[] = { 2, 10, 12, 52, 53 };
		for (size_t i = 0; i < 3; i++) {
			double scale = page_w / (px * pt_per_px[i]);
			double cap = page_h / (scale < 1 ? scale : 1);
			for (size_t k = 0; k < 5; k++) {
				size_t r = (size_t)n + kept[k];
				bool bad = page_starts_at(l.h, l.rows, l.brk,
							  cap, (size_t)n,
							  l.h[n], r);
				if (bad)
					fprintf(stderr,
						"  n=%d cap=%.0f: page "
						"starts at row %zu\n",
						n, cap, r);
				assert_false(bad);
			}
		}
		free(l.x);
		arena_free(a);
	}
	unlink(path);
}

/* A one-line text the letter count fits but pango does not (capitals
 * and diacritics are wider than the count's average letter) gets the
 * lines pango measures: Calc cut "Trung tâm GDNN-GDTX quận Dương Kinh"
 * on the second line of a one-line row. */
static void
near_full_cell_measured(void **state)
{
	(void)state;
	const char *path = OUTDIR "/near-full.xlsx";
	struct arena *a = arena_new();
	struct rp_doc *d = letter(a, 1);
	static const int w[] = { 10, 50, 40 };
	struct rp_table *t = rp_table_add(d, rp_section0(d), 3, w);
	static const char *const head[] = { "STT", "Tên đơn vị", "Ghi chú" };
	rp_head_row(d, t, head);
	size_t r = rp_row_add(d, t);
	rp_cell_int(d, t, r, 0, 1);
	write_ok(d, path);
	char *x = zip_part(path, "xl/worksheets/sheet1.xml");
	/* As many capitals as 85 % of a line holds by the letter count. */
	double cols = col_width(x, 2) - 5.0 / 7;
	double fit = xlsx_per_line(cols, 12, false);
	free(x);
	char text[512] = "";
	for (int i = 0; i < (int)(fit * 0.85) / 5; i++)
		strcat(text, i ? " ĐỒNG" : "ĐỒNG");
	assert_int_equal(xlsx_text_lines(text, cols, 12, false), 1);
	rp_cell_text(d, t, r, 1, 0, text);
	write_ok(d, path);
	x = zip_part(path, "xl/worksheets/sheet1.xml");
	double h[16];
	unsigned brk[XLSX_MAX_BREAKS + 1];
	sheet_rows(x, h, 16, brk);
	/* Rows: the line (0), the head (1), the unit (2). */
	assert_true(h[2] >= xlsx_lines_pt(2, 12));
	free(x);
	unlink(path);
	arena_free(a);
}

/* The right half of the NĐ 30 header holds the Quốc hiệu on one line:
 * Calc wrapped "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT / NAM" in Phụ lục 2, whose
 * header split the columns 3 + 3 (35 units on the right). The split now
 * follows the PDF's 42 % and the right half gets at least 50 units. */
static void
header_halves(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *path = OUTDIR "/halves.xlsx";
	write_ok(grid_doc(a), path);
	char *x = zip_part(path, "xl/worksheets/sheet1.xml");
	/* The Quốc hiệu's merged range: the one that ends in column F of
	 * row 1. */
	const char *m = strstr(x, "1:F1\"/>");
	assert_non_null(m);
	int first = m[-1] - 'A' + 1;
	double right = 0, left = 0;
	for (int c = 1; c <= 6; c++)
		*(c >= first ? &right : &left) += col_width(x, c);
	assert_true(right >= 50);
	assert_true(left >= 34);
	free(x);
	unlink(path);
	arena_free(a);
}

/* An appendix sheet has no NĐ 30 header: its table keeps its own
 * shares. The Thủ Dầu Một rubric's NỘI DUNG (53 %) came out at 33 of 88
 * units, its room given to a header half no row of that sheet used. */
static void
appendix_shares(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = grid_doc(a);
	struct rp_section *s = rp_section_add(d, false);
	static const int w[] = { 9, 53, 10, 10, 28 };
	struct rp_table *t = rp_table_add(d, s, 5, w);
	static const char *const head[] = { "STT", "NỘI DUNG", "Điểm chuẩn",
					    "Tự chấm", "Kèm minh chứng" };
	rp_head_row(d, t, head);
	const char *path = OUTDIR "/shares.xlsx";
	write_ok(d, path);
	char *x = zip_part(path, "xl/worksheets/sheet2.xml");
	double total = 0;
	for (int c = 1; c <= 5; c++)
		total += col_width(x, c);
	/* 53 of 110 shares: 48 %; 36 % before. */
	assert_true(col_width(x, 2) >= 0.45 * total);
	free(x);
	unlink(path);
	arena_free(a);
}

/* The chart's data spans as many columns as its labels need: column A
 * alone (a narrow TT) wrapped "Tiểu học" in Calc. The categories stay in
 * column A (merged with B), the series follow. */
static void
chart_labels_span(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *path = OUTDIR "/labels.xlsx";
	write_ok(grid_doc(a), path);
	char *x = zip_part(path, "xl/charts/chart1.xml");
	assert_non_null(strstr(x, "!$A$"));
	assert_non_null(strstr(x, "!$C$"));
	assert_null(strstr(x, "!$B$"));
	free(x);
	unlink(path);
	arena_free(a);
}

/* ---- errors --------------------------------------------------------------- */

static void
oom_refused(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	d->oom = true;
	const char *p = OUTDIR "/oom.xlsx";
	unlink(p);
	char err[256] = "";
	assert_int_equal(rp_write_xlsx(d, p, err, sizeof err), TS_ENOMEM);
	assert_non_null(strstr(err, "không đủ bộ nhớ"));
	assert_int_not_equal(access(p, F_OK), 0);
	arena_free(a);
}

static bool
temp_left(const char *path)
{
	char tmp[512];
	snprintf(tmp, sizeof tmp, "%s.part-%ld", path, (long)getpid());
	return access(tmp, F_OK) == 0;
}

static void
unwritable(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	char err[512] = "";
	/* The parent is a regular file: the temp file cannot be made. */
	const char *p = FIXTURE "/x.xlsx";
	assert_int_equal(rp_write_xlsx(d, p, err, sizeof err), TS_EIO);
	assert_non_null(strstr(err, "không tạo được tệp"));
	assert_non_null(strstr(err, p));
	assert_false(temp_left(p));
	/* The destination is a directory: the rename fails, the temp file
	 * is removed. */
	const char *dir = OUTDIR "/is-a-dir";
	mkdir(dir, 0755);
	err[0] = '\0';
	assert_int_equal(rp_write_xlsx(d, dir, err, sizeof err), TS_EIO);
	assert_non_null(strstr(err, "không ghi được tệp"));
	assert_false(temp_left(dir));
	rmdir(dir);
	arena_free(a);
}

/* ---- sheet names ------------------------------------------------------------ */

static size_t
utf16_units(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) != 0x80)
			n++;
		if ((*p & 0xF8) == 0xF0)
			n++; /* astral: a surrogate pair */
	}
	return n;
}

static void
names_clean(void **state)
{
	(void)state;
	char taken[4][XLSX_NAME_SIZE];
	char out[XLSX_NAME_SIZE];
	/* 45 characters of Vietnamese: cut at 31 characters, not bytes. */
	const char *longn = "Tổng hợp kết quả tự đánh giá chuyển đổi số 2023";
	xlsx_sheet_name(longn, "x", taken, 0, out);
	assert_int_equal(utf16_units(out), 31);
	assert_int_equal(strncmp(out, longn, strlen(out)), 0);
	assert_string_equal(out, "Tổng hợp kết quả tự đánh giá ch");
	xlsx_sheet_name("Kết quả [1/2]: a*b?c\\d", "x", taken, 0, out);
	assert_string_equal(out, "Kết quả -1-2-- a-b-c-d");
	xlsx_sheet_name("'Trích yếu'", "x", taken, 0, out);
	assert_string_equal(out, "Trích yếu");
	xlsx_sheet_name("  ", "Phụ lục 2", taken, 0, out);
	assert_string_equal(out, "Phụ lục 2");
	xlsx_sheet_name(NULL, "Báo cáo", taken, 0, out);
	assert_string_equal(out, "Báo cáo");
	xlsx_sheet_name("history", "x", taken, 0, out);
	assert_string_equal(out, "history (2)");
	xlsx_sheet_name("Tab\tmới\n", "x", taken, 0, out);
	assert_string_equal(out, "Tab mới");
	/* An emoji counts two units. */
	xlsx_sheet_name("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "x", taken, 0, out);
	assert_int_equal(utf16_units(out), 30);
}

static void
names_unique(void **state)
{
	(void)state;
	char taken[4][XLSX_NAME_SIZE];
	xlsx_sheet_name("Phụ lục 1", "x", taken, 0, taken[0]);
	xlsx_sheet_name("PHỤ LỤC 1", "x", taken, 1, taken[1]);
	assert_string_equal(taken[1], "PHỤ LỤC 1 (2)");
	xlsx_sheet_name("phụ lục 1", "x", taken, 2, taken[2]);
	assert_string_equal(taken[2], "phụ lục 1 (3)");
	/* Long and duplicate: the suffix still fits in 31. */
	const char *longn = "Danh sách các trường chưa nộp báo cáo đúng hạn";
	xlsx_sheet_name(longn, "x", taken, 0, taken[0]);
	xlsx_sheet_name(longn, "x", taken, 1, taken[1]);
	assert_int_equal(utf16_units(taken[1]), 31);
	assert_non_null(strstr(taken[1], " (2)"));
}

/* Names that break Excel's rules still make a valid workbook. */
static void
names_in_workbook(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	rp_section0(d)->sheet_name = "Tổng hợp: kết quả [toàn quận] 2022/2023";
	rp_body(d, rp_section0(d), 0, "Nội dung");
	struct rp_section *s = rp_section_add(d, false);
	s->sheet_name = "TỔNG HỢP- KẾT QUẢ -TOÀN QUẬN- 2022-2023";
	rp_body(d, s, 0, "Nội dung");
	s = rp_section_add(d, true);
	rp_body(d, s, 0, "Nội dung");
	const char *p = OUTDIR "/names.xlsx";
	write_ok(d, p);
	char *wb = zip_part(p, "xl/workbook.xml");
	assert_non_null(strstr(wb, "name=\"Tổng hợp- kết quả -toàn quận- 2\""));
	assert_non_null(strstr(wb, "name=\"TỔNG HỢP- KẾT QUẢ -TOÀN QUẬ (2)\""));
	assert_non_null(strstr(wb, "name=\"Phụ lục 2\""));
	free(wb);
	unlink(p);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixture_values),
		cmocka_unit_test(fixture_xml),
		cmocka_unit_test(fixture_appendix),
		cmocka_unit_test(reproducible),
		cmocka_unit_test(listing_frozen),
		cmocka_unit_test(hyphen_word_fits),
		cmocka_unit_test(hyphen_joined),
		cmocka_unit_test(long_cell_measured),
		cmocka_unit_test(short_table_no_titles),
		cmocka_unit_test(closing_keeps_body),
		cmocka_unit_test(closing_takes_table_rows),
		cmocka_unit_test(closing_takes_units),
		cmocka_unit_test(total_keeps_two_rows),
		cmocka_unit_test(signers_keep_body),
		cmocka_unit_test(subtotal_keeps_unit),
		cmocka_unit_test(near_full_cell_measured),
		cmocka_unit_test(header_halves),
		cmocka_unit_test(chart_labels_span),
		cmocka_unit_test(appendix_shares),
		cmocka_unit_test(listing_big),
		cmocka_unit_test(oom_refused),
		cmocka_unit_test(unwritable),
		cmocka_unit_test(second_table_repeats_header),
		cmocka_unit_test(names_clean),
		cmocka_unit_test(names_unique),
		cmocka_unit_test(names_in_workbook),
	};
	return cmocka_run_group_tests(tests, setup_dir, NULL);
}
