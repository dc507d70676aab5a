#include "gaps.h"

/* The answer says the school has or does something. */
static bool
claims(const struct score *sc, const struct item *it)
{
	const struct item_score *is = &sc->items[it->idx];
	return is->answered &&
	       (it->kind == ITEM_GATE ? is->gate_met : is->points > 0);
}

static bool
written_evidence(const struct score *sc, const struct criterion *c)
{
	for (size_t i = 0; sc->answers && i < c->nitems; i++)
		if (sc->answers->v[c->items[i].idx].nevidence > 0)
			return true;
	return false;
}

static void
put(struct gap *out, size_t max, size_t *n, enum gap_kind k,
    const struct criterion *c, const struct item *it)
{
	if (*n < max)
		out[*n] = (struct gap){ .kind = k, .criterion = c, .item = it };
	(*n)++;
}

/* One criterion's gaps: its blanks, then evidence it lacks. */
static void
criterion_gaps(const struct score *sc, const struct criterion *c, bool has_ev,
	       struct gap *out, size_t max, size_t *n)
{
	bool claimed = false, covered = has_ev || written_evidence(sc, c);
	for (size_t i = 0; i < c->nitems; i++) {
		const struct item *it = &c->items[i];
		if (!sc->items[it->idx].answered)
			put(out, max, n, GAP_BLANK, c, it);
		claimed = claimed || claims(sc, it);
	}
	if (covered)
		return;
	if (c->evidence.required && claimed) {
		put(out, max, n, GAP_EVIDENCE, c, NULL);
		return;
	}
	for (size_t i = 0; i < c->nitems; i++)
		if (c->items[i].evidence.required && claims(sc, &c->items[i]))
			put(out, max, n, GAP_EVIDENCE, c, &c->items[i]);
}

size_t
gaps_find(const struct score *sc, const bool *has_evidence, struct gap *out,
	  size_t max)
{
	const struct rubric *r = sc->rubric;
	size_t n = 0;
	for (size_t g = 0; g < r->ngroups; g++)
		for (size_t c = 0; c < r->groups[g].ncriteria; c++) {
			const struct criterion *cr = &r->groups[g].criteria[c];
			criterion_gaps(sc, cr,
				       has_evidence && has_evidence[cr->idx],
				       out, max, &n);
		}
	return n;
}
