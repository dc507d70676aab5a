/*
 * Statistics campaigns through the app layer, on the demo database:
 * creation, values saved and refused, submission blocked by errors and
 * by unconfirmed warnings against the previous report, return with
 * reasons per indicator, approval, and the pre-fill from the same year's
 * CĐS self-assessment (a change there is visible here).
 */
#include "ut.h"
#include "ut_app_db.h"

#include <ctype.h>
#include <jansson.h>
#include <unistd.h>

#include "../../src/app/demo.h"
#include "../../src/app/stats.h"
#include "../../src/util/arena.h"

static struct ut_app_db fx;

/* Every required value of a TH school (lms etc. come from the CĐS). */
static const char FULL[] =
	"{'format':1,'indicators':'thong-ke-cds-truong','values':{"
	"'cbgv_tong':52,'gv_tong':45,'gv_may_tinh':45,'gv_internet':44,"
	"'gv_chu_ky_so':30,'gv_tai_khoan_boi_duong':45,"
	"'gv_tap_huan_truc_tuyen':40,'gv_tap_huan_elearning':25,"
	"'cbgv_tap_huan_phan_mem':20,'cbgv_tap_huan_attt':52,'cbct_tong':1,"
	"'cbct_tap_huan':1,'gv_ho_so_so':45,'hs_tong':%d,'hs_may_tinh':610,"
	"'hs_internet':800,'hs_nen_tang':700,'hs_ho_so_so':1000,"
	"'lms':true,'lms_ten':[{'name':'VNEdu LMS','domestic':true}],"
	"'thi_may_tinh':true,'so_diem_dien_tu':true,"
	"'thu_phi_khong_tien_mat':true,'phong_studio':false,"
	"'hoc_lieu_tong':120,'hoc_lieu_nam_hoc':30,'nen_tang':[{'name':"
	"'VNEdu LMS','domestic':true}],'tin_hoc':'muc-2','pm_quan_tri':true,"
	"'chu_ky_so':true,'quan_tri_du_lieu':true,'csvc_ho_so_so':false,"
	"'wifi_mien_phi':true}%s}";

static char *
full_values(int hs_tong, const char *extra)
{
	char buf[4096];
	snprintf(buf, sizeof(buf), FULL, hs_tong, extra);
	return ut_json(buf);
}

static void
actor_of(const char *login, struct actor *out)
{
	struct diags d;
	diags_init(&d);
	assert_int_equal(actor_load(&fx.app, login, out, &d), TS_OK);
	diags_release(&d);
}

static int64_t
create(const char *period, const char *indicators, enum ts_err want,
       const char *msg)
{
	struct stats_campaign_new n = {
		.base = { .owner_code = "31",
			  .rubric_ref = "qd4725-2022-pt",
			  .school_year = "2025-2026",
			  .title = "Thống kê",
			  .opens = "2025-09-15",
			  .due = "2027-10-16",
			  .levels = LEVEL_TH | LEVEL_THCS },
		.indicators_ref = indicators,
		.period = period,
	};
	struct diags d;
	diags_init(&d);
	int64_t id = 0;
	enum ts_err e = stats_campaign_create(&fx.app, &fx.op, app_data_dir(),
					      &n, &id, &d);
	if (e != want)
		ut_print_diags(&d);
	assert_int_equal(e, want);
	if (msg != NULL)
		assert_diag(&d, NULL, msg);
	diags_release(&d);
	return id;
}

static int64_t
count(const char *sql)
{
	struct db_stmt *st = db_prep(fx.app.db, sql);
	assert_non_null(st);
	int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	db_done(st);
	return n;
}

static void
test_create(void **state)
{
	(void)state;
	int64_t before = count("SELECT count(*) FROM campaign");
	create("giua-nam", "thong-ke-cds-truong", TS_EINVAL,
	       "kỳ báo cáo phải là một kỳ của bộ chỉ số");
	create("dau-nam", "thong-ke-cds-co-quan", TS_EINVAL,
	       "do cơ quan tự nhập");
	create("dau-nam", "khong-co", TS_EINVAL,
	       "không có bộ chỉ số thống kê này");
	assert_int_equal(count("SELECT count(*) FROM campaign"), before);
	int64_t id = create("dau-nam", "thong-ke-cds-truong", TS_OK, NULL);
	struct arena *a = arena_new();
	struct stats_info info;
	struct diags d;
	diags_init(&d);
	assert_int_equal(stats_info_get(&fx.app, id, a, &info, &d), TS_OK);
	assert_string_equal(info.as_of, "2025-09-30");
	assert_string_equal(info.period, "dau-nam");
	assert_string_equal(info.set->id, "thong-ke-cds-truong");
	ind_set_free(info.set);
	/* A CĐS campaign is not a statistics one. */
	assert_int_equal(stats_info_get(&fx.app, 1, a, &info, &d),
			 TS_ENOTFOUND);
	diags_release(&d);
	arena_free(a);
}

/* A draft school of Dương Kinh in campaign 1 with a saved self-assessment
 * (demo), its actors and its current CĐS answers. */
static void
draft_school(char code[16], struct actor *editor, struct actor *head)
{
	struct db_stmt *st = db_prep(
		fx.app.db,
		"SELECT o.code FROM submission s JOIN org_unit o ON o.id = "
		"s.unit_id WHERE s.campaign_id = 1 AND s.state = 'draft' AND "
		"o.code LIKE '31DK%' AND o.school_levels = 2 ORDER BY o.code "
		"LIMIT 1");
	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	snprintf(code, 16, "%s", db_col_text(st, 0));
	db_done(st);
	char login[64];
	snprintf(login, sizeof(login), "cntt.%s", code);
	for (char *p = login; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	actor_of(login, editor);
	memcpy(login, "ht.", 3);
	memmove(login + 3, login + 5, strlen(login + 5) + 1);
	actor_of(login, head);
}

static const struct ind_prefill_line *
prefill_of(const struct stats_view *v, const char *code)
{
	for (size_t i = 0; i < v->nprefill; i++)
		if (strcmp(v->prefill[i].indicator->code, code) == 0)
			return &v->prefill[i];
	return NULL;
}

/* The CĐS answers of the school with item 1.3a set to `points`. */
static char *
cds_with(const char *code, int points)
{
	struct arena *a = arena_new();
	struct submission s;
	struct diags d;
	diags_init(&d);
	assert_int_equal(
		sub_open(&fx.app, &fx.op, 1, code, ACT_VIEW, a, &s, &d), TS_OK);
	json_t *root = json_loads(s.answers, 0, NULL);
	json_t *ans = json_object_get(root, "answers");
	json_t *item = json_object_get(ans, "1.3a");
	if (json_is_object(item))
		json_object_set_new(item, "value", json_integer(points));
	else
		json_object_set_new(ans, "1.3a", json_integer(points));
	char *out = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	diags_release(&d);
	arena_free(a);
	return out;
}

static void
test_prefill_follows_cds(void **state)
{
	(void)state;
	int64_t id = create("dau-nam", "thong-ke-cds-truong", TS_OK, NULL);
	char code[16];
	struct actor editor, head;
	draft_school(code, &editor, &head);
	struct diags d;
	diags_init(&d);
	for (int points = 0; points <= 6; points += 6) {
		char *cds = cds_with(code, points);
		assert_int_equal(
			sub_save(&fx.app, &editor, 1, code, cds, -1, &d),
			TS_OK);
		free(cds);
		struct arena *a = arena_new();
		struct stats_view v;
		assert_int_equal(
			stats_view_open(&fx.app, &editor, id, code, a, &v, &d),
			TS_OK);
		const struct ind_prefill_line *l = prefill_of(&v, "lms");
		assert_non_null(l);
		assert_string_equal(l->item->id, "1.3a");
		assert_true(l->used);
		assert_int_equal(l->points, P(points));
		assert_int_equal(ind_values_get(v.values, "lms")->yes,
				 points > 0);
		assert_int_equal(v.cds_campaign, 1);
		/* The hint of 1.7b is shown, never taken as a value. */
		assert_non_null(prefill_of(&v, "tin_hoc"));
		assert_null(ind_values_get(v.values, "tin_hoc"));
		stats_view_release(&v);
		arena_free(a);
	}
	diags_release(&d);
}

static const char *
state_of(int64_t cid, const char *code)
{
	static char buf[32];
	char sql[256];
	snprintf(sql, sizeof(sql),
		 "SELECT s.state FROM submission s JOIN "
		 "org_unit o ON o.id = s.unit_id WHERE s.campaign_id = %lld "
		 "AND o.code = '%s'",
		 (long long)cid, code);
	struct db_stmt *st = db_prep(fx.app.db, sql);
	snprintf(buf, sizeof(buf), "%s",
		 db_step(st) == DB_ROW ? db_col_text(st, 0) : "none");
	db_done(st);
	return buf;
}

static void
test_workflow_and_warning(void **state)
{
	(void)state;
	int64_t start = create("dau-nam", "thong-ke-cds-truong", TS_OK, NULL);
	char code[16];
	struct actor editor, head, reviewer;
	draft_school(code, &editor, &head);
	actor_of("cv.dk", &reviewer);
	struct diags d;
	diags_init(&d);
	/* A bad value is refused with its code; nothing is stored. */
	char *bad = ut_json("{'values':{'gv_tong':45,'gv_may_tinh':-1}}");
	assert_int_equal(stats_save(&fx.app, &editor, start, code, bad, -1, &d),
			 TS_EINVAL);
	assert_diag(&d, NULL, "chỉ số gv_may_tinh: số lượng phải từ 0");
	assert_string_equal(state_of(start, code), "none");
	free(bad);
	/* Errors block submission: a part above its whole. */
	char *v = full_values(1000, "");
	char *over = ut_json("{'values':{'gv_tong':45,'gv_may_tinh':46}}");
	assert_int_equal(
		stats_save(&fx.app, &editor, start, code, over, -1, &d), TS_OK);
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(
		stats_submit(&fx.app, &head, start, code, -1, NULL, &d),
		TS_EINVAL);
	assert_diag(&d, code,
		    "gv_may_tinh: “Tổng số giáo viên có máy tính” "
		    "(46) lớn hơn “Tổng số giáo viên” (45)");
	assert_diag(&d, code, "hs_tong: “Tổng số học sinh” chưa được nhập");
	assert_string_equal(state_of(start, code), "draft");
	free(over);
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(stats_save(&fx.app, &editor, start, code, v, -1, &d),
			 TS_OK);
	int version = 0;
	assert_int_equal(
		stats_submit(&fx.app, &head, start, code, -1, &version, &d),
		TS_OK);
	assert_int_equal(version, 1);
	/* Return: reasons name indicators. */
	struct review_reason r = { "khong_co", "Sai" };
	assert_int_equal(
		stats_return(&fx.app, &reviewer, start, code, &r, 1, -1, &d),
		TS_EINVAL);
	assert_diag(&d, code,
		    "không có chỉ số \"khong_co\" trong bộ "
		    "thong-ke-cds-truong");
	assert_int_equal(
		stats_return(&fx.app, &reviewer, start, code, &r, 0, -1, &d),
		TS_EINVAL);
	assert_diag(&d, code, "trả lại phải kèm lý do cho ít nhất một chỉ số");
	r.criterion_id = "hs_may_tinh";
	assert_int_equal(
		stats_return(&fx.app, &reviewer, start, code, &r, 1, -1, &d),
		TS_OK);
	assert_string_equal(state_of(start, code), "returned");
	assert_int_equal(
		stats_submit(&fx.app, &head, start, code, -1, &version, &d),
		TS_OK);
	assert_int_equal(version, 2);
	assert_int_equal(sub_approve(&fx.app, &reviewer, start, code, -1, &d),
			 TS_OK);
	assert_string_equal(state_of(start, code), "approved");
	free(v);
	diags_release(&d);

	/* End of year: 1000 students before, 1600 now (warn_change 30). */
	int64_t end = create("cuoi-nam", "thong-ke-cds-truong", TS_OK, NULL);
	diags_init(&d);
	v = full_values(1600, "");
	assert_int_equal(stats_save(&fx.app, &editor, end, code, v, -1, &d),
			 TS_OK);
	assert_int_equal(stats_submit(&fx.app, &head, end, code, -1, NULL, &d),
			 TS_EINVAL);
	assert_diag(&d, code,
		    "hs_tong: “Tổng số học sinh”: 1600, kỳ trước "
		    "1000 (lệch quá 30%); cần xác nhận số liệu");
	free(v);
	diags_release(&d);
	diags_init(&d);
	v = full_values(1600,
			",'confirmed':{'hs_tong':'Sáp nhập điểm trường'}");
	assert_int_equal(stats_save(&fx.app, &editor, end, code, v, -1, &d),
			 TS_OK);
	assert_int_equal(stats_submit(&fx.app, &head, end, code, -1, NULL, &d),
			 TS_OK);
	/* The reviewer sees the confirmed warning with the snapshot. */
	char sql[256];
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM snapshot WHERE score "
		 "LIKE '%%Sáp nhập điểm trường%%' AND submission_id IN (SELECT "
		 "id FROM submission WHERE campaign_id = %lld)",
		 (long long)end);
	assert_int_equal(count(sql), 1);
	free(v);
	diags_release(&d);
}

static int
setup(void **state)
{
	(void)state;
	if (ut_app_db_open(&fx, "stats", UT_DEMO) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return ut_app_db_close(&fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_prefill_follows_cds),
		cmocka_unit_test(test_workflow_and_warning),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
