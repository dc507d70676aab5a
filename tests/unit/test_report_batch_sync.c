/*
 * A batch of documents (rp_batch_begin: report --each, the ZIP of every
 * school's report) is not fsynced file by file (about 6 ms of waiting
 * each): its files are renamed into place whole, and rp_batch_sync
 * flushes them all at once. A document written alone is still fsynced
 * before its rename. fsync is counted here: this definition comes before
 * libc's for the library linked into this test.
 */
#define _GNU_SOURCE /* syscall() */
#include "ut.h"

#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../../src/report/report.h"
#include "../../src/util/arena.h"
#include "report_fixture.h"

static int fsyncs;

int
fsync(int fd)
{
	fsyncs++;
	return (int)syscall(SYS_fsync, fd);
}

static bool
is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

static void
test_batch_one_flush(void **state)
{
	(void)state;
	char dir[] = "/tmp/ts-batch-XXXXXX", path[3][64], part[256];
	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < 3; i++)
		snprintf(path[i], sizeof path[i], "%s/%d.pdf", dir, i);
	struct arena *a = arena_new();
	assert_int_equal(rp_write_pdf(report_fixture(a), path[0], NULL, 0),
			 TS_OK);
	assert_int_equal(fsyncs, 1); /* alone: fsynced before its rename */
	rp_batch_begin();
	assert_int_equal(rp_write_pdf(report_fixture(a), path[1], NULL, 0),
			 TS_OK);
	assert_int_equal(rp_write_csv(report_fixture(a), path[2], NULL, 0),
			 TS_OK);
	assert_int_equal(fsyncs, 1); /* a batch: none per file */
	assert_int_equal(rp_batch_sync(dir, NULL, 0), TS_OK);
	rp_batch_end();
	for (int i = 0; i < 3; i++) {
		assert_true(is_file(path[i]));
		snprintf(part, sizeof part, "%s.part-%ld", path[i],
			 (long)getpid());
		assert_int_equal(access(part, F_OK), -1);
	}
	assert_int_equal(rp_write_pdf(report_fixture(a), path[0], NULL, 0),
			 TS_OK);
	assert_int_equal(fsyncs, 2); /* after the batch: fsynced again */
	char err[256] = "";
	assert_int_equal(rp_batch_sync("/nonexistent-dir", err, sizeof err),
			 TS_EIO);
	assert_non_null(strstr(err, "/nonexistent-dir"));
	for (int i = 0; i < 3; i++)
		unlink(path[i]);
	rmdir(dir);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_one_flush),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
