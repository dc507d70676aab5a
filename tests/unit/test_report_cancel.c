/* Abandoned work (issue 17 item 2, util/cancel.h): a document build and a
 * writer stop as soon as their cancel says so, instead of finishing work
 * nobody will take; a cancel that never says so changes nothing. */
#include "ut.h"
#include "ut_app_db.h"

#include <sys/stat.h>
#include <unistd.h>

#include "../../src/app/app.h"
#include "../../src/app/demo.h"
#include "../../src/app/report.h"
#include "../../src/util/arena.h"
#include "../../src/util/cancel.h"

static struct ut_app_db fx;

/* Says stop at its `at`-th question (0: never); counts the questions. */
struct asker {
	unsigned asked, at;
};

static bool
stop_at(void *arg)
{
	struct asker *k = arg;
	k->asked++;
	return k->at != 0 && k->asked >= k->at;
}

static enum ts_err
listing(struct ts_cancel *c, struct arena *a, struct rp_doc **doc)
{
	struct report_opts o = { .cancel = c };
	struct diags d;
	diags_init(&d);
	enum ts_err e = report_build(&fx.app, &fx.op,
				     report_kind_find("danh-sach"), 1, "31", &o,
				     a, doc, &d);
	diags_release(&d);
	return e;
}

static void
test_every(void **state)
{
	(void)state;
	struct asker k = { 0, 0 };
	struct ts_cancel c = { .gone = stop_at, .arg = &k, .every = 4 };
	for (int i = 0; i < 9; i++)
		assert_false(ts_cancelled(&c));
	assert_int_equal(k.asked, 3); /* calls 1, 5 and 9 ask */
	assert_false(ts_cancelled(NULL));
	k.at = 4;
	c.calls = 0;
	assert_true(ts_cancelled(&c)); /* the 4th question says stop */
	assert_true(ts_cancelled(&c)); /* and it stays stopped */
	assert_int_equal(k.asked, 4);
}

/* The Sở's listing asks once per unit; told to stop at the third
 * question it stops there, with TS_ECANCELED and no document. */
static void
test_listing_stops(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *doc = NULL;
	struct asker all = { 0, 0 };
	struct ts_cancel never = { .gone = stop_at, .arg = &all };
	assert_int_equal(listing(&never, a, &doc), TS_OK);
	assert_non_null(doc);
	assert_true(all.asked > 100); /* the demo Sở has 150 units */
	struct asker k = { 0, 3 };
	struct ts_cancel c = { .gone = stop_at, .arg = &k };
	doc = NULL;
	assert_int_equal(listing(&c, a, &doc), TS_ECANCELED);
	assert_null(doc);
	assert_int_equal(k.asked, 3);
	arena_free(a);
}

/* The PDF writer asks per band of table rows: told to stop, it leaves
 * no file and says why. */
static void
test_pdf_stops(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *doc = NULL;
	assert_int_equal(listing(NULL, a, &doc), TS_OK);
	char path[200], err[256] = "";
	snprintf(path, sizeof(path), "%s/danh-sach.pdf", fx.dir);
	struct asker k = { 0, 5 };
	struct ts_cancel c = { .gone = stop_at, .arg = &k };
	doc->cancel = &c;
	assert_int_equal(rp_write(doc, RP_PDF, path, err, sizeof(err)),
			 TS_ECANCELED);
	assert_int_equal(k.asked, 5);
	assert_string_equal(err, "đã dừng vì không còn ai chờ tệp này");
	struct stat st;
	assert_int_not_equal(stat(path, &st), 0);
	doc->cancel = NULL;
	assert_int_equal(rp_write(doc, RP_PDF, path, err, sizeof(err)), TS_OK);
	assert_int_equal(unlink(path), 0);
	arena_free(a);
}

static int
setup(void **state)
{
	(void)state;
	if (ut_app_db_open(&fx, "ut-cancel", UT_DEMO | UT_SQLITE_ONLY) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return ut_app_db_close(&fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every),
		cmocka_unit_test(test_listing_stops),
		cmocka_unit_test(test_pdf_stops),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
