/* One roll-up cell in words, the same on the dashboard and in the
 * documents: a count with its rate when it has a whole, schools with "có"
 * and their share, the mean of a percentage; never a zero for nobody
 * answered. */
#include <stdio.h>
#include <string.h>

#include "../core/shares.h"
#include "../core/target.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "stats.h"

/* How numbers are written: for people (thousands dots, decimal comma)
 * or raw for CSV (no grouping; the dialect's decimal mark). */
struct numfmt {
	const char *(*num)(pts_t, char *);
	const char *(*pct)(pts_t, char *);
};

/* A choice as its answers spread: "Chưa đáp ứng: 2; Mức 1: 5; …" (seed
 * 000 asks how many schools reach Mức 1, 2 and 3 of tin học; the cell
 * said only "23 CSGD trả lời"). */
static const char *
choice_text(struct arena *a, const struct indicator *it,
	    const struct agg_cell *c)
{
	struct buf b;
	buf_init(&b, 4096);
	for (size_t o = 0; o < it->noptions; o++)
		buf_printf(&b, "%s%s: %zu", o ? "; " : "", it->options[o].text,
			   c->options[o]);
	const char *out = arena_strdup(a, buf_str(&b));
	buf_release(&b);
	return out;
}

static const char *
cell_text(struct arena *a, const struct indicator *it, const struct agg_cell *c,
	  const struct numfmt *f)
{
	char n[PTS_FMT_SIZE], p[PTS_FMT_SIZE];
	struct agg_rate rt = agg_cell_rate(it, c);
	const char *rate = rt.den ? f->pct(agg_rate_value(rt), p)
				  : "chưa có số liệu";
	if (c->answered == 0)
		return "chưa có số liệu";
	switch (it->type) {
	case IND_COUNT:
		return it->whole ? arena_printf(a, "%s (%s)", f->num(c->sum, n),
						rate)
				 : arena_printf(a, "%s", f->num(c->sum, n));
	case IND_YESNO: return arena_printf(a, "%zu CSGD (%s)", c->yes, rate);
	case IND_PERCENT: return arena_printf(a, "bình quân %s", rate);
	case IND_NAMES:
		return arena_printf(a, "%zu tên, %zu trong nước", c->nnames,
				    c->ndomestic);
	case IND_CHOICE:
		if (c->options != NULL)
			return choice_text(a, it, c);
		return arena_printf(a, "%zu CSGD trả lời", c->answered);
	default: return arena_printf(a, "%zu CSGD trả lời", c->answered);
	}
}

const char *
stats_cell_text(struct arena *a, const struct indicator *it,
		const struct agg_cell *c)
{
	static const struct numfmt vn = { num_format_vn, pts_format_rate_vn };
	return cell_text(a, it, c, &vn);
}

const char *
stats_pct_fmt(struct arena *a, pts_t pct, enum stats_numfmt f)
{
	char p[PTS_FMT_SIZE];
	(void)f; /* a share has no thousands */
	return arena_strdup(a, pts_format_rate_vn(pct, p));
}

const char *
stats_cell_fmt(struct arena *a, const struct indicator *it,
	       const struct agg_cell *c, enum stats_numfmt f)
{
	static const struct numfmt fmts[] = {
		[STATS_NUM_VN] = { num_format_vn, pts_format_rate_vn },
		[STATS_NUM_RAW] = { pts_format_vn, pts_format_rate_vn },
	};
	return cell_text(a, it, c, &fmts[f]);
}

/* "gv_internet: tiến độ (97,78%; còn 2,22%, thiếu 1; 1/20 CSGD báo cáo)":
 * the CLI names the indicator by code, a document by its label. */
const char *
stats_measure_text(struct arena *a, const struct measure *m,
		   const struct measure_eval *e, bool label)
{
	char v[PTS_FMT_SIZE], g[PTS_FMT_SIZE];
	struct buf b;
	buf_init(&b, 4096);
	buf_printf(&b, "%s: %s",
		   label ? m->indicator->label : m->indicator->code,
		   target_result_name(e->result));
	if (!m->manual && e->rate.den > 0) {
		buf_printf(&b, " (%s",
			   pts_format_rate_vn(agg_rate_value(e->rate), v));
		if (e->result == TARGET_PROGRESS || e->result == TARGET_NOT_MET)
			buf_printf(&b, "; còn %s",
				   pts_format_rate_vn(e->gap, g));
		if (e->short_by > 0)
			buf_printf(&b, ", thiếu %s",
				   int_format_vn(e->short_by, g));
		if (!m->office)
			buf_printf(&b, "; %zu/%zu CSGD báo cáo", e->answered,
				   e->units);
		buf_printf(&b, ")");
	}
	const char *out = arena_strdup(a, buf_str(&b));
	buf_release(&b);
	return out;
}
