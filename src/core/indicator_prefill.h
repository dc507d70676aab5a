/*
 * One fact, one entry: an indicator that is also an item of the same
 * year's CĐS self-assessment (docs/indicator-format.md, "prefill") is shown
 * from there, with its source, until the school enters its own value.
 */
#ifndef TS_INDICATOR_PREFILL_H
#define TS_INDICATOR_PREFILL_H

#include "answers.h"
#include "indicator_values.h"

struct ind_prefill_line {
	const struct indicator *indicator;
	const struct item *item; /* the rubric's item */
	bool answered;		 /* the self-assessment has a value for it */
	pts_t points;		 /* its points there */
	bool used;		 /* laid in as the value (nothing entered) */
};

/*
 * For each indicator of v's set pre-filled from rubric r (matched by id),
 * fills one line of out (v->set->n slots) and returns how many. A yes/no
 * "yes_if_points" indicator the unit has not entered takes "có" when the
 * item scored more than 0 and "không" when it scored 0; a "hint" is only
 * shown. Indicators naming another rubric are skipped.
 */
size_t ind_prefill(struct ind_values *v, const struct rubric *r,
		   const struct answers *a, struct ind_prefill_line *out);

#endif
