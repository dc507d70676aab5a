/*
 * Contact details (app/contact.c, issue 17 item 7) through the library:
 * who may set them, bad values refused with nothing written, a database
 * failure at any call leaves nothing half-written.
 */
#include "app_fixture.h"

#include "../../src/app/contact.h"
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

static void
unit_contact_is(const char *code, const char *phone, const char *email)
{
	struct arena *a = arena_new();
	struct org_unit u;
	struct contact c;
	struct diags d;
	diags_init(&d);
	fx_ok(org_find_named(&F.app, code, a, &u, &d), &d, code);
	fx_ok(org_contact(&F.app, u.id, a, &c), &d, "org_contact");
	if (phone == NULL)
		assert_null(c.phone);
	else
		assert_string_equal(c.phone, phone);
	if (email == NULL)
		assert_null(c.email);
	else
		assert_string_equal(c.email, email);
	diags_release(&d);
	arena_free(a);
}

static void
test_unit_contact(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct contact c = { "0225 3876 543", "c1mot@haiphong.edu.vn" };
	fx_ok(org_set_contact(&F.app, &F.p1, "T1", &c, &d), &d, "set");
	unit_contact_is("T1", "0225 3876 543", "c1mot@haiphong.edu.vn");
	/* Both checked, neither written when one is bad. */
	struct contact bad = { "0912 345 678", "c1mot@haiphong" };
	assert_int_equal(org_set_contact(&F.app, &F.p1, "T1", &bad, &d),
			 TS_EINVAL);
	assert_true(fx_said(&d, "tên miền sau dấu @ không hợp lệ"));
	unit_contact_is("T1", "0225 3876 543", "c1mot@haiphong.edu.vn");
	/* "" removes, NULL keeps. */
	struct contact clear = { "", NULL };
	fx_ok(org_set_contact(&F.app, &F.so, "T1", &clear, &d), &d, "clear");
	unit_contact_is("T1", NULL, "c1mot@haiphong.edu.vn");
	/* Like a rename: not one's own unit, not a reviewer, not outside. */
	assert_int_equal(org_set_contact(&F.app, &F.p1, "P1", &c, &d),
			 TS_EFORBIDDEN);
	assert_int_equal(org_set_contact(&F.app, &F.cv, "T1", &c, &d),
			 TS_EFORBIDDEN);
	assert_int_equal(org_set_contact(&F.app, &F.p1, "T3", &c, &d),
			 TS_EFORBIDDEN);
	unit_contact_is("P1", NULL, NULL);
	diags_release(&d);
}

static void
test_account_contact(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	struct contact c = { "+84 912 345 678", "ht.mot@gmail.com" }, got;
	diags_init(&d);
	fx_ok(user_set_contact(&F.app, &F.p1, "ht.t1", &c, &d), &d, "set");
	fx_ok(user_contact(&F.app, "ht.t1", a, &got), &d, "get");
	assert_string_equal(got.phone, "+84 912 345 678");
	assert_string_equal(got.email, "ht.mot@gmail.com");
	assert_int_equal(user_set_contact(&F.app, &F.cv, "ht.t1", &c, &d),
			 TS_EFORBIDDEN);
	struct contact bad = { "09 12", NULL };
	assert_int_equal(user_set_contact(&F.app, &F.p1, "ht.t1", &bad, &d),
			 TS_EINVAL);
	assert_true(fx_said(&d, "từ 8 đến 15 chữ số"));
	diags_release(&d);
	arena_free(a);
}

static enum ts_err
run_unit(struct fx *f, struct diags *d)
{
	struct contact c = { "0225 3876 543", "c1mot@haiphong.edu.vn" };
	return org_set_contact(&f->app, &f->p1, "T1", &c, d);
}

static enum ts_err
run_account(struct fx *f, struct diags *d)
{
	struct contact c = { "0912 345 678", "ht.mot@gmail.com" };
	return user_set_contact(&f->app, &f->p1, "ht.t1", &c, d);
}

static void
test_fault_injection(void **state)
{
	(void)state;
	print_message("org_set_contact: %ld database calls\n",
		      fx_fault_loop(&F, run_unit, "org_set_contact"));
	print_message("user_set_contact: %ld database calls\n",
		      fx_fault_loop(&F, run_account, "user_set_contact"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unit_contact, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_account_contact, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_fault_injection, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
