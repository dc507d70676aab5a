/* truongso report: official documents and exports.
 *   report list
 *   report KIND --campaign ID [--unit MÃ] --format F -o TỆP [--submitted]
 *          [--csv-dialect vn|intl]
 *   report fields --campaign ID [--unit MÃ] [--all]
 *   report set --campaign ID [--unit MÃ] TÊN=GIÁ_TRỊ|TÊN=@TỆP ... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../app/app.h"
#include "../app/fileio.h"
#include "../app/report.h"
#include "../util/arena.h"
#include "../util/tmpfile.h"
#include "cli.h"
#include "opts.h"
#include "report_each.h"

#define FIELD_FILE_LIMIT ((size_t)1 << 20)

static int
list_kinds(void)
{
	size_t n;
	const struct report_kind_info *k = report_kinds(&n);
	for (size_t i = 0; i < n; i++)
		printf("%-12s %s%s\n", k[i].code, k[i].name,
		       k[i].office ? " (cơ quan quản lý)" : " (trường)");
	return EXIT_OK;
}

/* "-" as the output: build into a temp file, then copy it to stdout. */
static int
copy_to_stdout(const char *path)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int rc = f ? EXIT_OK : EXIT_FAIL;
	while (f && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (fwrite(chunk, 1, n, stdout) != n)
			rc = EXIT_FAIL;
	if (f)
		fclose(f);
	return fflush(stdout) == 0 ? rc : EXIT_FAIL;
}

static int
render(struct cli *c, const struct report_kind_info *k, long long cid,
       const char *unit, enum rp_format f, const char *out,
       const struct report_opts *o)
{
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct diags d;
	diags_init(&d);
	char tmp[4096];
	bool to_stdout = strcmp(out, "-") == 0;
	int fd = to_stdout ? ts_mkstemp(tmp, sizeof(tmp), "report") : -1;
	if (fd >= 0)
		close(fd);
	enum ts_err e = to_stdout && fd < 0
				? TS_EIO
				: report_render(&app, &who, k, cid, unit, o, f,
						to_stdout ? tmp : out, &d);
	app_close(&app);
	if (e == TS_OK && to_stdout)
		rc = copy_to_stdout(tmp);
	if (to_stdout && fd >= 0)
		unlink(tmp);
	return e == TS_OK ? rc : cli_fail(e, &d);
}

/* Every field the unit's documents ask for, typed or not, with its
 * label: how a user finds the names `report set` takes. */
/* A signer's two lines as "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", which `report
 * set` takes back: one field per line of the listing. */
static void
print_value(const char *v, bool escape_lines)
{
	for (; *v; v++) {
		if (*v == '\n' && escape_lines)
			fputs("\\n", stdout);
		else
			putchar(*v);
	}
}

static void
print_all_fields(const struct report_target *t, struct arena *a)
{
	static const char *const kinds[] = {
		"dòng", "đoạn văn", "số", "ngày YYYY-MM-DD",
		"một hoặc hai dòng: KT./TM. rồi chức vụ"
	};
	_Static_assert(sizeof(kinds) / sizeof(kinds[0]) == DF_KINDS,
		       "a name for each df_kind");
	size_t n = 0;
	const struct df_def **defs = docfield_defs(t->kinds, t->nkinds, a, &n);
	for (size_t i = 0; defs && i < n; i++) {
		const char *v = doc_field(&t->fields, defs[i]->name);
		printf("%s=", defs[i]->name);
		print_value(v ? v : "", defs[i]->kind == DF_SIGNER);
		printf("\t# %s (%s)\n", defs[i]->label, kinds[defs[i]->kind]);
	}
}

static int
show_fields(struct cli *c, long long cid, const char *unit, bool all)
{
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct arena *a = arena_new();
	struct report_target t;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? report_target_open(&app, &who, cid, unit, a, &t, &d)
			  : TS_ENOMEM;
	if (e == TS_OK && all)
		print_all_fields(&t, a);
	for (size_t i = 0; e == TS_OK && !all && i < t.fields.n; i++)
		printf("%s=%s\n", t.fields.names[i], t.fields.values[i]);
	arena_free(a);
	app_close(&app);
	return cli_fail(e, &d);
}

/* TÊN=GIÁ_TRỊ, or TÊN=@TỆP to read a long text from a file. */
static enum ts_err
split_pair(const char *arg, struct arena *a, const char **name,
	   const char **value, struct diags *d)
{
	const char *eq = strchr(arg, '=');
	if (eq == NULL || eq == arg) {
		diags_add(d, arg, "cần dạng TÊN=GIÁ_TRỊ hoặc TÊN=@TỆP");
		return TS_EINVAL;
	}
	*name = arena_strndup(a, arg, (size_t)(eq - arg));
	*value = eq + 1;
	if (eq[1] != '@')
		return *name ? TS_OK : TS_ENOMEM;
	char *text = NULL;
	size_t len = 0;
	enum ts_err e = file_read_all(eq + 2, FIELD_FILE_LIMIT, &text, &len, d);
	if (e == TS_OK) {
		*value = arena_strdup(a, text);
		free(text);
	}
	return e;
}

static int
set_fields(struct cli *c, long long cid, const char *unit, const char **pos,
	   int npos)
{
	struct arena *a = arena_new();
	const char **names =
		a ? arena_calloc(a, (size_t)npos + 1, sizeof(*names)) : NULL;
	const char **values =
		a ? arena_calloc(a, (size_t)npos + 1, sizeof(*values)) : NULL;
	struct diags d;
	diags_init(&d);
	enum ts_err e = names && values ? TS_OK : TS_ENOMEM;
	for (int i = 1; e == TS_OK && i < npos; i++)
		e = split_pair(pos[i], a, &names[i - 1], &values[i - 1], &d);
	struct app app;
	struct actor who;
	int rc = e == TS_OK ? cli_open(c, &app, &who) : EXIT_OK;
	if (e == TS_OK && rc == EXIT_OK) {
		e = docfield_save(
			&app, &who, cid, unit, (const char *const *)names,
			(const char *const *)values, (size_t)(npos - 1), &d);
		app_close(&app);
	}
	arena_free(a);
	if (rc != EXIT_OK)
		return rc;
	if (e == TS_OK)
		printf("đã lưu %d mục\n", npos - 1);
	return cli_fail(e, &d);
}

/* report ket-qua: every unit's results as one XLSX table, streamed. */
static int
export_results(struct cli *c, long long cid, const char *unit, const char *out)
{
	if (out == NULL || strcmp(out, "-") == 0)
		return cli_usage("cần -o TỆP.xlsx");
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct diags d;
	diags_init(&d);
	size_t rows = 0;
	enum ts_err e = results_export(&app, &who, cid, unit, NULL, out, &rows,
				       &d);
	app_close(&app);
	if (e == TS_OK)
		printf("đã ghi kết quả của %zu đơn vị vào %s\n", rows, out);
	return cli_fail(e, &d);
}

/* report KIND: checks the kind, the format, the output and the CSV
 * dialect, then renders (each_jobs, --each's --jobs or "1": every
 * school's, into the directory; NULL without --each). */
/* --drafter: the drafting unit's abbreviation, one short line. */
#define DRAFTER_MAX 40

static int
render_kind(struct cli *c, const char *kind, long long cid, const char *unit,
	    const char *format, const char *out, const char *dialect,
	    bool submitted, const char *each_jobs, const char *drafter)
{
	const struct report_kind_info *k = report_kind_find(kind);
	if (k == NULL)
		return cli_usage("không có loại báo cáo \"%s\" (xem: truongso "
				 "report list)",
				 kind);
	enum rp_format f;
	if (format == NULL || !rp_format_parse(format, &f))
		return cli_usage("--format phải là docx, pdf, xlsx hoặc csv");
	if (out == NULL)
		return cli_usage("cần -o TỆP (hoặc -o - để ghi ra stdout)");
	enum rp_csv_dialect dl = RP_CSV_VN;
	if (dialect && !rp_csv_dialect_parse(dialect, &dl))
		return cli_usage(
			"--csv-dialect phải là vn (dấu ; giữa các cột, "
			"dấu phẩy thập phân) hoặc intl (dấu phẩy "
			"giữa các cột, dấu chấm thập phân)");
	if (drafter &&
	    (strlen(drafter) > DRAFTER_MAX || strpbrk(drafter, "\r\n") != NULL))
		return cli_usage("--drafter: tên viết tắt đơn vị soạn thảo "
				 "một dòng, tối đa %d ký tự",
				 DRAFTER_MAX);
	if (drafter && each_jobs)
		return cli_usage("--drafter chỉ dùng cho một văn bản, không "
				 "dùng cùng --each");
	struct report_opts o = { .include_submitted = submitted,
				 .csv_dialect = dl,
				 .drafter = drafter };
	return each_jobs ? report_each(c, k, cid, unit, f, out, each_jobs)
			 : render(c, k, cid, unit, f, out, &o);
}

/* *out: --each's worker count (--jobs, else "1"), or NULL without --each;
 * false (and a usage error printed) for --jobs without --each. */
static bool
each_jobs(bool each, const char *jobs, const char **out)
{
	if (jobs && !each) {
		cli_usage("--jobs chỉ dùng cùng --each");
		return false;
	}
	*out = !each ? NULL : jobs ? jobs : "1";
	return true;
}

int
cmd_report(struct cli *c, int argc, char **argv)
{
	const char *campaign = NULL, *unit = NULL, *format = NULL, *out = NULL,
		   *dialect = NULL, *jobs = NULL, *drafter = NULL;
	bool submitted = false, all = false, each = false;
	const struct opt opts[] = {
		{ "campaign", &campaign, NULL },
		{ "unit", &unit, NULL },
		{ "format", &format, NULL },
		{ "o", &out, NULL },
		{ "output", &out, NULL },
		{ "submitted", NULL, &submitted },
		{ "all", NULL, &all },
		{ "csv-dialect", &dialect, NULL },
		{ "each", NULL, &each },
		{ "jobs", &jobs, NULL },
		{ "drafter", &drafter, NULL },
		{ NULL, NULL, NULL },
	};
	const char *pos[64];
	int npos;
	if (opts_parse(argc, argv, opts, pos, 64, &npos) != EXIT_OK)
		return EXIT_INPUT;
	if (npos >= 1 && strcmp(pos[0], "list") == 0)
		return list_kinds();
	if (npos < 1 || campaign == NULL)
		return cli_usage("cần: report LOẠI --campaign ID [--unit MÃ] "
				 "--format docx|pdf|xlsx|csv -o TỆP "
				 "(xem: truongso report list)");
	long long cid = cli_id(campaign, "--campaign");
	if (cid == 0)
		return EXIT_INPUT;
	if (strcmp(pos[0], "fields") == 0)
		return show_fields(c, cid, unit, all);
	if (strcmp(pos[0], "set") == 0)
		return npos < 2 ? cli_usage("cần ít nhất một TÊN=GIÁ_TRỊ")
				: set_fields(c, cid, unit, pos, npos);
	if (strcmp(pos[0], "ket-qua") == 0)
		return export_results(c, cid, unit, out);
	const char *ej;
	if (!each_jobs(each, jobs, &ej))
		return EXIT_INPUT;
	return render_kind(c, pos[0], cid, unit, format, out, dialect,
			   submitted, ej, drafter);
}
