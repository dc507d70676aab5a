/* Report kinds follow the rubric's shape, never its id (issue 13 item
 * 5): the same rubric text under another id makes the same documents,
 * and the charts a document draws are listed once (report_charts) for
 * both the document and the report page. */
#include "ut.h"

#include <string.h>

#include "../../src/app/report.h"
#include "../../src/core/rubric.h"
#include "../../src/util/arena.h"

/* The rubric file at path, its "id" replaced by id. */
static struct rubric *
load_as(const char *path, const char *old_id, const char *id)
{
	size_t len;
	char *text = ut_read_file(path, &len);
	assert_non_null(text);
	char from[128], *at;
	snprintf(from, sizeof(from), "\"id\": \"%s\"", old_id);
	at = strstr(text, from);
	assert_non_null(at);
	char *out = malloc(len + strlen(id) + 16);
	assert_non_null(out);
	int n = snprintf(out, len + strlen(id) + 16, "%.*s\"id\": \"%s\"%s",
			 (int)(at - text), text, id, at + strlen(from));
	struct rubric *r = NULL;
	struct diags d;
	diags_init(&d);
	assert_int_equal(rubric_parse(out, (size_t)n, path, &r, &d), TS_OK);
	diags_release(&d);
	free(out);
	free(text);
	return r;
}

#define QD4725 "data/rubrics/qd4725-2022-pt.json"
#define Q7     "data/rubrics/q7-mn-2023.json"
#define TDM    "data/rubrics/tdm-cntt-2022.json"

static void
test_kind_by_shape(void **state)
{
	(void)state;
	static const struct {
		const char *path, *id, *as;
		enum report_kind want;
	} cases[] = {
		{ QD4725, "qd4725-2022-pt", "qd4725-2022-pt", RK_SELF_4725 },
		{ QD4725, "qd4725-2022-pt", "hp-cds-2026", RK_SELF_4725 },
		{ TDM, "tdm-cntt-2022", "tdm-cntt-2022", RK_TDM },
		{ TDM, "tdm-cntt-2022", "qd4725-tdm", RK_TDM },
		{ Q7, "q7-mn-2023", "q7-mn-2023", RK_SELF_MN },
		{ Q7, "q7-mn-2023", "qd4725-mn", RK_SELF_MN },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rubric *r = load_as(cases[i].path, cases[i].id,
					   cases[i].as);
		const struct report_kind_info *k = report_school_kind(r);
		assert_non_null(k);
		if (k->kind != cases[i].want)
			fail_msg("%s as %s: kind %s", cases[i].path,
				 cases[i].as, k->code);
		/* Office documents fit every shape (item 11). */
		assert_true(report_kind_fits(report_kind_get(RK_LEVELS), r));
		assert_true(report_kind_fits(report_kind_get(RK_LISTING), r));
		rubric_free(r);
	}
}

static void
test_charts_listed_once(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const struct report_chart *c;
	struct rubric *r = load_as(QD4725, "qd4725-2022-pt", "x-4725");
	/* Phụ lục 1 and Phụ lục 3: one chart per group; Phụ lục 2 of the
	 * school's report, its years (issue 16), last. */
	assert_int_equal(report_charts(report_kind_get(RK_SELF_4725), r, a, &c),
			 3);
	assert_int_equal(c[1].group, 1);
	assert_int_equal(c[2].group, -2);
	assert_string_equal(c[2].title, "Điểm từng nhóm tiêu chí qua các năm "
					"học");
	assert_string_equal(c[0].title, "Nhóm tiêu chí 1: điểm từng tiêu chí "
					"so với điểm tối đa");
	assert_int_equal(report_charts(report_kind_get(RK_LEVELS), r, a, &c),
			 4);
	assert_string_equal(c[1].title, "Nhóm tiêu chí 2: tỷ lệ CSGD theo "
					"mức độ");
	/* Then the same across years (issue 16). */
	assert_false(c[1].years);
	assert_true(c[2].years && c[3].years);
	assert_int_equal(c[3].group, 1);
	assert_string_equal(c[3].title, "Nhóm tiêu chí 2: tỷ lệ CSGD theo "
					"mức độ qua các năm học");
	rubric_free(r);
	/* A graded rubric's summary: one chart of the grades; its school
	 * document none. */
	r = load_as(TDM, "tdm-cntt-2022", "tdm-cntt-2022");
	assert_int_equal(report_charts(report_kind_get(RK_LEVELS), r, a, &c),
			 1);
	assert_int_equal(c[0].group, -1);
	assert_int_equal(report_charts(report_kind_get(RK_TDM), r, a, &c), 0);
	rubric_free(r);
	/* Mầm non: no levels, no grade, no chart. */
	r = load_as(Q7, "q7-mn-2023", "q7-mn-2023");
	assert_int_equal(report_charts(report_kind_get(RK_LEVELS), r, a, &c),
			 0);
	rubric_free(r);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_by_shape),
		cmocka_unit_test(test_charts_listed_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
