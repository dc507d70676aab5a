/* "What is missing for the next level": next level, needed points, the
 * order of suggestions, failed gates, band steps, caps, reachability. */
#include "ut.h"

/* Levels [0,50) [50,75] (75,100]; three gates; gains from a points item,
 * two yes/no items and a choice. */
static const char ADV[] = UT_HEAD
	"[{'id':'1','title':'N','max':100," UT_LEVELS_100 ",'criteria':["
	"{'id':'1.1','title':'G','max':0,'items':["
	" {'id':'g1','text':'G1','kind':'gate'},"
	" {'id':'g2','text':'G2','kind':'gate'},"
	" {'id':'g3','text':'G3','kind':'gate'}]},"
	"{'id':'1.2','title':'P','max':40,'items':["
	" {'id':'p','text':'P','kind':'points','max':40}]},"
	"{'id':'1.3','title':'Y','max':20,'items':["
	" {'id':'y1','text':'Y1','kind':'yesno','max':5},"
	" {'id':'y2','text':'Y2','kind':'yesno','max':15}]},"
	"{'id':'1.4','title':'CH','max':40,'items':["
	" {'id':'ch','text':'CH','kind':'choice','max':40,'options':["
	"  {'id':'a','text':'A','points':0},{'id':'b','text':'B','points':10},"
	"  {'id':'c','text':'C','points':20},{'id':'d','text':'D','points':40}]}]}"
	"]}]}";

/* Group 1 (levels [0,10) [10,20]): a percent band, a capped criterion, a
 * count band. Group 2: a checklist with a base choice, no levels. */
static const char ADV2[] = UT_HEAD
	"[{'id':'1','title':'N','max':20,'levels':["
	"{'level':1,'range':'[0,10)'},{'level':2,'range':'[10,20]'}],"
	"'criteria':["
	"{'id':'1.1','title':'B','max':7,'items':["
	" {'id':'b','text':'B','kind':'band','max':7,'input':'percent',"
	"  'bands':[{'range':'[0,50)','points':0},{'range':'[50,80)','points':3},"
	"  {'range':'[80,100]','points':7}]}]},"
	"{'id':'1.2','title':'CAP','max':10,'cap':true,'items':["
	" {'id':'ca','text':'CA','kind':'yesno','max':6},"
	" {'id':'cb','text':'CB','kind':'yesno','max':6}]},"
	"{'id':'1.3','title':'N','max':3,'items':["
	" {'id':'n','text':'N','kind':'band','max':3,'input':'count',"
	"  'bands':[{'range':'[0,5)','points':0},{'range':'[5,10)','points':1},"
	"  {'range':'[10,inf)','points':3}]}]}]},"
	"{'id':'2','title':'M','max':6,'criteria':["
	"{'id':'2.1','title':'CL','max':6,'items':["
	" {'id':'cl','text':'CL','kind':'checklist','max':6,"
	"  'base':[{'id':'rl','text':'R','points':4},{'id':'kn','text':'K','points':6}],"
	"  'options':[{'id':'m1','text':'1'},{'id':'m2','text':'2'},"
	"  {'id':'m3','text':'3'}],'deduct_per_missing':1}]}]}]}";

struct fx {
	struct rubric *r;
	struct answers *a;
	struct score *s;
};

static void
fx_score(struct fx *f, const char *rubric_sq, const char *answers_sq)
{
	f->r = ut_rubric_ok(rubric_sq);
	f->a = ut_answers_ok(f->r, answers_sq);
	f->s = score_compute(f->r, f->a);
	assert_non_null(f->s);
}

static void
fx_free(struct fx *f)
{
	score_free(f->s);
	answers_free(f->a);
	rubric_free(f->r);
}

/* The suggestions of advice ad are exactly the items `ids` (in order)
 * with gains `gains` (hundredths). */
static void
expect_order(const struct advice *ad, const char *const *ids,
	     const pts_t *gains, size_t n)
{
	bool same = ad->n == n;
	for (size_t i = 0; same && i < n; i++)
		same = strcmp(ad->v[i].item->id, ids[i]) == 0 &&
		       ad->v[i].gain == gains[i];
	for (size_t i = 0; !same && i < ad->n; i++)
		fprintf(stderr, "  suggestion %zu: %s gain %lld step %lld\n", i,
			ad->v[i].item->id, (long long)ad->v[i].gain,
			(long long)ad->v[i].step_gain);
	assert_int_equal(ad->n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(ad->v[i].item->id, ids[i]);
		assert_int_equal(ad->v[i].gain, gains[i]);
	}
}

static const struct suggestion *
find_sg(const struct advice *ad, const char *id)
{
	for (size_t i = 0; i < ad->n; i++)
		if (strcmp(ad->v[i].item->id, id) == 0)
			return &ad->v[i];
	fail_msg("no suggestion for %s", id);
	return NULL;
}

static void
test_next_level_and_order(void **state)
{
	(void)state;
	struct fx f;
	fx_score(&f, ADV,
		 "{'answers':{'g1':true,'g2':true,'g3':true,'p':20,"
		 "'y1':false,'y2':false,'ch':'b'}}");
	const struct group_score *gs = &f.s->groups[0];
	const struct advice *ad = &gs->advice;
	assert_int_equal(gs->points, P(30));
	assert_int_equal(gs->level->level, 1);
	assert_ptr_equal(ad->next, &f.r->groups[0].levels[1]);
	assert_int_equal(ad->needed, P(20));
	assert_int_equal(ad->ngates, 0);
	/* p (20) and ch (30) each close the gap alone: smallest first; then
	 * the rest, largest first. */
	static const char *const ids[] = { "p", "ch", "y2", "y1" };
	static const pts_t gains[] = { P(20), P(30), P(15), P(5) };
	expect_order(ad, ids, gains, 4);
	assert_int_equal(find_sg(ad, "p")->step_gain, P(1));
	assert_int_equal(find_sg(ad, "ch")->step_gain, P(10)); /* b -> c */
	assert_int_equal(find_sg(ad, "y2")->step_gain, P(15));
	assert_int_equal(ad->available, P(70));
	assert_true(ad->reachable);
	fx_free(&f);
}

static void
test_strict_next_level(void **state)
{
	(void)state;
	struct fx f;
	/* 73 points; level 3 is "trên 75" and every item gives whole points:
	 * 3 are needed, so p's gain of 2 does not close the gap. */
	fx_score(&f, ADV,
		 "{'answers':{'g1':true,'g2':true,'g3':true,'p':38,"
		 "'y1':false,'y2':true,'ch':'c'}}");
	const struct advice *ad = &f.s->groups[0].advice;
	assert_int_equal(f.s->groups[0].points, P(73));
	assert_ptr_equal(ad->next, &f.r->groups[0].levels[2]);
	assert_int_equal(ad->needed, P(3));
	static const char *const ids[] = { "y1", "ch", "p" };
	static const pts_t gains[] = { P(5), P(20), P(2) };
	expect_order(ad, ids, gains, 3);
	assert_int_equal(ad->available, P(27));
	assert_true(ad->reachable);
	fx_free(&f);

	/* Exactly 75: still level 2; 1 point (the rubric's step) reaches 3. */
	fx_score(&f, ADV,
		 "{'answers':{'g1':true,'g2':true,'g3':true,'p':30,"
		 "'y1':true,'y2':false,'ch':'d'}}");
	ad = &f.s->groups[0].advice;
	assert_int_equal(f.s->groups[0].level->level, 2);
	assert_int_equal(ad->needed, P(1));
	static const char *const ids2[] = { "p", "y2" };
	static const pts_t gains2[] = { P(10), P(15) };
	expect_order(ad, ids2, gains2, 2);
	assert_true(ad->reachable);
	fx_free(&f);
}

static void
test_failed_gates_listed(void **state)
{
	(void)state;
	struct fx f;
	/* g1 unanswered, g2 failed: the group scores 0 though it has 100. */
	fx_score(&f, ADV,
		 "{'answers':{'g2':false,'g3':true,'p':40,"
		 "'y1':true,'y2':true,'ch':'d'}}");
	const struct group_score *gs = &f.s->groups[0];
	const struct advice *ad = &gs->advice;
	assert_int_equal(gs->points, 0);
	assert_int_equal(gs->ungated, P(100));
	assert_int_equal(ad->ngates, 2);
	assert_string_equal(ad->gates[0]->id, "g1");
	assert_string_equal(ad->gates[1]->id, "g2");
	/* Meeting the gates is all that is missing. */
	assert_ptr_equal(ad->next, &f.r->groups[0].levels[1]);
	assert_int_equal(ad->needed, 0);
	assert_int_equal(ad->n, 0);
	assert_int_equal(ad->available, 0);
	assert_true(ad->reachable);
	fx_free(&f);
}

static void
test_nothing_answered(void **state)
{
	(void)state;
	struct fx f;
	fx_score(&f, ADV, "{'answers':{}}");
	const struct advice *ad = &f.s->groups[0].advice;
	assert_int_equal(ad->ngates, 3);
	assert_int_equal(ad->needed, P(50));
	/* Nothing closes 50 alone: largest gain first, ties in rubric order. */
	static const char *const ids[] = { "p", "ch", "y2", "y1" };
	static const pts_t gains[] = { P(40), P(40), P(15), P(5) };
	expect_order(ad, ids, gains, 4);
	assert_int_equal(find_sg(ad, "ch")->step_gain, P(10));
	assert_int_equal(find_sg(ad, "p")->step_gain, P(1));
	assert_int_equal(ad->available, P(100));
	assert_true(ad->reachable);
	assert_int_equal(f.s->unanswered, 7);
	fx_free(&f);
}

static void
test_top_level(void **state)
{
	(void)state;
	struct fx f;
	fx_score(&f, ADV,
		 "{'answers':{'g1':true,'g2':true,'g3':true,'p':39,"
		 "'y1':true,'y2':true,'ch':'d'}}");
	const struct advice *ad = &f.s->groups[0].advice;
	assert_int_equal(f.s->groups[0].level->level, 3);
	assert_null(ad->next);
	assert_int_equal(ad->needed, 0);
	assert_false(ad->reachable);
	assert_int_equal(ad->ngates, 0);
	assert_int_equal(ad->n, 1); /* p can still add 1 */
	assert_int_equal(ad->v[0].gain, P(1));
	fx_free(&f);
}

static void
test_band_steps_and_cap(void **state)
{
	(void)state;
	struct fx f;
	fx_score(&f, ADV2,
		 "{'answers':{'b':60,'ca':true,"
		 "'cl':{'base':'rl','present':['m1','m2','m3']}}}");
	const struct advice *ad = &f.s->groups[0].advice;
	assert_int_equal(f.s->groups[0].points, P(9));
	assert_int_equal(ad->needed, P(1));
	/* b: at 60% (3 points) the next band is [80,100]: +4 at 80. */
	const struct suggestion *sg = find_sg(ad, "b");
	assert_int_equal(sg->gain, P(4));
	assert_int_equal(sg->step_gain, P(4));
	assert_int_equal(sg->step_at, P(80));
	/* n unanswered: +1 at 5, up to +3. */
	sg = find_sg(ad, "n");
	assert_int_equal(sg->gain, P(3));
	assert_int_equal(sg->step_gain, P(1));
	assert_int_equal(sg->step_at, P(5));
	/* cb is worth 6 but its criterion (cap 10) has only 4 left. */
	sg = find_sg(ad, "cb");
	assert_int_equal(sg->gain, P(4));
	assert_int_equal(sg->step_gain, P(4));
	static const char *const ids[] = { "n", "b", "cb" };
	static const pts_t gains[] = { P(3), P(4), P(4) };
	expect_order(ad, ids, gains, 3);
	assert_int_equal(ad->available, P(11));
	/* Group 2: no levels, but suggestions still: base rl -> kn is +2. */
	const struct advice *ad2 = &f.s->groups[1].advice;
	assert_null(ad2->next);
	assert_int_equal(ad2->n, 1);
	assert_int_equal(ad2->v[0].gain, P(2));
	assert_int_equal(ad2->v[0].step_gain, P(2));
	fx_free(&f);

	fx_score(&f, ADV2,
		 "{'answers':{'b':30,"
		 "'cl':{'base':'kn','present':['m1','m3']}}}");
	ad = &f.s->groups[0].advice;
	sg = find_sg(ad, "b");
	assert_int_equal(sg->gain, P(7));
	assert_int_equal(sg->step_gain, P(3));
	assert_int_equal(sg->step_at, P(50));
	/* Both capped items unanswered: each may give 6, together only 10. */
	assert_int_equal(find_sg(ad, "ca")->gain, P(6));
	assert_int_equal(find_sg(ad, "cb")->gain, P(6));
	assert_int_equal(ad->available, P(7 + 10 + 3));
	/* The missing module m2 is worth 1 (its deduction). */
	ad2 = &f.s->groups[1].advice;
	assert_int_equal(ad2->n, 1);
	assert_int_equal(ad2->v[0].gain, P(1));
	assert_int_equal(ad2->v[0].step_gain, P(1));
	fx_free(&f);
}

/*
 * SOURCE BUG (reported): for a band whose lower end is open, e.g. "(50,100]"
 * (the decision's "trên 50%"), step_for() in advice.c sets step_at to the
 * bound itself, 50, which is outside the band: answering 50 still scores 0,
 * yet the score sheet says "+5 khi đạt 50%". The value named by step_at must
 * earn step_gain.
 */
static void
test_band_step_at_open_lower_end(void **state)
{
	(void)state;
	struct fx f;
	fx_score(&f,
		 UT_ONE("5", "{'id':'b','text':'B','kind':'band','max':5,"
			     "'input':'percent','bands':["
			     "{'range':'[0,50]','points':0},"
			     "{'range':'(50,100]','points':5}]}"),
		 "{'answers':{'b':40}}");
	const struct suggestion *sg = find_sg(&f.s->groups[0].advice, "b");
	pts_t step_gain = sg->step_gain, step_at = sg->step_at;
	struct answer at = { .present = true, .num = step_at };
	pts_t earned = item_points(sg->item, &at);
	fx_free(&f); /* before asserting: no leak report on failure */
	assert_int_equal(step_gain, P(5));
	if (earned != P(5))
		fail_msg("step_at %lld earns %lld, not the promised %lld",
			 (long long)step_at, (long long)earned,
			 (long long)step_gain);
}

/* The gap is counted at the rubric's own step: the gcd of every point
 * value the group's items can give (here 0.5), and a level bound off
 * that grid rounds up to it. */
static void
test_needed_at_rubric_step(void **state)
{
	(void)state;
	static const char HALF[] = UT_HEAD
		"[{'id':'1','title':'N','max':100,'levels':["
		"{'level':1,'range':'[0,50.2)'},{'level':2,'range':'[50.2,75]'},"
		"{'level':3,'range':'(75,100]'}],'criteria':["
		"{'id':'1.1','title':'P','max':90,'items':["
		" {'id':'p','text':'P','kind':'points','max':90,'step':0.5}]},"
		"{'id':'1.2','title':'Y','max':10,'items':["
		" {'id':'y','text':'Y','kind':'yesno','max':10}]}]}]}";
	struct fx f;
	fx_score(&f, HALF, "{'answers':{'p':75,'y':false}}");
	assert_int_equal(f.s->groups[0].advice.needed, P(1) / 2);
	fx_free(&f);
	/* 48 -> "từ 50,2": 50,5 is the first reachable total. */
	fx_score(&f, HALF, "{'answers':{'p':48,'y':false}}");
	assert_int_equal(f.s->groups[0].advice.needed, P(2) + P(1) / 2);
	fx_free(&f);
	/* Whole points: 49 -> [50,75] needs 1, 75 -> (75,100] needs 1. */
	fx_score(&f, ADV,
		 "{'answers':{'g1':true,'g2':true,'g3':true,'p':9,"
		 "'y1':false,'y2':false,'ch':'d'}}");
	assert_int_equal(f.s->groups[0].advice.needed, P(1));
	fx_free(&f);
}

/* A level that starts at the group max: reachable only with every point. */
static void
test_reachable_exactly(void **state)
{
	(void)state;
	struct fx f;
	fx_score(&f,
		 UT_HEAD
		 "[{'id':'1','title':'N','max':10,'levels':["
		 "{'level':1,'range':'[0,10)'},{'level':2,'range':'[10,10]'}],"
		 "'criteria':[{'id':'1.1','title':'P','max':10,'items':["
		 "{'id':'p','text':'P','kind':'points','max':10}]}]}]}",
		 "{'answers':{'p':6}}");
	const struct advice *ad = &f.s->groups[0].advice;
	assert_int_equal(ad->needed, P(4));
	assert_int_equal(ad->available, P(4));
	assert_true(ad->reachable);
	fx_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_level_and_order),
		cmocka_unit_test(test_strict_next_level),
		cmocka_unit_test(test_needed_at_rubric_step),
		cmocka_unit_test(test_failed_gates_listed),
		cmocka_unit_test(test_nothing_answered),
		cmocka_unit_test(test_top_level),
		cmocka_unit_test(test_band_steps_and_cap),
		cmocka_unit_test(test_band_step_at_open_lower_end),
		cmocka_unit_test(test_reachable_exactly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
