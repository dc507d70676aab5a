/* Indicator values (docs/indicator-format.md, "Values"): every type's
 * limits at the boundary, and the rules that block submission or ask for
 * a confirmation. */
#include "../../src/core/indicator_values.h"
#include "../../src/util/buf.h"
#include "ut.h"

/* Levels TH and THCS; `pt` applies to THCS only. */
static const char SET[] =
	"{'format':1,'id':'t','version':1,'title':'Thử','scope':'school',"
	"'source':'s','school_levels':['TH','THCS'],'periods':[{'id':'p',"
	"'name':'P','as_of':'30/9','source':'s'}],'sections':[{'id':'a',"
	"'title':'A','indicators':["
	"{'code':'tong','label':'Tổng số giáo viên','type':'count',"
	" 'unit':'người','required':true,'warn_change':50,'source':'s'},"
	"{'code':'may','label':'Giáo viên có máy tính','type':'count',"
	" 'unit':'người','part_of':'tong','source':'s'},"
	"{'code':'lms','label':'LMS','type':'yesno','required':true,"
	" 'source':'s'},"
	"{'code':'ten','label':'Tên LMS','type':'names','required_if':'lms',"
	" 'source':'s'},"
	"{'code':'pt','label':'Tỉ trọng trực tuyến','type':'percent',"
	" 'unit':'%','required':true,'school_levels':['THCS'],"
	" 'warn_change':100,'source':'s'},"
	"{'code':'muc','label':'Tin học','type':'choice','options':["
	" {'id':'muc-1','text':'Mức 1'},{'id':'muc-2','text':'Mức 2'}],"
	" 'source':'s'},"
	"{'code':'loi','label':'Lời','type':'text','source':'s'}]}]}";

static struct ind_set *set;

static int
setup(void **state)
{
	(void)state;
	char *json = ut_json(SET);
	struct diags d;
	diags_init(&d);
	enum ts_err e = ind_set_parse(json, strlen(json), UT_NAME, &set, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	diags_release(&d);
	free(json);
	return e == TS_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	ind_set_free(set);
	return 0;
}

static enum ts_err
parse(const char *values_sq, struct ind_values **out, struct diags *d)
{
	struct buf b;
	buf_init(&b, 0);
	buf_printf(&b, "{'format':1,'indicators':'t','values':{%s}}",
		   values_sq);
	char *json = ut_json(buf_str(&b));
	buf_release(&b);
	diags_init(d);
	*out = NULL;
	enum ts_err e = ind_values_parse(set, json, strlen(json), UT_NAME, out,
					 d);
	free(json);
	return e;
}

static struct ind_values *
ok(const char *values_sq)
{
	struct diags d;
	struct ind_values *v = NULL;
	enum ts_err e = parse(values_sq, &v, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	assert_int_equal(e, TS_OK);
	diags_release(&d);
	return v;
}

static void
bad(const char *values_sq, const char *msg)
{
	struct diags d;
	struct ind_values *v = NULL;
	assert_int_equal(parse(values_sq, &v, &d), TS_EINVAL);
	assert_null(v);
	assert_diag(&d, NULL, msg);
	diags_release(&d);
}

static void
test_count_bounds(void **state)
{
	(void)state;
	ind_values_free(ok("'tong':0"));
	ind_values_free(ok("'tong':10000000"));
	ind_values_free(ok("'tong':7.0"));
	bad("'tong':-1", "chỉ số tong: số lượng phải từ 0 đến 10.000.000");
	bad("'tong':10000001", "chỉ số tong: số lượng phải từ 0 đến");
	bad("'tong':99999999999999999999", "số quá lớn");
	bad("'tong':2.5", "chỉ số tong: số lượng phải là số nguyên");
	bad("'tong':'12'", "chỉ số tong: phải là một số");
	bad("'tong':1.005", "có nhiều hơn 2 chữ số thập phân");
	struct ind_values *v = ok("'tong':12");
	assert_int_equal(ind_values_get(v, "tong")->num, 12 * PTS_ONE);
	ind_values_free(v);
}

static void
test_percent_bounds(void **state)
{
	(void)state;
	ind_values_free(ok("'pt':0"));
	ind_values_free(ok("'pt':100"));
	ind_values_free(ok("'pt':12.34"));
	bad("'pt':100.01", "chỉ số pt: tỷ lệ 100,01% phải từ 0 đến 100%");
	bad("'pt':-0.01", "chỉ số pt: tỷ lệ -0,01% phải từ 0 đến 100%");
	bad("'pt':true", "chỉ số pt: phải là một số");
}

static void
test_other_types(void **state)
{
	(void)state;
	bad("'lms':'có'", "chỉ số lms: phải là true (có) hoặc false (không)");
	bad("'muc':'muc-3'", "chỉ số muc: phải là một trong các lựa chọn");
	bad("'ten':[{'name':'VNEdu'}]", "chỉ số ten: mỗi tên phải có dạng");
	bad("'ten':[{'name':'  ','domestic':true}]",
	    "chỉ số ten: tên không được để trống");
	bad("'ten':[{'name':'A','domestic':true,'x':1}]",
	    "chỉ số ten: mỗi tên phải có dạng");
	/* The same name typed composed and decomposed is one name. */
	bad("'ten':[{'name':'Trường học kết nối','domestic':true},"
	    "{'name':'Trường ho\xcc\xa3"
	    "c kết nối','domestic':false}]",
	    "bị lặp");
	bad("'loi':'a\\u0001b'", "chỉ số loi: chứa ký tự điều khiển");
	bad("'khong_co':1", "không có chỉ số mã \"khong_co\" trong bộ t");
	struct ind_values *v = ok("'loi':'dòng 1\\ndòng 2','lms':null,"
				  "'muc':'muc-2'");
	assert_null(ind_values_get(v, "lms")); /* null: not entered */
	assert_string_equal(ind_values_get(v, "muc")->text, "muc-2");
	ind_values_free(v);
}

static void
test_wrong_set(void **state)
{
	(void)state;
	char *json = ut_json("{'format':1,'indicators':'khac','values':{}}");
	struct diags d;
	diags_init(&d);
	struct ind_values *v = NULL;
	assert_int_equal(
		ind_values_parse(set, json, strlen(json), UT_NAME, &v, &d),
		TS_EINVAL);
	assert_diag(&d, UT_NAME ": $.indicators",
		    "tệp số liệu dành cho bộ chỉ số \"khac\"");
	diags_release(&d);
	free(json);
}

/* What goes into storage reads back the same. */
static void
test_json_round_trip(void **state)
{
	(void)state;
	struct ind_values *v = ok("'tong':40,'may':38,'lms':true,'ten':["
				  "{'name':'VNEdu LMS','domestic':true}],"
				  "'pt':12.5,'muc':'muc-1','loi':'x'");
	json_t *j = ind_values_to_json(v);
	char *s = json_dumps(j, JSON_SORT_KEYS);
	struct diags d;
	diags_init(&d);
	struct ind_values *w = NULL;
	assert_int_equal(ind_values_parse(set, s, strlen(s), UT_NAME, &w, &d),
			 TS_OK);
	json_t *k = ind_values_to_json(w);
	assert_true(json_equal(j, k));
	assert_int_equal(ind_values_get(w, "pt")->num, 1250);
	assert_true(ind_values_get(w, "ten")->names[0].domestic);
	json_decref(j);
	json_decref(k);
	free(s);
	diags_release(&d);
	ind_values_free(v);
	ind_values_free(w);
}

/* Runs the rules for a unit of `levels`; returns the check (caller
 * releases). */
static void
run_check(const char *values_sq, unsigned levels, const char *prev_sq,
	  struct ind_check *c)
{
	struct ind_values *v = ok(values_sq);
	struct ind_values *p = prev_sq ? ok(prev_sq) : NULL;
	ind_check_init(c);
	ind_check_run(v, levels, p, c);
	ind_values_free(v);
	ind_values_free(p);
}

#define BASE "'lms':false,"

static void
test_part_of_boundary(void **state)
{
	(void)state;
	struct ind_check c;
	run_check(BASE "'tong':40,'may':40", LEVEL_TH, NULL, &c);
	assert_true(ind_check_submittable(&c));
	ind_check_release(&c);
	run_check(BASE "'tong':40,'may':41", LEVEL_TH, NULL, &c);
	assert_int_equal(c.errors.n, 1);
	assert_diag(&c.errors, "may",
		    "“Giáo viên có máy tính” (41) lớn hơn "
		    "“Tổng số giáo viên” (40)");
	assert_false(ind_check_submittable(&c));
	ind_check_release(&c);
	/* A missing whole is "not entered", never 0: only that is said. */
	run_check(BASE "'may':41", LEVEL_TH, NULL, &c);
	assert_int_equal(c.errors.n, 1);
	assert_diag(&c.errors, "tong", "“Tổng số giáo viên” chưa được nhập");
	ind_check_release(&c);
}

static void
test_required_and_levels(void **state)
{
	(void)state;
	struct ind_check c;
	/* TH school: pt does not apply, so it is neither required nor
	 * accepted. */
	run_check(BASE "'tong':1", LEVEL_TH, NULL, &c);
	assert_true(ind_check_submittable(&c));
	ind_check_release(&c);
	run_check(BASE "'tong':1,'pt':5", LEVEL_TH, NULL, &c);
	assert_diag(&c.errors, "pt", "không áp dụng cho cấp học của đơn vị");
	ind_check_release(&c);
	/* A liên cấp TH+THCS school answers what applies to either level. */
	run_check(BASE "'tong':1", LEVEL_TH | LEVEL_THCS, NULL, &c);
	assert_int_equal(c.errors.n, 1);
	assert_diag(&c.errors, "pt", "“Tỉ trọng trực tuyến” chưa được nhập");
	ind_check_release(&c);
	/* required_if: the LMS's name once the school says it has one. */
	run_check("'tong':1,'lms':true", LEVEL_TH, NULL, &c);
	assert_diag(&c.errors, "ten", "“Tên LMS” chưa được nhập (bắt buộc");
	ind_check_release(&c);
	run_check("'tong':1,'lms':true,'ten':[]", LEVEL_TH, NULL, &c);
	assert_diag(&c.errors, "ten", "chưa được nhập");
	ind_check_release(&c);
	run_check("'tong':1,'lms':true,'ten':[{'name':'K12Online',"
		  "'domestic':true}]",
		  LEVEL_TH, NULL, &c);
	assert_true(ind_check_submittable(&c));
	ind_check_release(&c);
}

/* warn_change 50 on tong: 150 and 50 are exactly 50% away (no warning),
 * 151 and 49 are more. */
static void
test_warning_boundary(void **state)
{
	(void)state;
	static const struct {
		const char *now;
		size_t warnings;
	} cases[] = {
		{ BASE "'tong':150", 0 }, { BASE "'tong':151", 1 },
		{ BASE "'tong':50", 0 },  { BASE "'tong':49", 1 },
		{ BASE "'tong':100", 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct ind_check c;
		run_check(cases[i].now, LEVEL_TH, BASE "'tong':100", &c);
		assert_int_equal(c.errors.n, 0);
		assert_int_equal(c.unconfirmed.n, cases[i].warnings);
		assert_int_equal(ind_check_submittable(&c),
				 cases[i].warnings == 0);
		ind_check_release(&c);
	}
	struct ind_check c;
	run_check(BASE "'tong':151", LEVEL_TH, BASE "'tong':100", &c);
	assert_diag(&c.unconfirmed, "tong",
		    "“Tổng số giáo viên”: 151, kỳ "
		    "trước 100 (lệch quá 50%); cần xác nhận số liệu");
	ind_check_release(&c);
	/* From 0, any change asks; no previous value asks nothing. */
	run_check(BASE "'tong':1", LEVEL_TH, BASE "'tong':0", &c);
	assert_int_equal(c.unconfirmed.n, 1);
	ind_check_release(&c);
	run_check(BASE "'tong':1", LEVEL_TH, "'lms':false", &c);
	assert_int_equal(c.unconfirmed.n, 0);
	ind_check_release(&c);
}

static void
test_confirmed_warning(void **state)
{
	(void)state;
	const char *prev = "{'format':1,'indicators':'t','values':{"
			   "'lms':false,'tong':100}}";
	const char *now = "{'format':1,'indicators':'t','values':{"
			  "'lms':false,'tong':200},'confirmed':{'tong':"
			  "'Sáp nhập hai trường'}}";
	char *pj = ut_json(prev), *nj = ut_json(now);
	struct diags d;
	diags_init(&d);
	struct ind_values *p = NULL, *v = NULL;
	assert_int_equal(ind_values_parse(set, pj, strlen(pj), UT_NAME, &p, &d),
			 TS_OK);
	assert_int_equal(ind_values_parse(set, nj, strlen(nj), UT_NAME, &v, &d),
			 TS_OK);
	struct ind_check c;
	ind_check_init(&c);
	ind_check_run(v, LEVEL_TH, p, &c);
	assert_int_equal(c.unconfirmed.n, 0);
	assert_diag(&c.confirmed, "tong",
		    "đơn vị đã xác nhận: Sáp nhập hai "
		    "trường");
	assert_true(ind_check_submittable(&c));
	ind_check_release(&c);
	ind_values_free(p);
	ind_values_free(v);
	diags_release(&d);
	free(pj);
	free(nj);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count_bounds),
		cmocka_unit_test(test_percent_bounds),
		cmocka_unit_test(test_other_types),
		cmocka_unit_test(test_wrong_set),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_part_of_boundary),
		cmocka_unit_test(test_required_and_levels),
		cmocka_unit_test(test_warning_boundary),
		cmocka_unit_test(test_confirmed_warning),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
