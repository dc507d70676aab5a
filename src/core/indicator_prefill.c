/* Pre-filling indicators from the same year's CĐS self-assessment. */
#include <string.h>

#include "indicator_prefill.h"

size_t
ind_prefill(struct ind_values *v, const struct rubric *r,
	    const struct answers *a, struct ind_prefill_line *out)
{
	size_t n = 0;
	for (size_t i = 0; i < v->set->n; i++) {
		const struct indicator *it = v->set->v[i];
		const struct item *item =
			it->prefill == PREFILL_NONE ||
					strcmp(it->prefill_rubric, r->id) != 0
				? NULL
				: rubric_find_item(r, it->prefill_item);
		if (item == NULL)
			continue;
		const struct answer *ans = &a->v[item->idx];
		struct ind_prefill_line *l = &out[n++];
		*l = (struct ind_prefill_line){ it, item, ans->present,
						ans->num, false };
		struct ind_value *x = &v->v[it->idx];
		bool yes = item->kind == ITEM_YESNO || item->kind == ITEM_GATE
				   ? ans->yes
				   : ans->num > 0;
		if (it->prefill == PREFILL_YES_IF_POINTS && ans->present &&
		    !x->present) {
			x->present = true;
			x->yes = yes;
			l->used = true;
		}
	}
	return n;
}
