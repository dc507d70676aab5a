/* What stands between a submission and submitting it (core/gaps.c):
 * blanks, and claims the rubric wants evidence for that have none. */
#include "ut.h"

#include "../../src/core/gaps.h"

/* 1.1 a gate whose criterion needs evidence; 1.2 two items, only the
 * first needs evidence; 1.3 no evidence asked for. */
static const char RUBRIC[] = UT_HEAD
	"[{'id':'1','title':'N','max':30,'criteria':["
	"{'id':'1.1','title':'G','max':0,"
	" 'evidence':{'required':true,'kinds':['file','fact'],'hint':'Văn bản'},"
	" 'items':[{'id':'1.1','text':'G','kind':'gate'}]},"
	"{'id':'1.2','title':'P','max':20,'items':["
	" {'id':'1.2a','text':'A','kind':'points','max':10,"
	"  'evidence':{'required':true,'kinds':['link']}},"
	" {'id':'1.2b','text':'B','kind':'points','max':10}]},"
	"{'id':'1.3','title':'Y','max':10,'items':["
	" {'id':'1.3','text':'Y','kind':'yesno','max':10}]}]}]}";

static size_t
gaps_of(const struct rubric *r, const char *answers_sq, const bool *has_ev,
	struct gap *g, size_t max)
{
	struct answers *a = ut_answers_ok(r, answers_sq);
	struct score *s = score_compute(r, a);
	assert_non_null(s);
	size_t n = gaps_find(s, has_ev, g, max);
	score_free(s);
	answers_free(a);
	return n;
}

/* Every blank, in rubric order; nothing claimed, no evidence wanted. */
static void
test_blanks(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(RUBRIC);
	struct gap g[8];
	size_t n = gaps_of(r, "{'answers':{'1.2b':3}}", NULL, g, 8);
	assert_int_equal(n, 3);
	assert_int_equal(g[0].kind, GAP_BLANK);
	assert_string_equal(g[0].item->id, "1.1");
	assert_string_equal(g[1].item->id, "1.2a");
	assert_string_equal(g[2].item->id, "1.3");
	assert_string_equal(g[2].criterion->id, "1.3");
	rubric_free(r);
}

/* A met gate and points on an item that wants evidence: both missing; a
 * "no" and 0 points claim nothing; the count goes past max. */
static void
test_missing_evidence(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(RUBRIC);
	struct gap g[8];
	size_t n = gaps_of(r,
			   "{'answers':{'1.1':true,'1.2a':4,'1.2b':3,"
			   "'1.3':true}}",
			   NULL, g, 8);
	assert_int_equal(n, 2);
	assert_int_equal(g[0].kind, GAP_EVIDENCE);
	assert_string_equal(g[0].criterion->id, "1.1");
	assert_null(g[0].item);
	assert_int_equal(g[1].kind, GAP_EVIDENCE);
	assert_string_equal(g[1].item->id, "1.2a");
	n = gaps_of(r, "{'answers':{'1.1':false,'1.2a':0,'1.2b':3,'1.3':true}}",
		    NULL, g, 8);
	assert_int_equal(n, 0);
	n = gaps_of(r, "{'answers':{'1.1':true,'1.2a':4,'1.2b':3,'1.3':true}}",
		    NULL, g, 1);
	assert_int_equal(n, 2);
	rubric_free(r);
}

/* Evidence linked to the criterion, or written in the answer, covers it. */
static void
test_evidence_covers(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(RUBRIC);
	struct gap g[8];
	bool linked[3] = { true, false, false };
	size_t n =
		gaps_of(r,
			"{'answers':{'1.1':true,'1.2a':{'value':4,"
			"'evidence':[{'kind':'link','text':'https://x.vn'}]},"
			"'1.2b':3,'1.3':true}}",
			linked, g, 8);
	assert_int_equal(n, 0);
	rubric_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blanks),
		cmocka_unit_test(test_missing_evidence),
		cmocka_unit_test(test_evidence_covers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
