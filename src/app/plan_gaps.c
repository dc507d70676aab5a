/* The most common gaps under an office (issue 16): per item, how many
 * schools' approved results list it in their advice for the next level
 * (a failed gate, or an item that could still add points to a group
 * below its top level), read from the score JSON stored with each
 * result's latest submitted version; nothing is scored again. The
 * items of each result are kept as rows (gap_record.h). */
#include <string.h>

#include "../util/arena.h"
#include "campaign.h"
#include "gap_record.h"
#include "org.h"
#include "plan.h"
#include "results_cache.h"
#include "submission.h"

/* Per item, the reviewed results under the root lacking it ('': the
 * results), from the rows gap_record keeps; first, from the same
 * statement's snapshot, the generation they are of (item NULL). */
static const char SQL_COUNT[] =
	"SELECT CAST(NULL AS TEXT), gen FROM campaign_results WHERE "
	"campaign_id = ?1 UNION ALL SELECT g.item, count(*) FROM "
	"campaign_unit cu JOIN submission s ON s.campaign_id = cu.campaign_id "
	"AND s.unit_id = cu.unit_id JOIN submission_gap g ON g.submission_id "
	"= s.id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path", "?2") " GROUP BY g.item";
/* The changes after generation ?2 up to ?3 under the root; first (item
 * NULL) the generation up to which changes have been deleted. */
static const char SQL_CHANGES[] =
	"SELECT CAST(NULL AS TEXT), changes_floor FROM campaign_results WHERE "
	"campaign_id = ?1 UNION ALL SELECT item, sum(delta) FROM gap_delta "
	"WHERE campaign_id = ?1 AND gen > ?2 AND gen <= ?3 AND " SQL_PATH_UNDER(
		"path", "?4") " GROUP BY item";

/* Adds n to item's count (count[nitems]: the results). */
static void
add_count(const struct rubric *r, const char *item, int64_t n, int64_t *count)
{
	const struct item *it = strcmp(item, GAP_SCHOOL) == 0
					? NULL
					: rubric_find_item(r, item);
	if (it != NULL)
		count[it->idx] += n;
	else if (strcmp(item, GAP_SCHOOL) == 0)
		count[r->nitems] += n;
}

/* Reads (item, n) rows into count; the NULL item's n into *first. */
static enum ts_err
read_counts(struct db_stmt *st, const struct rubric *r, int64_t *count,
	    int64_t *first)
{
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		if (db_col_null(st, 0))
			*first = db_col_int(st, 1);
		else
			add_count(r, db_col_text(st, 0), db_col_int(st, 1),
				  count);
	db_done(st);
	return rc == DB_DONE ? TS_OK : TS_EDB;
}

/* Counted from the rows; *gen: the generation of the count. */
static enum ts_err
count_all(struct app *app, int64_t cid, const char *path,
	  const struct rubric *r, int64_t *count, int64_t *gen)
{
	struct db_stmt *st = db_prep(app->db, SQL_COUNT);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, cid);
	db_bind_text(st, 2, path);
	*gen = 0;
	return read_counts(st, r, count, gen);
}

/* count, of generation from, brought to generation to by the changes
 * since; TS_ESTALE when some of them have been deleted. */
static enum ts_err
add_changes(struct app *app, int64_t cid, const char *path,
	    const struct rubric *r, int64_t from, int64_t to, int64_t *count)
{
	struct db_stmt *st = db_prep(app->db, SQL_CHANGES);
	int64_t floor = 0;
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, cid);
	db_bind_int(st, 2, from);
	db_bind_int(st, 3, to);
	db_bind_text(st, 4, path);
	enum ts_err e = read_counts(st, r, count, &floor);
	return e == TS_OK && from < floor ? TS_ESTALE : e;
}

/* The counts per item (and results, last) under path: kept per results
 * generation of the campaign and root, and after a change brought up to
 * date by the changes since (gap_delta: a few rows per approval) rather
 * than counted again, so a view after a change costs about what any
 * view costs (issue 17). */
static enum ts_err
counts_of(struct app *app, int64_t cid, const char *path,
	  const struct rubric *r, struct arena *a, int64_t **count)
{
	size_t size = (r->nitems + 1) * sizeof(**count), got = 0;
	int64_t gen, had = -1;
	if (results_gen(app, cid, &gen) != TS_OK)
		return TS_EDB;
	*count = results_cache_latest(app, cid, path, RC_GAPS, &had, &got, a);
	enum ts_err e = *count != NULL && got == size && had <= gen ? TS_OK
								    : TS_ESTALE;
	if (e == TS_OK && had < gen)
		e = add_changes(app, cid, path, r, had, gen, *count);
	if (e == TS_ESTALE) {
		*count = arena_calloc(a, r->nitems + 1, sizeof(**count));
		e = *count ? count_all(app, cid, path, r, *count, &gen)
			   : TS_ENOMEM;
	}
	if (e == TS_OK && had != gen)
		results_cache_put(app, cid, path, RC_GAPS, gen, *count, size);
	return e;
}

/* The top items by count (ties in rubric order), into out. */
static size_t
top_items(const struct rubric *r, const int64_t *count, size_t top,
	  struct gap_count *out)
{
	size_t n = 0;
	for (size_t k = 0; k < r->nitems; k++) {
		if (count[k] <= 0)
			continue;
		size_t j = n < top ? n++ : top;
		while (j > 0 && out[j - 1].schools < (size_t)count[k]) {
			if (j < top)
				out[j] = out[j - 1];
			j--;
		}
		if (j < top)
			out[j] = (struct gap_count){ r->items[k]->id,
						     (size_t)count[k] };
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
	int64_t *count = NULL;
	*out = arena_calloc(a, top + 1, sizeof(**out));
	if (*out == NULL)
		return TS_ENOMEM;
	e = counts_of(app, cid, path, r, a, &count);
	if (e == TS_ENOMEM)
		return e;
	if (e != TS_OK)
		return app_db_error(app, d, "đọc kết quả");
	*n = top_items(r, count, top, *out);
	*schools = count[r->nitems] > 0 ? (size_t)count[r->nitems] : 0;
	return TS_OK;
}
