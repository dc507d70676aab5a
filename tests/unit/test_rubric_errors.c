/* Rubric validation: every structural and kind-specific rule fires, with the
 * JSON path of the offending value in `where`. */
#include "ut.h"

#define W  UT_NAME ": $"
#define G0 W ".groups[0]"
#define C0 G0 ".criteria[0]"
#define I0 C0 ".items[0]"

/* Criterion 1.1 (max 0, CRIT_EXTRA fields) holding ITEM, then a yesno
 * criterion 1.2 so the group has points. */
#define WITH_ZERO(ITEM, CRIT_EXTRA)                                            \
	UT_HEAD "[{'id':'1','title':'N','max':10,'criteria':["                 \
		"{'id':'1.1','title':'G','max':0" CRIT_EXTRA ",'items':[" ITEM \
		"]},{'id':'1.2','title':'Y','max':10,'items':["                \
		"{'id':'y','text':'Y','kind':'yesno','max':10}]}]}]}"

/* Parses sq, expects TS_EINVAL with exactly n problems (0: any number),
 * one of them at `where` containing `msg`. */
static void
expect_bad(const char *sq, size_t n, const char *where, const char *msg)
{
	struct diags d;
	ut_rubric_bad(sq, &d);
	if (n != 0 && d.n != n)
		ut_print_diags(&d);
	if (n != 0)
		assert_int_equal(d.n, n);
	assert_diag(&d, where, msg);
	diags_release(&d);
}

static void
test_unknown_kind(void **state)
{
	(void)state;
	expect_bad(
		UT_ONE("10", "{'id':'x','text':'X','kind':'score','max':10}"),
		0, I0 ".kind", "loại nội dung \"score\" không hợp lệ");
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','max':10}"), 0,
		   I0 ".kind", "thiếu trường bắt buộc \"kind\"");
}

static void
test_unknown_keys(void **state)
{
	(void)state;
	/* The typo of the format doc: "maxx" must not drop the rule. */
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'points',"
				"'maxx':10}"),
		   0, I0 ".maxx", "trường \"maxx\" không được hỗ trợ");
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'points',"
				"'maxx':10}"),
		   0, I0 ".max", "thiếu trường bắt buộc \"max\"");
	expect_bad(UT_HEAD
		   "[{'id':'1','title':'N','max':10,'levelz':[],"
		   "'criteria':[{'id':'1.1','title':'T','max':10,"
		   "'kap':true,'items':[{'id':'x','text':'X',"
		   "'kind':'yesno','max':10,'evidence':{'hnit':'a'}}]}]}]}",
		   3, C0 ".kap", "trường \"kap\" không được hỗ trợ");
	expect_bad(UT_HEAD "[{'id':'1','title':'N','max':10,'levelz':[],"
			   "'criteria':[{'id':'1.1','title':'T','max':10,"
			   "'items':[{'id':'x','text':'X','kind':'yesno',"
			   "'max':10,'evidence':{'hnit':'a'}}]}]}]}",
		   2, I0 ".evidence.hnit", "trường \"hnit\" không được hỗ trợ");
	expect_bad(UT_HEAD "[{'id':'1','title':'N','max':10,'levelz':[],"
			   "'criteria':[{'id':'1.1','title':'T','max':10,"
			   "'items':[{'id':'x','text':'X','kind':'yesno',"
			   "'max':10}]}]}]}",
		   1, G0 ".levelz", "trường \"levelz\" không được hỗ trợ");
}

static void
test_kind_specific_keys(void **state)
{
	(void)state;
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'yesno',"
				"'max':10,'step':1}"),
		   1, I0 ".step", "trường \"step\" không dùng cho loại yesno");
	expect_bad(WITH_ZERO("{'id':'x','text':'X','kind':'gate','max':5}", ""),
		   1, I0 ".max", "trường \"max\" không dùng cho loại gate");
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'points',"
				"'max':10,'options':[]}"),
		   1, I0 ".options",
		   "trường \"options\" không dùng cho loại points");
	expect_bad(UT_ONE("4", "{'id':'x','text':'X','kind':'choice','max':4,"
			       "'deduct_per_missing':1,'options':["
			       "{'id':'a','text':'A','points':0},"
			       "{'id':'b','text':'B','points':4}]}"),
		   1, I0 ".deduct_per_missing",
		   "trường \"deduct_per_missing\" không dùng cho loại choice");
}

static void
test_item_values(void **state)
{
	(void)state;
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'points',"
				"'max':10,'step':3}"),
		   1, I0 ".step", "điểm tối đa phải là bội số của bước điểm");
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'points',"
				"'max':10,'step':0}"),
		   1, I0 ".step", "bước điểm phải lớn hơn 0");
	expect_bad(
		WITH_ZERO("{'id':'x','text':'X','kind':'yesno','max':0}", ""),
		1, I0 ".max", "điểm tối đa phải lớn hơn 0");
	expect_bad(UT_ONE("3.333", "{'id':'x','text':'X','kind':'yesno',"
				   "'max':3.333}"),
		   0, I0 ".max", "số 3.333 có nhiều hơn 2 chữ số thập phân");
	/* The double of 9.999999999999999999 is 10: refused from the text,
	 * said once. */
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'yesno',"
				"'max':9.999999999999999999}"),
		   1, I0 ".max", "số 9.999999999999999999 có nhiều hơn 2");
	expect_bad(
		UT_ONE("10", "{'id':'x','text':'X','kind':'yesno','max':'a'}"),
		0, I0 ".max", "phải là số, tối đa 2 chữ số thập phân");
	expect_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'yesno','max':10,"
				"'evidence':{'kinds':['photo']}}"),
		   1, I0 ".evidence.kinds", "chỉ nhận file, link, fact");
	expect_bad(UT_ONE("10", "{'id':'x','kind':'yesno','max':10}"), 1,
		   I0 ".text", "thiếu trường bắt buộc \"text\"");
}

static void
test_item_max_sum(void **state)
{
	(void)state;
	expect_bad(UT_HEAD
		   "[{'id':'1','title':'N','max':30,'criteria':["
		   "{'id':'1.1','title':'T','max':30,'items':["
		   "{'id':'a','text':'A','kind':'yesno','max':10},"
		   "{'id':'b','text':'B','kind':'points','max':15}]}]}]}",
		   1, C0,
		   "tổng điểm tối đa của các nội dung (25) khác điểm tối đa "
		   "của tiêu chí (30)");
}

static void
test_criterion_max_sum(void **state)
{
	(void)state;
	expect_bad(UT_HEAD "[{'id':'1','title':'N','max':100,'criteria':["
			   "{'id':'1.1','title':'T','max':60,'items':["
			   "{'id':'a','text':'A','kind':'points','max':60}]},"
			   "{'id':'1.2','title':'U','max':30.5,'items':["
			   "{'id':'b','text':'B','kind':'points','max':30.5,"
			   "'step':0.5}]}]}]}",
		   1, G0,
		   "tổng điểm tối đa của các tiêu chí (90.5) khác điểm tối "
		   "đa của nhóm (100)");
}

#define CAP(MAX, A, B)                                                         \
	UT_HEAD "[{'id':'1','title':'N','max':" MAX ",'criteria':["            \
		"{'id':'1.1','title':'T','max':" MAX ",'cap':true,'items':["   \
		"{'id':'a','text':'A','kind':'yesno','max':" A "},"            \
		"{'id':'b','text':'B','kind':'points','max':" B "}]}]}]}"

static void
test_cap_criterion(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(CAP("10", "6", "6"));
	assert_true(r->groups[0].criteria[0].cap);
	assert_int_equal(r->groups[0].criteria[0].max, P(10));
	rubric_free(r);
	r = ut_rubric_ok(CAP("10", "4", "6")); /* equal is fine too */
	rubric_free(r);
	expect_bad(CAP("10", "4", "5"), 1, C0,
		   "tổng điểm tối đa của các nội dung (9) nhỏ hơn mức trần "
		   "của tiêu chí (10)");
}

#define LEVELS(L1, L2, L3)                                                     \
	UT_HEAD "[{'id':'1','title':'N','max':100,'levels':["                  \
		"{'level':1,'range':'" L1 "'},{'level':2,'range':'" L2 "'},"   \
		"{'level':3,'range':'" L3 "'}],'criteria':["                   \
		"{'id':'1.1','title':'T','max':100,'items':["                  \
		"{'id':'a','text':'A','kind':'points','max':100}]}]}]}"

static void
test_level_bands(void **state)
{
	(void)state;
	struct rubric *r =
		ut_rubric_ok(LEVELS("[0,50)", "[50,75]", "(75,100]"));
	rubric_free(r);
	expect_bad(LEVELS("[0,49]", "[50,75]", "(75,100]"), 1, G0 ".levels",
		   "các mức: giữa [0,49] và [50,75] có chỗ hở");
	expect_bad(LEVELS("[0,50]", "[50,75]", "(75,100]"), 1, G0 ".levels",
		   "các mức: [0,50] và [50,75] chồng lên nhau");
	expect_bad(LEVELS("[0,50)", "[50,75)", "(75,100]"), 1, G0 ".levels",
		   "giữa [50,75) và (75,100] có chỗ hở");
	expect_bad(LEVELS("[10,50)", "[50,75]", "(75,100]"), 1, G0 ".levels",
		   "khoảng đầu tiên [10,50) phải bắt đầu từ 0");
	expect_bad(LEVELS("(0,50)", "[50,75]", "(75,100]"), 1, G0 ".levels",
		   "khoảng đầu tiên (0,50) phải bắt đầu từ 0");
	expect_bad(LEVELS("[0,50)", "[50,75]", "(75,90]"), 1, G0 ".levels",
		   "khoảng cuối (75,90] phải kết thúc ở 100");
	expect_bad(LEVELS("[0,50)", "[50,75]", "(75,100)"), 1, G0 ".levels",
		   "khoảng cuối (75,100) phải kết thúc ở 100");
	expect_bad(LEVELS("[0,50)", "[50,75]", "(75,inf)"), 1, G0 ".levels",
		   "khoảng cuối (75,inf) phải kết thúc ở 100");
	expect_bad(
		LEVELS("[0,50)", "(75,100]", "[50,75]"), 0, G0 ".levels",
		"các khoảng phải xếp tăng dần ((75,100] đứng trước [50,75])");
	expect_bad(LEVELS("[0,50)", "[50,75]", "(75,100"), 1,
		   G0 ".levels[2].range", "khoảng \"(75,100\" không hợp lệ");
	/* Levels numbered out of order. */
	expect_bad(UT_HEAD "[{'id':'1','title':'N','max':10,'levels':["
			   "{'level':2,'range':'[0,5)'},{'level':1,'range':"
			   "'[5,10]'}],'criteria':[{'id':'1.1','title':'T',"
			   "'max':10,'items':[{'id':'a','text':'A',"
			   "'kind':'yesno','max':10}]}]}]}",
		   0, G0 ".levels[0].level", "mức phải đánh số 1, 2, 3");
	/* Criterion levels cover [0, criterion max]. */
	expect_bad(UT_HEAD "[{'id':'1','title':'N','max':10,'criteria':["
			   "{'id':'1.1','title':'T','max':10,'levels':["
			   "{'level':1,'range':'[0,5)'},{'level':2,'range':"
			   "'[5,8]'}],'items':[{'id':'a','text':'A',"
			   "'kind':'yesno','max':10}]}]}]}",
		   1, C0 ".levels", "khoảng cuối [5,8] phải kết thúc ở 10");
	expect_bad(WITH_ZERO("{'id':'g','text':'G','kind':'gate'}",
			     ",'levels':[{'level':1,'range':'[0,0]'}]"),
		   1, C0 ".levels", "tiêu chí không có điểm thì không có mức");
	expect_bad(UT_HEAD "[{'id':'1','title':'N','max':10,'levels':[],"
			   "'criteria':[{'id':'1.1','title':'T','max':10,"
			   "'items':[{'id':'a','text':'A','kind':'yesno',"
			   "'max':10}]}]}]}",
		   1, G0 ".levels", "danh sách mức không được rỗng");
}

#define BAND(MAX, INPUT, BANDS)                                                \
	UT_ONE(MAX, "{'id':'b','text':'B','kind':'band','max':" MAX            \
		    ",'input':'" INPUT "','bands':[" BANDS "]}")

static void
test_band_items(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(BAND("5", "count",
					     "{'range':'[0,10)','points':0},"
					     "{'range':'[10,20]','points':5}"));
	rubric_free(r); /* a count may have a finite upper end */
	expect_bad(BAND("5", "percent",
			"{'range':'[0,50)','points':0},"
			"{'range':'[50,100]','points':7}"),
		   1, I0 ".max",
		   "điểm tối đa (5) khác điểm cao nhất của các mức (7)");
	expect_bad(BAND("7", "percent",
			"{'range':'[0,50)','points':0},"
			"{'range':'[50,90]','points':7}"),
		   1, I0 ".bands",
		   "các mức (bands): khoảng cuối [50,90] phải kết thúc ở 100");
	expect_bad(BAND("7", "percent",
			"{'range':'[0,50)','points':0},"
			"{'range':'[50,inf)','points':7}"),
		   1, I0 ".bands", "khoảng cuối [50,inf) phải kết thúc ở 100");
	expect_bad(BAND("7", "percent",
			"{'range':'[5,50)','points':0},"
			"{'range':'[50,100]','points':7}"),
		   1, I0 ".bands", "khoảng đầu tiên [5,50) phải bắt đầu từ 0");
	expect_bad(BAND("7", "percent",
			"{'range':'[0,50)','points':0},"
			"{'range':'(50,100]','points':7}"),
		   1, I0 ".bands", "giữa [0,50) và (50,100] có chỗ hở");
	expect_bad(
		BAND("5", "count",
		     "{'range':'[0,10)','points':0},"
		     "{'range':'[10,20)','points':5}"),
		1, I0 ".bands",
		"khoảng cuối [10,20) phải kết thúc bằng \"]\" hoặc \",inf)\"");
	expect_bad(BAND("5", "ratio",
			"{'range':'[0,10)','points':0},"
			"{'range':'[10,inf)','points':5}"),
		   0, I0 ".input", "input \"ratio\" không hợp lệ");
	expect_bad(BAND("5", "count",
			"{'range':'[0,10)','points':0.125},"
			"{'range':'[10,inf)','points':5}"),
		   0, I0 ".bands[0].points",
		   "số 0.125 có nhiều hơn 2 chữ số thập phân");
	expect_bad(BAND("5", "count",
			"{'range':'[0,10)','points':-1},"
			"{'range':'[10,inf)','points':5}"),
		   1, I0 ".bands[0].points", "điểm không được âm");
	expect_bad(BAND("5", "count", ""), 0, I0 ".bands",
		   "danh sách không được rỗng");
}

#define CHOICE(MAX, OPTS)                                                      \
	UT_ONE(MAX, "{'id':'c','text':'C','kind':'choice','max':" MAX          \
		    ",'options':[" OPTS "]}")

static void
test_choice_items(void **state)
{
	(void)state;
	expect_bad(CHOICE("5", "{'id':'a','text':'A','points':0},"
			       "{'id':'b','text':'B','points':4}"),
		   1, I0 ".max",
		   "điểm tối đa (5) khác điểm của lựa chọn cao nhất (4)");
	expect_bad(CHOICE("4", "{'id':'a','text':'A','points':4}"), 1,
		   I0 ".options", "cần ít nhất 2 lựa chọn");
	expect_bad(CHOICE("4", "{'id':'a','text':'A','points':0},"
			       "{'id':'a','text':'B','points':4}"),
		   1, I0 ".options[1].id", "mã lựa chọn \"a\" bị trùng");
	expect_bad(CHOICE("4", "{'id':'a','text':'A'},"
			       "{'id':'b','text':'B','points':4}"),
		   1, I0 ".options[0].points",
		   "thiếu trường bắt buộc \"points\"");
}

#define CHECKLIST(MAX, REST)                                                   \
	UT_ONE(MAX, "{'id':'k','text':'K','kind':'checklist','max':" MAX       \
		    "," REST "}")

static void
test_checklist_items(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(CHECKLIST(
		"7", "'base':1,'options':[{'id':'a','text':'A','points':2},"
		     "{'id':'b','text':'B','points':2},"
		     "{'id':'c','text':'C','points':2}]"));
	rubric_free(r);
	expect_bad(CHECKLIST("6",
			     "'base':1,'options':[{'id':'a','text':'A',"
			     "'points':2},{'id':'b','text':'B','points':2},"
			     "{'id':'c','text':'C','points':2}]"),
		   1, I0 ".max",
		   "điểm tối đa (6) khác điểm nền cao nhất cộng điểm của mọi "
		   "phân hệ (7)");
	/* The best base counts. */
	expect_bad(CHECKLIST("4", "'base':[{'id':'r','text':'R','points':4},"
				  "{'id':'k','text':'K','points':6}],"
				  "'options':[{'id':'a','text':'A'}],"
				  "'deduct_per_missing':1"),
		   1, I0 ".max",
		   "điểm tối đa (4) khác điểm nền cao nhất cộng "
		   "điểm của mọi phân hệ (6)");
	expect_bad(CHECKLIST("4", "'base':4,'options':[{'id':'a','text':'A'}]"),
		   1, I0, "phải có điểm cho từng phân hệ hoặc điểm trừ");
	expect_bad(CHECKLIST("6", "'base':[{'id':'k','text':'K','points':6}],"
				  "'options':[{'id':'a','text':'A'}],"
				  "'deduct_per_missing':1"),
		   1, I0 ".base", "cần ít nhất 2 lựa chọn cho điểm nền");
	expect_bad(CHECKLIST("4", "'base':'x','options':[{'id':'a','text':'A',"
				  "'points':4}]"),
		   0, I0 ".base", "base phải là số không âm");
	expect_bad(CHECKLIST("4", "'deduct_per_missing':-1,'options':["
				  "{'id':'a','text':'A','points':4}]"),
		   1, I0 ".deduct_per_missing", "điểm trừ không được âm");
}

static void
test_duplicate_ids(void **state)
{
	(void)state;
	expect_bad(UT_HEAD
		   "[{'id':'1','title':'N','max':20,'criteria':["
		   "{'id':'1.1','title':'T','max':10,'items':["
		   "{'id':'x','text':'A','kind':'yesno','max':10}]},"
		   "{'id':'1.2','title':'U','max':10,'items':["
		   "{'id':'x','text':'B','kind':'yesno','max':10}]}]}]}",
		   1, W, "mã nội dung \"x\" bị trùng");
	expect_bad(UT_HEAD
		   "[{'id':'1','title':'N','max':20,'criteria':["
		   "{'id':'1.1','title':'T','max':10,'items':["
		   "{'id':'x','text':'A','kind':'yesno','max':10}]},"
		   "{'id':'1.1','title':'U','max':10,'items':["
		   "{'id':'y','text':'B','kind':'yesno','max':10}]}]}]}",
		   1, W, "mã tiêu chí \"1.1\" bị trùng");
	expect_bad(UT_HEAD
		   "[{'id':'1','title':'N','max':10,'criteria':["
		   "{'id':'1.1','title':'T','max':10,'items':["
		   "{'id':'x','text':'A','kind':'yesno','max':10}]}]},"
		   "{'id':'1','title':'M','max':10,'criteria':["
		   "{'id':'2.1','title':'U','max':10,'items':["
		   "{'id':'y','text':'B','kind':'yesno','max':10}]}]}]}",
		   1, W, "mã nhóm \"1\" bị trùng");
}

static void
test_grades_checked(void **state)
{
	(void)state;
	expect_bad(
		UT_HEAD "[{'id':'1','title':'N','max':100,'criteria':["
			"{'id':'1.1','title':'T','max':100,'items':["
			"{'id':'x','text':'X','kind':'points','max':100}]}]}],"
			"'grades':[{'name':'Tốt','range':'[90,100]'},"
			"{'name':'Khá','range':'[50,89]'},"
			"{'name':'Yếu','range':'[0,50)'}]}",
		1, W ".grades", "xếp loại: giữa [50,89] và [90,100] có chỗ hở");
	expect_bad(UT_HEAD
		   "[{'id':'1','title':'N','max':100,'criteria':["
		   "{'id':'1.1','title':'T','max':100,'items':["
		   "{'id':'x','text':'X','kind':'points','max':100}]}]}],"
		   "'grades':[{'range':'[0,100]'}]}",
		   1, W ".grades[0].name", "thiếu trường bắt buộc \"name\"");
}

/* The one level whose range holds v (-1: more than one, 0: none). */
static int
level_at(const struct criterion *c, pts_t v)
{
	int got = 0;
	for (size_t k = 0; k < c->nlevels; k++)
		if (range_contains(&c->levels[k].range, v))
			got = got ? -1 : c->levels[k].level;
	return got;
}

/* The level of every hundredth from 0 to max of a "thirds" criterion:
 * Mức 1 iff 3·s < max, Mức 2 iff 3·s <= 2·max, else Mức 3; exactly one. */
static void
check_thirds(int max)
{
	char sq[1024];
	snprintf(sq, sizeof(sq),
		 UT_HEAD
		 "[{'id':'1','title':'N','max':%d,"
		 "'criteria':[{'id':'1.1','title':'T','max':%d,'levels':"
		 "'thirds','items':[{'id':'p','text':'P','kind':'points',"
		 "'max':%d}]}]}]}",
		 max, max, max);
	struct rubric *r = ut_rubric_ok(sq);
	const struct criterion *c = &r->groups[0].criteria[0];
	assert_true(c->levels_thirds);
	assert_int_equal(c->nlevels, 3);
	for (pts_t v = 0; v <= c->max; v++) {
		int want = 3 * v < c->max ? 1 : 3 * v <= 2 * c->max ? 2 : 3;
		int got = level_at(c, v);
		if (got != want)
			fail_msg("max %d, %lld hundredths: Mức %d, not %d", max,
				 (long long)v, got, want);
	}
	rubric_free(r);
}

/* "levels": "thirds" is exact for every max: Mức 1 iff 3·s < max, Mức 2
 * iff max ≤ 3·s ≤ 2·max, else Mức 3, for every hundredth s in [0, max]
 * (10, 20 and 70 are not divisible by 3; 30 is 1.3's verified case). */
static void
test_levels_thirds_exact(void **state)
{
	(void)state;
	static const int maxes[] = { 10, 20, 30, 70 };
	for (size_t m = 0; m < sizeof(maxes) / sizeof(*maxes); m++)
		check_thirds(maxes[m]);
	/* max 20 reads: dưới 6,67; từ 6,67 đến 13,33; trên 13,33. */
	struct rubric *r = ut_rubric_ok(
		UT_HEAD
		"[{'id':'1','title':'N','max':20,"
		"'criteria':[{'id':'1.1','title':'T','max':20,'levels':'thirds',"
		"'items':[{'id':'p','text':'P','kind':'points','max':20}]}]}]}");
	const struct criterion *c = &r->groups[0].criteria[0];
	char w[128];
	assert_string_equal(range_words(&c->levels[0].range, c->max, w),
			    "dưới 6,67");
	assert_string_equal(range_words(&c->levels[1].range, c->max, w),
			    "từ 6,67 đến 13,33");
	assert_string_equal(range_words(&c->levels[2].range, c->max, w),
			    "trên 13,33");
	rubric_free(r);
	expect_bad(
		UT_HEAD
		"[{'id':'1','title':'N','max':20,'criteria':[{"
		"'id':'1.1','title':'T','max':20,'levels':'quarters',"
		"'items':[{'id':'p','text':'P','kind':'points','max':20}]}]}]}",
		1, UT_NAME ": $.groups[0].criteria[0].levels",
		"hoặc \"thirds\"");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels_thirds_exact),
		cmocka_unit_test(test_unknown_kind),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_kind_specific_keys),
		cmocka_unit_test(test_item_values),
		cmocka_unit_test(test_item_max_sum),
		cmocka_unit_test(test_criterion_max_sum),
		cmocka_unit_test(test_cap_criterion),
		cmocka_unit_test(test_level_bands),
		cmocka_unit_test(test_band_items),
		cmocka_unit_test(test_choice_items),
		cmocka_unit_test(test_checklist_items),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_grades_checked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
