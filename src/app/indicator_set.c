#include "indicator_set.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "fileio.h"
#include "rubric_set.h"

enum ts_err
ind_set_load_file(const char *path, struct ind_set **out, struct diags *d)
{
	char *text = NULL;
	size_t len = 0;
	enum ts_err e = file_read_all(path, INPUT_FILE_LIMIT, &text, &len, d);
	if (e != TS_OK)
		return e;
	e = ind_set_parse(text, len, path, out, d);
	free(text);
	return e;
}

static bool
duplicates(const struct ind_sets *s, struct diags *d)
{
	bool bad = false;
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < i; k++)
			if (strcmp(s->v[i]->id, s->v[k]->id) == 0 &&
			    s->v[i]->version == s->v[k]->version) {
				diags_add(d, s->paths[i],
					  "trùng mã \"%s\" phiên "
					  "bản %d với %s",
					  s->v[i]->id, s->v[i]->version,
					  s->paths[k]);
				bad = true;
			}
	return bad;
}

/* Loads the file name of dir into out. e is the error so far; returns
 * it, or this file's when it is the first or out of memory. Every file
 * is tried, so that each one's problems are reported. */
static enum ts_err
load_one(const char *dir, const char *name, enum ts_err e, struct ind_sets *out,
	 struct diags *d)
{
	struct buf p;
	buf_init(&p, 4096);
	buf_printf(&p, "%s/%s", dir, name);
	struct ind_set *s = NULL;
	enum ts_err fe = e == TS_ENOMEM || name == NULL
				 ? TS_ENOMEM
				 : ind_set_load_file(buf_str(&p), &s, d);
	if (fe == TS_OK) {
		out->paths[out->n] = buf_take(&p);
		out->v[out->n++] = s;
	} else if (e == TS_OK || fe == TS_ENOMEM) {
		e = fe;
	}
	buf_release(&p);
	return e;
}

enum ts_err
ind_sets_load(const char *dir, struct ind_sets *out, struct diags *d)
{
	size_t n = 0;
	char **names = data_list_json(dir, &n, d);
	memset(out, 0, sizeof(*out));
	if (names == NULL)
		return TS_EIO;
	out->v = calloc(n ? n : 1, sizeof(*out->v));
	out->paths = calloc(n ? n : 1, sizeof(*out->paths));
	enum ts_err e = out->v && out->paths ? TS_OK : TS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		e = load_one(dir, names[i], e, out, d);
		free(names[i]);
	}
	free(names);
	if (e == TS_OK && duplicates(out, d))
		e = TS_EINVAL;
	if (e != TS_OK)
		ind_sets_release(out);
	return e;
}

void
ind_sets_release(struct ind_sets *s)
{
	for (size_t i = 0; i < s->n; i++) {
		ind_set_free(s->v[i]);
		free(s->paths[i]);
	}
	free(s->v);
	free(s->paths);
	memset(s, 0, sizeof(*s));
}

const struct ind_set *
ind_sets_find(const struct ind_sets *s, const char *ref)
{
	const char *at = strchr(ref, '@');
	size_t idlen = at ? (size_t)(at - ref) : strlen(ref);
	long want = at ? strtol(at + 1, NULL, 10) : 0;
	const struct ind_set *best = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const struct ind_set *x = s->v[i];
		if (strlen(x->id) != idlen || strncmp(x->id, ref, idlen) != 0)
			continue;
		if (at ? x->version == want
		       : best == NULL || x->version > best->version)
			best = x;
	}
	return best;
}
