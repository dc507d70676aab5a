/* Loading a school's result for its documents, and the pieces several
 * school documents print: the criteria table, evidence, charts. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/score.h"
#include "../util/arena.h"
#include "report_result.h"

enum ts_err
rb_result_load(struct rb *b, struct result *r)
{
	memset(r, 0, sizeof(*r));
	enum ts_err e = sub_open(b->app, b->who, b->t.campaign.id,
				 b->t.unit.code, ACT_VIEW, b->a, &r->sub, b->d);
	if (e == TS_OK)
		e = sub_score(r->sub.rubric, r->sub.answers, NULL, &r->ans,
			      &r->self, b->d);
	bool reviewed = wf_reviewed(r->sub.state);
	if (e == TS_OK && reviewed)
		e = sub_score(r->sub.rubric, r->sub.answers, r->sub.external,
			      &r->xans, &r->ext, b->d);
	if (e == TS_OK && r->sub.id != 0)
		e = evidence_list(b->app, b->who, b->t.campaign.id,
				  b->t.unit.code, b->a, &r->files, &r->nfiles,
				  b->d);
	if (e != TS_OK)
		rb_result_release(r);
	/* Answers nobody has submitted (not started, draft, returned) make
	 * a draft, marked as such: it must not pass for the final. */
	else if (wf_draft(r->sub.state))
		b->doc->stamp = "DỰ THẢO";
	return e;
}

void
rb_result_release(struct result *r)
{
	score_free(r->self);
	answers_free(r->ans);
	score_free(r->ext);
	answers_free(r->xans);
	r->self = r->ext = NULL;
	r->ans = r->xans = NULL;
}

void
rb_external_lines(struct rb *b, struct rp_section *s, const struct result *r)
{
	if (r->ext == NULL)
		return;
	/* The lead line goes with its list: Writer left it alone at the
	 * foot of the mầm non report's third page. */
	rp_body(b->doc, s, RP_ITALIC,
		rp_printf(b->doc,
			  "Kết quả sau khi %s "
			  "kiểm tra, phê duyệt:",
			  rb_reviewer(b)))
		->keep_with_next = true;
	rb_group_lines(b, s, r->ext);
}

const char *
rb_attached_to(struct rb *b)
{
	const struct rp_header *h = b->doc->header;
	struct buf date;
	buf_init(&date, 1024);
	rp_date_words(h, &date);
	const char *out = rp_printf(b->doc,
				    "(Kèm theo Báo cáo số %s %s của %s)",
				    h->number ? h->number : "……/BC-……",
				    buf_str(&date), b->t.unit.name);
	buf_release(&date);
	return out;
}

static const char *
level_text(struct rb *b, const struct level_band *l)
{
	return l ? rp_printf(b->doc, "Mức %d", l->level) : "";
}

/* One fact is printed once: a note or a file that repeats a line the
 * cell already has ("Số lượng học liệu: 42" typed as a fact and as the
 * note) is left out. Lines are "- <what><text>". */
static bool
in_cell(const struct rp_cell *cell, const char *text)
{
	static const char *const what[] = { "- Đường link: ", "- Tệp: ", "- " };
	for (size_t i = 0; i < cell->nparas; i++) {
		const struct rp_para *p = cell->paras[i];
		const char *t = p->nruns == 1 ? p->runs[0].text : "";
		for (size_t k = 0; k < sizeof what / sizeof what[0]; k++)
			if (strncmp(t, what[k], strlen(what[k])) == 0) {
				t += strlen(what[k]);
				break;
			}
		if (strcmp(t, text) == 0)
			return true;
	}
	return false;
}

static void
evidence_text(struct rb *b, struct rp_cell *cell, const struct answer *a)
{
	for (size_t i = 0; i < a->nevidence; i++) {
		const struct evidence_ref *ev = &a->evidence[i];
		const char *what = ev->kind == EVIDENCE_LINK ? "Đường link: "
							     : "";
		if (!in_cell(cell, ev->text))
			rp_cell_para(
				b->doc, cell, RP_LEFT, 0,
				rp_printf(b->doc, "- %s%s", what, ev->text));
	}
	if (a->note && a->note[0] && !in_cell(cell, a->note))
		rp_cell_para(b->doc, cell, RP_LEFT, RP_ITALIC, a->note);
}

bool
rb_criterion_answered(const struct result *r, const struct criterion *c)
{
	size_t all;
	return score_criterion_open(r->self, c, &all) < all;
}

bool
rb_group_answered(const struct result *r, const struct group *g)
{
	for (size_t c = 0; c < g->ncriteria; c++)
		if (rb_criterion_answered(r, &g->criteria[c]))
			return true;
	return false;
}

void
rb_item_evidence(struct rb *b, struct rp_cell *cell, const struct result *r,
		 const struct item *it, bool with_criterion)
{
	evidence_text(b, cell, &r->ans->v[it->idx]);
	for (size_t i = 0; i < r->nfiles; i++) {
		const char *cid = r->files[i].criterion_id;
		if ((strcmp(cid, it->id) == 0 ||
		     (with_criterion && strcmp(cid, it->criterion->id) == 0)) &&
		    !in_cell(cell, r->files[i].name))
			rp_cell_para(b->doc, cell, RP_LEFT, 0,
				     rp_printf(b->doc, "- Tệp: %s",
					       r->files[i].name));
	}
}

void
rb_evidence_cell(struct rb *b, struct rp_cell *cell, const struct result *r,
		 const struct criterion *c)
{
	for (size_t i = 0; i < c->nitems; i++)
		evidence_text(b, cell, &r->ans->v[c->items[i].idx]);
	for (size_t i = 0; i < r->nfiles; i++) {
		const char *cid = r->files[i].criterion_id;
		bool mine = strcmp(cid, c->id) == 0;
		for (size_t j = 0; !mine && j < c->nitems; j++)
			mine = strcmp(cid, c->items[j].id) == 0;
		const char *what = r->files[i].kind == EVIDENCE_LINK
					   ? "Đường link: "
				   : r->files[i].kind == EVIDENCE_FACT
					   ? ""
					   : "Tệp: ";
		if (mine && !in_cell(cell, r->files[i].name))
			rp_cell_para(b->doc, cell, RP_LEFT, 0,
				     rp_printf(b->doc, "- %s%s", what,
					       r->files[i].name));
	}
}

void
rb_unanswered_cell(struct rb *b, struct rp_table *t, size_t row, size_t col)
{
	rp_cell_align(
		rp_cell_text(b->doc, t, row, col, RP_ITALIC, RB_UNANSWERED),
		RP_CENTER);
}

static void
points_cell(struct rb *b, struct rp_table *t, size_t row, size_t col,
	    const struct item *it, const struct item_score *is)
{
	if (it->kind == ITEM_GATE)
		rp_cell_align(rp_cell_text(b->doc, t, row, col,
					   is->answered ? 0 : RP_ITALIC,
					   !is->answered  ? RB_UNANSWERED
					   : is->gate_met ? "Đạt"
							  : "Không đạt"),
			      RP_CENTER);
	else if (is->answered)
		rp_cell_pts(b->doc, t, row, col, is->points);
	else
		rb_unanswered_cell(b, t, row, col);
}

static void
header_row(struct rb *b, struct rp_table *t, bool with_levels)
{
	static const char *const names[] = { "STT",	    "Tiêu chí",
					     "Điểm tối đa", "Điểm tự đánh giá",
					     "Mức",	    "Minh chứng" };
	static const char *const no_levels[] = { "STT", "Tiêu chí",
						 "Điểm tối đa",
						 "Điểm tự đánh giá",
						 "Minh chứng" };
	rp_head_row(b->doc, t, with_levels ? names : no_levels);
}

/* A criterion's items under its row, each with its heading if any. */
static void
item_rows(struct rb *b, struct rp_table *t, const struct result *r,
	  const struct criterion *c)
{
	for (size_t i = 0; i < c->nitems; i++) {
		const struct item *it = &c->items[i];
		if (it->heading != NULL)
			rp_cell_text(b->doc, t, rp_row_add(b->doc, t), 1,
				     RP_ITALIC,
				     rp_printf(b->doc, "- %s", it->heading));
		size_t ir = rp_row_add(b->doc, t);
		rp_cell_text(b->doc, t, ir, 1, RP_ITALIC,
			     rp_printf(b->doc, "- %s", it->text));
		if (it->max > 0)
			rp_cell_pts(b->doc, t, ir, 2, it->max);
		points_cell(b, t, ir, 3, it, &r->self->items[it->idx]);
	}
}

static void
criterion_rows(struct rb *b, struct rp_table *t, const struct result *r,
	       const struct criterion *c, bool with_levels)
{
	const struct criterion_score *cs = &r->self->criteria[c->idx];
	size_t row = rp_row_add(b->doc, t), ev = with_levels ? 5 : 4;
	rp_cell_text(b->doc, t, row, 0, 0, rp_printf(b->doc, "%s.", c->id));
	rp_cell_text(b->doc, t, row, 1, 0, c->title);
	bool answered = rb_criterion_answered(r, c);
	if (c->max > 0) {
		rp_cell_pts(b->doc, t, row, 2, c->max);
		if (answered)
			rp_cell_pts(b->doc, t, row, 3, cs->points);
		else
			rb_unanswered_cell(b, t, row, 3);
	} else {
		rp_cell_align(
			rp_cell_text(b->doc, t, row, 2, RP_ITALIC, "Bắt buộc"),
			RP_CENTER);
		if (c->nitems == 1)
			points_cell(b, t, row, 3, &c->items[0],
				    &r->self->items[c->items[0].idx]);
	}
	if (with_levels && answered)
		rp_cell_align(rp_cell_text(b->doc, t, row, 4, 0,
					   level_text(b, cs->level)),
			      RP_CENTER);
	struct rp_cell *evc = rp_cell_text(b->doc, t, row, ev, 0, "");
	evc->nparas = 0;
	rb_evidence_cell(b, evc, r, c);
	if (c->nitems < 2)
		return;
	item_rows(b, t, r, c);
	/* The criterion's row never ends a page without its first item. */
	rp_row_keep_prev(t, row + 1);
}

void
rb_criteria_table(struct rb *b, struct rp_section *s, const struct result *r,
		  bool with_levels)
{
	static const int w6[] = { 7, 56, 12, 11, 9, 45 };
	static const int w5[] = { 7, 61, 12, 12, 48 };
	size_t ncols = with_levels ? 6 : 5;
	struct rp_table *t = rp_table_add(b->doc, s, ncols,
					  with_levels ? w6 : w5);
	if (t == NULL)
		return;
	t->caption = "Kết quả tự đánh giá";
	header_row(b, t, with_levels);
	const struct rubric *rb = r->sub.rubric;
	for (size_t g = 0; g < rb->ngroups; g++) {
		const struct group *gr = &rb->groups[g];
		const struct group_score *gs = &r->self->groups[g];
		size_t row = rp_row_add(b->doc, t);
		rp_cell_text(b->doc, t, row, 0, RP_BOLD,
			     rp_printf(b->doc, "%s.", gr->id));
		rp_cell_text(b->doc, t, row, 1, RP_BOLD, gr->title);
		rp_cell_pts(b->doc, t, row, 2, gr->max)->style = RP_BOLD;
		size_t all;
		bool answered = score_group_open(r->self, gr, &all) < all;
		if (answered)
			rp_cell_pts(b->doc, t, row, 3, gs->points)->style =
				RP_BOLD;
		else
			rb_unanswered_cell(b, t, row, 3);
		/* A draft's group with open items has no level yet. */
		if (with_levels && answered &&
		    score_group_settled(r->self, gr, b->doc->stamp != NULL))
			rp_cell_align(rp_cell_text(b->doc, t, row, 4, RP_BOLD,
						   level_text(b, gs->level)),
				      RP_CENTER);
		for (size_t c = 0; c < gr->ncriteria; c++)
			criterion_rows(b, t, r, &gr->criteria[c], with_levels);
		/* A group's row keeps its first criterion. */
		rp_row_keep_prev(t, row + 1);
	}
	if (rb->ngroups > 1 && rubric_has_total(rb)) {
		size_t row = rp_row_add(b->doc, t);
		rp_cell_text(b->doc, t, row, 1, RP_BOLD, "Tổng cộng");
		rp_cell_pts(b->doc, t, row, 2, rb->total_max)->style = RP_BOLD;
		rp_cell_pts(b->doc, t, row, 3, r->self->total)->style = RP_BOLD;
	}
}

void
rb_score_charts(struct rb *b, struct rp_section *s, const struct result *res)
{
	const struct score *sc = res->self;
	const struct rubric *r = sc->rubric;
	const struct report_chart *list;
	size_t nlist = report_charts(b->kind, r, b->a, &list);
	for (size_t k = 0; k < nlist; k++) {
		if (list[k].group < 0)
			continue; /* not a group's (report_charts) */
		const struct group *gr = &r->groups[list[k].group];
		size_t n = 0;
		for (size_t c = 0; c < gr->ncriteria; c++)
			n += gr->criteria[c].max > 0;
		struct rp_chart *ch = rp_chart_add(b->doc, s, RP_CHART_GROUPED,
						   n, 2);
		if (ch == NULL)
			continue;
		ch->title = list[k].title;
		ch->y_label = "Điểm";
		ch->x_label = "Tiêu chí";
		ch->series[0] = "Điểm tối đa";
		ch->series[1] = "Điểm tự đánh giá";
		ch->tones[0] = RP_TONE_REF;
		ch->tones[1] = RP_TONE_VALUE;
		/* A draft's unanswered criterion gets no bar, not a 0. */
		ch->no_value = RB_UNANSWERED;
		size_t i = 0;
		for (size_t c = 0; c < gr->ncriteria; c++) {
			const struct criterion *cr = &gr->criteria[c];
			if (cr->max <= 0)
				continue;
			ch->cats[i] = cr->id;
			ch->values[i] = pts_to_double(cr->max);
			ch->values[n + i] =
				rb_criterion_answered(res, cr)
					? pts_to_double(
						  sc->criteria[cr->idx].points)
					: NAN;
			i++;
		}
	}
}
