/* The per-unit listing of a campaign's results under an office: every
 * expected unit with its state, lateness and its result as the rubric
 * defines it (report_listing_cols.c), self-scored and, once approved,
 * reviewed. Units are grouped by the office's sub-unit they belong to
 * (a Phòng, a xã; the office's own schools first), each group closed by
 * a subtotal row, and ordered by unit code in natural order (31DK001
 * before 31DK010). The office's copy carries the NĐ 30 header and
 * signature. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "report_listing_int.h"

static bool
submitted(enum sub_state s)
{
	return s == ST_SUBMITTED || s == ST_APPROVED || s == ST_PUBLISHED;
}

static void
unit_row(struct rb *b, struct rp_table *t, const struct ls_plan *p,
	 const struct ls_unit *u, int stt, struct ls_tally *tl)
{
	size_t row = rp_row_add(b->doc, t);
	char lv[64];
	school_levels_format(u->levels, lv, sizeof(lv));
	rp_cell_int(b->doc, t, row, 0, stt);
	rp_cell_text(b->doc, t, row, 1, 0, u->code);
	rp_cell_text(b->doc, t, row, 2, 0, u->name);
	rp_cell_text(b->doc, t, row, 3, 0, lv);
	rp_cell_text(b->doc, t, row, 4, 0, sub_state_name(u->state));
	rp_cell_text(b->doc, t, row, 5, 0, u->late ? "Có" : "");
	tl->units++;
	tl->submitted += submitted(u->state);
	tl->returned += u->state == ST_RETURNED;
	tl->late += u->late;
	if (u->state == ST_NONE || u->state == ST_DRAFT)
		return;
	struct answers *a = NULL, *xa = NULL;
	struct score *s = NULL, *x = NULL;
	struct diags d;
	diags_init(&d);
	if (sub_score(p->r, u->answers, NULL, &a, &s, &d) == TS_OK)
		ls_score_cells(b, t, row, p, s, false, tl);
	bool reviewed = wf_reviewed(u->state);
	if (reviewed &&
	    sub_score(p->r, u->answers, u->external, &xa, &x, &d) == TS_OK)
		ls_score_cells(b, t, row, p, x, true, tl);
	score_free(s);
	score_free(x);
	answers_free(a);
	answers_free(xa);
	diags_release(&d);
}

static bool
tally_init(struct rb *b, const struct ls_plan *p, struct ls_tally *tl)
{
	*tl = (struct ls_tally){ 0 };
	tl->ranks = arena_calloc(b->a, p->ncols + 1, sizeof(*tl->ranks));
	return tl->ranks != NULL;
}

static void
tally_add(const struct ls_plan *p, struct ls_tally *to,
	  const struct ls_tally *from)
{
	to->units += from->units;
	to->submitted += from->submitted;
	to->returned += from->returned;
	to->late += from->late;
	for (size_t i = 0; i < p->ncols; i++)
		for (int k = 0; k < LS_RANKS; k++)
			to->ranks[i][k] += from->ranks[i][k];
}

/* The group being printed and all groups so far. */
struct tallies {
	const struct ls_plan *p;
	struct ls_tally grp, all;
};

static void
on_unit(struct rb *b, struct rp_table *t, const struct ls_unit *u, int stt,
	void *ctx)
{
	struct tallies *x = ctx;
	unit_row(b, t, x->p, u, stt, &x->grp);
}

static void
on_total(struct rb *b, struct rp_table *t, const char *label, bool grand,
	 void *ctx)
{
	struct tallies *x = ctx;
	if (grand) {
		ls_total_row(b, t, x->p, label, &x->all);
		return;
	}
	ls_total_row(b, t, x->p, label, &x->grp);
	tally_add(x->p, &x->all, &x->grp);
	memset(x->grp.ranks, 0, (x->p->ncols + 1) * sizeof(*x->grp.ranks));
	x->grp.units = x->grp.submitted = x->grp.late = x->grp.returned = 0;
}

static enum ts_err
rows(struct rb *b, struct rp_table *t, const struct ls_plan *p)
{
	struct ls_unit *u = NULL;
	size_t n = 0;
	enum ts_err e = ls_units_load(b, false, &u, &n);
	if (e != TS_OK)
		return e;
	struct tallies x = { .p = p };
	if (!tally_init(b, p, &x.all) || !tally_init(b, p, &x.grp))
		return TS_ENOMEM;
	struct ls_rows w = { on_unit, on_total, &x };
	return ls_rows_grouped(b, t, u, n, &w);
}

static void
title(struct rb *b)
{
	struct rp_doc *d = b->doc;
	ls_header(b);
	rp_subject_add(d, "Kết quả đánh giá của từng đơn vị");
	rp_subject_add(d, b->t.campaign.title);
	d->title = rp_printf(d, "Danh sách kết quả - %s", b->t.unit.name);
}

enum ts_err
rb_listing(struct rb *b)
{
	const struct rubric *r = app_rubric(b->app, b->t.campaign.rubric_id,
					    b->t.campaign.rubric_version);
	if (r == NULL)
		return TS_ENOTFOUND;
	struct ls_plan p;
	if (!ls_plan_make(b, r, &p))
		return TS_ENOMEM;
	struct rp_section *s = rp_section0(b->doc);
	s->landscape = true;
	s->sheet_name = "Danh sách";
	title(b);
	ls_legend(b, s, &p);
	struct rp_table *t = rp_table_add(b->doc, s, LS_FIXED + p.ncols, NULL);
	if (t == NULL)
		return TS_ENOMEM;
	/* No caption: the title above says what the table is ("Kết quả
	 * đánh giá của từng đơn vị"), and a second line saying it again
	 * cost a row on the first page. */
	ls_head(b, t, &p);
	enum ts_err e = rows(b, t, &p);
	ls_fit_widths(b, t, 2);
	const char *deflt[] = { "- Như trên;", "- Lưu: VT." };
	rb_closing(b, deflt, 2);
	rb_filename(b, "danh-sach");
	return e;
}
