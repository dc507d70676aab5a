/* Roll-up by bậc học against a hand-computed fixture (liên cấp, missing
 * values, right denominators), and QĐ 131 targets at the boundary. */
#include "../../src/app/indicator_set.h"
#include "../../src/core/target.h"
#include "../../src/util/buf.h"
#include "ut.h"

static const char SET[] =
	"{'format':1,'id':'t','version':1,'title':'Thử','scope':'school',"
	"'source':'s','school_levels':['TH','THCS','THPT'],'periods':[{"
	"'id':'p','name':'P','as_of':'30/9','source':'s'}],'sections':[{"
	"'id':'a','title':'A','indicators':["
	"{'code':'tong','label':'Tổng','type':'count','unit':'người',"
	" 'source':'s'},"
	"{'code':'may','label':'Có máy tính','type':'count','unit':'người',"
	" 'part_of':'tong','source':'s'},"
	"{'code':'lms','label':'LMS','type':'yesno','source':'s'},"
	"{'code':'ten','label':'Nền tảng','type':'names','source':'s'},"
	"{'code':'pt','label':'Tỉ trọng','type':'percent','unit':'%',"
	" 'school_levels':['THCS','THPT'],'source':'s'},"
	"{'code':'muc','label':'Tin học','type':'choice','options':["
	" {'id':'muc-1','text':'Mức 1'},{'id':'muc-2','text':'Mức 2'}],"
	" 'source':'s'}]}]}";

static const char OFFICE[] =
	"{'format':1,'id':'o','version':1,'title':'Cơ quan','scope':'office',"
	"'source':'s','school_levels':['TH','THCS','THPT'],'sections':[{"
	"'id':'a','title':'A','indicators':["
	"{'code':'csdl','label':'CSDL','type':'yesno','source':'s'},"
	"{'code':'hs_tong','label':'Hồ sơ','type':'count','unit':'hồ sơ',"
	" 'source':'s'},"
	"{'code':'hs_so','label':'Hồ sơ số','type':'count','unit':'hồ sơ',"
	" 'part_of':'hs_tong','source':'s'}]}]}";

static struct ind_set *set, *office;

static struct ind_set *
parse_set(const char *sq)
{
	char *json = ut_json(sq);
	struct diags d;
	diags_init(&d);
	struct ind_set *s = NULL;
	if (ind_set_parse(json, strlen(json), UT_NAME, &s, &d) != TS_OK)
		ut_print_diags(&d);
	diags_release(&d);
	free(json);
	return s;
}

static int
setup(void **state)
{
	(void)state;
	set = parse_set(SET);
	office = parse_set(OFFICE);
	return set && office ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	ind_set_free(set);
	ind_set_free(office);
	return 0;
}

static struct ind_values *
vals(const struct ind_set *s, const char *values_sq)
{
	struct buf b;
	buf_init(&b, 0);
	buf_printf(&b, "{'values':{%s}}", values_sq);
	char *json = ut_json(buf_str(&b));
	buf_release(&b);
	struct diags d;
	diags_init(&d);
	struct ind_values *v = NULL;
	if (ind_values_parse(s, json, strlen(json), UT_NAME, &v, &d) != TS_OK)
		ut_print_diags(&d);
	assert_non_null(v);
	diags_release(&d);
	free(json);
	return v;
}

#define NU 5
static struct agg_unit units[NU];

/* A: TH; B: TH+THCS (liên cấp); C: THCS with `may` left empty; D: THCS,
 * not reported; E: THPT with no teachers at all. */
static void
fixture(void)
{
	units[0] = (struct agg_unit){
		LEVEL_TH,
		vals(set,
		     "'tong':40,'may':30,'lms':true,'ten':[{'name':'K12Online',"
		     "'domestic':true}],'muc':'muc-1'")
	};
	units[1] = (struct agg_unit){
		LEVEL_TH | LEVEL_THCS,
		vals(set,
		     "'tong':60,'may':60,'lms':false,'pt':10,'muc':'muc-2'")
	};
	units[2] = (struct agg_unit){
		LEVEL_THCS,
		vals(set,
		     "'tong':50,'lms':true,'ten':[{'name':'K12Online',"
		     "'domestic':true},{'name':'Google Classroom','domestic':"
		     "false}],'pt':20")
	};
	units[3] = (struct agg_unit){ LEVEL_THCS, NULL };
	units[4] = (struct agg_unit){
		LEVEL_THPT,
		vals(set, "'tong':0,'may':0,'lms':true,'ten':[{'name':'VNEdu',"
			  "'domestic':true}],'pt':15")
	};
}

static void
release_fixture(void)
{
	for (size_t i = 0; i < NU; i++)
		ind_values_free(
			(struct ind_values *)(uintptr_t)units[i].values);
}

static const struct agg_cell *
cell(const struct ind_agg *a, const char *code, unsigned level)
{
	return ind_agg_cell(a, ind_find(set, code),
			    level ? agg_row_of(level) : AGG_ALL);
}

static pts_t
rate(const struct ind_agg *a, const char *code, unsigned level)
{
	struct agg_rate r = agg_cell_rate(ind_find(set, code),
					  cell(a, code, level));
	assert_true(r.den > 0);
	return agg_rate_value(r);
}

static void
test_rows_and_reported(void **state)
{
	(void)state;
	fixture();
	struct ind_agg *a = NULL;
	assert_int_equal(ind_agg_run(set, units, NU, &a), TS_OK);
	/* B counts in TH and in THCS, once in the all-levels row. */
	assert_int_equal(a->units[agg_row_of(LEVEL_TH)], 2);
	assert_int_equal(a->units[agg_row_of(LEVEL_THCS)], 3);
	assert_int_equal(a->reported[agg_row_of(LEVEL_THCS)], 2);
	assert_int_equal(a->units[agg_row_of(LEVEL_THPT)], 1);
	assert_int_equal(a->units[agg_row_of(LEVEL_MN)], 0);
	assert_int_equal(a->units[AGG_ALL], 5);
	assert_int_equal(a->reported[AGG_ALL], 4);
	assert_int_equal(cell(a, "tong", LEVEL_TH)->sum, P(100));
	assert_int_equal(cell(a, "tong", LEVEL_THCS)->sum, P(110));
	assert_int_equal(cell(a, "tong", LEVEL_THCS)->answered, 2);
	assert_int_equal(cell(a, "tong", 0)->sum, P(150));
	ind_agg_free(a);
	release_fixture();
}

static void
test_denominators(void **state)
{
	(void)state;
	fixture();
	struct ind_agg *a = NULL;
	assert_int_equal(ind_agg_run(set, units, NU, &a), TS_OK);
	/* Teachers with a computer over teachers, of the schools that
	 * entered both: TH 90/100; THCS only B (C left it empty) 60/60;
	 * all 90/100 (E has 0 of 0). */
	assert_int_equal(rate(a, "may", LEVEL_TH), 9000);
	assert_int_equal(rate(a, "may", LEVEL_THCS), 10000);
	assert_int_equal(cell(a, "may", LEVEL_THCS)->answered, 1);
	assert_int_equal(rate(a, "may", 0), 9000);
	/* 0 of 0 teachers is no rate, not 0%. */
	assert_int_equal(
		agg_cell_rate(ind_find(set, "may"), cell(a, "may", LEVEL_THPT))
			.den,
		0);
	/* Schools with an LMS over schools that answered: TH 1/2, THCS 1/2
	 * (D missing, not "no"), all 3/4. */
	assert_int_equal(rate(a, "lms", LEVEL_TH), 5000);
	assert_int_equal(rate(a, "lms", LEVEL_THCS), 5000);
	assert_int_equal(rate(a, "lms", 0), 7500);
	assert_int_equal(cell(a, "lms", 0)->yes, 3);
	/* Mean share online: THCS (10+20)/2, all (10+20+15)/3; TH has no
	 * cell at all (the indicator is THCS/THPT only). */
	assert_int_equal(rate(a, "pt", LEVEL_THCS), 1500);
	assert_int_equal(rate(a, "pt", 0), 1500);
	assert_int_equal(cell(a, "pt", LEVEL_TH)->units, 0);
	assert_int_equal(cell(a, "pt", 0)->units, 4);
	ind_agg_free(a);
	release_fixture();
}

static void
test_names_and_options(void **state)
{
	(void)state;
	fixture();
	struct ind_agg *a = NULL;
	assert_int_equal(ind_agg_run(set, units, NU, &a), TS_OK);
	const struct agg_cell *all = cell(a, "ten", 0);
	assert_int_equal(all->nnames, 3);
	assert_int_equal(all->ndomestic, 2);
	assert_string_equal(all->names[0].name, "K12Online");
	assert_int_equal(all->names[0].units, 2);
	assert_int_equal(cell(a, "ten", LEVEL_THCS)->nnames, 2);
	const struct agg_cell *m = cell(a, "muc", LEVEL_TH);
	assert_int_equal(m->options[0], 1);
	assert_int_equal(m->options[1], 1);
	assert_int_equal(cell(a, "muc", 0)->answered, 2);
	ind_agg_free(a);
	release_fixture();
}

/* `n` schools with `with` of `total` teachers having a computer. */
static struct measure_eval
eval_share(enum target_op op, int with, int total, bool past)
{
	char buf[128];
	snprintf(buf, sizeof(buf), "'tong':%d,'may':%d", total, with);
	struct ind_values *v = vals(set, buf);
	struct agg_unit u = { LEVEL_TH, v };
	struct measure m = { .indicator = ind_find(set, "may"),
			     .op = op,
			     .value = P(50),
			     .school_levels = LEVEL_TH };
	struct measure_eval e = target_measure(&m, &u, 1, NULL, past);
	ind_values_free(v);
	return e;
}

static void
test_target_boundary(void **state)
{
	(void)state;
	/* "từ 50% trở lên": exactly 100 of 200 is đạt; 99 of 200 is one
	 * teacher short, tiến độ before the deadline, không đạt after. */
	assert_int_equal(eval_share(TARGET_GE, 100, 200, false).result,
			 TARGET_MET);
	struct measure_eval e = eval_share(TARGET_GE, 99, 200, false);
	assert_int_equal(e.result, TARGET_PROGRESS);
	assert_int_equal(e.short_by, 1);
	assert_int_equal(e.gap, 50); /* 50% − 49,5% */
	assert_int_equal(eval_share(TARGET_GE, 99, 200, true).result,
			 TARGET_NOT_MET);
	/* "trên 50%": exactly 50% is not enough, one more is. */
	e = eval_share(TARGET_GT, 100, 200, true);
	assert_int_equal(e.result, TARGET_NOT_MET);
	assert_int_equal(e.short_by, 1);
	assert_int_equal(eval_share(TARGET_GT, 101, 200, true).result,
			 TARGET_MET);
	/* 1 of 3 against 33,33%: 33,333…% is above it (exact, not rounded) */
	struct ind_values *v = vals(set, "'tong':3,'may':1");
	struct agg_unit u = { LEVEL_TH, v };
	struct measure m = { .indicator = ind_find(set, "may"),
			     .op = TARGET_GE,
			     .value = 3334,
			     .school_levels = LEVEL_TH };
	assert_int_equal(target_measure(&m, &u, 1, NULL, true).result,
			 TARGET_NOT_MET); /* 33,333… < 33,34 */
	m.value = 3333;
	assert_int_equal(target_measure(&m, &u, 1, NULL, true).result,
			 TARGET_MET);
	ind_values_free(v);
}

static void
test_target_mean_and_missing(void **state)
{
	(void)state;
	struct ind_values *a = vals(set, "'pt':10"),
			  *b = vals(set, "'pt':9.99");
	struct agg_unit u[] = { { LEVEL_THCS, a },
				{ LEVEL_THPT, b },
				{ LEVEL_THCS, NULL } };
	struct measure m = { .indicator = ind_find(set, "pt"),
			     .op = TARGET_GE,
			     .value = P(10),
			     .school_levels = LEVEL_THCS | LEVEL_THPT };
	/* Mean 9,995% shows as 10% but is below the target. */
	struct measure_eval e = target_measure(&m, u, 3, NULL, false);
	assert_int_equal(e.result, TARGET_PROGRESS);
	assert_int_equal(agg_rate_value(e.rate), P(10));
	assert_int_equal(e.gap, 1);
	assert_int_equal(e.short_by, -1);
	assert_int_equal(e.units, 3);
	assert_int_equal(e.answered, 2);
	/* Nobody answered: no data, never "không đạt". */
	e = target_measure(&m, u + 2, 1, NULL, true);
	assert_int_equal(e.result, TARGET_NO_DATA);
	ind_values_free(a);
	ind_values_free(b);
}

static void
test_target_office_and_combine(void **state)
{
	(void)state;
	struct measure manual = { .indicator = ind_find(office, "csdl"),
				  .office = true,
				  .manual = true };
	struct measure files = { .indicator = ind_find(office, "hs_so"),
				 .office = true,
				 .op = TARGET_GE,
				 .value = P(90) };
	struct ind_values *yes = vals(office, "'csdl':true,'hs_tong':100,"
					      "'hs_so':90");
	struct ind_values *no = vals(office, "'csdl':false,'hs_tong':100,"
					     "'hs_so':89");
	struct measure_eval m[2];
	m[0] = target_measure(&manual, NULL, 0, yes, false);
	m[1] = target_measure(&files, NULL, 0, yes, false);
	assert_int_equal(m[0].result, TARGET_MET);
	assert_int_equal(m[1].result, TARGET_MET);
	assert_int_equal(target_combine(m, 2), TARGET_MET);
	m[0] = target_measure(&manual, NULL, 0, no, false);
	m[1] = target_measure(&files, NULL, 0, no, false);
	assert_int_equal(m[0].result, TARGET_NOT_MET); /* typed, as is */
	assert_int_equal(m[1].result, TARGET_PROGRESS);
	assert_int_equal(target_combine(m, 2), TARGET_NOT_MET);
	m[0] = target_measure(&manual, NULL, 0, NULL, false);
	assert_int_equal(m[0].result, TARGET_NO_DATA);
	assert_int_equal(target_combine(m, 2), TARGET_PROGRESS);
	assert_string_equal(target_result_name(TARGET_PROGRESS), "tiến độ");
	ind_values_free(yes);
	ind_values_free(no);
}

static struct ind_set *
load(const char *path)
{
	struct diags d;
	diags_init(&d);
	struct ind_set *s = NULL;
	assert_int_equal(ind_set_load_file(path, &s, &d), TS_OK);
	diags_release(&d);
	return s;
}

static void
test_targets_file(void **state)
{
	(void)state;
	struct ind_set *sch = load("data/indicators/thong-ke-cds-truong.json");
	struct ind_set *off = load("data/indicators/thong-ke-cds-co-quan.json");
	size_t len = 0;
	char *text = ut_read_file("data/targets/qd131-2025.json", &len);
	struct diags d;
	diags_init(&d);
	struct target_set *t = NULL;
	enum ts_err e = target_set_parse(text, len, "qd131", sch, off, &t, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	assert_int_equal(e, TS_OK);
	assert_int_equal(t->n, 6);
	assert_false(target_past_deadline(t, 2025, 12, 31));
	assert_true(target_past_deadline(t, 2026, 1, 1));
	assert_true(t->v[5].measures[0].manual);
	target_set_free(t);
	diags_release(&d);
	free(text);
	/* A plain count has no rate to compare with. */
	const char *bad = "{\"format\":1,\"id\":\"x\",\"version\":1,\"title\":"
			  "\"X\",\"source\":\"s\",\"by\":\"2025-12-31\","
			  "\"indicators\":\"thong-ke-cds-truong\","
			  "\"office_indicators\":\"thong-ke-cds-co-quan\","
			  "\"groups\":[{\"title\":\"I\",\"targets\":[{\"id\":"
			  "\"1\",\"title\":\"T\",\"text\":\"T\",\"source\":"
			  "\"s\",\"measures\":[{\"indicator\":\"hs_tong\","
			  "\"op\":\">=\",\"value\":50},{\"indicator\":"
			  "\"csdl_ket_noi\",\"from\":\"office\",\"op\":\">\","
			  "\"value\":1},{\"indicator\":\"khong_co\"}]}]}]}";
	diags_init(&d);
	assert_int_equal(
		target_set_parse(bad, strlen(bad), "x", sch, off, &t, &d),
		TS_EINVAL);
	assert_diag(&d, "x: $.groups[0].targets[0].measures[0].indicator",
		    "chỉ số \"hs_tong\" không có tỷ lệ");
	assert_diag(&d, "x: $.groups[0].targets[0].measures[1].op",
		    "thì không có phép so sánh");
	assert_diag(
		&d, "x: $.groups[0].targets[0].measures[2].indicator",
		"không có chỉ số \"khong_co\" trong bộ thong-ke-cds-truong");
	diags_release(&d);
	ind_set_free(sch);
	ind_set_free(off);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_and_reported),
		cmocka_unit_test(test_denominators),
		cmocka_unit_test(test_names_and_options),
		cmocka_unit_test(test_target_boundary),
		cmocka_unit_test(test_target_mean_and_missing),
		cmocka_unit_test(test_target_office_and_combine),
		cmocka_unit_test(test_targets_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
