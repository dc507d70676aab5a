/* The listing's result columns follow the rubric's declared shape, never
 * its id: QĐ 4725 rates each group (points and Mức per group), Thủ Dầu
 * Một grades the 100-point total (Tổng điểm, Xếp loại), mầm non adds its
 * groups to one total. */
#include <string.h>

#include "../util/arena.h"
#include "report_listing_int.h"

static bool
groups_have_levels(const struct rubric *r)
{
	for (size_t g = 0; g < r->ngroups; g++)
		if (r->groups[g].nlevels)
			return true;
	return false;
}

static void
col_add(struct ls_plan *p, enum ls_what w, size_t g, bool rev, const char *band,
	const char *label)
{
	p->cols[p->ncols++] = (struct ls_col){ .what = w,
					       .group = g,
					       .reviewed = rev,
					       .band = band,
					       .label = label };
}

bool
ls_plan_make(struct rb *b, const struct rubric *r, struct ls_plan *p)
{
	bool levels = groups_have_levels(r);
	bool total = rubric_has_total(r) && (r->ngrades || !levels);
	p->r = r;
	p->ncols = 0;
	p->cols = arena_calloc(b->a, r->ngroups * 4 + 4, sizeof(*p->cols));
	if (p->cols == NULL)
		return false;
	/* The band names the group by its number; ls_legend() gives its
	 * name once, above the table. "Nhóm tiêu chí 1: Chuyển đổi số
	 * trong dạy, học" took three lines over four narrow columns, in
	 * the header every page repeats: the 20-unit Phòng's listing
	 * printed its last two units and the signature on page 3. */
	for (size_t g = 0; levels && g < r->ngroups; g++) {
		const char *band = rp_printf(b->doc, "Nhóm tiêu chí %s",
					     r->groups[g].id);
		col_add(p, LS_GROUP_PTS, g, false, band, "Điểm tự đánh giá");
		col_add(p, LS_GROUP_LEVEL, g, false, band, "Mức");
		col_add(p, LS_GROUP_PTS, g, true, band, "Điểm sau kiểm tra");
		col_add(p, LS_GROUP_LEVEL, g, true, band, "Mức");
	}
	for (int rev = 0; total && rev < 2; rev++) {
		const char *band = rev ? "Sau kiểm tra" : "Tự đánh giá";
		col_add(p, LS_TOTAL, 0, rev, band, "Tổng điểm");
		if (r->ngrades)
			col_add(p, LS_GRADE, 0, rev, band, "Xếp loại");
	}
	return true;
}

void
ls_legend(struct rb *b, struct rp_section *s, const struct ls_plan *p)
{
	const struct rubric *r = p->r;
	struct rp_para *para = NULL;
	for (size_t i = 0; i < p->ncols; i++) {
		const struct ls_col *c = &p->cols[i];
		if (c->what != LS_GROUP_PTS || c->reviewed)
			continue;
		const char *line = rp_printf(b->doc, "%s%s: %s",
					     para ? "; " : "", c->band,
					     r->groups[c->group].title);
		if (para == NULL)
			para = rp_line(b->doc, s, RP_LEFT, RP_ITALIC, line);
		else
			rp_run_add(b->doc, para, RP_ITALIC, line);
	}
	if (para) {
		rp_run_add(b->doc, para, RP_ITALIC, ".");
		para->space_after_pt = 3;
	}
}

void
ls_head(struct rb *b, struct rp_table *t, const struct ls_plan *p)
{
	static const char *const names[LS_FIXED] = { "STT",	   "Mã đơn vị",
						     "Tên đơn vị", "Cấp học",
						     "Trạng thái", "Nộp muộn" };
	size_t r0 = rp_row_add(b->doc, t), r1 = rp_row_add(b->doc, t);
	for (size_t c = 0; c < LS_FIXED; c++) {
		rp_cell_text(b->doc, t, r0, c, RP_BOLD, names[c]);
		rp_cell_span(b->doc, t, r0, c, 1, 2);
	}
	for (size_t i = 0; i < p->ncols;) {
		size_t n = 1;
		while (i + n < p->ncols &&
		       p->cols[i + n].band == p->cols[i].band)
			n++;
		rp_cell_text(b->doc, t, r0, LS_FIXED + i, RP_BOLD,
			     p->cols[i].band);
		rp_cell_span(b->doc, t, r0, LS_FIXED + i, (int)n, 1);
		for (size_t k = i; k < i + n; k++)
			rp_cell_text(b->doc, t, r1, LS_FIXED + k, RP_BOLD,
				     p->cols[k].label);
		i += n;
	}
	rp_head_rows(t, r1);
}

/* The rank a level or grade column counts (0: none). */
static int
rank_of(const struct ls_col *c, const struct score *s)
{
	const struct level_band *lb = c->what == LS_GRADE ? s->grade
				      : c->what == LS_GROUP_LEVEL
					      ? s->groups[c->group].level
					      : NULL;
	return lb && lb->level > 0 && lb->level < LS_RANKS ? lb->level : 0;
}

static void
score_cell(struct rb *b, struct rp_table *t, size_t row, size_t col,
	   const struct ls_col *c, const struct score *s)
{
	switch (c->what) {
	case LS_GROUP_PTS:
		rp_cell_pts(b->doc, t, row, col, s->groups[c->group].points);
		break;
	case LS_GROUP_LEVEL:
		if (s->groups[c->group].level)
			rp_cell_int(b->doc, t, row, col,
				    s->groups[c->group].level->level);
		break;
	case LS_TOTAL: rp_cell_pts(b->doc, t, row, col, s->total); break;
	case LS_GRADE:
		if (s->grade)
			rp_cell_text(b->doc, t, row, col, 0,
				     s->grade->name
					     ? s->grade->name
					     : rp_printf(b->doc, "Loại %d",
							 s->grade->level));
		break;
	}
}

void
ls_score_cells(struct rb *b, struct rp_table *t, size_t row,
	       const struct ls_plan *p, const struct score *s, bool reviewed,
	       struct ls_tally *tl)
{
	for (size_t i = 0; s && i < p->ncols; i++) {
		const struct ls_col *c = &p->cols[i];
		if (c->reviewed != reviewed)
			continue;
		score_cell(b, t, row, LS_FIXED + i, c, s);
		int k = rank_of(c, s);
		if (k && tl)
			tl->ranks[i][k]++;
	}
}

/* "Mức 1: 2", "Tốt: 3": one paragraph per level or grade counted. */
static void
ranks_cell(struct rb *b, struct rp_table *t, size_t row, size_t col,
	   const struct rubric *r, const struct ls_col *c, const int *ranks)
{
	struct rp_cell *cell = NULL;
	for (int k = 1; k < LS_RANKS; k++) {
		if (!ranks[k])
			continue;
		const char *name = NULL;
		if (c->what == LS_GRADE)
			for (size_t g = 0; g < r->ngrades; g++)
				if (r->grades[g].level == k)
					name = r->grades[g].name;
		const char *line =
			name ? rp_printf(b->doc, "%s: %d", name, ranks[k])
			     : rp_printf(b->doc, "Mức %d: %d", k, ranks[k]);
		if (cell == NULL)
			cell = rp_cell_text(b->doc, t, row, col, 0, line);
		else
			rp_cell_para(b->doc, cell, RP_LEFT, 0, line);
	}
}

void
ls_total_row(struct rb *b, struct rp_table *t, const struct ls_plan *p,
	     const char *label, const struct ls_tally *tl)
{
	size_t row = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, row, 0, RP_BOLD,
		     rp_printf(b->doc, "%s: %d đơn vị", label, tl->units));
	rp_cell_span(b->doc, t, row, 0, 4, 1);
	struct rp_cell *st =
		rp_cell_text(b->doc, t, row, 4, RP_BOLD,
			     rp_printf(b->doc, "Đã nộp: %d", tl->submitted));
	/* A returned unit keeps its score, counted in "Mức 1: …": say it,
	 * so the counts reconcile (15 levels beside "Đã nộp: 13"); short,
	 * as "Đã nộp" is, or the column widened over the names. */
	if (tl->returned > 0)
		rp_cell_para(b->doc, st, RP_LEFT, RP_BOLD,
			     rp_printf(b->doc, "Trả lại: %d", tl->returned));
	rp_cell_int(b->doc, t, row, 5, tl->late)->style = RP_BOLD;
	/* The counts of a level or grade column take its points column
	 * too: "Mức 1: 2" needs the room. */
	for (size_t i = 0; i < p->ncols; i++) {
		const struct ls_col *c = &p->cols[i];
		if (c->what != LS_GROUP_LEVEL && c->what != LS_GRADE)
			continue;
		size_t from = i && (p->cols[i - 1].what == LS_GROUP_PTS ||
				    p->cols[i - 1].what == LS_TOTAL)
				      ? i - 1
				      : i;
		ranks_cell(b, t, row, LS_FIXED + from, p->r, c, tl->ranks[i]);
		rp_cell_span(b->doc, t, row, LS_FIXED + from,
			     (int)(i - from + 1), 1);
	}
}
