/*
 * The statistics read side through the app layer (issue 13, item 6), on
 * the small tree of app_fixture.h, every figure computed by hand:
 *
 *   round 2025-2026 of Sở 79, schools T1 (TH), T2 (TH, THCS: liên cấp),
 *   T3 (TH, never reports):
 *     T1: hs_tong 400, hs_may_tinh 200, hs_internet 200, lms có
 *     T2: hs_tong 800, hs_may_tinh 400, hs_internet 399, lms không,
 *         ty_trong_truc_tuyen 7,5
 *   round 2024-2025 of Sở 79: T1 only, the same values
 *   typed by the Sở for 2023-2024: hs_tong 47 960
 *
 * stats_rollup.c (counts per bậc học, the liên cấp school in each of its
 * rows and once in all), stats_drill.c, stats_text.c, stats_targets.c
 * (hs_may_tinh exactly 50%: đạt; hs_internet one student short),
 * stats_typed.c, stats_years.c, and submission_door.c's steps called
 * directly (sub_job_run: wrong state, wrong scope, stale revision, a
 * retried request written once), and the roll-up's two reads in one
 * snapshot while another connection writes between them (db_prep is
 * wrapped, -Wl,--wrap=db_prep in mk/build.mk).
 */
#include "app_fixture.h"

#include "../../src/app/campaign.h"
#include "../../src/app/stats.h"
#include "../../src/app/submission_int.h"
#include "../../src/core/target.h"
#include "../../src/util/arena.h"

static struct fx F;
static struct actor cv_so, cv_p2, ht_t2;
static int64_t cid, cid_last;

static const char VALUES[] =
	"{'format':1,'indicators':'thong-ke-cds-truong','values':{"
	"'cbgv_tong':52,'gv_tong':45,'gv_may_tinh':45,'gv_internet':44,"
	"'gv_chu_ky_so':30,'gv_tai_khoan_boi_duong':45,"
	"'gv_tap_huan_truc_tuyen':40,'gv_tap_huan_elearning':25,"
	"'cbgv_tap_huan_phan_mem':20,'cbgv_tap_huan_attt':52,'cbct_tong':1,"
	"'cbct_tap_huan':1,'gv_ho_so_so':45,'hs_tong':%d,'hs_may_tinh':%d,"
	"'hs_internet':%d,'hs_nen_tang':100,'hs_ho_so_so':100,%s"
	"'thi_may_tinh':true,'so_diem_dien_tu':true,"
	"'thu_phi_khong_tien_mat':true,'phong_studio':false,"
	"'hoc_lieu_tong':120,'hoc_lieu_nam_hoc':30,'nen_tang':[{'name':"
	"'VNEdu LMS','domestic':true}],'tin_hoc':'muc-2','pm_quan_tri':true,"
	"'chu_ky_so':true,'quan_tri_du_lieu':true,'csvc_ho_so_so':false,"
	"'wifi_mien_phi':true%s}}";
static const char LMS_YES[] =
	"'lms':true,'lms_ten':[{'name':'VNEdu LMS','domestic':true}],";

#define count(sql) fx_count(&F, (sql), NULL)

static int64_t
round_new(const char *year, const char *opens)
{
	struct stats_campaign_new n = {
		.base = { .owner_code = "79",
			  .rubric_ref = "qd4725-2022-pt",
			  .school_year = year,
			  .title = "Thống kê chuyển đổi số",
			  .opens = opens,
			  .due = "2030-10-16",
			  .levels = LEVEL_TH | LEVEL_THCS },
		.indicators_ref = "thong-ke-cds-truong",
		.period = "dau-nam",
	};
	struct diags d;
	int64_t id = 0;
	diags_init(&d);
	fx_ok(stats_campaign_create(&F.app, &F.op, F.app.data_dir, &n, &id, &d),
	      &d, "stats_campaign_create");
	diags_release(&d);
	return id;
}

/* Saves, submits and (approve) approves one school's report. */
static void
report(int64_t c, const struct actor *head, const char *code, int hs, int mt,
       int net, const char *lms, const char *extra, bool approve)
{
	char fmt[4096];
	struct diags d;
	snprintf(fmt, sizeof(fmt), VALUES, hs, mt, net, lms, extra);
	char *json = ut_json(fmt);
	diags_init(&d);
	fx_ok(stats_save(&F.app, head, c, code, json, -1, &d), &d, code);
	fx_ok(stats_submit(&F.app, head, c, code, -1, NULL, &d), &d, code);
	if (approve)
		fx_ok(sub_approve(&F.app, &F.cv, c, code, -1, &d), &d, code);
	diags_release(&d);
	free(json);
}

/* What sending a report again does to its stored values
 * (stats_summary_write replaces them): T2's hs_tong 800 becomes 900. */
static const char SQL_RESENT[] =
	"UPDATE stats_value SET num = num * 9 / 8 WHERE code = 'hs_tong' AND "
	"submission_id = (SELECT s.id FROM submission s JOIN org_unit o ON "
	"o.id = s.unit_id WHERE o.code = 'T2' AND s.campaign_id = ?)";
static struct db *racer; /* armed: writes SQL_RESENT once; else NULL */
static char dbfile[64];	 /* the file of setup_file */

struct db_stmt *__real_db_prep(struct db *db, const char *sql);
struct db_stmt *__wrap_db_prep(struct db *db, const char *sql);

/* The other connection commits right before the roll-up reads the
 * values, after it read who counts: the interleaving is forced. */
struct db_stmt *
__wrap_db_prep(struct db *db, const char *sql)
{
	if (racer != NULL && db == F.app.db &&
	    strstr(sql, "FROM stats_value v WHERE") != NULL) {
		struct db *w = racer;
		racer = NULL;
		struct db_stmt *st = __real_db_prep(w, SQL_RESENT);
		assert_non_null(st);
		db_bind_int(st, 1, cid);
		assert_int_equal(db_exec_stmt(st), TS_OK);
		assert_int_equal(db_changes(w), 1);
	}
	return __real_db_prep(db, sql);
}

static int
setup_on(const char *name)
{
	fx_open_on(&F, name);
	fx_user(&F, "cv.so", "79", ROLE_REVIEWER, &cv_so);
	fx_user(&F, "cv.p2", "P2", ROLE_REVIEWER, &cv_p2);
	fx_user(&F, "ht.t2", "T2", ROLE_SCHOOL_HEAD, &ht_t2);
	cid_last = round_new("2024-2025", "2024-09-15");
	report(cid_last, &F.ht, "T1", 400, 200, 200, LMS_YES, "", true);
	cid = round_new("2025-2026", "2025-09-15");
	report(cid, &F.ht, "T1", 400, 200, 200, LMS_YES, "", true);
	report(cid, &ht_t2, "T2", 800, 400, 399, "'lms':false,",
	       ",'ty_trong_truc_tuyen':7.5", false);
	return 0;
}

static int
setup(void **state)
{
	(void)state;
	return setup_on(":memory:");
}

/* On a file, which a second connection can open (or on PostgreSQL). */
static int
setup_file(void **state)
{
	(void)state;
	snprintf(dbfile, sizeof(dbfile), "/tmp/ts-stats-read-%ld.db",
		 (long)getpid());
	return setup_on(dbfile);
}

static int
teardown(void **state)
{
	(void)state;
	fx_close(&F);
	return 0;
}

static int
teardown_file(void **state)
{
	static const char *const tails[] = { "", "-wal", "-shm" };
	char p[80];
	teardown(state);
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof(p), "%s%s", dbfile, tails[i]);
		unlink(p);
	}
	return 0;
}

/* T2 approved: the tests that want both reports call it first. */
static void
approve_t2(void)
{
	struct diags d;
	diags_init(&d);
	fx_ok(sub_approve(&F.app, &F.cv, cid, "T2", -1, &d), &d, "T2");
	diags_release(&d);
}

static const char *
cell(struct arena *a, const struct stats_rollup *r, const char *code,
     size_t row)
{
	const struct indicator *it = ind_find(r->info.set, code);
	assert_non_null(it);
	return stats_cell_text(a, it, ind_agg_cell(r->agg, it, row));
}

static void
rollup(const struct actor *who, const char *root, bool submitted,
       struct arena *a, struct stats_rollup *r)
{
	struct diags d;
	diags_init(&d);
	fx_ok(stats_rollup_open(&F.app, who, cid, root, submitted, a, r, &d),
	      &d, "stats_rollup_open");
	diags_release(&d);
}

static void
test_rollup_by_level(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct stats_rollup r;
	size_t th = agg_row_of(LEVEL_TH), thcs = agg_row_of(LEVEL_THCS);
	/* T2 only submitted: not counted unless asked for. */
	rollup(&cv_so, "79", false, a, &r);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.agg->reported[AGG_ALL], 1);
	assert_string_equal(cell(a, &r, "hs_tong", AGG_ALL), "400");
	assert_string_equal(cell(a, &r, "hs_tong", thcs), "chưa có số liệu");
	stats_rollup_release(&r);
	rollup(&cv_so, "79", true, a, &r);
	assert_int_equal(r.agg->units[th], 3);
	assert_int_equal(r.agg->units[thcs], 1);
	assert_int_equal(r.agg->reported[AGG_ALL], 2);
	/* T2 in the TH row and the THCS row, once in all levels. */
	assert_string_equal(cell(a, &r, "hs_tong", th), "1.200");
	assert_string_equal(cell(a, &r, "hs_tong", thcs), "800");
	assert_string_equal(cell(a, &r, "hs_tong", AGG_ALL), "1.200");
	assert_string_equal(cell(a, &r, "hs_may_tinh", AGG_ALL),
			    "600 (50,00%)");
	assert_string_equal(cell(a, &r, "hs_internet", AGG_ALL),
			    "599 (49,92%)");
	assert_string_equal(cell(a, &r, "lms", AGG_ALL), "1 CSGD (50,00%)");
	assert_string_equal(cell(a, &r, "ty_trong_truc_tuyen", thcs),
			    "bình quân 7,50%");
	/* T3 has not reported: present, with no values. */
	assert_string_equal(r.info_of[2].code, "T3");
	assert_null(r.units[2].values);
	stats_rollup_release(&r);
	/* Phòng P2's only school has not reported: missing, not zero. */
	rollup(&cv_so, "P2", true, a, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(cell(a, &r, "hs_tong", AGG_ALL), "chưa có số liệu");
	assert_string_equal(cell(a, &r, "lms", AGG_ALL), "chưa có số liệu");
	stats_rollup_release(&r);
	arena_free(a);
}

/* A report sent again while the roll-up reads: the roll-up counts each
 * report with the values it had when the roll-up began, on both
 * backends; the next one sees the new values. */
static void
test_rollup_snapshot(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct stats_rollup r;
	struct db *w = NULL;
	struct diags d;
	diags_init(&d);
	fx_ok(db_open(ut_db_name(dbfile), false, &w, &d), &d, "writer");
	racer = w;
	rollup(&cv_so, "79", true, a, &r);
	assert_null(racer); /* the write came between the two reads */
	assert_int_equal(r.agg->reported[AGG_ALL], 2);
	assert_string_equal(cell(a, &r, "hs_tong", AGG_ALL), "1.200");
	stats_rollup_release(&r);
	rollup(&cv_so, "79", true, a, &r);
	assert_string_equal(cell(a, &r, "hs_tong", AGG_ALL), "1.300");
	stats_rollup_release(&r);
	db_close(w);
	diags_release(&d);
	arena_free(a);
}

static void
test_rollup_refused(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct stats_rollup r;
	struct diags d;
	diags_init(&d);
	/* A school account never reads an office's figures. */
	assert_int_equal(
		stats_rollup_open(&F.app, &F.ht, cid, "T1", true, a, &r, &d),
		TS_EFORBIDDEN);
	/* A reviewer of P1 reads its own subtree: T1 and T2. */
	rollup(&F.cv, NULL, true, a, &r);
	assert_int_equal(r.n, 2);
	stats_rollup_release(&r);
	/* A CĐS campaign is not a statistics one. */
	diags_release(&d);
	diags_init(&d);
	struct campaign_new c = { .owner_code = "79",
				  .rubric_ref = "qd4725-2022-pt",
				  .school_year = "2025-2026",
				  .title = "Tự đánh giá",
				  .opens = "2025-09-15",
				  .due = "2030-10-16",
				  .levels = LEVEL_TH };
	int64_t cds = 0;
	fx_ok(campaign_create(&F.app, &F.op, &c, &cds, &d), &d, "campaign");
	assert_int_equal(
		stats_rollup_open(&F.app, &cv_so, cds, "79", true, a, &r, &d),
		TS_ENOTFOUND);
	diags_release(&d);
	arena_free(a);
}

static void
test_drill(void **state)
{
	(void)state;
	approve_t2();
	struct arena *a = arena_new();
	struct stats_drill dr;
	struct diags d;
	diags_init(&d);
	fx_ok(stats_drill_open(&F.app, &cv_so, cid, "79", "hs_internet", false,
			       a, &dr, &d),
	      &d, "drill");
	/* One row per phòng, each over its subtree. */
	assert_int_equal(dr.nchildren, 2);
	assert_string_equal(dr.children[0].code, "P1");
	assert_int_equal(dr.children[0].nunits, 2);
	assert_int_equal(dr.children[0].nreported, 2);
	assert_string_equal(
		stats_cell_text(a, dr.it, &dr.children[0].cells[AGG_ALL]),
		"599 (49,92%)");
	assert_string_equal(dr.children[1].code, "P2");
	assert_int_equal(dr.children[1].nreported, 0);
	assert_string_equal(
		stats_cell_text(a, dr.it, &dr.children[1].cells[AGG_ALL]),
		"chưa có số liệu");
	assert_int_equal(dr.nmissing, 1);
	assert_string_equal(dr.missing[0]->code, "T3");
	stats_drill_release(&dr);
	/* Under P1 the schools are the root's own: one row. A THCS-only
	 * indicator misses no TH school. */
	fx_ok(stats_drill_open(&F.app, &cv_so, cid, "P1", "ty_trong_truc_tuyen",
			       false, a, &dr, &d),
	      &d, "drill P1");
	assert_int_equal(dr.nchildren, 1);
	assert_null(dr.children[0].code);
	assert_int_equal(dr.nmissing, 0);
	stats_drill_release(&dr);
	assert_int_equal(stats_drill_open(&F.app, &cv_so, cid, "79", "khong_co",
					  false, a, &dr, &d),
			 TS_ENOTFOUND);
	assert_diag(&d, "khong_co", "không có chỉ số này");
	diags_release(&d);
	arena_free(a);
}

static void
test_text(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct stats_rollup r;
	rollup(&cv_so, "79", true, a, &r);
	const struct indicator *mt = ind_find(r.info.set, "hs_may_tinh");
	const struct indicator *tt = ind_find(r.info.set,
					      "ty_trong_truc_tuyen");
	struct agg_cell c = { .units = 1 };
	/* Nobody answered: missing, never "0". */
	assert_string_equal(stats_cell_text(a, mt, &c), "chưa có số liệu");
	/* An answered zero is a zero. */
	c.answered = c.paired = 1;
	c.whole_sum = 800 * PTS_ONE;
	assert_string_equal(stats_cell_text(a, mt, &c), "0 (0,00%)");
	/* 25/800 = 3,125%: rounded half up, decimal comma; thousands dot. */
	c.sum = c.part_sum = 25 * PTS_ONE;
	assert_string_equal(stats_cell_text(a, mt, &c), "25 (3,13%)");
	c.sum = c.part_sum = 3050 * PTS_ONE;
	c.whole_sum = 3325 * PTS_ONE;
	assert_string_equal(stats_cell_text(a, mt, &c), "3.050 (91,73%)");
	assert_string_equal(stats_cell_fmt(a, mt, &c, STATS_NUM_RAW),
			    "3050 (91,73%)");
	/* A mean of percentages: 7,5 and 8,25 over two schools. */
	struct agg_cell p = { .units = 2, .answered = 2, .sum = 1575 };
	assert_string_equal(stats_cell_text(a, tt, &p), "bình quân 7,88%");
	assert_string_equal(stats_pct_fmt(a, 650, STATS_NUM_RAW), "6,50%");
	stats_rollup_release(&r);
	arena_free(a);
}

/* The target file's measure of `code` (target 1: students' and teachers'
 * devices and Internet). */
static const struct measure *
measure_of(const struct target_set *ts, const char *code)
{
	for (size_t i = 0; i < ts->n; i++)
		for (size_t k = 0; k < ts->v[i].nmeasures; k++)
			if (!ts->v[i].measures[k].office &&
			    strcmp(ts->v[i].measures[k].indicator->code,
				   code) == 0)
				return &ts->v[i].measures[k];
	fail_msg("no measure of %s", code);
	return NULL;
}

static void
test_targets(void **state)
{
	(void)state;
	approve_t2();
	struct arena *a = arena_new();
	struct stats_rollup r;
	struct ind_set *office = NULL;
	struct target_set *ts = NULL;
	struct diags d;
	char path[512];
	diags_init(&d);
	rollup(&cv_so, "79", false, a, &r);
	snprintf(path, sizeof(path), "%s/targets/qd131-2025.json",
		 F.app.data_dir);
	fx_ok(stats_targets_load(path, F.app.data_dir, r.info.set, &office, &ts,
				 &d),
	      &d, "stats_targets_load");
	assert_string_equal(office->id, "thong-ke-cds-co-quan");
	/* 600 of 1 200 students: exactly the 50% asked. */
	const struct measure *m = measure_of(ts, "hs_may_tinh");
	struct measure_eval e = target_measure(m, r.units, r.n, NULL, false);
	assert_int_equal(e.result, TARGET_MET);
	assert_string_equal(stats_measure_text(a, m, &e, false),
			    "hs_may_tinh: đạt (50,00%; 2/3 CSGD báo cáo)");
	/* 599 of 1 200: one student short. */
	m = measure_of(ts, "hs_internet");
	e = target_measure(m, r.units, r.n, NULL, false);
	assert_int_equal(e.short_by, 1);
	assert_string_equal(stats_measure_text(a, m, &e, false),
			    "hs_internet: tiến độ (49,92%; còn 0,08%, thiếu 1; "
			    "2/3 CSGD báo cáo)");
	e = target_measure(m, r.units, r.n, NULL, true);
	assert_int_equal(e.result, TARGET_NOT_MET);
	target_set_free(ts);
	ind_set_free(office);
	/* A file that is not there: refused, nothing left loaded. */
	assert_int_equal(stats_targets_load("/nonexistent/t.json",
					    F.app.data_dir, r.info.set, &office,
					    &ts, &d),
			 TS_ENOTFOUND);
	assert_null(office);
	stats_rollup_release(&r);
	diags_release(&d);
	arena_free(a);
}

static const char TYPED_2023[] = "{'values':{'gv_tong':2781,'gv_may_tinh':"
				 "2392,'hs_tong':47960,'hs_may_tinh':30214}}";

static enum ts_err
typed_save(const struct actor *who, const char *office, const char *year,
	   const char *sq, struct diags *d)
{
	char *json = ut_json(sq);
	enum ts_err e = stats_typed_save(&F.app, who, F.app.data_dir, office,
					 year, json, d);
	free(json);
	return e;
}

static void
test_typed(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	struct stats_typed t;
	diags_init(&d);
	const char *bad = "{'values':{'gv_tong':10,'gv_may_tinh':11}}";
	/* A part above its whole, a wrong year, a school, someone else's
	 * office: each refused, nothing written. */
	assert_int_equal(typed_save(&cv_so, "79", "2023-2024", bad, &d),
			 TS_EINVAL);
	assert_diag(&d, "gv_may_tinh", "lớn hơn “Tổng số giáo viên” (10)");
	assert_int_equal(typed_save(&cv_so, "79", "2023-2025", TYPED_2023, &d),
			 TS_EINVAL);
	assert_diag(&d, "2023-2025", "năm học phải có dạng 2022-2023");
	assert_int_equal(typed_save(&cv_so, "T1", "2023-2024", TYPED_2023, &d),
			 TS_EINVAL);
	assert_diag(&d, "T1", "chỉ cơ quan quản lý");
	assert_int_equal(typed_save(&cv_p2, "79", "2023-2024", TYPED_2023, &d),
			 TS_EFORBIDDEN);
	assert_int_equal(count("SELECT count(*) FROM stats_typed"), 0);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
			       "'stats.typed'"),
			 0);
	diags_release(&d);
	diags_init(&d);
	fx_ok(typed_save(&cv_so, "79", "2023-2024", TYPED_2023, &d), &d,
	      "typed");
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
			       "'stats.typed'"),
			 1);
	fx_ok(stats_typed_get(&F.app, &cv_so, "79", "2023-2024", a, &t, &d), &d,
	      "typed get");
	assert_non_null(strstr(t.json, "\"hs_tong\":47960"));
	assert_string_equal(t.by, "cv.so");
	fx_ok(stats_typed_get(&F.app, &cv_so, "79", "2022-2023", a, &t, &d), &d,
	      "typed get");
	assert_null(t.json);
	/* P2 reads its own, never the Sở's above it. */
	assert_int_equal(
		stats_typed_get(&F.app, &cv_p2, "79", "2023-2024", a, &t, &d),
		TS_EFORBIDDEN);
	diags_release(&d);
	arena_free(a);
}

static void
test_years(void **state)
{
	(void)state;
	approve_t2();
	struct diags d;
	struct arena *a = arena_new();
	struct stats_rollup r;
	struct stats_years ys;
	diags_init(&d);
	fx_ok(typed_save(&cv_so, "79", "2023-2024", TYPED_2023, &d), &d,
	      "typed");
	rollup(&cv_so, "79", false, a, &r);
	fx_ok(stats_years_open(&F.app, &cv_so, &r, NULL, "79", 2022, a, &ys,
			       &d),
	      &d, "years");
	assert_int_equal(ys.n, 4);
	const struct ind_set *s = r.info.set;
#define YT(i, code)                                                            \
	stats_year_text(a, &ys.v[i], s, code, SYP_CELL, STATS_NUM_VN)
	/* 2022-2023: no round, nothing typed: missing, not zero. */
	assert_string_equal(ys.v[0].year, "2022-2023");
	assert_string_equal(YT(0, "hs_tong"), "chưa có số liệu");
	/* 2023-2024: typed by the Sở. */
	assert_string_equal(YT(1, "hs_tong"), "47.960");
	assert_string_equal(YT(1, "hs_may_tinh"), "30.214 (63,00%)");
	assert_string_equal(ys.v[1].by, "cv.so");
	/* 2024-2025: last year's round, T1 alone of three schools. */
	assert_int_equal(ys.v[2].nrounds, 1);
	assert_int_equal(ys.v[2].reported, 1);
	assert_int_equal(ys.v[2].units, 3);
	assert_string_equal(YT(2, "hs_tong"), "400");
	/* 2025-2026: this round. */
	assert_string_equal(YT(3, "hs_tong"), "1.200");
	assert_string_equal(stats_year_text(a, &ys.v[3], s, "nen_tang",
					    SYP_DOMESTIC, STATS_NUM_VN),
			    "1");
#undef YT
	stats_years_release(&ys);
	stats_rollup_release(&r);
	diags_release(&d);
	arena_free(a);
}

/* One step of the workflow, as sub_approve sends it. */
static enum ts_err
job(const struct actor *who, enum sub_action act, const char *unit,
    int64_t expect, struct diags *d)
{
	struct sub_job j = { .k = &SUB_CDS,
			     .act = act,
			     .cid = cid,
			     .unit = unit,
			     .expect = expect };
	return sub_job_run(&F.app, who, &j, NULL, d);
}

static int64_t
revision(const char *unit)
{
	struct arena *a = arena_new();
	struct submission s;
	struct diags d;
	diags_init(&d);
	fx_ok(sub_open(&F.app, &F.op, cid, unit, ACT_VIEW, a, &s, &d), &d,
	      unit);
	int64_t r = s.revision;
	diags_release(&d);
	arena_free(a);
	return r;
}

static void
test_sub_job(void **state)
{
	(void)state;
	struct diags d;
	const char *approvals = "SELECT count(*) FROM audit WHERE action = "
				"'submission.approve'";
	int64_t before = count(approvals), rev = revision("T2");
	diags_init(&d);
	/* Wrong state (the row moved on, or not there yet): T1 is approved
	 * already, T2 is not yet. */
	assert_int_equal(job(&F.cv, ACT_APPROVE, "T1", -1, &d), TS_ESTALE);
	assert_diag(&d, "T1", "không thể phê duyệt: bản đã được phê duyệt");
	assert_int_equal(job(&cv_so, ACT_PUBLISH, "T2", -1, &d), TS_ESTALE);
	assert_diag(&d, "T2", "(trạng thái: Đã nộp)");
	/* Wrong scope: P2's reviewer over P1's school. */
	assert_int_equal(job(&cv_p2, ACT_APPROVE, "T2", -1, &d), TS_EFORBIDDEN);
	assert_diag(&d, "T2", "không thuộc phạm vi quản lý");
	/* The page showed an older revision: a lost race. */
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(job(&F.cv, ACT_APPROVE, "T2", rev - 1, &d), TS_ESTALE);
	assert_diag(&d, "T2", "(lần sửa 0, nay là lần sửa 1)");
	assert_int_equal(count(approvals), before);
	assert_int_equal(revision("T2"), rev);
	/* The right revision; the same request again is answered as the
	 * first and written once. */
	fx_ok(job(&F.cv, ACT_APPROVE, "T2", rev, &d), &d, "approve");
	fx_ok(job(&F.cv, ACT_APPROVE, "T2", rev, &d), &d, "approve again");
	assert_int_equal(count(approvals), before + 1);
	assert_int_equal(revision("T2"), rev + 1);
	/* Another step from the same old revision is stale. */
	assert_int_equal(job(&cv_so, ACT_PUBLISH, "T2", rev, &d), TS_ESTALE);
	diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rollup_by_level, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_rollup_snapshot,
						setup_file, teardown_file),
		cmocka_unit_test_setup_teardown(test_rollup_refused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_drill, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_targets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_typed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_years, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sub_job, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
