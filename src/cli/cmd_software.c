/* truongso software set ID UNIT FILE | list ID UNIT | summary ID [UNIT]:
 * the software inventory of a school and its sum for an office
 * (app/software.h). FILE: one software a line, "tên; mục đích; nhà
 * cung cấp; trong nước|nước ngoài; có|không; mức phí; tổng tiền". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/fileio.h"
#include "../app/software.h"
#include "../core/fixed.h"
#include "../util/arena.h"
#include "cli.h"

/* Every non-empty line of text as a row; the first bad one is named. */
static enum ts_err
parse_all(struct arena *a, char *text, struct software *rows, size_t *n,
	  struct diags *d)
{
	size_t line = 0;
	*n = 0;
	for (char *p = text; p && *p;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		line++;
		const char *why = NULL;
		if (p[strspn(p, " \t\r")] != '\0') {
			if (*n == SOFTWARE_MAX) {
				diags_add(d, "", "tối đa %d phần mềm",
					  SOFTWARE_MAX);
				return TS_EINVAL;
			}
			if (software_parse_line(a, p, &rows[*n], &why) !=
			    TS_OK) {
				diags_add(d, "", "dòng %zu: %s", line, why);
				return TS_EINVAL;
			}
			(*n)++;
		}
		p = nl ? nl + 1 : NULL;
	}
	return TS_OK;
}

static enum ts_err
set(struct app *app, const struct actor *who, long long cid, const char *unit,
    const char *path, struct diags *d)
{
	char *text = NULL;
	size_t len = 0, n = 0;
	struct arena *a = arena_new();
	struct software *rows =
		a ? arena_calloc(a, SOFTWARE_MAX + 1, sizeof(*rows)) : NULL;
	enum ts_err e = rows ? file_read_all(path, INPUT_FILE_LIMIT, &text,
					     &len, d)
			     : TS_ENOMEM;
	if (e == TS_OK)
		e = parse_all(a, text, rows, &n, d);
	if (e == TS_OK)
		e = software_save(app, who, cid, unit, rows, n, d);
	if (e == TS_OK)
		printf("Đã lưu %zu phần mềm của %s.\n", n, unit);
	free(text);
	arena_free(a);
	return e;
}

static enum ts_err
list(struct app *app, const struct actor *who, long long cid, const char *unit,
     struct diags *d)
{
	struct arena *a = arena_new();
	struct software *v = NULL;
	size_t n = 0;
	enum ts_err e = a ? software_list(app, who, cid, unit, a, &v, &n, d)
			  : TS_ENOMEM;
	char money[PTS_FMT_SIZE];
	for (size_t i = 0; e == TS_OK && i < n; i++)
		printf("%zu. %s — %s; %s, %s; %s%s%s; đã thu %s đồng\n", i + 1,
		       v[i].name, v[i].purpose, v[i].vendor,
		       v[i].domestic ? "trong nước" : "nước ngoài",
		       v[i].paid ? "có thu phí" : "không thu phí",
		       v[i].fee[0] ? ": " : "", v[i].fee,
		       int_format_vn(v[i].parents_total, money));
	if (e == TS_OK && n == 0)
		printf("Đơn vị %s chưa kê khai phần mềm nào.\n", unit);
	arena_free(a);
	return e;
}

static enum ts_err
summary(struct app *app, const struct actor *who, long long cid,
	const char *unit, struct diags *d)
{
	struct arena *a = arena_new();
	struct software_sum *v = NULL;
	size_t n = 0;
	enum ts_err e = a ? software_summary(app, who, cid, unit, a, &v, &n, d)
			  : TS_ENOMEM;
	int64_t total = 0;
	char money[PTS_FMT_SIZE];
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		printf("%s (%s): %zu trường dùng, %zu trường thu phí, cha mẹ "
		       "học sinh đã nộp %s đồng\n",
		       v[i].name, v[i].domestic ? "trong nước" : "nước ngoài",
		       v[i].schools, v[i].paying,
		       int_format_vn(v[i].parents_total, money));
		total += v[i].parents_total;
	}
	if (e == TS_OK)
		printf("Tổng số tiền cha mẹ học sinh đã nộp: %s đồng\n",
		       int_format_vn(total, money));
	arena_free(a);
	return e;
}

/* The operation asked for: 's' set, 'l' list, 'u' summary, 0 a bad
 * command line. */
static char
operation(int argc, char **argv)
{
	const char *op = argc > 0 ? argv[0] : "";
	if (strcmp(op, "set") == 0 && argc == 4)
		return 's';
	if (strcmp(op, "list") == 0 && argc == 3)
		return 'l';
	if (strcmp(op, "summary") == 0 && (argc == 2 || argc == 3))
		return 'u';
	return 0;
}

/* The operation operation() recognised. */
static enum ts_err
run(struct app *app, const struct actor *who, long long cid, int argc,
    char **argv, struct diags *d)
{
	switch (operation(argc, argv)) {
	case 's': return set(app, who, cid, argv[2], argv[3], d);
	case 'l': return list(app, who, cid, argv[2], d);
	default: return summary(app, who, cid, argc == 3 ? argv[2] : NULL, d);
	}
}

int
cmd_software(struct cli *c, int argc, char **argv)
{
	if (operation(argc, argv) == 0)
		return cli_usage(
			"cách dùng: truongso software set ID MÃ_ĐƠN_VỊ "
			"TỆP | list ID MÃ_ĐƠN_VỊ | summary ID "
			"[MÃ_ĐƠN_VỊ]");
	return cli_on_campaign(c, argc, argv, run);
}
