/* Largest-remainder shares (core/shares.c): every row adds up to 100 %. */
#include "ut.h"

#include "../../src/core/shares.h"

static pts_t
sum(const pts_t *v, size_t n)
{
	pts_t s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* Rows of Phụ lục 3 that half-up rounding printed as 99,99 % or
 * 100,01 %: 1/3 each (33,33 × 3), 2/3 + 1/3 of 6, 23 of 46 and 15, 8. */
static void
test_rows_add_to_100(void **state)
{
	(void)state;
	static const int64_t rows[][3] = { { 1, 1, 1 },	  { 4, 2, 0 },
					   { 23, 15, 8 }, { 15, 18, 13 },
					   { 9, 5, 3 },	  { 1, 6, 4 },
					   { 0, 0, 7 },	  { 2, 2, 2 },
					   { 12, 5, 3 },  { 1, 1, 9 } };
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		pts_t out[3];
		assert_true(pts_shares(rows[r], 3, out));
		assert_int_equal(sum(out, 3), 10000);
		int64_t whole = rows[r][0] + rows[r][1] + rows[r][2];
		for (size_t i = 0; i < 3; i++) {
			/* Within one hundredth of the exact share. */
			int64_t exact100 = rows[r][i] * 1000000 / whole;
			assert_true(out[i] * 100 - exact100 < 100);
			assert_true(exact100 - out[i] * 100 < 100);
		}
	}
	pts_t out[3];
	static const int64_t thirds[3] = { 1, 1, 1 };
	pts_shares(thirds, 3, out);
	/* The earlier part takes the hundredth on a tie. */
	assert_int_equal(out[0], 3334);
	assert_int_equal(out[1], 3333);
	assert_int_equal(out[2], 3333);
	static const int64_t none[3] = { 0, 0, 0 };
	assert_false(pts_shares(none, 3, out));
	assert_int_equal(sum(out, 3), 0);
}

/* Every rate prints two decimals, so a column and a row read alike
 * (issue 18: "91,3%" stood beside "60,87%"). */
static void
test_rate_two_decimals(void **state)
{
	(void)state;
	char s[PTS_FMT_SIZE];
	assert_string_equal(pts_format_rate_vn(5000, s), "50,00%");
	assert_string_equal(pts_format_rate_vn(3261, s), "32,61%");
	assert_string_equal(pts_format_rate_vn(9130, s), "91,30%");
	assert_string_equal(pts_format_rate_vn(0, s), "0,00%");
	assert_string_equal(pts_format_rate_vn(10000, s), "100,00%");
	assert_string_equal(pts_format_rate_vn(5, s), "0,05%");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_add_to_100),
		cmocka_unit_test(test_rate_two_decimals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
