/* Queries over a loaded rubric. */
#include "rubric.h"

#include <string.h>

#include "../util/arena.h"
#include "../util/vnstr.h"

void
rubric_free(struct rubric *r)
{
	if (r != NULL)
		arena_free(r->arena);
}

const struct item *
rubric_find_item(const struct rubric *r, const char *id)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i]->id, id) == 0)
			return r->items[i];
	/* Ids are NFC in the rubric; a key typed elsewhere may not be. */
	for (size_t i = 0; i < r->nitems; i++)
		if (vn_nfc_equal(r->items[i]->id, id))
			return r->items[i];
	return NULL;
}

bool
rubric_is_national(const struct rubric *r)
{
	return r->source.issued_by &&
	       strcmp(r->source.issued_by, "Bộ Giáo dục và Đào tạo") == 0;
}

bool
rubric_has_total(const struct rubric *r)
{
	if (r->ngroups <= 1 || r->ngrades > 0)
		return true;
	for (size_t g = 0; g < r->ngroups; g++)
		if (r->groups[g].nlevels > 0)
			return false;
	return true;
}

unsigned
rubric_shape(const struct rubric *r)
{
	unsigned s = 0;
	for (size_t g = 0; g < r->ngroups; g++)
		if (r->groups[g].nlevels > 0)
			s |= RS_LEVELS;
	if (r->ngrades > 0)
		s |= RS_GRADE;
	if (r->school_levels == LEVEL_MN)
		s |= RS_MN;
	return s;
}

const struct level_band *
level_find(const struct level_band *v, size_t n, pts_t x)
{
	for (size_t i = 0; i < n; i++)
		if (range_contains(&v[i].range, x))
			return &v[i];
	return NULL;
}
