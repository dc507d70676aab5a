/*
 * Intervals in the notation rubric files use for bands: "[0,50)", "[50,75]",
 * "(75,100]", "[40,inf)". They read like the decision's wording ("dưới 50",
 * "từ 50 đến 75", "trên 75") and make gaps and overlaps checkable.
 */
#ifndef TS_RANGE_H
#define TS_RANGE_H

#include <stdbool.h>

#include "fixed.h"

struct range {
	pts_t lo, hi;
	bool lo_open; /* "(": lo itself is outside */
	bool hi_open; /* ")": hi itself is outside */
	bool hi_inf;  /* "inf": no upper end (always open) */
};

/* Parses the text form; on failure returns false and sets *why to a
 * Vietnamese reason. */
bool range_parse(const char *s, struct range *r, const char **why);
bool range_contains(const struct range *r, pts_t v);
/* Writes the canonical text form (at least 80 bytes). */
const char *range_format(const struct range *r, char *out);

/*
 * How consecutive ranges a and b (a before b) meet: RANGE_TOUCH when they
 * share exactly the edge and exactly one side includes it.
 */
enum range_join {
	RANGE_TOUCH,
	RANGE_GAP,
	RANGE_OVERLAP,
	RANGE_DISORDER
};
enum range_join range_join(const struct range *a, const struct range *b);

/* The range in the decision's own words, e.g. "dưới 50", "từ 50 đến 75",
 * "trên 75", "từ 40 trở lên" (at least 128 bytes). `top` is the largest
 * possible value, so "(75,100]" with top 100 reads "trên 75". */
const char *range_words(const struct range *r, pts_t top, char *out);

#endif
