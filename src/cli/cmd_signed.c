/* truongso signed put CAMPAIGN UNIT FILE.pdf | show CAMPAIGN UNIT: the
 * signed copy of a school's report (app/signed_copy.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/signed_copy.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "cli.h"

static enum ts_err
show(struct app *app, const struct actor *who, long long cid, const char *unit,
     struct diags *d)
{
	struct arena *a = arena_new();
	struct signed_copy sc;
	char *blob = NULL;
	enum ts_err e = a ? signed_copy_get(app, who, cid, unit, a, &sc, &blob,
					    d)
			  : TS_ENOMEM;
	char when[TS_TIME_SIZE];
	if (e == TS_OK && sc.id == 0)
		printf("Đơn vị %s chưa tải bản đã ký lên.\n", unit);
	else if (e == TS_OK)
		printf("Bản đã ký: %s (%lld byte), tải lên bởi %s lúc %s, cho "
		       "lần lưu %lld của bản tự đánh giá.\nSHA-256: %s\n",
		       sc.name, (long long)sc.size, sc.uploaded_by,
		       ts_time_vn_text(sc.at, when), (long long)sc.revision,
		       sc.sha256);
	free(blob);
	arena_free(a);
	return e;
}

int
cmd_signed(struct cli *c, int argc, char **argv)
{
	bool put = argc == 4 && strcmp(argv[0], "put") == 0;
	if (!put && (argc != 3 || strcmp(argv[0], "show") != 0))
		return cli_usage("cách dùng: truongso signed put ID MÃ_ĐƠN_VỊ "
				 "TỆP.pdf | show ID MÃ_ĐƠN_VỊ");
	long long cid = cli_id(argv[1], "số đợt đánh giá");
	if (cid == 0)
		return EXIT_INPUT;
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct diags d;
	diags_init(&d);
	struct signed_copy sc;
	enum ts_err e = put ? signed_copy_put(&app, &who, cid, argv[2], argv[3],
					      NULL, &sc, &d)
			    : show(&app, &who, cid, argv[2], &d);
	if (put && e == TS_OK)
		printf("Đã lưu bản đã ký của %s (%lld byte) làm bản chính thức.\n"
		       "SHA-256: %s\n",
		       argv[2], (long long)sc.size, sc.sha256);
	app_close(&app);
	return cli_fail(e, &d);
}
