/* Phụ lục 3 across years (issue 16): an office's counts and shares per
 * level and cấp học in every round of its rubric family up to this one,
 * each counted over that round's frozen participants (office_years), as a
 * table and one chart per group. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "report_int.h"
#include "years.h"

static const char *
level_name(size_t l)
{
	return school_level_name((enum school_level)(1u << l));
}

struct rp_chart *
office_years_chart(struct rp_doc *d, struct rp_section *s,
		   const struct office_years *o, size_t g, const char *title)
{
	size_t n = o->n ? o->n : 1;
	struct rp_chart *ch = rp_chart_add(d, s, RP_CHART_STACKED, n, 3);
	if (ch == NULL)
		return NULL;
	ch->title = title;
	ch->y_label = "%";
	ch->x_label = "Năm học";
	for (int m = 0; m < 3; m++)
		ch->series[m] = rp_printf(d, "Mức độ %d", m + 1);
	rp_chart_levels(ch);
	ch->cats[0] = "";
	for (size_t i = 0; i < o->n; i++) {
		ch->cats[i] = o->y[i].school_year;
		for (size_t m = 0; m < 3; m++)
			ch->values[m * n + i] =
				(double)o->y[i].lc.all[g][m + 1];
	}
	return ch;
}

/* One year of group g: its total, then each cấp học with results. */
static void
year_rows(struct rb *b, struct rp_table *t, const struct office_year *y,
	  size_t g)
{
	rb_counts_row(b, t, y->school_year,
		      rp_printf(b->doc, "Tổng số (%zu CSGD)", y->lc.units_all),
		      RP_BOLD, y->lc.all[g], y->lc.units_all);
	/* A year's rows stay on one page. */
	for (size_t l = 0; l < LC_LEVELS; l++)
		if (y->lc.units[l] > 0) {
			rb_counts_row(b, t, "",
				      rp_printf(b->doc, "CSGD %s (%zu)",
						level_name(l), y->lc.units[l]),
				      0, y->lc.n[g][l], y->lc.units[l]);
			rp_row_keep_prev(t, t->nrows - 1);
		}
}

/* Liên cấp schools counted under each of their cấp học in some year:
 * its rows by cấp học add up to more than its "Tổng số" row. */
static bool
any_multi(const struct office_years *o)
{
	for (size_t i = 0; i < o->n; i++) {
		size_t sum = 0;
		for (size_t l = 0; l < LC_LEVELS; l++)
			sum += o->y[i].lc.units[l];
		if (sum > o->y[i].lc.units_all)
			return true;
	}
	return false;
}

static void
years_table(struct rb *b, struct rp_section *s, const struct office_years *o,
	    size_t g)
{
	static const int w[] = { 12, 25, 8, 11, 8, 11, 8, 11 };
	const struct group *gr = &o->rubric->groups[g];
	struct rp_table *t = rp_table_add(b->doc, s, 8, w);
	if (t == NULL)
		return;
	t->caption = rp_printf(b->doc, "Nhóm tiêu chí %s: %s qua các năm học",
			       gr->id, gr->title);
	rb_levels_head(b, t, gr, "Năm học", "Cấp học");
	for (size_t i = 0; i < o->n; i++)
		year_rows(b, t, &o->y[i], g);
}

enum ts_err
rb_levels_years(struct rb *b, struct rp_section *s)
{
	struct office_years o;
	enum ts_err e = office_years(b->app, b->who, b->t.campaign.id,
				     b->t.unit.code, b->a, &o, b->d);
	if (e != TS_OK)
		return e;
	rp_heading(b->doc, s, 2, "So với các năm học trước");
	/* One year only (a commune office opened on 1/7/2025): its table
	 * and charts would repeat this year's, figure for figure. */
	if (o.n <= 1) {
		rp_body(b->doc, s, 0,
			o.n ? rp_printf(b->doc,
					"Chưa có số liệu các năm học trước để "
					"so sánh: các CSGD thuộc địa bàn mới "
					"có kết quả đánh giá năm học %s.",
					o.y[0].school_year)
			    : "Chưa có số liệu các năm học trước để so sánh.");
		return TS_OK;
	}
	/* The tables reconcile with their "Tổng số" rows or say why, as
	 * this year's does (rb_multi_note); said above them, as a note
	 * under a table could start a page alone (Calc's print). */
	rp_body(b->doc, s, RP_ITALIC,
		any_multi(&o)
			? "Mỗi năm học tính từ kết quả đã được phê duyệt của "
			  "các CSGD tham gia đợt đánh giá năm đó, theo địa bàn "
			  "quản lý khi mở đợt; tỷ lệ tính trên số CSGD có kết "
			  "quả của từng cấp học. CSGD liên cấp được tính ở mỗi "
			  "cấp học của trường, nên tổng các dòng cấp học của "
			  "một năm học lớn hơn dòng Tổng số."
			: "Mỗi năm học tính từ kết quả đã được phê duyệt của "
			  "các CSGD tham gia đợt đánh giá năm đó, theo địa bàn "
			  "quản lý khi mở đợt; tỷ lệ tính trên số CSGD có kết "
			  "quả của từng cấp học.");
	const struct report_chart *list;
	size_t n = report_charts(b->kind, o.rubric, b->a, &list);
	for (size_t g = 0; g < o.rubric->ngroups && g < LC_GROUPS; g++)
		if (o.rubric->groups[g].nlevels > 0)
			years_table(b, s, &o, g);
	for (size_t k = 0; k < n; k++)
		if (list[k].years)
			office_years_chart(b->doc, s, &o, (size_t)list[k].group,
					   list[k].title);
	return TS_OK;
}
