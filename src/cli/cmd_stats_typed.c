/* truongso stats typed MÃ NĂM_HỌC [TỆP]: an office's figures of a school
 * year before truongso (Phụ lục 6, section III): saved from TỆP, or
 * printed with who typed them and when. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/fileio.h"
#include "../util/arena.h"
#include "cli_stats.h"

static enum ts_err
print_typed(struct app *app, const struct actor *who, const char *unit,
	    const char *year, struct diags *d)
{
	struct arena *a = arena_new();
	struct stats_typed t;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = stats_typed_get(app, who, unit, year, a, &t, d);
	if (e == TS_OK && t.json == NULL)
		printf("%s chưa nhập số liệu năm học %s.\n", unit, year);
	else if (e == TS_OK)
		printf("%s\n(nhập bởi %s lúc %s)\n", t.json, t.by, t.at);
	arena_free(a);
	return e;
}

int
stats_typed_cmd(struct app *app, const struct actor *who, const char *data_dir,
		int argc, char **argv)
{
	struct diags d;
	char *text = NULL;
	size_t len = 0;
	if (argc != 2 && argc != 3)
		return cli_usage("cách dùng: truongso stats typed MÃ_CƠ_QUAN "
				 "NĂM_HỌC [TỆP.json]");
	diags_init(&d);
	if (argc == 2)
		return cli_fail(print_typed(app, who, argv[0], argv[1], &d),
				&d);
	enum ts_err e = file_read_all(argv[2], INPUT_FILE_LIMIT, &text, &len,
				      &d);
	if (e == TS_OK)
		e = stats_typed_save(app, who, data_dir, argv[0], argv[1], text,
				     &d);
	if (e == TS_OK)
		printf("Đã lưu số liệu năm học %s của %s.\n", argv[1], argv[0]);
	free(text);
	return cli_fail(e, &d);
}
