/*
 * "What is missing for the next level" (users-want.md: nobody plans from
 * scores). For each group: the failed gates to meet first, how many points
 * the next level still needs, and every item that could add points, with
 * the gain of its smallest next step.
 *
 * Order, cheapest first: items whose full gain alone closes the gap come
 * first, smallest such gain first (the least extra work that suffices);
 * then the others, largest gain first (the fewest items to combine).
 */
#include "../util/arena.h"
#include "score.h"

int score_advise(struct score *s, const struct group *g);

/* Smallest positive gain from changing one thing in a checklist answer. */
static pts_t
checklist_step(const struct item *it, const struct answer *cur, pts_t now)
{
	pts_t best = 0;
	struct answer t = *cur;
	t.present = true;
	for (size_t i = 0; i < it->noptions; i++) {
		if (cur->checked & ((uint64_t)1 << i))
			continue;
		t.checked = cur->checked | ((uint64_t)1 << i);
		pts_t d = item_points(it, &t) - now;
		if (d > 0 && (best == 0 || d < best))
			best = d;
	}
	t.checked = cur->checked;
	for (size_t i = 0; i < it->nbase_options; i++) {
		t.base = i;
		pts_t d = item_points(it, &t) - now;
		if (d > 0 && (best == 0 || d < best))
			best = d;
	}
	return best;
}

/* A band item's next step: the first band above the points now that the
 * value has not reached yet. */
static void
band_step(const struct item *it, const struct answer *a, pts_t now,
	  struct suggestion *sg)
{
	for (size_t i = 0; i < it->nbands; i++) {
		const struct band *b = &it->bands[i];
		if (b->points <= now ||
		    (a->present && (b->range.lo < a->num ||
				    range_contains(&b->range, a->num))))
			continue;
		/* The least value inside the band: just above an open bound
		 * ("trên 50%"). */
		pts_t up = it->input == INPUT_COUNT ? PTS_ONE : 1;
		sg->step_gain = b->points - now;
		sg->step_at = b->range.lo + (b->range.lo_open ? up : 0);
		sg->step_band = b;
		return;
	}
}

static void
step_for(const struct item *it, const struct answer *a, pts_t now,
	 struct suggestion *sg)
{
	sg->step_gain = sg->gain;
	switch (it->kind) {
	case ITEM_POINTS:
		sg->step_gain = it->step < sg->gain ? it->step : sg->gain;
		break;
	case ITEM_BAND: band_step(it, a, now, sg); break;
	case ITEM_CHOICE:
		for (size_t i = 0; i < it->noptions; i++) {
			pts_t d = it->options[i].points - now;
			if (d > 0 && d < sg->step_gain)
				sg->step_gain = d;
		}
		break;
	case ITEM_CHECKLIST: sg->step_gain = checklist_step(it, a, now); break;
	default: break;
	}
}

static int
cmp_suggestion(const void *pa, const void *pb, void *ctx)
{
	const struct suggestion *a = pa, *b = pb;
	pts_t need = *(const pts_t *)ctx;
	bool ca = a->gain >= need, cb = b->gain >= need;
	if (ca != cb)
		return ca ? -1 : 1;
	if (a->gain != b->gain)
		return (ca ? a->gain < b->gain : a->gain > b->gain) ? -1 : 1;
	return a->item->idx < b->item->idx ? -1 : 1;
}

/* Insertion sort: a group has tens of items; qsort_r is not C17. */
static void
sort_suggestions(struct suggestion *v, size_t n, pts_t need)
{
	for (size_t i = 1; i < n; i++)
		for (size_t k = i;
		     k > 0 && cmp_suggestion(&v[k], &v[k - 1], &need) < 0;
		     k--) {
			struct suggestion t = v[k];
			v[k] = v[k - 1];
			v[k - 1] = t;
		}
}

/* One item of a criterion with `room` points left: a failed gate, or a
 * suggestion with what it could add (returned). */
static pts_t
suggest(struct score *s, const struct item *it, pts_t room, struct advice *ad)
{
	const struct item_score *is = &s->items[it->idx];
	if (it->kind == ITEM_GATE) {
		if (!is->gate_met)
			ad->gates[ad->ngates++] = it;
		return 0;
	}
	pts_t gain = it->max - is->points;
	if (gain > room)
		gain = room;
	if (gain <= 0)
		return 0;
	struct suggestion *sg = &ad->v[ad->n++];
	sg->item = it;
	sg->gain = gain;
	step_for(it, &s->answers->v[it->idx], is->points, sg);
	if (sg->step_gain > room)
		sg->step_gain = room;
	return gain;
}

static void
collect(struct score *s, const struct group *g, struct advice *ad)
{
	for (size_t c = 0; c < g->ncriteria; c++) {
		const struct criterion *cr = &g->criteria[c];
		pts_t room = cr->max - s->criteria[cr->idx].points;
		pts_t crit_avail = 0;
		for (size_t i = 0; i < cr->nitems; i++)
			crit_avail += suggest(s, &cr->items[i], room, ad);
		ad->available += crit_avail < room ? crit_avail : room;
	}
}

static pts_t
gcd_pts(pts_t a, pts_t b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b != 0) {
		pts_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static pts_t
options_gcd(pts_t d, const struct option *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		d = gcd_pts(d, o[i].points);
	return d;
}

/* Every point value one item can give is a multiple of this. */
static pts_t
item_grain(const struct item *it)
{
	pts_t d = gcd_pts(it->max, it->kind == ITEM_POINTS ? it->step : 0);
	for (size_t i = 0; i < it->nbands; i++)
		d = gcd_pts(d, it->bands[i].points);
	d = options_gcd(d, it->options, it->noptions);
	d = options_gcd(d, it->base_options, it->nbase_options);
	return gcd_pts(gcd_pts(d, it->base), it->deduct);
}

/*
 * The rubric's own step for a group: every total the group can reach is a
 * multiple of it (sums of item points, and criterion caps). QĐ 4725 gives
 * whole points, so 75 → "trên 75" needs 1 more, not "more than 0".
 */
static pts_t
group_grain(const struct group *g)
{
	pts_t d = 0;
	for (size_t c = 0; c < g->ncriteria; c++) {
		const struct criterion *cr = &g->criteria[c];
		if (cr->cap)
			d = gcd_pts(d, cr->max);
		for (size_t i = 0; i < cr->nitems; i++)
			d = gcd_pts(d, item_grain(&cr->items[i]));
	}
	return d > 0 ? d : 1;
}

/* The fewest points, at the group's step, that put the ungated total
 * inside range r. */
static pts_t
points_to_reach(const struct range *r, pts_t ungated, pts_t grain)
{
	pts_t t = (r->lo + grain - 1) / grain * grain;
	if (r->lo_open && t == r->lo)
		t += grain;
	return t > ungated ? t - ungated : 0;
}

int
score_advise(struct score *s, const struct group *g)
{
	struct group_score *gs = &s->groups[g->idx];
	struct advice *ad = &gs->advice;
	size_t nitems = 0;
	for (size_t c = 0; c < g->ncriteria; c++)
		nitems += g->criteria[c].nitems;
	ad->v = arena_calloc(s->arena, nitems + 1, sizeof(*ad->v));
	ad->gates = arena_calloc(s->arena, nitems + 1, sizeof(*ad->gates));
	if (ad->v == NULL || ad->gates == NULL)
		return -1;
	collect(s, g, ad);
	if (gs->level != NULL && (size_t)gs->level->level < g->nlevels)
		ad->next = &g->levels[gs->level->level];
	if (ad->next != NULL) {
		/* Meeting the gates restores the ungated points first. */
		ad->needed = points_to_reach(&ad->next->range, gs->ungated,
					     group_grain(g));
		ad->reachable = ad->available >= ad->needed;
	}
	sort_suggestions(ad->v, ad->n, ad->needed);
	return 0;
}
