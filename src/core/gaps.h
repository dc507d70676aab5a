/*
 * What still stands between a submission and submitting it, for the
 * head's "Kiểm tra trước khi nộp" page: every unanswered item (submitting
 * refuses those: a 0 must be entered, not forgotten), and every claim the
 * rubric wants minh chứng for that has none. Pure: the caller says which
 * criteria have evidence linked.
 */
#ifndef TS_GAPS_H
#define TS_GAPS_H

#include <stdbool.h>
#include <stddef.h>

#include "score.h"

enum gap_kind {
	GAP_BLANK,
	GAP_EVIDENCE
};

struct gap {
	enum gap_kind kind;
	const struct criterion *criterion;
	const struct item *item; /* NULL: the criterion's own evidence */
};

/*
 * Fills out (up to max; returns how many there are, which may be more),
 * in rubric order: blanks, and missing evidence where the rubric marks it
 * required and the answer claims something (points above 0, or a gate
 * met) with no evidence linked to the criterion (has_evidence, by
 * criterion idx) and none written in the answer itself.
 */
size_t gaps_find(const struct score *sc, const bool *has_evidence,
		 struct gap *out, size_t max);

#endif
