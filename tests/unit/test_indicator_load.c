/* Indicator sets (docs/indicator-format.md): the files of data/indicators
 * load with every reference resolved, and every rule of the loader fires
 * with the JSON path of the offending value. */
#include "../../src/app/indicator_set.h"
#include "../../src/core/target.h"
#include "ut.h"

#define SCHOOL "data/indicators/thong-ke-cds-truong.json"
#define OFFICE "data/indicators/thong-ke-cds-co-quan.json"

/* A valid school set up to the indicators of its one section. */
#define HEAD                                                                    \
	"{'format':1,'id':'t','version':1,'title':'Thử','scope':'school',"    \
	"'source':'Seed thử','school_levels':['TH','THCS'],"                  \
	"'periods':[{'id':'dau-nam','name':'Đầu năm học','as_of':'30/9'," \
	"'source':'TT 25/2024'}],"                                              \
	"'sections':[{'id':'a','title':'A','indicators':["
#define TAIL "]}]}"
#define TONG                                                                   \
	"{'code':'tong','label':'Tổng','type':'count','unit':'người',"    \
	"'source':'s'}"
#define I(k) UT_NAME ": $.sections[0].indicators[" #k "]"

static enum ts_err
parse(const char *sq, struct ind_set **out, struct diags *d)
{
	char *json = ut_json(sq);
	diags_init(d);
	*out = NULL;
	enum ts_err e = ind_set_parse(json, strlen(json), UT_NAME, out, d);
	free(json);
	return e;
}

/* sq must be refused, one problem at `where` containing `msg`. */
static void
expect_bad(const char *sq, const char *where, const char *msg)
{
	struct diags d;
	struct ind_set *s = NULL;
	enum ts_err e = parse(sq, &s, &d);
	if (e == TS_OK)
		ind_set_free(s);
	assert_int_equal(e, TS_EINVAL);
	assert_null(s);
	assert_diag(&d, where, msg);
	diags_release(&d);
}

static struct ind_set *
load_file(const char *path)
{
	struct diags d;
	diags_init(&d);
	struct ind_set *s = NULL;
	enum ts_err e = ind_set_load_file(path, &s, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	assert_int_equal(e, TS_OK);
	diags_release(&d);
	return s;
}

static void
test_data_school_set(void **state)
{
	(void)state;
	struct ind_set *s = load_file(SCHOOL);
	assert_int_equal(s->scope, IND_SCOPE_SCHOOL);
	const struct indicator *gv = ind_find(s, "gv_tong");
	const struct indicator *pc = ind_find(s, "gv_may_tinh");
	assert_non_null(gv);
	assert_ptr_equal(pc->whole, gv);
	assert_ptr_equal(gv->whole, ind_find(s, "cbgv_tong"));
	assert_ptr_equal(ind_find(s, "lms_ten")->required_if,
			 ind_find(s, "lms"));
	const struct indicator *tt = ind_find(s, "ty_trong_truc_tuyen");
	assert_int_equal(tt->type, IND_PERCENT);
	assert_int_equal(tt->school_levels, LEVEL_THCS | LEVEL_THPT);
	const struct ind_period *p = ind_find_period(s, "dau-nam");
	assert_int_equal(p->as_of_day, 30);
	assert_int_equal(p->as_of_month, 9);
	assert_int_equal(p->due_day, 31);
	assert_int_equal(p->due_month, 10);
	/* Every line says where it comes from. */
	for (size_t i = 0; i < s->n; i++)
		assert_true(strlen(s->v[i]->source) > 5);
	ind_set_free(s);
}

/* Every pre-fill names an item that exists in that rubric. */
static void
test_data_prefill_items_exist(void **state)
{
	(void)state;
	struct ind_set *s = load_file(SCHOOL);
	struct rubric *r = ut_rubric_file("data/rubrics/qd4725-2022-pt.json");
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct indicator *it = s->v[i];
		if (it->prefill == PREFILL_NONE)
			continue;
		assert_string_equal(it->prefill_rubric, r->id);
		assert_non_null(rubric_find_item(r, it->prefill_item));
		n++;
	}
	assert_int_equal(n, 6); /* 1.3a 1.5a 1.7b 1.7c 2.3c 2.4c */
	rubric_free(r);
	ind_set_free(s);
}

static void
test_data_office_set(void **state)
{
	(void)state;
	struct ind_set *s = load_file(OFFICE);
	assert_int_equal(s->scope, IND_SCOPE_OFFICE);
	assert_ptr_equal(ind_find(s, "ho_so_cong_viec_so")->whole,
			 ind_find(s, "ho_so_cong_viec_tong"));
	assert_int_equal(ind_find(s, "de_xuat")->type, IND_TEXT);
	ind_set_free(s);
}

static void
test_minimal_ok(void **state)
{
	(void)state;
	struct diags d;
	struct ind_set *s = NULL;
	assert_int_equal(parse(HEAD TONG TAIL, &s, &d), TS_OK);
	assert_int_equal(s->n, 1);
	assert_int_equal(s->v[0]->school_levels, LEVEL_TH | LEVEL_THCS);
	diags_release(&d);
	ind_set_free(s);
}

static void
test_strict_keys_and_types(void **state)
{
	(void)state;
	expect_bad(HEAD "{'code':'a','label':'A','type':'count','unit':'x',"
			"'source':'s','requried':true}" TAIL,
		   I(0) ".requried", "trường \"requried\" không được hỗ trợ");
	expect_bad(HEAD "{'code':'a','label':'A','type':'number',"
			"'source':'s'}" TAIL,
		   I(0) ".type", "loại chỉ số \"number\" không hợp lệ");
	expect_bad(HEAD "{'code':'a','label':'A','type':'yesno','unit':'x',"
			"'source':'s'}" TAIL,
		   I(0) ".unit", "trường \"unit\" không dùng cho loại yesno");
	expect_bad(HEAD "{'code':'a','label':'A','type':'count',"
			"'source':'s'}" TAIL,
		   I(0) ".unit", "thiếu trường bắt buộc \"unit\"");
	expect_bad(HEAD "{'code':'a','label':'A','type':'yesno'}" TAIL,
		   I(0) ".source", "thiếu trường bắt buộc \"source\"");
	expect_bad(HEAD "{'code':'Gv-Tong','label':'A','type':'yesno',"
			"'source':'s'}" TAIL,
		   I(0) ".code", "chỉ gồm chữ thường không dấu");
	/* A letter first: never a criterion's id, the other evidence key. */
	expect_bad(HEAD "{'code':'1_3a','label':'A','type':'yesno',"
			"'source':'s'}" TAIL,
		   I(0) ".code", "mã chỉ số bắt đầu bằng chữ cái");
	expect_bad(HEAD "{'code':'a','label':'A','type':'choice','source':'s',"
			"'options':[{'id':'x','text':'X'}]}" TAIL,
		   I(0) ".options", "cần từ 2 đến");
	expect_bad(
		HEAD
		"{'code':'a','label':'A','type':'choice','source':'s',"
		"'options':[{'id':'x','text':'X'},{'id':'x','text':'Y'}]}" TAIL,
		I(0) ".options[1].id", "mã lựa chọn \"x\" bị trùng");
}

static void
test_references(void **state)
{
	(void)state;
	expect_bad(HEAD TONG
		   ",{'code':'b','label':'B','type':'count',"
		   "'unit':'x','source':'s','part_of':'khong_co'}" TAIL,
		   I(1) ".part_of", "không có chỉ số \"khong_co\"");
	expect_bad(HEAD "{'code':'c','label':'C','type':'yesno','source':'s'},"
			"{'code':'b','label':'B','type':'count','unit':'x',"
			"'source':'s','part_of':'c'}" TAIL,
		   I(1) ".part_of", "phải là loại count");
	expect_bad(HEAD "{'code':'b','label':'B','type':'count','unit':'x',"
			"'source':'s','part_of':'b'}" TAIL,
		   I(0) ".part_of", "tham chiếu chính nó");
	expect_bad(HEAD
		   "{'code':'a','label':'A','type':'count','unit':'x',"
		   "'source':'s','part_of':'b'},{'code':'b','label':'B',"
		   "'type':'count','unit':'x','source':'s','part_of':'a'}" TAIL,
		   NULL, "tạo thành vòng");
	expect_bad(HEAD TONG ",{'code':'n','label':'N','type':'names',"
			     "'source':'s','required_if':'tong'}" TAIL,
		   I(1) ".required_if", "phải là loại yesno");
	expect_bad(HEAD TONG "," TONG TAIL, NULL,
		   "mã chỉ số \"tong\" bị trùng");
}

static void
test_levels_periods_prefill(void **state)
{
	(void)state;
	expect_bad(HEAD "{'code':'a','label':'A','type':'yesno','source':'s',"
			"'school_levels':['THPT']}" TAIL,
		   I(0) ".school_levels", "phải nằm trong cấp học của bộ");
	expect_bad(HEAD "{'code':'a','label':'A','type':'yesno','source':'s',"
			"'school_levels':['TH','TH']}" TAIL,
		   I(0) ".school_levels", "cấp học TH bị lặp");
	expect_bad(HEAD "{'code':'a','label':'A','type':'count','unit':'x',"
			"'source':'s','prefill':{'rubric':'r','item':'1.3a',"
			"'as':'yes_if_points'}}" TAIL,
		   I(0) ".prefill.as", "\"yes_if_points\" cho chỉ số có/không");
	expect_bad(HEAD "{'code':'a','label':'A','type':'percent','unit':'%',"
			"'source':'s','warn_change':0}" TAIL,
		   I(0) ".warn_change", "phải lớn hơn 0");
	expect_bad(HEAD "{'code':'a','label':'A','type':'yesno','source':'s',"
			"'required':true,'required_if':'a'}" TAIL,
		   I(0) ".required_if", "không cần \"required_if\"");
	/* 31/2 does not exist; 29/2 does in some years. */
	const char *bad_day =
		"{'format':1,'id':'t','version':1,'title':'T','scope':'school',"
		"'source':'s','school_levels':['TH'],'periods':[{'id':'p',"
		"'name':'P','as_of':'31/2','source':'s'}],'sections':[{'id':'a',"
		"'title':'A','indicators':[" TONG "]}]}";
	expect_bad(bad_day, UT_NAME ": $.periods[0].as_of",
		   "ngày \"31/2\" không hợp lệ");
	expect_bad("{'format':1,'id':'t','version':1,'title':'T',"
		   "'scope':'district','source':'s','school_levels':['TH'],"
		   "'sections':[{'id':'a','title':'A','indicators':[" TONG
		   "]}]}",
		   UT_NAME ": $.scope", "phạm vi chỉ nhận");
	/* A school set must say its reporting periods. */
	expect_bad("{'format':1,'id':'t','version':1,'title':'T',"
		   "'scope':'school','source':'s','school_levels':['TH'],"
		   "'sections':[{'id':'a','title':'A','indicators':[" TONG
		   "]}]}",
		   UT_NAME ": $.periods", "thiếu trường bắt buộc");
}

/* A target file's head is read as every data file's (jread_data_head):
 * the shipped file loads, and an id with capitals or accents is refused
 * like a rubric's. */
static void
test_target_file_head(void **state)
{
	(void)state;
	struct ind_set *sch = load_file(SCHOOL), *off = load_file(OFFICE);
	FILE *f = fopen("data/targets/qd131-2025.json", "rb");
	assert_non_null(f);
	char *body = calloc(1, 1 << 20);
	size_t n = fread(body, 1, (1 << 20) - 1, f);
	fclose(f);
	struct target_set *t = NULL;
	struct diags d;
	diags_init(&d);
	enum ts_err e = target_set_parse(body, n, UT_NAME, sch, off, &t, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	assert_int_equal(e, TS_OK);
	assert_string_equal(t->id, "qd131-2025");
	assert_int_equal(t->version, 1);
	target_set_free(t);
	char *id = strstr(body, "\"qd131-2025\"");
	assert_non_null(id);
	memcpy(id + 1, "QD", 2);
	t = NULL;
	assert_int_equal(target_set_parse(body, n, UT_NAME, sch, off, &t, &d),
			 TS_EINVAL);
	assert_null(t);
	assert_diag(&d, UT_NAME ": $.id", "mã bộ chỉ tiêu chỉ gồm chữ thường");
	diags_release(&d);
	free(body);
	ind_set_free(sch);
	ind_set_free(off);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_school_set),
		cmocka_unit_test(test_data_prefill_items_exist),
		cmocka_unit_test(test_data_office_set),
		cmocka_unit_test(test_minimal_ok),
		cmocka_unit_test(test_strict_keys_and_types),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_levels_periods_prefill),
		cmocka_unit_test(test_target_file_head),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
