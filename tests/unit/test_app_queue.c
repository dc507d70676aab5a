/*
 * The reviewer's reading use cases through the app layer (issue 13, item
 * 6), on the small tree of app_fixture.h: the work queue and its next
 * school (work_queue.c), bulk approval (work_queue_bulk.c), the unit
 * search (unit_search.c), the audit log (audit_query.c), a submission's
 * history and differences (submission_history.c), a task's list of
 * units (campaign_units.c) and the signed copy (signed_copy.c).
 *
 *   campaign of Phòng P1 (2025-2026): T1 (TH) submitted with 1.3a = 6,
 *   returned ("*"), submitted again with 1.3a = 0 (version 2); T2 (TH,
 *   THCS) submitted once.
 */
#include "app_fixture.h"
#include "ut_answers.h"

#include "../../src/app/audit_query.h"
#include "../../src/app/campaign.h"
#include "../../src/app/signed_copy.h"
#include "../../src/app/submission.h"
#include "../../src/app/tasks.h"
#include "../../src/app/unit_search.h"
#include "../../src/app/work_queue.h"
#include "../../src/util/arena.h"

static struct fx F;
static struct actor ht_t2, cv_p2;
static int64_t cid;
static struct arena *A;

static const struct campaign_new P1_CAMPAIGN = {
	.owner_code = "P1",
	.rubric_ref = "qd4725-2022-pt",
	.school_year = "2025-2026",
	.title = "Tự đánh giá chuyển đổi số",
	.opens = "2025-09-01",
	.due = "2099-12-31",
};

static void
submit(const struct actor *head, const char *unit, int v)
{
	struct diags d;
	json_t *root = ut_example_answers();
	ut_answer_set(root, "1.3a", v);
	char *json = ut_answers_take(root);
	diags_init(&d);
	fx_ok(sub_save(&F.app, head, cid, unit, json, -1, &d), &d, "save");
	fx_ok(sub_submit(&F.app, head, cid, unit, -1, NULL, &d), &d, "submit");
	diags_release(&d);
	free(json);
}

static int
setup(void **state)
{
	(void)state;
	static const struct review_reason why[] = {
		{ "*", "Đề nghị kiểm tra lại tiêu chí 1.3." },
	};
	struct diags d;
	fx_open(&F);
	A = arena_new();
	fx_user(&F, "ht.t2", "T2", ROLE_SCHOOL_HEAD, &ht_t2);
	fx_user(&F, "cv.p2", "P2", ROLE_REVIEWER, &cv_p2);
	diags_init(&d);
	fx_ok(campaign_create(&F.app, &F.p1, &P1_CAMPAIGN, &cid, &d), &d,
	      "campaign");
	submit(&F.ht, "T1", 6);
	fx_ok(sub_return(&F.app, &F.cv, cid, "T1", why, 1, -1, &d), &d,
	      "return");
	submit(&F.ht, "T1", 0);
	submit(&ht_t2, "T2", 3);
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

static size_t
queue(const struct actor *who, const struct queue_filter *f, size_t limit,
      struct queue_row **rows, size_t *total)
{
	struct list_page pg = { .limit = limit };
	struct diags d;
	size_t n = 0;
	diags_init(&d);
	fx_ok(work_queue(&F.app, who, cid, f, &pg, A, rows, &n, &d), &d,
	      "work_queue");
	diags_release(&d);
	*total = pg.total;
	return n;
}

static void
test_queue(void **state)
{
	(void)state;
	struct queue_filter f = { .state = -1, .late = -1 };
	struct queue_row *r;
	size_t total;
	assert_int_equal(queue(&F.cv, &f, 10, &r, &total), 2);
	assert_int_equal(total, 2);
	assert_string_equal(r[0].code, "T1");
	assert_int_equal(r[0].state, ST_SUBMITTED);
	assert_string_equal(r[1].code, "T2");
	assert_int_equal(r[0].confirmed, -1); /* a CĐS campaign */
	/* One page of one row, the other sort order. */
	f.desc = true;
	assert_int_equal(queue(&F.cv, &f, 1, &r, &total), 1);
	assert_int_equal(total, 2);
	assert_string_equal(r[0].code, "T2");
	/* Only the THCS school; none returned any more. */
	f = (struct queue_filter){ .state = -1,
				   .late = -1,
				   .levels = LEVEL_THCS };
	assert_int_equal(queue(&F.cv, &f, 10, &r, &total), 1);
	assert_string_equal(r[0].code, "T2");
	f = (struct queue_filter){ .state = ST_RETURNED, .late = -1 };
	assert_int_equal(queue(&F.cv, &f, 10, &r, &total), 0);
	/* Phòng P2's reviewer does not see P1's campaign. */
	struct list_page pg = { .limit = 10 };
	struct diags d;
	size_t n;
	diags_init(&d);
	f = (struct queue_filter){ .under = "P1", .state = -1, .late = -1 };
	assert_int_equal(
		work_queue(&F.app, &cv_p2, cid, &f, &pg, A, &r, &n, &d),
		TS_ENOTFOUND);
	assert_diag(&d, "đợt 1", "không có đợt đánh giá này trong phạm vi");
	/* Nor P1's reviewer a unit outside P1. */
	f.under = "P2";
	assert_int_equal(work_queue(&F.app, &F.cv, cid, &f, &pg, A, &r, &n, &d),
			 TS_EFORBIDDEN);
	assert_diag(&d, "P2", "không thuộc phạm vi quản lý");
	diags_release(&d);
}

static void
test_queue_next(void **state)
{
	(void)state;
	struct queue_filter f = { .state = -1, .late = -1 };
	struct queue_pos pos;
	struct diags d;
	diags_init(&d);
	fx_ok(work_queue_next(&F.app, &F.cv, cid, &f, "T1", A, &pos, &d), &d,
	      "next");
	assert_true(pos.in_queue);
	assert_string_equal(pos.next_code, "T2");
	assert_string_equal(pos.next_name, "Trường Tiểu học và THCS Hai");
	fx_ok(work_queue_next(&F.app, &F.cv, cid, &f, "T2", A, &pos, &d), &d,
	      "next");
	assert_null(pos.next_code);
	/* T1 has no THCS: out of that queue, yet T2 still follows it. */
	f.levels = LEVEL_THCS;
	fx_ok(work_queue_next(&F.app, &F.cv, cid, &f, "T1", A, &pos, &d), &d,
	      "next");
	assert_false(pos.in_queue);
	assert_string_equal(pos.next_code, "T2");
	diags_release(&d);
}

static int64_t
revision(const char *unit)
{
	struct submission s;
	struct diags d;
	diags_init(&d);
	fx_ok(sub_open(&F.app, &F.op, cid, unit, ACT_VIEW, A, &s, &d), &d,
	      unit);
	diags_release(&d);
	return s.revision;
}

#define count(sql) fx_count(&F, (sql), NULL)

static void
test_bulk(void **state)
{
	(void)state;
	const char *approved = "SELECT count(*) FROM audit WHERE action = "
			       "'submission.approve'";
	/* T2's page showed an older revision. */
	struct bulk_pick p[] = { { "T1", revision("T1") },
				 { "T2", revision("T2") - 1 },
				 { "T3", 1 } };
	struct bulk_result out[3];
	/* Checking only: what would happen, nothing written. */
	assert_int_equal(work_queue_bulk(&F.app, &F.cv, cid, ACT_APPROVE, p, 3,
					 false, A, out),
			 TS_OK);
	assert_true(out[0].ok);
	assert_false(out[1].ok);
	assert_non_null(out[1].why);
	assert_false(out[2].ok); /* not in the campaign */
	assert_int_equal(count(approved), 0);
	assert_int_equal(work_queue_bulk(&F.app, &F.cv, cid, ACT_APPROVE, p, 3,
					 true, A, out),
			 TS_OK);
	assert_true(out[0].ok);
	assert_int_equal(out[0].state, ST_APPROVED);
	assert_false(out[1].ok);
	assert_int_equal(out[1].state, ST_SUBMITTED);
	assert_string_equal(out[1].name, "Trường Tiểu học và THCS Hai");
	assert_int_equal(count(approved), 1);
	/* Another Phòng's reviewer: every row skipped. */
	p[1].revision = revision("T2");
	assert_int_equal(work_queue_bulk(&F.app, &cv_p2, cid, ACT_APPROVE,
					 &p[1], 1, true, A, out),
			 TS_OK);
	assert_false(out[0].ok);
	assert_int_equal(count(approved), 1);
}

static size_t
search(const struct actor *who, const char *text, size_t max,
       struct unit_hit **hits, bool *more)
{
	size_t n = 0;
	assert_int_equal(
		unit_search(&F.app, who, text, cid, max, A, hits, &n, more),
		TS_OK);
	return n;
}

static void
test_search(void **state)
{
	(void)state;
	struct unit_hit *h;
	bool more;
	/* Without accents, word prefixes, by name. */
	assert_int_equal(search(&F.cv, "truong tieu", 10, &h, &more), 2);
	assert_false(more);
	assert_string_equal(h[0].code, "T1");
	assert_string_equal(h[1].code, "T2");
	assert_true(h[0].in_campaign);
	assert_int_equal(h[0].state, ST_SUBMITTED);
	assert_string_equal(h[0].parent_name, "Phòng Giáo dục và Đào tạo Một");
	/* P1's reviewer never finds P2's units; the operator does. */
	assert_int_equal(search(&F.cv, "Hai", 10, &h, &more), 1);
	assert_string_equal(h[0].code, "T2");
	assert_int_equal(search(&F.op, "hai", 10, &h, &more), 2);
	assert_int_equal(search(&F.op, "hai", 1, &h, &more), 1);
	assert_true(more);
	/* By code; T3 takes no part in P1's campaign. */
	assert_int_equal(search(&F.op, "T3", 10, &h, &more), 1);
	assert_false(h[0].in_campaign);
	assert_int_equal(search(&F.cv, "T3", 10, &h, &more), 0);
	size_t n;
	assert_int_equal(
		unit_search(&F.app, &F.op, "\xff", cid, 10, A, &h, &n, &more),
		TS_EINVAL);
}

static void
test_audit(void **state)
{
	(void)state;
	struct audit_entry *v;
	size_t n;
	struct diags d;
	struct audit_filter f = { .action = "submission.", .limit = 100 };
	diags_init(&d);
	/* The operator: every step (2 saves and 2 submits of T1, a return,
	 * T2's save and submit), newest first. */
	fx_ok(audit_list(&F.app, &F.op, &f, A, &v, &n, &d), &d, "audit");
	assert_int_equal(n, 7);
	assert_string_equal(v[0].actor, "ht.t2");
	assert_true(v[0].id > v[n - 1].id);
	/* One account's; P1's admin sees P1's accounts. */
	f.actor = "cv.p1";
	fx_ok(audit_list(&F.app, &F.p1, &f, A, &v, &n, &d), &d, "audit");
	assert_int_equal(n, 1);
	assert_string_equal(v[0].action, "submission.return");
	/* The operator added the units: P1's admin does not see it. */
	f = (struct audit_filter){ .action = "org.", .limit = 100 };
	fx_ok(audit_list(&F.app, &F.op, &f, A, &v, &n, &d), &d, "audit");
	assert_int_equal(n, 6);
	f.limit = 2;
	fx_ok(audit_list(&F.app, &F.op, &f, A, &v, &n, &d), &d, "audit");
	assert_int_equal(n, 2);
	fx_ok(audit_list(&F.app, &F.p1, &f, A, &v, &n, &d), &d, "audit");
	assert_int_equal(n, 0);
	/* A school head reads no log; P2's reviewer neither. */
	assert_int_equal(audit_list(&F.app, &F.ht, &f, A, &v, &n, &d),
			 TS_EFORBIDDEN);
	assert_int_equal(audit_list(&F.app, &cv_p2, &f, A, &v, &n, &d),
			 TS_EFORBIDDEN);
	diags_release(&d);
}

static void
test_history(void **state)
{
	(void)state;
	struct submission s;
	struct snapshot_info *snaps;
	struct review_info *notes;
	size_t ns, nn;
	struct diags d;
	diags_init(&d);
	fx_ok(sub_open(&F.app, &F.cv, cid, "T1", ACT_VIEW, A, &s, &d), &d,
	      "open");
	assert_int_equal(sub_history(&F.app, &s, A, &snaps, &ns, &notes, &nn),
			 TS_OK);
	assert_int_equal(ns, 2);
	assert_int_equal(snaps[0].version + snaps[1].version, 3);
	assert_string_equal(snaps[0].submitted_by, "ht.t1");
	assert_int_equal(nn, 1);
	assert_int_equal(notes[0].version, 1);
	assert_string_equal(notes[0].text,
			    "Đề nghị kiểm tra lại tiêu chí 1.3.");
	assert_string_equal(notes[0].author, "cv.p1");
	/* Between the versions only 1.3a moved: 6 points to 0. */
	struct sub_diff df;
	fx_ok(sub_diff(&F.app, &s, 1, 2, A, &df, &d), &d, "diff");
	assert_int_equal(df.n, 1);
	assert_string_equal(df.v[0].item->id, "1.3a");
	assert_int_equal(df.v[0].points_before, 6 * PTS_ONE);
	assert_int_equal(df.v[0].points_after, 0);
	sub_diff_release(&df);
	assert_int_equal(sub_diff(&F.app, &s, 1, 3, A, &df, &d), TS_ENOTFOUND);
	diags_release(&d);
}

static void
test_campaign_units(void **state)
{
	(void)state;
	struct unit_row *u;
	size_t n;
	struct diags d;
	diags_init(&d);
	fx_ok(campaign_units(&F.app, &F.cv, cid, ST_SUBMITTED, A, &u, &n, &d),
	      &d, "units");
	assert_int_equal(n, 2);
	assert_string_equal(u[0].code, "T1");
	assert_non_null(u[0].updated_at);
	fx_ok(campaign_units(&F.app, &F.cv, cid, ST_DRAFT, A, &u, &n, &d), &d,
	      "units");
	assert_int_equal(n, 0);
	/* A school's head sees its own school only. */
	fx_ok(campaign_units(&F.app, &F.ht, cid, ST_SUBMITTED, A, &u, &n, &d),
	      &d, "units");
	assert_int_equal(n, 1);
	assert_string_equal(u[0].code, "T1");
	diags_release(&d);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	static char text[256];
	assert_non_null(f);
	size_t n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* Only the school's own users upload, only a PDF, only once submitted;
 * the reviewer reads back the very bytes. */
static void
test_signed_copy(void **state)
{
	(void)state;
	static const char PDF[] = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n"
				  "<<>>\n%%EOF\n";
	char dir[64], pdf[96], txt[96], cmd[96];
	snprintf(dir, sizeof(dir), "/tmp/ts-signed-XXXXXX");
	assert_non_null(mkdtemp(dir));
	free(F.app.blob_dir); /* the blob store in the test's directory */
	snprintf(pdf, sizeof(pdf), "%s/blobs", dir);
	F.app.blob_dir = strdup(pdf);
	snprintf(pdf, sizeof(pdf), "%s/ban-ky.pdf", dir);
	snprintf(txt, sizeof(txt), "%s/ban-ky.txt", dir);
	write_file(pdf, PDF);
	write_file(txt, "không phải PDF\n");
	struct signed_copy c;
	struct diags d;
	diags_init(&d);
	assert_int_equal(
		signed_copy_put(&F.app, &ht_t2, cid, "T1", pdf, NULL, &c, &d),
		TS_EFORBIDDEN);
	assert_int_equal(
		signed_copy_put(&F.app, &F.cv, cid, "T1", pdf, NULL, &c, &d),
		TS_EFORBIDDEN);
	assert_int_equal(
		signed_copy_put(&F.app, &F.ht, cid, "T1", txt, NULL, &c, &d),
		TS_EINVAL);
	assert_diag(&d, NULL, "chỉ nhận tệp PDF");
	assert_int_equal(count("SELECT count(*) FROM signed_copy"), 0);
	diags_release(&d);
	diags_init(&d);
	fx_ok(signed_copy_put(&F.app, &F.ht, cid, "T1", pdf, "Bản ký.pdf", &c,
			      &d),
	      &d, "put");
	assert_true(c.id > 0);
	assert_int_equal(c.size, (int64_t)strlen(PDF));
	struct signed_copy got;
	char *blob = NULL;
	fx_ok(signed_copy_get(&F.app, &F.cv, cid, "T1", A, &got, &blob, &d), &d,
	      "get");
	assert_int_equal(got.id, c.id);
	assert_string_equal(got.sha256, c.sha256);
	assert_string_equal(got.uploaded_by, "ht.t1");
	assert_non_null(blob);
	assert_string_equal(read_file(blob), PDF);
	free(blob);
	/* T2 has none; P2's reviewer does not see T1's. */
	fx_ok(signed_copy_get(&F.app, &F.cv, cid, "T2", A, &got, NULL, &d), &d,
	      "get T2");
	assert_int_equal(got.id, 0);
	assert_int_not_equal(
		signed_copy_get(&F.app, &cv_p2, cid, "T1", A, &got, NULL, &d),
		TS_OK);
	diags_release(&d);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_queue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_queue_next, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bulk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_campaign_units, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_signed_copy, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
