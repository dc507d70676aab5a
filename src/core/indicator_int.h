/* Internal to the indicator-set loader: shared between indicator_load.c
 * and indicator_item.c. */
#ifndef TS_INDICATOR_INT_H
#define TS_INDICATOR_INT_H

#include "indicator.h"
#include "jread.h"

/* Codes named by an indicator, resolved once every indicator is read. */
struct ind_refs {
	const char *part_of;
	const char *required_if;
};

/* Reads one indicator (j positioned at it); set levels bound its own. */
void ind_load_one(struct jread *j, json_t *v, unsigned set_levels,
		  struct indicator *it, struct ind_refs *refs);
/* School-level bits of a list of codes ("MN", "TH", ...) at key. */
unsigned ind_load_levels(struct jread *j, json_t *obj, const char *key,
			 bool required);

#endif
