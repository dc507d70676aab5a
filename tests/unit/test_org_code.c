/* Unit codes are safe identifiers (app/org.c org_code_problem). */
#include "ut.h"

#include "../../src/app/org.h"

static void
test_safe_codes(void **state)
{
	(void)state;
	assert_null(org_code_problem("31DK001"));
	assert_null(org_code_problem("79Q1-THCS.le_loi"));
	assert_null(org_code_problem("a"));
	char max[ORG_CODE_MAX + 1];
	memset(max, 'A', ORG_CODE_MAX);
	max[ORG_CODE_MAX] = '\0';
	assert_null(org_code_problem(max));
}

static void
test_unsafe_codes(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",	   "31DK/A1", "31DK%2FA1", "31DK A1", "..",
		".hidden", "-x",      "Sở79",	   "a\\b",    "a?b",
		"a#b",	   "a\"b",    "a<b",	   "a\tb",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_non_null(org_code_problem(bad[i]));
	assert_non_null(org_code_problem(NULL));
	char long_code[ORG_CODE_MAX + 2];
	memset(long_code, 'A', ORG_CODE_MAX + 1);
	long_code[ORG_CODE_MAX + 1] = '\0';
	assert_non_null(org_code_problem(long_code));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_safe_codes),
		cmocka_unit_test(test_unsafe_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
