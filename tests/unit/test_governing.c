/* Cơ quan chủ quản (core/governing.c): the rule of rules.md §12 as a
 * table, around the day the district level ended (30/6 vs 1/7/2025). */
#include "ut.h"

#include "../../src/core/governing.h"
#include "../../src/core/rubric.h"

static const struct {
	enum gov_unit unit;
	unsigned levels;
	long date;
	enum gov_body want;
} CASES[] = {
	/* Before 1/7/2025 a school's line is the body managing it. */
	{ GOV_U_SCHOOL, LEVEL_MN, 20250630, GOV_PARENT },
	{ GOV_U_SCHOOL, LEVEL_TH | LEVEL_THCS, 20250630, GOV_PARENT },
	{ GOV_U_SCHOOL, LEVEL_THPT, 20250630, GOV_PARENT },
	{ GOV_U_SCHOOL, LEVEL_GDTX, 20250630, GOV_PARENT },
	{ GOV_U_SCHOOL, LEVEL_THCS, 20221230, GOV_PARENT },
	/* From 1/7/2025: MN/TH/THCS → UBND xã/phường, THPT/GDTX → Sở. */
	{ GOV_U_SCHOOL, LEVEL_MN, 20250701, GOV_COMMUNE },
	{ GOV_U_SCHOOL, LEVEL_TH, 20250701, GOV_COMMUNE },
	{ GOV_U_SCHOOL, LEVEL_THCS, 20250701, GOV_COMMUNE },
	{ GOV_U_SCHOOL, LEVEL_TH | LEVEL_THCS, 20260605, GOV_COMMUNE },
	{ GOV_U_SCHOOL, LEVEL_THPT, 20250701, GOV_SO },
	{ GOV_U_SCHOOL, LEVEL_THCS | LEVEL_THPT, 20250701, GOV_SO },
	{ GOV_U_SCHOOL, LEVEL_GDTX, 20250701, GOV_SO },
	/* An undated document takes today's (two-tier) shape. */
	{ GOV_U_SCHOOL, LEVEL_TH, 0, GOV_COMMUNE },
	/* Offices on either side of the boundary. */
	{ GOV_U_PHONG, 0, 20250630, GOV_UBND },
	{ GOV_U_PHONG, 0, 20250701, GOV_UBND },
	{ GOV_U_SO, 0, 20250630, GOV_UBND },
	{ GOV_U_SO, 0, 20250701, GOV_UBND },
	{ GOV_U_XA, 0, 20250701, GOV_NONE },
	{ GOV_U_BO, 0, 20250701, GOV_NONE },
};

static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
		enum gov_body got = governing_body(
			CASES[i].unit, CASES[i].levels, CASES[i].date);
		if (got != CASES[i].want)
			fail_msg("case %zu: got %d, want %d", i, (int)got,
				 (int)CASES[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
