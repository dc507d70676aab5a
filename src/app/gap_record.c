/* submission_gap and gap_delta (gap_record.h): written with every change
 * of a submission, filled for results that predate them. */
#include "gap_record.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "backfill.h"
#include "door.h"
#include "results_cache.h"
#include "submission.h"

/* The participant's state, frozen path and latest submitted version's
 * score (NULL when it has none). */
static const char SQL_NOW[] =
	"SELECT s.id, s.state, cu.path, sn.score FROM submission s JOIN "
	"campaign_unit cu ON cu.campaign_id = s.campaign_id AND cu.unit_id = "
	"s.unit_id LEFT JOIN snapshot sn ON sn.submission_id = s.id AND "
	"sn.version = s.version WHERE s.campaign_id = ? AND s.unit_id = ?";
static const char SQL_HAVE[] =
	"SELECT item FROM submission_gap WHERE submission_id = ?";
static const char SQL_ADD[] =
	"INSERT INTO submission_gap(submission_id, item) VALUES (?, ?)";
static const char SQL_DEL[] =
	"DELETE FROM submission_gap WHERE submission_id = ? AND item = ?";
static const char SQL_LOG[] =
	"INSERT INTO gap_delta(campaign_id, gen, path, item, delta) VALUES "
	"(?, ?, ?, ?, ?)";

/* Marks item id (by rubric idx) as a gap of this result. */
static void
mark(const struct rubric *r, json_t *id, bool *want)
{
	const struct item *it =
		json_is_string(id) ? rubric_find_item(r, json_string_value(id))
				   : NULL;
	if (it != NULL)
		want[it->idx] = true;
}

/* One group's advice: its failed gates, and what could add points when
 * there is a next level to reach. */
static void
mark_group(const struct rubric *r, json_t *advice, bool *want)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(advice, "gates"), i, v)
		mark(r, v, want);
	if (json_is_null(json_object_get(advice, "next_level")))
		return;
	json_array_foreach(json_object_get(advice, "suggestions"), i, v)
		mark(r, json_object_get(v, "item"), want);
}

/* want[0..nitems) the items of the stored score's advice, want[nitems]
 * the result itself. */
static void
mark_score(const struct rubric *r, const char *score, bool *want)
{
	json_t *root = json_loads(score, 0, NULL);
	size_t i;
	json_t *g;
	want[r->nitems] = true;
	json_array_foreach(json_object_get(root, "groups"), i, g)
		mark_group(r, json_object_get(g, "advice"), want);
	json_decref(root);
}

/* The result as it is now: its id and path, and what it counts. */
struct gap_now {
	int64_t sid;
	char *path;
	bool *want, *have;
};

static enum ts_err
read_now(struct app *app, const struct rubric *r, int64_t campaign_id,
	 int64_t unit_id, struct gap_now *g)
{
	struct db_stmt *st = db_prep(app->db, SQL_NOW);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, campaign_id);
	db_bind_int(st, 2, unit_id);
	enum db_step rc = db_step(st);
	enum sub_state state = ST_NONE;
	if (rc == DB_ROW) {
		g->sid = db_col_int(st, 0);
		sub_state_parse(db_col_text(st, 1), &state);
		g->path = strdup(db_col_text(st, 2));
		if (g->path == NULL)
			rc = DB_ERROR;
	}
	if (rc == DB_ROW && wf_reviewed(state) && !db_col_null(st, 3))
		mark_score(r, db_col_text(st, 3), g->want);
	db_done(st);
	return rc == DB_ERROR ? TS_EDB : TS_OK;
}

static enum ts_err
read_have(struct app *app, const struct rubric *r, struct gap_now *g)
{
	struct db_stmt *st = db_prep(app->db, SQL_HAVE);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, g->sid);
	enum db_step rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *id = db_col_text(st, 0);
		const struct item *it = strcmp(id, GAP_SCHOOL) == 0
						? NULL
						: rubric_find_item(r, id);
		if (it != NULL || strcmp(id, GAP_SCHOOL) == 0)
			g->have[it ? it->idx : r->nitems] = true;
	}
	db_done(st);
	return rc == DB_DONE ? TS_OK : TS_EDB;
}

/* Adds or removes one row and logs it. */
static enum ts_err
change(struct app *app, int64_t campaign_id, int64_t gen,
       const struct gap_now *g, const char *item, bool add)
{
	struct db_stmt *st = db_prep(app->db, add ? SQL_ADD : SQL_DEL);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, g->sid);
	db_bind_text(st, 2, item);
	enum ts_err e = db_exec_stmt(st);
	st = e == TS_OK ? db_prep(app->db, SQL_LOG) : NULL;
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, campaign_id);
	db_bind_int(st, 2, gen);
	db_bind_text(st, 3, g->path);
	db_bind_text(st, 4, item);
	db_bind_int(st, 5, add ? 1 : -1);
	return db_exec_stmt(st);
}

static enum ts_err
write_changes(struct app *app, const struct rubric *r, int64_t campaign_id,
	      const struct gap_now *g)
{
	int64_t gen;
	enum ts_err e = results_gen(app, campaign_id, &gen);
	for (size_t k = 0; e == TS_OK && k <= r->nitems; k++)
		if (g->want[k] != g->have[k])
			e = change(app, campaign_id, gen, g,
				   k < r->nitems ? r->items[k]->id : GAP_SCHOOL,
				   g->want[k]);
	return e;
}

enum ts_err
gap_record(struct app *app, const struct rubric *r, int64_t campaign_id,
	   int64_t unit_id)
{
	struct gap_now g = { 0, NULL, calloc(r->nitems + 1, sizeof(bool)),
			     calloc(r->nitems + 1, sizeof(bool)) };
	enum ts_err e = g.want && g.have ? TS_OK : TS_ENOMEM;
	if (e == TS_OK)
		e = read_now(app, r, campaign_id, unit_id, &g);
	if (e == TS_OK && g.path != NULL)
		e = read_have(app, r, &g);
	if (e == TS_OK && g.path != NULL)
		e = write_changes(app, r, campaign_id, &g);
	free(g.path);
	free(g.want);
	free(g.have);
	return e;
}

/* Reviewed results after `after` with a submitted version and no rows,
 * oldest first. */
static const char SQL_MISSING[] =
	"SELECT s.id, s.campaign_id, s.unit_id, c.rubric_id, "
	"c.rubric_version FROM submission s JOIN campaign c ON c.id = "
	"s.campaign_id WHERE s.id > ?1 AND c.kind = 'cds' AND s.state IN "
	"(?2, ?3, ?4, ?5, ?6) AND EXISTS (SELECT 1 FROM snapshot sn WHERE "
	"sn.submission_id = s.id AND sn.version = s.version) AND NOT EXISTS "
	"(SELECT 1 FROM submission_gap g WHERE g.submission_id = s.id AND "
	"g.item = '') ORDER BY s.id LIMIT 256"; /* BACKFILL_BATCH */

static void
bind_reviewed(struct db_stmt *st)
{
	const char *reviewed[WF_CODES_MAX];
	wf_reviewed_codes(reviewed);
	sub_bind_states(st, 2, reviewed);
}

/* Each result its own generation, as if it had just changed. */
static enum ts_err
fill_row(struct app *app, const struct backfill_row *r)
{
	enum ts_err e = results_changed(app, r->campaign_id, r->unit_id);
	return e == TS_OK
		       ? gap_record(app, r->rubric, r->campaign_id, r->unit_id)
		       : e;
}

enum ts_err
gap_fill(struct app *app, size_t *n, struct diags *d)
{
	static const struct backfill b = {
		SQL_MISSING,   true,
		bind_reviewed, fill_row,
		"gap.fill",    "ghi những nội dung còn thiếu của kết quả",
	};
	return backfill_run(app, &b, n, d);
}
