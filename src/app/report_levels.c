/* Phụ lục 3 (seed 000): a Phòng's or Sở's report of the levels its
 * schools reached: the scale of participation, then per criteria group
 * and per cấp học the count and share at Mức độ 1, 2 and 3. Counted live
 * from approved results (optionally also submitted ones). */
#include <stdio.h>
#include <string.h>

#include "../core/shares.h"
#include "../util/arena.h"
#include "report_int.h"

/* Cấp học l (0..LC_LEVELS-1) is bit l of enum school_level, in the order
 * the forms list them: Mầm non, Tiểu học, THCS, THPT, GDTX. */
static const char *
level_name(size_t l)
{
	return school_level_name((enum school_level)(1u << l));
}

struct lv_data {
	struct level_counts lc;
	struct grade_counts gc; /* rubrics whose groups have no levels */
	struct participation p;
	const struct rubric *r;
	unsigned levels; /* the campaign's cấp học bits */
	bool by_level;	 /* groups with levels: QĐ 4725's Phụ lục 3 */
};

/* A cấp học gets rows when the campaign covers it and the office has
 * such schools (a Phòng without THPT prints no THPT rows). */
static bool
shown(const struct lv_data *v, size_t l)
{
	return (v->levels & (1u << l)) && v->p.expected[l] > 0;
}

static void
scale_line(struct rb *b, struct rp_section *s, bool by_level, const char *what,
	   size_t took, size_t expected)
{
	char pct[RP_VALUE_SIZE];
	struct rp_cell c = { .kind = RP_V_PCT,
			     .pct = pts_percent((int64_t)took,
						(int64_t)expected) };
	rp_body(b->doc, s, 0,
		rp_printf(b->doc,
			  "- Tổng số %s thuộc địa bàn "
			  "quản lý triển khai %s: %zu/%zu CSGD, đạt tỷ lệ %s.",
			  what,
			  by_level ? "đánh giá mức độ chuyển đổi số"
				   : "đánh giá",
			  took, expected, rp_value_format(&c, pct)));
}

/* "phổ thông (Tiểu học, THCS)": the cấp học of that kind the office has,
 * as seed 000 names them. */
static const char *
kind_words(struct rb *b, const struct lv_data *v, enum csgd_kind k)
{
	static const char *const word[CSGD_KINDS] = { "mầm non", "phổ thông",
						      "thường xuyên" };
	if (k != CSGD_PT)
		return word[k];
	struct buf t;
	buf_init(&t, 0);
	for (size_t l = 0; l < LC_LEVELS; l++)
		if (shown(v, l) && csgd_kinds(1u << l) == 1u << CSGD_PT)
			buf_printf(&t, "%s%s", t.len ? ", " : "",
				   level_name(l));
	const char *out = t.len ? rp_printf(b->doc, "%s (%s)", word[k],
					    buf_str(&t))
				: word[k];
	buf_release(&t);
	return out;
}

/* Quy mô as seed 000 has it: one line per kind of CSGD (phổ thông,
 * thường xuyên; mầm non for its campaigns), the first spelling out
 * "cơ sở giáo dục (CSGD)". */
static void
scale_lines(struct rb *b, struct rp_section *s, const struct lv_data *v)
{
	const struct participation *p = &v->p;
	bool first = true;
	for (size_t k = 0; k < CSGD_KINDS; k++) {
		if (p->kind_expected[k] == 0)
			continue;
		const char *what =
			rp_printf(b->doc, "%s %s",
				  first ? "cơ sở "
					  "giáo dục (CSGD)"
					: "CSGD",
				  kind_words(b, v, (enum csgd_kind)k));
		scale_line(b, s, v->by_level, what, p->kind_took_part[k],
			   p->kind_expected[k]);
		first = false;
	}
	if (first)
		scale_line(b, s, v->by_level, "cơ sở giáo dục (CSGD)",
			   p->took_part_all, p->expected_all);
}

/* A liên cấp school counts under each of its cấp học, so a table by cấp
 * học adds up to more than the headline: say so under the table. */
void
rb_multi_note(struct rb *b, struct rp_section *s, size_t multi, const char *sum,
	      const char *once)
{
	if (multi == 0)
		return;
	struct rp_para *note = rp_body(
		b->doc, s, RP_ITALIC,
		rp_printf(
			b->doc,
			"Ghi chú: %zu CSGD "
			"liên cấp được tính ở mỗi cấp học của trường, nên tổng theo "
			"cấp học (%s) lớn hơn số CSGD (%s).",
			multi, sum, once));
	if (note)
		note->keep_with_prev = true;
}

size_t
rb_only_level(const bool *shown, const size_t *units, size_t all)
{
	size_t only = LC_LEVELS;
	for (size_t l = 0; l < LC_LEVELS; l++) {
		if (!shown[l])
			continue;
		if (only < LC_LEVELS)
			return LC_LEVELS;
		only = l;
	}
	return only < LC_LEVELS && units[only] == all ? only : LC_LEVELS;
}

/* Quy mô: the lines of the form, then one row per cấp học (none when
 * the one cấp học's row would repeat the line above it). */
static void
scale(struct rb *b, struct rp_section *s, const struct lv_data *v)
{
	const struct participation *p = &v->p;
	rp_heading(b->doc, s, 1, "1. Quy mô triển khai tại địa phương");
	scale_lines(b, s, v);
	bool sh[LC_LEVELS];
	for (size_t l = 0; l < LC_LEVELS; l++)
		sh[l] = shown(v, l);
	size_t only = rb_only_level(sh, p->expected, p->expected_all);
	if (only < LC_LEVELS && p->took_part[only] == p->took_part_all)
		return;
	static const int w[] = { 8, 40, 18, 18, 16 };
	struct rp_table *t = rp_table_add(b->doc, s, 5, w);
	if (t == NULL)
		return;
	t->caption = "Quy mô triển khai theo cấp học";
	static const char *const head[] = { "STT", "Cấp học", "Số CSGD",
					    "Số CSGD đã đánh giá", "Tỷ lệ" };
	size_t r = rp_head_row(b->doc, t, head);
	int stt = 0;
	size_t sum_e = 0, sum_k = 0;
	for (size_t l = 0; l < LC_LEVELS; l++) {
		if (!shown(v, l))
			continue;
		size_t e = p->expected[l];
		size_t k = p->took_part[l];
		sum_e += e;
		sum_k += k;
		r = rp_row_add(b->doc, t);
		rp_cell_int(b->doc, t, r, 0, ++stt);
		rp_cell_text(b->doc, t, r, 1, 0,
			     rp_printf(b->doc, "CSGD %s", level_name(l)));
		rp_cell_int(b->doc, t, r, 2, (int64_t)e);
		rp_cell_int(b->doc, t, r, 3, (int64_t)k);
		rp_cell_pct(b->doc, t, r, 4,
			    pts_percent((int64_t)k, (int64_t)e));
	}
	if (sum_e != p->expected_all || sum_k != p->took_part_all)
		rb_multi_note(b, s, p->multi_expected,
			      rp_printf(b->doc, "%zu/%zu", sum_k, sum_e),
			      rp_printf(b->doc, "%zu/%zu", p->took_part_all,
					p->expected_all));
}

static const char *
level_head(struct rb *b, const struct group *g, int level)
{
	for (size_t i = 0; i < g->nlevels; i++)
		if (g->levels[i].level == level && g->levels[i].name)
			return rp_printf(b->doc, "%s\n(Mức độ %d)",
					 g->levels[i].name, level);
	return rp_printf(b->doc, "Mức độ %d", level);
}

void
rb_levels_head(struct rb *b, struct rp_table *t, const struct group *g0,
	       const char *col0, const char *col1)
{
	size_t r0 = rp_row_add(b->doc, t), r1 = rp_row_add(b->doc, t);
	const char *top[] = { col0, col1 };
	for (size_t c = 0; c < 2; c++) {
		rp_cell_text(b->doc, t, r0, c, RP_BOLD, top[c]);
		rp_cell_span(b->doc, t, r0, c, 1, 2);
	}
	for (int m = 1; m <= 3; m++) {
		size_t c = 2 + (size_t)(m - 1) * 2;
		rp_cell_text(b->doc, t, r0, c, RP_BOLD, level_head(b, g0, m));
		rp_cell_span(b->doc, t, r0, c, 2, 1);
		rp_cell_text(b->doc, t, r1, c, RP_BOLD, "Số lượng");
		rp_cell_text(b->doc, t, r1, c + 1, RP_BOLD, "Tỷ lệ %");
	}
	rp_head_rows(t, r1);
}

void
rb_counts_row(struct rb *b, struct rp_table *t, const char *stt,
	      const char *name, unsigned style, const size_t *n, size_t units)
{
	size_t r = rp_row_add(b->doc, t);
	rp_cell_align(rp_cell_text(b->doc, t, r, 0, style, stt), RP_CENTER);
	rp_cell_text(b->doc, t, r, 1, style, name);
	/* The three shares add up to exactly 100 % (largest remainder). */
	int64_t part[3] = { (int64_t)n[1], (int64_t)n[2], (int64_t)n[3] };
	pts_t share[3];
	if (part[0] + part[1] + part[2] != (int64_t)units ||
	    !pts_shares(part, 3, share))
		for (int m = 0; m < 3; m++)
			share[m] = pts_percent(part[m], (int64_t)units);
	for (int m = 1; m <= 3; m++) {
		size_t c = 2 + (size_t)(m - 1) * 2;
		rp_cell_int(b->doc, t, r, c, (int64_t)n[m])->style = style;
		struct rp_cell *pc = rp_cell_pct(b->doc, t, r, c + 1,
						 share[m - 1]);
		pc->style = style;
	}
}

/* What the counts are counted from, above the results. */
static void
results_intro(struct rb *b, struct rp_section *s, size_t units)
{
	rp_heading(b->doc, s, 1, "2. Kết quả đánh giá");
	rp_body(b->doc, s, RP_ITALIC,
		rp_printf(
			b->doc,
			"Số liệu tính từ "
			"kết quả %s của %zu CSGD; tỷ lệ tính trên số CSGD có kết quả "
			"của từng cấp học.",
			b->opts->include_submitted ? "đã nộp "
						     "hoặc đã phê duyệt"
						   : "đã được phê duyệt",
			units));
}

static void
results(struct rb *b, struct rp_section *s, const struct lv_data *v)
{
	results_intro(b, s, v->lc.units_all);
	static const int w[] = { 7, 28, 8, 11, 8, 11, 8, 11 };
	struct rp_table *t = rp_table_add(b->doc, s, 8, w);
	if (t == NULL || v->r->ngroups == 0)
		return;
	t->caption = "Kết quả đánh giá theo nhóm tiêu chí và cấp học";
	rb_levels_head(b, t, &v->r->groups[0], "STT", "Nhóm tiêu chí");
	for (size_t g = 0; g < v->r->ngroups && g < LC_GROUPS; g++) {
		const struct group *gr = &v->r->groups[g];
		rb_counts_row(b, t, gr->id, gr->title, RP_BOLD, v->lc.all[g],
			      v->lc.units_all);
		int k = 0;
		for (size_t l = 0; l < LC_LEVELS; l++) {
			if (!shown(v, l))
				continue;
			rb_counts_row(
				b, t, rp_printf(b->doc, "%s.%d", gr->id, ++k),
				rp_printf(b->doc, "CSGD %s", level_name(l)), 0,
				v->lc.n[g][l], v->lc.units[l]);
		}
	}
	size_t sum = 0;
	for (size_t l = 0; l < LC_LEVELS; l++)
		sum += shown(v, l) ? v->lc.units[l] : 0;
	if (sum != v->lc.units_all)
		rb_multi_note(b, s, v->lc.multi, rp_printf(b->doc, "%zu", sum),
			      rp_printf(b->doc, "%zu", v->lc.units_all));
}

/* The chart of one group: per cấp học shown (ncat of them), the count
 * at each of the three levels. False when out of memory. */
static bool
group_chart(struct rb *b, struct rp_section *s, const struct lv_data *v,
	    const struct report_chart *rc, size_t ncat)
{
	size_t g = (size_t)rc->group;
	struct rp_chart *ch = rp_chart_add(b->doc, s, RP_CHART_STACKED, ncat,
					   3);
	if (ch == NULL)
		return false;
	ch->title = rc->title;
	ch->y_label = "%";
	ch->x_label = "Cấp học";
	for (int m = 0; m < 3; m++)
		ch->series[m] = rp_printf(b->doc, "Mức độ %d", m + 1);
	rp_chart_levels(ch);
	size_t c = 0;
	for (size_t l = 0; l < LC_LEVELS; l++) {
		if (!shown(v, l))
			continue;
		ch->cats[c] = level_name(l);
		for (int m = 0; m < 3; m++)
			ch->values[(size_t)m * ncat + c] =
				(double)v->lc.n[g][l][m + 1];
		c++;
	}
	return true;
}

/* One stacked chart per group with levels (report_charts): the share at
 * each level per cấp học. */
static void
charts(struct rb *b, struct rp_section *s, const struct lv_data *v)
{
	size_t ncat = 0;
	for (size_t l = 0; l < LC_LEVELS; l++)
		ncat += shown(v, l);
	const struct report_chart *list;
	size_t n = report_charts(b->kind, v->r, b->a, &list);
	for (size_t k = 0; ncat && k < n; k++)
		if (list[k].group >= 0 && !list[k].years &&
		    !group_chart(b, s, v, &list[k], ncat))
			return;
}

/* Levels (QĐ 4725) or, for a rubric whose groups have none, grades,
 * gates and points: the summary follows the rubric's shape. */
static enum ts_err
count(struct rb *b, struct lv_data *v, bool by_level)
{
	if (by_level)
		return campaign_levels_opt(
			b->app, b->who, b->t.campaign.id, b->t.unit.code,
			b->opts->include_submitted, &v->lc, &v->p, b->d);
	return campaign_grades(b->app, b->who, b->t.campaign.id, b->t.unit.code,
			       b->opts->include_submitted, &v->gc, &v->p, b->d);
}

static void
subject(struct rb *b, bool by_level)
{
	struct rp_doc *d = b->doc;
	if (!by_level) {
		rp_subject_add(d, "Tổng hợp kết quả của các cơ sở giáo dục");
		rp_subject_add(d, b->t.campaign.title);
		return;
	}
	rp_subject_add(d, "Kết quả đánh giá mức độ chuyển đổi số của các cơ "
			  "sở giáo dục");
	rp_subject_add(d,
		       rp_printf(d, "năm học %s", b->t.campaign.school_year));
}

enum ts_err
rb_levels(struct rb *b)
{
	struct lv_data v = { .levels = b->t.campaign.levels };
	v.r = app_rubric(b->app, b->t.campaign.rubric_id,
			 b->t.campaign.rubric_version);
	if (v.r == NULL)
		return TS_ENOTFOUND;
	bool by_level = v.by_level = rubric_shape(v.r) & RS_LEVELS;
	enum ts_err e = count(b, &v, by_level);
	if (e != TS_OK)
		return e;
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	rb_header(b);
	d->kind = "BÁO CÁO";
	subject(b, by_level);
	d->title = rp_printf(d, "%s - %s",
			     by_level ? "Kết quả đánh giá mức "
					"độ chuyển đổi số"
				      : "Tổng hợp kết quả đánh giá",
			     b->t.unit.name);
	rp_body(d, s, RP_ITALIC, rb_basis(b));
	scale(b, s, &v);
	if (by_level) {
		results(b, s, &v);
		charts(b, s, &v);
	} else {
		bool sh[LC_LEVELS];
		for (size_t l = 0; l < LC_LEVELS; l++)
			sh[l] = shown(&v, l);
		results_intro(b, s, v.gc.units_all);
		rb_grade_summary(b, s, v.r, &v.gc, sh);
		if (rubric_shape(v.r) & RS_MN)
			e = rb_software_sum(b, s);
	}
	if (by_level)
		e = rb_levels_years(b, s);
	if (e == TS_OK)
		e = rb_gaps(b, s, v.r);
	if (e != TS_OK)
		return e;
	rp_heading(d, s, 1, "3. Khó khăn, vướng mắc");
	rb_text(b, s, "kho_khan");
	rp_heading(d, s, 1, "4. Kiến nghị, đề xuất");
	rb_text(b, s, "de_xuat");
	const char *deflt[] = { "- Như trên;", "- Lưu: VT." };
	rb_closing(b, deflt, 2);
	rb_filename(b, "phu-luc-3");
	return TS_OK;
}
