/*
 * The reviewer's desk through the library, on the fixture's tree
 * (app_fixture.h) with a Sở campaign: the work queue (work_queue.c:
 * filters, sorts, pages, next school), bulk approval
 * (work_queue_bulk.c), finding units (unit_search.c), the participants
 * in one state (campaign_units.c) and whose scope a participant is in
 * (campaign_scope.c).
 *
 *   P1: T1 approved, T2 submitted (TH, THCS), T4 draft (THCS, "Hướng
 *       Dương"), T5 not started ("Nguyễn Du"); P2: T3 submitted late,
 *       T7 a mầm non school outside the campaign ("Nguyễn Du" too).
 */
#include "app_fixture.h"

#include "../../src/app/submission.h"
#include "../../src/app/tasks.h"
#include "../../src/app/unit_search.h"
#include "../../src/app/work_queue.h"
#include "../../src/util/arena.h"

static struct fx F;
static struct actor ht2, ht3, ht4;
static int64_t cid;
static struct arena *A;

static void
add_schools(void)
{
	unsigned th = 0, thcs = 0, mn = 0;
	assert_true(school_levels_parse("TH", &th));
	assert_true(school_levels_parse("THCS", &thcs));
	assert_true(school_levels_parse("MN", &mn));
	fx_unit(&F, "T4", "Trường Trung học cơ sở Hướng Dương", KIND_TRUONG,
		"P1", thcs);
	fx_unit(&F, "T5", "Trường Tiểu học Nguyễn Du", KIND_TRUONG, "P1", th);
	fx_unit(&F, "T7", "Trường Mầm non Nguyễn Du", KIND_TRUONG, "P2", mn);
	fx_user(&F, "ht.t2", "T2", ROLE_SCHOOL_HEAD, &ht2);
	fx_user(&F, "ht.t3", "T3", ROLE_SCHOOL_HEAD, &ht3);
	fx_user(&F, "ht.t4", "T4", ROLE_SCHOOL_HEAD, &ht4);
}

static void
save_submit(const struct actor *who, const char *code, bool submit)
{
	struct diags d;
	char *json = fx_answers(6);
	diags_init(&d);
	fx_ok(sub_save(&F.app, who, cid, code, json, -1, &d), &d, code);
	if (submit)
		fx_ok(sub_submit(&F.app, who, cid, code, -1, NULL, &d), &d,
		      code);
	free(json);
	diags_release(&d);
}

/* The first submissions' days, fixed so the date sort is known. */
static void
set_submitted_at(const char *code, const char *at)
{
	struct db_stmt *st = db_prep(
		F.app.db, "UPDATE submission SET first_submitted_at = ? "
			  "WHERE unit_id = (SELECT id FROM org_unit WHERE code "
			  "= ?)");
	assert_non_null(st);
	db_bind_text(st, 1, at);
	db_bind_text(st, 2, code);
	assert_int_equal(db_exec_stmt(st), TS_OK);
}

static int
setup(void **state)
{
	(void)state;
	fx_open(&F);
	add_schools();
	cid = fx_campaign(&F, &F.so, "79");
	save_submit(&F.ht, "T1", true);
	save_submit(&ht2, "T2", true);
	save_submit(&ht4, "T4", false);
	struct diags d;
	diags_init(&d);
	fx_ok(sub_approve(&F.app, &F.cv, cid, "T1", -1, &d), &d, "approve");
	/* T3 submits after the due day. */
	struct campaign_edit late = { NULL, NULL, "2025-09-01", "2025-10-01",
				      NULL };
	fx_ok(campaign_update(&F.app, &F.so, cid, &late, &d), &d, "due");
	save_submit(&ht3, "T3", true);
	set_submitted_at("T1", "2025-09-20T01:00:00Z");
	set_submitted_at("T2", "2025-09-28T01:00:00Z");
	set_submitted_at("T3", "2025-10-05T01:00:00Z");
	A = arena_new();
	diags_release(&d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(A);
	fx_close(&F);
	return 0;
}

static const struct queue_filter ANY = { NULL, -1, -1, 0, 0, QS_CODE, false };

/* The codes of one queue page as "T1 T2", and its total. */
static const char *
queue(const struct actor *who, const struct queue_filter *f, size_t offset,
      size_t limit, size_t *total)
{
	struct list_page pg = { NULL, offset, limit, 0 };
	struct queue_row *rows = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	fx_ok(work_queue(&F.app, who, cid, f, &pg, A, &rows, &n, &d), &d,
	      "work_queue");
	diags_release(&d);
	char *s = arena_strdup(A, "");
	for (size_t i = 0; i < n; i++)
		s = arena_printf(A, "%s%s%s", s, i ? " " : "", rows[i].code);
	if (total)
		*total = pg.total;
	return s;
}

static void
test_queue_filters(void **state)
{
	(void)state;
	struct queue_filter f = ANY;
	size_t total = 0;
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T1 T2 T3 T4 T5");
	assert_int_equal(total, 5);
	/* A reviewer sees the schools under its Phòng only. */
	assert_string_equal(queue(&F.cv, &f, 0, 50, &total), "T1 T2 T4 T5");
	f.state = ST_SUBMITTED;
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T2 T3");
	f.state = ST_NONE;
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T5");
	f.state = -1;
	f.late = 1;
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T3");
	f.late = 0;
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T1 T2 T4 T5");
	f.late = -1;
	assert_true(school_levels_parse("THCS", &f.levels));
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T2 T4");
	f.levels = 0;
	f.under = "P2";
	assert_string_equal(queue(&F.so, &f, 0, 50, &total), "T3");
	f.under = "T2";
	assert_string_equal(queue(&F.cv, &f, 0, 50, &total), "T2");
}

static void
test_queue_sort_pages(void **state)
{
	(void)state;
	struct queue_filter f = ANY;
	size_t total = 0;
	f.desc = true;
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T5 T4 T3 T2 T1");
	/* By first submission; schools that never submitted last. */
	f.sort = QS_SUBMITTED;
	f.desc = false;
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T1 T2 T3 T4 T5");
	f.desc = true;
	assert_string_equal(queue(&F.op, &f, 0, 50, &total), "T3 T2 T1 T4 T5");
	/* Pages of two: no row twice, none left out, the total of all. */
	assert_string_equal(queue(&F.op, &f, 0, 2, &total), "T3 T2");
	assert_int_equal(total, 5);
	assert_string_equal(queue(&F.op, &f, 2, 2, &total), "T1 T4");
	assert_string_equal(queue(&F.op, &f, 4, 2, &total), "T5");
	assert_string_equal(queue(&F.op, &f, 6, 2, &total), "");
	assert_int_equal(total, 5);
	/* By reviewed points: the approved school first, T5 (no row) last. */
	f.sort = QS_SCORE;
	const char *s = queue(&F.op, &f, 0, 50, &total);
	assert_int_equal(strncmp(s, "T1 ", 3), 0);
	assert_string_equal(s + strlen(s) - 2, "T5");
}

/* The row itself: names, parent, state, lateness, revision, levels. */
static void
test_queue_row(void **state)
{
	(void)state;
	struct queue_filter f = ANY;
	struct list_page pg = { NULL, 0, 1, 0 };
	struct queue_row *r = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	f.under = "T3";
	fx_ok(work_queue(&F.app, &F.op, cid, &f, &pg, A, &r, &n, &d), &d,
	      "queue");
	assert_int_equal(n, 1);
	assert_string_equal(r->name, "Trường Tiểu học Ba");
	assert_string_equal(r->parent_name, "Phòng Giáo dục và Đào tạo Hai");
	assert_int_equal(r->state, ST_SUBMITTED);
	assert_true(r->late);
	assert_true(r->revision > 0);
	assert_true(r->self_level[0] > 0);
	assert_null(r->signed_at);
	assert_int_equal(r->confirmed, -1);
	diags_release(&d);
}

static void
test_queue_refusals(void **state)
{
	(void)state;
	struct queue_filter f = ANY;
	struct list_page pg = { NULL, 0, 10, 0 };
	struct queue_row *r = NULL;
	struct queue_pos pos;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	f.under = "P2";
	assert_int_equal(work_queue(&F.app, &F.cv, cid, &f, &pg, A, &r, &n, &d),
			 TS_EFORBIDDEN);
	assert_true(fx_said(&d, "đơn vị không thuộc phạm vi quản lý của tài "
				"khoản"));
	assert_string_equal(d.v[0].where, "P2");
	assert_int_equal(
		work_queue_next(&F.app, &F.cv, cid, &f, "T3", A, &pos, &d),
		TS_EFORBIDDEN);
	f.under = "X9";
	assert_int_equal(work_queue(&F.app, &F.op, cid, &f, &pg, A, &r, &n, &d),
			 TS_ENOTFOUND);
	assert_true(fx_said(&d, "X9"));
	f.under = NULL;
	assert_int_not_equal(
		work_queue(&F.app, &F.op, cid + 99, &f, &pg, A, &r, &n, &d),
		TS_OK);
	assert_int_equal(n, 0);
	diags_release(&d);
}

/* The school after `code` in queue f ("" when none); *in: whether the
 * filters match it. */
static const char *
next(const struct queue_filter *f, const char *code, bool *in)
{
	struct queue_pos pos;
	struct diags d;
	diags_init(&d);
	fx_ok(work_queue_next(&F.app, &F.op, cid, f, code, A, &pos, &d), &d,
	      code);
	diags_release(&d);
	*in = pos.in_queue;
	return pos.next_code ? pos.next_code : "";
}

static void
test_queue_next(void **state)
{
	(void)state;
	struct queue_filter f = ANY;
	bool in = false;
	f.state = ST_SUBMITTED;
	assert_string_equal(next(&f, "T2", &in), "T3");
	assert_true(in);
	assert_string_equal(next(&f, "T3", &in), "");
	assert_true(in);
	/* T1 is approved, so not in a "đã nộp" queue, yet "next" moves on
	 * from its place. */
	assert_string_equal(next(&f, "T1", &in), "T2");
	assert_false(in);
	f.sort = QS_SUBMITTED;
	f.desc = true;
	assert_string_equal(next(&f, "T3", &in), "T2");
	assert_string_equal(next(&f, "T2", &in), "");
	f.state = -1;
	assert_string_equal(next(&f, "T1", &in), "T4");
	assert_string_equal(next(&f, "T4", &in), "T5");
}

static int64_t
revision_of(const char *code)
{
	return fx_count(&F,
			"SELECT s.revision FROM submission s JOIN org_unit o "
			"ON o.id = s.unit_id WHERE o.code = ?",
			code);
}

static const char SQL_APPROVED[] = "SELECT count(*) FROM audit WHERE "
				   "action = 'submission.approve' AND "
				   "object LIKE ?";

/* Approving T2 with the revision its row showed, T1 (approved
 * already) and T3 (another Phòng's): only T2, each refusal said. */
static void
test_bulk_approve(void **state)
{
	(void)state;
	struct bulk_pick p[] = {
		{ "T2", revision_of("T2") },
		{ "T1", revision_of("T1") },
		{ "T3", revision_of("T3") },
	};
	struct bulk_result r[3];
	/* Checking only: what would happen, nothing written. */
	assert_int_equal(work_queue_bulk(&F.app, &F.cv, cid, ACT_APPROVE, p, 3,
					 false, A, r),
			 TS_OK);
	assert_true(r[0].ok);
	assert_string_equal(r[0].name, "Trường Tiểu học và THCS Hai");
	assert_int_equal(r[0].state, ST_SUBMITTED);
	assert_false(r[1].ok);
	assert_non_null(strstr(r[1].why, "đang ở trạng thái “Đã phê duyệt”"));
	assert_false(r[2].ok);
	assert_string_equal(r[2].why, "không được phê duyệt: đơn vị này không "
				      "thuộc phạm vi quản lý của tài khoản");
	assert_int_equal(fx_count(&F, SQL_APPROVED, "%T2%"), 0);
	/* Applied: T2 approved and audited once, the others untouched. */
	assert_int_equal(work_queue_bulk(&F.app, &F.cv, cid, ACT_APPROVE, p, 3,
					 true, A, r),
			 TS_OK);
	assert_true(r[0].ok);
	assert_int_equal(r[0].state, ST_APPROVED);
	assert_false(r[1].ok);
	assert_false(r[2].ok);
	assert_int_equal(fx_count(&F, SQL_APPROVED, "%T2%"), 1);
	assert_int_equal(fx_count(&F, SQL_APPROVED, "%T3%"), 0);
	assert_int_equal(fx_count(&F,
				  "SELECT count(*) FROM submission WHERE "
				  "state = 'submitted'",
				  NULL),
			 1);
}

/* A school whose revision changed since the list was shown is skipped
 * and said so; a step other than approve or publish is refused. */
static void
test_bulk_stale(void **state)
{
	(void)state;
	int64_t rev = revision_of("T3");
	struct bulk_pick p[] = { { "T3", rev - 1 } };
	struct bulk_result r[1];
	assert_int_equal(work_queue_bulk(&F.app, &F.so, cid, ACT_APPROVE, p, 1,
					 true, A, r),
			 TS_OK);
	assert_false(r[0].ok);
	char want[160];
	snprintf(want, sizeof(want),
		 "đã thay đổi từ khi danh sách được hiển thị (lần sửa %lld, "
		 "nay là lần sửa %lld)",
		 (long long)(rev - 1), (long long)rev);
	assert_non_null(strstr(r[0].why, want));
	assert_int_equal(r[0].state, ST_SUBMITTED);
	assert_int_equal(revision_of("T3"), rev);
	assert_int_equal(fx_count(&F, SQL_APPROVED, "%T3%"), 0);
	assert_int_equal(work_queue_bulk(&F.app, &F.so, cid, ACT_SUBMIT, p, 1,
					 true, A, r),
			 TS_EINVAL);
}

/* The codes of a search's hits, "T5 T7"; *more as unit_search says. */
static const char *
search(const struct actor *who, const char *text, size_t max, bool *more)
{
	struct unit_hit *h = NULL;
	size_t n = 0;
	bool m = false;
	assert_int_equal(
		unit_search(&F.app, who, text, cid, max, A, &h, &n, &m), TS_OK);
	char *s = arena_strdup(A, "");
	for (size_t i = 0; i < n; i++)
		s = arena_printf(A, "%s%s%s", s, i ? " " : "", h[i].code);
	if (more)
		*more = m;
	return s;
}

static void
test_unit_search(void **state)
{
	(void)state;
	bool more = false;
	/* Word prefixes: "ng" starts no word of "Hướng Dương". */
	assert_string_equal(search(&F.op, "ng du", 20, NULL), "T7 T5");
	assert_string_equal(search(&F.op, "huong duong", 20, NULL), "T4");
	assert_string_equal(
		search(&F.op, "truong tieu hoc nguyen du", 20, NULL), "T5");
	assert_string_equal(
		search(&F.op, "TRƯỜNG TIỂU HỌC NGUYỄN DU", 20, NULL), "T5");
	/* A code, exactly. */
	assert_string_equal(search(&F.op, "T3", 20, NULL), "T3");
	/* The actor's subtree only. */
	assert_string_equal(search(&F.cv, "nguyen du", 20, NULL), "T5");
	assert_string_equal(search(&F.ht, "truong", 20, NULL), "T1");
	assert_string_equal(search(&F.cv, "T3", 20, NULL), "");
	/* At most max, by name, and "more" said. */
	assert_string_equal(search(&F.op, "truong", 2, &more), "T7 T3");
	assert_true(more);
	search(&F.op, "truong", 20, &more);
	assert_false(more);
	struct unit_hit *h = NULL;
	size_t n = 0;
	assert_int_equal(
		unit_search(&F.app, &F.op, "\xff", cid, 5, A, &h, &n, &more),
		TS_EINVAL);
	assert_int_equal(n, 0);
}

/* In a campaign each hit says whether it takes part and its state. */
static void
test_unit_search_campaign(void **state)
{
	(void)state;
	struct unit_hit *h = NULL;
	size_t n = 0;
	bool more = false;
	assert_int_equal(unit_search(&F.app, &F.op, "nguyen du", cid, 5, A, &h,
				     &n, &more),
			 TS_OK);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].code, "T7");
	assert_false(h[0].in_campaign);
	assert_string_equal(h[1].code, "T5");
	assert_true(h[1].in_campaign);
	assert_int_equal(h[1].state, ST_NONE);
	assert_int_equal(h[1].kind, KIND_TRUONG);
	assert_string_equal(h[1].parent_name, "Phòng Giáo dục và Đào tạo Một");
	assert_int_equal(
		unit_search(&F.app, &F.op, "ba", cid, 5, A, &h, &n, &more),
		TS_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].state, ST_SUBMITTED);
	assert_int_equal(
		unit_search(&F.app, &F.op, "79", 0, 5, A, &h, &n, &more),
		TS_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].parent_name, "");
}

/* The participants in one state under the actor, by code. */
static const char *
units(const struct actor *who, enum sub_state s)
{
	struct unit_row *u = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	fx_ok(campaign_units(&F.app, who, cid, s, A, &u, &n, &d), &d, "units");
	diags_release(&d);
	char *out = arena_strdup(A, "");
	for (size_t i = 0; i < n; i++)
		out = arena_printf(A, "%s%s%s%s", out, i ? " " : "", u[i].code,
				   u[i].late ? "*" : "");
	return out;
}

static void
test_campaign_units(void **state)
{
	(void)state;
	assert_string_equal(units(&F.op, ST_SUBMITTED), "T2 T3*");
	assert_string_equal(units(&F.cv, ST_SUBMITTED), "T2");
	assert_string_equal(units(&F.cv, ST_NONE), "T5");
	assert_string_equal(units(&F.cv, ST_DRAFT), "T4");
	assert_string_equal(units(&F.so, ST_APPROVED), "T1");
	assert_string_equal(units(&F.ht, ST_APPROVED), "T1");
	assert_string_equal(units(&ht2, ST_APPROVED), "");
	struct unit_row *u = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	assert_int_not_equal(campaign_units(&F.app, &F.cv, cid + 99,
					    ST_SUBMITTED, A, &u, &n, &d),
			     TS_OK);
	assert_int_equal(n, 0);
	diags_release(&d);
}

static int64_t
unit_id(const char *code)
{
	return fx_count(&F, "SELECT id FROM org_unit WHERE code = ?", code);
}

static enum scope
scope(const struct actor *who, const char *code)
{
	enum scope s = SCOPE_OWN;
	assert_int_equal(campaign_scope(&F.app, who, cid, unit_id(code), &s),
			 TS_OK);
	return s;
}

/* By the path the campaign froze: a school that moved to P2 stays with
 * P1's reviewer for this campaign; a non-participant is not found. */
static void
test_campaign_scope(void **state)
{
	(void)state;
	struct diags d;
	enum scope s;
	diags_init(&d);
	assert_int_equal(scope(&F.cv, "T2"), SCOPE_BELOW);
	assert_int_equal(scope(&F.cv, "T3"), SCOPE_OUTSIDE);
	assert_int_equal(scope(&F.ht, "T1"), SCOPE_OWN);
	assert_int_equal(scope(&F.ht, "T2"), SCOPE_OUTSIDE);
	fx_ok(org_move(&F.app, &F.op, "T2", "P2", &d), &d, "move");
	assert_int_equal(scope(&F.cv, "T2"), SCOPE_BELOW);
	/* The school itself, wherever it went. */
	fx_ok(actor_load(&F.app, "ht.t2", &ht2, &d), &d, "reload");
	assert_int_equal(scope(&ht2, "T2"), SCOPE_OWN);
	assert_int_equal(campaign_scope(&F.app, &F.op, cid, unit_id("T7"), &s),
			 TS_ENOTFOUND);
	assert_int_equal(campaign_scope(&F.app, &F.op, cid, unit_id("P1"), &s),
			 TS_ENOTFOUND);
	diags_release(&d);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_queue_filters),
		T(test_queue_sort_pages),
		T(test_queue_row),
		T(test_queue_refusals),
		T(test_queue_next),
		T(test_bulk_approve),
		T(test_bulk_stale),
		T(test_unit_search),
		T(test_unit_search_campaign),
		T(test_campaign_units),
		T(test_campaign_scope),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
