/* Sign-in throttling (core/throttle.c): growing delays, never a lockout. */
#include "ut.h"

#include "../../src/core/throttle.h"

static void
test_login_wait_grows(void **state)
{
	(void)state;
	assert_int_equal(throttle_login_wait(0), 0);
	assert_int_equal(throttle_login_wait(4), 0);
	assert_int_equal(throttle_login_wait(5), 15);
	assert_int_equal(throttle_login_wait(6), 30);
	assert_int_equal(throttle_login_wait(7), 60);
	assert_int_equal(throttle_login_wait(10), 480);
	/* Capped: a lasting attack slows to four guesses an hour, and the
	 * owner waits at most 15 minutes after the last wrong try. */
	assert_int_equal(throttle_login_wait(11), 900);
	assert_int_equal(throttle_login_wait(1000000), 900);
}

static void
test_client_delay_grows(void **state)
{
	(void)state;
	assert_int_equal(throttle_client_delay_ms(1), 0);
	assert_int_equal(throttle_client_delay_ms(20), 0);
	assert_int_equal(throttle_client_delay_ms(21), 250);
	assert_int_equal(throttle_client_delay_ms(24), 1000);
	assert_int_equal(throttle_client_delay_ms(32), 3000);
	assert_int_equal(throttle_client_delay_ms(1000000), 3000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_login_wait_grows),
		cmocka_unit_test(test_client_delay_grows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
