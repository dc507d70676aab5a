/* Answers files: every kind's valid values, and every rejection (with the
 * item id in the message, all problems listed, nothing clamped). */
#include "ut.h"

/* One criterion per kind; group max 100. */
static const char RUBRIC[] = UT_HEAD
	"[{'id':'1','title':'N','max':100,'criteria':["
	"{'id':'1.1','title':'G','max':0,'items':["
	" {'id':'g','text':'G','kind':'gate'}]},"
	"{'id':'1.2','title':'Y','max':10,'items':["
	" {'id':'y','text':'Y','kind':'yesno','max':10}]},"
	"{'id':'1.3','title':'P','max':10,'items':["
	" {'id':'p','text':'P','kind':'points','max':10,'step':0.5}]},"
	"{'id':'1.4','title':'B','max':7,'items':["
	" {'id':'b','text':'B','kind':'band','max':7,'input':'percent',"
	"  'bands':[{'range':'[0,50)','points':0},{'range':'[50,80)','points':3},"
	"  {'range':'[80,100]','points':7}]}]},"
	"{'id':'1.5','title':'C','max':5,'items':["
	" {'id':'c','text':'C','kind':'band','max':5,'input':'count',"
	"  'bands':[{'range':'[0,10)','points':0},{'range':'[10,20]','points':5}]}]},"
	"{'id':'1.6','title':'CH','max':4,'items':["
	" {'id':'ch','text':'CH','kind':'choice','max':4,'options':["
	"  {'id':'a','text':'A','points':0},{'id':'b','text':'B','points':2},"
	"  {'id':'c','text':'C','points':4}]}]},"
	"{'id':'1.7','title':'CL','max':6,'items':["
	" {'id':'cl','text':'CL','kind':'checklist','max':6,"
	"  'base':[{'id':'rl','text':'R','points':4},{'id':'kn','text':'K','points':6}],"
	"  'options':[{'id':'hs','text':'HS'},{'id':'cb','text':'CB'},"
	"  {'id':'yt','text':'YT'}],'deduct_per_missing':1}]},"
	"{'id':'1.8','title':'CL2','max':58,'items':["
	" {'id':'cl2','text':'CL2','kind':'checklist','max':58,'base':8,"
	"  'options':[{'id':'hs','text':'HS','points':25},"
	"  {'id':'cb','text':'CB','points':25}]}]}"
	"]}]}";

static int
setup(void **state)
{
	*state = ut_rubric_ok(RUBRIC);
	return 0;
}

static int
teardown(void **state)
{
	rubric_free(*state);
	return 0;
}

static void
test_valid_values(void **state)
{
	const struct rubric *r = *state;
	struct answers *a = ut_answers_ok(
		r, "{'format':1,'rubric':'t','rubric_version':1,"
		   "'unit':'Trường THCS Lê Lợi','school_year':'2023-2024',"
		   "'answers':{'g':true,'y':false,'p':7.5,'b':65.5,'c':20,"
		   "'ch':'b','cl':{'base':'kn','present':['yt','hs']},"
		   "'cl2':['cb']}}");
	assert_string_equal(a->unit, "Trường THCS Lê Lợi");
	assert_string_equal(a->school_year, "2023-2024");
	assert_ptr_equal(a->rubric, r);
	struct answer *s = ut_slot(a, "g");
	assert_true(s->present);
	assert_true(s->yes);
	s = ut_slot(a, "y");
	assert_true(s->present);
	assert_false(s->yes);
	assert_int_equal(ut_slot(a, "p")->num, 750);
	assert_int_equal(ut_slot(a, "b")->num, 6550);
	assert_int_equal(ut_slot(a, "c")->num, P(20));
	assert_int_equal(ut_slot(a, "ch")->choice, 1);
	s = ut_slot(a, "cl");
	assert_true(s->present);
	assert_int_equal(s->base, 1);
	assert_int_equal(s->checked, 0x5); /* hs (bit 0) and yt (bit 2) */
	s = ut_slot(a, "cl2");
	assert_int_equal(s->checked, 0x2);
	assert_null(s->note);
	assert_int_equal(s->nevidence, 0);
	answers_free(a);

	/* Edges: 0 and the max are accepted as they are. */
	a = ut_answers_ok(r, "{'answers':{'p':10,'b':100,'c':0,'cl2':[],"
			     "'cl':{'base':'rl','present':[]}}}");
	assert_int_equal(ut_slot(a, "p")->num, P(10));
	assert_int_equal(ut_slot(a, "b")->num, P(100));
	assert_true(ut_slot(a, "c")->present);
	assert_int_equal(ut_slot(a, "c")->num, 0);
	assert_true(ut_slot(a, "cl2")->present);
	assert_int_equal(ut_slot(a, "cl2")->checked, 0);
	assert_int_equal(ut_slot(a, "cl")->base, 0);
	assert_null(a->unit);
	answers_free(a);
}

static void
test_note_and_evidence(void **state)
{
	const struct rubric *r = *state;
	struct answers *a = ut_answers_ok(
		r, "{'answers':{'p':{'value':4,'note':'Số lượng học liệu: 42',"
		   "'evidence':[{'kind':'fact','text':'KH số 109'},"
		   "{'kind':'link','text':'https://x.edu.vn'},"
		   "{'kind':'file','text':'kh.pdf'}]},"
		   "'y':{'value':null,'note':'chưa chấm'},"
		   "'ch':{'evidence':[{'kind':'file','text':'a.pdf'}]},"
		   "'b':null}}");
	struct answer *s = ut_slot(a, "p");
	assert_true(s->present);
	assert_int_equal(s->num, P(4));
	assert_string_equal(s->note, "Số lượng học liệu: 42");
	assert_int_equal(s->nevidence, 3);
	assert_int_equal(s->evidence[0].kind, EVIDENCE_FACT);
	assert_string_equal(s->evidence[0].text, "KH số 109");
	assert_int_equal(s->evidence[1].kind, EVIDENCE_LINK);
	assert_int_equal(s->evidence[2].kind, EVIDENCE_FILE);
	assert_string_equal(s->evidence[2].text, "kh.pdf");
	/* null value = not answered yet, the note is kept (a draft). */
	s = ut_slot(a, "y");
	assert_false(s->present);
	assert_string_equal(s->note, "chưa chấm");
	s = ut_slot(a, "ch");
	assert_false(s->present);
	assert_int_equal(s->nevidence, 1);
	assert_false(ut_slot(a, "b")->present);
	assert_false(ut_slot(a, "g")->present); /* not listed */
	answers_free(a);

	struct diags d;
	ut_answers_bad(r,
		       "{'answers':{'p':{'value':4,'notes':'x',"
		       "'evidence':[{'kind':'photo','text':'a.jpg'},"
		       "{'kind':'file'}]}}}",
		       &d);
	assert_int_equal(d.n, 3);
	assert_diag(&d, UT_NAME ": $.answers.p.notes",
		    "trường \"notes\" không được hỗ trợ");
	assert_diag(&d, UT_NAME ": $.answers.p.evidence[0].kind",
		    "nội dung p: loại minh chứng chỉ nhận file, link, fact");
	assert_diag(&d, UT_NAME ": $.answers.p.evidence[1].text",
		    "thiếu trường bắt buộc \"text\"");
	diags_release(&d);
}

/* An answers file with the single entry 'id': value must be rejected with
 * exactly one problem, at $.answers.<id>, naming the item, saying why. */
static void
one_bad(const struct rubric *r, const char *id, const char *value,
	const char *why)
{
	char json[512], where[128], item[64];
	snprintf(json, sizeof(json), "{'rubric':'t','answers':{'%s':%s}}", id,
		 value);
	snprintf(where, sizeof(where), UT_NAME ": $.answers.%s", id);
	snprintf(item, sizeof(item), "nội dung %s: ", id);
	struct diags d;
	ut_answers_bad(r, json, &d);
	if (d.n != 1)
		ut_print_diags(&d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, where, item);
	assert_diag(&d, where, why);
	diags_release(&d);
}

static void
test_rejections_name_the_item(void **state)
{
	const struct rubric *r = *state;
	one_bad(r, "y", "1", "phải là true (đạt/có) hoặc false");
	one_bad(r, "g", "'true'", "phải là true (đạt/có) hoặc false");
	one_bad(r, "p", "-1", "không được là số âm");
	one_bad(r, "p", "'5'", "phải là một số (tối đa 2 chữ số thập phân)");
	one_bad(r, "p", "3.333",
		"giá trị 3.333 có nhiều hơn 2 chữ số thập phân");
	/* The double of this text is 10: only the text shows it is not. */
	one_bad(r, "p", "9.999999999999999999",
		"giá trị 9.999999999999999999 có nhiều hơn 2 chữ số thập phân");
	one_bad(r, "p", "0.001", "giá trị 0.001 có nhiều hơn 2");
	one_bad(r, "p", "1e-3", "giá trị 1e-3 có nhiều hơn 2");
	one_bad(r, "p", "10.5", "điểm tự chấm 10,5 vượt quá điểm tối đa 10");
	one_bad(r, "p", "11", "vượt quá điểm tối đa 10");
	one_bad(r, "p", "2.25", "điểm 2,25 phải là bội số của 0,5");
	one_bad(r, "p", "{'value':0.1}", "điểm 0,1 phải là bội số của 0,5");
	one_bad(r, "b", "100.5", "tỷ lệ 100,5% vượt quá 100%");
	one_bad(r, "b", "-0.5", "không được là số âm");
	one_bad(r, "c", "2.5", "số lượng phải là số nguyên");
	one_bad(r, "c", "25", "giá trị 25 nằm ngoài các mức của bộ chỉ số");
	one_bad(r, "ch", "'d'",
		"không có lựa chọn \"d\" (chỉ nhận \"a\", \"b\", \"c\")");
	one_bad(r, "ch", "2", "phải là mã một lựa chọn (\"a\", \"b\", \"c\")");
	one_bad(r, "cl2", "['hs','hs']", "phân hệ \"hs\" được liệt kê hai lần");
	one_bad(r, "cl2", "['zz']", "không có lựa chọn \"zz\"");
	one_bad(r, "cl2", "'hs'", "danh sách phân hệ phải có dạng");
	one_bad(r, "cl", "['hs']", "phải có dạng {\"base\"");
	one_bad(r, "cl", "{'base':'kn','present':[],'x':1}",
		"phải có dạng {\"base\"");
	one_bad(r, "cl", "{'base':'zz','present':[]}",
		"không có lựa chọn \"zz\" (chỉ nhận \"rl\", \"kn\")");
	one_bad(r, "cl", "{'base':'kn','present':['cb','cb']}",
		"phân hệ \"cb\" được liệt kê hai lần");
}

/* Values with two decimals however they are written: trailing zeros, an
 * exponent, and the 17-digit text jansson stores for a double. */
static void
test_two_decimals_however_written(void **state)
{
	const struct rubric *r = *state;
	struct answers *a = ut_answers_ok(
		r, "{'answers':{'p':7.500,'b':65.670000000000002,'c':2.0e1}}");
	assert_int_equal(ut_slot(a, "p")->num, 750);
	assert_int_equal(ut_slot(a, "b")->num, 6567);
	assert_int_equal(ut_slot(a, "c")->num, P(20));
	answers_free(a);
	a = ut_answers_ok(r, "{'answers':{'b':0.5e1,'p':{'value':0.0}}}");
	assert_int_equal(ut_slot(a, "b")->num, P(5));
	answers_free(a);
}

static void
test_unknown_item(void **state)
{
	const struct rubric *r = *state;
	struct diags d;
	ut_answers_bad(r, "{'answers':{'9.9':3,'p':1}}", &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME ": $.answers.9.9",
		    "không có nội dung mã \"9.9\" trong bộ chỉ số t");
	diags_release(&d);
}

static void
test_all_problems_listed(void **state)
{
	const struct rubric *r = *state;
	struct diags d;
	ut_answers_bad(
		r,
		"{'format':1,'rubric':'t','answers':{'zz':1,'g':'yes','y':1,"
		"'p':10.5,'b':100.5,'c':2.5,'ch':'d',"
		"'cl':{'base':'kn','present':['hs','hs','xx']},"
		"'cl2':['cb','cb']}}",
		&d);
	if (d.n != 10)
		ut_print_diags(&d);
	assert_int_equal(d.n, 10);
	assert_int_equal(diags_count(&d), 10);
	static const char *const ids[] = { "g", "y",  "p",  "b",
					   "c", "ch", "cl", "cl2" };
	for (size_t i = 0; i < sizeof(ids) / sizeof(*ids); i++) {
		char where[64], msg[64];
		snprintf(where, sizeof(where), UT_NAME ": $.answers.%s",
			 ids[i]);
		snprintf(msg, sizeof(msg), "nội dung %s:", ids[i]);
		assert_diag(&d, where, msg);
	}
	assert_diag(&d, UT_NAME ": $.answers.zz", "\"zz\"");
	/* The over-max value was reported, not clamped to 10. */
	assert_diag(&d, UT_NAME ": $.answers.p", "10,5 vượt quá");
	assert_diag(&d, UT_NAME ": $.answers.cl", "không có lựa chọn \"xx\"");
	assert_diag(&d, UT_NAME ": $.answers.cl",
		    "\"hs\" được liệt kê hai lần");
	diags_release(&d);
}

static void
test_header_checks(void **state)
{
	const struct rubric *r = *state;
	struct diags d;
	ut_answers_bad(r,
		       "{'format':2,'rubric':'qd4725-2022-pt',"
		       "'rubric_version':3,'school':'x','answers':{}}",
		       &d);
	assert_int_equal(d.n, 4);
	assert_diag(&d, UT_NAME ": $.rubric",
		    "tệp trả lời dành cho bộ chỉ số \"qd4725-2022-pt\", không "
		    "phải \"t\"");
	assert_diag(&d, UT_NAME ": $.rubric_version",
		    "tệp trả lời dành cho phiên bản 3, bộ chỉ số hiện có phiên "
		    "bản 1");
	assert_diag(&d, UT_NAME ": $.format", "chỉ hỗ trợ format 1");
	assert_diag(&d, UT_NAME ": $.school", "không được hỗ trợ");
	diags_release(&d);

	ut_answers_bad(r, "{'rubric':'t'}", &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME ": $.answers", "thiếu đối tượng \"answers\"");
	diags_release(&d);

	ut_answers_bad(r, "{'answers':{'p':1,'p':2}}", &d);
	assert_int_equal(d.n, 1);
	assert_diag(&d, UT_NAME, "khóa xuất hiện hơn một lần, gần “\"p\"”");
	diags_release(&d);

	ut_answers_bad(r, "{'answers':{'p':1,}}", &d);
	assert_int_equal(d.n, 1);
	assert_diag(
		&d, UT_NAME,
		"JSON không hợp lệ ở dòng 1, cột 19 (byte thứ 19): cần tên khóa");
	diags_release(&d);
}

/* An external score over the maximum is named as such, never as the
 * school's own score. */
static void
test_external_score_named(void **state)
{
	const struct rubric *r = *state;
	char *json = ut_json("{'answers':{'p':11}}");
	struct diags d;
	diags_init(&d);
	struct answers *a = NULL;
	assert_int_equal(answers_parse_kind(r, SCORE_EXTERNAL, json,
					    strlen(json), "ngoài", &a, &d),
			 TS_EINVAL);
	assert_null(a);
	assert_diag(
		&d, "ngoài: $.answers.p",
		"nội dung p: điểm đánh giá ngoài 11 vượt quá điểm tối đa 10");
	assert_int_equal(ut_find_diag(&d, "ngoài: $.answers.p", "tự chấm"), -1);
	diags_release(&d);
	free(json);
}

/* answer_from_json: a refused value leaves the slot exactly as it was. */
static void
test_answer_from_json_keeps_slot(void **state)
{
	const struct rubric *r = *state;
	const struct item *p = rubric_find_item(r, "p");
	struct answer slot = { .present = true, .num = 500 };
	struct diags d;
	diags_init(&d);
	json_t *v = json_real(10.5);
	assert_false(answer_from_json(p, SCORE_SELF, v, &slot, "form", &d));
	json_decref(v);
	assert_true(slot.present);
	assert_int_equal(slot.num, 500);
	assert_int_equal(d.n, 1);
	assert_diag(&d, "form", "nội dung p: điểm tự chấm 10,5 vượt quá");
	v = json_integer(3);
	assert_true(answer_from_json(p, SCORE_SELF, v, &slot, "form", &d));
	json_decref(v);
	assert_int_equal(slot.num, P(3));
	assert_int_equal(d.n, 1);

	/* Re-answering a checklist replaces the earlier modules. */
	const struct item *cl2 = rubric_find_item(r, "cl2");
	struct answer cs = { .present = true, .checked = 0x3 };
	v = json_pack("[s]", "cb");
	assert_true(answer_from_json(cl2, SCORE_SELF, v, &cs, "form", &d));
	json_decref(v);
	assert_int_equal(cs.checked, 0x2);
	diags_release(&d);

	struct answers *a = answers_new(r);
	assert_non_null(a);
	for (size_t i = 0; i < r->nitems; i++)
		assert_false(a->v[i].present);
	answers_free(a);
}

/*
 * SOURCE BUG (reported, latent: the shipped rubrics use ASCII option ids):
 * the rubric loader stores option ids in NFC, but answers.c compares the
 * answer's string (json_string_value) byte for byte without normalising it,
 * so the same option typed in NFD (macOS input, some web forms) is refused
 * as an unknown option. vnstr.h promises NFC at every input boundary. The
 * same holds for item ids used as keys of "answers" (rubric_find_item).
 */
static void
test_option_id_nfd(void **state)
{
	(void)state;
	struct rubric *r = ut_rubric_ok(UT_ONE(
		"4",
		"{'id':'ch','text':'CH','kind':'choice','max':4,'options':["
		"{'id':'không','text':'Không','points':0},"
		"{'id':'có','text':'Có','points':4}]}"));
	struct answers *a = NULL;
	struct diags d;
	/* "có" decomposed: o + U+0301. */
	enum ts_err e = ut_answers_parse(r, "{'answers':{'ch':'co\xcc\x81'}}",
					 &a, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	size_t choice = e == TS_OK ? ut_slot(a, "ch")->choice : 99;
	answers_free(a);
	diags_release(&d);
	rubric_free(r);
	assert_int_equal(e, TS_OK);
	assert_int_equal(choice, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_values),
		cmocka_unit_test(test_note_and_evidence),
		cmocka_unit_test(test_rejections_name_the_item),
		cmocka_unit_test(test_two_decimals_however_written),
		cmocka_unit_test(test_unknown_item),
		cmocka_unit_test(test_all_problems_listed),
		cmocka_unit_test(test_header_checks),
		cmocka_unit_test(test_answer_from_json_keeps_slot),
		cmocka_unit_test(test_external_score_named),
		cmocka_unit_test(test_option_id_nfd),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
