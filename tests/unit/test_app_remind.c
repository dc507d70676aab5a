/* reminder.c and notify.c through the library API on the demo database
 * (issue 13 item 6): who may remind (the policy's unit remind), how many
 * units are due and which have no address, a relay that refuses recorded
 * and audited and claimed again the same day, a day's sent digest not
 * sent twice; and a school's notices (the office's return, a deadline)
 * derived from its tasks. The day is moved with TRUONGSO_NOW (a test
 * build's hook); the relay is a closed loopback port, so no mail leaves
 * and nothing waits on time. tests/cli/remind.sh sends real digests to
 * an SMTP sink. */
#include "ut.h"
#include "ut_app_db.h"

#include "../../src/app/contact.h"
#include "../../src/app/notify.h"
#include "../../src/app/reminder.h"
#include "../../src/app/tasks.h"
#include "../../src/util/arena.h"

static struct ut_app_db fx;

/* Nothing listens on port 1 of loopback: the relay refuses at once. */
static const struct mail_relay CLOSED = {
	"smtp://127.0.0.1:1", "phong@haiphong.edu.vn", NULL, NULL, NULL, false
};
static const int64_t CDS[] = { 1 };

static int64_t
count(const char *sql)
{
	struct db_stmt *st = db_prep(fx.app.db, sql);
	assert_non_null(st);
	int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	db_done(st);
	return n;
}

static void
load(const char *login, struct actor *a)
{
	struct diags d;
	diags_init(&d);
	assert_int_equal(actor_load(&fx.app, login, a, &d), TS_OK);
	diags_release(&d);
}

static enum ts_err
remind(const char *login, struct remind_report *out, struct diags *d)
{
	struct actor who;
	struct remind_opts o = { CDS, 1, NULL, &CLOSED, NULL };
	struct arena *a = arena_new();
	load(login, &who);
	enum ts_err e = remind_run(&fx.app, &who, &o, a, out, d);
	arena_free(a); /* out->no_address lived there: counts only */
	out->no_address = NULL;
	return e;
}

/* Units of 31DK not yet submitted in campaign 1. */
#define SQL_DUE                                                                \
	"SELECT count(*) FROM campaign_unit cu JOIN org_unit o ON o.id = "     \
	"cu.unit_id LEFT JOIN submission s ON s.campaign_id = 1 AND "          \
	"s.unit_id = cu.unit_id WHERE cu.campaign_id = 1 AND o.code LIKE "     \
	"'31DK0%' AND coalesce(s.state, 'none') IN ('none', 'draft', "         \
	"'returned')"

static void
test_remind_who(void **state)
{
	(void)state;
	struct remind_report r;
	struct diags d;
	diags_init(&d);
	assert_int_equal(remind("ht.31dk011", &r, &d), TS_EFORBIDDEN);
	assert_diag(&d, "ht.31dk011", "chỉ cán bộ Phòng, Sở gửi thư nhắc");
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(remind("xem.so", &r, &d), TS_EFORBIDDEN);
	assert_diag(&d, "xem.so", "tài khoản theo dõi chỉ được xem");
	assert_int_equal(r.sent + r.failed + r.units, 0);
	assert_int_equal(count("SELECT count(*) FROM reminder"), 0);
	diags_release(&d);
}

static void
test_remind_refusing_relay(void **state)
{
	(void)state;
	struct remind_report r;
	struct diags d;
	struct contact c = { .email = "truong@haiphong.edu.vn" };
	int64_t due = count(SQL_DUE);
	assert_true(due > 1);
	setenv("TRUONGSO_NOW", "2026-06-01T02:00:00Z", 1);
	diags_init(&d);
	assert_int_equal(org_set_contact(&fx.app, &fx.op, "31DK018", &c, &d),
			 TS_OK);
	/* One unit has an address: its digest is tried and refused, the
	 * others are named as having none. */
	assert_int_equal(remind("cv.dk", &r, &d), TS_OK);
	assert_int_equal(r.units, due);
	assert_int_equal(r.failed, 1);
	assert_int_equal(r.sent, 0);
	assert_int_equal(r.nno_address, due - 1);
	assert_int_equal(count("SELECT count(*) FROM reminder WHERE status = "
			       "'failed'"),
			 1);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
			       "'reminder.failed' AND object = '31DK018'"),
			 1);
	/* A failed digest is claimed again the same day ... */
	assert_int_equal(remind("cv.dk", &r, &d), TS_OK);
	assert_int_equal(r.failed, 1);
	assert_int_equal(r.already, 0);
	/* ... a sent one is not. */
	assert_int_equal(db_exec_script(fx.app.db, "UPDATE reminder SET "
						   "status = 'sent'"),
			 TS_OK);
	assert_int_equal(remind("cv.dk", &r, &d), TS_OK);
	assert_int_equal(r.failed, 0);
	assert_int_equal(r.already, 1);
	assert_int_equal(count("SELECT count(*) FROM reminder"), 1);
	unsetenv("TRUONGSO_NOW");
	diags_release(&d);
}

/* The notices of one school's account at the moment TRUONGSO_NOW. */
static size_t
notices(const char *login, struct arena *a, struct notice **v)
{
	struct actor who;
	struct task_list l;
	struct diags d;
	size_t n = 0;
	diags_init(&d);
	load(login, &who);
	assert_int_equal(tasks_of(&fx.app, &who, a, &l, &d), TS_OK);
	assert_false(l.desk);
	assert_int_equal(notices_of(&fx.app, &l, a, v, &n), TS_OK);
	diags_release(&d);
	return n;
}

static const struct notice *
find(const struct notice *v, size_t n, int64_t cid, enum notice_kind k)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].c->id == cid && v[i].kind == k)
			return &v[i];
	return NULL;
}

static void
test_notices(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct notice *v = NULL;
	/* 31DK024 was returned by Dương Kinh on 4/5/2026; on 27/5, four
	 * days before the due day (31/5), it sees both. */
	setenv("TRUONGSO_NOW", "2026-05-27T02:00:00Z", 1);
	size_t n = notices("ht.31dk024", a, &v);
	const struct notice *ret = find(v, n, 1, NOTICE_RETURNED);
	assert_non_null(ret);
	assert_string_equal(ret->by, "UBND phường Dương Kinh");
	assert_string_equal(ret->at, "2026-05-04T02:00:00Z");
	assert_string_equal(ret->unit_code, "31DK024");
	const struct notice *due = find(v, n, 1, NOTICE_DEADLINE);
	assert_non_null(due);
	assert_int_equal(due->days_left, 4);
	assert_null(due->at);
	assert_true(due == &v[0] || v[0].kind == NOTICE_DEADLINE);
	/* 40 days after it, the return is older than NOTICE_DAYS. */
	setenv("TRUONGSO_NOW", "2026-06-13T02:00:00Z", 1);
	n = notices("ht.31dk024", a, &v);
	assert_null(find(v, n, 1, NOTICE_RETURNED));
	/* A school that submitted has no deadline notice. */
	setenv("TRUONGSO_NOW", "2026-05-27T02:00:00Z", 1);
	n = notices("ht.31dk011", a, &v);
	assert_null(find(v, n, 1, NOTICE_DEADLINE));
	unsetenv("TRUONGSO_NOW");
	arena_free(a);
}

static int
setup(void **state)
{
	(void)state;
	return ut_app_db_open(&fx, "ut-remind", UT_DEMO);
}

static int
teardown(void **state)
{
	(void)state;
	unsetenv("TRUONGSO_NOW");
	return ut_app_db_close(&fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_remind_who),
		cmocka_unit_test(test_remind_refusing_relay),
		cmocka_unit_test(test_notices),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
