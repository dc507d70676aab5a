/*
 * The statistics indicator sets a deployment knows: every JSON file of
 * data/indicators, loaded and validated (docs/indicator-format.md).
 */
#ifndef TS_INDICATOR_SET_H
#define TS_INDICATOR_SET_H

#include "../core/indicator.h"

struct ind_sets {
	struct ind_set **v;
	char **paths;
	size_t n;
};

/* Loads and validates one indicator-set file. */
enum ts_err ind_set_load_file(const char *path, struct ind_set **out,
			      struct diags *d) TS_MUSTCHECK;
/* Loads every *.json in dir (sorted by name). Fails with every problem
 * listed if any file is invalid or two files share an id and version. */
enum ts_err ind_sets_load(const char *dir, struct ind_sets *out,
			  struct diags *d) TS_MUSTCHECK;
void ind_sets_release(struct ind_sets *s);
/* "id" gives the highest version; "id@N" exactly version N. */
const struct ind_set *ind_sets_find(const struct ind_sets *s, const char *ref);

#endif
