/* Loading the QĐ 131 target file with the indicator sets it names. */
#include "stats.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../core/target.h"
#include "../util/buf.h"
#include "fileio.h"
#include "indicator_set.h"

/* The office set the file names, a copy loaded from its own file. */
static enum ts_err
office_set(const char *text, size_t len, const char *data_dir,
	   struct ind_set **out, struct diags *d)
{
	json_t *root = json_loadb(text, len, 0, NULL);
	const char *id =
		json_string_value(json_object_get(root, "office_indicators"));
	struct ind_sets sets;
	struct buf dir;
	buf_init(&dir, 4096);
	buf_printf(&dir, "%s/indicators", data_dir);
	enum ts_err e = ind_sets_load(buf_str(&dir), &sets, d);
	buf_release(&dir);
	const struct ind_set *s = e == TS_OK && id ? ind_sets_find(&sets, id)
						   : NULL;
	for (size_t i = 0; s != NULL && i < sets.n; i++)
		if (sets.v[i] == s) { /* kept: the caller frees it */
			*out = sets.v[i];
			sets.v[i] = NULL;
		}
	if (e == TS_OK)
		ind_sets_release(&sets);
	if (e == TS_OK && s == NULL) {
		diags_add(d, "office_indicators",
			  "không có bộ chỉ số của cơ "
			  "quan \"%s\"",
			  id ? id : "");
		e = TS_EINVAL;
	}
	json_decref(root);
	return e;
}

enum ts_err
stats_targets_load(const char *path, const char *data_dir,
		   const struct ind_set *schools, struct ind_set **office,
		   struct target_set **out, struct diags *d)
{
	char *text = NULL;
	size_t len = 0;
	*office = NULL;
	enum ts_err e = file_read_all(path, INPUT_FILE_LIMIT, &text, &len, d);
	if (e == TS_OK)
		e = office_set(text, len, data_dir, office, d);
	if (e == TS_OK)
		e = target_set_parse(text, len, path, schools, *office, out, d);
	if (e != TS_OK) {
		ind_set_free(*office);
		*office = NULL;
	}
	free(text);
	return e;
}
