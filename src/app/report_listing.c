/* The per-unit listing of a campaign's results under an office: every
 * expected unit with its state, lateness and its result as the rubric
 * defines it (report_listing_cols.c), self-scored and, once approved,
 * reviewed. Units are grouped by the office's sub-unit they belong to
 * (a Phòng, a xã; the office's own schools first), each group closed by
 * a subtotal row, and ordered by unit code in natural order (31DK001
 * before 31DK010). The office's copy carries the NĐ 30 header and
 * signature. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/natcmp.h"
#include "../util/arena.h"
#include "report_listing_int.h"
#include "submission.h"

/* The sub-unit is the office's child on the unit's path: the path
 * segment after the office's own path. */
static const char SQL_UNITS[] =
	"SELECT o.code, o.name, cu.school_levels, coalesce(s.state, ?4), "
	"coalesce(s.late, 0), s.answers, s.external, g.id = o.id, g.code, "
	"g.name FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id "
	"LEFT JOIN org_unit g ON g.id = CAST(substr(cu.path, ?3, "
	"instr(substr(cu.path, ?3), '/') - 1) AS INTEGER) LEFT JOIN "
	"submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
	"cu.unit_id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER("cu.path",
								   "?2");

struct ls_unit {
	const char *code, *name, *answers, *external;
	const char *group_code, *group_name; /* NULL: the office's own */
	unsigned levels;
	enum sub_state state;
	bool late;
};

static int
unit_cmp(const void *pa, const void *pb)
{
	const struct ls_unit *a = pa, *b = pb;
	if ((a->group_code == NULL) != (b->group_code == NULL))
		return a->group_code == NULL ? -1 : 1;
	int r = natcmp(a->group_code, b->group_code);
	return r ? r : natcmp(a->code, b->code);
}

static void
unit_read(struct rb *b, struct db_stmt *st, struct ls_unit *u)
{
	struct rp_doc *d = b->doc;
	u->code = rp_strdup(d, db_col_text(st, 0));
	u->name = rp_strdup(d, db_col_text(st, 1));
	u->levels = (unsigned)db_col_int(st, 2);
	u->state = ST_NONE;
	sub_state_parse(db_col_text(st, 3), &u->state);
	u->late = db_col_int(st, 4) != 0;
	u->answers = rp_strdup(d, db_col_text(st, 5));
	u->external = rp_strdup(d, db_col_text(st, 6));
	bool own = db_col_int(st, 7) != 0 || db_col_text(st, 8) == NULL;
	u->group_code = own ? NULL : rp_strdup(d, db_col_text(st, 8));
	u->group_name = own ? NULL : rp_strdup(d, db_col_text(st, 9));
}

static enum ts_err
units_load(struct rb *b, struct ls_unit **out, size_t *n)
{
	struct db_stmt *st = db_prep(b->app->db, SQL_UNITS);
	if (st == NULL)
		return app_db_error(b->app, b->d, "đọc danh sách đơn vị");
	db_bind_int(st, 1, b->t.campaign.id);
	db_bind_text(st, 2, b->t.unit.path);
	db_bind_int(st, 3, (int64_t)strlen(b->t.unit.path) + 1);
	db_bind_text(st, 4, sub_state_code(ST_NONE));
	size_t cap = 64;
	struct ls_unit *v = arena_alloc(b->a, cap * sizeof(*v));
	*n = 0;
	int rc = DB_DONE;
	while (v && (rc = db_step(st)) == DB_ROW && !b->doc->oom) {
		if (*n == cap) {
			struct ls_unit *w = arena_alloc(b->a,
							2 * cap * sizeof(*w));
			if (w)
				memcpy(w, v, cap * sizeof(*w));
			v = w;
			cap *= 2;
		}
		if (v)
			unit_read(b, st, &v[(*n)++]);
	}
	db_done(st);
	if (v == NULL || b->doc->oom)
		return TS_ENOMEM;
	if (rc != DB_DONE)
		return app_db_error(b->app, b->d, "đọc danh sách đơn vị");
	qsort(v, *n, sizeof(*v), unit_cmp);
	*out = v;
	return TS_OK;
}

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
	to->late += from->late;
	for (size_t i = 0; i < p->ncols; i++)
		for (int k = 0; k < LS_RANKS; k++)
			to->ranks[i][k] += from->ranks[i][k];
}

/* "I", "II", … for the group rows (STT column). */
static const char *
roman(struct rb *b, size_t n)
{
	static const char *const r[] = { "I",  "II",  "III",  "IV", "V",
					 "VI", "VII", "VIII", "IX", "X" };
	return n < 10 ? r[n] : rp_printf(b->doc, "%zu", n + 1);
}

static void
group_row(struct rb *b, struct rp_table *t, size_t gi, const char *name)
{
	size_t row = rp_row_add(b->doc, t);
	rp_cell_align(rp_cell_text(b->doc, t, row, 0, RP_BOLD, roman(b, gi)),
		      RP_CENTER);
	rp_cell_text(b->doc, t, row, 1, RP_BOLD, name);
	rp_cell_span(b->doc, t, row, 1, (int)t->ncols - 1, 1);
}

static bool
same_group(const struct ls_unit *a, const struct ls_unit *b)
{
	return (a->group_code == NULL && b->group_code == NULL) ||
	       (a->group_code && b->group_code &&
		strcmp(a->group_code, b->group_code) == 0);
}

/* The group of units from u[i] on, gi-th of the table: its heading
 * row unless it is the only group, its units, its subtotal. Adds its
 * tally to all; returns the index past the group. */
static size_t
group_rows(struct rb *b, struct rp_table *t, const struct ls_plan *p,
	   const struct ls_unit *u, size_t n, size_t i, size_t gi, bool one,
	   struct ls_tally *grp, struct ls_tally *all)
{
	size_t end = i;
	while (end < n && same_group(&u[i], &u[end]))
		end++;
	if (!one)
		group_row(b, t, gi,
			  u[i].group_name
				  ? u[i].group_name
				  : rp_printf(b->doc, "Đơn vị trực thuộc %s",
					      b->t.unit.name));
	memset(grp->ranks, 0, (p->ncols + 1) * sizeof(*grp->ranks));
	grp->units = grp->submitted = grp->late = 0;
	for (size_t k = i; k < end && !ts_cancelled(b->opts->cancel); k++)
		unit_row(b, t, p, &u[k], (int)(k - i + 1), grp);
	/* A group's heading keeps its first unit, its subtotal its last. */
	if (!one)
		rp_row_keep_prev(t, t->nrows - (end - i));
	ls_total_row(b, t, p, one ? "Tổng cộng" : "Cộng", grp);
	rp_row_keep_prev(t, t->nrows - 1);
	tally_add(p, all, grp);
	return end;
}

/* One group per sub-unit, each closed by its subtotal; a grand total
 * when there is more than one group. */
static enum ts_err
rows(struct rb *b, struct rp_table *t, const struct ls_plan *p)
{
	struct ls_unit *u = NULL;
	size_t n = 0;
	enum ts_err e = units_load(b, &u, &n);
	if (e != TS_OK)
		return e;
	bool one = n == 0 || same_group(&u[0], &u[n - 1]);
	struct ls_tally all, grp;
	if (!tally_init(b, p, &all) || !tally_init(b, p, &grp))
		return TS_ENOMEM;
	for (size_t i = 0, gi = 0; i < n; gi++)
		i = group_rows(b, t, p, u, n, i, gi, one, &grp, &all);
	if (!one) {
		ls_total_row(b, t, p, "Tổng cộng", &all);
		rp_row_keep_prev(t, t->nrows - 1);
	}
	return ts_cancelled(b->opts->cancel) ? TS_ECANCELED : TS_OK;
}

static void
title(struct rb *b)
{
	struct rp_doc *d = b->doc;
	rb_header(b);
	d->kind = "DANH SÁCH";
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
	size_t ncols = LS_FIXED + p.ncols;
	int *w = arena_calloc(b->a, ncols, sizeof(*w));
	if (w == NULL)
		return TS_ENOMEM;
	static const int fixed[LS_FIXED] = { 6, 12, 25, 10, 15, 8 };
	for (size_t c = 0; c < ncols; c++)
		w[c] = c < LS_FIXED ? fixed[c] : p.cols[c - LS_FIXED].width;
	struct rp_table *t = rp_table_add(b->doc, s, ncols, w);
	if (t == NULL)
		return TS_ENOMEM;
	t->caption = "Danh sách kết quả từng đơn vị";
	ls_head(b, t, &p);
	enum ts_err e = rows(b, t, &p);
	const char *deflt[] = { "- Như trên;", "- Lưu: VT." };
	rb_closing(b, deflt, 2);
	rb_filename(b, "danh-sach");
	return e;
}
