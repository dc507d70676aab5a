/*
 * Accounts (app/user.c, user_admin.c, user_reset.c) through the library,
 * on an in-memory database: adding, changing and reset codes, who may,
 * the example (an invalid-UTF-8 name is a text error, not "login
 * already taken"), and a database failure at any call (app_fixture.h).
 */
#include "app_fixture.h"

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

static void
test_add_and_duplicate(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct user_new u = { "cntt.t2",	  "Nguyễn Văn A", "T2",
			      ROLE_SCHOOL_EDITOR, NULL,		  FX_HASH };
	fx_ok(user_add(&F.app, &F.p1, &u, &d), &d, "add");
	assert_int_equal(user_add(&F.app, &F.p1, &u, &d), TS_ECONFLICT);
	assert_true(fx_said(&d, "đã có người dùng"));
	diags_release(&d);
}

/* Issue 13's example: the name is refused as text, naming the field. */
static void
test_invalid_utf8_name_is_not_a_conflict(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct user_new u = { "cntt.t1", "Nguy\xc3\x28n",
			      "T1",	 ROLE_SCHOOL_EDITOR,
			      NULL,	 FX_HASH };
	assert_int_equal(user_add(&F.app, &F.p1, &u, &d), TS_EINVAL);
	assert_false(fx_said(&d, "đã có người dùng"));
	assert_non_null(strstr(d.v[0].where, "họ tên"));
	diags_release(&d);
}

static void
test_who_may(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct user_new u = { "qt.p1b", "Người Thứ Hai", "P1", ROLE_ADMIN,
			      NULL,	FX_HASH };
	/* A reviewer adds nobody; an admin of P1 adds no admin of P1 (the
	 * level above does); the Sở's admin does. */
	assert_int_equal(user_add(&F.app, &F.cv, &u, &d), TS_EFORBIDDEN);
	assert_int_equal(user_add(&F.app, &F.p1, &u, &d), TS_EFORBIDDEN);
	diags_release(&d);
	diags_init(&d);
	fx_ok(user_add(&F.app, &F.so, &u, &d), &d, "add admin");
	/* Nobody locks their own account. */
	struct user_change self = { "qt.p1", NULL, NULL, 1 };
	assert_int_equal(user_update(&F.app, &F.p1, &self, &d), TS_EFORBIDDEN);
	/* Outside the subtree: T3 is under P2. */
	struct user_change move = { "ht.t1", "T3", NULL, -1 };
	assert_int_equal(user_update(&F.app, &F.p1, &move, &d), TS_EFORBIDDEN);
	diags_release(&d);
}

static enum ts_err
run_add(struct fx *f, struct diags *d)
{
	struct user_new u = { "cntt.t3",	  "Trần Thị B", "T3",
			      ROLE_SCHOOL_EDITOR, NULL,		FX_HASH };
	return user_add(&f->app, &f->so, &u, d);
}

static enum ts_err
run_update(struct fx *f, struct diags *d)
{
	struct user_change c = { "cv.p1", NULL, NULL, 1 };
	return user_update(&f->app, &f->p1, &c, d);
}

static enum ts_err
run_reset(struct fx *f, struct diags *d)
{
	char code[RESET_CODE_SIZE];
	int64_t expires;
	return user_reset_start(&f->app, &f->p1, "ht.t1", code, &expires, d);
}

static void
test_fault_injection(void **state)
{
	(void)state;
	print_message("user_add: %ld database calls\n",
		      fx_fault_loop(&F, run_add, "user_add"));
	print_message("user_update: %ld database calls\n",
		      fx_fault_loop(&F, run_update, "user_update"));
	print_message("user_reset_start: %ld database calls\n",
		      fx_fault_loop(&F, run_reset, "user_reset_start"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_and_duplicate, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_invalid_utf8_name_is_not_a_conflict, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_who_may, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fault_injection, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
