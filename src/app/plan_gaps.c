/* The most common gaps under an office (issue 16): per item, how many
 * schools' approved results list it in their advice for the next level
 * (a failed gate, or an item that could still add points to a group
 * below its top level), read from the score JSON stored with each
 * result's latest submitted version; nothing is scored again. */
#include <jansson.h>
#include <string.h>

#include "../util/arena.h"
#include "campaign.h"
#include "org.h"
#include "plan.h"
#include "results_cache.h"
#include "submission.h"

static const char SQL_ADVICE[] =
	"SELECT sn.score FROM campaign_unit cu JOIN submission s ON "
	"s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id JOIN "
	"snapshot sn ON sn.submission_id = s.id AND sn.version = s.version "
	"WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path", "?2") " AND s.state IN (?3, ?4, ?5, ?6, ?7)";

/* Marks item id (by rubric idx) as a gap of this school. */
static void
mark(const struct rubric *r, json_t *id, bool *seen)
{
	const struct item *it =
		json_is_string(id) ? rubric_find_item(r, json_string_value(id))
				   : NULL;
	if (it != NULL)
		seen[it->idx] = true;
}

/* One group's advice: its failed gates, and what could add points when
 * there is a next level to reach. */
static void
mark_group(const struct rubric *r, json_t *advice, bool *seen)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(advice, "gates"), i, v)
		mark(r, v, seen);
	if (json_is_null(json_object_get(advice, "next_level")))
		return;
	json_array_foreach(json_object_get(advice, "suggestions"), i, v)
		mark(r, json_object_get(v, "item"), seen);
}

static void
count_school(const struct rubric *r, const char *score, bool *seen,
	     size_t *count)
{
	count[r->nitems]++; /* the last slot: schools read */
	json_t *root = json_loads(score, 0, NULL);
	size_t i;
	json_t *g;
	memset(seen, 0, r->nitems * sizeof(*seen));
	json_array_foreach(json_object_get(root, "groups"), i, g)
		mark_group(r, json_object_get(g, "advice"), seen);
	json_decref(root);
	for (size_t k = 0; k < r->nitems; k++)
		count[k] += seen[k];
}

static enum ts_err
count_all(struct app *app, int64_t cid, const char *path,
	  const struct rubric *r, bool *seen, size_t *count)
{
	struct db_stmt *st = db_prep(app->db, SQL_ADVICE);
	if (st == NULL)
		return TS_EDB;
	const char *reviewed[WF_CODES_MAX];
	wf_reviewed_codes(reviewed);
	db_bind_int(st, 1, cid);
	db_bind_text(st, 2, path);
	sub_bind_states(st, 3, reviewed);
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		count_school(r, db_col_text(st, 0), seen, count);
	db_done(st);
	return rc == DB_DONE ? TS_OK : TS_EDB;
}

/* The counts per item (and schools read, last), counted once per results
 * generation of the campaign and root: a dashboard viewed again reads
 * them from the process's cache instead of parsing every school's score
 * again (issue 17: a view must not cost a parse per school). */
static enum ts_err
counts_of(struct app *app, int64_t cid, const char *path,
	  const struct rubric *r, struct arena *a, size_t **count)
{
	size_t size = (r->nitems + 1) * sizeof(**count), got = 0;
	int64_t gen;
	if (results_gen(app, cid, &gen) != TS_OK)
		return TS_EDB;
	*count = results_cache_get(app, cid, path, RC_GAPS, gen, &got, a);
	if (*count != NULL && got == size)
		return TS_OK;
	bool *seen = arena_calloc(a, r->nitems + 1, sizeof(*seen));
	*count = arena_calloc(a, r->nitems + 1, sizeof(**count));
	if (seen == NULL || *count == NULL)
		return TS_ENOMEM;
	enum ts_err e = count_all(app, cid, path, r, seen, *count);
	if (e == TS_OK)
		results_cache_put(app, cid, path, RC_GAPS, gen, *count, size);
	return e;
}

/* The top items by count (ties in rubric order), into out. */
static size_t
top_items(const struct rubric *r, const size_t *count, size_t top,
	  struct gap_count *out)
{
	size_t n = 0;
	for (size_t k = 0; k < r->nitems; k++) {
		if (count[k] == 0)
			continue;
		size_t j = n < top ? n++ : top;
		while (j > 0 && out[j - 1].schools < count[k]) {
			if (j < top)
				out[j] = out[j - 1];
			j--;
		}
		if (j < top)
			out[j] = (struct gap_count){ r->items[k]->id,
						     count[k] };
	}
	return n;
}

enum ts_err
plan_gaps(struct app *app, const struct actor *who, int64_t cid,
	  const char *root_code, size_t top, struct arena *a,
	  struct gap_count **out, size_t *n, size_t *schools, struct diags *d)
{
	struct campaign c;
	const char *path = NULL;
	*n = 0;
	*schools = 0;
	*out = NULL;
	enum ts_err e = campaign_get(app, who, cid, a, &c, d);
	if (e == TS_OK)
		e = campaign_root_path(app, who, root_code, &c, a, &path, d);
	const struct rubric *r = e == TS_OK ? app_rubric(app, c.rubric_id,
							 c.rubric_version)
					    : NULL;
	if (e != TS_OK)
		return e;
	if (r == NULL)
		return app_db_error(app, d, "đọc bộ chỉ số của đợt đánh giá");
	size_t *count = NULL;
	*out = arena_calloc(a, top + 1, sizeof(**out));
	if (*out == NULL)
		return TS_ENOMEM;
	e = counts_of(app, cid, path, r, a, &count);
	if (e == TS_ENOMEM)
		return e;
	if (e != TS_OK)
		return app_db_error(app, d, "đọc kết quả");
	*n = top_items(r, count, top, *out);
	*schools = count[r->nitems];
	return TS_OK;
}
