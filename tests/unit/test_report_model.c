/* The report model (src/report/report*.c) and the CSV writer. */
#include <sys/stat.h>
#include <unistd.h>

#include "ut.h"

#include "../../src/report/report.h"
#include "../../src/util/arena.h"
#include "report_fixture.h"

static void
test_value_format(void **state)
{
	(void)state;
	char out[RP_VALUE_SIZE];
	struct rp_cell c = { .kind = RP_V_PTS, .pts = 1250 };
	assert_string_equal(rp_value_format(&c, out), "12,5");
	c.pts = 7300;
	assert_string_equal(rp_value_format(&c, out), "73");
	c = (struct rp_cell){ .kind = RP_V_PCT, .pct = 4567 };
	assert_string_equal(rp_value_format(&c, out), "45,67%");
	c = (struct rp_cell){ .kind = RP_V_INT, .i = -3 };
	assert_string_equal(rp_value_format(&c, out), "-3");
	c = (struct rp_cell){ .kind = RP_V_TEXT };
	assert_string_equal(rp_value_format(&c, out), "");
}

static void
test_pct_rounding(void **state)
{
	(void)state;
	assert_int_equal(pts_percent(1, 3), 3333);
	assert_int_equal(pts_percent(2, 3), 6667); /* half up */
	assert_int_equal(pts_percent(37, 48), 7708);
	assert_int_equal(pts_percent(5, 0), 0);
	assert_int_equal(pts_percent(4, 4), 10000);
}

static void
test_date_and_number_lines(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	struct rp_header h = {
		.place = "Quận 7", .year = 2024, .month = 1, .day = 5
	};
	rp_date_line(&h, &b);
	assert_string_equal(buf_str(&b), "Quận 7, ngày 05 tháng 01 năm 2024");
	buf_reset(&b);
	h.month = 6;
	h.day = 12;
	rp_date_line(&h, &b);
	/* NĐ 30: no leading zero for months 3 to 12. */
	assert_string_equal(buf_str(&b), "Quận 7, ngày 12 tháng 6 năm 2024");
	buf_reset(&b);
	rp_date_words(&h, &b);
	assert_string_equal(buf_str(&b), "ngày 12 tháng 6 năm 2024");
	buf_reset(&b);
	struct rp_header blank = { 0 };
	rp_date_line(&blank, &b);
	assert_string_equal(buf_str(&b), RP_BLANK ", ngày …. tháng …. năm 20…");
	buf_reset(&b);
	rp_number_line(&blank, &b);
	assert_string_equal(buf_str(&b), "Số:      /BC-……");
	buf_reset(&b);
	h.number = "05/BC-THCSLL";
	rp_number_line(&h, &b);
	assert_string_equal(buf_str(&b), "Số: 05/BC-THCSLL");
	buf_release(&b);
}

/* Where a header line may break: before the unit's own name, with the
 * kind of place that goes with it, in mixed or upper case. */
static void
test_name_start(void **state)
{
	(void)state;
	assert_int_equal(rp_name_start("Trường THPT Trần Hưng Đạo"), 2);
	assert_int_equal(rp_name_start("Trường Tiểu học Lê Quý Đôn"), 3);
	assert_int_equal(rp_name_start("Trường Mầm non Hoa Sen"), 3);
	assert_int_equal(
		rp_name_start("Phòng Giáo dục và Đào tạo quận Dương Kinh"), 6);
	assert_int_equal(
		rp_name_start("Sở Giáo dục và Đào tạo thành phố Hải Phòng"), 6);
	assert_int_equal(rp_name_start("Trung tâm GDNN-GDTX quận Dương Kinh"),
			 3);
	assert_int_equal(rp_name_start("UBND phường Hồng Bàng"), 1);
	assert_int_equal(rp_name_start("ỦY BAN NHÂN DÂN QUẬN DƯƠNG KINH"), 4);
	assert_int_equal(rp_name_start("UBND THÀNH PHỐ THỦ DẦU MỘT"), 1);
	assert_int_equal(rp_name_start("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"), 0);
	assert_int_equal(rp_name_start(""), 0);
	assert_int_equal(rp_name_start(NULL), 0);
	char head[64], tail[64];
	rp_name_split("TRƯỜNG THPT TRẦN HƯNG ĐẠO", 2, head, tail, sizeof head);
	assert_string_equal(head, "TRƯỜNG THPT");
	assert_string_equal(tail, "TRẦN HƯNG ĐẠO");
	rp_name_split("TRƯỜNG THPT", 0, head, tail, sizeof head);
	assert_string_equal(head, "TRƯỜNG THPT");
	assert_string_equal(tail, "");
}

static void
test_spans_cover_cells(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	assert_non_null(d);
	assert_false(d->oom);
	assert_int_equal(d->nsections, 2);
	struct rp_table *t = NULL;
	for (size_t i = 0; i < d->sections[0]->nblocks && !t; i++)
		if (d->sections[0]->blocks[i].kind == RP_B_TABLE)
			t = d->sections[0]->blocks[i].table;
	assert_non_null(t);
	assert_int_equal(t->rows[0][3].colspan, 2);
	assert_true(t->rows[0][4].covered);
	assert_int_equal(t->rows[0][0].rowspan, 2);
	assert_true(t->rows[1][0].covered);
	assert_false(t->rows[1][3].covered);
	/* A covered cell cannot be written over. */
	struct rp_cell *c = rp_cell_text(d, t, 1, 0, 0, "x");
	assert_false(c == &t->rows[1][0]);
	arena_free(a);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void
test_csv_writer(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	char dir[] = "/tmp/ts-csv-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof(path), "%s/out.csv", dir);
	char err[256] = "";
	assert_int_equal(rp_write(d, RP_CSV, path, err, sizeof(err)), TS_OK);
	const char *s = slurp(path);
	assert_memory_equal(s, "\xEF\xBB\xBFKết quả tự đánh giá\r\n", 28);
	/* The default dialect: ';' between fields, decimal comma bare. */
	assert_non_null(strstr(s, "STT;Nhóm tiêu chí;Điểm tối đa;Tự đánh "
				  "giá;\r\n;;;Điểm;Tỷ lệ\r\n"));
	assert_non_null(strstr(s, "1;Chuyển đổi số trong dạy, học;100;73;"
				  "73,00%\r\n"));
	assert_non_null(strstr(s, ";100;12,5;45,67%\r\n"));
	/* Quotes doubled, text kept whole. */
	assert_non_null(strstr(s, "<script>&\"\"'</script>"));
	assert_non_null(strstr(s, "\r\n\r\nSTT;Tiêu chí;"));
	unlink(path);
	rmdir(dir);
	arena_free(a);
}

static void
test_csv_formula_injection(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_table *t = rp_table_add(d, rp_section0(d), 3, NULL);
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, 0, "=HYPERLINK(\"x\")");
	rp_cell_text(d, t, r, 1, 0, "- Như trên;");
	rp_cell_text(d, t, r, 2, 0, "-2+3");
	char dir[] = "/tmp/ts-csv-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof(path), "%s/f.csv", dir);
	assert_int_equal(rp_write_csv(d, path, NULL, 0), TS_OK);
	const char *s = slurp(path);
	assert_string_equal(s, "\xEF\xBB\xBF\"'=HYPERLINK(\"\"x\"\")\";"
			       "\"- Như trên;\";\"'-2+3\"\r\n");
	unlink(path);
	rmdir(dir);
	arena_free(a);
}

/* Excel on a double-click: numbers bare in the dialect's decimal mark,
 * text it would turn into a number or a date ("1.1", "01", "1/2") as
 * ="…", plain integers and other text as they are. */
static void
test_csv_dialects(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_table *t = rp_table_add(d, rp_section0(d), 9, NULL);
	size_t r = rp_row_add(d, t);
	static const char *const text[] = { "1.1",     "1.",	    "01",
					    "1/2",     "2022-2023", "12",
					    "31DK001", "Mức 2" };
	for (size_t c = 0; c < 8; c++)
		rp_cell_text(d, t, r, c, 0, text[c]);
	rp_cell_pts(d, t, r, 8, 1250);
	r = rp_row_add(d, t);
	rp_cell_pct(d, t, r, 0, 4567);
	rp_cell_int(d, t, r, 1, 1000);
	char dir[] = "/tmp/ts-csv-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof(path), "%s/d.csv", dir);
	assert_int_equal(rp_write_csv(d, path, NULL, 0), TS_OK);
	assert_string_equal(
		slurp(path),
		"\xEF\xBB\xBF"
		"\"=\"\"1.1\"\"\";\"=\"\"1.\"\"\";\"=\"\"01\"\"\";"
		"\"=\"\"1/2\"\"\";\"=\"\"2022-2023\"\"\";12;31DK001;Mức 2;"
		"12,5\r\n45,67%;1000;;;;;;;\r\n");
	d->csv_dialect = RP_CSV_INTL;
	assert_int_equal(rp_write_csv(d, path, NULL, 0), TS_OK);
	assert_string_equal(
		slurp(path),
		"\xEF\xBB\xBF"
		"\"=\"\"1.1\"\"\",\"=\"\"1.\"\"\",\"=\"\"01\"\"\","
		"\"=\"\"1/2\"\"\",\"=\"\"2022-2023\"\"\",12,31DK001,Mức 2,"
		"12.5\r\n45.67%,1000,,,,,,,\r\n");
	enum rp_csv_dialect dl = RP_CSV_INTL;
	assert_true(rp_csv_dialect_parse("vn", &dl) && dl == RP_CSV_VN);
	assert_true(rp_csv_dialect_parse("intl", &dl) && dl == RP_CSV_INTL);
	assert_false(rp_csv_dialect_parse("excel", &dl));
	assert_false(rp_csv_dialect_parse(NULL, &dl));
	unlink(path);
	rmdir(dir);
	arena_free(a);
}

static void
test_writer_refuses_oom_and_bad_path(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = report_fixture(a);
	char err[256] = "";
	assert_int_equal(
		rp_write_csv(d, "/nonexistent-dir/x.csv", err, sizeof(err)),
		TS_EIO);
	assert_non_null(strstr(err, "không ghi được tệp"));
	d->oom = true;
	/* A directory of its own: a fixed /tmp name is shared with every other
	 * checkout running the tests on the machine. */
	char dir[] = "/tmp/ts-never-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/never.csv", dir);
	assert_int_equal(rp_write_csv(d, path, err, sizeof(err)), TS_ENOMEM);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(rmdir(dir), 0);
	arena_free(a);
}

static void
test_format_names(void **state)
{
	(void)state;
	enum rp_format f;
	assert_true(rp_format_parse("xlsx", &f));
	assert_int_equal(f, RP_XLSX);
	assert_false(rp_format_parse("exe", &f));
	assert_false(rp_format_parse(NULL, &f));
	assert_string_equal(rp_format_ext(RP_PDF), "pdf");
	assert_string_equal(rp_format_mime(RP_CSV), "text/csv; charset=utf-8");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_format),
		cmocka_unit_test(test_pct_rounding),
		cmocka_unit_test(test_date_and_number_lines),
		cmocka_unit_test(test_name_start),
		cmocka_unit_test(test_spans_cover_cells),
		cmocka_unit_test(test_csv_writer),
		cmocka_unit_test(test_csv_formula_injection),
		cmocka_unit_test(test_csv_dialects),
		cmocka_unit_test(test_writer_refuses_oom_and_bad_path),
		cmocka_unit_test(test_format_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
