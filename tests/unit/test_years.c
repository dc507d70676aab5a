/*
 * Year over year (issue 16, app/years.c) on the fixture's tree: T1's
 * results across three QĐ 4725 rounds of P1 and one round of another
 * rubric family, with every figure computed by hand from the example
 * answers (group 1: 73 points, criterion 1.3: 21 = 6 + 6 + 6 + 3 + 0),
 * and P1's Phụ lục 3 counts over the same years; the improvement plan
 * made after an approved year and shown the next, and the office's most
 * common gaps.
 */
#include "app_fixture.h"
#include "ut_answers.h"

#include <jansson.h>

#include "../../src/app/campaign.h"
#include "../../src/app/plan.h"
#include "../../src/app/submission.h"
#include "../../src/app/years.h"
#include "../../src/util/arena.h"

static struct fx F;
static struct actor cv2;	/* reviewer of P2: none of T1's years */
static struct actor ht2;	/* head of T2: its own years only */
static int64_t y1, y2, y3, tdm; /* 2023-2024, 2024-2025, 2025-2026 */

static int64_t
round_of(const char *rubric, const char *year)
{
	struct campaign_new n = {
		"P1",		rubric,
		year,		"Tự đánh giá chuyển đổi số",
		"Kế hoạch thử", 0,
		"2025-09-01",	"2099-12-31",
		NULL,		NULL,
		NULL,		false,
	};
	struct diags d;
	int64_t id = 0;
	diags_init(&d);
	fx_ok(campaign_create(&F.app, &F.p1, &n, &id, &d), &d, year);
	return id;
}

/* The example's answers with 1.3a and 1.3e set. */
static char *
answers(int a, int e)
{
	json_t *root = ut_example_answers();
	ut_answer_set(root, "1.3a", a);
	ut_answer_set(root, "1.3e", e);
	return ut_answers_take(root);
}

/* unit saves its answers; submitted and approved when asked. */
static void
result(int64_t cid, const char *unit, const struct actor *head, int a, int e,
       bool submit, bool approve)
{
	struct diags d;
	char *json = answers(a, e);
	diags_init(&d);
	fx_ok(sub_save(&F.app, head, cid, unit, json, -1, &d), &d, "save");
	if (submit)
		fx_ok(sub_submit(&F.app, head, cid, unit, -1, NULL, &d), &d,
		      "submit");
	if (approve)
		fx_ok(sub_approve(&F.app, &F.cv, cid, unit, -1, &d), &d,
		      "approve");
	free(json);
}

static int
setup(void **state)
{
	(void)state;
	fx_open(&F);
	fx_user(&F, "cv.p2", "P2", ROLE_REVIEWER, &cv2);
	fx_user(&F, "ht.t2", "T2", ROLE_SCHOOL_HEAD, &ht2);
	y1 = round_of("qd4725-2022-pt", "2023-2024");
	tdm = round_of("tdm-cntt-2022", "2024-2025");
	y2 = round_of("qd4725-2022-pt", "2024-2025");
	y3 = round_of("qd4725-2022-pt", "2025-2026");
	/* 2023-2024: 1.3a = 0, approved: group 1 67 points, 1.3 15. */
	result(y1, "T1", &F.ht, 0, 0, true, true);
	/* 2024-2025: submitted, never approved: not shown. */
	result(y2, "T1", &F.ht, 6, 0, true, false);
	/* 2025-2026: a draft with 1.3e = 3: group 1 76 (Mức 3), 1.3 24. */
	result(y3, "T1", &F.ht, 6, 3, false, false);
	/* T2 in 2023-2024 as the example (73, Mức 2), approved. */
	result(y1, "T2", &ht2, 6, 0, true, true);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fx_close(&F);
	return 0;
}

static size_t
crit(const struct rubric *r, const char *id)
{
	for (size_t c = 0; c < r->ncriteria; c++)
		if (strcmp(r->criteria[c]->id, id) == 0)
			return c;
	fail_msg("no criterion %s", id);
	return 0;
}

/* Oldest first, other families left out, an unapproved year labelled
 * and without figures, the asked draft year with its own. */
static void
test_unit_years(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct unit_years u;
	struct diags d;
	diags_init(&d);
	fx_ok(unit_years(&F.app, &F.ht, y3, "T1", a, &u, &d), &d, "years");
	assert_int_equal(u.n, 3);
	assert_int_equal(u.y[0].campaign_id, y1);
	assert_int_equal(u.y[1].campaign_id, y2);
	assert_int_equal(u.y[2].campaign_id, y3);
	assert_string_equal(u.y[0].school_year, "2023-2024");
	size_t c13 = crit(u.rubric, "1.3");
	/* 2023-2024: approved, reviewed figures. */
	assert_true(u.y[0].shown && u.y[0].reviewed);
	assert_int_equal(u.y[0].state, ST_APPROVED);
	assert_true(u.y[0].groups[0].known);
	assert_int_equal(u.y[0].groups[0].points, 6700);
	assert_int_equal(u.y[0].groups[0].level, 2);
	assert_int_equal(u.y[0].criteria[c13].points, 1500);
	assert_true(u.y[0].crit_exists[c13]);
	/* 2024-2025: submitted only: labelled, nothing shown. */
	assert_false(u.y[1].shown);
	assert_int_equal(u.y[1].state, ST_SUBMITTED);
	assert_false(u.y[1].groups[0].known);
	/* 2025-2026: the draft asked about: its own group figures, no
	 * submitted version for the criteria yet. */
	assert_true(u.y[2].shown && !u.y[2].reviewed);
	assert_int_equal(u.y[2].state, ST_DRAFT);
	assert_int_equal(u.y[2].groups[0].points, 7600);
	assert_int_equal(u.y[2].groups[0].level, 3);
	assert_false(u.y[2].criteria[c13].known);
	/* The year before the asked one that has figures. */
	assert_int_equal(unit_years_previous(&u), 0);
	arena_free(a);
	diags_release(&d);
}

/* Asked from 2024-2025: the later year is left out; its own figures
 * shown though unapproved, labelled with its state. */
static void
test_unit_years_earlier(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct unit_years u;
	struct diags d;
	diags_init(&d);
	fx_ok(unit_years(&F.app, &F.cv, y2, "T1", a, &u, &d), &d, "years");
	assert_int_equal(u.n, 2);
	assert_true(u.y[1].shown);
	assert_int_equal(u.y[1].groups[0].points, 7300);
	assert_int_equal(u.y[1].criteria[crit(u.rubric, "1.3")].points, 2100);
	arena_free(a);
	diags_release(&d);
}

/* Another office's reviewer does not see P1's rounds at all; another
 * school sees them but not T1's results. */
static void
test_unit_years_forbidden(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct unit_years u;
	struct diags d;
	diags_init(&d);
	assert_int_equal(unit_years(&F.app, &cv2, y3, "T1", a, &u, &d),
			 TS_ENOTFOUND);
	assert_int_equal(unit_years(&F.app, &ht2, y3, "T1", a, &u, &d),
			 TS_EFORBIDDEN);
	assert_int_equal(u.n, 0);
	arena_free(a);
	diags_release(&d);
}

/* P1 across years: 2023-2024 T1 (67) and T2 (73), both Mức 2 in group
 * 1; 2024-2025 and 2025-2026 nothing approved. */
static void
test_office_years(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct office_years o;
	struct diags d;
	diags_init(&d);
	fx_ok(office_years(&F.app, &F.cv, y3, NULL, a, &o, &d), &d, "office");
	assert_int_equal(o.n, 3);
	assert_int_equal(o.y[0].campaign_id, y1);
	assert_int_equal(o.y[2].campaign_id, y3);
	assert_int_equal(o.y[0].lc.units_all, 2);
	assert_int_equal(o.y[0].lc.all[0][2], 2);
	assert_int_equal(o.y[0].lc.all[0][1] + o.y[0].lc.all[0][3], 0);
	assert_int_equal(o.y[1].lc.units_all, 0);
	assert_int_equal(o.y[1].part.took_part[1], 1); /* T1 submitted */
	assert_int_equal(o.y[2].lc.units_all, 0);
	arena_free(a);
	diags_release(&d);
}

static int64_t
count(const char *sql)
{
	struct db_stmt *st = db_prep(F.app.db, sql);
	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t n = db_col_int(st, 0);
	db_done(st);
	return n;
}

/* A plan only once the result is approved, only by the school. */
static void
test_plan_refusals(void **state)
{
	(void)state;
	struct diags d;
	const struct plan_item one[] = { { "1.3a", "" } };
	const struct plan_item bad[] = { { "1.3a", "" }, { "9.9", "" } };
	const struct plan_item twice[] = { { "1.3a", "" }, { "1.3a", "x" } };
	diags_init(&d);
	assert_int_equal(plan_save(&F.app, &F.ht, y2, "T1", one, 1, &d),
			 TS_ESTALE);
	assert_true(fx_said(&d, "chỉ lập kế hoạch cải thiện khi kết quả đã "
				"được phê duyệt"));
	assert_int_equal(plan_save(&F.app, &F.cv, y1, "T1", one, 1, &d),
			 TS_EFORBIDDEN);
	assert_int_equal(plan_save(&F.app, &F.ht, y1, "T1", bad, 2, &d),
			 TS_EINVAL);
	assert_true(fx_said(&d, "không có nội dung này trong bộ chỉ số"));
	assert_int_equal(plan_save(&F.app, &F.ht, y1, "T1", twice, 2, &d),
			 TS_EINVAL);
	assert_int_equal(count("SELECT count(*) FROM improvement_plan"), 0);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
			       "'plan.save'"),
			 0);
	diags_release(&d);
}

/* Saved after the approved 2023-2024, in rubric order, audited; shown
 * for 2025-2026 (2024-2025 made none). */
static void
test_plan_next_year(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	const struct plan_item items[] = { { "1.3e", "" },
					   { "1.3a", "Mua phần mềm LMS" } };
	struct plan_item *got = NULL;
	size_t n = 0;
	const char *year = NULL;
	diags_init(&d);
	fx_ok(plan_save(&F.app, &F.ht, y1, "T1", items, 2, &d), &d, "plan");
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
			       "'plan.save'"),
			 1);
	fx_ok(plan_list(&F.app, &F.cv, y1, "T1", a, &got, &n, &d), &d, "list");
	assert_int_equal(n, 2);
	assert_string_equal(got[0].item_id, "1.3a");
	assert_string_equal(got[0].note, "Mua phần mềm LMS");
	assert_string_equal(got[1].item_id, "1.3e");
	fx_ok(plan_previous(&F.app, &F.ht, y3, "T1", a, &year, &got, &n, &d),
	      &d, "previous");
	assert_non_null(year);
	assert_string_equal(year, "2023-2024");
	assert_int_equal(n, 2);
	/* 2023-2024 itself has no earlier plan. */
	fx_ok(plan_previous(&F.app, &F.ht, y1, "T1", a, &year, &got, &n, &d),
	      &d, "none");
	assert_null(year);
	assert_int_equal(n, 0);
	arena_free(a);
	diags_release(&d);
}

static size_t
schools_lacking(const struct gap_count *g, size_t n, const char *item)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(g[i].item_id, item) == 0)
			return g[i].schools;
	return 0;
}

/* 2023-2024 under P1: T1 (1.3a 0/6, 1.3d 3/6, 1.3e 0/6) and T2 (1.3a
 * 6/6, 1.3d 3/6, 1.3e 0/6), both Mức 2 in group 1: 1.3a lacks in one
 * school, 1.3d and 1.3e in two. */
static void
test_gaps(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	struct gap_count *g = NULL;
	size_t n = 0, k = 0;
	diags_init(&d);
	fx_ok(plan_gaps(&F.app, &F.cv, y1, NULL, 100, a, &g, &n, &k, &d), &d,
	      "gaps");
	assert_int_equal(k, 2); /* T1 and T2 were read */
	assert_int_equal(schools_lacking(g, n, "1.3a"), 1);
	assert_int_equal(schools_lacking(g, n, "1.3d"), 2);
	assert_int_equal(schools_lacking(g, n, "1.3e"), 2);
	assert_int_equal(schools_lacking(g, n, "1.3b"), 0); /* 6/6 both */
	for (size_t i = 1; i < n; i++)
		assert_true(g[i - 1].schools >= g[i].schools);
	/* The top one: most schools; none counted twice. */
	fx_ok(plan_gaps(&F.app, &F.cv, y1, NULL, 1, a, &g, &n, &k, &d), &d,
	      "top");
	assert_int_equal(n, 1);
	assert_int_equal(g[0].schools, 2);
	/* Another office's reviewer sees none of P1's round. */
	assert_int_equal(
		plan_gaps(&F.app, &cv2, y1, NULL, 5, a, &g, &n, &k, &d),
		TS_ENOTFOUND);
	/* Counted once per results generation (cached), and again after a
	 * change: 2024-2025 has no approved result until T1's is approved
	 * (1.3a 6/6, 1.3e 0/6). Run last: setup's rounds change here. */
	fx_ok(plan_gaps(&F.app, &F.cv, y2, NULL, 100, a, &g, &n, &k, &d), &d,
	      "y2 before");
	assert_int_equal(k, 0);
	assert_int_equal(n, 0);
	fx_ok(sub_approve(&F.app, &F.cv, y2, "T1", -1, &d), &d, "approve");
	fx_ok(plan_gaps(&F.app, &F.cv, y2, NULL, 100, a, &g, &n, &k, &d), &d,
	      "y2 after");
	assert_int_equal(k, 1);
	assert_int_equal(schools_lacking(g, n, "1.3e"), 1);
	assert_int_equal(schools_lacking(g, n, "1.3a"), 0);
	arena_free(a);
	diags_release(&d);
}

/* The total row of a rubric whose sum means something (issue 18 item
 * 11): the groups' sum with the grade of its band; a draft has no grade
 * yet; a year without a group's figure says so instead of a sum. */
static void
test_total_cell(void **state)
{
	(void)state;
	struct level_band bands[] = {
		{ 1, "Yếu", { 0, 4999, false, false, false } },
		{ 2, "Tốt", { 5000, 10000, false, false, false } },
	};
	struct rubric r = { .ngroups = 2, .grades = bands, .ngrades = 2 };
	struct year_figure g[] = { { true, 3050, 0 }, { true, 5500, 0 } };
	bool exists[] = { true, true };
	struct unit_year y = { .school_year = "2024-2025",
			       .state = ST_APPROVED,
			       .shown = true,
			       .reviewed = true,
			       .groups = g,
			       .group_exists = exists };
	char c[96];
	year_total_cell(&y, &r, ", ", c, sizeof(c));
	assert_string_equal(c, "85,5 điểm, Xếp loại Tốt");
	year_total_cell(&y, &r, "\n", c, sizeof(c));
	assert_string_equal(c, "85,5 điểm\nXếp loại Tốt");
	y.reviewed = false;
	y.state = ST_DRAFT;
	y.own = true;
	year_total_cell(&y, &r, ", ", c, sizeof(c));
	assert_string_equal(c, "85,5 điểm");
	g[1].known = false;
	year_total_cell(&y, &r, ", ", c, sizeof(c));
	assert_string_equal(c, YEAR_UNANSWERED);
	exists[1] = false;
	year_total_cell(&y, &r, ", ", c, sizeof(c));
	assert_string_equal(c, "không so sánh được");
	r.ngrades = 0; /* mầm non: a total, no grade */
	exists[1] = g[1].known = true;
	y.reviewed = true;
	y.state = ST_APPROVED;
	year_total_cell(&y, &r, ", ", c, sizeof(c));
	assert_string_equal(c, "85,5 điểm");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unit_years),
		cmocka_unit_test(test_unit_years_earlier),
		cmocka_unit_test(test_unit_years_forbidden),
		cmocka_unit_test(test_office_years),
		cmocka_unit_test(test_plan_refusals),
		cmocka_unit_test(test_plan_next_year),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_total_cell),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
