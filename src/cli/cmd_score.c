/* truongso score --rubric ID ANSWERS.json [--format text|json] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/fileio.h"
#include "../app/rubric_set.h"
#include "../core/score_json.h"
#include "cli.h"
#include "sheet.h"

struct score_opts {
	const char *rubric;
	const char *file;
	bool json;
};

static bool
parse_format(const char *f, struct score_opts *o)
{
	o->json = strcmp(f, "json") == 0;
	return o->json || strcmp(f, "text") == 0;
}

static int
parse_opts(int argc, char **argv, struct score_opts *o)
{
	memset(o, 0, sizeof(*o));
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--rubric") == 0 && i + 1 < argc) {
			o->rubric = argv[++i];
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (!parse_format(argv[++i], o))
				return cli_usage("--format chỉ nhận text hoặc "
						 "json, không phải \"%s\"",
						 argv[i]);
		} else if (o->file == NULL &&
			   (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)) {
			o->file = argv[i];
		} else {
			return cli_usage("tham số không hợp lệ \"%s\"",
					 argv[i]);
		}
	}
	if (o->rubric == NULL || o->file == NULL)
		return cli_usage("cách dùng: truongso score --rubric MÃ "
				 "TỆP_TRẢ_LỜI [--format text|json]");
	return EXIT_OK;
}

static int
render(const struct score *s, bool json)
{
	struct buf out;
	buf_init(&out, 0);
	if (json) {
		json_t *j = score_to_json(s);
		char *txt = j ? json_dumps(j, JSON_INDENT(2) |
						      JSON_PRESERVE_ORDER |
						      JSON_REAL_PRECISION(15))
			      : NULL;
		if (txt == NULL) {
			json_decref(j);
			fputs("truongso: không đủ bộ nhớ\n", stderr);
			return EXIT_FAIL;
		}
		buf_puts(&out, txt);
		buf_putc(&out, '\n');
		free(txt);
		json_decref(j);
	} else {
		sheet_score_text(s, &out);
	}
	int rc = cli_flush(&out);
	buf_release(&out);
	return rc;
}

static int
score_file(const struct rubric *r, const char *file, bool json)
{
	struct diags d;
	diags_init(&d);
	char *text = NULL;
	size_t len = 0;
	struct answers *a = NULL;
	enum ts_err e = file_read_all(file, INPUT_FILE_LIMIT, &text, &len, &d);
	if (e == TS_OK)
		e = answers_parse(r, text, len, file, &a, &d);
	free(text);
	cli_print_diags(&d);
	diags_release(&d);
	if (e != TS_OK)
		return cli_exit_for(e);
	struct score *s = score_compute(r, a);
	int rc = EXIT_FAIL;
	if (s != NULL)
		rc = render(s, json);
	else
		fputs("truongso: không đủ bộ nhớ\n", stderr);
	score_free(s);
	answers_free(a);
	return rc;
}

int
cmd_score(struct cli *c, int argc, char **argv)
{
	struct score_opts o;
	int rc = parse_opts(argc, argv, &o);
	if (rc != EXIT_OK)
		return rc;
	struct rubric_set set;
	rc = cli_load_rubrics(c, &set);
	if (rc != EXIT_OK)
		return rc;
	const struct rubric *r = rubric_set_find(&set, o.rubric);
	if (r == NULL) {
		fprintf(stderr,
			"truongso: không có bộ chỉ số \"%s\" (xem: "
			"truongso rubric list)\n",
			o.rubric);
		rc = EXIT_INPUT;
	} else {
		rc = score_file(r, o.file, o.json);
	}
	rubric_set_release(&set);
	return rc;
}
