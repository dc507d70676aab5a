/* score_to_json / pts_json: the machine-readable score sheet. */
#include "../../src/core/score_json.h"
#include "ut.h"

static const char RUBRIC[] = UT_HEAD
	"[{'id':'1','title':'Dạy, học','max':20,'levels':["
	"{'level':1,'name':'Chưa đáp ứng','range':'[0,10)'},"
	"{'level':2,'range':'[10,20]'}],'criteria':["
	"{'id':'1.1','title':'G','max':0,'items':["
	" {'id':'g','text':'G','kind':'gate'}]},"
	"{'id':'1.2','title':'P','max':10,'items':["
	" {'id':'p','text':'P','kind':'points','max':10,'step':0.5,"
	"  'verified':false}]},"
	"{'id':'1.3','title':'B','max':10,'items':["
	" {'id':'b','text':'B','kind':'band','max':10,'input':'percent',"
	"  'bands':[{'range':'[0,50)','points':0},"
	"  {'range':'[50,100]','points':10}]}]}]}],"
	"'grades':[{'name':'Đạt','range':'[10,20]'},"
	"{'name':'Chưa đạt','range':'[0,10)'}]}";

/* Compact JSON text of v (JSON_REAL_PRECISION(15)); caller frees. */
static char *
dump(const json_t *v)
{
	char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT |
					JSON_REAL_PRECISION(15));
	assert_non_null(s);
	return s;
}

static void
expect_dump(pts_t v, const char *want)
{
	json_t *j = pts_json(v);
	char *s = dump(j);
	json_decref(j);
	if (strcmp(s, want) != 0) {
		fprintf(stderr, "  pts_json(%lld) dumps %s\n", (long long)v, s);
		free(s);
		fail_msg("want %s", want);
	}
	free(s);
}

static void
test_pts_json(void **state)
{
	(void)state;
	expect_dump(1250, "12.5");
	expect_dump(1200, "12");
	expect_dump(325, "3.25");
	expect_dump(10, "0.1");
	expect_dump(-50, "-0.5");
	expect_dump(0, "0");
	expect_dump(PTS_LIMIT - 1, "999999999999.99");
	json_t *j = pts_json(1200);
	assert_true(json_is_integer(j));
	json_decref(j);
	j = pts_json(1250);
	assert_true(json_is_real(j));
	json_decref(j);
}

static void
test_score_round_trip(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(RUBRIC);
	struct answers *a = ut_answers_ok(
		r, "{'unit':'Trường THCS Lê Lợi','school_year':'2023-2024',"
		   "'answers':{'g':true,'p':{'value':2.5,'note':'ghi chú'}}}");
	struct score *s = score_compute(r, a);
	assert_non_null(s);
	json_t *j = score_to_json(s);
	assert_non_null(j);
	score_free(s);
	answers_free(a);
	rubric_free(r);

	/* Back through the text form, as a client would read it. */
	char *text = dump(j);
	json_decref(j);
	json_error_t e;
	j = json_loads(text, JSON_REJECT_DUPLICATES, &e);
	free(text);
	assert_non_null(j);

	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(j, "rubric"), "id")),
			    "t");
	assert_int_equal(json_integer_value(json_object_get(
				 json_object_get(j, "rubric"), "version")),
			 1);
	assert_string_equal(json_string_value(json_object_get(j, "unit")),
			    "Trường THCS Lê Lợi");
	assert_string_equal(
		json_string_value(json_object_get(j, "school_year")),
		"2023-2024");
	assert_true(json_real_value(json_object_get(j, "total")) == 2.5);
	assert_int_equal(json_integer_value(json_object_get(j, "total_max")),
			 20);
	assert_string_equal(json_string_value(json_object_get(j, "grade")),
			    "Chưa đạt");
	json_t *un = json_object_get(j, "unanswered");
	assert_int_equal(json_array_size(un), 1);
	assert_string_equal(json_string_value(json_array_get(un, 0)), "b");

	json_t *g = json_array_get(json_object_get(j, "groups"), 0);
	assert_string_equal(json_string_value(json_object_get(g, "title")),
			    "Dạy, học");
	assert_true(json_real_value(json_object_get(g, "points")) == 2.5);
	assert_true(json_real_value(json_object_get(g, "ungated_points")) ==
		    2.5);
	assert_true(json_is_true(json_object_get(g, "gates_met")));
	json_t *lv = json_object_get(g, "level");
	assert_int_equal(json_integer_value(json_object_get(lv, "level")), 1);
	assert_string_equal(json_string_value(json_object_get(lv, "name")),
			    "Chưa đáp ứng");

	json_t *crit = json_object_get(g, "criteria");
	assert_int_equal(json_array_size(crit), 3);
	json_t *gate = json_array_get(
		json_object_get(json_array_get(crit, 0), "items"), 0);
	assert_string_equal(json_string_value(json_object_get(gate, "kind")),
			    "gate");
	assert_true(json_is_true(json_object_get(gate, "met")));
	json_t *p = json_array_get(
		json_object_get(json_array_get(crit, 1), "items"), 0);
	assert_string_equal(json_string_value(json_object_get(p, "id")), "p");
	assert_true(json_is_true(json_object_get(p, "answered")));
	assert_true(json_is_false(json_object_get(p, "verified")));
	assert_string_equal(json_string_value(json_object_get(p, "note")),
			    "ghi chú");
	assert_int_equal(json_integer_value(json_object_get(p, "max")), 10);
	assert_null(json_object_get(p, "met"));
	json_t *b = json_array_get(
		json_object_get(json_array_get(crit, 2), "items"), 0);
	assert_true(json_is_false(json_object_get(b, "answered")));
	assert_null(json_object_get(b, "verified"));

	/* Advice: to level 2 (từ 10) needs 7.5; p (7.5) then b (10). */
	json_t *ad = json_object_get(g, "advice");
	json_t *next = json_object_get(ad, "next_level");
	assert_int_equal(json_integer_value(json_object_get(next, "level")), 2);
	assert_true(json_is_null(json_object_get(next, "name")));
	assert_true(json_real_value(json_object_get(ad, "needed")) == 7.5);
	assert_true(json_is_true(json_object_get(ad, "reachable")));
	assert_int_equal(json_array_size(json_object_get(ad, "gates")), 0);
	json_t *sg = json_object_get(ad, "suggestions");
	assert_int_equal(json_array_size(sg), 2);
	json_t *s0 = json_array_get(sg, 0), *s1 = json_array_get(sg, 1);
	assert_string_equal(json_string_value(json_object_get(s0, "item")),
			    "p");
	assert_string_equal(json_string_value(json_object_get(s0, "criterion")),
			    "1.2");
	assert_true(json_real_value(json_object_get(s0, "gain")) == 7.5);
	assert_null(json_object_get(s0, "step_at"));
	assert_string_equal(json_string_value(json_object_get(s1, "item")),
			    "b");
	assert_int_equal(json_integer_value(json_object_get(s1, "step_at")),
			 50);
	assert_int_equal(json_integer_value(json_object_get(s1, "gain")), 10);
	json_decref(j);
}

static void
test_score_json_text(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(RUBRIC);
	struct answers *a = ut_answers_ok(r, "{'answers':{'g':false,'p':10,"
					     "'b':50}}");
	struct score *s = score_compute(r, a);
	json_t *j = score_to_json(s);
	char *text = dump(j);
	json_decref(j);
	score_free(s);
	answers_free(a);
	rubric_free(r);
	/* A failed gate: 0 points, 20 kept; unit/school_year are null. */
	bool ok = strstr(text, "\"points\":0,\"ungated_points\":20,"
			       "\"gates_met\":false") != NULL &&
		  strstr(text, "\"unit\":null") != NULL &&
		  strstr(text, "\"gates\":[\"g\"]") != NULL &&
		  strstr(text, "\"unanswered\":[]") != NULL &&
		  strstr(text, "\"total\":0,") != NULL;
	if (!ok)
		fprintf(stderr, "  %s\n", text);
	free(text);
	assert_true(ok);
}

/* Two groups rated each on its own (levels, no grade, as QĐ 4725): the
 * JSON has no combined total; decided by the rubric's shape, not its id. */
static const char TWO_GROUPS[] = UT_HEAD
	"[{'id':'1','title':'A','max':10,'levels':["
	"{'level':1,'range':'[0,5)'},{'level':2,'range':'[5,10]'}],"
	"'criteria':[{'id':'1.1','title':'P','max':10,'items':["
	" {'id':'p','text':'P','kind':'points','max':10}]}]},"
	"{'id':'2','title':'B','max':10,'levels':["
	"{'level':1,'range':'[0,5)'},{'level':2,'range':'[5,10]'}],"
	"'criteria':[{'id':'2.1','title':'Q','max':10,'items':["
	" {'id':'q','text':'Q','kind':'points','max':10}]}]}]}";

static void
test_no_combined_total(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(TWO_GROUPS);
	struct answers *a = ut_answers_ok(r, "{'answers':{'p':7,'q':3}}");
	struct score *s = score_compute(r, a);
	json_t *j = score_to_json(s);
	assert_non_null(j);
	assert_false(rubric_has_total(r));
	assert_null(json_object_get(j, "total"));
	assert_null(json_object_get(j, "total_max"));
	assert_int_equal(json_array_size(json_object_get(j, "groups")), 2);
	json_decref(j);
	score_free(s);
	answers_free(a);
	rubric_free(r);
	/* With grades over the sum (seed 001) the total stays. */
	r = ut_rubric_ok(RUBRIC);
	assert_true(rubric_has_total(r));
	rubric_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pts_json),
		cmocka_unit_test(test_score_round_trip),
		cmocka_unit_test(test_no_combined_total),
		cmocka_unit_test(test_score_json_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
