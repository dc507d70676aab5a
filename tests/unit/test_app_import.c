/*
 * Importing org units from a file (org_import.c) through the app layer
 * (issue 13, item 6), on the small tree of app_fixture.h: a dry run writes
 * nothing, an import adds, renames and leaves alone, every problem of a
 * bad file is named by line and column with nothing written, an admin
 * imports only into their own subtree, and the XLSX list of the CLI tests
 * reads as the CSV does.
 */
#include "app_fixture.h"

#include "../../src/app/org_import.h"
#include "../../src/util/arena.h"

static struct fx F;
static char csv[64];

static int
setup(void **state)
{
	(void)state;
	fx_open(&F);
	snprintf(csv, sizeof(csv), "/tmp/ts-import-%ld.csv", (long)getpid());
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(csv);
	fx_close(&F);
	return 0;
}

static void
write_csv(const char *text)
{
	FILE *f = fopen(csv, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

#define count(sql) fx_count(&F, (sql), NULL)

static enum ts_err
import(const struct actor *who, const char *path, bool dry,
       struct import_result *r, struct diags *d)
{
	memset(r, 0, sizeof(*r));
	return org_import(&F.app, who, path, "don-vi.csv", dry, r, d);
}

/* P3 under the Sở with its school listed first, T1 renamed, T2 as it is. */
static const char GOOD[] =
	"Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học,Ghi chú\n"
	"T4,\"Trường Tiểu học và THCS Bốn, cơ sở 2\",Trường,P3,\"TH, THCS\","
	"liên cấp\n"
	"P3,Phòng Giáo dục và Đào tạo Ba,Phòng GD&ĐT,79,,\n"
	"T1,Trường Tiểu học Một Mới,Trường,P1,TH,\n"
	"T2,Trường Tiểu học và THCS Hai,Trường,P1,\"TH, THCS\",\n";

static void
test_import(void **state)
{
	(void)state;
	struct import_result r;
	struct diags d;
	struct arena *a = arena_new();
	struct org_unit u;
	diags_init(&d);
	write_csv(GOOD);
	/* A dry run: the same counts, nothing written. */
	fx_ok(import(&F.so, csv, true, &r, &d), &d, "dry run");
	assert_int_equal(r.rows, 4);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.updated, 1);
	assert_int_equal(r.unchanged, 1);
	assert_string_equal(r.ignored, "Ghi chú");
	assert_int_equal(count("SELECT count(*) FROM org_unit"), 6);
	fx_ok(import(&F.so, csv, false, &r, &d), &d, "import");
	assert_int_equal(r.written, 4);
	assert_int_equal(count("SELECT count(*) FROM org_unit"), 8);
	fx_ok(org_find_named(&F.app, "T4", a, &u, &d), &d, "T4");
	assert_string_equal(u.name, "Trường Tiểu học và THCS Bốn, cơ sở 2");
	assert_int_equal(u.levels, LEVEL_TH | LEVEL_THCS);
	fx_ok(org_find_named(&F.app, "T1", a, &u, &d), &d, "T1");
	assert_string_equal(u.name, "Trường Tiểu học Một Mới");
	assert_int_equal(count("SELECT count(*) FROM org_unit_history WHERE "
			       "change = 'rename'"),
			 1);
	/* Again: nothing changes. */
	fx_ok(import(&F.so, csv, false, &r, &d), &d, "again");
	assert_int_equal(r.unchanged, 4);
	assert_int_equal(r.added + r.updated, 0);
	diags_release(&d);
	arena_free(a);
}

static void
test_bad_file(void **state)
{
	(void)state;
	struct import_result r;
	struct diags d;
	diags_init(&d);
	write_csv("Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học\n"
		  "T5,Trường Tiểu học Năm,Bệnh viện,P1,TH\n"
		  "T6,Trường THCS Sáu,Trường,P9,THCS\n"
		  "T7,Trường Mầm non Bảy,Trường,P1,MN\n"
		  "T7,Trường Mầm non Tám,Trường,P1,MN\n"
		  "T8,,Trường,P1,TH\n"
		  "T9,Trường Tiểu học Chín,Trường,P1,Đại học\n");
	assert_int_equal(import(&F.so, csv, false, &r, &d), TS_EINVAL);
	assert_int_equal(d.n, 5);
	assert_diag(&d, "don-vi.csv: dòng 2, cột C",
		    "loại đơn vị \"Bệnh viện\" không hợp lệ");
	assert_diag(&d, "don-vi.csv: dòng 3, cột D",
		    "không có đơn vị cấp trên mã \"P9\"");
	assert_diag(&d, "don-vi.csv: dòng 5, cột A",
		    "mã \"T7\" trùng với dòng 4");
	assert_diag(&d, "don-vi.csv: dòng 6, cột B", "tên đơn vị trống");
	assert_diag(&d, "don-vi.csv: dòng 7, cột E",
		    "cấp học \"Đại học\" không hợp lệ");
	/* The clean row 4 is not written either. */
	assert_int_equal(count("SELECT count(*) FROM org_unit"), 6);
	diags_release(&d);
}

static void
test_scope(void **state)
{
	(void)state;
	struct import_result r;
	struct diags d;
	diags_init(&d);
	write_csv("Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học\n"
		  "T5,Trường Tiểu học Năm,Trường,P1,TH\n"
		  "T6,Trường Tiểu học Sáu,Trường,P2,TH\n");
	/* P1's admin: P2 is not theirs, so nothing at all; refused as not
	 * allowed (403 on the page), not as a bad file. */
	assert_int_equal(import(&F.p1, csv, false, &r, &d), TS_EFORBIDDEN);
	assert_int_equal(d.n, 1);
	assert_diag(&d, "don-vi.csv: dòng 3", "không thuộc phạm vi quản lý");
	diags_release(&d);
	diags_init(&d);
	/* A school head changes no tree. */
	assert_int_equal(import(&F.ht, csv, false, &r, &d), TS_EFORBIDDEN);
	assert_diag(&d, "don-vi.csv: dòng 2",
		    "chỉ tài khoản quản trị mới được thay đổi cây đơn vị");
	assert_int_equal(count("SELECT count(*) FROM org_unit"), 6);
	diags_release(&d);
}

static void
test_xlsx(void **state)
{
	(void)state;
	struct import_result r;
	struct diags d;
	diags_init(&d);
	/* tests/cli/workflow.sh: a Phòng 79Q2 under 79 and three schools. */
	fx_ok(org_import(&F.app, &F.so,
			 TS_DATADIR "/../tests/cli/cases/org-good.xlsx", NULL,
			 false, &r, &d),
	      &d, "xlsx");
	assert_int_equal(r.added, 4);
	assert_string_equal(r.ignored, "Số điện thoại");
	assert_int_equal(count("SELECT count(*) FROM org_unit WHERE code = "
			       "'790201'"),
			 1);
	diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scope, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
