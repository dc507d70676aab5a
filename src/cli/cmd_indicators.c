/* truongso indicators list | show ID | check FILE... */
#include <stdio.h>
#include <string.h>

#include "../app/indicator_set.h"
#include "../core/rubric.h"
#include "cli.h"
#include "table.h"

static int
load_sets(struct cli *c, struct ind_sets *sets)
{
	struct diags d;
	diags_init(&d);
	struct buf dir;
	buf_init(&dir, 4096);
	buf_printf(&dir, "%s/indicators", c->data_dir);
	enum ts_err e = ind_sets_load(buf_str(&dir), sets, &d);
	buf_release(&dir);
	cli_print_diags(&d);
	diags_release(&d);
	return cli_exit_for(e);
}

static const char *
scope_name(enum ind_scope s)
{
	return s == IND_SCOPE_OFFICE ? "cơ quan quản lý" : "nhà trường";
}

static int
ind_list(struct cli *c)
{
	static const struct table_col cols[] = {
		{ "Mã", 24, ALIGN_LEFT },
		{ "Phiên bản", 9, ALIGN_RIGHT },
		{ "Người nhập", 16, ALIGN_LEFT },
		{ "Số chỉ số", 9, ALIGN_RIGHT },
		{ "Tên", 50, ALIGN_LEFT },
	};
	struct ind_sets sets;
	int rc = load_sets(c, &sets);
	if (rc != EXIT_OK)
		return rc;
	struct table t;
	table_init(&t, cols, 5);
	for (size_t i = 0; i < sets.n; i++) {
		const struct ind_set *s = sets.v[i];
		char ver[16], n[16];
		snprintf(ver, sizeof(ver), "%d", s->version);
		snprintf(n, sizeof(n), "%zu", s->n);
		const char *cells[] = { s->id, ver, scope_name(s->scope), n,
					s->title };
		table_row(&t, cells);
	}
	struct buf out;
	buf_init(&out, 0);
	table_render(&t, &out);
	table_release(&t);
	ind_sets_release(&sets);
	rc = cli_flush(&out);
	buf_release(&out);
	return rc;
}

/* "bắt buộc; ≤ gv_tong; chỉ THCS, THPT; hỏi lại khi lệch > 50%". */
static void
rules_text(const struct ind_set *s, const struct indicator *it, struct buf *b)
{
	char pct[PTS_FMT_SIZE];
	if (it->required)
		buf_printf(b, "bắt buộc");
	else if (it->required_if)
		buf_printf(b, "bắt buộc khi %s là có", it->required_if->code);
	else
		buf_printf(b, "không bắt buộc");
	if (it->type == IND_PERCENT)
		buf_printf(b, "; 0–100");
	if (it->whole)
		buf_printf(b, "; ≤ %s", it->whole->code);
	if (it->school_levels != s->school_levels) {
		buf_printf(b, "; chỉ");
		const char *sep = " ";
		for (unsigned l = LEVEL_MN; l <= LEVEL_GDTX; l <<= 1)
			if (it->school_levels & l) {
				buf_printf(b, "%s%s", sep,
					   school_level_code(l));
				sep = ", ";
			}
	}
	if (it->warn_change)
		buf_printf(b, "; hỏi lại khi lệch quá %s%% so với kỳ trước",
			   pts_format_vn(it->warn_change, pct));
	if (it->prefill != PREFILL_NONE)
		buf_printf(b, "; %s từ tự đánh giá %s %s",
			   it->prefill == PREFILL_HINT ? "gợi ý" : "điền sẵn",
			   it->prefill_rubric, it->prefill_item);
}

static void
section_table(const struct ind_set *s, const struct ind_section *sec,
	      struct buf *out)
{
	static const struct table_col cols[] = {
		{ "Mã", 22, ALIGN_LEFT },      { "Chỉ số", 48, ALIGN_LEFT },
		{ "Loại", 13, ALIGN_LEFT },    { "Đơn vị", 10, ALIGN_LEFT },
		{ "Quy tắc", 36, ALIGN_LEFT },
	};
	struct table t;
	table_init(&t, cols, 5);
	for (size_t i = 0; i < sec->n; i++) {
		const struct indicator *it = &sec->v[i];
		struct buf rules;
		buf_init(&rules, 0);
		rules_text(s, it, &rules);
		const char *cells[] = { it->code, it->label,
					ind_type_label(it->type),
					it->unit ? it->unit : "",
					buf_str(&rules) };
		table_row(&t, cells);
		buf_release(&rules);
	}
	buf_printf(out, "\n%s\n", sec->title);
	table_render(&t, out);
	table_release(&t);
}

static int
ind_show(struct cli *c, const char *ref)
{
	struct ind_sets sets;
	int rc = load_sets(c, &sets);
	if (rc != EXIT_OK)
		return rc;
	const struct ind_set *s = ind_sets_find(&sets, ref);
	if (s == NULL) {
		fprintf(stderr,
			"truongso: không có bộ chỉ số thống kê \"%s\" "
			"(xem: truongso indicators list)\n",
			ref);
		ind_sets_release(&sets);
		return EXIT_INPUT;
	}
	struct buf out;
	buf_init(&out, 0);
	buf_printf(&out, "%s (%s, phiên bản %d; %s nhập)\nNguồn: %s\n",
		   s->title, s->id, s->version, scope_name(s->scope),
		   s->source);
	for (size_t i = 0; i < s->nperiods; i++)
		buf_printf(&out, "Kỳ báo cáo %s: số liệu tính đến %d/%d\n",
			   s->periods[i].name, s->periods[i].as_of_day,
			   s->periods[i].as_of_month);
	for (size_t i = 0; i < s->nsections; i++)
		section_table(s, &s->sections[i], &out);
	ind_sets_release(&sets);
	rc = cli_flush(&out);
	buf_release(&out);
	return rc;
}

static int
ind_check(int argc, char **argv)
{
	int rc = EXIT_OK;
	for (int i = 0; i < argc; i++) {
		struct diags d;
		diags_init(&d);
		struct ind_set *s = NULL;
		enum ts_err e = ind_set_load_file(argv[i], &s, &d);
		if (e == TS_OK) {
			printf("%s: hợp lệ — %s phiên bản %d, %zu mục, %zu chỉ "
			       "số\n",
			       argv[i], s->id, s->version, s->nsections, s->n);
		} else {
			cli_print_diags(&d);
			if (rc == EXIT_OK || cli_exit_for(e) == EXIT_FAIL)
				rc = cli_exit_for(e);
		}
		ind_set_free(s);
		diags_release(&d);
	}
	return rc;
}

int
cmd_indicators(struct cli *c, int argc, char **argv)
{
	if (argc == 1 && strcmp(argv[0], "list") == 0)
		return ind_list(c);
	if (argc == 2 && strcmp(argv[0], "show") == 0)
		return ind_show(c, argv[1]);
	if (argc >= 2 && strcmp(argv[0], "check") == 0)
		return ind_check(argc - 1, argv + 1);
	return cli_usage("cách dùng: truongso indicators list | show MÃ | "
			 "check TỆP...");
}
