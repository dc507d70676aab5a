/* Scoring: points per kind, caps, gates, levels, grades, unanswered. */
#include "ut.h"

/* Group 1: a gate and 100 points in steps of 0.5, standard levels;
 * group 2: one yes/no worth 10 and no levels. */
static const char LEVELS_RUBRIC[] = UT_HEAD
	"[{'id':'1','title':'N1','max':100," UT_LEVELS_100 ",'criteria':["
	"{'id':'1.1','title':'G','max':0,'items':["
	" {'id':'g','text':'G','kind':'gate'}]},"
	"{'id':'1.2','title':'P','max':100,'items':["
	" {'id':'p','text':'P','kind':'points','max':100,'step':0.5}]}]},"
	"{'id':'2','title':'N2','max':10,'criteria':["
	"{'id':'2.1','title':'Z','max':10,'items':["
	" {'id':'z','text':'Z','kind':'yesno','max':10}]}]}]}";

/* One criterion per kind, a capped criterion with levels. */
static const char KINDS_RUBRIC[] = UT_HEAD
	"[{'id':'1','title':'N','max':100,'criteria':["
	"{'id':'1.1','title':'Y','max':10,'items':["
	" {'id':'y','text':'Y','kind':'yesno','max':10}]},"
	"{'id':'1.2','title':'B','max':7,'items':["
	" {'id':'b','text':'B','kind':'band','max':7,'input':'percent',"
	"  'bands':[{'range':'[0,50)','points':0},{'range':'[50,80)','points':3},"
	"  {'range':'[80,100]','points':7}]}]},"
	"{'id':'1.3','title':'CH','max':4,'items':["
	" {'id':'ch','text':'CH','kind':'choice','max':4,'options':["
	"  {'id':'a','text':'A','points':0},{'id':'b','text':'B','points':2},"
	"  {'id':'c','text':'C','points':4}]}]},"
	"{'id':'1.4','title':'CL','max':6,'items':["
	" {'id':'cl','text':'CL','kind':'checklist','max':6,"
	"  'base':[{'id':'rl','text':'R','points':4},{'id':'kn','text':'K','points':6}],"
	"  'options':[{'id':'m1','text':'1'},{'id':'m2','text':'2'},"
	"  {'id':'m3','text':'3'},{'id':'m4','text':'4'},{'id':'m5','text':'5'},"
	"  {'id':'m6','text':'6'}],'deduct_per_missing':1}]},"
	"{'id':'1.5','title':'CD','max':1,'items':["
	" {'id':'cd','text':'CD','kind':'checklist','max':1,'base':1,"
	"  'options':[{'id':'m1','text':'1'},{'id':'m2','text':'2'},"
	"  {'id':'m3','text':'3'},{'id':'m4','text':'4'}],"
	"  'deduct_per_missing':1}]},"
	"{'id':'1.6','title':'CAP','max':10,'cap':true,"
	" 'levels':[{'level':1,'range':'[0,5)'},{'level':2,'range':'[5,10]'}],"
	" 'items':[{'id':'ca','text':'CA','kind':'yesno','max':6},"
	"  {'id':'cb','text':'CB','kind':'points','max':6}]},"
	"{'id':'1.7','title':'CL2','max':62,'items':["
	" {'id':'cl2','text':'CL2','kind':'checklist','max':62,'base':2,"
	"  'options':[{'id':'hs','text':'HS','points':30},"
	"  {'id':'cb','text':'CB','points':30}]}]}"
	"]}]}";

/* Scores answers given as '-quoted JSON against r. */
static struct score *
score_of(const struct rubric *r, const char *answers_sq, struct answers **a)
{
	*a = ut_answers_ok(r, answers_sq);
	struct score *s = score_compute(r, *a);
	assert_non_null(s);
	return s;
}

static void
expect_group1(const struct rubric *r, const char *p, pts_t points, int level)
{
	char json[128];
	snprintf(json, sizeof(json), "{'answers':{'g':true,'p':%s}}", p);
	struct answers *a;
	struct score *s = score_of(r, json, &a);
	assert_int_equal(s->groups[0].points, points);
	assert_non_null(s->groups[0].level);
	if (s->groups[0].level->level != level)
		fail_msg("p=%s: level %d, want %d", p,
			 s->groups[0].level->level, level);
	assert_ptr_equal(s->groups[0].level, &r->groups[0].levels[level - 1]);
	score_free(s);
	answers_free(a);
}

static void
test_group_level_edges(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(LEVELS_RUBRIC);
	expect_group1(r, "0", 0, 1);
	expect_group1(r, "49", P(49), 1);
	expect_group1(r, "49.5", 4950, 1);
	expect_group1(r, "50", P(50), 2);
	expect_group1(r, "75", P(75), 2);
	expect_group1(r, "75.5", 7550, 3);
	expect_group1(r, "76", P(76), 3);
	expect_group1(r, "100", P(100), 3);
	rubric_free(r);
}

static void
test_gate_zeroes_group(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(LEVELS_RUBRIC);
	struct answers *a;
	/* Failed gate: 0 points, the 80 kept as ungated; group 2 unaffected. */
	struct score *s = score_of(r, "{'answers':{'g':false,'p':80,'z':true}}",
				   &a);
	const struct group_score *gs = &s->groups[0];
	assert_false(gs->gates_met);
	assert_int_equal(gs->points, 0);
	assert_int_equal(gs->ungated, P(80));
	assert_int_equal(gs->level->level, 1);
	assert_true(s->items[ut_idx(r, "g")].answered);
	assert_false(s->items[ut_idx(r, "g")].gate_met);
	assert_int_equal(s->items[ut_idx(r, "p")].points, P(80));
	assert_int_equal(s->criteria[1].points, P(80));
	assert_true(s->groups[1].gates_met);
	assert_int_equal(s->groups[1].points, P(10));
	assert_null(s->groups[1].level); /* group 2 has no levels */
	assert_int_equal(s->total, P(10));
	assert_null(s->grade);
	assert_int_equal(s->unanswered, 0);
	score_free(s);
	answers_free(a);

	/* Unanswered gate: same as failed. */
	s = score_of(r, "{'answers':{'p':80}}", &a);
	assert_false(s->groups[0].gates_met);
	assert_int_equal(s->groups[0].points, 0);
	assert_int_equal(s->groups[0].ungated, P(80));
	assert_false(s->items[ut_idx(r, "g")].answered);
	assert_false(s->items[ut_idx(r, "g")].gate_met);
	assert_int_equal(s->unanswered, 2); /* g and z */
	assert_int_equal(s->total, 0);
	score_free(s);
	answers_free(a);

	/* Met gate: the points count. */
	s = score_of(r, "{'answers':{'g':true,'p':80,'z':false}}", &a);
	assert_true(s->groups[0].gates_met);
	assert_int_equal(s->groups[0].points, P(80));
	assert_int_equal(s->groups[0].ungated, P(80));
	assert_true(s->items[ut_idx(r, "g")].gate_met);
	assert_int_equal(s->items[ut_idx(r, "g")].points, 0);
	assert_int_equal(s->total, P(80));
	score_free(s);
	answers_free(a);
	rubric_free(r);
}

/* item_points of item `id` for answers given as '-quoted JSON. */
static pts_t
points_of(const struct rubric *r, const char *id, const char *answers_sq)
{
	struct answers *a = ut_answers_ok(r, answers_sq);
	pts_t p = item_points(rubric_find_item(r, id), ut_slot(a, id));
	answers_free(a);
	return p;
}

static void
test_yesno_band_choice(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(KINDS_RUBRIC);
	assert_int_equal(points_of(r, "y", "{'answers':{'y':true}}"), P(10));
	assert_int_equal(points_of(r, "y", "{'answers':{'y':false}}"), 0);
	assert_int_equal(points_of(r, "y", "{'answers':{}}"), 0);
	assert_int_equal(points_of(r, "b", "{'answers':{'b':0}}"), 0);
	assert_int_equal(points_of(r, "b", "{'answers':{'b':49.99}}"), 0);
	assert_int_equal(points_of(r, "b", "{'answers':{'b':50}}"), P(3));
	assert_int_equal(points_of(r, "b", "{'answers':{'b':79.99}}"), P(3));
	assert_int_equal(points_of(r, "b", "{'answers':{'b':80}}"), P(7));
	assert_int_equal(points_of(r, "b", "{'answers':{'b':100}}"), P(7));
	assert_int_equal(points_of(r, "ch", "{'answers':{'ch':'a'}}"), 0);
	assert_int_equal(points_of(r, "ch", "{'answers':{'ch':'b'}}"), P(2));
	assert_int_equal(points_of(r, "ch", "{'answers':{'ch':'c'}}"), P(4));
	rubric_free(r);
}

static void
test_checklist(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(KINDS_RUBRIC);
	/* Base choice plus deduction per missing module (QĐ Q7 2.3a). */
	assert_int_equal(
		points_of(r, "cl",
			  "{'answers':{'cl':{'base':'kn',"
			  "'present':['m1','m2','m3','m4','m5','m6']}}}"),
		P(6));
	assert_int_equal(points_of(r, "cl",
				   "{'answers':{'cl':{'base':'kn',"
				   "'present':['m1','m2','m3','m4','m6']}}}"),
			 P(5));
	assert_int_equal(
		points_of(r, "cl",
			  "{'answers':{'cl':{'base':'rl',"
			  "'present':['m1','m2','m3','m4','m5','m6']}}}"),
		P(4));
	assert_int_equal(points_of(r, "cl",
				   "{'answers':{'cl':{'base':'rl',"
				   "'present':['m1','m2','m3']}}}"),
			 P(1));
	/* 4 - 6 is not -2. */
	assert_int_equal(points_of(r, "cl",
				   "{'answers':{'cl':{'base':'rl',"
				   "'present':[]}}}"),
			 0);
	/* Fixed base 1, four modules missing: never below zero. */
	assert_int_equal(points_of(r, "cd", "{'answers':{'cd':[]}}"), 0);
	assert_int_equal(points_of(r, "cd",
				   "{'answers':{'cd':['m2','m3',"
				   "'m4']}}"),
			 0);
	assert_int_equal(points_of(r, "cd",
				   "{'answers':{'cd':['m1','m2',"
				   "'m3','m4']}}"),
			 P(1));
	/* Points per module on a fixed base. */
	assert_int_equal(points_of(r, "cl2", "{'answers':{'cl2':[]}}"), P(2));
	assert_int_equal(points_of(r, "cl2", "{'answers':{'cl2':['cb']}}"),
			 P(32));
	assert_int_equal(points_of(r, "cl2", "{'answers':{'cl2':['cb','hs']}}"),
			 P(62));
	assert_int_equal(points_of(r, "cl2", "{'answers':{}}"), 0);
	rubric_free(r);
}

static void
test_criterion_cap(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(KINDS_RUBRIC);
	struct answers *a;
	struct score *s = score_of(r, "{'answers':{'ca':true,'cb':6}}", &a);
	const struct criterion *c = rubric_find_item(r, "ca")->criterion;
	const struct criterion_score *cs = &s->criteria[c->idx];
	assert_int_equal(cs->raw, P(12));
	assert_int_equal(cs->points, P(10));
	assert_ptr_equal(cs->level, &c->levels[1]);
	assert_int_equal(s->items[ut_idx(r, "ca")].points, P(6));
	assert_int_equal(s->items[ut_idx(r, "cb")].points, P(6));
	assert_int_equal(s->groups[0].points, P(10)); /* the cut value */
	assert_int_equal(s->total, P(10));
	score_free(s);
	answers_free(a);

	s = score_of(r, "{'answers':{'ca':false,'cb':4}}", &a);
	cs = &s->criteria[c->idx];
	assert_int_equal(cs->raw, P(4));
	assert_int_equal(cs->points, P(4));
	assert_ptr_equal(cs->level, &c->levels[0]);
	/* A criterion without levels has none. */
	assert_null(s->criteria[0].level);
	score_free(s);
	answers_free(a);
	rubric_free(r);
}

static void
test_totals_and_unanswered(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(KINDS_RUBRIC);
	struct answers *a;
	struct score *s = score_of(r, "{'answers':{'y':true}}", &a);
	assert_int_equal(s->unanswered, 7);
	assert_true(s->items[ut_idx(r, "y")].answered);
	assert_false(s->items[ut_idx(r, "b")].answered);
	assert_int_equal(s->items[ut_idx(r, "b")].max, P(7));
	assert_int_equal(s->total, P(10));
	score_free(s);
	answers_free(a);

	s = score_of(r,
		     "{'answers':{'y':true,'b':85,'ch':'b',"
		     "'cl':{'base':'kn','present':['m1','m2','m3','m4','m5']},"
		     "'cd':['m1','m2','m3','m4'],'ca':true,'cb':5,"
		     "'cl2':['hs']}}",
		     &a);
	assert_int_equal(s->unanswered, 0);
	/* 10 + 7 + 2 + 5 + 1 + min(11, 10) + 32 */
	assert_int_equal(s->groups[0].points, P(67));
	assert_int_equal(s->total, P(67));
	assert_null(s->groups[0].level);
	assert_ptr_equal(s->rubric, r);
	assert_ptr_equal(s->answers, a);
	score_free(s);
	answers_free(a);
	rubric_free(r);
}

/* Answers every item of r, in order, with as much as fits in `total`
 * (multiples of 0.5 here), so the sum of all groups is `total`. */
static struct answers *
answers_totalling(const struct rubric *r, pts_t total)
{
	struct answers *a = answers_new(r);
	assert_non_null(a);
	for (size_t i = 0; i < r->nitems; i++) {
		const struct item *it = r->items[i];
		assert_int_equal(it->kind, ITEM_POINTS);
		pts_t v = total < it->max ? total : it->max;
		v -= v % it->step;
		a->v[i].present = true;
		a->v[i].num = v;
		total -= v;
	}
	assert_int_equal(total, 0);
	return a;
}

static void
test_tdm_grades(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_file("data/rubrics/tdm-cntt-2022.json");
	static const struct {
		pts_t total;
		const char *grade;
	} cases[] = {
		{ 10000, "Xuất sắc" },	{ 9000, "Xuất sắc" },	{ 8950, "Tốt" },
		{ 8000, "Tốt" },	{ 7950, "Khá" },	{ 7000, "Khá" },
		{ 6950, "Trung bình" }, { 5000, "Trung bình" }, { 4950, "Yếu" },
		{ 0, "Yếu" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct answers *a = answers_totalling(r, cases[i].total);
		struct score *s = score_compute(r, a);
		assert_non_null(s);
		assert_int_equal(s->total, cases[i].total);
		assert_non_null(s->grade);
		if (strcmp(s->grade->name, cases[i].grade) != 0)
			fail_msg("total %lld: grade %s, want %s",
				 (long long)cases[i].total, s->grade->name,
				 cases[i].grade);
		assert_int_equal(s->unanswered, 0);
		score_free(s);
		answers_free(a);
	}
	rubric_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_level_edges),
		cmocka_unit_test(test_gate_zeroes_group),
		cmocka_unit_test(test_yesno_band_choice),
		cmocka_unit_test(test_checklist),
		cmocka_unit_test(test_criterion_cap),
		cmocka_unit_test(test_totals_and_unanswered),
		cmocka_unit_test(test_tdm_grades),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
