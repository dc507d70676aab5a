/* One indicator of a statistics campaign drilled down under an office
 * (stats_drill_open): the office's roll-up, read and parsed once
 * (stats_rollup_open, participants ordered by path), summed again per
 * sub-unit of the office, and the schools that have not answered it. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "org.h"

/* The path of the root's child that holds `path` ("/1/4/" for
 * "/1/4/17/" under "/1/"); the path itself when it is a child. */
static size_t
child_len(const char *root, const char *path)
{
	size_t n = strlen(root);
	const char *slash = strchr(path + n, '/');
	return slash ? (size_t)(slash - path) + 1 : strlen(path);
}

/* The participants i..j-1 under one child, rolled up by bậc học. */
static void
sum_child(struct stats_drill *dr, struct stats_drill_child *c,
	  const struct agg_unit *u, size_t n)
{
	for (size_t k = 0; k < AGG_ROWS; k++)
		agg_cell_over(dr->it, u, n,
			      k == AGG_ALL ? ~0u : 1u << (unsigned)k,
			      &c->cells[k]);
	c->nunits += n;
	for (size_t i = 0; i < n; i++)
		c->nreported += u[i].values != NULL;
}

static enum ts_err
name_child(struct app *app, const char *path, size_t len, struct arena *a,
	   struct stats_drill_child *c)
{
	struct org_unit o;
	long long id = 0;
	const char *p = path + len - 2;
	while (p > path && *p != '/')
		p--;
	if (sscanf(p, "/%lld/", &id) != 1)
		return TS_EINVAL;
	enum ts_err e = org_get(app, id, a, &o);
	c->code = o.code;
	c->name = o.name;
	return e;
}

/* Offices below the root, each over its subtree (contiguous: the units
 * are ordered by path); the root's own schools gathered in one row. */
static enum ts_err
group(struct app *app, struct stats_drill *dr, struct arena *a)
{
	const struct stats_rollup *r = &dr->ru;
	struct agg_unit *own = arena_calloc(a, r->n + 1, sizeof(*own));
	dr->children = arena_calloc(a, r->n + 1, sizeof(*dr->children));
	if (own == NULL || dr->children == NULL)
		return TS_ENOMEM;
	size_t nown = 0, i = 0;
	enum ts_err e = TS_OK;
	while (e == TS_OK && i < r->n) {
		const char *p = r->info_of[i].path;
		size_t len = child_len(r->root_path, p), j = i + 1;
		if (len == strlen(p)) { /* a school right under the root */
			own[nown++] = r->units[i++];
			continue;
		}
		while (j < r->n && strncmp(r->info_of[j].path, p, len) == 0)
			j++;
		struct stats_drill_child *c = &dr->children[dr->nchildren++];
		e = name_child(app, p, len, a, c);
		sum_child(dr, c, &r->units[i], j - i);
		i = j;
	}
	if (e == TS_OK && nown > 0)
		sum_child(dr, &dr->children[dr->nchildren++], own, nown);
	return e;
}

/* The schools the indicator applies to with no value for it. */
static enum ts_err
missing(struct stats_drill *dr, struct arena *a)
{
	const struct stats_rollup *r = &dr->ru;
	dr->missing = arena_calloc(a, r->n + 1, sizeof(*dr->missing));
	if (dr->missing == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < r->n; i++) {
		const struct agg_unit *u = &r->units[i];
		if ((u->levels & dr->it->school_levels) == 0)
			continue;
		if (u->values == NULL ||
		    ind_values_get(u->values, dr->it->code) == NULL)
			dr->missing[dr->nmissing++] = &r->info_of[i];
	}
	return TS_OK;
}

static enum ts_err
drill_read(struct app *app, const struct actor *who, int64_t cid,
	   const char *root_code, const char *code, bool include_submitted,
	   struct arena *a, struct stats_drill *out, struct diags *d)
{
	enum ts_err e = stats_rollup_open(app, who, cid, root_code,
					  include_submitted, a, &out->ru, d);
	if (e != TS_OK)
		return e;
	out->it = ind_find(out->ru.info.set, code);
	if (out->it == NULL || out->it->type == IND_TEXT) {
		diags_add(d, code, "bộ chỉ số của đợt không có chỉ số này");
		e = TS_ENOTFOUND;
	}
	if (e == TS_OK)
		e = group(app, out, a);
	if (e == TS_OK)
		e = missing(out, a);
	if (e != TS_OK)
		stats_drill_release(out);
	return e;
}

enum ts_err
stats_drill_open(struct app *app, const struct actor *who, int64_t cid,
		 const char *root_code, const char *code,
		 bool include_submitted, struct arena *a,
		 struct stats_drill *out, struct diags *d)
{
	memset(out, 0, sizeof(*out));
	/* The sub-units' names from the roll-up's snapshot. */
	app_read_begin(app);
	enum ts_err e = drill_read(app, who, cid, root_code, code,
				   include_submitted, a, out, d);
	app_read_end(app);
	return e;
}

void
stats_drill_release(struct stats_drill *dr)
{
	stats_rollup_release(&dr->ru);
	memset(dr, 0, sizeof(*dr));
}
