/* truongso org tree|search|add|import|rename|move|levels|close|reopen */
#include <stdio.h>
#include <string.h>

#include "../app/org.h"
#include "../app/org_import.h"
#include "../util/arena.h"
#include "cli.h"
#include "opts.h"

static int
depth_of(const char *path)
{
	int n = 0;
	for (; *path; path++)
		n += *path == '/';
	return n;
}

static void
print_unit(const struct org_unit *u, int base)
{
	char lv[64];
	school_levels_format(u->levels, lv, sizeof(lv));
	printf("%*s%s  %s  [%s%s%s]%s\n", 2 * (depth_of(u->path) - base), "",
	       u->code, u->name, org_kind_name(u->kind), lv[0] ? ": " : "", lv,
	       u->active_to ? " (đã đóng)" : "");
}

static int
org_tree(struct app *app, const struct actor *who, const char *root)
{
	struct arena *a = arena_new();
	struct org_unit *v = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? org_list(app, who, root, a, &v, &n, &d) : TS_ENOMEM;
	int base = n ? depth_of(v[0].path) : 0;
	for (size_t i = 0; e == TS_OK && i < n; i++)
		print_unit(&v[i], base);
	if (e == TS_OK)
		printf("Tổng cộng: %zu đơn vị.\n", n);
	arena_free(a);
	return cli_fail(e, &d);
}

static int
org_search_cmd(struct app *app, const struct actor *who, const char *text)
{
	struct arena *a = arena_new();
	struct org_unit *v = NULL;
	size_t n = 0;
	enum ts_err e = a ? org_search(app, who, text, a, &v, &n) : TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < n; i++)
		print_unit(&v[i], depth_of(v[i].path));
	if (e == TS_OK && n == 0)
		printf("Không tìm thấy đơn vị nào.\n");
	arena_free(a);
	return cli_exit_for(e);
}

static int
org_add_cmd(struct app *app, const struct actor *who, int argc, char **argv)
{
	const char *code = NULL, *name = NULL, *kind = NULL, *parent = NULL,
		   *levels = "", *from = NULL;
	const struct opt opts[] = {
		{ "code", &code, NULL },     { "name", &name, NULL },
		{ "kind", &kind, NULL },     { "parent", &parent, NULL },
		{ "levels", &levels, NULL }, { "from", &from, NULL },
		{ NULL, NULL, NULL },
	};
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	struct org_new n = { .code = code,
			     .name = name,
			     .parent_code = parent,
			     .active_from = from };
	if (kind == NULL || !org_kind_parse(kind, &n.kind))
		return cli_usage("--kind phải là so, phong, xa, truong, "
				 "trung_tam hoặc bo");
	if (!school_levels_parse(levels, &n.levels))
		return cli_usage(
			"--levels không hợp lệ (MN, TH, THCS, THPT, GDTX)");
	struct diags d;
	diags_init(&d);
	int64_t id = 0;
	enum ts_err e = org_add(app, who, &n, &id, &d);
	if (e == TS_OK)
		printf("Đã thêm đơn vị %s (%s).\n", code, name);
	return cli_fail(e, &d);
}

static int
org_import_cmd(struct app *app, const struct actor *who, int argc, char **argv)
{
	bool dry = false;
	const char *pos[1];
	int npos;
	const struct opt opts[] = { { "dry-run", NULL, &dry },
				    { NULL, NULL, NULL } };
	if (opts_parse(argc, argv, opts, pos, 1, &npos) != EXIT_OK || npos != 1)
		return cli_usage(
			"cách dùng: truongso org import TỆP [--dry-run]");
	struct import_result r;
	struct diags d;
	diags_init(&d);
	enum ts_err e = org_import(app, who, pos[0], NULL, dry, &r, &d);
	if (e == TS_OK)
		printf("%s %zu dòng: %zu đơn vị mới, %zu cập nhật, %zu không "
		       "đổi.\n",
		       dry ? "Kiểm tra (chưa ghi gì):" : "Đã nhập", r.rows,
		       r.added, r.updated, r.unchanged);
	if (e == TS_OK && r.ignored[0])
		printf("Bỏ qua các cột: %s.\n", r.ignored);
	if (e == TS_OK)
		return cli_fail(e, &d);
	cli_print_diags(&d);
	diags_release(&d);
	if (r.written > 0)
		fprintf(stderr,
			"Đã ghi %zu dòng rồi dừng: hãy sửa các lỗi "
			"trên rồi chạy lại cả tệp.\n",
			r.written);
	else
		fprintf(stderr, "Không nhập gì: hãy sửa các lỗi trên rồi chạy "
				"lại.\n");
	return cli_exit_for(e);
}

/* org move CODE PARENT [--from YYYY-MM-DD] */
static enum ts_err
org_move_cmd(struct app *app, const struct actor *who, int argc, char **argv,
	     struct diags *d)
{
	if (argc == 2)
		return org_move(app, who, argv[0], argv[1], d);
	if (strcmp(argv[2], "--from") == 0)
		return org_move_on(app, who, argv[0], argv[1], argv[3], d);
	diags_add(d, argv[2], "tùy chọn không hợp lệ (chỉ có --from)");
	return TS_EINVAL;
}

/* Runs verb on unit argv[0] (lv: the cấp học of "levels"); false when
 * there is no such verb with argc arguments. */
static bool
run_change(struct app *app, const struct actor *who, const char *verb, int argc,
	   char **argv, unsigned lv, struct diags *d, enum ts_err *e)
{
	if (strcmp(verb, "rename") == 0 && argc == 2)
		*e = org_rename(app, who, argv[0], argv[1], d);
	else if (strcmp(verb, "move") == 0 && (argc == 2 || argc == 4))
		*e = org_move_cmd(app, who, argc, argv, d);
	else if (strcmp(verb, "levels") == 0 && argc == 2)
		*e = org_set_levels(app, who, argv[0], lv, d);
	else if (strcmp(verb, "close") == 0 && (argc == 1 || argc == 2))
		*e = org_close(app, who, argv[0], argc == 2 ? argv[1] : NULL,
			       false, d);
	else if (strcmp(verb, "reopen") == 0 && argc == 1)
		*e = org_close(app, who, argv[0], NULL, true, d);
	else
		return false;
	return true;
}

static int
org_change(struct app *app, const struct actor *who, const char *verb, int argc,
	   char **argv)
{
	struct diags d;
	enum ts_err e = TS_OK;
	unsigned lv = 0;
	if (strcmp(verb, "levels") == 0 && argc == 2 &&
	    !school_levels_parse(argv[1], &lv))
		return cli_usage("cấp học không hợp lệ: %s", argv[1]);
	diags_init(&d);
	if (!run_change(app, who, verb, argc, argv, lv, &d, &e))
		return cli_usage("cách dùng: truongso org %s ...", verb);
	if (e == TS_OK)
		printf("Đã cập nhật đơn vị %s.\n", argv[0]);
	return cli_fail(e, &d);
}

int
cmd_org(struct cli *c, int argc, char **argv)
{
	if (argc < 1)
		return cli_usage(
			"cách dùng: truongso org tree|search|add|"
			"import|rename|move|levels|close|reopen|contact ...");
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	const char *verb = argv[0];
	if (strcmp(verb, "tree") == 0 && argc <= 2)
		rc = org_tree(&app, &who, argc == 2 ? argv[1] : NULL);
	else if (strcmp(verb, "search") == 0 && argc == 2)
		rc = org_search_cmd(&app, &who, argv[1]);
	else if (strcmp(verb, "add") == 0)
		rc = org_add_cmd(&app, &who, argc - 1, argv + 1);
	else if (strcmp(verb, "import") == 0)
		rc = org_import_cmd(&app, &who, argc - 1, argv + 1);
	else if (strcmp(verb, "contact") == 0)
		rc = contact_cmd(&app, &who, false, argc - 1, argv + 1);
	else
		rc = org_change(&app, &who, verb, argc - 1, argv + 1);
	app_close(&app);
	return rc;
}
