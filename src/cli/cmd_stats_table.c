/* truongso stats table | targets: the roll-up by bậc học and the QĐ 131
 * targets of a statistics campaign, as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/fileio.h"
#include "../app/indicator_set.h"
#include "../app/org.h"
#include "../core/rubric.h"
#include "../core/shares.h"
#include "../core/target.h"
#include "../util/arena.h"
#include "cli_stats.h"
#include "opts.h"
#include "table.h"

static const char *
row_name(size_t r)
{
	return r == AGG_ALL ? "Tổng" : school_level_code(1u << r);
}

/* The cell's figure: a total, a number of schools, a mean, names. */
static void
cell_value(const struct indicator *it, const struct agg_cell *c, struct buf *b)
{
	char n[PTS_FMT_SIZE];
	struct agg_rate r = agg_cell_rate(it, c);
	if (c->answered == 0) { /* missing, never a zero */
		buf_printf(b, "chưa có số liệu");
		return;
	}
	switch (it->type) {
	case IND_COUNT:
		buf_printf(b, "%s %s", num_format_vn(c->sum, n), it->unit);
		break;
	case IND_YESNO: buf_printf(b, "%zu CSGD", c->yes); break;
	case IND_PERCENT:
		buf_printf(b, "trung bình %s",
			   r.den ? pts_format_rate_vn(agg_rate_value(r), n)
				 : "—");
		break;
	case IND_CHOICE:
		for (size_t o = 0; o < it->noptions; o++)
			buf_printf(b, "%s%s: %zu", o ? "; " : "",
				   it->options[o].text, c->options[o]);
		break;
	case IND_NAMES:
		buf_printf(b, "%zu tên (%zu trong nước)", c->nnames,
			   c->ndomestic);
		for (size_t k = 0; k < c->nnames; k++)
			buf_printf(b, "%s%s", k ? ", " : ": ",
				   c->names[k].name);
		break;
	case IND_TEXT: break;
	}
}

static void
indicator_rows(const struct stats_rollup *r, const struct indicator *it,
	       struct table *t)
{
	bool first = true;
	for (size_t row = 0; row < AGG_ROWS; row++) {
		const struct agg_cell *c = ind_agg_cell(r->agg, it, row);
		if (c->units == 0)
			continue;
		char cnt[48], pct[PTS_FMT_SIZE] = "—";
		struct buf v;
		buf_init(&v, 0);
		cell_value(it, c, &v);
		snprintf(cnt, sizeof(cnt), "%zu/%zu", c->answered, c->units);
		struct agg_rate rt = agg_cell_rate(it, c);
		if (rt.den > 0 && it->type != IND_PERCENT)
			pts_format_rate_vn(agg_rate_value(rt), pct);
		const char *cells[] = { first ? it->code : "", row_name(row),
					cnt, buf_str(&v), pct };
		table_row(t, cells);
		first = false;
		buf_release(&v);
	}
}

int
stats_table_cmd(struct app *app, const struct actor *who, long long cid,
		int argc, char **argv)
{
	static const struct table_col cols[] = {
		{ "Chỉ số", 24, ALIGN_LEFT },
		{ "Cấp học", 7, ALIGN_LEFT },
		{ "Đã trả lời/CSGD", 15, ALIGN_RIGHT },
		{ "Số liệu", 44, ALIGN_LEFT },
		{ "Tỷ lệ", 8, ALIGN_RIGHT },
	};
	const char *unit = NULL;
	bool submitted = false;
	const struct opt opts[] = { { "unit", &unit, NULL },
				    { "submitted", NULL, &submitted },
				    { NULL, NULL, NULL } };
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	struct arena *a = arena_new();
	struct stats_rollup r;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? stats_rollup_open(app, who, cid, unit, submitted, a,
					      &r, &d)
			  : TS_ENOMEM;
	if (e != TS_OK) {
		arena_free(a);
		return cli_fail(e, &d);
	}
	printf("%s (%s, số liệu ngày %s)\nSố CSGD đã báo cáo:",
	       r.campaign.title, r.info.period, r.info.as_of);
	for (size_t row = 0; row < AGG_ROWS; row++)
		if (r.agg->units[row] > 0)
			printf(" %s %zu/%zu;", row_name(row),
			       r.agg->reported[row], r.agg->units[row]);
	printf("\n");
	struct table t;
	table_init(&t, cols, 5);
	for (size_t i = 0; i < r.info.set->n; i++)
		if (r.info.set->v[i]->type != IND_TEXT)
			indicator_rows(&r, r.info.set->v[i], &t);
	struct buf out;
	buf_init(&out, 0);
	table_render(&t, &out);
	table_release(&t);
	int rc = cli_flush(&out);
	buf_release(&out);
	stats_rollup_release(&r);
	arena_free(a);
	diags_release(&d);
	return rc;
}

static int
targets_print(const struct target_set *ts, const struct stats_rollup *r,
	      const struct ind_values *office, struct arena *a)
{
	static const struct table_col cols[] = {
		{ "TT", 3, ALIGN_LEFT },
		{ "Nội dung", 22, ALIGN_LEFT },
		{ "Mục tiêu", 44, ALIGN_LEFT },
		{ "Kết quả", 44, ALIGN_LEFT },
	};
	int y = 0, mo = 0, dd = 0;
	sscanf(r->info.as_of, "%4d-%2d-%2d", &y, &mo, &dd);
	bool past = target_past_deadline(ts, y, mo, dd);
	struct table t;
	table_init(&t, cols, 4);
	for (size_t i = 0; i < ts->n; i++) {
		const struct target *tg = &ts->v[i];
		struct measure_eval ev[TARGET_MAX_MEASURES];
		struct buf b;
		buf_init(&b, 0);
		for (size_t k = 0; k < tg->nmeasures; k++)
			ev[k] = target_measure(&tg->measures[k], r->units, r->n,
					       office, past);
		buf_printf(
			&b, "%s",
			target_result_name(target_combine(ev, tg->nmeasures)));
		for (size_t k = 0; k < tg->nmeasures; k++) {
			buf_printf(&b, "\n- %s",
				   stats_measure_text(a, &tg->measures[k],
						      &ev[k], false));
		}
		const char *cells[] = { tg->id, tg->title, tg->text,
					buf_str(&b) };
		table_row(&t, cells);
		buf_release(&b);
	}
	struct buf out;
	buf_init(&out, 0);
	buf_printf(&out,
		   "%s\n(số liệu ngày %s; hạn của các chỉ tiêu %02d/%02d/%d)\n",
		   ts->title, r->info.as_of, ts->by_day, ts->by_month,
		   ts->by_year);
	table_render(&t, &out);
	table_release(&t);
	int rc = cli_flush(&out);
	buf_release(&out);
	return rc;
}

/* The office's values: from --office FILE, else the answers the root
 * office stored (none: every office target has no data). */
static enum ts_err
load_office(struct app *app, const struct actor *who,
	    const struct stats_rollup *r, const char *unit, const char *path,
	    const struct ind_set *s, struct arena *a, struct ind_values **out,
	    struct diags *d)
{
	char *text = NULL;
	const char *stored = NULL;
	size_t len = 0;
	struct org_unit u;
	*out = NULL;
	if (path != NULL) {
		enum ts_err e = file_read_all(path, INPUT_FILE_LIMIT, &text,
					      &len, d);
		if (e == TS_OK)
			e = ind_values_parse(s, text, len, path, out, d);
		free(text);
		return e;
	}
	const char *code = unit ? unit : r->campaign.owner_code;
	if (unit == NULL && who->unit_id != 0 &&
	    org_get(app, who->unit_id, a, &u) == TS_OK)
		code = u.code;
	enum ts_err e = stats_office_get(app, who, r->campaign.id, code, a,
					 &stored, d);
	if (e == TS_OK && stored != NULL)
		e = ind_values_parse(s, stored, strlen(stored), code, out, d);
	return e;
}

int
stats_targets_cmd(struct cli *c, struct app *app, const struct actor *who,
		  long long cid, int argc, char **argv)
{
	const char *unit = NULL, *office_file = NULL;
	const char *file = NULL;
	bool submitted = false;
	const struct opt opts[] = { { "unit", &unit, NULL },
				    { "office", &office_file, NULL },
				    { "targets", &file, NULL },
				    { "submitted", NULL, &submitted },
				    { NULL, NULL, NULL } };
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	struct arena *a = arena_new();
	struct stats_rollup r;
	struct target_set *ts = NULL;
	struct ind_set *office = NULL;
	struct ind_values *ov = NULL;
	struct diags d;
	diags_init(&d);
	struct buf path;
	buf_init(&path, 4096);
	if (file == NULL)
		buf_printf(&path, "%s/targets/qd131-2025.json", c->data_dir);
	else
		buf_printf(&path, "%s", file);
	enum ts_err e = a ? stats_rollup_open(app, who, cid, unit, submitted, a,
					      &r, &d)
			  : TS_ENOMEM;
	if (e == TS_OK)
		e = stats_targets_load(buf_str(&path), c->data_dir, r.info.set,
				       &office, &ts, &d);
	if (e == TS_OK)
		e = load_office(app, who, &r, unit, office_file, office, a, &ov,
				&d);
	int rc = e == TS_OK ? targets_print(ts, &r, ov, a) : cli_fail(e, &d);
	if (a != NULL && r.agg != NULL)
		stats_rollup_release(&r);
	ind_values_free(ov);
	target_set_free(ts);
	ind_set_free(office);
	buf_release(&path);
	diags_release(&d);
	arena_free(a);
	return rc;
}
