/*
 * Campaigns (app/campaign.c) through the library, on an in-memory
 * database: creating one fixes its participants, who may create and
 * edit, and a database failure at any call leaves nothing half-written
 * (app_fixture.h).
 */
#include "app_fixture.h"

#include "../../src/app/campaign.h"
#include "../../src/util/arena.h"
#include "../../src/util/timeutil.h"

static struct fx F;

static int
setup(void **state)
{
	(void)state;
	fx_open(&F);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fx_close(&F);
	return 0;
}

static const struct campaign_new P1_CAMPAIGN = {
	"P1",		"qd4725-2022-pt",
	"2025-2026",	"Tự đánh giá chuyển đổi số",
	"Kế hoạch thử", 0,
	"2025-09-01",	"2025-12-31",
	NULL,		NULL,
	NULL,		false,
};

static void
test_create_and_edit(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	struct campaign c;
	int64_t id = 0;
	diags_init(&d);
	fx_ok(campaign_create(&F.app, &F.p1, &P1_CAMPAIGN, &id, &d), &d,
	      "create");
	struct campaign_edit e = { "Tên mới", NULL, NULL, "2026-01-15", NULL };
	fx_ok(campaign_update(&F.app, &F.so, id, &e, &d), &d, "edit");
	fx_ok(campaign_get(&F.app, &F.so, id, a, &c, &d), &d, "get");
	assert_string_equal(c.title, "Tên mới");
	/* The P1 schools take part, the P2 one does not. */
	struct db_stmt *st = db_prep(F.app.db,
				     "SELECT count(*) FROM "
				     "campaign_unit WHERE campaign_id = ?");
	db_bind_int(st, 1, id);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 2);
	db_done(st);
	arena_free(a);
	diags_release(&d);
}

static void
test_who_may(void **state)
{
	(void)state;
	struct diags d;
	int64_t id = 0;
	diags_init(&d);
	assert_int_equal(campaign_create(&F.app, &F.cv, &P1_CAMPAIGN, &id, &d),
			 TS_EFORBIDDEN);
	struct campaign_new so = P1_CAMPAIGN;
	so.owner_code = "79";
	assert_int_equal(campaign_create(&F.app, &F.p1, &so, &id, &d),
			 TS_EFORBIDDEN);
	assert_true(fx_said(&d, "đơn vị chủ trì"));
	diags_release(&d);
	diags_init(&d);
	fx_ok(campaign_create(&F.app, &F.so, &so, &id, &d), &d, "create");
	struct campaign_edit e = { "Không được", NULL, NULL, NULL, NULL };
	assert_int_equal(campaign_update(&F.app, &F.p1, id, &e, &d),
			 TS_EFORBIDDEN);
	diags_release(&d);
}

static int64_t
participants(int64_t id)
{
	struct db_stmt *st = db_prep(F.app.db,
				     "SELECT count(*) FROM "
				     "campaign_unit WHERE campaign_id = ?");
	db_bind_int(st, 1, id);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t n = db_col_int(st, 0);
	db_done(st);
	return n;
}

static void
pin(const char *iso)
{
	int64_t t;
	assert_true(ts_time_parse(iso, &t));
	ts_time_pin(t);
}

/* Campaign P1 created on 1/10/2099 (due 31/12/2099: after the fixture's
 * units, entered on the real clock), then school T4 of P1 entered on
 * 5/10; returns the campaign's id. */
static const struct campaign_new P1_LATER = {
	"P1",		"qd4725-2022-pt",
	"2099-2100",	"Tự đánh giá chuyển đổi số",
	"Kế hoạch thử", 0,
	"2099-09-01",	"2099-12-31",
	NULL,		NULL,
	NULL,		false,
};

static int64_t
late_school(void)
{
	struct diags d;
	int64_t id = 0;
	unsigned th = 0;
	diags_init(&d);
	pin("2099-10-01T02:00:00Z");
	fx_ok(campaign_create(&F.app, &F.p1, &P1_LATER, &id, &d), &d, "create");
	pin("2099-10-05T02:00:00Z");
	assert_true(school_levels_parse("TH", &th));
	fx_unit(&F, "T4", "Trường Tiểu học Bốn", KIND_TRUONG, "P1", th);
	diags_release(&d);
	return id;
}

/* The frozen path of unit code in campaign id. */
static void
frozen(int64_t id, const char *code, char *out, size_t size)
{
	struct db_stmt *st = db_prep(F.app.db,
				     "SELECT cu.path FROM "
				     "campaign_unit cu JOIN org_unit o ON "
				     "o.id = cu.unit_id WHERE cu.campaign_id "
				     "= ? AND o.code = ?");
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, code);
	assert_int_equal(db_step(st), DB_ROW);
	snprintf(out, size, "%s", db_col_text(st, 0));
	db_done(st);
}

static int64_t
create_opening(const char *opens, const char *due, bool by_owner)
{
	struct diags d;
	int64_t id = 0;
	struct campaign_new c = P1_CAMPAIGN;
	c.owner_code = "79";
	c.opens = opens;
	c.due = due;
	c.review_by_owner = by_owner;
	diags_init(&d);
	fx_ok(campaign_create(&F.app, &F.so, &c, &id, &d), &d, "create");
	diags_release(&d);
	return id;
}

/* Item 8: the owner adds a school entered after the campaign opened,
 * audited with the day it joined; a closed campaign takes none, so its
 * denominator never changes. */
static void
test_late_joiner(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	struct campaign c;
	char at[TS_TIME_SIZE];
	int64_t id = late_school();
	diags_init(&d);
	assert_int_equal(participants(id), 2);
	assert_int_equal(campaign_join(&F.app, &F.cv, id, "T4", at, &d),
			 TS_EFORBIDDEN); /* a reviewer is not the owner */
	assert_int_equal(campaign_join(&F.app, &F.p1, id, "T1", at, &d),
			 TS_EINVAL); /* there when the campaign was made */
	assert_true(fx_said(&d, "đã có từ trước khi mở đợt"));
	assert_int_equal(campaign_join(&F.app, &F.p1, id, "T3", at, &d),
			 TS_EINVAL); /* under P2, not the owner */
	assert_int_equal(participants(id), 2);
	diags_release(&d);
	diags_init(&d);
	fx_ok(campaign_join(&F.app, &F.p1, id, "T4", at, &d), &d, "join");
	assert_string_equal(at, "2099-10-05T02:00:00Z");
	assert_int_equal(participants(id), 3);
	fx_ok(campaign_get(&F.app, &F.so, id, a, &c, &d), &d, "get");
	assert_int_equal(c.expected, 3);
	struct db_stmt *st = db_prep(F.app.db, "SELECT detail FROM audit WHERE "
					       "action = 'campaign.join'");
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0),
			    "T4 Trường Tiểu học Bốn, tham "
			    "gia từ 05/10/2099 (2099-10-05T02:00:00Z)");
	db_done(st);
	assert_int_equal(campaign_join(&F.app, &F.p1, id, "T4", at, &d),
			 TS_ECONFLICT);
	/* After the deadline the campaign is closed: a school entered then
	 * is refused and the count stays. */
	unsigned th = 0;
	assert_true(school_levels_parse("TH", &th));
	pin("2100-01-01T02:00:00Z");
	fx_unit(&F, "T5", "Trường Tiểu học Năm", KIND_TRUONG, "P1", th);
	assert_int_equal(campaign_join(&F.app, &F.so, id, "T5", at, &d),
			 TS_EINVAL);
	assert_true(fx_said(&d, "đã hết hạn nộp (31/12/2099)"));
	assert_int_equal(participants(id), 3);
	fx_ok(campaign_get(&F.app, &F.so, id, a, &c, &d), &d, "get");
	assert_int_equal(c.expected, 3);
	ts_time_pin(0);
	arena_free(a);
	diags_release(&d);
}

/* A move's first day is neither before the unit existed nor before its
 * new parent did (issue 16, the admin page's move date). */
static void
refused_days(void)
{
	struct diags d;
	struct org_new x2 = { "X2", "UBND xã Hai", KIND_XA, "79",
			      0,    "2025-07-15" };
	int64_t id;
	diags_init(&d);
	fx_ok(org_add(&F.app, &F.op, &x2, &id, &d), &d, "X2");
	assert_int_equal(
		org_move_on(&F.app, &F.so, "T1", "P1", "2019-12-31", &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "trước ngày đơn vị bắt đầu hoạt động "
				"(01/01/2020)"));
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(
		org_move_on(&F.app, &F.so, "T1", "X2", "2025-07-10", &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "trước ngày đơn vị cấp trên mới X2 bắt đầu "
				"hoạt động (15/07/2025)"));
	diags_release(&d);
}

/* Issue 16: the Phòng closed on 30/6/2025 and T1 went to a commune
 * office from 1/7/2025. A campaign of 2024-2025 created after that still
 * freezes T1 under P1 (where it was on the opening day), one of
 * 2025-2026 under the commune; reviewed by the owner, directly under the
 * Sở. A move cannot start before the unit's current parent did. */
static void
test_tree_as_at_opening(void **state)
{
	(void)state;
	struct diags d;
	struct org_unit t1, p1, xa;
	struct arena *a = arena_new();
	char old_path[64], new_path[64], own_path[64], want[64];
	diags_init(&d);
	fx_unit(&F, "X1", "UBND phường Một", KIND_XA, "79", 0);
	int64_t t;
	assert_true(ts_time_parse("2025-08-01", &t));
	ts_time_pin(t);
	fx_ok(org_move_on(&F.app, &F.so, "T1", "X1", "2025-07-01", &d), &d,
	      "move");
	assert_int_equal(
		org_move_on(&F.app, &F.so, "T1", "P1", "2025-06-01", &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "ngày chuyển"));
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(
		org_move_on(&F.app, &F.so, "T1", "P1", "2025-09-01", &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "sau hôm nay"));
	refused_days();
	int64_t past = create_opening("2024-10-01", "2025-05-31", false);
	int64_t now = create_opening("2025-10-01", "2026-05-31", false);
	int64_t direct = create_opening("2025-10-01", "2026-05-31", true);
	ts_time_pin(0);
	assert_int_equal(org_find(&F.app, "T1", a, &t1), TS_OK);
	assert_int_equal(org_find(&F.app, "P1", a, &p1), TS_OK);
	assert_int_equal(org_find(&F.app, "X1", a, &xa), TS_OK);
	frozen(past, "T1", old_path, sizeof(old_path));
	frozen(now, "T1", new_path, sizeof(new_path));
	frozen(direct, "T1", own_path, sizeof(own_path));
	snprintf(want, sizeof(want), "%s%lld/", p1.path, (long long)t1.id);
	assert_string_equal(old_path, want);
	assert_string_equal(new_path, t1.path);
	assert_int_equal(scope_of(xa.path, new_path), SCOPE_BELOW);
	snprintf(want, sizeof(want), "/1/%lld/", (long long)t1.id);
	assert_string_equal(own_path, want);
	arena_free(a);
	diags_release(&d);
}

static int64_t join_id;

static enum ts_err
run_join(struct fx *f, struct diags *d)
{
	return campaign_join(&f->app, &f->p1, join_id, "T4", NULL, d);
}

/* The id campaign_create gave: on PostgreSQL not 1, as every failed run
 * of the loop before drew one from the identity sequence, which a rollback
 * does not give back. */
static int64_t created_id;

static enum ts_err
run_create(struct fx *f, struct diags *d)
{
	return campaign_create(&f->app, &f->p1, &P1_CAMPAIGN, &created_id, d);
}

static enum ts_err
run_edit(struct fx *f, struct diags *d)
{
	struct campaign_edit e = { "Tên sửa", "Căn cứ sửa", NULL, NULL, NULL };
	return campaign_update(&f->app, &f->so, created_id, &e, d);
}

static void
test_fault_injection(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	print_message("campaign_create: %ld database calls\n",
		      fx_fault_loop(&F, run_create, "campaign_create"));
	print_message("campaign_update: %ld database calls\n",
		      fx_fault_loop(&F, run_edit, "campaign_update"));
	join_id = late_school();
	print_message("campaign_join: %ld database calls\n",
		      fx_fault_loop(&F, run_join, "campaign_join"));
	ts_time_pin(0);
	diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_and_edit, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_who_may, setup, teardown),
		cmocka_unit_test_setup_teardown(test_late_joiner, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_tree_as_at_opening, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_fault_injection, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
