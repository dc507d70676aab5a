/* Helpers shared by the CLI command files: messages, exit codes, opening
 * the application. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app.h"
#include "../app/rubric_set.h"
#include "../app/submission.h"
#include "cli.h"

void
cli_print_diags(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "%s: %s\n", d->v[i].where, d->v[i].msg);
	if (d->dropped > 0)
		fprintf(stderr, "... và %zu lỗi khác.\n", d->dropped);
	if (diags_count(d) > 1)
		fprintf(stderr, "Tổng cộng %zu lỗi.\n", diags_count(d));
}

int
cli_load_rubrics(struct cli *c, struct rubric_set *set)
{
	struct diags d;
	diags_init(&d);
	struct buf dir;
	buf_init(&dir, 4096);
	buf_printf(&dir, "%s/rubrics", c->data_dir);
	enum ts_err e = rubric_set_load(buf_str(&dir), set, &d);
	buf_release(&dir);
	cli_print_diags(&d);
	diags_release(&d);
	return cli_exit_for(e);
}

int
cli_open(struct cli *c, struct app *app, struct actor *who)
{
	struct diags d;
	diags_init(&d);
	enum ts_err e = app_open(app, c->db_path, c->data_dir, c->create, &d);
	if (e == TS_OK && c->as != NULL) {
		e = actor_load(app, c->as, who, &d);
		if (e != TS_OK)
			app_close(app);
	} else if (e == TS_OK) {
		actor_operator(who);
	}
	return cli_fail(e, &d);
}

int
cli_fail(enum ts_err e, struct diags *d)
{
	cli_print_diags(d);
	diags_release(d);
	return cli_exit_for(e);
}

long long
cli_id(const char *s, const char *what)
{
	char *end = NULL;
	long long v = s ? strtoll(s, &end, 10) : 0;
	if (s == NULL || *s == '\0' || *end != '\0' || v <= 0) {
		cli_usage("%s phải là một số nguyên dương", what);
		return 0;
	}
	return v;
}

int
cli_on_campaign(struct cli *c, int argc, char **argv, cli_campaign_fn fn)
{
	long long cid = argc > 1 ? cli_id(argv[1], "số đợt đánh giá") : 0;
	if (cid == 0)
		return EXIT_INPUT;
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct diags d;
	diags_init(&d);
	enum ts_err e = fn(&app, &who, cid, argc, argv, &d);
	app_close(&app);
	return cli_fail(e, &d);
}

int
cli_exit_for(enum ts_err e)
{
	switch (e) {
	case TS_OK: return EXIT_OK;
	case TS_EINVAL:
	case TS_ENOTFOUND:
	case TS_ELIMIT:
	case TS_ERATE:
	case TS_EFORBIDDEN:
	case TS_ECONFLICT:
	case TS_ESTALE: return EXIT_INPUT;
	default: return EXIT_FAIL;
	}
}

int
cli_flush(struct buf *b)
{
	if (b->err != TS_OK) {
		fprintf(stderr, "truongso: %s\n", ts_err_name(b->err));
		return EXIT_FAIL;
	}
	if (fwrite(buf_str(b), 1, b->len, stdout) != b->len ||
	    fflush(stdout) != 0) {
		char tmp[TS_ERRNO_TEXT_SIZE];
		fprintf(stderr,
			"truongso: không ghi được ra đầu ra chuẩn: %s\n",
			ts_errno_text(errno, tmp));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int
cli_reasons(int argc, char **argv, const char *code, struct review_reason *r,
	    size_t *n)
{
	*n = 0;
	for (int i = 0; i < argc; i++) {
		char *eq = i + 1 < argc && strcmp(argv[i], "--reason") == 0
				   ? strchr(argv[i + 1], '=')
				   : NULL;
		if (eq == NULL || *n == CLI_REASONS_MAX)
			return cli_usage("cách dùng: --reason %s=LÝ_DO (\"*\" "
					 "cho cả bản)",
					 code);
		*eq = '\0';
		r[*n].criterion_id = argv[++i];
		r[(*n)++].text = eq + 1;
	}
	return EXIT_OK;
}

int
cli_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("truongso: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\nXem: truongso help\n", stderr);
	va_end(ap);
	return EXIT_INPUT;
}
