/* Fixed-point points (fixed.c) and interval notation (range.c). */
#include <math.h>

#include "ut.h"

/* pts_parse on a NUL-terminated string. */
static bool
parse(const char *s, pts_t *v)
{
	*v = -12345;
	return pts_parse(s, strlen(s), v);
}

static void
test_pts_parse_valid(void **state)
{
	(void)state;
	pts_t v;
	assert_true(parse("12", &v));
	assert_int_equal(v, 1200);
	assert_true(parse("12.5", &v));
	assert_int_equal(v, 1250);
	assert_true(parse("3.25", &v));
	assert_int_equal(v, 325);
	assert_true(parse("-0.5", &v));
	assert_int_equal(v, -50);
	assert_true(parse("0", &v));
	assert_int_equal(v, 0);
	assert_true(parse("0.05", &v));
	assert_int_equal(v, 5);
	assert_true(parse("007.10", &v));
	assert_int_equal(v, 710);
	/* Only the first n bytes count. */
	assert_true(pts_parse("45xyz", 2, &v));
	assert_int_equal(v, 4500);
}

static void
test_pts_parse_invalid(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"3.333", "",	 "1.",	".5",  "1e3",  " 1",
		"1 ",	 "-",	 "+1",	"1,5", "abc",  "--1",
		"1.2.3", "0x10", "inf", "nan", "1.-5",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		pts_t v = 777;
		if (pts_parse(bad[i], strlen(bad[i]), &v))
			fail_msg("pts_parse accepted \"%s\"", bad[i]);
		assert_int_equal(v, 777); /* untouched on failure */
	}
}

static void
test_pts_parse_overflow(void **state)
{
	(void)state;
	pts_t v;
	/* 10^12 units is the largest whole number accepted. */
	assert_true(parse("1000000000000", &v));
	assert_int_equal(v, PTS_LIMIT);
	assert_true(parse("-1000000000000", &v));
	assert_int_equal(v, -PTS_LIMIT);
	assert_false(parse("1000000000001", &v));
	assert_false(parse("99999999999999999999999999", &v));
	assert_false(parse("-99999999999999999999999999.5", &v));
}

/*
 * SOURCE BUG (reported): pts_parse checks the limit on the whole part only,
 * so "1000000000000.5" is accepted as 100000000000050 hundredths, above
 * PTS_LIMIT, while pts_from_double(1000000000000.5) and
 * pts_from_int(1000000000001) both reject values past PTS_LIMIT ("false if
 * ... out of range", fixed.h).
 */
static void
test_pts_parse_limit_with_fraction(void **state)
{
	(void)state;
	pts_t v = 0;
	assert_false(pts_from_double(1000000000000.5, &v));
	bool ok = parse("1000000000000.5", &v);
	if (ok && v > PTS_LIMIT)
		fail_msg("\"1000000000000.5\" accepted as %lld hundredths, "
			 "above PTS_LIMIT %lld",
			 (long long)v, (long long)PTS_LIMIT);
}

static void
test_pts_from_double(void **state)
{
	(void)state;
	pts_t v = 0;
	assert_true(pts_from_double(0.1, &v));
	assert_int_equal(v, 10);
	assert_true(pts_from_double(3.25, &v));
	assert_int_equal(v, 325);
	assert_true(pts_from_double(12.5, &v));
	assert_int_equal(v, 1250);
	assert_true(pts_from_double(-0.5, &v));
	assert_int_equal(v, -50);
	assert_true(pts_from_double(0.29, &v)); /* 28.999999999999996 */
	assert_int_equal(v, 29);
	assert_true(pts_from_double(1e12, &v));
	assert_int_equal(v, PTS_LIMIT);
	v = 42;
	assert_false(pts_from_double(3.333, &v));
	assert_false(pts_from_double(0.001, &v));
	assert_false(pts_from_double(NAN, &v));
	assert_false(pts_from_double(INFINITY, &v));
	assert_false(pts_from_double(-INFINITY, &v));
	assert_false(pts_from_double(1e13, &v));
	assert_false(pts_from_double(-1e300, &v));
	assert_int_equal(v, 42);
}

static void
test_pts_from_int(void **state)
{
	(void)state;
	pts_t v = 0;
	assert_true(pts_from_int(7, &v));
	assert_int_equal(v, 700);
	assert_true(pts_from_int(-3, &v));
	assert_int_equal(v, -300);
	assert_true(pts_from_int(1000000000000LL, &v));
	assert_int_equal(v, PTS_LIMIT);
	assert_false(pts_from_int(1000000000001LL, &v));
	assert_false(pts_from_int(-1000000000001LL, &v));
	assert_false(pts_from_int(INT64_MAX, &v));
	assert_false(pts_from_int(INT64_MIN, &v));
}

static void
test_pts_format(void **state)
{
	(void)state;
	char b[PTS_FMT_SIZE];
	assert_string_equal(pts_format(1200, b), "12");
	assert_string_equal(pts_format(1250, b), "12.5");
	assert_string_equal(pts_format(325, b), "3.25");
	assert_string_equal(pts_format(-50, b), "-0.5");
	assert_string_equal(pts_format(-5, b), "-0.05");
	assert_string_equal(pts_format(0, b), "0");
	assert_string_equal(pts_format(5, b), "0.05");
	assert_string_equal(pts_format(10, b), "0.1");
	assert_string_equal(pts_format(PTS_LIMIT, b), "1000000000000");
	assert_string_equal(pts_format(INT64_MIN, b), "-92233720368547758.08");
	/* Round trip through the parser. */
	static const char *const rt[] = { "0", "1", "99.99", "-7.5", "100" };
	for (size_t i = 0; i < sizeof(rt) / sizeof(*rt); i++) {
		pts_t v;
		assert_true(parse(rt[i], &v));
		assert_string_equal(pts_format(v, b), rt[i]);
	}
	assert_true(pts_to_double(1250) == 12.5);
}

/* What people read: decimal comma, percentages as the documents print
 * them (two decimals at most, rounded half up). */
static void
test_pts_format_vn(void **state)
{
	(void)state;
	char b[PTS_FMT_SIZE];
	assert_string_equal(pts_format_vn(1950, b), "19,5");
	assert_string_equal(pts_format_vn(1200, b), "12");
	assert_string_equal(pts_format_vn(-5, b), "-0,05");
	assert_string_equal(pts_format_vn(INT64_MIN, b),
			    "-92233720368547758,08");
	assert_int_equal(pts_percent(1, 3), 3333);
	assert_int_equal(pts_percent(2, 3), 6667); /* half up */
	assert_int_equal(pts_percent(0, 0), 0);
	assert_string_equal(pts_format_pct_vn(7870, b), "78,7%");
	assert_string_equal(pts_format_pct_vn(4567, b), "45,67%");
	assert_string_equal(pts_format_pct_vn(pts_percent(4, 4), b), "100%");
	assert_string_equal(int_format_vn(0, b), "0");
	assert_string_equal(int_format_vn(999, b), "999");
	assert_string_equal(int_format_vn(1000, b), "1.000");
	assert_string_equal(int_format_vn(1020600000, b), "1.020.600.000");
	assert_string_equal(int_format_vn(-15000, b), "-15.000");
	assert_string_equal(int_format_vn(INT64_MIN, b),
			    "-9.223.372.036.854.775.808");
}

/* Statistics figures: "3.050", never "3050" (issue 15). */
static void
test_num_format_vn(void **state)
{
	(void)state;
	char b[PTS_FMT_SIZE];
	assert_string_equal(num_format_vn(305000, b), "3.050");
	assert_string_equal(num_format_vn(305050, b), "3.050,5");
	assert_string_equal(num_format_vn(99925, b), "999,25");
	assert_string_equal(num_format_vn(0, b), "0");
	assert_string_equal(num_format_vn(-1225, b), "-12,25");
	assert_string_equal(num_format_vn(-100000, b), "-1.000");
	assert_string_equal(num_format_vn(INT64_MIN, b),
			    "-92.233.720.368.547.758,08");
}

/* A file size: a 45-byte file is "45 byte", not "1 KB". */
static void
test_size_format_vn(void **state)
{
	(void)state;
	char b[PTS_FMT_SIZE];
	assert_string_equal(size_format_vn(45, b), "45 byte");
	assert_string_equal(size_format_vn(0, b), "0 byte");
	assert_string_equal(size_format_vn(1023, b), "1023 byte");
	assert_string_equal(size_format_vn(1024, b), "1 KB");
	assert_string_equal(size_format_vn(1536, b), "1,5 KB");
	assert_string_equal(size_format_vn(1075, b), "1 KB");	/* 1,0498 */
	assert_string_equal(size_format_vn(1127, b), "1,1 KB"); /* 1,1006 */
	assert_string_equal(size_format_vn(50 << 20, b), "50 MB");
	assert_string_equal(size_format_vn(12976128, b), "12,4 MB");
}

/* A typed number: "7,5" and "7.5" alike; too many decimals says so. */
static void
test_pts_parse_input(void **state)
{
	(void)state;
	pts_t v = 0;
	const char *why = NULL;
	assert_true(pts_parse_input("7,5", 3, &v, &why));
	assert_int_equal(v, 750);
	assert_true(pts_parse_input(" 7.25 ", 6, &v, &why));
	assert_int_equal(v, 725);
	assert_true(pts_parse_input("10", 2, &v, &why));
	assert_int_equal(v, P(10));
	static const char *const many[] = { "9.999", "9,999", "7,500",
					    "9.999999999999999999" };
	for (size_t i = 0; i < sizeof(many) / sizeof(*many); i++) {
		v = 777;
		assert_false(
			pts_parse_input(many[i], strlen(many[i]), &v, &why));
		assert_string_equal(why, "có nhiều hơn 2 chữ số thập phân");
		assert_int_equal(v, 777);
	}
	static const char *const bad[] = { "abc", "1,2.5", "1.2,5", "",
					   ",5",  "7,",	   "1 000", "1e3" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_false(pts_parse_input(bad[i], strlen(bad[i]), &v, &why));
		assert_string_equal(why, "không phải là một số");
	}
}

static struct range
R(const char *s) {
	struct range r;
	const char *why = NULL;
	if (!range_parse(s, &r, &why))
		fail_msg("range_parse(\"%s\") failed: %s", s, why);
	return r;
}

static void
test_range_parse_valid(void **state)
{
	(void)state;
	char b[80];
	struct range r = R("[0,50)");
	assert_int_equal(r.lo, 0);
	assert_int_equal(r.hi, 5000);
	assert_false(r.lo_open);
	assert_true(r.hi_open);
	assert_false(r.hi_inf);
	r = R("(75,100]");
	assert_int_equal(r.lo, 7500);
	assert_int_equal(r.hi, 10000);
	assert_true(r.lo_open);
	assert_false(r.hi_open);
	r = R("[40,inf)");
	assert_int_equal(r.lo, 4000);
	assert_true(r.hi_inf);
	assert_true(r.hi_open);
	r = R("[ 2.5 , 7.25 ]"); /* spaces around bounds are tolerated */
	assert_int_equal(r.lo, 250);
	assert_int_equal(r.hi, 725);
	assert_string_equal(range_format(&r, b), "[2.5,7.25]");
	r = R("[5,5]"); /* a single value */
	assert_int_equal(r.lo, 500);
	assert_int_equal(r.hi, 500);
	r = R("(75,100]");
	assert_string_equal(range_format(&r, b), "(75,100]");
	r = R("[40,inf)");
	assert_string_equal(range_format(&r, b), "[40,inf)");
}

static void
test_range_parse_invalid(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",	 "[0,5",   "0,50]",	"[0;50]",   "[0,1,2]",
		"[a,5]", "[0,b]",  "[0,3.333]", "[inf,5)",  "[0,inf]",
		"(5,3)", "[5,5)",  "(5,5]",	"[50,0]",   "{0,5}",
		"[,5]",	 "[ ,50]", "[0,]",	"[1e1,20]",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct range r;
		const char *why = NULL;
		if (range_parse(bad[i], &r, &why))
			fail_msg("range_parse accepted \"%s\"", bad[i]);
		assert_non_null(why);
		assert_true(strlen(why) > 0);
	}
	struct range r;
	const char *why = NULL;
	assert_false(range_parse("[0,inf]", &r, &why));
	assert_non_null(strstr(why, "inf"));
	assert_false(range_parse("[9,3]", &r, &why));
	assert_non_null(strstr(why, "khoảng rỗng"));
}

static void
test_range_contains_edges(void **state)
{
	(void)state;
	struct range lo = R("[0,50)"), mid = R("[50,75]"), hi = R("(75,100]"),
		     inf = R("[40,inf)");
	assert_true(range_contains(&lo, 0));
	assert_true(range_contains(&lo, 4999));
	assert_false(range_contains(&lo, 5000));
	assert_false(range_contains(&lo, -1));
	assert_true(range_contains(&mid, 5000));
	assert_true(range_contains(&mid, 7500));
	assert_false(range_contains(&mid, 7501));
	assert_false(range_contains(&mid, 4999));
	assert_false(range_contains(&hi, 7500));
	assert_true(range_contains(&hi, 7501));
	assert_true(range_contains(&hi, 10000));
	assert_false(range_contains(&hi, 10001));
	assert_false(range_contains(&inf, 3999));
	assert_true(range_contains(&inf, 4000));
	assert_true(range_contains(&inf, PTS_LIMIT));
	struct range one = R("[5,5]");
	assert_true(range_contains(&one, 500));
	assert_false(range_contains(&one, 499));
	assert_false(range_contains(&one, 501));
}

static enum range_join
J(const char *a, const char *b)
{
	struct range ra = R(a), rb = R(b);
	return range_join(&ra, &rb);
}

static void
test_range_join(void **state)
{
	(void)state;
	assert_int_equal(J("[0,50)", "[50,75]"), RANGE_TOUCH);
	assert_int_equal(J("[50,75]", "(75,100]"), RANGE_TOUCH);
	assert_int_equal(J("[0,10)", "[10,inf)"), RANGE_TOUCH);
	assert_int_equal(J("[0,49]", "[50,75]"), RANGE_GAP);
	assert_int_equal(J("[0,50)", "(50,75]"), RANGE_GAP);
	assert_int_equal(J("[0,50]", "[50,75]"), RANGE_OVERLAP);
	assert_int_equal(J("[0,60]", "[50,75]"), RANGE_OVERLAP);
	assert_int_equal(J("[0,100]", "[10,20]"), RANGE_OVERLAP);
	assert_int_equal(J("[0,inf)", "[50,75]"), RANGE_OVERLAP);
	assert_int_equal(J("[50,75]", "[0,50)"), RANGE_DISORDER);
	assert_int_equal(J("(75,100]", "[50,75]"), RANGE_DISORDER);
}

static void
test_range_words(void **state)
{
	(void)state;
	char w[128];
	struct range r;
	r = R("[0,50)");
	assert_string_equal(range_words(&r, P(100), w), "dưới 50");
	r = R("[50,75]");
	assert_string_equal(range_words(&r, P(100), w), "từ 50 đến 75");
	r = R("(75,100]");
	assert_string_equal(range_words(&r, P(100), w), "trên 75");
	r = R("[40,inf)");
	assert_string_equal(range_words(&r, P(100), w), "từ 40 trở lên");
	r = R("[90,100]");
	assert_string_equal(range_words(&r, P(100), w), "từ 90 trở lên");
	r = R("[50,70)");
	assert_string_equal(range_words(&r, P(100), w), "từ 50 đến dưới 70");
	r = R("(50,75]");
	assert_string_equal(range_words(&r, P(100), w), "trên 50 đến 75");
	r = R("[0,100]");
	assert_string_equal(range_words(&r, P(100), w), "từ 0 đến 100");
	r = R("[0,inf)");
	assert_string_equal(range_words(&r, P(100), w), "mọi giá trị");
	r = R("(75,90]"); /* not the top: the upper end is said */
	assert_string_equal(range_words(&r, P(100), w), "trên 75 đến 90");
	r = R("[2.5,7.5]");
	assert_string_equal(range_words(&r, P(10), w), "từ 2,5 đến 7,5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pts_parse_valid),
		cmocka_unit_test(test_size_format_vn),
		cmocka_unit_test(test_pts_parse_invalid),
		cmocka_unit_test(test_pts_parse_overflow),
		cmocka_unit_test(test_pts_parse_limit_with_fraction),
		cmocka_unit_test(test_pts_from_double),
		cmocka_unit_test(test_pts_from_int),
		cmocka_unit_test(test_pts_format),
		cmocka_unit_test(test_pts_format_vn),
		cmocka_unit_test(test_num_format_vn),
		cmocka_unit_test(test_pts_parse_input),
		cmocka_unit_test(test_range_parse_valid),
		cmocka_unit_test(test_range_parse_invalid),
		cmocka_unit_test(test_range_contains_edges),
		cmocka_unit_test(test_range_join),
		cmocka_unit_test(test_range_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
