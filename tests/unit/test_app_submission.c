/*
 * The submission workflow (app/submission_door.c and its kinds) through
 * the library, on an in-memory database: every step is one door run, a
 * database failure at any call of any step leaves nothing half-written
 * (app_fixture.h), and a transaction the database lost for now is run
 * again by the door, a bounded number of times.
 */
#include "app_fixture.h"
#include "ut_answers.h"

#include <jansson.h>
#include <sodium.h>

#include "../../src/app/campaign.h"
#include "../../src/app/door.h"
#include "../../src/app/submission.h"
#include "../../src/util/arena.h"
#include "../../src/util/timeutil.h"

static struct fx F;
static int64_t cid;
static char *full; /* every item answered, for T1 */

static const struct campaign_new P1_CAMPAIGN = {
	"P1",		"qd4725-2022-pt",
	"2025-2026",	"Tự đánh giá chuyển đổi số",
	"Kế hoạch thử", 0,
	"2025-09-01",	"2099-12-31",
	NULL,		NULL,
	NULL,		false,
};

/* The example's answers, as T1's for this campaign, with item 1.3a set
 * to `v` (app_fixture.h). */
static char *
answers(int v)
{
	return fx_answers(v);
}

static int
setup(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	fx_open(&F);
	fx_ok(campaign_create(&F.app, &F.p1, &P1_CAMPAIGN, &cid, &d), &d,
	      "campaign");
	full = answers(6);
	diags_release(&d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	free(full);
	fx_close(&F);
	return 0;
}

static int64_t
count(const char *sql)
{
	struct db_stmt *st = db_prep(F.app.db, sql);
	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t n = db_col_int(st, 0);
	db_done(st);
	return n;
}

static int save_value = 1; /* item 1.3a of the next save */

static enum ts_err
run_save(struct fx *f, struct diags *d)
{
	char *json = answers(save_value);
	enum ts_err e = sub_save(&f->app, &f->ht, cid, "T1", json, -1, d);
	free(json);
	return e;
}

static enum ts_err
run_submit(struct fx *f, struct diags *d)
{
	int v = 0;
	enum ts_err e = sub_submit(&f->app, &f->ht, cid, "T1", -1, &v, d);
	if (e == TS_OK)
		assert_true(v >= 1);
	return e;
}

static enum ts_err
run_return(struct fx *f, struct diags *d)
{
	const struct review_reason r[] = {
		{ "1.3", "Chưa có minh chứng cho tiêu chí 1.3" },
		{ "*", "Hãy rà soát lại toàn bộ" },
	};
	return sub_return(&f->app, &f->cv, cid, "T1", r, 2, -1, d);
}

static int64_t merge_base; /* the revision the form showed */

static enum ts_err
run_merge(struct fx *f, struct diags *d)
{
	struct arena *a = arena_new();
	struct sub_merge m;
	char *json = answers(save_value + 1); /* not the stored value */
	enum ts_err e = sub_save_merge(&f->app, &f->ht, cid, "T1", json,
				       merge_base, NULL, a, &m, d);
	if (e == TS_OK)
		assert_true(m.saved);
	free(json);
	arena_free(a);
	return e;
}

static enum ts_err
run_external(struct fx *f, struct diags *d)
{
	return sub_set_external(&f->app, &f->cv, cid, "T1",
				"{\"format\":1,\"answers\":{\"1.3a\":{"
				"\"value\":3}}}",
				-1, d);
}

/* As a page sends it: with the revision it showed (door_run_once). */
static enum ts_err
run_approve_keyed(struct fx *f, struct diags *d)
{
	return sub_approve(&f->app, &f->cv, cid, "T1", merge_base, d);
}

static enum ts_err
run_publish(struct fx *f, struct diags *d)
{
	return sub_publish(&f->app, &f->cv, cid, "T1", -1, d);
}

/* The whole workflow, each step failed at every database call in turn
 * before it succeeds. */
static void
test_fault_injection(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		fx_case run;
	} steps[] = {
		{ "sub_save", run_save },
		{ "sub_submit", run_submit },
		{ "sub_return", run_return },
		{ "sub_save_merge", run_merge },
		{ "sub_submit again", run_submit },
		{ "sub_set_external", run_external },
		{ "sub_approve (keyed)", run_approve_keyed },
		{ "sub_publish", run_publish },
	};
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		/* Read here: the loop counts every database call. */
		merge_base = count("SELECT coalesce(max(revision), 0) "
				   "FROM submission");
		print_message("%s: %ld database calls\n", steps[i].name,
			      fx_fault_loop(&F, steps[i].run, steps[i].name));
	}
	assert_int_equal(count("SELECT count(*) FROM snapshot"), 2);
	assert_int_equal(count("SELECT count(*) FROM review_note"), 2);
	assert_int_equal(count("SELECT count(*) FROM submission WHERE state "
			       "= 'published'"),
			 1);
}

/* Refusals keep their words: the state, the revision, the reasons. */
static void
test_refusals(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	assert_int_equal(sub_submit(&F.app, &F.ht, cid, "T1", -1, NULL, &d),
			 TS_EINVAL);
	assert_true(fx_said(&d, "chưa có bản tự đánh giá để nộp"));
	fx_ok(sub_save(&F.app, &F.ht, cid, "T1", full, -1, &d), &d, "save");
	assert_int_equal(sub_save(&F.app, &F.ht, cid, "T1", full, 7, &d),
			 TS_ESTALE);
	assert_true(fx_said(&d, "vừa được người khác thay đổi"));
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(sub_approve(&F.app, &F.cv, cid, "T1", -1, &d),
			 TS_ESTALE);
	assert_true(fx_said(&d, "không thể phê duyệt"));
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(sub_submit(&F.app, &F.cv, cid, "T1", -1, NULL, &d),
			 TS_EFORBIDDEN);
	diags_release(&d);
	diags_init(&d);
	fx_ok(sub_submit(&F.app, &F.ht, cid, "T1", -1, NULL, &d), &d, "submit");
	const struct review_reason bad[] = { { "9.9", "Không có" } };
	assert_int_equal(sub_return(&F.app, &F.cv, cid, "T1", bad, 1, -1, &d),
			 TS_EINVAL);
	assert_true(fx_said(
		&d,
		"không có tiêu chí \"9.9\" trong bộ chỉ số qd4725-2022-pt"));
	diags_release(&d);
	diags_init(&d);
	/* The reason check is one step of the door for both kinds
	 * (submission_door.c): none at all is refused too. */
	assert_int_equal(sub_return(&F.app, &F.cv, cid, "T1", bad, 0, -1, &d),
			 TS_EINVAL);
	assert_true(
		fx_said(&d, "trả lại phải kèm lý do cho ít nhất một tiêu chí"));
	diags_release(&d);
}

/*
 * A transaction lost for now (PostgreSQL's serialization failure) at any
 * call is run again by the door and written once; one lost every time is
 * given up after DOOR_TRIES attempts, as a database error, with nothing
 * written.
 */
static void
test_transient_retry(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	save_value = 0;
	fx_ok(run_save(&F, &d), &d, "first save");
	long calls = 0;
	for (long n = 1; n < 200; n++) {
		int64_t before = count("SELECT revision FROM submission");
		save_value = (int)(n % 5) + 1; /* another value each time */
		db_fault_transient_at(n, 1);
		fx_ok(run_save(&F, &d), &d, "save, lost once");
		bool fired = db_fault_left() == 0;
		db_fault_at(0);
		assert_int_equal(count("SELECT revision FROM submission"),
				 before + 1);
		if (!fired)
			break;
		calls = n;
	}
	print_message("sub_save: retried at each of %ld calls\n", calls);
	assert_true(calls > 5);
	char *was = fx_dump(&F);
	save_value = 0;
	db_fault_transient_at(3, 100);
	assert_int_equal(run_save(&F, &d), TS_EDB);
	assert_int_equal(db_fault_left(), 100 - DOOR_TRIES);
	db_fault_at(0);
	assert_true(fx_said(&d, "cơ sở dữ liệu"));
	assert_int_equal(d.n, 1); /* the lost attempts' words are forgotten */
	char *now = fx_dump(&F);
	assert_string_equal(was, now);
	free(was);
	free(now);
	diags_release(&d);
}

/* What one keyed request wrote: audit rows, snapshots, kept keys. */
static void
counts(int64_t out[3])
{
	out[0] = count("SELECT count(*) FROM audit");
	out[1] = count("SELECT count(*) FROM snapshot");
	out[2] = count("SELECT count(*) FROM door_once");
}

/*
 * A step sent again with the revision its page showed (a POST retried
 * after a timeout) is answered as the first time and writes nothing more:
 * one version, one audit row (door.h, "Retries of the same request").
 * The key is kept only with a write that committed, per actor, and goes
 * after a day.
 */
static void
test_retried_request(void **state)
{
	(void)state;
	struct diags d;
	int64_t was[3], now[3];
	int v1 = 0, v2 = 0;
	diags_init(&d);
	fx_ok(sub_save(&F.app, &F.ht, cid, "T1", full, -1, &d), &d, "save");
	int64_t rev = count("SELECT revision FROM submission");
	/* A refused request keeps no key: sent again, refused again. */
	assert_int_equal(sub_submit(&F.app, &F.ht, cid, "T1", rev + 5, &v1, &d),
			 TS_ESTALE);
	assert_int_equal(count("SELECT count(*) FROM door_once"), 0);
	fx_ok(sub_submit(&F.app, &F.ht, cid, "T1", rev, &v1, &d), &d, "submit");
	counts(was);
	fx_ok(sub_submit(&F.app, &F.ht, cid, "T1", rev, &v2, &d), &d,
	      "submit again");
	counts(now);
	assert_int_equal(v2, v1);
	assert_memory_equal(was, now, sizeof(was));
	assert_int_equal(now[1], 1);
	assert_int_equal(count("SELECT revision FROM submission"), rev + 1);
	/* External scores sent twice: kept once. Other scores sent from
	 * the same revision are another request, refused as stale. */
	static const char x3[] = "{\"format\":1,\"answers\":{\"1.3a\":{"
				 "\"value\":3}}}";
	static const char x4[] = "{\"format\":1,\"answers\":{\"1.3a\":{"
				 "\"value\":4}}}";
	fx_ok(sub_set_external(&F.app, &F.cv, cid, "T1", x3, rev + 1, &d), &d,
	      "external");
	counts(was);
	fx_ok(sub_set_external(&F.app, &F.cv, cid, "T1", x3, rev + 1, &d), &d,
	      "external again");
	assert_int_equal(
		sub_set_external(&F.app, &F.cv, cid, "T1", x4, rev + 1, &d),
		TS_ESTALE);
	counts(now);
	assert_memory_equal(was, now, sizeof(was));
	rev++;
	/* The reviewer's approve, sent twice: approved once. */
	fx_ok(sub_approve(&F.app, &F.cv, cid, "T1", rev + 1, &d), &d,
	      "approve");
	counts(was);
	fx_ok(sub_approve(&F.app, &F.cv, cid, "T1", rev + 1, &d), &d,
	      "approve again");
	counts(now);
	assert_memory_equal(was, now, sizeof(was));
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
			       "'submission.approve'"),
			 1);
	/* Another person's request with the same revision is not a retry
	 * of theirs: refused as the state now says. */
	assert_int_not_equal(sub_approve(&F.app, &F.p1, cid, "T1", rev + 1, &d),
			     TS_OK);
	/* A day later the key no longer counts: the same request is refused,
	 * even before the clean-up deleted it. A keyed write deletes nothing
	 * (no DELETE in a hot transaction); the periodic clean-up
	 * (door_once_prune) deletes the expired keys only. */
	int64_t kept = count("SELECT count(*) FROM door_once");
	ts_time_pin(ts_time_now() + 24 * 60 * 60 + 1);
	diags_release(&d);
	diags_init(&d);
	assert_int_not_equal(
		sub_submit(&F.app, &F.ht, cid, "T1", rev - 1, &v2, &d), TS_OK);
	fx_ok(sub_publish(&F.app, &F.cv, cid, "T1", rev + 2, &d), &d,
	      "a new key after a day");
	assert_int_equal(count("SELECT count(*) FROM door_once"), kept + 1);
	assert_int_equal(door_once_prune(&F.app, ts_time_now()), TS_OK);
	assert_int_equal(count("SELECT count(*) FROM door_once"), 1);
	ts_time_pin(0);
	diags_release(&d);
}

/* app_open readies libsodium (the door's random back-off needs it): the
 * first test of the binary, before anything else could have. */
static void
test_sodium_ready(void **state)
{
	(void)state;
	struct app a;
	struct diags d;
	diags_init(&d);
	fx_ok(app_open(&a, ":memory:", TS_DATADIR, true, &d), &d, "open");
	assert_int_equal(sodium_init(), 1); /* 1: done already */
	app_close(&a);
	diags_release(&d);
}

/* On PostgreSQL (tests/pg/run.sh) the tests that need SQLite's fault
 * injection and fx_dump (a backup file) are left out. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sodium_ready),
		cmocka_unit_test_setup_teardown(test_fault_injection, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_transient_retry, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retried_request, setup,
						teardown),
	};
	const struct CMUnitTest *pg = tests + 3;
	if (db_is_postgres(ut_db_name(":memory:")))
		return _cmocka_run_group_tests(
			"test_app_submission (PostgreSQL)", pg, 2, NULL, NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
