/* The office summary of a rubric whose groups have no levels (issue 18
 * item 11), laid out like Phụ lục 3: per cấp học, the count and share of
 * schools at each Xếp loại (a graded rubric, seed 001), and per group the
 * schools that met every điều kiện bắt buộc and their mean points (every
 * rubric, seed 004 included). Nothing here is a rule of its own: grades,
 * gates and points are score_compute's. */
#include <stdio.h>
#include <string.h>

#include "../core/shares.h"
#include "../util/arena.h"
#include "report_int.h"

static const char *
level_name(size_t l)
{
	return school_level_name((enum school_level)(1u << l));
}

/* One row of counts per grade, best first, with shares that add up to
 * exactly 100 % (pts_shares). */
static void
grade_row(struct rb *b, struct rp_table *t, const char *stt, const char *name,
	  unsigned style, const size_t *n, size_t ngrades, size_t units)
{
	size_t r = rp_row_add(b->doc, t);
	rp_cell_align(rp_cell_text(b->doc, t, r, 0, style, stt), RP_CENTER);
	rp_cell_text(b->doc, t, r, 1, style, name);
	int64_t part[GC_GRADES];
	pts_t share[GC_GRADES];
	int64_t sum = 0;
	for (size_t i = 0; i < ngrades; i++)
		sum += part[i] = (int64_t)n[ngrades - 1 - i];
	if (sum != (int64_t)units || !pts_shares(part, ngrades, share))
		for (size_t i = 0; i < ngrades; i++)
			share[i] = pts_percent(part[i], (int64_t)units);
	for (size_t i = 0; i < ngrades; i++) {
		size_t c = 2 + 2 * i;
		rp_cell_int(b->doc, t, r, c, part[i])->style = style;
		struct rp_cell *pc = rp_cell_pct(b->doc, t, r, c + 1, share[i]);
		pc->style = style;
	}
}

static void
grades_table(struct rb *b, struct rp_section *s, const struct rubric *r,
	     const struct grade_counts *gc, const bool *shown)
{
	size_t ng = r->ngrades < GC_GRADES ? r->ngrades : GC_GRADES;
	size_t ncols = 2 + 2 * ng;
	/* Five grades make twelve columns on a portrait page: the counts
	 * are headed "SL" (with a key under the table, as school statistics
	 * tables do) so that "Tiểu học" and "30,77%" stay on one line. */
	int w[2 + 2 * GC_GRADES] = { 6, 16 };
	for (size_t c = 2; c < ncols; c++)
		w[c] = c % 2 ? 9 : 5;
	struct rp_table *t = rp_table_add(b->doc, s, ncols, w);
	if (t == NULL)
		return;
	t->caption = "Kết quả xếp loại theo cấp học";
	size_t r0 = rp_row_add(b->doc, t), r1 = rp_row_add(b->doc, t);
	const char *top[] = { "STT", "Cấp học" };
	for (size_t c = 0; c < 2; c++) {
		rp_cell_text(b->doc, t, r0, c, RP_BOLD, top[c]);
		rp_cell_span(b->doc, t, r0, c, 1, 2);
	}
	for (size_t i = 0; i < ng; i++) {
		size_t c = 2 + 2 * i;
		rp_cell_text(b->doc, t, r0, c, RP_BOLD,
			     r->grades[ng - 1 - i].name);
		rp_cell_span(b->doc, t, r0, c, 2, 1);
		rp_cell_text(b->doc, t, r1, c, RP_BOLD, "SL");
		rp_cell_text(b->doc, t, r1, c + 1, RP_BOLD, "Tỷ lệ %");
	}
	rp_head_rows(t, r1);
	grade_row(b, t, "", "Tổng số", RP_BOLD, gc->all, ng, gc->units_all);
	int k = 0;
	size_t sum = 0;
	for (size_t l = 0; l < LC_LEVELS; l++) {
		if (!shown[l])
			continue;
		sum += gc->units[l];
		/* "Tiểu học", not "CSGD Tiểu học": the column is narrow. */
		grade_row(b, t, rp_printf(b->doc, "%d", ++k), level_name(l), 0,
			  gc->n[l], ng, gc->units[l]);
	}
	rp_body(b->doc, s, RP_ITALIC, "SL: số lượng CSGD.");
	if (sum != gc->units_all)
		rb_multi_note(b, s, gc->multi, rp_printf(b->doc, "%zu", sum),
			      rp_printf(b->doc, "%zu", gc->units_all));
}

static bool
has_gate(const struct group *g)
{
	for (size_t c = 0; c < g->ncriteria; c++)
		for (size_t i = 0; i < g->criteria[c].nitems; i++)
			if (g->criteria[c].items[i].kind == ITEM_GATE)
				return true;
	return false;
}

/* Mean points of n schools, rounded half up to hundredths. */
static pts_t
mean(int64_t sum, size_t n)
{
	return n ? (pts_t)((sum + (int64_t)n / 2) / (int64_t)n) : 0;
}

static void
group_row(struct rb *b, struct rp_table *t, const char *stt, const char *name,
	  unsigned style, size_t units, const size_t *gates, int64_t points,
	  pts_t max)
{
	size_t r = rp_row_add(b->doc, t);
	rp_cell_align(rp_cell_text(b->doc, t, r, 0, style, stt), RP_CENTER);
	rp_cell_text(b->doc, t, r, 1, style, name);
	rp_cell_int(b->doc, t, r, 2, (int64_t)units)->style = style;
	size_t c = 3;
	if (gates) {
		rp_cell_int(b->doc, t, r, c++, (int64_t)*gates)->style = style;
		rp_cell_pct(b->doc, t, r, c++,
			    pts_percent((int64_t)*gates, (int64_t)units))
			->style = style;
	}
	if (units)
		rp_cell_pts(b->doc, t, r, c, mean(points, units))->style =
			style;
	rp_cell_pts(b->doc, t, r, c + 1, max)->style = style;
}

static void
groups_head(struct rb *b, struct rp_table *t, bool gates)
{
	size_t r0 = rp_row_add(b->doc, t),
	       r1 = gates ? rp_row_add(b->doc, t) : r0;
	const char *top[] = { "STT", "Nội dung", "Số CSGD" };
	size_t c = 0;
	for (; c < 3; c++) {
		rp_cell_text(b->doc, t, r0, c, RP_BOLD, top[c]);
		rp_cell_span(b->doc, t, r0, c, 1, gates ? 2 : 1);
	}
	if (gates) {
		rp_cell_text(b->doc, t, r0, c, RP_BOLD,
			     "Đạt điều kiện bắt buộc");
		rp_cell_span(b->doc, t, r0, c, 2, 1);
		rp_cell_text(b->doc, t, r1, c++, RP_BOLD, "Số lượng");
		rp_cell_text(b->doc, t, r1, c++, RP_BOLD, "Tỷ lệ %");
	}
	const char *tail[] = { "Điểm bình quân", "Điểm tối đa" };
	for (size_t i = 0; i < 2; i++, c++) {
		rp_cell_text(b->doc, t, r0, c, RP_BOLD, tail[i]);
		rp_cell_span(b->doc, t, r0, c, 1, gates ? 2 : 1);
	}
	rp_head_rows(t, r1);
}

/* Group g's row, all levels together, then one row per cấp học shown
 * ("1.1 CSGD Mầm non", ...), unless `one` (the only cấp học, whose rows
 * would repeat their group's figure for figure). */
static void
group_rows(struct rb *b, struct rp_table *t, const struct group *gr, size_t g,
	   const struct grade_counts *gc, const bool *shown, bool gates,
	   bool one)
{
	group_row(b, t, gr->id, gr->title, RP_BOLD, gc->units_all,
		  gates ? &gc->gates_all[g] : NULL, gc->points_all[g], gr->max);
	int k = 0;
	for (size_t l = 0; l < LC_LEVELS && !one; l++)
		if (shown[l])
			group_row(b, t, rp_printf(b->doc, "%s.%d", gr->id, ++k),
				  rp_printf(b->doc, "CSGD %s", level_name(l)),
				  0, gc->units[l],
				  gates ? &gc->gates[g][l] : NULL,
				  gc->points[g][l], gr->max);
}

/* Per group and cấp học: schools counted, those that met every gate
 * (when the rubric has gates), mean and maximum points. */
static void
groups_table(struct rb *b, struct rp_section *s, const struct rubric *r,
	     const struct grade_counts *gc, const bool *shown)
{
	bool gates = false;
	for (size_t g = 0; g < r->ngroups && g < LC_GROUPS; g++)
		gates = gates || has_gate(&r->groups[g]);
	static const int wg[] = { 7, 39, 10, 10, 12, 11, 11 };
	static const int wn[] = { 7, 51, 14, 14, 14 };
	struct rp_table *t = rp_table_add(b->doc, s, gates ? 7 : 5,
					  gates ? wg : wn);
	if (t == NULL)
		return;
	size_t only = rb_only_level(shown, gc->units, gc->units_all);
	t->caption = only < LC_LEVELS
			     ? rp_printf(b->doc,
					 "Kết quả theo nhóm tiêu chí (CSGD %s)",
					 level_name(only))
			     : "Kết quả theo nhóm tiêu chí và cấp học";
	groups_head(b, t, gates);
	for (size_t g = 0; g < r->ngroups && g < LC_GROUPS; g++)
		group_rows(b, t, &r->groups[g], g, gc, shown, gates,
			   only < LC_LEVELS);
}

/* One stacked chart: the share of schools at each grade per cấp học. */
static void
grades_chart(struct rb *b, struct rp_section *s, const struct rubric *r,
	     const struct grade_counts *gc, const bool *shown,
	     const struct report_chart *spec)
{
	size_t ng = r->ngrades < GC_GRADES ? r->ngrades : GC_GRADES;
	size_t ncat = 0;
	for (size_t l = 0; l < LC_LEVELS; l++)
		ncat += shown[l];
	struct rp_chart *ch = ncat ? rp_chart_add(b->doc, s, RP_CHART_STACKED,
						  ncat, ng)
				   : NULL;
	if (ch == NULL)
		return;
	ch->title = spec->title;
	ch->y_label = "%";
	for (size_t i = 0; i < ng; i++)
		ch->series[i] = r->grades[i].name;
	/* grades[0] is the lowest band: amber, the best green (item 14) */
	rp_chart_levels(ch);
	size_t c = 0;
	for (size_t l = 0; l < LC_LEVELS; l++) {
		if (!shown[l])
			continue;
		ch->cats[c] = level_name(l);
		for (size_t i = 0; i < ng; i++)
			ch->values[i * ncat + c] = (double)gc->n[l][i];
		c++;
	}
}

void
rb_grade_summary(struct rb *b, struct rp_section *s, const struct rubric *r,
		 const struct grade_counts *gc, const bool *shown)
{
	if (r->ngrades > 0)
		grades_table(b, s, r, gc, shown);
	groups_table(b, s, r, gc, shown);
	const struct report_chart *list;
	size_t n = report_charts(b->kind, r, b->a, &list);
	for (size_t i = 0; i < n; i++)
		if (list[i].group < 0)
			grades_chart(b, s, r, gc, shown, &list[i]);
}
