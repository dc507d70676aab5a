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

static enum ts_err
put(struct app *app, const struct actor *who, long long cid, const char *unit,
    const char *file, struct diags *d)
{
	struct signed_copy sc;
	enum ts_err e = signed_copy_put(app, who, cid, unit, file, NULL, &sc,
					d);
	if (e == TS_OK)
		printf("Đã lưu bản đã ký của %s (%lld byte) làm bản chính thức.\n"
		       "SHA-256: %s\n",
		       unit, (long long)sc.size, sc.sha256);
	return e;
}

/* put ID UNIT FILE or show ID UNIT. */
static enum ts_err
run(struct app *app, const struct actor *who, long long cid, int argc,
    char **argv, struct diags *d)
{
	if (argc == 4)
		return put(app, who, cid, argv[2], argv[3], d);
	return show(app, who, cid, argv[2], d);
}

int
cmd_signed(struct cli *c, int argc, char **argv)
{
	bool is_put = argc == 4 && strcmp(argv[0], "put") == 0;
	if (!is_put && (argc != 3 || strcmp(argv[0], "show") != 0))
		return cli_usage("cách dùng: truongso signed put ID MÃ_ĐƠN_VỊ "
				 "TỆP.pdf | show ID MÃ_ĐƠN_VỊ");
	return cli_on_campaign(c, argc, argv, run);
}
