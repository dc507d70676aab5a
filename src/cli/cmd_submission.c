/* truongso submission show|history|save|submit|return|external|approve|
 * publish|diff CAMPAIGN UNIT ... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/fileio.h"
#include "../app/submission.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "cli.h"
#include "opts.h"
#include "sheet.h"

static void
print_header(const struct submission *s)
{
	printf("Đợt %lld: %s (%s)\nĐơn vị: %s — %s\nTrạng thái: %s",
	       (long long)s->campaign.id, s->campaign.title,
	       s->campaign.school_year, s->unit.code, s->unit.name,
	       sub_state_name(s->state));
	if (s->version > 0)
		printf(", đã nộp %d lần", s->version);
	if (s->late)
		printf(" (nộp muộn)");
	printf("\n");
}

static void
print_notes(const struct review_info *v, size_t n, int version)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (v[i].version != version)
			continue;
		if (!any)
			printf("\nLý do trả lại (phiên bản %d):\n", version);
		any = true;
		char when[TS_TIME_SIZE];
		printf("  - Tiêu chí %s: %s (%s, %s)\n", v[i].criterion_id,
		       v[i].text, v[i].author, ts_time_vn_text(v[i].at, when));
	}
}

static int
show(struct app *app, struct submission *s, struct arena *a)
{
	struct snapshot_info *sn;
	struct review_info *notes;
	size_t ns, nn;
	struct answers *ans = NULL;
	struct score *sc = NULL;
	struct diags d;
	diags_init(&d);
	print_header(s);
	enum ts_err e = sub_history(app, s, a, &sn, &ns, &notes, &nn);
	if (e == TS_OK && s->state == ST_RETURNED)
		print_notes(notes, nn, s->version);
	if (e == TS_OK)
		e = sub_score(s->rubric, s->answers, NULL, &ans, &sc, &d);
	struct buf out;
	buf_init(&out, 0);
	if (e == TS_OK) {
		buf_puts(&out, "\n");
		sheet_score_text(sc, &out);
	}
	score_free(sc);
	answers_free(ans);
	if (e == TS_OK && strcmp(s->external, "{}") != 0 &&
	    sub_score(s->rubric, s->answers, s->external, &ans, &sc, &d) ==
		    TS_OK) {
		buf_puts(&out, "\nSau đánh giá ngoài:\n");
		sheet_group_summary(sc, &out);
		score_free(sc);
		answers_free(ans);
	}
	int rc = e == TS_OK ? cli_flush(&out) : cli_fail(e, &d);
	buf_release(&out);
	diags_release(&d);
	return rc;
}

static int
history(struct app *app, struct submission *s, struct arena *a)
{
	struct snapshot_info *sn;
	struct review_info *notes;
	size_t ns, nn;
	print_header(s);
	if (sub_history(app, s, a, &sn, &ns, &notes, &nn) != TS_OK)
		return EXIT_FAIL;
	for (size_t i = 0; i < ns; i++) {
		char when[TS_TIME_SIZE];
		printf("Phiên bản %d: nộp lúc %s bởi %s%s\n", sn[i].version,
		       ts_time_vn_text(sn[i].submitted_at, when),
		       sn[i].submitted_by, sn[i].late ? " (sau hạn nộp)" : "");
		print_notes(notes, nn, sn[i].version);
	}
	if (ns == 0)
		printf("Chưa nộp lần nào.\n");
	return EXIT_OK;
}

static int
diff(struct app *app, struct submission *s, struct arena *a, int argc,
     char **argv)
{
	if (argc != 2)
		return cli_usage("cách dùng: submission diff ID MÃ V1 V2");
	long long v1 = cli_id(argv[0], "phiên bản"),
		  v2 = cli_id(argv[1], "phiên bản");
	if (v1 == 0 || v2 == 0)
		return EXIT_INPUT;
	struct sub_diff df;
	struct diags d;
	diags_init(&d);
	enum ts_err e = sub_diff(app, s, (int)v1, (int)v2, a, &df, &d);
	if (e != TS_OK)
		return cli_fail(e, &d);
	struct buf out;
	buf_init(&out, 0);
	sheet_diff_text(&df, (int)v1, (int)v2, &out);
	sub_diff_release(&df);
	diags_release(&d);
	int rc = cli_flush(&out);
	buf_release(&out);
	return rc;
}

static int
read_json_file(const char *path, char **text, struct diags *d)
{
	size_t len;
	return file_read_all(path, INPUT_FILE_LIMIT, text, &len, d) == TS_OK
		       ? EXIT_OK
		       : EXIT_INPUT;
}

/* "--reason 1.3=Thiếu đường link" pairs. */
static int
return_cmd(struct app *app, const struct actor *who, long long cid,
	   const char *unit, int argc, char **argv)
{
	struct review_reason r[CLI_REASONS_MAX];
	size_t n = 0;
	int rc = cli_reasons(argc, argv, "TIÊU_CHÍ", r, &n);
	if (rc != EXIT_OK)
		return rc;
	struct diags d;
	diags_init(&d);
	enum ts_err e = sub_return(app, who, cid, unit, r, n, -1, &d);
	if (e == TS_OK)
		printf("Đã trả lại bản của %s với %zu lý do.\n", unit, n);
	return cli_fail(e, &d);
}

/* What a step that went through says ("Đã phê duyệt: T1."). */
static void
say_done(const char *verb, const char *unit, int version)
{
	static const struct {
		const char *verb, *done;
	} DONE[] = {
		{ "save", "Đã lưu bản nháp" },
		{ "external", "Đã lưu điểm đánh giá ngoài" },
		{ "approve", "Đã phê duyệt" },
		{ "publish", "Đã công bố kết quả" },
	};
	for (size_t i = 0; i < sizeof(DONE) / sizeof(*DONE); i++)
		if (strcmp(verb, DONE[i].verb) == 0)
			printf("%s: %s.\n", DONE[i].done, unit);
	if (version > 0)
		printf("Đã nộp phiên bản %d của %s.\n", version, unit);
}

/* save and external: the JSON of the file argv[0]. */
static int
file_step(struct app *app, const struct actor *who, const char *verb,
	  long long cid, const char *unit, const char *path)
{
	struct diags d;
	diags_init(&d);
	char *text = NULL;
	if (read_json_file(path, &text, &d) != EXIT_OK)
		return cli_fail(TS_EINVAL, &d);
	enum ts_err e = verb[0] == 's'
				? sub_save(app, who, cid, unit, text, -1, &d)
				: sub_set_external(app, who, cid, unit, text,
						   -1, &d);
	free(text);
	if (e == TS_OK)
		say_done(verb, unit, 0);
	return cli_fail(e, &d);
}

static int
act(struct app *app, const struct actor *who, const char *verb, long long cid,
    const char *unit, int argc, char **argv)
{
	struct diags d;
	enum ts_err e;
	int version = 0;
	if ((strcmp(verb, "save") == 0 || strcmp(verb, "external") == 0) &&
	    argc == 1)
		return file_step(app, who, verb, cid, unit, argv[0]);
	if (strcmp(verb, "return") == 0)
		return return_cmd(app, who, cid, unit, argc, argv);
	diags_init(&d);
	if (strcmp(verb, "submit") == 0 && argc == 0)
		e = sub_submit(app, who, cid, unit, -1, &version, &d);
	else if (strcmp(verb, "approve") == 0 && argc == 0)
		e = sub_approve(app, who, cid, unit, -1, &d);
	else if (strcmp(verb, "publish") == 0 && argc == 0)
		e = sub_publish(app, who, cid, unit, -1, &d);
	else
		return cli_usage("không có thao tác \"%s\" với số tham số này",
				 verb);
	if (e == TS_OK)
		say_done(verb, unit, version);
	return cli_fail(e, &d);
}

static int
read_cmd(struct app *app, const struct actor *who, const char *verb,
	 long long cid, const char *unit, int argc, char **argv)
{
	struct arena *a = arena_new();
	struct submission s;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? sub_open(app, who, cid, unit, ACT_VIEW, a, &s, &d)
			  : TS_ENOMEM;
	int rc;
	if (e != TS_OK)
		rc = cli_fail(e, &d);
	else if (strcmp(verb, "show") == 0 && argc == 0)
		rc = show(app, &s, a);
	else if (strcmp(verb, "history") == 0 && argc == 0)
		rc = history(app, &s, a);
	else
		rc = diff(app, &s, a, argc, argv);
	diags_release(&d);
	arena_free(a);
	return rc;
}

int
cmd_submission(struct cli *c, int argc, char **argv)
{
	if (argc < 3)
		return cli_usage("cách dùng: truongso submission THAO_TÁC ID "
				 "MÃ_ĐƠN_VỊ ... (xem: truongso help)");
	long long cid = cli_id(argv[1], "số đợt đánh giá");
	if (cid == 0)
		return EXIT_INPUT;
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	const char *verb = argv[0];
	if (strcmp(verb, "show") == 0 || strcmp(verb, "history") == 0 ||
	    strcmp(verb, "diff") == 0)
		rc = read_cmd(&app, &who, verb, cid, argv[2], argc - 3,
			      argv + 3);
	else
		rc = act(&app, &who, verb, cid, argv[2], argc - 3, argv + 3);
	app_close(&app);
	return rc;
}
