/*
 * The software a school uses (software.c, software_read.c) and the org
 * tree's reads (org.c: org_list, org_search) through the app layer (issue
 * 13, item 6), on the small tree of app_fixture.h and a campaign of Phòng
 * P1: a line parsed or refused with its reason, a list saved only by the
 * school's own users, and the office's sum per software by hand:
 *
 *   T1: SMAS (trong nước, có phí, 1 200 000 đồng), Zoom (nước ngoài)
 *   T2: "phần mềm smas" (the same software), 800 000 đồng
 */
#include "app_fixture.h"

#include "../../src/app/campaign.h"
#include "../../src/app/software.h"
#include "../../src/util/arena.h"

static struct fx F;
static struct actor ht_t2;
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

static int
setup(void **state)
{
	(void)state;
	struct diags d;
	fx_open(&F);
	A = arena_new();
	fx_user(&F, "ht.t2", "T2", ROLE_SCHOOL_HEAD, &ht_t2);
	diags_init(&d);
	fx_ok(campaign_create(&F.app, &F.p1, &P1_CAMPAIGN, &cid, &d), &d,
	      "campaign");
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

static struct software
line(const char *text)
{
	struct software s;
	const char *why = NULL;
	if (software_parse_line(A, text, &s, &why) != TS_OK)
		fail_msg("%s: %s", text, why ? why : "?");
	return s;
}

static const char *
refused(const char *text)
{
	struct software s;
	const char *why = NULL;
	assert_int_equal(software_parse_line(A, text, &s, &why), TS_EINVAL);
	assert_non_null(why);
	return why;
}

static void
test_parse(void **state)
{
	(void)state;
	struct software s = line("Phần mềm SMAS; Quản lý học sinh; Viettel; "
				 "trong nước; có; 15.000 đồng/tháng; 1200000");
	assert_string_equal(s.name, "Phần mềm SMAS");
	assert_string_equal(s.vendor, "Viettel");
	assert_true(s.domestic);
	assert_true(s.paid);
	assert_string_equal(s.fee, "15.000 đồng/tháng");
	assert_int_equal(s.parents_total, 1200000);
	s = line("Zoom\tHọp trực tuyến\tZoom Video\tnước ngoài\tkhông");
	assert_false(s.domestic);
	assert_false(s.paid);
	assert_int_equal(s.parents_total, 0);
	assert_non_null(strstr(refused("Zoom; Họp"), "ít nhất 5 phần"));
	assert_non_null(
		strstr(refused("Zoom; Họp; Zoom; Mỹ; không"), "phần thứ tư"));
	assert_non_null(strstr(refused("Zoom; Họp; Zoom; nước ngoài; miễn"),
			       "phần thứ năm"));
	assert_non_null(strstr(refused("A; B; C; trong nước; có; 1 đ; 12,5"),
			       "số đồng"));
}

static enum ts_err
save(const struct actor *who, const char *unit, const char *const *lines,
     size_t n, struct diags *d)
{
	struct software rows[4];
	for (size_t i = 0; i < n; i++)
		rows[i] = line(lines[i]);
	return software_save(&F.app, who, cid, unit, rows, n, d);
}

static const char *const T1[] = {
	"Phần mềm SMAS; Quản lý học sinh; Viettel; trong nước; có; "
	"15.000 đồng/tháng; 1200000",
	"Zoom; Họp trực tuyến; Zoom Video; nước ngoài; không",
};
static const char *const T2[] = {
	"phần mềm smas; Sổ điểm; Viettel; trong nước; có; 10.000 đồng; 800000",
};

static void
test_save_and_sum(void **state)
{
	(void)state;
	struct diags d;
	struct software *v;
	struct software_sum *sum;
	size_t n;
	diags_init(&d);
	/* Another school's head, the Phòng's reviewer: refused. */
	assert_int_equal(save(&ht_t2, "T1", T1, 2, &d), TS_EFORBIDDEN);
	assert_int_equal(save(&F.cv, "T1", T1, 2, &d), TS_EFORBIDDEN);
	assert_int_equal(fx_count(&F, "SELECT count(*) FROM software", NULL),
			 0);
	diags_release(&d);
	diags_init(&d);
	fx_ok(save(&F.ht, "T1", T1, 2, &d), &d, "T1");
	fx_ok(save(&ht_t2, "T2", T2, 1, &d), &d, "T2");
	fx_ok(software_list(&F.app, &F.cv, cid, "T1", A, &v, &n, &d), &d,
	      "list");
	assert_int_equal(n, 2);
	assert_string_equal(v[1].name, "Zoom");
	fx_ok(software_summary(&F.app, &F.cv, cid, NULL, A, &sum, &n, &d), &d,
	      "summary");
	assert_int_equal(n, 2);
	assert_string_equal(sum[0].name, "Phần mềm SMAS");
	assert_int_equal(sum[0].schools, 2);
	assert_int_equal(sum[0].paying, 2);
	assert_int_equal(sum[0].parents_total, 2000000);
	assert_true(sum[0].domestic);
	assert_int_equal(sum[1].schools, 1);
	assert_int_equal(sum[1].paying, 0);
	/* Saving nothing clears the list. */
	fx_ok(save(&F.ht, "T1", T1, 0, &d), &d, "clear");
	fx_ok(software_list(&F.app, &F.ht, cid, "T1", A, &v, &n, &d), &d,
	      "list");
	assert_int_equal(n, 0);
	/* A school's head does not read the office's sum. */
	assert_int_not_equal(
		software_summary(&F.app, &F.ht, cid, "P1", A, &sum, &n, &d),
		TS_OK);
	diags_release(&d);
}

static void
test_org_reads(void **state)
{
	(void)state;
	struct org_unit *u;
	size_t n;
	struct diags d;
	diags_init(&d);
	/* P1's subtree in tree order; the operator sees all six. */
	fx_ok(org_list(&F.app, &F.cv, NULL, A, &u, &n, &d), &d, "list");
	assert_int_equal(n, 3);
	assert_string_equal(u[0].code, "P1");
	fx_ok(org_list(&F.app, &F.op, NULL, A, &u, &n, &d), &d, "list");
	assert_int_equal(n, 6);
	assert_string_equal(u[0].code, "79");
	assert_int_not_equal(org_list(&F.app, &F.cv, "P2", A, &u, &n, &d),
			     TS_OK);
	/* Names without accents, inside the subtree only. */
	assert_int_equal(org_search(&F.app, &F.cv, "tieu hoc", A, &u, &n),
			 TS_OK);
	assert_int_equal(n, 2);
	assert_int_equal(org_search(&F.app, &F.op, "hai", A, &u, &n), TS_OK);
	assert_int_equal(n, 2);
	assert_int_equal(org_search(&F.app, &F.cv, "ba", A, &u, &n), TS_OK);
	assert_int_equal(n, 0);
	diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_parse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_and_sum, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_org_reads, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
