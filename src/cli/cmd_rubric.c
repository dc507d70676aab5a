/* truongso rubric list | show ID [--sources] | check FILE... */
#include <stdio.h>
#include <string.h>

#include "../app/rubric_set.h"
#include "cli.h"
#include "sheet.h"
#include "table.h"

static int
rubric_list(struct cli *c)
{
	static const struct table_col cols[] = {
		{ "Mã", 24, ALIGN_LEFT },
		{ "Phiên bản", 9, ALIGN_RIGHT },
		{ "Cấp học", 16, ALIGN_LEFT },
		{ "Tên", 60, ALIGN_LEFT },
	};
	struct rubric_set set;
	int rc = cli_load_rubrics(c, &set);
	if (rc != EXIT_OK)
		return rc;
	struct table t;
	table_init(&t, cols, 4);
	for (size_t i = 0; i < set.n; i++) {
		const struct rubric *r = set.v[i].rubric;
		char ver[16], lv[64] = "";
		size_t o = 0;
		snprintf(ver, sizeof(ver), "%d", r->version);
		for (unsigned l = LEVEL_MN; l <= LEVEL_GDTX; l <<= 1)
			if (r->school_levels & l)
				o += (size_t)snprintf(lv + o, sizeof(lv) - o,
						      "%s%s", o ? ", " : "",
						      school_level_code(l));
		const char *cells[] = { r->id, ver, lv, r->short_title };
		table_row(&t, cells);
	}
	struct buf out;
	buf_init(&out, 0);
	table_render(&t, &out);
	table_release(&t);
	rubric_set_release(&set);
	rc = cli_flush(&out);
	buf_release(&out);
	return rc;
}

static int
rubric_show(struct cli *c, const char *ref, bool sources)
{
	struct rubric_set set;
	int rc = cli_load_rubrics(c, &set);
	if (rc != EXIT_OK)
		return rc;
	const struct rubric *r = rubric_set_find(&set, ref);
	if (r == NULL) {
		fprintf(stderr,
			"truongso: không có bộ chỉ số \"%s\" (xem: "
			"truongso rubric list)\n",
			ref);
		rubric_set_release(&set);
		return EXIT_INPUT;
	}
	struct buf out;
	buf_init(&out, 0);
	sheet_rubric_text(r, sources, &out);
	rubric_set_release(&set);
	rc = cli_flush(&out);
	buf_release(&out);
	return rc;
}

static int
rubric_check(int argc, char **argv)
{
	int rc = EXIT_OK;
	for (int i = 0; i < argc; i++) {
		struct diags d;
		diags_init(&d);
		struct rubric *r = NULL;
		enum ts_err e = rubric_load_file(argv[i], &r, &d);
		if (e == TS_OK) {
			char mx[PTS_FMT_SIZE];
			printf("%s: hợp lệ — %s phiên bản %d, %zu nhóm, %zu "
			       "tiêu chí, %zu nội dung, tổng %s điểm\n",
			       argv[i], r->id, r->version, r->ngroups,
			       r->ncriteria, r->nitems,
			       pts_format_vn(r->total_max, mx));
		} else {
			cli_print_diags(&d);
			if (rc == EXIT_OK || cli_exit_for(e) == EXIT_FAIL)
				rc = cli_exit_for(e);
		}
		rubric_free(r);
		diags_release(&d);
	}
	return rc;
}

int
cmd_rubric(struct cli *c, int argc, char **argv)
{
	if (argc >= 1 && strcmp(argv[0], "list") == 0 && argc == 1)
		return rubric_list(c);
	bool sources = argc == 3 && strcmp(argv[2], "--sources") == 0;
	if ((argc == 2 || sources) && strcmp(argv[0], "show") == 0)
		return rubric_show(c, argv[1], sources);
	if (argc >= 2 && strcmp(argv[0], "check") == 0)
		return rubric_check(argc - 1, argv + 1);
	return cli_usage(
		"cách dùng: truongso rubric list | show MÃ [--sources] "
		"| check TỆP...");
}
