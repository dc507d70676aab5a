/* truongso evidence add|link|fact CAMPAIGN UNIT CRITERION FILE|URL|TEXT,
 * evidence list CAMPAIGN UNIT */
#include <stdio.h>
#include <string.h>

#include "../app/evidence.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "cli.h"

static int
list(struct app *app, const struct actor *who, long long cid, const char *unit)
{
	struct arena *a = arena_new();
	struct evidence_item *v = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? evidence_list(app, who, cid, unit, a, &v, &n, &d)
			  : TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		char when[TS_TIME_SIZE];
		if (v[i].kind == EVIDENCE_FILE)
			printf("Tiêu chí %-5s %s (%s, %lld byte) — %s, %s\n",
			       v[i].criterion_id, v[i].name, v[i].mime,
			       (long long)v[i].size, v[i].uploaded_by,
			       ts_time_vn_text(v[i].at, when));
		else
			printf("Tiêu chí %-5s %s: %s — %s, %s\n",
			       v[i].criterion_id,
			       v[i].kind == EVIDENCE_LINK ? "đường link"
							  : "dữ kiện",
			       v[i].name, v[i].uploaded_by,
			       ts_time_vn_text(v[i].at, when));
	}
	if (e == TS_OK && n == 0)
		printf("Chưa có minh chứng nào.\n");
	arena_free(a);
	return cli_fail(e, &d);
}

static int
add_text(struct app *app, const struct actor *who, long long cid, char **argv)
{
	bool link = strcmp(argv[0], "link") == 0;
	struct evidence_added ev;
	struct diags d;
	diags_init(&d);
	enum ts_err e = evidence_add_text(app, who, cid, argv[2], argv[3],
					  link ? EVIDENCE_LINK : EVIDENCE_FACT,
					  argv[4], &ev, &d);
	if (e == TS_OK)
		printf("Đã gắn %s vào tiêu chí %s%s.\n",
		       link ? "đường link" : "dữ kiện", argv[3],
		       ev.reused ? " (đơn vị đã có, không lưu lại)" : "");
	return cli_fail(e, &d);
}

int
cmd_evidence(struct cli *c, int argc, char **argv)
{
	bool is_list = argc == 3 && strcmp(argv[0], "list") == 0;
	bool is_text = argc == 5 && (strcmp(argv[0], "link") == 0 ||
				     strcmp(argv[0], "fact") == 0);
	if (!is_list && !is_text && (argc != 5 || strcmp(argv[0], "add") != 0))
		return cli_usage(
			"cách dùng: truongso evidence add ID MÃ_ĐƠN_VỊ "
			"TIÊU_CHÍ TỆP | link ID MÃ_ĐƠN_VỊ TIÊU_CHÍ URL | "
			"fact ID MÃ_ĐƠN_VỊ TIÊU_CHÍ \"DỮ KIỆN\" | list ID "
			"MÃ_ĐƠN_VỊ");
	long long cid = cli_id(argv[1], "số đợt đánh giá");
	if (cid == 0)
		return EXIT_INPUT;
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	if (is_list) {
		rc = list(&app, &who, cid, argv[2]);
		app_close(&app);
		return rc;
	}
	struct evidence_added ev;
	struct diags d;
	diags_init(&d);
	if (is_text) {
		rc = add_text(&app, &who, cid, argv);
		app_close(&app);
		return rc;
	}
	enum ts_err e = evidence_add(&app, &who, cid, argv[2], argv[3], argv[4],
				     NULL, &ev, &d);
	if (e == TS_OK)
		printf("Đã gắn minh chứng %s (%s, %zu byte) vào tiêu chí %s%s.\n"
		       "SHA-256: %s\n",
		       argv[4], ev.mime, ev.size, argv[3],
		       ev.reused ? "; tệp này đơn vị đã có, không lưu lại" : "",
		       ev.sha256);
	app_close(&app);
	return cli_fail(e, &d);
}
