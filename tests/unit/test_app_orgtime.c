/*
 * The tree over time and requests run once, through the library on the
 * fixture's tree (app_fixture.h): org_parent.c (under which unit a unit
 * sat on a day, a move's day and its refusals) and door_once.c (a keyed
 * request run again gets the first run's answer, per account).
 */
#include "app_fixture.h"

#include <time.h>

#include "../../src/app/door.h"
#include "../../src/app/org_int.h"
#include "../../src/util/arena.h"

static struct fx F;

static int
setup(void **state)
{
	(void)state;
	fx_open(&F);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fx_close(&F);
	return 0;
}

static const char SQL_ROWS[] =
	"SELECT count(*) FROM org_parent p JOIN "
	"org_unit o ON o.id = p.unit_id WHERE o.code = ?";

/* The code of unit `code`'s parent on day, "" for a root. */
static const char *
parent_on(struct arena *a, const char *code, const char *day)
{
	struct org_unit u, p;
	int64_t id = -1;
	assert_int_equal(org_find(&F.app, code, a, &u), TS_OK);
	assert_int_equal(org_parent_at(&F.app, &u, day, &id), TS_OK);
	if (id == 0)
		return "";
	assert_int_equal(org_get(&F.app, id, a, &p), TS_OK);
	return p.code;
}

/* T1 opened under P1 on 2020-01-01 (the fixture) and moves to P2 from
 * 2024-03-01: each day before sees P1, that day and later P2; a day
 * before it opened sees its first parent. */
static void
test_parent_at(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	diags_init(&d);
	fx_ok(org_move_on(&F.app, &F.op, "T1", "P2", "2024-03-01", &d), &d,
	      "move");
	assert_string_equal(parent_on(a, "T1", "2024-02-29"), "P1");
	assert_string_equal(parent_on(a, "T1", "2024-03-01"), "P2");
	assert_string_equal(parent_on(a, "T1", "2026-01-01"), "P2");
	assert_string_equal(parent_on(a, "T1", "2019-06-01"), "P1");
	assert_string_equal(parent_on(a, "T3", "2024-02-29"), "P2");
	assert_string_equal(parent_on(a, "79", "2024-02-29"), "");
	assert_int_equal(fx_count(&F, SQL_ROWS, "T1"), 2);
	/* Moved again on the same day: that day keeps the last parent,
	 * no third row. */
	fx_ok(org_move_on(&F.app, &F.op, "T1", "P1", "2024-03-01", &d), &d,
	      "move back");
	assert_string_equal(parent_on(a, "T1", "2024-03-01"), "P1");
	assert_string_equal(parent_on(a, "T1", "2024-02-29"), "P1");
	assert_int_equal(fx_count(&F, SQL_ROWS, "T1"), 2);
	diags_release(&d);
	arena_free(a);
}

/* A move dated before the unit came under its current parent is refused
 * with both days named, and nothing moves. */
static void
test_change_before_current(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	struct org_unit u;
	diags_init(&d);
	fx_ok(org_move_on(&F.app, &F.op, "T2", "P2", "2023-09-05", &d), &d,
	      "move");
	assert_int_equal(
		org_move_on(&F.app, &F.op, "T2", "P1", "2023-09-04", &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "ngày chuyển 04/09/2023 trước ngày đơn vị "
				"về đơn vị cấp trên hiện tại (05/09/2023)"));
	assert_int_equal(fx_count(&F, SQL_ROWS, "T2"), 2);
	assert_string_equal(parent_on(a, "T2", "2024-01-01"), "P2");
	assert_int_equal(org_find(&F.app, "T2", a, &u), TS_OK);
	/* org_move_day_why itself, as the move (and the admin page, to show
	 * the reason at its field) asks it before org_parent_change. */
	struct org_unit p;
	const char *why = NULL;
	assert_int_equal(org_find(&F.app, "P1", a, &p), TS_OK);
	assert_int_equal(
		org_move_day_why(&F.app, &u, &p, "2022-01-01", a, &why), TS_OK);
	assert_non_null(why);
	assert_string_equal(why, "ngày chuyển 01/01/2022 trước ngày đơn vị về "
				 "đơn vị cấp trên hiện tại (05/09/2023)");
	assert_int_equal(
		org_move_day_why(&F.app, &u, &p, "2023-09-05", a, &why), TS_OK);
	assert_null(why);
	assert_int_equal(fx_count(&F, SQL_ROWS, "T2"), 2);
	diags_release(&d);
	arena_free(a);
}

/* The day of a move: YYYY-MM-DD, not after today; NULL is today. */
static void
test_move_day_problem(void **state)
{
	(void)state;
	struct diags d;
	char today[11];
	org_today(today);
	assert_null(org_move_day_problem(NULL));
	assert_null(org_move_day_problem("2024-02-29"));
	assert_null(org_move_day_problem(today));
	assert_string_equal(org_move_day_problem("2024-3-1"),
			    "ngày chuyển phải có dạng YYYY-MM-DD");
	assert_string_equal(org_move_day_problem("2024-02-30"),
			    "ngày chuyển phải có dạng YYYY-MM-DD");
	assert_string_equal(org_move_day_problem("hôm qua"),
			    "ngày chuyển phải có dạng YYYY-MM-DD");
	assert_string_equal(org_move_day_problem("2999-01-01"),
			    "ngày chuyển không được sau hôm nay");
	/* org_move_on says it, names the unit, and writes nothing. */
	diags_init(&d);
	int64_t audit = fx_count(&F, "SELECT count(*) FROM audit", NULL);
	assert_int_equal(
		org_move_on(&F.app, &F.op, "T1", "P2", "2999-01-01", &d),
		TS_EINVAL);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].where, "T1");
	assert_string_equal(d.v[0].msg, "ngày chuyển không được sau hôm nay");
	assert_int_equal(fx_count(&F, SQL_ROWS, "T1"), 1);
	assert_int_equal(fx_count(&F, "SELECT count(*) FROM audit", NULL),
			 audit);
	diags_release(&d);
}

/* ---- door_once.c ---- */

static int runs; /* how many times the test door's body ran */

static enum ts_err
once_body(struct door_ctx *c)
{
	runs++;
	c->result = arena_printf(c->a, "lần chạy %d", runs);
	return TS_OK;
}

static const struct door ONCE_DOOR = {
	"test.once", PA_CHANGE, "chạy thử", NULL, NULL, once_body,
};

static bool
once_key(const void *in, char *key)
{
	snprintf(key, DOOR_KEY_MAX, "%s", (const char *)in);
	return true;
}

static void
once_replay(void *out, const char *result)
{
	snprintf(out, 32, "%s", result);
}

static const struct door_once ONCE = { once_key, once_replay };

/* Runs the test door with key `key` as `who`; the answer it got. */
static const char *
run_once(const struct actor *who, const char *key, char out[32])
{
	struct diags d;
	char in[DOOR_KEY_MAX];
	snprintf(in, sizeof(in), "%s", key);
	diags_init(&d);
	out[0] = '\0';
	fx_ok(door_run_once(&F.app, who, &ONCE_DOOR, &ONCE, in, out, &d), &d,
	      key);
	diags_release(&d);
	return out;
}

static const char SQL_ONCE[] = "SELECT count(*) FROM door_once WHERE "
			       "action = 'test.once' AND actor = ?";

static void
test_door_once(void **state)
{
	(void)state;
	char out[32];
	runs = 0;
	/* First run: the body runs, its key is kept. (The first run's own
	 * answer is set by the use case, not replayed.) */
	assert_string_equal(run_once(&F.so, "T1@3", out), "");
	assert_int_equal(runs, 1);
	/* The same request again: not run, the first answer given. */
	assert_string_equal(run_once(&F.so, "T1@3", out), "lần chạy 1");
	assert_int_equal(runs, 1);
	assert_int_equal(fx_count(&F, SQL_ONCE, "qt.so"), 1);
	/* Another key, or the same key from another account, runs. */
	assert_string_equal(run_once(&F.so, "T1@4", out), "");
	assert_int_equal(runs, 2);
	assert_string_equal(run_once(&F.p1, "T1@3", out), "");
	assert_int_equal(runs, 3);
	assert_string_equal(run_once(&F.p1, "T1@3", out), "lần chạy 3");
	assert_int_equal(runs, 3);
	assert_int_equal(fx_count(&F, SQL_ONCE, "qt.so"), 2);
	assert_int_equal(fx_count(&F, SQL_ONCE, "qt.p1"), 1);
}

/* door_once_find/keep inside a door context, as the door calls them: a
 * key is per action; a key older than a day is ignored, and deleted by
 * door_once_prune (serve's periodic clean-up), not by a keyed write. */
static const char SQL_OLD[] =
	"SELECT count(*) FROM door_once WHERE action = 'x.old'";
static void
test_find_keep(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	const char *r = "?";
	diags_init(&d);
	struct door_ctx c = { .app = &F.app, .who = &F.cv, .a = a, .d = &d };
	assert_int_equal(db_exec_script(F.app.db,
					"INSERT INTO door_once(actor, action, "
					"request_key, result, at) VALUES "
					"('cv.p1', 'x.old', 'k', 'cũ', "
					"'2000-01-01T00:00:00Z')"),
			 TS_OK);
	/* Expired: ignored at once, kept by a keyed write, gone at the
	 * periodic clean-up. */
	assert_int_equal(door_once_find(&c, "x.old", "k", &r), TS_OK);
	assert_null(r);
	c.result = "đã duyệt";
	assert_int_equal(door_once_keep(&c, "x.a", "k"), TS_OK);
	assert_int_equal(fx_count(&F, SQL_OLD, NULL), 1);
	assert_int_equal(door_once_prune(&F.app, time(NULL)), TS_OK);
	assert_int_equal(fx_count(&F, SQL_OLD, NULL), 0);
	assert_int_equal(door_once_find(&c, "x.a", "k", &r), TS_OK);
	assert_string_equal(r, "đã duyệt");
	assert_int_equal(door_once_find(&c, "x.b", "k", &r), TS_OK);
	assert_null(r);
	c.who = &F.ht;
	assert_int_equal(door_once_find(&c, "x.a", "k", &r), TS_OK);
	assert_null(r);
	diags_release(&d);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_parent_at, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_change_before_current,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_day_problem, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_door_once, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_find_keep, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
