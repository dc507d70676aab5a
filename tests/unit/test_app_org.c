/*
 * The org tree's write use cases (app/org_write.c) through the library,
 * on an in-memory database: what they write, who may, and that a
 * database failure at any statement leaves nothing half-written and is
 * reported as a database failure (app_fixture.h).
 */
#include "app_fixture.h"

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

/* The count of rows a query returns as its one integer. */
static int64_t
count(const char *sql, const char *arg)
{
	return fx_count(&F, sql, arg);
}

static const char SQL_AUDIT[] = "SELECT count(*) FROM audit WHERE action = ?";
static const char SQL_HISTORY[] =
	"SELECT count(*) FROM org_unit_history h JOIN org_unit o ON "
	"o.id = h.unit_id WHERE o.code = ?";

static void
test_add_rename_move_close(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	struct org_unit u;
	unsigned th = 0;
	int64_t id = 0;
	diags_init(&d);
	assert_true(school_levels_parse("TH", &th));
	/* Opened before the day it closes (a close before a unit existed is
	 * refused). */
	struct org_new n = { "T9", "Trường\u0301 Thử", KIND_TRUONG, "P1",
			     th,   "2025-09-01" };
	int64_t added = count(SQL_AUDIT, "org.add");
	fx_ok(org_add(&F.app, &F.p1, &n, &id, &d), &d, "add");
	assert_true(id > 0);
	assert_int_equal(count(SQL_AUDIT, "org.add"), added + 1);
	fx_ok(org_rename(&F.app, &F.p1, "T9", "Trường Chín", &d), &d, "rename");
	fx_ok(org_find(&F.app, "T9", a, &u), &d, "find");
	assert_string_equal(u.name, "Trường Chín");
	/* P2 is not under P1: the admin of P1 may not move a school there. */
	assert_int_equal(org_move(&F.app, &F.p1, "T9", "P2", &d),
			 TS_EFORBIDDEN);
	assert_true(fx_said(&d, "phạm vi"));
	diags_release(&d);
	diags_init(&d);
	fx_ok(org_move(&F.app, &F.so, "T9", "P2", &d), &d, "move");
	fx_ok(org_close(&F.app, &F.so, "T9", "2026-01-01", false, &d), &d,
	      "close");
	fx_ok(org_close(&F.app, &F.so, "T9", NULL, true, &d), &d, "reopen");
	assert_int_equal(
		org_close(&F.app, &F.so, "T9", "2025-08-31", false, &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "ngày đóng 31/08/2025 trước ngày đơn vị bắt "
				"đầu hoạt động (01/09/2025)"));
	diags_release(&d);
	diags_init(&d);
	/* create, rename, move, close, reopen */
	assert_int_equal(count(SQL_HISTORY, "T9"), 5);
	arena_free(a);
	diags_release(&d);
}

/* Who: a reviewer changes nothing; nobody but the operator adds a root;
 * nobody edits the unit they sit in. */
static void
test_policy_refusals(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	char *before = fx_dump(&F);
	assert_int_equal(org_rename(&F.app, &F.cv, "T1", "Tên khác", &d),
			 TS_EFORBIDDEN);
	struct org_new root = { "80", "Sở Khác", KIND_SO, NULL, 0, NULL };
	int64_t id;
	assert_int_equal(org_add(&F.app, &F.so, &root, &id, &d), TS_EFORBIDDEN);
	assert_true(fx_said(&d, "đơn vị gốc"));
	assert_int_equal(org_rename(&F.app, &F.p1, "P1", "Phòng Mới", &d),
			 TS_EFORBIDDEN);
	char *after = fx_dump(&F);
	assert_string_equal(before, after);
	free(before);
	free(after);
	diags_release(&d);
}

/* Bad text is refused as text, naming the field, never as a conflict. */
static void
test_bad_text(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	assert_int_equal(org_rename(&F.app, &F.p1, "T1", "T\xff\xfe", &d),
			 TS_EINVAL);
	assert_true(fx_said(&d, "UTF-8") || fx_said(&d, "tên đơn vị") ||
		    strstr(d.v[0].where, "tên đơn vị") != NULL);
	struct org_new dup = {
		"T1", "Trường Trùng", KIND_TRUONG, "P1", 1, NULL
	};
	int64_t id;
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(org_add(&F.app, &F.p1, &dup, &id, &d), TS_ECONFLICT);
	assert_true(fx_said(&d, "đã tồn tại"));
	diags_release(&d);
}

static enum ts_err
run_add(struct fx *f, struct diags *d)
{
	struct org_new n = { "T8", "Trường Tám", KIND_TRUONG, "P1", 1, NULL };
	int64_t id;
	return org_add(&f->app, &f->p1, &n, &id, d);
}

static enum ts_err
run_rename(struct fx *f, struct diags *d)
{
	return org_rename(&f->app, &f->p1, "T2", "Trường Hai Mới", d);
}

static enum ts_err
run_move(struct fx *f, struct diags *d)
{
	return org_move(&f->app, &f->so, "T3", "P1", d);
}

static enum ts_err
run_levels(struct fx *f, struct diags *d)
{
	return org_set_levels(&f->app, &f->p1, "T1", 3, d);
}

static enum ts_err
run_close(struct fx *f, struct diags *d)
{
	return org_close(&f->app, &f->p1, "T2", "2026-06-01", false, d);
}

static enum ts_err
run_edit(struct fx *f, struct diags *d)
{
	return org_edit(&f->app, &f->so, "T1", "Trường Một Mới", "P2", 3, d);
}

static void
test_fault_injection(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		fx_case run;
	} cases[] = {
		{ "org_add", run_add },	    { "org_rename", run_rename },
		{ "org_move", run_move },   { "org_set_levels", run_levels },
		{ "org_close", run_close }, { "org_edit", run_edit },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		long calls = fx_fault_loop(&F, cases[i].run, cases[i].name);
		print_message("%s: %ld database calls, each failed once\n",
			      cases[i].name, calls);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_rename_move_close,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_refusals, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fault_injection, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
