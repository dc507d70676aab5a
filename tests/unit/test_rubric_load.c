/* Rubric loader: every item kind loads into the model; header, JSON syntax
 * and document-level problems are reported with file name and JSON path. */
#include "ut.h"

/* One group (max 100) with a criterion per item kind. */
static const char ALL_KINDS[] = UT_HEAD
	"[{'id':'1','title':'Nhóm một','max':100," UT_LEVELS_100 ","
	"'levels_verified':true,'criteria':["
	"{'id':'1.1','title':'Điều kiện','max':0,'items':["
	" {'id':'g','text':'Có kế hoạch','kind':'gate'}]},"
	"{'id':'1.2','title':'Có/không','max':10,'items':["
	" {'id':'y','text':'Có website','kind':'yesno','max':10,"
	"  'verified':false,'source':'QĐ 4725','note':'ghi chú'}]},"
	"{'id':'1.3','title':'Điểm','max':10,"
	" 'levels':[{'level':1,'range':'[0,5)'},{'level':2,'range':'[5,10]'}],"
	" 'evidence':{'required':true,'kinds':['link','file'],'hint':'Link'},"
	" 'items':[{'id':'p','text':'Học liệu','kind':'points','max':10,"
	"  'step':0.5}]},"
	"{'id':'1.4','title':'Tỷ lệ','max':7,'items':["
	" {'id':'b','text':'Tỷ lệ GV','kind':'band','max':7,'input':'percent',"
	"  'bands':[{'range':'[0,50)','points':0},{'range':'[50,80)','points':3},"
	"  {'range':'[80,100]','points':7}]}]},"
	"{'id':'1.5','title':'Số lượng','max':5,'items':["
	" {'id':'c','text':'Tin bài','kind':'band','max':5,'input':'count',"
	"  'bands':[{'range':'[0,40)','points':0},{'range':'[40,inf)','points':5}]}]},"
	"{'id':'1.6','title':'Lựa chọn','max':4,'items':["
	" {'id':'ch','text':'Mức độ','kind':'choice','max':4,'options':["
	"  {'id':'a','text':'Chưa','points':0},{'id':'b','text':'Một phần','points':2},"
	"  {'id':'c','text':'Đầy đủ','points':4}]}]},"
	"{'id':'1.7','title':'Phân hệ','max':6,'items':["
	" {'id':'cl','text':'Phần mềm','kind':'checklist','max':6,"
	"  'base':[{'id':'rl','text':'Riêng lẻ','points':4},"
	"          {'id':'kn','text':'Kết nối','points':6}],"
	"  'options':[{'id':'hs','text':'Học sinh'},{'id':'cb','text':'Cán bộ'},"
	"             {'id':'yt','text':'Y tế'}],'deduct_per_missing':1}]},"
	"{'id':'1.8','title':'Danh sách','max':58,'items':["
	" {'id':'cl2','text':'Dữ liệu','kind':'checklist','max':58,'base':8,"
	"  'options':[{'id':'hs','text':'HS','points':25},"
	"             {'id':'cb','text':'CB','points':25}],"
	"  'evidence':{'kinds':['fact']}}]}"
	"]}],"
	"'grades':[{'name':'Chưa đạt','range':'[0,50)'},"
	"{'name':'Đạt','range':'[50,100]'}]}";

static void
test_every_kind_loads(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(ALL_KINDS);
	assert_string_equal(r->id, "t");
	assert_int_equal(r->version, 1);
	assert_string_equal(r->short_title, "Bộ chỉ số thử"); /* fallback */
	assert_string_equal(r->source.decision, "Quyết định thử");
	assert_null(r->source.issued_by);
	assert_int_equal(r->school_levels, LEVEL_TH);
	assert_int_equal(r->ngroups, 1);
	assert_int_equal(r->ncriteria, 8);
	assert_int_equal(r->nitems, 8);
	assert_int_equal(r->total_max, P(100));
	const struct group *g = &r->groups[0];
	assert_int_equal(g->nlevels, 3);
	assert_true(g->levels_verified);
	assert_string_equal(g->levels[2].name, "Mức 3");
	assert_true(g->levels[2].range.lo_open);
	assert_int_equal(r->ngrades, 2);
	static const char *const ids[] = { "g", "y",  "p",  "b",
					   "c", "ch", "cl", "cl2" };
	static const enum item_kind kinds[] = {
		ITEM_GATE, ITEM_YESNO,	ITEM_POINTS,	ITEM_BAND,
		ITEM_BAND, ITEM_CHOICE, ITEM_CHECKLIST, ITEM_CHECKLIST,
	};
	static const pts_t maxes[] = { 0,    P(10), P(10), P(7),
				       P(5), P(4),  P(6),  P(58) };
	for (size_t i = 0; i < 8; i++) {
		const struct item *it = rubric_find_item(r, ids[i]);
		assert_non_null(it);
		assert_int_equal(it->kind, kinds[i]);
		assert_int_equal(it->max, maxes[i]);
		assert_int_equal(it->idx, i);
		assert_ptr_equal(r->items[i], it);
		assert_ptr_equal(it->criterion, &g->criteria[i]);
		assert_ptr_equal(r->criteria[i], &g->criteria[i]);
		assert_ptr_equal(g->criteria[i].group, g);
	}
	assert_null(rubric_find_item(r, "zz"));

	const struct item *y = rubric_find_item(r, "y");
	assert_false(y->verified);
	assert_string_equal(y->source, "QĐ 4725");
	assert_string_equal(y->note, "ghi chú");
	assert_true(rubric_find_item(r, "g")->verified); /* default */

	const struct item *p = rubric_find_item(r, "p");
	assert_int_equal(p->step, 50);
	const struct criterion *c13 = p->criterion;
	assert_int_equal(c13->nlevels, 2);
	assert_true(c13->evidence.present);
	assert_true(c13->evidence.required);
	assert_int_equal(c13->evidence.kinds, EVIDENCE_LINK | EVIDENCE_FILE);
	assert_string_equal(c13->evidence.hint, "Link");

	const struct item *b = rubric_find_item(r, "b");
	assert_int_equal(b->input, INPUT_PERCENT);
	assert_int_equal(b->nbands, 3);
	assert_int_equal(b->bands[1].points, P(3));
	assert_int_equal(b->bands[1].range.lo, P(50));
	assert_true(b->bands[1].range.hi_open);
	const struct item *c = rubric_find_item(r, "c");
	assert_int_equal(c->input, INPUT_COUNT);
	assert_true(c->bands[1].range.hi_inf);

	const struct item *ch = rubric_find_item(r, "ch");
	assert_int_equal(ch->noptions, 3);
	assert_string_equal(ch->options[1].id, "b");
	assert_string_equal(ch->options[1].text, "Một phần");
	assert_int_equal(ch->options[2].points, P(4));

	const struct item *cl = rubric_find_item(r, "cl");
	assert_int_equal(cl->nbase_options, 2);
	assert_string_equal(cl->base_options[1].id, "kn");
	assert_int_equal(cl->base_options[1].points, P(6));
	assert_int_equal(cl->noptions, 3);
	assert_int_equal(cl->options[2].points, 0); /* points optional */
	assert_int_equal(cl->deduct, P(1));
	const struct item *cl2 = rubric_find_item(r, "cl2");
	assert_int_equal(cl2->nbase_options, 0);
	assert_int_equal(cl2->base, P(8));
	assert_int_equal(cl2->deduct, 0);
	assert_true(cl2->evidence.present);
	assert_false(cl2->evidence.required);
	assert_int_equal(cl2->evidence.kinds, EVIDENCE_FACT);

	assert_string_equal(item_kind_name(ITEM_CHECKLIST), "checklist");
	assert_string_equal(item_kind_name(ITEM_GATE), "gate");
	assert_string_equal(school_level_code(LEVEL_THCS), "THCS");
	assert_string_equal(school_level_name(LEVEL_MN), "Mầm non");
	assert_ptr_equal(level_find(g->levels, g->nlevels, P(75)),
			 &g->levels[1]);
	rubric_free(r);
}

static void
test_grades_descending_get_sorted(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(
		UT_HEAD "[{'id':'1','title':'N','max':100,'criteria':["
			"{'id':'1.1','title':'T','max':100,'items':["
			"{'id':'x','text':'X','kind':'points','max':100}]}]}],"
			"'grades':[{'name':'Xuất sắc','range':'[90,100]'},"
			"{'name':'Khá','range':'[50,90)'},"
			"{'name':'Yếu','range':'[0,50)'}]}");
	assert_int_equal(r->ngrades, 3);
	assert_string_equal(r->grades[0].name, "Yếu");
	assert_int_equal(r->grades[0].level, 1);
	assert_string_equal(r->grades[1].name, "Khá");
	assert_int_equal(r->grades[1].level, 2);
	assert_string_equal(r->grades[2].name, "Xuất sắc");
	assert_int_equal(r->grades[2].level, 3);
	assert_int_equal(r->grades[2].range.lo, P(90));
	assert_ptr_equal(level_find(r->grades, 3, P(90)), &r->grades[2]);
	assert_ptr_equal(level_find(r->grades, 3, 8999), &r->grades[1]);
	rubric_free(r);
}

static void
test_text_is_normalised_to_nfc(void **state)
{
	(void)state;
	/* "Nguyễn" written decomposed: e + U+0302 + U+0303. */
	struct rubric *r = ut_rubric_ok(UT_ONE(
		"10",
		"{'id':'x','text':'Nguye\xcc\x82\xcc\x83n','kind':'yesno',"
		"'max':10}"));
	assert_string_equal(rubric_find_item(r, "x")->text,
			    "Nguy\xe1\xbb\x85n");
	rubric_free(r);
}

static void
test_invalid_json_line_column(void **state)
{
	(void)state;
	struct diags d;
	ut_rubric_bad("{\n'format': 1,\n'id': ,\n}", &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME, "JSON không hợp lệ ở dòng 3, cột 7");
	diags_release(&d);

	ut_rubric_bad("", &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME, "JSON không hợp lệ ở dòng");
	diags_release(&d);
}

static void
test_duplicate_json_keys(void **state)
{
	(void)state;
	struct diags d;
	ut_rubric_bad("{'format':1,\n  'id':'t',\n  'format':1}", &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME, "JSON không hợp lệ ở dòng 3, cột");
	assert_diag(&d, UT_NAME,
		    "khóa xuất hiện hơn một lần, gần “\"format\"”");
	diags_release(&d);
	/* Deep inside an item too. */
	ut_rubric_bad(UT_ONE("10", "{'id':'x','text':'X','kind':'yesno',"
				   "'max':10,'max':10}"),
		      &d);
	assert_diag(&d, UT_NAME, "khóa xuất hiện hơn một lần, gần “\"max\"”");
	diags_release(&d);
}

static void
test_root_not_object(void **state)
{
	(void)state;
	struct diags d;
	ut_rubric_bad("[1,2]", &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME ": $", "phải là một đối tượng JSON");
	diags_release(&d);
}

/* A full header with one fixed group, with HEADER_FIELDS in front. */
#define WITH_HEADER(HEADER_FIELDS)                                             \
	"{" HEADER_FIELDS ",'groups':[{'id':'1','title':'N','max':10,"         \
	"'criteria':[{'id':'1.1','title':'T','max':10,'items':["               \
	"{'id':'x','text':'X','kind':'yesno','max':10}]}]}]}"

static void
test_missing_source(void **state)
{
	(void)state;
	struct diags d;
	ut_rubric_bad(WITH_HEADER("'format':1,'id':'t','version':1,"
				  "'title':'T','school_levels':['TH']"),
		      &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME ": $.source",
		    "thiếu trường bắt buộc \"source\"");
	diags_release(&d);

	ut_rubric_bad(WITH_HEADER("'format':1,'id':'t','version':1,"
				  "'title':'T','school_levels':['TH'],"
				  "'source':{'issued_by':'Bộ','urls':[1]}"),
		      &d);
	assert_int_equal(d.n, 2);
	assert_diag(&d, UT_NAME ": $.source.decision",
		    "thiếu trường bắt buộc \"decision\"");
	assert_diag(&d, UT_NAME ": $.source.urls", "mỗi địa chỉ phải là chuỗi");
	diags_release(&d);
}

static void
test_bad_school_levels(void **state)
{
	(void)state;
	struct diags d;
	ut_rubric_bad(WITH_HEADER("'format':1,'id':'t','version':1,"
				  "'title':'T','source':{'decision':'QĐ'},"
				  "'school_levels':['TH','XX','TH',3]"),
		      &d);
	assert_int_equal(d.n, 3);
	assert_diag(&d, UT_NAME ": $.school_levels", "cấp học không hợp lệ");
	assert_diag(&d, UT_NAME ": $.school_levels", "cấp học TH bị lặp");
	diags_release(&d);

	ut_rubric_bad(WITH_HEADER("'format':1,'id':'t','version':1,"
				  "'title':'T','source':{'decision':'QĐ'}"),
		      &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME ": $.school_levels",
		    "thiếu trường bắt buộc \"school_levels\"");
	diags_release(&d);

	struct rubric *r = ut_rubric_ok(WITH_HEADER(
		"'format':1,'id':'t','version':1,'title':'T',"
		"'source':{'decision':'QĐ'},'school_levels':['MN','GDTX']"));
	assert_int_equal(r->school_levels, LEVEL_MN | LEVEL_GDTX);
	rubric_free(r);
}

static void
test_header_problems_all_listed(void **state)
{
	(void)state;
	struct diags d;
	ut_rubric_bad(WITH_HEADER("'format':2,'id':'QĐ 4725','version':0,"
				  "'title':'','source':{'decision':'QĐ'},"
				  "'school_levels':['TH'],'colour':'red'"),
		      &d);
	assert_int_equal(d.n, 5);
	assert_diag(&d, UT_NAME ": $.format", "chỉ hỗ trợ format 1");
	assert_diag(&d, UT_NAME ": $.id", "mã bộ chỉ số chỉ gồm chữ thường");
	assert_diag(&d, UT_NAME ": $.version", "phiên bản phải là số nguyên");
	assert_diag(&d, UT_NAME ": $.title", "không được để trống");
	assert_diag(&d, UT_NAME ": $.colour",
		    "trường \"colour\" không được hỗ trợ");
	diags_release(&d);

	ut_rubric_bad(WITH_HEADER("'format':'1','id':'t','version':1.5,"
				  "'title':'T','source':{'decision':'QĐ'},"
				  "'school_levels':['TH']"),
		      &d);
	assert_int_equal(d.n, 2);
	assert_diag(&d, UT_NAME ": $.format", "phải là số nguyên");
	assert_diag(&d, UT_NAME ": $.version", "phải là số nguyên");
	diags_release(&d);
}

static void
test_no_groups(void **state)
{
	(void)state;
	struct diags d;
	ut_rubric_bad(UT_HEAD "[]}", &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME ": $.groups", "danh sách không được rỗng");
	diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_loads),
		cmocka_unit_test(test_grades_descending_get_sorted),
		cmocka_unit_test(test_text_is_normalised_to_nfc),
		cmocka_unit_test(test_invalid_json_line_column),
		cmocka_unit_test(test_duplicate_json_keys),
		cmocka_unit_test(test_root_not_object),
		cmocka_unit_test(test_missing_source),
		cmocka_unit_test(test_bad_school_levels),
		cmocka_unit_test(test_header_problems_all_listed),
		cmocka_unit_test(test_no_groups),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
