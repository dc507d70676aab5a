/* truongso campaign create|edit|list|status */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/campaign.h"
#include "../app/org.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "cli.h"
#include "opts.h"
#include "table.h"

static int
create(struct app *app, const struct actor *who, int argc, char **argv)
{
	struct campaign_new n = { 0 };
	const char *levels = "", *by = NULL;
	const struct opt opts[] = {
		{ "owner", &n.owner_code, NULL },
		{ "rubric", &n.rubric_ref, NULL },
		{ "year", &n.school_year, NULL },
		{ "title", &n.title, NULL },
		{ "basis", &n.legal_basis, NULL },
		{ "levels", &levels, NULL },
		{ "opens", &n.opens, NULL },
		{ "due", &n.due, NULL },
		{ "review-due", &n.review_due, NULL },
		{ "review-by", &by, NULL },
		{ NULL, NULL, NULL },
	};
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	if (!school_levels_parse(levels, &n.levels))
		return cli_usage(
			"--levels không hợp lệ (MN, TH, THCS, THPT, GDTX)");
	if (!campaign_review_by_parse(by, &n.review_by_owner))
		return cli_usage("--review-by phải là tree (đơn vị quản lý "
				 "trực tiếp của từng trường) hoặc owner (đơn "
				 "vị chủ trì)");
	struct diags d;
	diags_init(&d);
	int64_t id = 0;
	enum ts_err e = campaign_create(app, who, &n, &id, &d);
	if (e == TS_OK)
		printf("Đã tạo đợt đánh giá số %lld: %s.\n", (long long)id,
		       n.title);
	return cli_fail(e, &d);
}

static int
edit(struct app *app, const struct actor *who, int argc, char **argv)
{
	struct campaign_edit c = { 0 };
	const struct opt opts[] = {
		{ "title", &c.title, NULL },
		{ "basis", &c.legal_basis, NULL },
		{ "opens", &c.opens, NULL },
		{ "due", &c.due, NULL },
		{ "review-due", &c.review_due, NULL },
		{ NULL, NULL, NULL },
	};
	const char *pos[1];
	int npos;
	char *end = NULL;
	if (opts_parse(argc, argv, opts, pos, 1, &npos) != EXIT_OK)
		return EXIT_INPUT;
	long long id = npos == 1 ? strtoll(pos[0], &end, 10) : 0;
	if (id <= 0 || *end != '\0')
		return cli_usage(
			"cách dùng: truongso campaign edit ID [--title "
			"TÊN] [--basis ...] [--opens NGÀY] [--due NGÀY] "
			"[--review-due NGÀY]");
	struct diags d;
	diags_init(&d);
	enum ts_err e = campaign_update(app, who, id, &c, &d);
	if (e == TS_OK)
		printf("Đã sửa đợt đánh giá số %lld.\n", id);
	return cli_fail(e, &d);
}

static void
vn_day(const char *iso, char *out)
{
	int64_t t;
	if (iso != NULL && ts_time_parse(iso, &t))
		ts_time_vn_date(t, out);
	else
		snprintf(out, TS_TIME_SIZE, "-");
}

static int
list(struct app *app, const struct actor *who)
{
	static const struct table_col cols[] = {
		{ "Số", 4, ALIGN_RIGHT },
		{ "Đợt đánh giá", 40, ALIGN_LEFT },
		{ "Năm học", 9, ALIGN_LEFT },
		{ "Bộ chỉ số", 18, ALIGN_LEFT },
		{ "Chủ trì", 24, ALIGN_LEFT },
		{ "Hạn nộp", 10, ALIGN_LEFT },
		{ "Đơn vị", 6, ALIGN_RIGHT },
	};
	struct arena *a = arena_new();
	struct campaign *v = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? campaign_list(app, who, a, &v, &n, &d) : TS_ENOMEM;
	struct table t;
	table_init(&t, cols, 7);
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		char id[24], rub[80], due[TS_TIME_SIZE], cnt[24];
		snprintf(id, sizeof(id), "%lld", (long long)v[i].id);
		snprintf(rub, sizeof(rub), "%s@%d", v[i].rubric_id,
			 v[i].rubric_version);
		snprintf(cnt, sizeof(cnt), "%lld", (long long)v[i].expected);
		vn_day(v[i].due_at, due);
		const char *cells[] = { id,  v[i].title,      v[i].school_year,
					rub, v[i].owner_name, due,
					cnt };
		table_row(&t, cells);
	}
	struct buf out;
	buf_init(&out, 0);
	if (e == TS_OK)
		table_render(&t, &out);
	table_release(&t);
	int rc = e == TS_OK ? cli_flush(&out) : cli_fail(e, &d);
	buf_release(&out);
	diags_release(&d);
	arena_free(a);
	return rc;
}

static void
status_row(struct table *t, const char *name, const char *code,
	   const struct completeness_row *r)
{
	char c[10][PTS_FMT_SIZE];
	size_t done = r->by_state[ST_SUBMITTED] + r->by_state[ST_RETURNED] +
		      r->by_state[ST_APPROVED] + r->by_state[ST_PUBLISHED];
	snprintf(c[0], 24, "%zu", r->expected);
	for (int s = ST_NONE; s <= ST_PUBLISHED; s++)
		snprintf(c[1 + s], 24, "%zu", r->by_state[s]);
	snprintf(c[7], 24, "%zu", r->late);
	pts_format_pct_vn(pts_percent((int64_t)done, (int64_t)r->expected),
			  c[8]);
	const char *cells[] = { name, code, c[0], c[1], c[2], c[3],
				c[4], c[5], c[6], c[7], c[8] };
	table_row(t, cells);
}

static int
status(struct app *app, const struct actor *who, int argc, char **argv)
{
	static const struct table_col cols[] = {
		{ "Đơn vị", 34, ALIGN_LEFT },
		{ "Mã", 9, ALIGN_LEFT },
		{ "Số đơn vị", 5, ALIGN_RIGHT },
		{ "Chưa bắt đầu", 6, ALIGN_RIGHT },
		{ "Bản nháp", 5, ALIGN_RIGHT },
		{ "Đã nộp", 5, ALIGN_RIGHT },
		{ "Trả lại", 5, ALIGN_RIGHT },
		{ "Đã phê duyệt", 6, ALIGN_RIGHT },
		{ "Đã công bố", 6, ALIGN_RIGHT },
		{ "Nộp muộn", 5, ALIGN_RIGHT },
		{ "Tỷ lệ đã nộp", 7, ALIGN_RIGHT },
	};
	const char *unit = NULL, *pos[1];
	int npos;
	const struct opt opts[] = { { "unit", &unit, NULL },
				    { NULL, NULL, NULL } };
	if (opts_parse(argc, argv, opts, pos, 1, &npos) != EXIT_OK || npos != 1)
		return cli_usage(
			"cách dùng: truongso campaign status ID [--unit MÃ]");
	long long id = cli_id(pos[0], "số đợt đánh giá");
	if (id == 0)
		return EXIT_INPUT;
	struct arena *a = arena_new();
	struct campaign_status st;
	struct campaign cp;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? campaign_get(app, who, id, a, &cp, &d) : TS_ENOMEM;
	if (e == TS_OK)
		e = campaign_status(app, who, id, unit, a, &st, &d);
	if (e != TS_OK) {
		arena_free(a);
		return cli_fail(e, &d);
	}
	char due[TS_TIME_SIZE];
	vn_day(cp.due_at, due);
	printf("Đợt %lld: %s (%s)\n", id, cp.title, cp.school_year);
	if (cp.legal_basis[0]) /* an empty basis is left out, not "-" */
		printf("Căn cứ: %s\n", cp.legal_basis);
	printf("Hạn nộp: %s. Phạm vi: %s\n", due, st.root_name);
	struct table t;
	table_init(&t, cols, 11);
	for (size_t i = 0; i < st.nrows; i++)
		status_row(&t, st.row_names[i], st.row_codes[i], &st.rows[i]);
	table_rule(&t);
	status_row(&t, "Tổng cộng", "", &st.total);
	struct buf out;
	buf_init(&out, 0);
	table_render(&t, &out);
	table_release(&t);
	int rc = cli_flush(&out);
	buf_release(&out);
	diags_release(&d);
	arena_free(a);
	return rc;
}

/* campaign add-unit ID MÃ: a late joiner (issue 17 item 8). */
static int
add_unit(struct app *app, const struct actor *who, int argc, char **argv)
{
	char *end = NULL;
	long long id = argc == 2 ? strtoll(argv[0], &end, 10) : 0;
	if (id <= 0 || *end != '\0')
		return cli_usage(
			"cách dùng: truongso campaign add-unit ID MÃ_ĐƠN_VỊ");
	struct diags d;
	char at[TS_TIME_SIZE], day[TS_TIME_SIZE];
	int64_t t = 0;
	diags_init(&d);
	enum ts_err e = campaign_join(app, who, id, argv[1], at, &d);
	if (e == TS_OK && ts_time_parse(at, &t))
		printf("Đã thêm %s vào đợt đánh giá số %lld, tham gia từ %s.\n",
		       argv[1], id, ts_time_vn_date(t, day));
	return cli_fail(e, &d);
}

int
cmd_campaign(struct cli *c, int argc, char **argv)
{
	if (argc < 1)
		return cli_usage(
			"cách dùng: truongso campaign create|edit|add-unit|list|status");
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	if (strcmp(argv[0], "create") == 0)
		rc = create(&app, &who, argc - 1, argv + 1);
	else if (strcmp(argv[0], "edit") == 0)
		rc = edit(&app, &who, argc - 1, argv + 1);
	else if (strcmp(argv[0], "list") == 0 && argc == 1)
		rc = list(&app, &who);
	else if (strcmp(argv[0], "status") == 0)
		rc = status(&app, &who, argc - 1, argv + 1);
	else if (strcmp(argv[0], "add-unit") == 0)
		rc = add_unit(&app, &who, argc - 1, argv + 1);
	else
		rc = cli_usage(
			"cách dùng: truongso campaign create|edit|add-unit|list|status");
	app_close(&app);
	return rc;
}
