#include "score.h"

#include "../util/arena.h"

static pts_t
option_points(const struct option *o, size_t n, size_t at)
{
	return at < n ? o[at].points : 0;
}

static pts_t
checklist_points(const struct item *it, const struct answer *a)
{
	pts_t p = it->nbase_options > 0
			  ? option_points(it->base_options, it->nbase_options,
					  a->base)
			  : it->base;
	for (size_t i = 0; i < it->noptions; i++) {
		if (a->checked & ((uint64_t)1 << i))
			p += it->options[i].points;
		else
			p -= it->deduct;
	}
	if (p < 0)
		return 0;
	return p > it->max ? it->max : p;
}

pts_t
item_points(const struct item *it, const struct answer *a)
{
	if (!a->present)
		return 0;
	switch (it->kind) {
	case ITEM_GATE: return 0;
	case ITEM_YESNO: return a->yes ? it->max : 0;
	case ITEM_POINTS: return a->num;
	case ITEM_BAND:
		for (size_t i = 0; i < it->nbands; i++)
			if (range_contains(&it->bands[i].range, a->num))
				return it->bands[i].points;
		return 0;
	case ITEM_CHOICE:
		return option_points(it->options, it->noptions, a->choice);
	case ITEM_CHECKLIST: return checklist_points(it, a);
	}
	return 0;
}

static void
score_criterion(struct score *s, const struct criterion *c, bool *gates_met)
{
	struct criterion_score *cs = &s->criteria[c->idx];
	for (size_t i = 0; i < c->nitems; i++) {
		const struct item *it = &c->items[i];
		const struct answer *a = &s->answers->v[it->idx];
		struct item_score *is = &s->items[it->idx];
		is->answered = a->present;
		is->max = it->max;
		is->points = item_points(it, a);
		if (it->kind == ITEM_GATE) {
			is->gate_met = a->present && a->yes;
			if (!is->gate_met)
				*gates_met = false;
		}
		if (!a->present)
			s->unanswered++;
		cs->raw += is->points;
	}
	cs->points = cs->raw > c->max ? c->max : cs->raw;
	cs->level = level_find(c->levels, c->nlevels, cs->points);
}

/* Defined in advice.c. */
int score_advise(struct score *s, const struct group *g);

struct score *
score_compute(const struct rubric *r, const struct answers *a)
{
	struct arena *ar = arena_new();
	if (ar == NULL)
		return NULL;
	struct score *s = arena_alloc(ar, sizeof(*s));
	if (s == NULL)
		goto oom;
	s->arena = ar;
	s->rubric = r;
	s->answers = a;
	s->items = arena_calloc(ar, r->nitems + 1, sizeof(*s->items));
	s->criteria = arena_calloc(ar, r->ncriteria + 1, sizeof(*s->criteria));
	s->groups = arena_calloc(ar, r->ngroups + 1, sizeof(*s->groups));
	if (!s->items || !s->criteria || !s->groups)
		goto oom;
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group *gr = &r->groups[g];
		struct group_score *gs = &s->groups[g];
		gs->gates_met = true;
		for (size_t c = 0; c < gr->ncriteria; c++) {
			score_criterion(s, &gr->criteria[c], &gs->gates_met);
			gs->ungated += s->criteria[gr->criteria[c].idx].points;
		}
		/* QĐ 4725 điều kiện bắt buộc; seed 004: "Nếu không đạt thì
		 * không có điểm của mục 1". */
		gs->points = gs->gates_met ? gs->ungated : 0;
		gs->level = level_find(gr->levels, gr->nlevels, gs->points);
		s->total += gs->points;
		if (score_advise(s, gr) != 0)
			goto oom;
	}
	s->grade = level_find(r->grades, r->ngrades, s->total);
	return s;
oom:
	arena_free(ar);
	return NULL;
}

void
score_free(struct score *s)
{
	if (s != NULL)
		arena_free(s->arena);
}
