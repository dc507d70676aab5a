#include "rubric_set.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/buf.h"
#include "fileio.h"

#ifndef TS_DATADIR
#define TS_DATADIR "/usr/local/share/truongso"
#endif

const char *
app_data_dir(void)
{
	const char *env = getenv("TRUONGSO_DATA");
	if (env != NULL && env[0] != '\0')
		return env;
	struct stat st;
	if (stat("data/rubrics", &st) == 0 && S_ISDIR(st.st_mode))
		return "data";
	return TS_DATADIR;
}

enum ts_err
rubric_load_file(const char *path, struct rubric **out, struct diags *d)
{
	char *text = NULL;
	size_t len = 0;
	enum ts_err e = file_read_all(path, INPUT_FILE_LIMIT, &text, &len, d);
	if (e != TS_OK)
		return e;
	e = rubric_parse(text, len, path, out, d);
	free(text);
	return e;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "x.json", not hidden. */
static bool
is_json_name(const char *name)
{
	size_t len = strlen(name);
	return len >= 6 && strcmp(name + len - 5, ".json") == 0 &&
	       name[0] != '.';
}

/* v (n names, room for cap) with room for one more: doubled when full.
 * On failure frees v and its names and returns NULL. */
static char **
grow_names(char **v, size_t n, size_t *cap)
{
	if (n + 1 < *cap)
		return v;
	char **nv = realloc(v, (*cap *= 2) * sizeof(*v));
	if (nv == NULL) {
		for (size_t i = 0; i < n; i++)
			free(v[i]);
		free(v);
	}
	return nv;
}

char **
data_list_json(const char *dir, size_t *n, struct diags *d)
{
	DIR *dp = opendir(dir);
	if (dp == NULL) {
		diags_add(d, dir, "không mở được thư mục bộ chỉ số");
		return NULL;
	}
	size_t cap = 16;
	char **v = malloc(cap * sizeof(*v));
	*n = 0;
	struct dirent *e;
	while (v != NULL && (e = readdir(dp)) != NULL) {
		if (!is_json_name(e->d_name))
			continue;
		v = grow_names(v, *n, &cap);
		if (v == NULL)
			break;
		v[(*n)++] = strdup(e->d_name);
	}
	closedir(dp);
	if (v != NULL)
		qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

static void
check_duplicates(const struct rubric_set *s, struct diags *d, int *bad)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < i; k++)
			if (strcmp(s->v[i].rubric->id, s->v[k].rubric->id) ==
				    0 &&
			    s->v[i].rubric->version ==
				    s->v[k].rubric->version) {
				diags_add(d, s->v[i].path,
					  "trùng mã \"%s\" phiên "
					  "bản %d với %s",
					  s->v[i].rubric->id,
					  s->v[i].rubric->version,
					  s->v[k].path);
				(*bad)++;
			}
}

enum ts_err
rubric_set_load(const char *dir, struct rubric_set *out, struct diags *d)
{
	size_t n = 0;
	char **names = data_list_json(dir, &n, d);
	if (names == NULL)
		return TS_EIO;
	memset(out, 0, sizeof(*out));
	out->v = calloc(n ? n : 1, sizeof(*out->v));
	int bad = out->v == NULL;
	for (size_t i = 0; i < n; i++) {
		struct buf p;
		buf_init(&p, 4096);
		buf_printf(&p, "%s/%s", dir, names[i]);
		struct rubric *r = NULL;
		if (!bad && names[i] != NULL &&
		    rubric_load_file(buf_str(&p), &r, d) == TS_OK) {
			out->v[out->n].path = buf_take(&p);
			out->v[out->n++].rubric = r;
		} else {
			bad++;
		}
		buf_release(&p);
		free(names[i]);
	}
	free(names);
	if (!bad)
		check_duplicates(out, d, &bad);
	if (bad) {
		rubric_set_release(out);
		return TS_EINVAL;
	}
	return TS_OK;
}

void
rubric_set_release(struct rubric_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].path);
		rubric_free(s->v[i].rubric);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

const struct rubric *
rubric_set_find(const struct rubric_set *s, const char *ref)
{
	const char *at = strchr(ref, '@');
	size_t idlen = at ? (size_t)(at - ref) : strlen(ref);
	long want = at ? strtol(at + 1, NULL, 10) : -1;
	const struct rubric *best = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const struct rubric *r = s->v[i].rubric;
		if (strlen(r->id) != idlen || strncmp(r->id, ref, idlen) != 0)
			continue;
		if (want >= 0 ? r->version == want
			      : (best == NULL || r->version > best->version))
			best = r;
	}
	return best;
}
