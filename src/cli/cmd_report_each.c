/* report KIND --each -o DIR [--jobs N]: every school's document under a
 * unit in one process (issue 17 item 3): the database, the rubrics and
 * the fonts are set up once, not once per school, and N worker threads
 * (each with its own database connection and fonts) share the schools.
 * Writes DIR/<code>.<ext>, each renamed into place whole and all flushed
 * to disk once at the end; a school whose document fails is named and the
 * others are still written. */
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../app/app.h"
#include "../app/report.h"
#include "../app/work_queue.h"
#include "../util/arena.h"
#include "report_each.h"

#define EACH_PAGE 200
#define JOBS_MAX  16

struct each {
	const struct report_kind_info *k;
	int64_t cid;
	enum rp_format f;
	const char *dir;
	const char **codes; /* the schools, in code order */
	size_t ncodes;
	atomic_size_t next; /* the next school a worker takes */
	atomic_size_t written, failed;
};

/* One worker thread: its own connection, actor and problems. */
struct worker {
	struct each *e;
	struct app app;
	struct actor who;
	struct diags d;
	pthread_t thread;
	bool open, started;
};

static void
one(struct worker *w, const char *code)
{
	struct each *e = w->e;
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s.%s", e->dir, code,
		 rp_format_ext(e->f));
	struct report_opts o = { 0 };
	if (report_render(&w->app, &w->who, e->k, e->cid, code, &o, e->f, path,
			  &w->d) == TS_OK)
		atomic_fetch_add(&e->written, 1);
	else
		atomic_fetch_add(&e->failed, 1);
}

/* Takes schools until none is left, with fonts kept across them. */
static void *
work(void *arg)
{
	struct worker *w = arg;
	struct each *e = w->e;
	report_batch_begin();
	for (size_t i; (i = atomic_fetch_add(&e->next, 1)) < e->ncodes;)
		one(w, e->codes[i]);
	report_batch_end();
	return NULL;
}

/* Appends one page of schools' codes to e->codes (room for total). */
static enum ts_err
add_page(struct each *e, const struct queue_row *rows, size_t n, size_t total,
	 struct arena *keep)
{
	if (e->codes == NULL)
		e->codes = arena_calloc(keep, total + 1, sizeof(*e->codes));
	if (e->codes == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < n && e->ncodes < total; i++) {
		e->codes[e->ncodes] = arena_strdup(keep, rows[i].code);
		if (e->codes[e->ncodes++] == NULL)
			return TS_ENOMEM;
	}
	return TS_OK;
}

/* Pages through the campaign's schools under unit (work_queue, code
 * order) into e->codes, kept in keep. */
static enum ts_err
list_schools(struct each *e, struct worker *w, const char *unit,
	     struct arena *keep)
{
	struct queue_filter qf = { .under = unit, .state = -1, .late = -1 };
	struct list_page pg = { .limit = EACH_PAGE };
	enum ts_err r = TS_OK;
	do {
		struct arena *a = arena_new();
		struct queue_row *rows = NULL;
		size_t n = 0;
		r = a ? work_queue(&w->app, &w->who, e->cid, &qf, &pg, a, &rows,
				   &n, &w->d)
		      : TS_ENOMEM;
		if (r == TS_OK)
			r = add_page(e, rows, n, pg.total, keep);
		arena_free(a);
		pg.offset += EACH_PAGE;
	} while (r == TS_OK && pg.offset < pg.total);
	return r;
}

/* Workers 1.. open their own connection and start; worker 0 is the
 * caller's. A worker that cannot open leaves its share to the others. */
static void
start_workers(struct cli *c, struct worker *w, size_t jobs)
{
	for (size_t i = 1; i < jobs; i++) {
		w[i].open = cli_open(c, &w[i].app, &w[i].who) == EXIT_OK;
		w[i].started = w[i].open && pthread_create(&w[i].thread, NULL,
							   work, &w[i]) == 0;
	}
}

/* Joins the workers, closes their connections and copies their problems
 * into w[0]'s, worker by worker. */
static void
join_workers(struct worker *w, size_t jobs)
{
	for (size_t i = 1; i < jobs; i++) {
		if (w[i].started)
			pthread_join(w[i].thread, NULL);
		if (w[i].open)
			app_close(&w[i].app);
		for (size_t k = 0; k < w[i].d.n; k++)
			diags_add(&w[0].d, w[i].d.v[k].where, "%s",
				  w[i].d.v[k].msg);
	}
}

/* Each document allocates and frees the same few megabytes: malloc keeps
 * them for the next one rather than give them back to the kernel and
 * fault them in again (108 schools: 22,000 page faults, then 4,800). */
static void
keep_memory(void)
{
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
}

static enum ts_err
render_all(struct cli *c, struct each *e, struct worker *w, size_t jobs,
	   const char *unit)
{
	struct arena *keep = arena_new();
	enum ts_err r = keep ? list_schools(e, &w[0], unit, keep) : TS_ENOMEM;
	if (r == TS_OK && e->ncodes > 0) {
		keep_memory();
		start_workers(c, w, e->ncodes < jobs ? e->ncodes : jobs);
		work(&w[0]);
		join_workers(w, e->ncodes < jobs ? e->ncodes : jobs);
		/* One flush for the whole batch, not an fsync per file. */
		if (e->written > 0)
			r = report_batch_sync(e->dir, &w[0].d);
	}
	arena_free(keep);
	return r;
}

int
report_each(struct cli *c, const struct report_kind_info *k, long long cid,
	    const char *unit, enum rp_format f, const char *dir,
	    const char *jobs)
{
	struct stat st;
	long long n = jobs ? cli_id(jobs, "--jobs") : 1;
	if (n == 0)
		return EXIT_INPUT;
	if (n > JOBS_MAX)
		return cli_usage("--jobs tối đa là %d", JOBS_MAX);
	if (k->office)
		return cli_usage("--each chỉ dùng cho báo cáo của trường "
				 "(tu-danh-gia, tu-kiem-tra, cntt)");
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return cli_usage("với --each, -o phải là một thư mục đã có: %s",
				 dir);
	struct worker w[JOBS_MAX];
	struct each e = { .k = k, .cid = cid, .f = f, .dir = dir };
	memset(w, 0, sizeof(w));
	for (size_t i = 0; i < JOBS_MAX; i++) {
		w[i].e = &e;
		diags_init(&w[i].d);
	}
	int rc = cli_open(c, &w[0].app, &w[0].who);
	if (rc != EXIT_OK)
		return rc;
	enum ts_err r = render_all(c, &e, w, (size_t)n, unit);
	app_close(&w[0].app);
	for (size_t i = 1; i < JOBS_MAX; i++)
		diags_release(&w[i].d);
	printf("đã ghi %zu tệp vào %s", (size_t)e.written, dir);
	if (e.failed)
		printf("; %zu trường không lập được báo cáo", (size_t)e.failed);
	printf("\n");
	if (r == TS_OK && e.failed)
		r = TS_EINVAL;
	return cli_fail(r, &w[0].d);
}
