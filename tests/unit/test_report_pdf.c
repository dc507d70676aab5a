/*
 * The PDF writer, read back with poppler-utils: pdftotext for the text
 * (Vietnamese diacritics must extract exactly), pdffonts for the embedded
 * Liberation Serif faces, pdfinfo for pages and orientation. The fixture's
 * PDF is left in build/report-samples/ for people to look at.
 */
#include "ut.h"

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "../../src/report/report.h"
#include "../../src/util/arena.h"
#include "report_fixture.h"

#define SAMPLES "build/report-samples"

struct fx {
	char dir[64];
	char pdf[128];
	struct arena *a;
};

/* Everything cmd prints on stdout (malloc'd). */
static char *
run(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	struct buf b;
	buf_init(&b, BUF_DEFAULT_LIMIT);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&b, chunk, n);
	assert_int_equal(pclose(f), 0);
	assert_int_equal(b.err, TS_OK);
	return buf_take(&b);
}

/* Runs "tool 'path' rest" (path quoted for the shell). */
static char *
runf(const char *tool, const char *path, const char *rest)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "%s '%s' %s", tool, path, rest);
	return run(cmd);
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/ts-pdf-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->pdf, sizeof f->pdf, "%s/fixture.pdf", f->dir);
	f->a = arena_new();
	struct rp_doc *d = report_fixture(f->a);
	assert_non_null(d);
	char err[256] = "";
	enum ts_err e = rp_write_pdf(d, f->pdf, err, sizeof err);
	if (e)
		fprintf(stderr, "rp_write_pdf: %s\n", err);
	assert_int_equal(e, TS_OK);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	arena_free(f->a);
	free(f);
	return 0;
}

static void
test_text_extracts(void **state)
{
	struct fx *f = *state;
	char *t = runf("pdftotext -layout", f->pdf, "-");
	static const char *want[] = {
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"Dương Kinh, ngày 05 tháng 01 năm 2023",
		"Số:", /* pdftotext squeezes the blank's spaces */
		"/BC-GDNN-GDTX",
		"ỦY BAN NHÂN DÂN",
		"BÁO CÁO",
		"Kính gửi:",
		FIX_SCORE_LINE,
		"12,5",
		"45,67%",
		"Nơi nhận:",
		"GIÁM ĐỐC",
		"Lưu Thị Thuận",
		FIX_HOSTILE,
		"Phụ lục 1",
		"BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ",
		"1.60",
		"Điểm theo tiêu chí",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		if (!strstr(t, want[i]))
			fprintf(stderr, "missing: %s\n", want[i]);
		assert_non_null(strstr(t, want[i]));
	}
	free(t);
}

/* Each of the four faces is embedded (subset), none substituted. */
static void
test_fonts_embedded(void **state)
{
	struct fx *f = *state;
	char *t = runf("pdffonts", f->pdf, "");
	static const char *faces[] = { "LiberationSerif ",
				       "LiberationSerif-Bold ",
				       "LiberationSerif-Italic ",
				       "LiberationSerif-BoldItalic " };
	for (size_t i = 0; i < 4; i++) {
		const char *line = strstr(t, faces[i]);
		if (!line)
			fprintf(stderr, "no %s in:\n%s\n", faces[i], t);
		assert_non_null(line);
		const char *eol = strchr(line, '\n');
		char row[256];
		snprintf(row, sizeof row, "%.*s", (int)(eol - line), line);
		assert_non_null(strstr(row, " yes yes "));
	}
	/* Only Liberation Serif: no fallback font crept in. */
	for (const char *l = strchr(t, '\n'); l; l = strchr(l + 1, '\n'))
		if (l[1] && l[1] != '-' && strncmp(l + 1, "name", 4))
			assert_non_null(strstr(l + 1, "LiberationSerif"));
	free(t);
}

static int
page_count(const char *pdf)
{
	char *t = runf("pdfinfo", pdf, "");
	const char *p = strstr(t, "Pages:");
	assert_non_null(p);
	int n = (int)strtol(p + 6, NULL, 10);
	free(t);
	return n;
}

/* Width and height of page n in points. */
static void
page_size(const char *pdf, int n, double *w, double *h)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "pdfinfo -f %d -l %d '%s'", n, n, pdf);
	char *t = run(cmd);
	char key[32];
	snprintf(key, sizeof key, "Page %4d size:", n);
	const char *p = strstr(t, key);
	assert_non_null(p);
	assert_int_equal(sscanf(p + strlen(key), " %lf x %lf", w, h), 2);
	free(t);
}

/* Section 0 on A4 portrait, the appendix landscape over several pages
 * (its 60 rows cannot fit on one). */
static void
test_pages(void **state)
{
	struct fx *f = *state;
	int n = page_count(f->pdf);
	assert_true(n >= 4 && n <= 12);
	double w, h;
	page_size(f->pdf, 1, &w, &h);
	assert_true(w > 594 && w < 596 && h > 841 && h < 843);
	page_size(f->pdf, n, &w, &h);
	assert_true(w > 841 && w < 843 && h > 594 && h < 596);
}

/* Text of page n (pdftotext, reading order). */
static char *
page_text(const char *pdf, int n)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "pdftotext -f %d -l %d '%s' -", n, n, pdf);
	return run(cmd);
}

/* Page 1 has no number; a section's later pages start with theirs, and
 * the appendix counts from 1 again. The appendix header row repeats. */
static void
test_numbering_and_header_repeat(void **state)
{
	struct fx *f = *state;
	int n = page_count(f->pdf), first_ap = 0;
	char *t = page_text(f->pdf, 1);
	assert_true(strncmp(t, "ỦY BAN", strlen("ỦY BAN")) == 0);
	free(t);
	for (int i = 2; i <= n; i++) {
		t = page_text(f->pdf, i);
		if (!first_ap && strstr(t, "Phụ lục 1"))
			first_ap = i;
		else if (!first_ap)
			assert_int_equal(strtol(t, NULL, 10), i);
		else {
			assert_int_equal(strtol(t, NULL, 10), i - first_ap + 1);
			assert_non_null(strstr(t, "Minh chứng"));
			assert_non_null(strstr(t, "Tiêu chí"));
		}
		free(t);
	}
	assert_true(first_ap > 1 && first_ap < n);
}

static void
copy_file(const char *from, const char *to)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
	assert_int_equal(system(cmd), 0);
}

/* The same document gives the same bytes (fixed dates, no random ids):
 * downloads can be cached and compared. Keeps a copy for inspection. */
static void
test_reproducible(void **state)
{
	struct fx *f = *state;
	char again[160];
	snprintf(again, sizeof again, "%s/again.pdf", f->dir);
	assert_int_equal(rp_write_pdf(report_fixture(f->a), again, NULL, 0),
			 TS_OK);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", f->pdf, again);
	assert_int_equal(system(cmd), 0);
	char *t = runf("pdfinfo", f->pdf, "");
	assert_non_null(strstr(t, "Báo cáo tự đánh giá mức độ chuyển đổi số"));
	assert_non_null(strstr(t, "Author:          truongso"));
	free(t);
	mkdir("build", 0755);
	mkdir(SAMPLES, 0755);
	copy_file(f->pdf, SAMPLES "/fixture.pdf");
}

/* A two-column table: a head row "Đầu" repeated on every page, then n
 * rows "<what> 1." … "<what> n." in its second column. */
static struct rp_table *
head_table(struct rp_doc *d, struct rp_section *s, const char *what, int n)
{
	static const int w[] = { 1, 3 };
	struct rp_table *t = rp_table_add(d, s, 2, w);
	t->header_rows = 1;
	rp_cell_text(d, t, rp_row_add(d, t), 0, RP_BOLD, "Đầu");
	for (int i = 1; i <= n; i++)
		rp_cell_text(d, t, rp_row_add(d, t), 1, 0,
			     rp_printf(d, "%s %d.", what, i));
	return t;
}

/* d written as PDF at path: its last page has `closing` and the row
 * "Dòng số k.", or the test fails for n rows. */
static void
last_page_with(const struct rp_doc *d, const char *path, const char *closing,
	       int k, int n)
{
	char row[32];
	assert_int_equal(rp_write_pdf(d, path, NULL, 0), TS_OK);
	char *txt = page_text(path, page_count(path));
	snprintf(row, sizeof row, "Dòng số %d.", k);
	if (strstr(txt, closing) == NULL || strstr(txt, row) == NULL)
		fail_msg("%d rows: the page with \"%s\" lacks \"%s\"", n,
			 closing, row);
	free(txt);
}

/* A table's closing rows (keep_prev: "Cộng", "Tổng cộng") never start a
 * page without the row before them: for every length over a page and a
 * half, the page with the total also has the last data row. */
static void
test_closing_rows_keep_with_last(void **state)
{
	struct fx *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/tail.pdf", f->dir);
	for (int n = 20; n < 80; n++) {
		struct rp_doc *d = rp_doc_new(f->a);
		struct rp_table *t = head_table(d, rp_section0(d), "Dòng số",
						n);
		size_t r = rp_row_add(d, t);
		rp_cell_text(d, t, r, 1, 0, "Cộng nhóm");
		rp_row_keep_prev(t, r);
		rp_cell_text(d, t, r = rp_row_add(d, t), 1, 0, "Tổng cộng");
		rp_row_keep_prev(t, r);
		last_page_with(d, path, "Tổng cộng", n, n);
	}
}

/* Before the closing block the last two bands go together: the page
 * with the signer has the last two data rows, not one under the totals
 * (a Phòng's listing printed unit 20 alone over its total and the
 * signature on page 3). Every length over a page and a half. */
static void
test_closing_takes_two_rows(void **state)
{
	struct fx *f = *state;
	static struct rp_signature sig = { .title = "TRƯỞNG PHÒNG" };
	char path[160];
	snprintf(path, sizeof path, "%s/tail2.pdf", f->dir);
	for (int n = 20; n < 80; n++) {
		struct rp_doc *d = rp_doc_new(f->a);
		struct rp_table *t = head_table(d, rp_section0(d), "Dòng số",
						n);
		size_t r = rp_row_add(d, t);
		rp_cell_text(d, t, r, 1, 0, "Tổng cộng");
		rp_row_keep_prev(t, r);
		d->sig = &sig;
		rp_recipient_add(d, "- Lưu: VT.");
		last_page_with(d, path, "TRƯỞNG PHÒNG", n - 1, n);
	}
}

/* The first and last lines of a page's table rows (pdftotext, one cell
 * a line; the page number and the repeated header "Đầu" left out). */
static void
page_ends(const char *txt, char *first, char *last, size_t n)
{
	first[0] = last[0] = '\0';
	const char *l = txt;
	while (*l) {
		size_t len = strcspn(l, "\n\f");
		bool skip = len == 0 || strncmp(l, "Đầu", len) == 0 ||
			    strspn(l, "0123456789") == len;
		if (!skip) {
			snprintf(last, n, "%.*s", (int)len, l);
			if (!first[0])
				snprintf(first, n, "%.*s", (int)len, l);
		}
		l += len + (l[len] != '\0');
	}
}

/* A listing of `lead` plain rows, then twelve groups, each a heading row
 * kept with its first unit, four units and a subtotal kept with the last. */
static struct rp_doc *
group_doc(struct arena *a, int lead)
{
	struct rp_doc *d = rp_doc_new(a);
	struct rp_table *t = head_table(d, rp_section0(d), "Dòng đầu", lead);
	for (int g = 1; g <= 12; g++) {
		rp_cell_text(d, t, rp_row_add(d, t), 1, 0,
			     rp_printf(d, "Nhóm %d", g));
		for (int i = 1; i <= 4; i++)
			rp_cell_text(d, t, rp_row_add(d, t), 1, 0,
				     rp_printf(d, "Đơn vị %d.%d", g, i));
		rp_row_keep_prev(t, t->nrows - 4);
		size_t r = rp_row_add(d, t);
		rp_cell_text(d, t, r, 1, 0, rp_printf(d, "Cộng nhóm %d", g));
		rp_row_keep_prev(t, r);
	}
	return d;
}

/* For every number of rows before the groups (so that page breaks fall
 * on every row of a group), no page starts with a subtotal and none ends
 * with a heading. */
static void
test_group_rows_keep_together(void **state)
{
	struct fx *f = *state;
	char path[160], first[64], last[64];
	snprintf(path, sizeof path, "%s/groups.pdf", f->dir);
	for (int lead = 0; lead < 30; lead++) {
		assert_int_equal(
			rp_write_pdf(group_doc(f->a, lead), path, NULL, 0),
			TS_OK);
		int n = page_count(path);
		assert_true(n >= 2);
		for (int pg = 1; pg <= n; pg++) {
			char *txt = page_text(path, pg);
			page_ends(txt, first, last, sizeof first);
			free(txt);
			if (pg > 1 &&
			    strncmp(first, "Cộng", strlen("Cộng")) == 0)
				fail_msg("%d rows first: page %d starts with "
					 "\"%s\"",
					 lead, pg, first);
			if (pg < n &&
			    strncmp(last, "Nhóm", strlen("Nhóm")) == 0)
				fail_msg("%d rows first: page %d ends with "
					 "\"%s\"",
					 lead, pg, last);
		}
	}
}

/* A heading never ends a page without the paragraph after it: a
 * paragraph that fits on a page is not split, so when the next one (six
 * lines) has to move, the heading moves with it, wherever the page
 * break falls (the tu-kiem-tra draft left "- Công tác quản lý dạy và
 * học trực tuyến; …:" alone at the foot of page 1). */
static void
test_heading_keeps_paragraph(void **state)
{
	struct fx *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/heading.pdf", f->dir);
	for (int lead = 30; lead < 50; lead++) {
		struct rp_doc *d = rp_doc_new(f->a);
		struct rp_section *s = rp_section0(d);
		for (int i = 1; i <= lead; i++)
			rp_body(d, s, 0, rp_printf(d, "Dòng số %d.", i));
		rp_heading(d, s, 3, "Tiêu đề mục cần giữ");
		rp_body(d, s, 0,
			"Đoạn sau bắt đầu. Chuyển đổi số trong giáo "
			"dục là quá trình lâu dài, cần sự tham gia của cán bộ, "
			"giáo viên, học sinh và cha mẹ học sinh; nhà trường xây "
			"dựng kế hoạch, bố trí kinh phí, tập huấn kỹ năng, cập "
			"nhật dữ liệu thường xuyên và đánh giá kết quả hằng năm "
			"theo bộ chỉ số, rồi báo cáo cấp trên đúng hạn, đầy đủ "
			"minh chứng, số liệu chính xác và trung thực.");
		assert_int_equal(rp_write_pdf(d, path, NULL, 0), TS_OK);
		for (int pg = 1; pg <= page_count(path); pg++) {
			char *txt = page_text(path, pg);
			bool head = strstr(txt, "Tiêu đề mục cần giữ") != NULL;
			bool next = strstr(txt, "Đoạn sau bắt đầu") != NULL;
			free(txt);
			if (head && !next)
				fail_msg(
					"%d lines first: the heading ends page "
					"%d alone",
					lead, pg);
		}
	}
}

/* A link may break inside (rp_is_link), so it does not widen its column:
 * in a table of shares 3 | 1 the link's column keeps its quarter of the
 * 468-pt text width (it took 224 pt, the link's width, before). */
static void
test_link_column(void **state)
{
	struct fx *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/link.pdf", f->dir);
	struct rp_doc *d = rp_doc_new(f->a);
	static const int w[] = { 3, 1 };
	struct rp_table *t = rp_table_add(d, rp_section0(d), 2, w);
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, 0, "Nội dung");
	rp_cell_text(d, t, r, 1, 0, "https://thcstranhungdao.example/bieu-mau");
	assert_int_equal(rp_write_pdf(d, path, NULL, 0), TS_OK);
	char *txt = runf("pdftotext -bbox", path, "-");
	const char *at = strstr(txt, ">https:");
	assert_non_null(at);
	while (at > txt && strncmp(at, "xMin=\"", 6) != 0)
		at--;
	double x = strtod(at + 6, NULL);
	free(txt);
	/* 30 mm margin (85 pt) + 3/4 of 468 pt = 436 pt, plus padding. */
	if (x < 430)
		fail_msg("the link's column starts at %.0f pt", x);
}

/* A cell taller than a page is clipped once; the writer moves on. */
static void
test_giant_row(void **state)
{
	struct fx *f = *state;
	struct rp_doc *d = rp_doc_new(f->a);
	struct rp_section *s = rp_section0(d);
	struct rp_table *t = head_table(d, s, "", 0);
	struct buf b;
	buf_init(&b, BUF_DEFAULT_LIMIT);
	for (int i = 0; i < 400; i++)
		buf_puts(&b, "Chuyển đổi số trong giáo dục. ");
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 1, 0, buf_str(&b));
	rp_cell_text(d, t, rp_row_add(d, t), 1, 0, "Dòng sau cùng");
	rp_body(d, s, 0, buf_str(&b));
	buf_release(&b);
	char path[160];
	snprintf(path, sizeof path, "%s/giant.pdf", f->dir);
	assert_int_equal(rp_write_pdf(d, path, NULL, 0), TS_OK);
	char *txt = runf("pdftotext", path, "-");
	assert_non_null(strstr(txt, "Dòng sau cùng"));
	free(txt);
	assert_true(page_count(path) >= 3);
}

/* Both files have the same bytes. */
static void
assert_same_file(const char *a, const char *b)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", a, b);
	assert_int_equal(system(cmd), 0);
}

struct batch_job {
	char out[2][160];
	enum ts_err e[2];
};

/* One worker of report --each: a batch on its own thread, the fixture
 * around another document, so kept layouts and fonts are reused. */
static void *
batch_job(void *data)
{
	struct batch_job *j = data;
	struct arena *a = arena_new();
	char other[200];
	snprintf(other, sizeof other, "%s-other.pdf", j->out[0]);
	rp_batch_begin();
	j->e[0] = rp_write_pdf(report_fixture(a), j->out[0], NULL, 0);
	if (rp_write_pdf(group_doc(a, 3), other, NULL, 0) != TS_OK)
		j->e[0] = TS_EIO;
	j->e[1] = rp_write_pdf(report_fixture(a), j->out[1], NULL, 0);
	rp_batch_end();
	arena_free(a);
	return NULL;
}

/* Documents written in a batch (fonts and layouts kept across them,
 * report --each) have the very bytes of the same document written alone,
 * on one thread and on two at once. */
static void
test_batch_same_bytes(void **state)
{
	struct fx *f = *state;
	struct batch_job j[2];
	pthread_t t[2];
	for (int i = 0; i < 2; i++) {
		memset(&j[i], 0, sizeof j[i]);
		for (int k = 0; k < 2; k++)
			snprintf(j[i].out[k], sizeof j[i].out[k],
				 "%s/batch%d-%d.pdf", f->dir, i, k);
	}
	batch_job(&j[0]);
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&t[i], NULL, batch_job, &j[i]),
				 0);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		for (int k = 0; k < 2; k++) {
			assert_int_equal(j[i].e[k], TS_OK);
			assert_same_file(f->pdf, j[i].out[k]);
		}
	}
}

/* The zlib header's second byte: 0x01 for level 1, 0x9c for the
 * default level (RFC 1950, FLEVEL). */
static int
zlib_flevel_byte(const unsigned char *stream)
{
	return stream[1];
}

/* Every stream of the PDF is deflated at level 1 (pdf_deflate.c: cairo
 * has no setting for it), while a deflate stream opened afterwards on the
 * same thread, outside a PDF, still gets zlib's default level. */
static void
test_streams_fast_deflate(void **state)
{
	struct fx *f = *state;
	FILE *in = fopen(f->pdf, "rb");
	assert_non_null(in);
	static unsigned char pdf[1 << 20];
	size_t n = fread(pdf, 1, sizeof pdf - 1, in);
	fclose(in);
	pdf[n] = '\0';
	int streams = 0, fast = 0;
	for (size_t i = 0; i + 8 < n; i++) {
		if (memcmp(pdf + i, "stream\n", 7) != 0 ||
		    (i >= 3 && memcmp(pdf + i - 3, "end", 3) == 0))
			continue;
		streams++;
		fast += zlib_flevel_byte(pdf + i + 7) == 0x01;
	}
	assert_true(streams > 3);
	assert_int_equal(fast, streams);
	z_stream z;
	unsigned char out[256], text[] = "mức độ chuyển đổi số, mức độ";
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit(&z, Z_DEFAULT_COMPRESSION), Z_OK);
	z.next_in = text, z.avail_in = sizeof text;
	z.next_out = out, z.avail_out = sizeof out;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	deflateEnd(&z);
	assert_int_equal(zlib_flevel_byte(out), 0x9c);
}

static void
test_errors(void **state)
{
	struct fx *f = *state;
	struct rp_doc *d = report_fixture(f->a);
	char err[256] = "";
	assert_int_equal(
		rp_write_pdf(d, "/nonexistent-dir/x.pdf", err, sizeof err),
		TS_EIO);
	assert_true(err[0] != '\0');
	assert_int_equal(access("/nonexistent-dir/x.pdf", F_OK), -1);
	d->oom = true;
	assert_int_equal(rp_write_pdf(d, f->pdf, err, sizeof err), TS_ENOMEM);
	assert_non_null(strstr(err, "bộ nhớ"));
}

/* No header, no signature: a plain listing still renders. */
static void
test_plain_export(void **state)
{
	struct fx *f = *state;
	struct rp_doc *d = rp_doc_new(f->a);
	rp_line(d, rp_section0(d), RP_CENTER, RP_BOLD | RP_UNDERLINE,
		"Danh sách trường");
	char path[160];
	snprintf(path, sizeof path, "%s/plain.pdf", f->dir);
	assert_int_equal(rp_write_pdf(d, path, NULL, 0), TS_OK);
	char *t = runf("pdftotext", path, "-");
	assert_non_null(strstr(t, "Danh sách trường"));
	assert_null(strstr(t, "CỘNG HÒA"));
	free(t);
	assert_int_equal(page_count(path), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_extracts),
		cmocka_unit_test(test_fonts_embedded),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_numbering_and_header_repeat),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_closing_rows_keep_with_last),
		cmocka_unit_test(test_closing_takes_two_rows),
		cmocka_unit_test(test_group_rows_keep_together),
		cmocka_unit_test(test_link_column),
		cmocka_unit_test(test_heading_keeps_paragraph),
		cmocka_unit_test(test_giant_row),
		cmocka_unit_test(test_batch_same_bytes),
		cmocka_unit_test(test_streams_fast_deflate),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_plain_export),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
