/*
 * The rubric files a deployment knows: every JSON file of data/rubrics, loaded and
 * validated at start. Several versions of one rubric id may coexist; old
 * results stay tied to the version that scored them.
 */
#ifndef TS_RUBRIC_SET_H
#define TS_RUBRIC_SET_H

#include "../core/rubric.h"

struct rubric_entry {
	char *path;
	struct rubric *rubric;
};

struct rubric_set {
	struct rubric_entry *v;
	size_t n;
};

/* Data directory: $TRUONGSO_DATA, else ./data if it has rubrics/, else the
 * install directory compiled in. */
const char *app_data_dir(void);

/* Sorted names of the *.json files in dir (malloc'd array of malloc'd
 * names, *n of them); NULL with a problem if dir cannot be read. Shared
 * by data/rubrics and data/indicators. */
char **data_list_json(const char *dir, size_t *n, struct diags *d);

/* Loads and validates one rubric file. */
enum ts_err rubric_load_file(const char *path, struct rubric **out,
			     struct diags *d) TS_MUSTCHECK;

/* Loads every *.json in dir (sorted by name). Fails with every problem
 * listed if any file is invalid or two files share an id and version. */
enum ts_err rubric_set_load(const char *dir, struct rubric_set *out,
			    struct diags *d) TS_MUSTCHECK;
void rubric_set_release(struct rubric_set *s);

/* "id" gives the highest version; "id@N" exactly version N. */
const struct rubric *rubric_set_find(const struct rubric_set *s,
				     const char *ref);

#endif
