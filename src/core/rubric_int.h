/* Internal to the rubric loader: shared between rubric_load.c and
 * rubric_item.c. */
#ifndef TS_RUBRIC_INT_H
#define TS_RUBRIC_INT_H

#include "jread.h"
#include "rubric.h"

#define RUBRIC_MAX_ITEMS    1000
#define RUBRIC_MAX_CRITERIA 500
#define RUBRIC_MAX_GROUPS   50

/* Checks that ranges (n of them, consecutive in memory with the given
 * stride) cover [0,hi] (or [0,inf) when hi_inf) exactly: no gap, no
 * overlap. `what` names the list in messages. */
void rubric_check_cover(struct jread *j, const struct range *first,
			size_t stride, size_t n, pts_t hi, bool hi_inf,
			const char *what);
/* Reads an evidence requirement object at key "evidence". */
void rubric_load_evidence(struct jread *j, json_t *obj,
			  struct evidence_req *out);
/* Reads one item (j positioned at the item). */
void rubric_load_item(struct jread *j, json_t *v, struct item *it);

#endif
