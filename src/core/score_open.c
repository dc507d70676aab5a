/* What a score still leaves open, and whether a level may be shown yet:
 * the one rule the reports, the web form and its live preview share
 * (issue 18 item 6: a draft never passes for a final result). */
#include "score.h"

size_t
score_criterion_open(const struct score *s, const struct criterion *c,
		     size_t *all)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nitems; i++)
		n += !s->items[c->items[i].idx].answered;
	*all = c->nitems;
	return n;
}

size_t
score_group_open(const struct score *s, const struct group *g, size_t *all)
{
	size_t n = 0, one;
	*all = 0;
	for (size_t c = 0; c < g->ncriteria; c++) {
		n += score_criterion_open(s, &g->criteria[c], &one);
		*all += one;
	}
	return n;
}

bool
score_group_settled(const struct score *s, const struct group *g, bool draft)
{
	size_t all;
	return !draft || score_group_open(s, g, &all) == 0;
}

bool
score_settled(const struct score *s, bool draft)
{
	return !draft || s->unanswered == 0;
}
