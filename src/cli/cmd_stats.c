/* truongso stats create | show|save|submit|return|approve CAMPAIGN UNIT ...
 * (statistics campaigns, app/stats.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/fileio.h"
#include "../app/org.h"
#include "../app/stats.h"
#include "../core/rubric.h"
#include "../util/arena.h"
#include "cli.h"
#include "cli_stats.h"
#include "opts.h"

static int
create(struct cli *c, struct app *app, const struct actor *who, int argc,
       char **argv)
{
	struct stats_campaign_new n = { 0 };
	const char *levels = "";
	const struct opt opts[] = {
		{ "owner", &n.base.owner_code, NULL },
		{ "rubric", &n.base.rubric_ref, NULL },
		{ "indicators", &n.indicators_ref, NULL },
		{ "period", &n.period, NULL },
		{ "as-of", &n.as_of, NULL },
		{ "year", &n.base.school_year, NULL },
		{ "title", &n.base.title, NULL },
		{ "basis", &n.base.legal_basis, NULL },
		{ "levels", &levels, NULL },
		{ "opens", &n.base.opens, NULL },
		{ "due", &n.base.due, NULL },
		{ "review-due", &n.base.review_due, NULL },
		{ NULL, NULL, NULL },
	};
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	if (!school_levels_parse(levels, &n.base.levels))
		return cli_usage(
			"--levels không hợp lệ (MN, TH, THCS, THPT, GDTX)");
	struct diags d;
	diags_init(&d);
	int64_t id = 0;
	enum ts_err e = stats_campaign_create(app, who, c->data_dir, &n, &id,
					      &d);
	if (e == TS_OK)
		printf("Đã tạo đợt thống kê số %lld: %s.\n", (long long)id,
		       n.base.title);
	return cli_fail(e, &d);
}

/* The text of the option chosen. */
static void
print_choice(const struct indicator *it, const struct ind_value *x)
{
	for (size_t i = 0; i < it->noptions; i++)
		if (strcmp(it->options[i].id, x->text) == 0)
			printf("%s", it->options[i].text);
}

/* "A; B (trong nước)", or "(không có)". */
static void
print_names(const struct ind_value *x)
{
	for (size_t i = 0; i < x->nnames; i++)
		printf("%s%s%s", i ? "; " : "", x->names[i].name,
		       x->names[i].domestic ? " (trong nước)" : "");
	if (x->nnames == 0)
		printf("(không có)");
}

static void
print_value(const struct indicator *it, const struct ind_value *x)
{
	char n[PTS_FMT_SIZE];
	if (x == NULL || !x->present) {
		printf("(chưa nhập)");
		return;
	}
	switch (it->type) {
	case IND_COUNT:
		printf("%s %s", num_format_vn(x->num / PTS_ONE * PTS_ONE, n),
		       it->unit);
		break;
	case IND_PERCENT: printf("%s", pts_format_pct_vn(x->num, n)); break;
	case IND_YESNO: printf("%s", x->yes ? "Có" : "Không"); break;
	case IND_CHOICE: print_choice(it, x); break;
	case IND_TEXT: printf("%s", x->text); break;
	case IND_NAMES: print_names(x); break;
	}
}

static void
print_prefill(const struct stats_view *v, const struct indicator *it)
{
	char p[PTS_FMT_SIZE], m[PTS_FMT_SIZE];
	for (size_t k = 0; k < v->nprefill; k++) {
		const struct ind_prefill_line *l = &v->prefill[k];
		if (l->indicator != it)
			continue;
		printf("\n      theo tự đánh giá CĐS (đợt %lld, %s %s): ",
		       (long long)v->cds_campaign, it->prefill_rubric,
		       l->item->id);
		if (l->answered)
			printf("%s/%s điểm%s", pts_format_vn(l->points, p),
			       pts_format_vn(l->item->max, m),
			       l->used ? " — điền sẵn" : "");
		else
			printf("chưa chấm");
	}
}

static void
print_diags(const char *title, const struct diags *d)
{
	if (d->n > 0)
		printf("\n%s:\n", title);
	for (size_t i = 0; i < d->n; i++)
		printf("  - %s: %s\n", d->v[i].where, d->v[i].msg);
}

static int
show(struct app *app, const struct actor *who, long long cid, const char *unit)
{
	struct arena *a = arena_new();
	struct stats_view v;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? stats_view_open(app, who, cid, unit, a, &v, &d)
			  : TS_ENOMEM;
	if (e == TS_OK) {
		const struct ind_set *s = v.info.set;
		printf("Đợt %lld: %s (%s, kỳ %s, số liệu ngày %s)\nĐơn vị: %s "
		       "— %s\nTrạng thái: %s\n",
		       cid, v.sub.campaign.title, v.sub.campaign.school_year,
		       v.info.period, v.info.as_of, v.sub.unit.code,
		       v.sub.unit.name, sub_state_name(v.sub.state));
		for (size_t i = 0; i < s->n; i++) {
			const struct indicator *it = s->v[i];
			printf("  %-24s ", it->code);
			print_value(it, &v.values->v[i]);
			print_prefill(&v, it);
			printf("\n");
		}
		print_diags("Lỗi (phải sửa trước khi nộp)", &v.check.errors);
		print_diags("Cần xác nhận (lệch xa kỳ trước)",
			    &v.check.unconfirmed);
		print_diags("Đã xác nhận", &v.check.confirmed);
	}
	if (e == TS_OK)
		stats_view_release(&v);
	arena_free(a);
	return cli_fail(e, &d);
}

/* "--reason gv_tong=Sai số liệu" pairs. */
static int
return_cmd(struct app *app, const struct actor *who, long long cid,
	   const char *unit, int argc, char **argv)
{
	struct review_reason r[CLI_REASONS_MAX];
	size_t n = 0;
	int rc = cli_reasons(argc, argv, "MÃ_CHỈ_SỐ", r, &n);
	if (rc != EXIT_OK)
		return rc;
	struct diags d;
	diags_init(&d);
	enum ts_err e = stats_return(app, who, cid, unit, r, n, -1, &d);
	if (e == TS_OK)
		printf("Đã trả lại số liệu của %s với %zu lý do.\n", unit, n);
	return cli_fail(e, &d);
}

/* stats save ID MÃ TỆP: the unit's answers from the file. */
static enum ts_err
save_cmd(struct app *app, const struct actor *who, long long cid,
	 const char *unit, const char *file, struct diags *d)
{
	char *text = NULL;
	size_t len = 0;
	enum ts_err e = file_read_all(file, INPUT_FILE_LIMIT, &text, &len, d);
	if (e == TS_OK)
		e = stats_save(app, who, cid, unit, text, -1, d);
	if (e == TS_OK)
		printf("Đã lưu số liệu thống kê của %s.\n", unit);
	free(text);
	return e;
}

/* stats office ID MÃ TỆP [--set BỘ]: an office's own answers. */
static enum ts_err
office_cmd(struct app *app, const struct actor *who, const char *data_dir,
	   long long cid, const char *unit, int argc, char **argv,
	   struct diags *d)
{
	const char *set = argc == 3 && strcmp(argv[1], "--set") == 0
				  ? argv[2]
				  : "thong-ke-cds-co-quan";
	char *text = NULL;
	size_t len = 0;
	enum ts_err e = file_read_all(argv[0], INPUT_FILE_LIMIT, &text, &len,
				      d);
	if (e == TS_OK)
		e = stats_office_save(app, who, data_dir, cid, unit, set, text,
				      d);
	if (e == TS_OK)
		printf("Đã lưu câu trả lời của cơ quan %s.\n", unit);
	free(text);
	return e;
}

static int
act(struct app *app, const struct actor *who, const char *data_dir,
    const char *verb, long long cid, const char *unit, int argc, char **argv)
{
	struct diags d;
	diags_init(&d);
	int version = 0;
	enum ts_err e;
	if (strcmp(verb, "save") == 0 && argc == 1) {
		e = save_cmd(app, who, cid, unit, argv[0], &d);
	} else if (strcmp(verb, "submit") == 0 && argc == 0) {
		e = stats_submit(app, who, cid, unit, -1, &version, &d);
		if (e == TS_OK)
			printf("Đã nộp số liệu thống kê của %s (lần %d).\n",
			       unit, version);
	} else if (strcmp(verb, "approve") == 0 && argc == 0) {
		e = sub_approve(app, who, cid, unit, -1, &d);
		if (e == TS_OK)
			printf("Đã phê duyệt số liệu thống kê của %s.\n", unit);
	} else if (strcmp(verb, "office") == 0 && (argc == 1 || argc == 3)) {
		e = office_cmd(app, who, data_dir, cid, unit, argc, argv, &d);
	} else if (strcmp(verb, "return") == 0) {
		return return_cmd(app, who, cid, unit, argc, argv);
	} else {
		return cli_usage("cách dùng: truongso stats show|save|submit|"
				 "return|approve|office ID MÃ_ĐƠN_VỊ ...");
	}
	return cli_fail(e, &d);
}

int
cmd_stats(struct cli *c, int argc, char **argv)
{
	if (argc < 1)
		return cli_usage("cách dùng: truongso stats create ... | "
				 "show|save|submit|return|approve ID MÃ ...");
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	bool typed = strcmp(argv[0], "typed") == 0;
	long long cid = argc >= 2 && strcmp(argv[0], "create") != 0 && !typed
				? cli_id(argv[1], "đợt")
				: 0;
	if (strcmp(argv[0], "create") == 0)
		rc = create(c, &app, &who, argc - 1, argv + 1);
	else if (typed)
		rc = stats_typed_cmd(&app, &who, c->data_dir, argc - 1,
				     argv + 1);
	else if (cid <= 0)
		rc = cli_usage("cách dùng: truongso stats %s ID MÃ_ĐƠN_VỊ ...",
			       argv[0]);
	else if (strcmp(argv[0], "table") == 0)
		rc = stats_table_cmd(&app, &who, cid, argc - 2, argv + 2);
	else if (strcmp(argv[0], "targets") == 0)
		rc = stats_targets_cmd(c, &app, &who, cid, argc - 2, argv + 2);
	else if (argc < 3)
		rc = cli_usage("cách dùng: truongso stats %s ID MÃ_ĐƠN_VỊ ...",
			       argv[0]);
	else if (strcmp(argv[0], "show") == 0 && argc == 3)
		rc = show(&app, &who, cid, argv[2]);
	else
		rc = act(&app, &who, c->data_dir, argv[0], cid, argv[2],
			 argc - 3, argv + 3);
	app_close(&app);
	return rc;
}
