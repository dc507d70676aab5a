/* Natural order of unit codes (core/natcmp.c): listings sort 31DK001
 * before 31DK010, which byte order and the org tree's path order do not. */
#include "ut.h"

#include <stdlib.h>
#include <string.h>

#include "../../src/core/natcmp.h"

static int
sgn(int x)
{
	return (x > 0) - (x < 0);
}

static void
test_codes_in_natural_order(void **state)
{
	(void)state;
	/* Each sorts strictly before the next. */
	/* A digit run compares by value: "31" then letters sorts before
	 * "31001" (31 < 31001). */
	static const char *const order[] = {
		"31",	    "31AL001", "31AL002", "31AL016", "31DK",
		"31DK1",    "31DK001", "31DK002", "31DK009", "31DK010",
		"31DK011",  "31DK029", "31DK100", "31GDTX1", "31GDTX2",
		"31GDTX10", "31001",   "31002",	  "31010",   "31023",
		"A",	    "a"
	};
	size_t n = sizeof order / sizeof order[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			assert_int_equal(sgn(natcmp(order[i], order[j])),
					 i < j ? -1 : i > j);
}

static void
test_equal_value_runs_and_edges(void **state)
{
	(void)state;
	assert_int_equal(natcmp("31DK010", "31DK010"), 0);
	assert_true(natcmp("x7", "x07") < 0);
	assert_true(natcmp("x07", "x7") > 0);
	assert_true(natcmp("x07a", "x7b") < 0); /* the letter decides */
	assert_true(natcmp("9", "10") < 0);
	assert_true(natcmp("", "0") < 0);
	assert_int_equal(natcmp("", ""), 0);
	assert_true(natcmp(NULL, "") < 0);
	assert_int_equal(natcmp(NULL, NULL), 0);
	/* Longer than any integer type: compared digit by digit. */
	assert_true(natcmp("u123456789012345678901234567890",
			   "u123456789012345678901234567891") < 0);
}

static int
cmp(const void *a, const void *b)
{
	return natcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The demo's Phòng, in the order its org tree stores it (by path). */
static void
test_qsort_demo_codes(void **state)
{
	(void)state;
	const char *v[] = { "31DK008", "31DK010", "31DK029",
			    "31DK001", "31DK002", "31DK011" };
	qsort(v, 6, sizeof v[0], cmp);
	static const char *const want[] = { "31DK001", "31DK002", "31DK008",
					    "31DK010", "31DK011", "31DK029" };
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(v[i], want[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes_in_natural_order),
		cmocka_unit_test(test_equal_value_runs_and_edges),
		cmocka_unit_test(test_qsort_demo_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
