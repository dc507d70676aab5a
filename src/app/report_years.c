/* "So với năm học trước" (issue 16): a school's results across the
 * years of its rubric family, as a table and a chart, from unit_years
 * (the stored summaries). Every school report kind (tu-danh-gia,
 * tu-kiem-tra, cntt) prints it as an appendix; the school's page draws
 * the same chart (years_chart). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "report_int.h"
#include "report_result.h"
#include "years.h"

/* Years with figures, for the chart. */
static size_t
shown_years(const struct unit_years *u)
{
	size_t n = 0;
	for (size_t i = 0; i < u->n; i++)
		n += u->y[i].shown;
	return n;
}

struct rp_chart *
years_chart(struct rp_doc *d, struct rp_section *s, const struct unit_years *u)
{
	const struct rubric *r = u->rubric;
	size_t ny = shown_years(u);
	struct rp_chart *ch = rp_chart_add(d, s, RP_CHART_GROUPED, ny ? ny : 1,
					   r->ngroups);
	if (ch == NULL)
		return NULL;
	ch->title = YEARS_CHART_TITLE;
	ch->y_label = "Điểm";
	ch->x_label = "Năm học";
	for (size_t g = 0; g < r->ngroups; g++)
		ch->series[g] = rp_printf(d, "Nhóm tiêu chí %s",
					  r->groups[g].id);
	ch->cats[0] = "";
	size_t k = 0;
	for (size_t i = 0; i < u->n; i++) {
		const struct unit_year *y = &u->y[i];
		if (!y->shown)
			continue;
		char h[96];
		year_heading(y, h, sizeof(h));
		ch->cats[k] = rp_strdup(d, h);
		for (size_t g = 0; g < r->ngroups; g++)
			ch->values[g * ny + k] =
				y->groups[g].known
					? pts_to_double(y->groups[g].points)
				: y->own ? NAN
					 : 0;
		k++;
	}
	/* The asked year's unanswered group: no bar, as its table says. */
	ch->no_value = YEAR_UNANSWERED;
	return ch;
}

/* One row: its code, its text, a cell per year. Returns its index. */
static size_t
row(struct rb *b, struct rp_table *t, const struct unit_years *u,
    const char *id, const char *title, size_t idx, bool group)
{
	size_t rw = rp_row_add(b->doc, t);
	unsigned style = group ? RP_BOLD : 0;
	rp_cell_text(b->doc, t, rw, 0, style, id);
	rp_cell_text(b->doc, t, rw, 1, style, title);
	for (size_t i = 0; i < u->n; i++) {
		char c[96];
		if (group)
			year_group_cell(&u->y[i], idx, c, sizeof(c));
		else
			year_crit_cell(&u->y[i], idx, c, sizeof(c));
		rp_cell_align(rp_cell_text(b->doc, t, rw, 2 + i, style,
					   rp_strdup(b->doc, c)),
			      RP_CENTER);
	}
	return rw;
}

/* "Tổng cộng": the school's own result per year, after its groups. */
static void
total_row(struct rb *b, struct rp_table *t, const struct unit_years *u)
{
	size_t rw = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, rw, 1, RP_BOLD, "Tổng cộng");
	for (size_t i = 0; i < u->n; i++) {
		char c[96];
		year_total_cell(&u->y[i], u->rubric, "\n", c, sizeof(c));
		rp_cell_align(rp_cell_text(b->doc, t, rw, 2 + i, RP_BOLD,
					   rp_strdup(b->doc, c)),
			      RP_CENTER);
	}
}

static void
years_table(struct rb *b, struct rp_section *s, const struct unit_years *u)
{
	size_t ncols = 2 + u->n;
	int *w = arena_calloc(b->a, ncols, sizeof(*w));
	const char **head = arena_calloc(b->a, ncols, sizeof(*head));
	if (w == NULL || head == NULL)
		return;
	/* A year column holds "84 điểm, Mức độ 3": 13 % of the width is
	 * room enough, and the criteria's names take the rest (with two
	 * years they wrapped in 40 % beside two half-empty 26 % columns). */
	int per = u->n && 52 / (int)u->n < 13 ? 52 / (int)u->n : 13;
	w[0] = 8;
	w[1] = 92 - per * (int)u->n;
	head[0] = "TT";
	head[1] = "Nhóm tiêu chí, tiêu chí";
	for (size_t i = 0; i < u->n; i++) {
		char h[96];
		year_heading(&u->y[i], h, sizeof(h));
		w[2 + i] = per;
		head[2 + i] = rp_strdup(b->doc, h);
	}
	struct rp_table *t = rp_table_add(b->doc, s, ncols, w);
	if (t == NULL)
		return;
	t->caption = "Kết quả qua các năm học";
	rp_head_row(b->doc, t, head);
	const struct rubric *r = u->rubric;
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group *gr = &r->groups[g];
		size_t top = row(b, t, u, rp_printf(b->doc, "%s.", gr->id),
				 gr->title, g, true);
		for (size_t c = 0; c < gr->ncriteria; c++)
			if (gr->criteria[c].max > 0)
				row(b, t, u, gr->criteria[c].id,
				    gr->criteria[c].title, gr->criteria[c].idx,
				    false);
		/* A group's row keeps its first criterion. */
		rp_row_keep_prev(t, top + 1);
	}
	if (years_have_total(u))
		total_row(b, t, u);
}

/* "- Nhóm tiêu chí 1: 76 điểm, Mức độ 3 (năm học 2023-2024: 67 điểm,
 * Mức độ 2)" per group, this year against the previous shown one. */
static void
compare_lines(struct rb *b, struct rp_section *s, const struct unit_years *u)
{
	int prev = unit_years_previous(u);
	if (prev < 0) {
		rp_body(b->doc, s, 0,
			"Chưa có kết quả năm học trước được phê duyệt để so "
			"sánh.");
		return;
	}
	const struct unit_year *now = &u->y[u->n - 1], *was = &u->y[prev];
	for (size_t g = 0; g < u->rubric->ngroups; g++) {
		char c1[96], c2[96];
		year_group_cell(now, g, c1, sizeof(c1));
		year_group_cell(was, g, c2, sizeof(c2));
		rp_body(b->doc, s, 0,
			rp_printf(b->doc,
				  "- Nhóm tiêu chí %s: %s (năm học %s: %s)",
				  u->rubric->groups[g].id, c1, was->school_year,
				  c2));
	}
	if (years_have_total(u)) {
		char c1[96], c2[96];
		year_total_cell(now, u->rubric, ", ", c1, sizeof(c1));
		year_total_cell(was, u->rubric, ", ", c2, sizeof(c2));
		rp_body(b->doc, s, 0,
			rp_printf(b->doc, "- Tổng cộng: %s (năm học %s: %s)",
				  c1, was->school_year, c2));
	}
}

/* What the figures are: levels only where the rubric's groups have them. */
static const char *
note(const struct rubric *r)
{
	return rubric_shape(r) & RS_LEVELS
		       ? "Chỉ tính kết quả đã được phê duyệt của các năm học "
			 "trước. Điểm nhóm và mức độ sau đánh giá ngoài; điểm "
			 "tiêu chí là điểm tự đánh giá của bản nộp sau cùng. "
			 "“Không so sánh được”: năm đó bộ chỉ số không có nhóm "
			 "tiêu chí, tiêu chí này."
		       : "Chỉ tính kết quả đã được phê duyệt của các năm học "
			 "trước. Điểm nhóm sau đánh giá ngoài; điểm tiêu chí là "
			 "điểm tự đánh giá của bản nộp sau cùng. “Không so sánh "
			 "được”: năm đó bộ chỉ số không có nhóm tiêu chí, tiêu "
			 "chí này.";
}

/* The asked year not yet reviewed is the document's own answers, as its
 * Phụ lục 1 prints them: the stored summary of a draft was 0 points and
 * "chưa có" for every criterion beside a Phụ lục 1 that had scores. */
static void
own_year(struct unit_years *u, const struct result *res)
{
	struct unit_year *y = u->n ? &u->y[u->n - 1] : NULL;
	const struct score *sc = res ? res->self : NULL;
	if (y == NULL || !year_unreviewed(y) || sc == NULL ||
	    sc->rubric != u->rubric)
		return;
	const struct rubric *r = u->rubric;
	y->own = true;
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group_score *gs = &sc->groups[g];
		y->groups[g] = (struct year_figure){
			rb_group_answered(res, &r->groups[g]), gs->points,
			gs->level ? gs->level->level : 0
		};
	}
	for (size_t c = 0; c < r->ncriteria; c++)
		y->criteria[c] = (struct year_figure){
			rb_criterion_answered(res, r->criteria[c]),
			sc->criteria[c].points, 0
		};
}

void
rb_years(struct rb *b, const char *heading, const struct result *res)
{
	struct unit_years u;
	struct diags quiet;
	diags_init(&quiet);
	enum ts_err e = unit_years(b->app, b->who, b->t.campaign.id,
				   b->t.unit.code, b->a, &u, &quiet);
	if (e != TS_OK) {
		(void)rb_section_outcome(b, e, &quiet);
		return;
	}
	diags_release(&quiet);
	if (u.n == 0)
		return;
	own_year(&u, res);
	struct rp_section *s = rp_section_add(b->doc, true);
	s->heading = heading;
	s->title = "SO VỚI NĂM HỌC TRƯỚC";
	s->subtitle = rb_attached_to(b);
	s->sheet_name = "So với năm học trước";
	compare_lines(b, s, &u);
	years_table(b, s, &u);
	rp_body(b->doc, s, RP_ITALIC, note(u.rubric));
	years_chart(b->doc, s, &u);
}
