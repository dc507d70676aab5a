/*
 * Background export jobs (app/export_job*.c, issue 17 item 3) through the
 * library: who may start and see a job, the states queued → running →
 * done | failed | cancelled, cancelling a queued and a running job, a
 * server stopping mid-job, a restart marking a running job failed, and
 * expired files cleaned, and every school's report as one ZIP.
 */
#include "app_fixture.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <zip.h>

#include "../../src/app/campaign.h"
#include "../../src/app/export_job.h"
#include "../../src/util/arena.h"
#include "../../src/util/cancel.h"
#include "../../src/util/timeutil.h"

static struct fx F;
/* The worker's second connection (job_worker.c): progress and the
 * outcome are recorded while F.app's build holds its read snapshot. */
static struct app BOOK;
static char DBFILE[64];
static int64_t CID;
static char DIR_[64];

static const struct campaign_new P1_CAMPAIGN = {
	"P1",		"qd4725-2022-pt",
	"2025-2026",	"Tự đánh giá chuyển đổi số",
	"Kế hoạch thử", 0,
	"2025-09-01",	"2025-12-31",
	NULL,		NULL,
	NULL,		false,
};

static int
setup(void **state)
{
	(void)state;
	struct diags d;
	snprintf(DBFILE, sizeof(DBFILE), "/tmp/ts-jobs-%ld.db", (long)getpid());
	fx_open_on(&F, DBFILE);
	diags_init(&d);
	fx_ok(app_open(&BOOK, ut_db_name(DBFILE), TS_DATADIR, false, &d), &d,
	      "second connection");
	fx_ok(campaign_create(&F.app, &F.p1, &P1_CAMPAIGN, &CID, &d), &d,
	      "campaign");
	/* job files in a directory of the test's own */
	snprintf(DIR_, sizeof(DIR_), "/tmp/ts-jobs-XXXXXX");
	assert_non_null(mkdtemp(DIR_));
	free(F.app.blob_dir);
	F.app.blob_dir = strdup(DIR_);
	free(BOOK.blob_dir);
	BOOK.blob_dir = strdup(DIR_);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	char cmd[512];
	app_close(&BOOK);
	fx_close(&F);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s' '%s-wal' '%s-shm'", DIR_,
		 DBFILE, DBFILE, DBFILE);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static int64_t
start(const struct actor *who, const char *unit, const char *file)
{
	struct diags d;
	struct job_request q = { CID, unit, file, false };
	int64_t id = 0;
	diags_init(&d);
	fx_ok(job_start(&F.app, who, &q, &id, &d), &d, "job_start");
	assert_true(id > 0);
	return id;
}

static struct export_job
get(int64_t id, struct arena *a)
{
	struct diags d;
	struct export_job j;
	diags_init(&d);
	fx_ok(job_get(&F.app, &F.cv, id, a, &j, &d), &d, "job_get");
	return j;
}

static void
claim(int64_t want)
{
	struct arena *a = arena_new();
	struct export_job j;
	bool got = false;
	assert_int_equal(job_claim(&F.app, a, &j, &got), TS_OK);
	assert_true(got == (want != 0));
	if (want)
		assert_int_equal(j.id, want);
	arena_free(a);
}

static void
test_start_and_who_sees(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags d;
	struct export_job j, *v = NULL;
	size_t n = 0;
	diags_init(&d);
	int64_t id = start(&F.cv, "P1", "ket-qua.xlsx");
	j = get(id, a);
	assert_int_equal(j.state, JOB_QUEUED);
	assert_string_equal(j.unit_code, "P1");
	assert_int_equal(j.total, 2); /* T1, T2 */
	/* the owner's admin sees it; another account does not know it */
	fx_ok(job_get(&F.app, &F.p1, id, a, &j, &d), &d, "admin");
	assert_int_equal(job_get(&F.app, &F.ht, id, a, &j, &d), TS_ENOTFOUND);
	assert_int_equal(job_cancel(&F.app, &F.ht, id, &d), TS_ENOTFOUND);
	fx_ok(job_list(&F.app, &F.cv, 10, a, &v, &n, &d), &d, "list");
	assert_int_equal(n, 1);
	fx_ok(job_list(&F.app, &F.ht, 10, a, &v, &n, &d), &d, "list ht");
	assert_int_equal(n, 0);
	/* refused: a school's account for its office, no such export, a
	 * school (no listing), outside the scope */
	struct job_request q = { CID, "P1", "danh-sach.xlsx", false };
	int64_t x = 0;
	assert_int_equal(job_start(&F.app, &F.ht, &q, &x, &d), TS_EFORBIDDEN);
	q.file = "phu-luc-3.pdf";
	assert_int_equal(job_start(&F.app, &F.cv, &q, &x, &d), TS_EINVAL);
	q.file = "danh-sach.xlsx";
	q.unit_code = "T1";
	assert_int_equal(job_start(&F.app, &F.cv, &q, &x, &d), TS_ENOTFOUND);
	q.unit_code = "P2";
	assert_int_equal(job_start(&F.app, &F.cv, &q, &x, &d), TS_EFORBIDDEN);
	diags_release(&d);
	arena_free(a);
}

static void
test_done(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags d;
	diags_init(&d);
	int64_t id = start(&F.cv, "P1", "danh-sach.xlsx");
	claim(id);
	struct export_job j = get(id, a);
	assert_int_equal(j.state, JOB_RUNNING);
	claim(0); /* nothing else queued */
	assert_int_equal(job_run(&F.app, &BOOK, &j, NULL), TS_OK);
	j = get(id, a);
	assert_int_equal(j.state, JOB_DONE);
	assert_int_equal(j.done, j.total);
	assert_non_null(j.path);
	assert_non_null(j.expires_at);
	FILE *fp = fopen(j.path, "rb");
	assert_non_null(fp);
	char pk[2] = { 0 };
	assert_int_equal(fread(pk, 1, 2, fp), 2);
	fclose(fp);
	assert_memory_equal(pk, "PK", 2); /* an XLSX is a ZIP */
	assert_int_equal(job_cancel(&F.app, &F.cv, id, &d), TS_ECONFLICT);
	diags_release(&d);
	arena_free(a);
}

static void
test_cancel_queued_and_running(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags d;
	diags_init(&d);
	int64_t q = start(&F.cv, "P1", "ket-qua.xlsx");
	fx_ok(job_cancel(&F.app, &F.cv, q, &d), &d, "cancel queued");
	assert_int_equal(get(q, a).state, JOB_CANCELLED);
	claim(0); /* a cancelled job is never taken */
	int64_t r = start(&F.cv, "P1", "ket-qua.xlsx");
	claim(r);
	fx_ok(job_cancel(&F.app, &F.p1, r, &d), &d, "cancel running");
	struct export_job j = get(r, a);
	assert_int_equal(j.state, JOB_RUNNING); /* asked, stops at a tick */
	assert_true(j.cancel_asked);
	assert_int_equal(job_run(&F.app, &BOOK, &j, NULL), TS_ECANCELED);
	j = get(r, a);
	assert_int_equal(j.state, JOB_CANCELLED);
	assert_null(j.path);
	assert_null(j.error);
	diags_release(&d);
	arena_free(a);
}

static bool
yes(void *arg)
{
	(void)arg;
	return true;
}

static void
test_server_stops_and_restarts(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	int64_t id = start(&F.cv, "P1", "ket-qua.xlsx");
	claim(id);
	struct export_job j = get(id, a);
	struct ts_cancel stop = { .gone = yes, .every = 1 };
	assert_int_equal(job_run(&F.app, &BOOK, &j, &stop), TS_ECANCELED);
	j = get(id, a);
	assert_int_equal(j.state, JOB_FAILED);
	assert_non_null(strstr(j.error, "Máy chủ dừng"));
	/* a job left running by a server that died: failed at start-up */
	int64_t left = start(&F.cv, "P1", "danh-sach.pdf");
	claim(left);
	size_t n = 0;
	assert_int_equal(job_recover(&F.app, &n), TS_OK);
	assert_int_equal(n, 1);
	j = get(left, a);
	assert_int_equal(j.state, JOB_FAILED);
	assert_non_null(strstr(j.error, "Hãy tạo lại"));
	/* a queued job survives a restart untouched */
	int64_t queued = start(&F.cv, "P1", "danh-sach.csv");
	assert_int_equal(job_recover(&F.app, &n), TS_OK);
	assert_int_equal(n, 0);
	assert_int_equal(get(queued, a).state, JOB_QUEUED);
	arena_free(a);
}

static void
test_expired_cleaned(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags d;
	struct stat st;
	diags_init(&d);
	int64_t id = start(&F.cv, "P1", "ket-qua.xlsx");
	claim(id);
	struct export_job j = get(id, a);
	assert_int_equal(job_run(&F.app, &BOOK, &j, NULL), TS_OK);
	j = get(id, a);
	const char *path = arena_strdup(a, j.path);
	size_t n = 9;
	assert_int_equal(job_clean(&F.app, ts_time_now(), &n), TS_OK);
	assert_int_equal(n, 0); /* kept for JOB_KEEP_SECONDS */
	assert_int_equal(stat(path, &st), 0);
	int64_t later = ts_time_now() + JOB_KEEP_SECONDS + 60;
	assert_int_equal(job_clean(&F.app, later, &n), TS_OK);
	assert_int_equal(n, 1);
	assert_int_not_equal(stat(path, &st), 0);
	j = get(id, a);
	assert_int_equal(j.state, JOB_DONE);
	assert_null(j.path);
	/* a week past expiry the row goes too */
	assert_int_equal(job_clean(&F.app, later + 8 * 24 * 3600, &n), TS_OK);
	assert_int_equal(job_get(&F.app, &F.cv, id, a, &j, &d), TS_ENOTFOUND);
	diags_release(&d);
	arena_free(a);
}

/* Every school's report as one ZIP (export_job_zip.c): one PDF a
 * school of the office, by code, and no scratch files left. */
static void
test_zip_of_every_school(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	int64_t id = start(&F.cv, "P1", JOB_ZIP_FILE);
	claim(id);
	struct export_job j = get(id, a);
	assert_int_equal(job_run(&F.app, &BOOK, &j, NULL), TS_OK);
	j = get(id, a);
	assert_int_equal(j.state, JOB_DONE);
	int zerr = 0;
	zip_t *z = zip_open(j.path, ZIP_RDONLY, &zerr);
	assert_non_null(z);
	assert_int_equal(zip_get_num_entries(z, 0), 2);
	assert_string_equal(zip_get_name(z, 0, 0), "T1.pdf");
	assert_string_equal(zip_get_name(z, 1, 0), "T2.pdf");
	zip_stat_t zs;
	assert_int_equal(zip_stat_index(z, 0, 0, &zs), 0);
	assert_true(zs.size > 1000);
	zip_discard(z);
	struct stat st;
	char scratch[256];
	snprintf(scratch, sizeof(scratch), "%s.d", j.path);
	assert_int_not_equal(stat(scratch, &st), 0);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_start_and_who_sees, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_done, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_queued_and_running,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_server_stops_and_restarts,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_expired_cleaned, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_zip_of_every_school, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
