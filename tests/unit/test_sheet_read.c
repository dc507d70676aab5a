/* The spreadsheet reader (core/sheet_read.c, sheet_csv.c, sheet_xlsx.c …):
 * CSV and XLSX in, trimmed NFC cells out, Vietnamese problems. XLSX cases
 * are built in memory (a stored zip of XML strings) or read from
 * tests/unit/fixtures/ (made by fixtures/make_sheet_fixtures.py). Run from
 * the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/sheet_read.h"
#include "../../src/util/arena.h"
#include "../../src/util/diag.h"

#define FIX    "tests/unit/fixtures/"
/* A string literal as buffer and length (embedded NULs included). */
#define LIT(s) (s), (sizeof(s) - 1)

/* ---- helpers ---------------------------------------------------------- */

struct rd {
	struct arena *a;
	struct diags d;
	struct sheet s;
	enum ts_err e;
};

static void
print_diags(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "  diag[%zu] where=\"%s\" msg=\"%s\"\n", i,
			d->v[i].where, d->v[i].msg);
}

static void
rd_run(struct rd *r, const char *buf, size_t len, enum sheet_format fmt,
       const char *name)
{
	r->a = arena_new();
	assert_non_null(r->a);
	diags_init(&r->d);
	/* A sentinel: *out must stay untouched on error. */
	r->s.rows = (struct sheet_row *)&r->s;
	r->s.nrows = 4242;
	r->e = sheet_read(buf, len, fmt, name, r->a, &r->s, &r->d);
}

static void
rd_free(struct rd *r)
{
	diags_release(&r->d);
	arena_free(r->a);
}

static void
rd_ok(struct rd *r, const char *buf, size_t len, enum sheet_format fmt)
{
	rd_run(r, buf, len, fmt, "t");
	if (r->e != TS_OK)
		print_diags(&r->d);
	assert_int_equal(r->e, TS_OK);
	assert_int_equal(r->d.n, 0);
	assert_true(r->s.nrows > 0);
}

static void
rd_bad(struct rd *r, const char *buf, size_t len, enum sheet_format fmt,
       enum ts_err want)
{
	rd_run(r, buf, len, fmt, "t");
	if (r->e != want)
		print_diags(&r->d);
	assert_int_equal(r->e, want);
	assert_true(r->d.n > 0);
	assert_ptr_equal(r->s.rows, (struct sheet_row *)&r->s);
	assert_int_equal(r->s.nrows, 4242);
}

static void
csv_ok(struct rd *r, const char *text)
{
	rd_ok(r, text, strlen(text), SHEET_AUTO);
}

static void
csv_bad(struct rd *r, const char *text, enum ts_err want)
{
	rd_bad(r, text, strlen(text), SHEET_AUTO, want);
}

/* Problem with this where (NULL: any) whose message contains msg. */
static bool
has_diag(const struct diags *d, const char *where, const char *msg)
{
	for (size_t i = 0; i < d->n; i++)
		if ((where == NULL || strcmp(d->v[i].where, where) == 0) &&
		    strstr(d->v[i].msg, msg) != NULL)
			return true;
	fprintf(stderr, "  no problem at \"%s\" containing \"%s\"; have:\n",
		where ? where : "(any)", msg);
	print_diags(d);
	return false;
}

#define assert_diag(r, where, msg) assert_true(has_diag(&(r)->d, where, msg))

static void
row_is(const struct sheet *s, size_t i, size_t line, const char *const *want,
       size_t n)
{
	assert_true(i < s->nrows);
	const struct sheet_row *row = &s->rows[i];
	assert_int_equal(row->line, line);
	assert_int_equal(row->ncells, n);
	for (size_t k = 0; k < n; k++) {
		assert_non_null(row->cells[k]);
		assert_string_equal(row->cells[k], want[k]);
	}
}

#define CELLS(...) ((const char *const[]){ __VA_ARGS__ })
#define ROW(r, i, line, ...)                                                   \
	row_is(&(r)->s, (i), (line), CELLS(__VA_ARGS__),                       \
	       sizeof(CELLS(__VA_ARGS__)) / sizeof(const char *))

static char *
read_fixture(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	char *p = malloc((size_t)n + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return p;
}

/* ---- a stored (uncompressed) zip built in memory ---------------------- */

struct zpart {
	const char *name;
	const char *data;
};

static uint32_t
crc32_of(const char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= (unsigned char)p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
	}
	return ~c;
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFFu);
	put16(p + 2, v >> 16);
}

/* Local header (sig 04034b50, 30 bytes) or central entry (02014b50, 46). */
static size_t
zip_header(unsigned char *p, bool central, const struct zpart *z, uint32_t size,
	   uint32_t offset)
{
	size_t nl = strlen(z->name);
	size_t h = central ? 46 : 30;
	memset(p, 0, h);
	put32(p, central ? 0x02014b50u : 0x04034b50u);
	unsigned char *q = central ? p + 6 : p + 4; /* skip "made by" */
	put16(q, 20);				    /* version needed */
	put32(q + 10, crc32_of(z->data, strlen(z->data)));
	put32(q + 14, (uint32_t)strlen(z->data)); /* compressed size */
	put32(q + 18, size); /* uncompressed size (may lie) */
	put16(q + 22, (unsigned)nl);
	if (central)
		put32(p + 42, offset);
	memcpy(p + h, z->name, nl);
	return h + nl;
}

/* Zip of parts; `claim`, if not 0, is the uncompressed size claimed for
 * the last part. Malloc'd. */
static char *
zip_build(const struct zpart *parts, size_t n, uint32_t claim, size_t *len)
{
	size_t cap = 22;
	for (size_t i = 0; i < n; i++)
		cap += 76 + 2 * strlen(parts[i].name) + strlen(parts[i].data);
	unsigned char *p = calloc(1, cap);
	assert_non_null(p);
	uint32_t *offs = calloc(n + 1, sizeof(*offs));
	assert_non_null(offs);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t sz = (uint32_t)strlen(parts[i].data);
		offs[i] = (uint32_t)o;
		o += zip_header(p + o, false, &parts[i],
				i == n - 1 && claim ? claim : sz, 0);
		memcpy(p + o, parts[i].data, sz);
		o += sz;
	}
	size_t cd = o;
	for (size_t i = 0; i < n; i++) {
		uint32_t sz = (uint32_t)strlen(parts[i].data);
		o += zip_header(p + o, true, &parts[i],
				i == n - 1 && claim ? claim : sz, offs[i]);
	}
	put32(p + o, 0x06054b50u);
	put16(p + o + 8, (unsigned)n);
	put16(p + o + 10, (unsigned)n);
	put32(p + o + 12, (uint32_t)(o - cd));
	put32(p + o + 16, (uint32_t)cd);
	o += 22;
	free(offs);
	*len = o;
	return (char *)p;
}

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R                                                                   \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

#define WB_ONE                                                                 \
	"<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"        \
	"<sheet name=\"Trường\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"     \
	"</workbook>"
#define RELS_STD                                                               \
	"<Relationships xmlns=\"" NS_PKG "\">"                                 \
	"<Relationship Id=\"rId1\" Type=\"" NS_R "/worksheet\" "               \
	"Target=\"worksheets/sheet1.xml\"/>"                                   \
	"<Relationship Id=\"rId9\" Type=\"" NS_R "/sharedStrings\" "           \
	"Target=\"sharedStrings.xml\"/></Relationships>"
#define RELS_NOSST                                                             \
	"<Relationships xmlns=\"" NS_PKG "\">"                                 \
	"<Relationship Id=\"rId1\" Type=\"" NS_R "/worksheet\" "               \
	"Target=\"/xl/worksheets/./sheet1.xml\"/></Relationships>"
#define SST(items) "<sst xmlns=\"" NS_MAIN "\">" items "</sst>"
#define WS(rows)                                                               \
	"<worksheet xmlns=\"" NS_MAIN "\"><sheetData>" rows                    \
	"</sheetData></worksheet>"

/* Reads a workbook made of one sheet (sheet XML) and shared strings (sst,
 * NULL for none), with the standard workbook and relationships. */
static void
xlsx_run(struct rd *r, const char *sst, const char *ws)
{
	struct zpart parts[] = {
		{ "xl/workbook.xml", WB_ONE },
		{ "xl/_rels/workbook.xml.rels", sst ? RELS_STD : RELS_NOSST },
		{ "xl/worksheets/sheet1.xml", ws },
		{ "xl/sharedStrings.xml", sst },
	};
	size_t len;
	char *z = zip_build(parts, sst != NULL ? 4 : 3, 0, &len);
	rd_run(r, z, len, SHEET_AUTO, "t.xlsx");
	free(z);
}

static void
xlsx_ok(struct rd *r, const char *sst, const char *ws)
{
	xlsx_run(r, sst, ws);
	if (r->e != TS_OK)
		print_diags(&r->d);
	assert_int_equal(r->e, TS_OK);
	assert_int_equal(r->d.n, 0);
}

static void
xlsx_bad(struct rd *r, const char *sst, const char *ws, enum ts_err want)
{
	xlsx_run(r, sst, ws);
	if (r->e != want)
		print_diags(&r->d);
	assert_int_equal(r->e, want);
	assert_true(r->d.n > 0);
	assert_int_equal(r->s.nrows, 4242);
}

/* ---- CSV ---------------------------------------------------------------- */

static void
test_csv_bom_semicolon_crlf(void **state)
{
	(void)state;
	struct rd r;
	csv_ok(&r, "\xEF\xBB\xBFMã trường;Tên trường\r\n00123;Trường A\r\n");
	assert_int_equal(r.s.nrows, 2);
	ROW(&r, 0, 1, "Mã trường", "Tên trường");
	ROW(&r, 1, 2, "00123", "Trường A");
	rd_free(&r);
}

static void
test_csv_comma_no_bom(void **state)
{
	(void)state;
	struct rd r;
	csv_ok(&r, "a,b,c\n1,2,3"); /* no final newline */
	assert_int_equal(r.s.nrows, 2);
	ROW(&r, 0, 1, "a", "b", "c");
	ROW(&r, 1, 2, "1", "2", "3");
	rd_free(&r);
	/* The same bytes declared CSV explicitly. */
	rd_ok(&r, LIT("x;y\n"), SHEET_CSV);
	ROW(&r, 0, 1, "x", "y");
	rd_free(&r);
}

static void
test_csv_tab(void **state)
{
	(void)state;
	struct rd r;
	/* One tab and one comma on the first line: TAB wins the tie. */
	csv_ok(&r, "Mã\tTên, địa chỉ\n1\tA, B\n");
	ROW(&r, 0, 1, "Mã", "Tên, địa chỉ");
	ROW(&r, 1, 2, "1", "A, B");
	rd_free(&r);
	/* Semicolons outnumber commas (Vietnamese-locale Excel). */
	csv_ok(&r, "Tên;Điểm;Ghi chú\nA;8,5;x, y\n");
	ROW(&r, 1, 2, "A", "8,5", "x, y");
	rd_free(&r);
}

static void
test_csv_quoted(void **state)
{
	(void)state;
	struct rd r;
	csv_ok(&r, "\"Tên\",\"Ghi chú\",\"Trích\"\n"
		   "\"Trường A, cơ sở 1\",\"dòng một\ndòng hai\","
		   "\"nói \"\"xin chào\"\"\"\n"
		   "x,\"\",z\n");
	assert_int_equal(r.s.nrows, 3);
	ROW(&r, 0, 1, "Tên", "Ghi chú", "Trích");
	ROW(&r, 1, 2, "Trường A, cơ sở 1", "dòng một\ndòng hai",
	    "nói \"xin chào\"");
	ROW(&r, 2, 4, "x", "", "z"); /* the record above took lines 2-3 */
	rd_free(&r);
	/* A quoted delimiter on the first line does not count. */
	csv_ok(&r, "\"a;b\",c\n");
	ROW(&r, 0, 1, "a;b", "c");
	rd_free(&r);
}

static void
test_csv_line_ends(void **state)
{
	(void)state;
	struct rd r;
	csv_ok(&r, "a;b\rc;d\r\ne;f\n\"g\r\nh\";i\r\n");
	assert_int_equal(r.s.nrows, 4);
	ROW(&r, 0, 1, "a", "b");
	ROW(&r, 1, 2, "c", "d");
	ROW(&r, 2, 3, "e", "f");
	ROW(&r, 3, 4, "g\r\nh", "i");
	rd_free(&r);
}

static void
test_csv_nfc_trim(void **state)
{
	(void)state;
	struct rd r;
	/* "Trường" decomposed (u + horn, o + horn + grave). */
	csv_ok(&r, "  Tru\xCC\x9Bo\xCC\x9B\xCC\x80ng  ;\t x \t;\" q \"\n");
	ROW(&r, 0, 1, "Trường", "x", "q");
	rd_free(&r);
}

static void
test_csv_blank_rows_and_cells(void **state)
{
	(void)state;
	struct rd r;
	csv_ok(&r, "a;b;;\n\n;;\n  \nc;;d\n;\n\n\n");
	assert_int_equal(r.s.nrows, 2);
	ROW(&r, 0, 1, "a", "b"); /* trailing empty cells not stored */
	ROW(&r, 1, 5, "c", "", "d");
	rd_free(&r);
}

static void
test_csv_sep_line(void **state)
{
	(void)state;
	struct rd r;
	csv_ok(&r, "sep=,\r\nMã;Tên,x\r\n");
	assert_int_equal(r.s.nrows, 1);
	ROW(&r, 0, 2, "Mã;Tên", "x");
	rd_free(&r);
	/* "sep=" with more on the line is data. */
	csv_ok(&r, "sep=;x\n");
	ROW(&r, 0, 1, "sep=", "x");
	rd_free(&r);
}

static void
test_csv_invalid_utf8(void **state)
{
	(void)state;
	struct rd r;
	/* Windows-1258 / TCVN3 bytes on lines 3 and 5. */
	csv_bad(&r, "Mã;Tên\n1;A\n2;Tr\xB0\xEC\xF2ng B\n3;C\n4;\xC3\n",
		TS_EINVAL);
	assert_diag(&r, "t: dòng 3", "không phải UTF-8");
	assert_diag(&r, "t: dòng 3", "CSV UTF-8");
	assert_diag(&r, "t: dòng 3", "Windows-1258");
	assert_diag(&r, "t: dòng 5", "không phải UTF-8");
	assert_int_equal(r.d.n, 2);
	rd_free(&r);
}

static void
test_csv_invalid_utf8_many(void **state)
{
	(void)state;
	char text[30 * 4 + 1];
	for (int i = 0; i < 30; i++)
		memcpy(text + 4 * i, "a\xE9;\n", 4);
	text[120] = '\0';
	struct rd r;
	csv_bad(&r, text, TS_EINVAL);
	assert_int_equal(r.d.n, 21); /* 20 lines, then a count */
	assert_diag(&r, "t: dòng 20", "không phải UTF-8");
	assert_diag(&r, "t", "còn 10 dòng khác");
	rd_free(&r);
}

static void
test_csv_utf16_and_nul(void **state)
{
	(void)state;
	struct rd r;
	rd_bad(&r,
	       LIT("\xFF\xFE"
		   "a\0;\0b\0"),
	       SHEET_AUTO, TS_EINVAL);
	assert_diag(&r, "t", "UTF-16");
	rd_free(&r);
	rd_bad(&r, LIT("a;b\nc\0d;e\n"), SHEET_CSV, TS_EINVAL);
	assert_diag(&r, "t: dòng 2", "byte 0");
	rd_free(&r);
}

static void
test_csv_empty(void **state)
{
	(void)state;
	static const char *const empty[] = {
		"", "\xEF\xBB\xBF", ";;\n \n\n", "\r\n", "\"\"\n",
	};
	for (size_t i = 0; i < sizeof(empty) / sizeof(*empty); i++) {
		struct rd r;
		csv_bad(&r, empty[i], TS_EINVAL);
		assert_diag(&r, "t", "không có dữ liệu");
		rd_free(&r);
	}
	struct rd r;
	rd_bad(&r, NULL, 0, SHEET_AUTO, TS_EINVAL);
	rd_free(&r);
}

static void
test_csv_too_big(void **state)
{
	(void)state;
	char *big = calloc(1, SHEET_MAX_BYTES + 1);
	assert_non_null(big);
	struct rd r;
	rd_bad(&r, big, SHEET_MAX_BYTES + 1, SHEET_CSV, TS_ELIMIT);
	assert_diag(&r, "t", "tối đa 32 MB");
	rd_free(&r);
	rd_bad(&r, big, SHEET_MAX_BYTES + 1, SHEET_XLSX, TS_ELIMIT);
	rd_free(&r);
	free(big);
}

static void
test_csv_bad_quotes(void **state)
{
	(void)state;
	struct rd r;
	csv_bad(&r, "a;b\nc;x\"y\n", TS_EINVAL);
	assert_diag(&r, "t: dòng 2", "ngoặc kép");
	rd_free(&r);
	csv_bad(&r, "\"ab\"c;d\n", TS_EINVAL);
	assert_diag(&r, "t: dòng 1", "ngoặc kép");
	rd_free(&r);
	/* Left open: the rest of the file would be one cell. */
	csv_bad(&r, "a;b\n\"c;d\ne;f\n", TS_EINVAL);
	assert_diag(&r, "t: dòng 2", "không được đóng");
	rd_free(&r);
}

static void
test_csv_limits(void **state)
{
	(void)state;
	char line[1200];
	size_t n = 0;
	for (int i = 0; i < 250; i++)
		line[n++] = i < 3 ? 'x' : ';';
	line[n++] = '\0';
	struct rd r;
	csv_ok(&r, line); /* 250 fields, only the first 3 non-empty */
	ROW(&r, 0, 1, "xxx");
	rd_free(&r);
	n = 0;
	for (int i = 0; i < 201; i++) {
		line[n++] = 'v';
		line[n++] = ';';
	}
	line[n - 1] = '\0';
	csv_bad(&r, line, TS_ELIMIT);
	assert_diag(&r, "t: dòng 1", "cột GS");
	rd_free(&r);
	line[n - 3] = '\0'; /* 200 columns: fine */
	csv_ok(&r, line);
	assert_int_equal(r.s.rows[0].ncells, SHEET_MAX_COLS);
	rd_free(&r);
}

static void
test_csv_long_cell_and_rows(void **state)
{
	(void)state;
	size_t n = 200u << 10;
	char *p = malloc(2 * (SHEET_MAX_ROWS + 1) + 1);
	assert_non_null(p);
	memset(p, 'a', n);
	p[n] = '\0';
	struct rd r;
	csv_bad(&r, p, TS_ELIMIT);
	assert_diag(&r, "t: dòng 1", "dài hơn");
	rd_free(&r);
	for (size_t i = 0; i < SHEET_MAX_ROWS + 1; i++)
		memcpy(p + 2 * i, "1\n", 2);
	p[2 * (SHEET_MAX_ROWS + 1)] = '\0';
	csv_bad(&r, p, TS_ELIMIT);
	assert_diag(&r, "t: dòng 200001", "200000");
	rd_free(&r);
	p[2 * SHEET_MAX_ROWS] = '\0';
	csv_ok(&r, p);
	assert_int_equal(r.s.nrows, SHEET_MAX_ROWS);
	rd_free(&r);
	free(p);
}

static void
test_csv_given_a_zip_or_xls(void **state)
{
	(void)state;
	struct rd r;
	rd_bad(&r, LIT("PK\x03\x04xyz"), SHEET_CSV, TS_EINVAL);
	assert_diag(&r, "t", "không phải CSV");
	rd_free(&r);
	rd_bad(&r, LIT("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), SHEET_AUTO,
	       TS_EINVAL);
	assert_diag(&r, "t", "Excel 97-2003 (.xls)");
	assert_diag(&r, "t", "mật khẩu");
	rd_free(&r);
}

/* ---- XLSX --------------------------------------------------------------- */

static void
test_xlsx_shared_strings(void **state)
{
	(void)state;
	struct rd r;
	xlsx_ok(&r,
		SST("<si><t>Mã trường</t></si>"
		    "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Trường "
		    "</t></r><r><t>THCS</t></r><rPh sb=\"0\" eb=\"1\"><t>ガ</t>"
		    "</rPh><phoneticPr fontId=\"1\"/></si>"
		    "<si><t>a_x000D_b _x005F_x0041_ c&amp;d</t></si>"
		    "<si><t/></si>"
		    "<si><t>00123</t></si>"),
		WS("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
		   "<c r=\"B1\" t=\"s\"><v>1</v></c></row>"
		   "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c>"
		   "<c r=\"B2\" t=\"s\"><v>2</v></c>"
		   "<c r=\"C2\" t=\"s\"><v>3</v></c>"
		   "<c r=\"D2\" t=\"s\"><v>0</v></c></row>"));
	assert_int_equal(r.s.nrows, 2);
	ROW(&r, 0, 1, "Mã trường", "Trường THCS");
	ROW(&r, 1, 2, "00123", "a\rb _x0041_ c&d", "", "Mã trường");
	/* Cells of the same shared string share the pointer. */
	assert_ptr_equal(r.s.rows[0].cells[0], r.s.rows[1].cells[3]);
	rd_free(&r);
}

static void
test_xlsx_inline_strings(void **state)
{
	(void)state;
	struct rd r;
	xlsx_ok(&r, NULL,
		WS("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>00123</t>"
		   "</is></c><c r=\"B3\" t=\"inlineStr\"><is><r><t>Lê </t></r>"
		   "<r><rPr><i/></rPr><t>Lợi</t></r></is></c>"
		   "<c r=\"C3\" t=\"inlineStr\"><is><t><![CDATA[x<y]]></t>"
		   "</is></c></row>"));
	assert_int_equal(r.s.nrows, 1);
	ROW(&r, 0, 3, "00123", "Lê Lợi", "x<y");
	rd_free(&r);
}

static void
test_xlsx_numbers(void **state)
{
	(void)state;
	struct rd r;
	xlsx_ok(&r, NULL,
		WS("<row r=\"1\"><c r=\"A1\"><v>42</v></c>"
		   "<c r=\"B1\" t=\"n\"><v>1.5</v></c>"
		   "<c r=\"C1\"><v>12.0</v></c><c r=\"D1\"><v>-3.00</v></c>"
		   "<c r=\"E1\"><v>1.2E+20</v></c>"
		   "<c r=\"F1\" s=\"3\"><v>45292</v></c>"
		   "<c r=\"G1\"><v>0.30000000000000004</v></c>"
		   "<c r=\"H1\"><v>123</v></c></row>"));
	ROW(&r, 0, 1, "42", "1.5", "12", "-3", "1.2E+20", "45292",
	    "0.30000000000000004", "123");
	rd_free(&r);
}

static void
test_xlsx_bool_error_formula(void **state)
{
	(void)state;
	struct rd r;
	xlsx_ok(&r, NULL,
		WS("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c>"
		   "<c r=\"B1\" t=\"b\"><v>0</v></c>"
		   "<c r=\"C1\" t=\"e\"><v>#N/A</v></c>"
		   "<c r=\"D1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
		   "<c r=\"E1\"><f>A1+1</f><v>2</v></c>"
		   "<c r=\"F1\"><f>A1+1</f></c>" /* never calculated */
		   "<c r=\"G1\" t=\"str\"><f>X</f><v>z</v></c></row>"));
	ROW(&r, 0, 1, "TRUE", "FALSE", "#N/A", "ab", "2", "", "z");
	rd_free(&r);
}

static void
test_xlsx_sparse(void **state)
{
	(void)state;
	struct rd r;
	xlsx_ok(&r, NULL,
		WS("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"C1\"><v>3</v>"
		   "</c><c r=\"E1\" s=\"4\"/></row>"
		   "<row r=\"4\" spans=\"1:3\"/>"
		   "<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>  </t></is>"
		   "</c></row>"
		   "<row r=\"7\"><c><v>1</v></c><c><v>2</v></c>"
		   "<c r=\"E7\"><v>5</v></c><c><v>6</v></c></row>"
		   "<row><c r=\"B8\"><v>8</v></c></row>"));
	assert_int_equal(r.s.nrows, 3);
	ROW(&r, 0, 1, "1", "", "3");
	ROW(&r, 1, 7, "1", "2", "", "", "5", "6");
	ROW(&r, 2, 8, "", "8"); /* a row without r follows row 7 */
	rd_free(&r);
}

static void
test_xlsx_fixture_openpyxl(void **state)
{
	(void)state;
	size_t len;
	char *buf = read_fixture(FIX "sheet_schools.xlsx", &len);
	struct rd r;
	rd_ok(&r, buf, len, SHEET_AUTO);
	assert_int_equal(r.s.nrows, 5);
	ROW(&r, 0, 1, "Mã trường", "Tên trường", "Số học sinh", "Tỷ lệ",
	    "Công lập", "Thành lập", "Công thức");
	/* NFD in the file, NFC out; the date stays a serial number; the
	 * formula openpyxl wrote has no cached value. */
	ROW(&r, 1, 2, "00123", "Trường THCS Nguyễn Trãi", "450", "0.75", "TRUE",
	    "45292");
	ROW(&r, 2, 3, "00456", "Trường TH Lê Lợi", "1200", "", "FALSE");
	ROW(&r, 3, 5, "x", "", "y");
	ROW(&r, 4, 6, "", "Trường Mầm non"); /* rich text, phonetic skipped */
	rd_free(&r);
	free(buf);
}

static void
test_xlsx_fixture_excel(void **state)
{
	(void)state;
	size_t len;
	char *buf = read_fixture(FIX "sheet_excel.xlsx", &len);
	struct rd r;
	rd_ok(&r, buf, len, SHEET_XLSX);
	assert_int_equal(r.s.nrows, 3);
	ROW(&r, 0, 1, "Mã trường", "Tên trường");
	ROW(&r, 1, 2, "00123", "Trường THCS Lê Lợi\r\ncơ sở 2",
	    "4.4999999999999996", "#N/A");
	ROW(&r, 2, 3, "123", "", "246", "ab");
	rd_free(&r);
	free(buf);
}

static void
test_xlsx_not_a_zip(void **state)
{
	(void)state;
	struct rd r;
	rd_bad(&r, LIT("Mã;Tên\n1;A\n"), SHEET_XLSX, TS_EINVAL);
	assert_diag(&r, "t", "không phải tệp Excel .xlsx");
	rd_free(&r);
	rd_bad(&r, LIT("PK\x03\x04garbage, not a zip"), SHEET_AUTO, TS_EINVAL);
	rd_free(&r);
	rd_bad(&r, LIT("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), SHEET_XLSX,
	       TS_EINVAL);
	assert_diag(&r, "t", "mật khẩu");
	rd_free(&r);
}

static void
zip_bad(struct rd *r, const struct zpart *parts, size_t n, uint32_t claim,
	enum ts_err want)
{
	size_t len;
	char *z = zip_build(parts, n, claim, &len);
	rd_bad(r, z, len, SHEET_AUTO, want);
	free(z);
}

static void
test_xlsx_no_workbook(void **state)
{
	(void)state;
	struct rd r;
	const struct zpart txt[] = { { "hello.txt", "xin chào" } };
	zip_bad(&r, txt, 1, 0, TS_EINVAL);
	assert_diag(&r, "t", "thiếu xl/workbook.xml");
	rd_free(&r);
	const struct zpart ods[] = {
		{ "mimetype",
		  "application/vnd.oasis.opendocument.spreadsheet" },
		{ "content.xml", "<office:document-content/>" },
	};
	zip_bad(&r, ods, 2, 0, TS_EINVAL);
	assert_diag(&r, "t", "OpenDocument (.ods)");
	rd_free(&r);
	const struct zpart norels[] = { { "xl/workbook.xml", WB_ONE } };
	zip_bad(&r, norels, 1, 0, TS_EINVAL);
	assert_diag(&r, "t", "thiếu phần xl/_rels/workbook.xml.rels");
	rd_free(&r);
	const struct zpart nosheet[] = {
		{ "xl/workbook.xml", WB_ONE },
		{ "xl/_rels/workbook.xml.rels", RELS_NOSST },
	};
	zip_bad(&r, nosheet, 2, 0, TS_EINVAL);
	assert_diag(&r, "t", "thiếu phần xl/worksheets/sheet1.xml");
	rd_free(&r);
}

static void
test_xlsx_sheet_choice(void **state)
{
	(void)state;
	/* A chart sheet and a hidden sheet come first; strict namespace. */
	const char *wb =
		"<workbook xmlns:r=\"http://purl.oclc.org/ooxml/"
		"officeDocument/relationships\"><sheets>"
		"<sheet name=\"Biểu đồ\" sheetId=\"1\" r:id=\"rId2\"/>"
		"<sheet name=\"Ẩn\" sheetId=\"2\" state=\"hidden\" r:id=\"rId3\"/>"
		"<sheet name=\"Dữ liệu\" sheetId=\"3\" r:id=\"rId1\"/>"
		"</sheets></workbook>";
	const char *rels =
		"<Relationships>"
		"<Relationship Id=\"rId1\" Type=\"x/worksheet\" "
		"Target=\"sub/../worksheets/data.xml\"/>"
		"<Relationship Id=\"rId2\" Type=\"x/chartsheet\" "
		"Target=\"chartsheets/sheet1.xml\"/>"
		"<Relationship Id=\"rId3\" Type=\"x/worksheet\" "
		"Target=\"worksheets/hidden.xml\"/>"
		"<Relationship Id=\"rId4\" Type=\"x/hyperlink\" "
		"Target=\"http://example.com/\" TargetMode=\"External\"/>"
		"</Relationships>";
	const struct zpart parts[] = {
		{ "xl/workbook.xml", wb },
		{ "xl/_rels/workbook.xml.rels", rels },
		{ "xl/worksheets/hidden.xml",
		  WS("<row><c><v>1</v></c></row>") },
		{ "xl/worksheets/data.xml", WS("<row><c><v>2</v></c></row>") },
	};
	size_t len;
	char *z = zip_build(parts, 4, 0, &len);
	struct rd r;
	rd_ok(&r, z, len, SHEET_AUTO);
	ROW(&r, 0, 1, "2");
	rd_free(&r);
	free(z);
}

static void
test_xlsx_bad_xml(void **state)
{
	(void)state;
	struct rd r;
	xlsx_bad(&r, NULL, "<worksheet><sheetData><row><c><v>1</v></c>",
		 TS_EINVAL);
	assert_diag(&r, "t.xlsx", "xl/worksheets/sheet1.xml");
	rd_free(&r);
	xlsx_bad(&r, NULL, "<worksheet><sheetData><row></c>", TS_EINVAL);
	assert_diag(&r, "t.xlsx", "lỗi XML ở dòng 1");
	rd_free(&r);
	/* No DTD at all: no entity expansion, no external entity. */
	xlsx_bad(&r, NULL,
		 "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM "
		 "\"file:///etc/passwd\">]><worksheet><sheetData><row><c "
		 "t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData>"
		 "</worksheet>",
		 TS_EINVAL);
	assert_diag(&r, "t.xlsx", "DOCTYPE");
	rd_free(&r);
}

static void
test_xlsx_bad_cells(void **state)
{
	(void)state;
	struct rd r;
	xlsx_bad(&r, SST("<si><t>a</t></si>"),
		 WS("<row r=\"4\"><c r=\"A4\" t=\"s\"><v>0</v></c>"
		    "<c r=\"B4\" t=\"s\"><v>7</v></c>"
		    "<c r=\"C4\" t=\"s\"><v>x</v></c>"
		    "<c r=\"4D\"><v>1</v></c></row><row r=\"0\"/>"),
		 TS_EINVAL);
	assert_diag(&r, "t.xlsx: dòng 4", "ô B4");
	assert_diag(&r, "t.xlsx: dòng 4", "ô C4");
	assert_diag(&r, "t.xlsx: dòng 4", "địa chỉ ô không hợp lệ \"4D\"");
	assert_diag(&r, "t.xlsx: dòng 5", "số dòng không hợp lệ \"0\"");
	rd_free(&r);
}

static void
test_xlsx_limits(void **state)
{
	(void)state;
	struct rd r;
	/* Column 200 (GR) holds data; formatted empty cells beyond. */
	xlsx_ok(&r, NULL,
		WS("<row r=\"1\"><c r=\"GR1\"><v>1</v></c><c r=\"GS1\" s=\"1\"/>"
		   "<c r=\"XFD1\" t=\"inlineStr\"><is><t> </t></is></c></row>"
		   "<row r=\"1048576\" s=\"2\" customFormat=\"1\"/>"));
	assert_int_equal(r.s.rows[0].ncells, SHEET_MAX_COLS);
	rd_free(&r);
	xlsx_bad(&r, NULL, WS("<row r=\"2\"><c r=\"GS2\"><v>1</v></c></row>"),
		 TS_ELIMIT);
	assert_diag(&r, "t.xlsx: dòng 2", "cột GS");
	rd_free(&r);
	xlsx_bad(&r, NULL, WS("<row><c r=\"XFE1\"><v>1</v></c></row>"),
		 TS_EINVAL);
	rd_free(&r);
}

static void
test_xlsx_long_cell_and_encoding(void **state)
{
	(void)state;
	size_t n = 130u << 10;
	const char *head = "<worksheet><sheetData><row><c t=\"inlineStr\">"
			   "<is><t>";
	const char *tail = "</t></is></c></row></sheetData></worksheet>";
	char *ws = malloc(strlen(head) + n + strlen(tail) + 1);
	assert_non_null(ws);
	memcpy(ws, head, strlen(head));
	memset(ws + strlen(head), 'a', n);
	memcpy(ws + strlen(head) + n, tail, strlen(tail) + 1);
	struct rd r;
	xlsx_bad(&r, NULL, ws, TS_ELIMIT);
	assert_diag(&r, "t.xlsx: dòng 1", "dài hơn 131072 byte");
	rd_free(&r);
	free(ws);
	/* A part in another declared encoding is converted by libxml2. */
	xlsx_ok(&r, NULL,
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet>"
		"<sheetData><row><c t=\"inlineStr\"><is><t>Vi\xEAt</t></is>"
		"</c></row></sheetData></worksheet>");
	ROW(&r, 0, 1, "Viêt");
	rd_free(&r);
}

static void
test_xlsx_empty_sheet(void **state)
{
	(void)state;
	struct rd r;
	xlsx_bad(&r, NULL, WS("<row r=\"1\"><c r=\"A1\" s=\"1\"/></row>"),
		 TS_EINVAL);
	assert_diag(&r, "t.xlsx", "\"Trường\" không có dữ liệu");
	rd_free(&r);
}

static void
test_xlsx_zip_bombs(void **state)
{
	(void)state;
	struct rd r;
	/* The header claims 100 MiB once inflated: refused unread. */
	const struct zpart parts[] = {
		{ "xl/workbook.xml", WB_ONE },
		{ "xl/_rels/workbook.xml.rels", RELS_NOSST },
		{ "xl/worksheets/sheet1.xml", WS("") },
	};
	zip_bad(&r, parts, 3, 100u << 20, TS_ELIMIT);
	assert_diag(&r, "t", "lớn hơn 64 MB");
	rd_free(&r);
	/* A directory of 10001 entries is refused before libzip reads it. */
	struct zpart *many = calloc(10001, sizeof(*many));
	assert_non_null(many);
	for (size_t i = 0; i < 10001; i++)
		many[i] = (struct zpart){ "x", "" };
	zip_bad(&r, many, 10001, 0, TS_ELIMIT);
	assert_diag(&r, "t", "quá nhiều phần (10001");
	rd_free(&r);
	free(many);
	/* The header claims 100 bytes; the part inflates to 70 MiB. */
	size_t len;
	char *buf = read_fixture(FIX "sheet_bomb.xlsx", &len);
	rd_run(&r, buf, len, SHEET_AUTO, "bomb.xlsx");
	assert_int_equal(r.e, TS_ELIMIT);
	assert_diag(&r, "bomb.xlsx", "lớn hơn 64 MB");
	rd_free(&r);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_bom_semicolon_crlf),
		cmocka_unit_test(test_csv_comma_no_bom),
		cmocka_unit_test(test_csv_tab),
		cmocka_unit_test(test_csv_quoted),
		cmocka_unit_test(test_csv_line_ends),
		cmocka_unit_test(test_csv_nfc_trim),
		cmocka_unit_test(test_csv_blank_rows_and_cells),
		cmocka_unit_test(test_csv_sep_line),
		cmocka_unit_test(test_csv_invalid_utf8),
		cmocka_unit_test(test_csv_invalid_utf8_many),
		cmocka_unit_test(test_csv_utf16_and_nul),
		cmocka_unit_test(test_csv_empty),
		cmocka_unit_test(test_csv_too_big),
		cmocka_unit_test(test_csv_bad_quotes),
		cmocka_unit_test(test_csv_limits),
		cmocka_unit_test(test_csv_long_cell_and_rows),
		cmocka_unit_test(test_csv_given_a_zip_or_xls),
		cmocka_unit_test(test_xlsx_shared_strings),
		cmocka_unit_test(test_xlsx_inline_strings),
		cmocka_unit_test(test_xlsx_numbers),
		cmocka_unit_test(test_xlsx_bool_error_formula),
		cmocka_unit_test(test_xlsx_sparse),
		cmocka_unit_test(test_xlsx_fixture_openpyxl),
		cmocka_unit_test(test_xlsx_fixture_excel),
		cmocka_unit_test(test_xlsx_not_a_zip),
		cmocka_unit_test(test_xlsx_no_workbook),
		cmocka_unit_test(test_xlsx_sheet_choice),
		cmocka_unit_test(test_xlsx_bad_xml),
		cmocka_unit_test(test_xlsx_bad_cells),
		cmocka_unit_test(test_xlsx_limits),
		cmocka_unit_test(test_xlsx_long_cell_and_encoding),
		cmocka_unit_test(test_xlsx_empty_sheet),
		cmocka_unit_test(test_xlsx_zip_bombs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
