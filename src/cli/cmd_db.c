/* truongso db migrate|status|check, truongso backup FILE (db copy and
 * verify: cmd_db_copy.c) */
#include <stdio.h>
#include <string.h>

#include "../app/app.h"
#include "../app/gap_record.h"
#include "../app/org.h"
#include "../app/score_summary.h"
#include "../app/stats_summary.h"
#include "../db/migrate.h"
#include "../util/arena.h"
#include "cli.h"

/* Reads the schema version without migrating, so pending steps show. */
static int
db_status(struct cli *c)
{
	struct db *db = NULL;
	struct diags d;
	diags_init(&d);
	enum ts_err e = db_open(c->db_path, c->create, &db, &d);
	if (e == TS_ENOTFOUND)
		diags_add(&d, c->db_path,
			  "không có cơ sở dữ liệu này; tạo mới "
			  "bằng: truongso --db %s db migrate",
			  c->db_path);
	if (e != TS_OK)
		return cli_fail(e, &d);
	diags_release(&d);
	size_t n;
	const struct migration *m = migrations(&n);
	int cur = migrate_current(db);
	printf("Cơ sở dữ liệu: %s\nPhiên bản lược đồ: %d (chương trình hỗ trợ "
	       "đến %d)\n",
	       db_path(db), cur, m[n - 1].version);
	for (size_t i = 0; i < n; i++)
		printf("  %04d %-24s %s\n", m[i].version, m[i].name,
		       m[i].version <= cur ? "đã áp dụng" : "chưa áp dụng");
	db_close(db);
	return cur >= 0 ? EXIT_OK : EXIT_FAIL;
}

/* Stored data that breaks a rule made after it was stored: unit codes
 * that are not safe identifiers (org_code_problem). Exit 2 if any. */
static int
db_check(struct app *app)
{
	struct arena *a = arena_new();
	const char **bad = NULL;
	size_t n = 0;
	if (a == NULL || org_bad_codes(app, a, &bad, &n) != TS_OK) {
		arena_free(a);
		fprintf(stderr, "%s: không đọc được danh sách đơn vị\n",
			db_path(app->db));
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "đơn vị \"%s\": %s\n", bad[i],
			org_code_problem(bad[i]));
	if (n == 0)
		printf("Kiểm tra xong: mọi mã đơn vị đều hợp lệ.\n");
	else
		fprintf(stderr,
			"%zu mã đơn vị sai quy tắc: các trang không mở "
			"được những đơn vị này; hãy tạo lại đơn vị với mã hợp lệ.\n",
			n);
	arena_free(a);
	return n == 0 ? EXIT_OK : EXIT_INPUT;
}

/* After the schema: derived data missing for rows written behind the
 * app's back (an older binary, or SQL). */
static int
db_migrated(struct app *app)
{
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	size_t ns = 0;
	enum ts_err e = score_summary_fill(app, &n, &d);
	if (e == TS_OK)
		e = stats_summary_fill(app, &ns, &d);
	size_t ng = 0;
	if (e == TS_OK)
		e = gap_fill(app, &ng, &d);
	/* Fresh statistics, so SQLite's planner picks covering indexes
	 * (submission_desk) over a unique one that reads every row. */
	if (e == TS_OK && db_exec_script(app->db, "ANALYZE") != TS_OK)
		e = app_db_error(app, &d, "cập nhật thống kê truy vấn");
	if (e == TS_OK && n > 0)
		printf("Đã lưu kết quả chấm của %zu bản tự đánh giá.\n", n);
	if (e == TS_OK && ns > 0)
		printf("Đã lưu số liệu của %zu báo cáo thống kê.\n", ns);
	if (e == TS_OK && ng > 0)
		printf("Đã lưu những nội dung còn thiếu của %zu kết quả đã "
		       "phê duyệt.\n",
		       ng);
	if (e == TS_OK)
		printf("Lược đồ đã ở phiên bản mới nhất (%d).\n",
		       migrate_current(app->db));
	return cli_fail(e, &d);
}

int
cmd_db(struct cli *c, int argc, char **argv)
{
	if (argc > 0 &&
	    (strcmp(argv[0], "copy") == 0 || strcmp(argv[0], "verify") == 0))
		return cmd_db_copy(c, argv[0][0] == 'c', argc - 1, argv + 1);
	if (argc != 1 ||
	    (strcmp(argv[0], "migrate") && strcmp(argv[0], "status") &&
	     strcmp(argv[0], "check")))
		return cli_usage(
			"cách dùng: truongso db migrate | status | check | copy "
			"| verify");
	if (strcmp(argv[0], "status") == 0)
		return db_status(c);
	struct app app;
	struct actor who;
	/* Opening applies every pending migration (and creates the file). */
	c->create = true;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	if (strcmp(argv[0], "check") == 0)
		rc = db_check(&app);
	else
		rc = db_migrated(&app);
	app_close(&app);
	return rc;
}

int
cmd_backup(struct cli *c, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage("cách dùng: truongso backup TỆP");
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct diags d;
	diags_init(&d);
	enum ts_err e = db_backup(app.db, argv[0], &d);
	if (e == TS_OK)
		printf("Đã sao lưu %s vào %s và kiểm tra toàn vẹn: tốt.\n",
		       db_path(app.db), argv[0]);
	app_close(&app);
	return cli_fail(e, &d);
}
