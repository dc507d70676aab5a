/* report KIND --each -o DIR: every school's document under a unit in one
 * process (issue 17 item 3): the database, the rubrics and fontconfig are
 * set up once, not once per school. Writes DIR/<code>.<ext>; a school
 * whose document fails is named and the others are still written. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../app/app.h"
#include "../app/report.h"
#include "../app/work_queue.h"
#include "../util/arena.h"
#include "report_each.h"

#define EACH_PAGE 200

struct each {
	struct app *app;
	struct actor *who;
	const struct report_kind_info *k;
	int64_t cid;
	enum rp_format f;
	const char *dir;
	struct diags d;
	size_t written, failed;
};

static void
one(struct each *e, const char *code)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s.%s", e->dir, code,
		 rp_format_ext(e->f));
	struct report_opts o = { 0 };
	if (report_render(e->app, e->who, e->k, e->cid, code, &o, e->f, path,
			  &e->d) == TS_OK)
		e->written++;
	else
		e->failed++;
}

/* Pages through the campaign's schools under unit (work_queue, code
 * order), rendering each. */
static enum ts_err
each_school(struct each *e, const char *unit)
{
	struct queue_filter qf = { .under = unit, .state = -1, .late = -1 };
	struct list_page pg = { .limit = EACH_PAGE };
	enum ts_err r = TS_OK;
	do {
		struct arena *a = arena_new();
		struct queue_row *rows = NULL;
		size_t n = 0;
		r = a ? work_queue(e->app, e->who, e->cid, &qf, &pg, a, &rows,
				   &n, &e->d)
		      : TS_ENOMEM;
		for (size_t i = 0; r == TS_OK && i < n; i++)
			one(e, rows[i].code);
		arena_free(a);
		pg.offset += EACH_PAGE;
	} while (r == TS_OK && pg.offset < pg.total);
	return r;
}

int
report_each(struct cli *c, const struct report_kind_info *k, long long cid,
	    const char *unit, enum rp_format f, const char *dir)
{
	struct stat st;
	if (k->office)
		return cli_usage("--each chỉ dùng cho báo cáo của trường "
				 "(tu-danh-gia, tu-kiem-tra, cntt)");
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return cli_usage("với --each, -o phải là một thư mục đã có: %s",
				 dir);
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct each e = {
		.app = &app, .who = &who, .k = k, .cid = cid, .f = f, .dir = dir
	};
	diags_init(&e.d);
	enum ts_err r = each_school(&e, unit);
	app_close(&app);
	printf("đã ghi %zu tệp vào %s", e.written, dir);
	if (e.failed)
		printf("; %zu trường không lập được báo cáo", e.failed);
	printf("\n");
	if (r == TS_OK && e.failed)
		r = TS_EINVAL;
	return cli_fail(r, &e.d);
}
