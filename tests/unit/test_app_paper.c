/*
 * A school's paper trail through the library, on the fixture's tree
 * (app_fixture.h) with a Phòng P1 campaign (schools T1, T2): the signed
 * copy (signed_copy.c), the software inventory (software.c,
 * software_read.c), stored data files (stored_file.c) and a
 * submission's history and differences (submission_history.c).
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>

#include "app_fixture.h"
#include <stdio.h>

#include "../../src/app/campaign.h"
#include "../../src/app/signed_copy.h"
#include "../../src/app/software.h"
#include "../../src/app/stored_file.h"
#include "../../src/app/submission.h"
#include "../../src/app/work_queue.h"
#include "../../src/util/arena.h"

static struct fx F;
static struct actor ht2;
static int64_t cid;
static struct arena *A;
static char blobs[64]; /* the evidence store, a new directory */
static char pdf[96], txt[96];

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int
setup(void **state)
{
	(void)state;
	fx_open(&F);
	fx_user(&F, "ht.t2", "T2", ROLE_SCHOOL_HEAD, &ht2);
	cid = fx_campaign(&F, &F.p1, "P1");
	snprintf(blobs, sizeof(blobs), "/tmp/truongso-paper-XXXXXX");
	assert_non_null(mkdtemp(blobs));
	free(F.app.blob_dir);
	F.app.blob_dir = strdup(blobs);
	snprintf(pdf, sizeof(pdf), "%s/ban-ky.pdf", blobs);
	snprintf(txt, sizeof(txt), "%s/ghi-chu.txt", blobs);
	write_file(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
			"trailer << /Root 1 0 R >>\n%%EOF\n");
	write_file(txt, "Biên bản họp hội đồng tự đánh giá\n");
	A = arena_new();
	return 0;
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(A);
	fx_close(&F);
	return nftw(blobs, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static void
save_submit(const struct actor *who, const char *code, int v)
{
	struct diags d;
	char *json = fx_answers(v);
	diags_init(&d);
	fx_ok(sub_save(&F.app, who, cid, code, json, -1, &d), &d, code);
	fx_ok(sub_submit(&F.app, who, cid, code, -1, NULL, &d), &d, code);
	free(json);
	diags_release(&d);
}

static const char SQL_COPIES[] = "SELECT count(*) FROM signed_copy";

/* Audit rows of `action` on T1's `what` ("software" →
 * "software:<campaign>:T1"). */
static int64_t
audited(const char *action, const char *what)
{
	char *sql = arena_printf(A,
				 "SELECT count(*) FROM audit WHERE action = "
				 "'%s' AND object = ?",
				 action);
	char *obj = arena_printf(A, "%s:%lld:T1", what, (long long)cid);
	return fx_count(&F, sql, obj);
}

/* ---- signed_copy.c ---- */

/* Before the school submitted there is nothing to sign; only the
 * school's own users upload; only a PDF. Nothing is written. */
static void
test_signed_refusals(void **state)
{
	(void)state;
	struct signed_copy sc;
	struct diags d;
	diags_init(&d);
	assert_int_equal(
		signed_copy_put(&F.app, &F.ht, cid, "T1", pdf, NULL, &sc, &d),
		TS_EINVAL);
	assert_true(fx_said(&d,
			    "chỉ tải bản đã ký lên sau khi đã nộp bản tự "
			    "đánh giá (trạng thái hiện tại: Chưa bắt đầu)"));
	/* A draft, or a result sent back to the school, neither. */
	char *json = fx_answers(6);
	fx_ok(sub_save(&F.app, &F.ht, cid, "T1", json, -1, &d), &d, "save");
	free(json);
	assert_int_equal(
		signed_copy_put(&F.app, &F.ht, cid, "T1", pdf, NULL, &sc, &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "(trạng thái hiện tại: Bản nháp)"));
	fx_ok(sub_submit(&F.app, &F.ht, cid, "T1", -1, NULL, &d), &d, "submit");
	const struct review_reason why = { "*", "Hãy bổ sung minh chứng" };
	fx_ok(sub_return(&F.app, &F.cv, cid, "T1", &why, 1, -1, &d), &d,
	      "return");
	assert_int_equal(
		signed_copy_put(&F.app, &F.ht, cid, "T1", pdf, NULL, &sc, &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "(trạng thái hiện tại: Trả lại (yêu cầu bổ "
				"sung))"));
	save_submit(&F.ht, "T1", 6);
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(signed_copy_may_put(&F.app, &F.ht, cid, "T1", &d),
			 TS_OK);
	/* Another school's head, a reviewer, an admin above: refused
	 * before any file is read. */
	assert_int_equal(signed_copy_may_put(&F.app, &ht2, cid, "T1", &d),
			 TS_EFORBIDDEN);
	assert_int_equal(
		signed_copy_put(&F.app, &ht2, cid, "T1", pdf, NULL, &sc, &d),
		TS_EFORBIDDEN);
	assert_int_equal(
		signed_copy_put(&F.app, &F.cv, cid, "T1", pdf, NULL, &sc, &d),
		TS_EFORBIDDEN);
	assert_int_equal(signed_copy_may_put(&F.app, &F.p1, cid, "T1", &d),
			 TS_EFORBIDDEN);
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(
		signed_copy_put(&F.app, &F.ht, cid, "T1", txt, NULL, &sc, &d),
		TS_EINVAL);
	assert_true(fx_said(&d, "loại tệp này không được nhận (chỉ nhận tệp "
				"PDF, tối đa 20 MB)"));
	assert_string_equal(d.v[0].where, txt);
	assert_int_equal(sc.id, 0);
	assert_int_equal(fx_count(&F, SQL_COPIES, NULL), 0);
	assert_int_equal(audited("submission.signed", "submission"), 0);
	diags_release(&d);
}

static void
put(const char *name, struct signed_copy *sc)
{
	struct diags d;
	diags_init(&d);
	fx_ok(signed_copy_put(&F.app, &F.ht, cid, "T1", pdf, name, sc, &d), &d,
	      "put");
	diags_release(&d);
}

/* Stored as it is, under its hash; a second upload is a new row, the
 * latest one is the copy; whoever may see the reports reads it. */
static void
test_signed_put_get(void **state)
{
	(void)state;
	struct signed_copy a, b, got;
	char *blob = NULL;
	struct diags d;
	diags_init(&d);
	save_submit(&F.ht, "T1", 6);
	put("Báo cáo đã ký.pdf", &a);
	assert_true(a.id > 0);
	assert_int_equal(strlen(a.sha256), 64);
	put(NULL, &b);
	assert_true(b.id > a.id);
	assert_string_equal(a.sha256, b.sha256);
	assert_int_equal(fx_count(&F, SQL_COPIES, NULL), 2);
	assert_int_equal(audited("submission.signed", "submission"), 2);
	fx_ok(signed_copy_get(&F.app, &F.cv, cid, "T1", A, &got, &blob, &d), &d,
	      "get");
	assert_int_equal(got.id, b.id);
	assert_string_equal(got.name, "ban-ky.pdf");
	assert_string_equal(got.uploaded_by, "ht.t1");
	assert_int_equal(got.revision, b.revision);
	assert_non_null(blob);
	assert_non_null(strstr(blob, blobs));
	assert_int_equal(access(blob, R_OK), 0);
	free(blob);
	/* The queue shows it, and filters by it. */
	struct queue_filter f = { NULL, -1, -1, 0, 1, QS_CODE, false };
	struct list_page pg = { NULL, 0, 10, 0 };
	struct queue_row *rows = NULL;
	size_t n = 0;
	fx_ok(work_queue(&F.app, &F.cv, cid, &f, &pg, A, &rows, &n, &d), &d,
	      "queue");
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].code, "T1");
	assert_non_null(rows[0].signed_at);
	/* T2 has none; another school's head may not read T1's. */
	fx_ok(signed_copy_get(&F.app, &F.cv, cid, "T2", A, &got, NULL, &d), &d,
	      "get T2");
	assert_int_equal(got.id, 0);
	assert_int_equal(
		signed_copy_get(&F.app, &ht2, cid, "T1", A, &got, NULL, &d),
		TS_EFORBIDDEN);
	diags_release(&d);
}

/* ---- software.c, software_read.c ---- */

static const char *
parse_why(const char *line, struct software *r)
{
	const char *why = NULL;
	enum ts_err e = software_parse_line(A, line, r, &why);
	assert_int_equal(e, why ? TS_EINVAL : TS_OK);
	return why;
}

static void
test_software_parse(void **state)
{
	(void)state;
	struct software r;
	assert_null(parse_why("  SMAS ; Quản lý học sinh; Viettel; trong "
			      "nước; có; 15.000 đồng/học sinh/tháng; "
			      "27000000\r\n",
			      &r));
	assert_string_equal(r.name, "SMAS");
	assert_string_equal(r.purpose, "Quản lý học sinh");
	assert_string_equal(r.vendor, "Viettel");
	assert_true(r.domestic);
	assert_true(r.paid);
	assert_string_equal(r.fee, "15.000 đồng/học sinh/tháng");
	assert_int_equal(r.parents_total, 27000000);
	assert_null(
		parse_why("Zoom\tHọp trực tuyến\tZoom\tnước ngoài\tkhông", &r));
	assert_false(r.domestic);
	assert_false(r.paid);
	assert_string_equal(r.fee, "");
	assert_string_equal(parse_why("SMAS; Quản lý; Viettel", &r),
			    "cần ít nhất 5 phần: tên; mục đích; nhà cung "
			    "cấp; trong nước hoặc nước ngoài; có hoặc không "
			    "thu phí");
	assert_string_equal(
		parse_why("SMAS; Quản lý; Viettel; Việt Nam; có", &r),
		"phần thứ tư phải là \"trong nước\" hoặc \"nước "
		"ngoài\"");
	assert_string_equal(parse_why("SMAS; ; ; trong nước; miễn phí", &r),
			    "phần thứ năm (thu phí) phải là \"có\" hoặc "
			    "\"không\"");
	assert_string_equal(parse_why("SMAS; ; ; trong nước; có; 10k; 1,5 "
				      "triệu",
				      &r),
			    "tổng tiền thu phải là số đồng, chỉ gồm chữ số");
	assert_string_equal(parse_why("SMAS; ; ; trong nước; có; ; -5", &r),
			    "tổng tiền thu phải là số đồng, chỉ gồm chữ số");
}

static const struct software T1_ROWS[] = {
	{ "SMAS", "Quản lý học sinh", "Viettel", true, true,
	  "15.000 đồng/học sinh/tháng", 27000000 },
	{ "Zoom", "Họp trực tuyến", "Zoom", false, false, "", 0 },
};
static const struct software T2_ROWS[] = {
	{ "smas", "Sổ điểm", "Viettel", true, true, "10.000 đồng", 3000000 },
	{ "K12Online", "", "Viettel", true, false, "", 0 },
};

static const char SQL_SW[] = "SELECT count(*) FROM software";

static void
save_list(const struct actor *who, const char *code,
	  const struct software *rows, size_t n)
{
	struct diags d;
	diags_init(&d);
	fx_ok(software_save(&F.app, who, cid, code, rows, n, &d), &d, code);
	diags_release(&d);
}

/* Saved in order, replaced as a whole, summed per software (by its
 * accent-free name) with the fees parents paid. */
static void
test_software_save_list_sum(void **state)
{
	(void)state;
	struct software *rows = NULL;
	struct software_sum *sum = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	save_list(&F.ht, "T1", T1_ROWS, 2);
	save_list(&ht2, "T2", T2_ROWS, 2);
	fx_ok(software_list(&F.app, &F.cv, cid, "T1", A, &rows, &n, &d), &d,
	      "list");
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].name, "SMAS");
	assert_string_equal(rows[0].fee, "15.000 đồng/học sinh/tháng");
	assert_int_equal(rows[0].parents_total, 27000000);
	assert_string_equal(rows[1].name, "Zoom");
	assert_false(rows[1].domestic);
	fx_ok(software_summary(&F.app, &F.cv, cid, NULL, A, &sum, &n, &d), &d,
	      "summary");
	assert_int_equal(n, 3);
	assert_string_equal(sum[0].name, "SMAS");
	assert_int_equal(sum[0].schools, 2);
	assert_int_equal(sum[0].paying, 2);
	assert_int_equal(sum[0].parents_total, 30000000);
	assert_string_equal(sum[1].name, "K12Online");
	assert_int_equal(sum[1].schools, 1);
	assert_int_equal(sum[1].paying, 0);
	assert_int_equal(sum[2].parents_total, 0);
	fx_ok(software_summary(&F.app, &F.p1, cid, "T2", A, &sum, &n, &d), &d,
	      "summary T2");
	assert_int_equal(n, 2); /* one school each: by name */
	assert_string_equal(sum[1].name, "smas");
	assert_int_equal(sum[1].parents_total, 3000000);
	/* Replaced as a whole; n 0 clears it. */
	save_list(&F.ht, "T1", T1_ROWS + 1, 1);
	assert_int_equal(fx_count(&F, SQL_SW, NULL), 3);
	save_list(&F.ht, "T1", NULL, 0);
	assert_int_equal(fx_count(&F, SQL_SW, NULL), 2);
	assert_int_equal(audited("software.save", "software"), 3);
	diags_release(&d);
}

/* A bad row refuses the whole list, naming the row; others' lists and
 * sums are not theirs to change or read. Nothing is written. */
static void
test_software_refusals(void **state)
{
	(void)state;
	struct software bad[] = {
		T1_ROWS[0],
		{ "Zoom", "", "Zoom", false, false, "50.000 đồng", 0 },
	};
	struct software *rows = NULL;
	struct software_sum *sum = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	save_list(&F.ht, "T1", T1_ROWS, 2);
	assert_int_equal(software_save(&F.app, &F.ht, cid, "T1", bad, 2, &d),
			 TS_EINVAL);
	assert_string_equal(d.v[0].where, "phần mềm 2");
	assert_string_equal(d.v[0].msg, "phần mềm không thu phí thì không có "
					"mức phí, tổng tiền");
	bad[1].fee = "";
	bad[1].name = "";
	assert_int_equal(software_save(&F.app, &F.ht, cid, "T1", bad, 2, &d),
			 TS_EINVAL);
	assert_true(fx_said(&d, "chưa có tên phần mềm"));
	bad[1].name = "Zoom\x01";
	assert_int_equal(software_save(&F.app, &F.ht, cid, "T1", bad, 2, &d),
			 TS_EINVAL);
	assert_int_equal(software_save(&F.app, &F.ht, cid, "T1", T1_ROWS,
				       SOFTWARE_MAX + 1, &d),
			 TS_EINVAL);
	assert_true(fx_said(&d, "tối đa 100 phần mềm"));
	assert_int_equal(software_save(&F.app, &ht2, cid, "T1", T1_ROWS, 1, &d),
			 TS_EFORBIDDEN);
	assert_int_equal(
		software_save(&F.app, &F.cv, cid, "T1", T1_ROWS, 1, &d),
		TS_EFORBIDDEN);
	/* Still the first list, saved once. */
	fx_ok(software_list(&F.app, &F.ht, cid, "T1", A, &rows, &n, &d), &d,
	      "list");
	assert_int_equal(n, 2);
	assert_string_equal(rows[1].name, "Zoom");
	assert_string_equal(rows[1].fee, "");
	assert_int_equal(audited("software.save", "software"), 1);
	diags_release(&d);
	diags_init(&d);
	assert_int_equal(
		software_list(&F.app, &ht2, cid, "T1", A, &rows, &n, &d),
		TS_EFORBIDDEN);
	assert_int_equal(
		software_summary(&F.app, &F.cv, cid, "P2", A, &sum, &n, &d),
		TS_EFORBIDDEN);
	assert_int_equal(n, 0);
	diags_release(&d);
}

/* ---- stored_file.c ---- */

static void
test_stored_file(void **state)
{
	(void)state;
	static const char SQL_RUB[] = "SELECT count(*) FROM rubric WHERE id = "
				      "?";
	static const char A_BODY[] = "{\"id\":\"thu\",\"version\":1}";
	static const char B_BODY[] = "{\"id\":\"thu\",\"version\":1,\"x\":2}";
	struct diags d;
	diags_init(&d);
	fx_ok(stored_file_put(&F.app, STORED_RUBRIC, "thu", 1, A_BODY,
			      strlen(A_BODY), "data/rubrics/thu.json", &d),
	      &d, "put");
	/* The same again: kept once. */
	fx_ok(stored_file_put(&F.app, STORED_RUBRIC, "thu", 1, A_BODY,
			      strlen(A_BODY), "data/rubrics/thu.json", &d),
	      &d, "again");
	assert_int_equal(fx_count(&F, SQL_RUB, "thu"), 1);
	/* Edited in place without a new version: refused, the old body
	 * stays. */
	assert_int_equal(stored_file_put(&F.app, STORED_RUBRIC, "thu", 1,
					 B_BODY, strlen(B_BODY),
					 "data/rubrics/thu.json", &d),
			 TS_ECONFLICT);
	assert_string_equal(d.v[0].where, "data/rubrics/thu.json");
	assert_string_equal(d.v[0].msg, "tệp bộ chỉ số thu phiên bản 1 đã bị "
					"sửa mà không tăng phiên bản; hãy tăng "
					"\"version\"");
	assert_int_equal(fx_count(&F,
				  "SELECT count(*) FROM rubric WHERE id = ? "
				  "AND body LIKE '%\"x\"%'",
				  "thu"),
			 0);
	fx_ok(stored_file_put(&F.app, STORED_RUBRIC, "thu", 2, B_BODY,
			      strlen(B_BODY), "data/rubrics/thu.json", &d),
	      &d, "version 2");
	assert_int_equal(fx_count(&F, SQL_RUB, "thu"), 2);
	/* The indicator sets' table, its own words. */
	fx_ok(stored_file_put(&F.app, STORED_INDICATOR_SET, "tk", 1, A_BODY,
			      strlen(A_BODY), "tk.json", &d),
	      &d, "set");
	assert_int_equal(stored_file_put(&F.app, STORED_INDICATOR_SET, "tk", 1,
					 B_BODY, strlen(B_BODY), "tk.json", &d),
			 TS_ECONFLICT);
	assert_true(fx_said(&d, "tệp bộ chỉ số thống kê tk phiên bản 1"));
	diags_release(&d);
}

/* ---- submission_history.c ---- */

static void
open_t1(struct submission *s)
{
	struct diags d;
	diags_init(&d);
	fx_ok(sub_open(&F.app, &F.cv, cid, "T1", ACT_VIEW, A, s, &d), &d,
	      "open");
	diags_release(&d);
}

/* Submitted, returned with two reasons, changed and submitted again:
 * two snapshots, two notes, and the one item that changed. */
static void
test_history_diff(void **state)
{
	(void)state;
	const struct review_reason why[] = {
		{ "1.3", "Chưa có minh chứng cho tiêu chí 1.3" },
		{ "*", "Hãy rà soát lại toàn bộ" },
	};
	struct submission s;
	struct snapshot_info *snaps = NULL;
	struct review_info *notes = NULL;
	size_t ns = 0, nn = 0;
	struct sub_diff df;
	struct diags d;
	diags_init(&d);
	open_t1(&s);
	assert_int_equal(sub_history(&F.app, &s, A, &snaps, &ns, &notes, &nn),
			 TS_OK);
	assert_int_equal(ns + nn, 0);
	save_submit(&F.ht, "T1", 6);
	fx_ok(sub_return(&F.app, &F.cv, cid, "T1", why, 2, -1, &d), &d,
	      "return");
	save_submit(&F.ht, "T1", 2);
	open_t1(&s);
	assert_int_equal(sub_history(&F.app, &s, A, &snaps, &ns, &notes, &nn),
			 TS_OK);
	assert_int_equal(ns, 2);
	assert_int_equal(snaps[0].version, 1);
	assert_int_equal(snaps[1].version, 2);
	assert_string_equal(snaps[1].submitted_by, "ht.t1");
	assert_false(snaps[0].late);
	assert_int_equal(nn, 2);
	assert_string_equal(notes[0].criterion_id, "1.3");
	assert_string_equal(notes[0].text,
			    "Chưa có minh chứng cho tiêu chí 1.3");
	assert_string_equal(notes[1].author, "cv.p1");
	assert_int_equal(notes[1].version, 1);
	fx_ok(sub_diff(&F.app, &s, 1, 2, A, &df, &d), &d, "diff");
	assert_int_equal(df.n, 1);
	assert_string_equal(df.v[0].item->id, "1.3a");
	assert_true(df.v[0].points_before > df.v[0].points_after);
	sub_diff_release(&df);
	fx_ok(sub_diff(&F.app, &s, 2, 2, A, &df, &d), &d, "same");
	assert_int_equal(df.n, 0);
	sub_diff_release(&df);
	assert_int_equal(sub_diff(&F.app, &s, 1, 3, A, &df, &d), TS_ENOTFOUND);
	assert_string_equal(d.v[0].where, "T1");
	assert_string_equal(d.v[0].msg, "không có phiên bản 1 hoặc 3 (đã nộp 2 "
					"phiên bản)");
	diags_release(&d);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_signed_refusals),   T(test_signed_put_get),
		T(test_software_parse),	   T(test_software_save_list_sum),
		T(test_software_refusals), T(test_stored_file),
		T(test_history_diff),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
