/*
 * The write use cases moved onto the door after submissions (issue 13):
 * the statistics report's steps, evidence, report fields, the office's
 * statistics answers, sign-in, one's own password and the reset by code.
 * Each is failed at every database call in turn (app_fixture.h): nothing
 * half-written remains, and every failure is worded as the database's.
 */
#include "app_fixture.h"

#include "../../src/app/campaign.h"
#include "../../src/app/evidence.h"
#include "../../src/app/report.h"
#include "../../src/app/session.h"
#include "../../src/app/stats.h"
#include "../../src/app/submission.h"

static struct fx F;
static int64_t cds, tk; /* a CĐS and a statistics campaign of P1 */

static const struct campaign_new P1_CAMPAIGN = {
	"P1",		"qd4725-2022-pt",
	"2025-2026",	"Tự đánh giá chuyển đổi số",
	"Kế hoạch thử", 0,
	"2025-09-01",	"2099-12-31",
	NULL,		NULL,
	NULL,		false,
};

static int
setup(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	fx_open(&F);
	fx_ok(campaign_create(&F.app, &F.p1, &P1_CAMPAIGN, &cds, &d), &d,
	      "campaign");
	struct stats_campaign_new n = {
		.base = { .owner_code = "P1",
			  .rubric_ref = "qd4725-2022-pt",
			  .school_year = "2025-2026",
			  .title = "Thống kê",
			  .opens = "2025-09-15",
			  .due = "2099-10-16",
			  .levels = LEVEL_TH },
		.indicators_ref = "thong-ke-cds-truong",
		.period = "dau-nam",
	};
	fx_ok(stats_campaign_create(&F.app, &F.op, app_data_dir(), &n, &tk, &d),
	      &d, "stats campaign");
	fx_ok(sub_save(&F.app, &F.ht, cds, "T1",
		       "{\"format\":1,\"answers\":"
		       "{\"1.1\":{\"value\":true}}}",
		       -1, &d),
	      &d, "save");
	diags_release(&d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fx_close(&F);
	return 0;
}

/* Every required value of a TH school. */
static const char STATS_FULL[] =
	"{'format':1,'indicators':'thong-ke-cds-truong','values':{"
	"'cbgv_tong':52,'gv_tong':45,'gv_may_tinh':45,'gv_internet':44,"
	"'gv_chu_ky_so':30,'gv_tai_khoan_boi_duong':45,"
	"'gv_tap_huan_truc_tuyen':40,'gv_tap_huan_elearning':25,"
	"'cbgv_tap_huan_phan_mem':20,'cbgv_tap_huan_attt':52,'cbct_tong':1,"
	"'cbct_tap_huan':1,'gv_ho_so_so':45,'hs_tong':1000,'hs_may_tinh':610,"
	"'hs_internet':800,'hs_nen_tang':700,'hs_ho_so_so':1000,"
	"'lms':true,'lms_ten':[{'name':'VNEdu LMS','domestic':true}],"
	"'thi_may_tinh':true,'so_diem_dien_tu':true,"
	"'thu_phi_khong_tien_mat':true,'phong_studio':false,"
	"'hoc_lieu_tong':120,'hoc_lieu_nam_hoc':30,'nen_tang':[{'name':"
	"'VNEdu LMS','domestic':true}],'tin_hoc':'muc-2','pm_quan_tri':true,"
	"'chu_ky_so':true,'quan_tri_du_lieu':true,'csvc_ho_so_so':false,"
	"'wifi_mien_phi':true}}";

static enum ts_err
run_stats_save(struct fx *f, struct diags *d)
{
	char *json = ut_json(STATS_FULL);
	enum ts_err e = stats_save(&f->app, &f->ht, tk, "T1", json, -1, d);
	free(json);
	return e;
}

static enum ts_err
run_stats_submit(struct fx *f, struct diags *d)
{
	return stats_submit(&f->app, &f->ht, tk, "T1", -1, NULL, d);
}

static enum ts_err
run_stats_return(struct fx *f, struct diags *d)
{
	const struct review_reason r[] = { { "gv_tong", "Số giáo viên chưa "
							"khớp với hồ sơ" } };
	return stats_return(&f->app, &f->cv, tk, "T1", r, 1, -1, d);
}

static enum ts_err
run_office(struct fx *f, struct diags *d)
{
	return stats_office_save(&f->app, &f->cv, app_data_dir(), tk, "P1",
				 "thong-ke-cds-co-quan",
				 "{\"values\": {\"csdl_ket_noi\": true}}", d);
}

/* The fact run_fact added last: on PostgreSQL its id is not 1, as every
 * failed run of the loop before drew one from the identity sequence,
 * which a rollback does not give back. */
static struct evidence_added fact;

static enum ts_err
run_fact(struct fx *f, struct diags *d)
{
	return evidence_add_text(&f->app, &f->ht, cds, "T1", "1.1",
				 EVIDENCE_FACT, "Kế hoạch số 12/KH-THM", &fact,
				 d);
}

static enum ts_err
run_unlink(struct fx *f, struct diags *d)
{
	return evidence_remove(&f->app, &f->ht, cds, "T1", fact.id, "1.1", d);
}

static enum ts_err
run_fields(struct fx *f, struct diags *d)
{
	const char *names[] = { "so_ky_hieu" };
	const char *values[] = { "15/KH-THM" };
	return docfield_save(&f->app, &f->ht, cds, "T1", names, values, 1, d);
}

static enum ts_err
run_login(struct fx *f, struct diags *d)
{
	char token[SESSION_TOKEN_SIZE];
	unsigned slow = 0;
	return session_login(&f->app, "ht.t1", "matkhau123", "127.0.0.1", token,
			     &slow, d);
}

static struct session me;

static enum ts_err
run_password(struct fx *f, struct diags *d)
{
	return session_change_password(&f->app, &me, "matkhau123", "matkhau123",
				       d);
}

static char reset_code[RESET_CODE_SIZE];

static enum ts_err
run_reset(struct fx *f, struct diags *d)
{
	unsigned slow = 0;
	return user_reset_finish(&f->app, "ht.t1", reset_code, "matkhau456",
				 "127.0.0.1", &slow, d);
}

static void
loop(enum ts_err (*run)(struct fx *, struct diags *), const char *name)
{
	print_message("%s: %ld database calls\n", name,
		      fx_fault_loop(&F, run, name));
}

static void
test_stats(void **state)
{
	(void)state;
	loop(run_stats_save, "stats_save");
	loop(run_stats_submit, "stats_submit");
	loop(run_stats_return, "stats_return");
	loop(run_office, "stats_office_save");
}

static void
test_evidence_and_fields(void **state)
{
	(void)state;
	loop(run_fact, "evidence_add_text");
	loop(run_unlink, "evidence_remove");
	loop(run_fields, "docfield_save");
}

static void
test_sessions(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	/* The fixture's accounts have a made-up hash: give ht.t1 a real
	 * one, with today's parameters (a sign-in would remake an older one,
	 * best effort, outside the door). */
	char *h = password_hash("matkhau123");
	struct db_stmt *st = db_prep(F.app.db, "UPDATE app_user SET pw_hash "
					       "= ? WHERE login = 'ht.t1'");
	db_bind_text(st, 1, h);
	assert_int_equal(db_exec_stmt(st), TS_OK);
	free(h);
	loop(run_login, "session_login");
	me.who = F.ht;
	loop(run_password, "session_change_password");
	int64_t expires = 0;
	fx_ok(user_reset_start(&F.app, &F.p1, "ht.t1", reset_code, &expires,
			       &d),
	      &d, "reset code");
	loop(run_reset, "user_reset_finish");
	diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence_and_fields, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
