/* Stored score summaries: written with every change of a submission,
 * filled for rows that predate them. */
#include "score_summary.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backfill.h"
#include "campaign.h"
#include "door.h"
#include "submission.h"

static const char SQL_ROW[] =
	"SELECT id, revision, answers, external FROM submission WHERE "
	"campaign_id = ? AND unit_id = ?";
static const char SQL_PUT[] =
	"INSERT INTO submission_score(submission_id, grp, revision, "
	"self_points, self_level, reviewed_points, reviewed_level) VALUES "
	"(?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id, grp) DO UPDATE SET "
	"revision = excluded.revision, self_points = excluded.self_points, "
	"self_level = excluded.self_level, reviewed_points = "
	"excluded.reviewed_points, reviewed_level = excluded.reviewed_level";

static int
level_of(const struct group_score *g)
{
	return g->level ? g->level->level : 0;
}

static enum ts_err
put_groups(struct app *app, int64_t id, int64_t revision,
	   const struct score *self, const struct score *rev)
{
	enum ts_err e = TS_OK;
	for (size_t g = 0; e == TS_OK && g < self->rubric->ngroups; g++) {
		struct db_stmt *st = db_prep(app->db, SQL_PUT);
		if (st == NULL)
			return TS_EDB;
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, (int64_t)g);
		db_bind_int(st, 3, revision);
		db_bind_int(st, 4, self->groups[g].points);
		db_bind_int(st, 5, level_of(&self->groups[g]));
		db_bind_int(st, 6, rev->groups[g].points);
		db_bind_int(st, 7, level_of(&rev->groups[g]));
		e = db_exec_stmt(st);
	}
	return e;
}

/* Scores answers alone and with the external scores laid over (the same
 * score when there are none) and stores both. A stored row that no longer
 * parses (it was valid when saved) keeps no summary: pages count it as
 * without a level rather than fail the write. */
static enum ts_err
summarize(struct app *app, const struct rubric *r, int64_t id, int64_t revision,
	  const char *answers, const char *external)
{
	struct answers *a1 = NULL, *a2 = NULL;
	struct score *self = NULL, *rev = NULL;
	struct diags d;
	diags_init(&d);
	enum ts_err e = sub_score(r, answers, NULL, &a1, &self, &d);
	bool ext = e == TS_OK && external && strcmp(external, "{}") != 0;
	if (ext)
		e = sub_score(r, answers, external, &a2, &rev, &d);
	if (e == TS_OK)
		e = put_groups(app, id, revision, self, ext ? rev : self);
	else if (e != TS_ENOMEM)
		e = TS_OK;
	score_free(rev);
	answers_free(a2);
	score_free(self);
	answers_free(a1);
	diags_release(&d);
	return e;
}

enum ts_err
score_summary_write(struct app *app, const struct rubric *r,
		    int64_t campaign_id, int64_t unit_id)
{
	struct db_stmt *st = db_prep(app->db, SQL_ROW);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, campaign_id);
	db_bind_int(st, 2, unit_id);
	if (db_step(st) != DB_ROW) {
		db_done(st);
		return TS_EDB;
	}
	int64_t id = db_col_int(st, 0), revision = db_col_int(st, 1);
	char *answers = strdup(db_col_text(st, 2));
	char *external = strdup(db_col_text(st, 3));
	db_done(st);
	enum ts_err e = answers && external ? summarize(app, r, id, revision,
							answers, external)
					    : TS_ENOMEM;
	free(answers);
	free(external);
	return e;
}

/* Submissions after `after` whose summary is missing or older than the
 * row, oldest first. A statistics campaign's values have no score. */
static const char SQL_STALE[] =
	"SELECT s.id, s.campaign_id, s.unit_id, c.rubric_id, "
	"c.rubric_version FROM submission s JOIN campaign c ON c.id = "
	"s.campaign_id WHERE s.id > ? AND c.kind = 'cds' AND NOT EXISTS (SELECT 1 FROM "
	"submission_score g WHERE g.submission_id = s.id AND g.grp = 0 AND "
	"g.revision = s.revision) ORDER BY s.id LIMIT 256"; /* BACKFILL_BATCH */

static enum ts_err
fill_row(struct app *app, const struct backfill_row *r)
{
	return score_summary_write(app, r->rubric, r->campaign_id, r->unit_id);
}

enum ts_err
score_summary_fill(struct app *app, size_t *n, struct diags *d)
{
	static const struct backfill b = {
		SQL_STALE, true,	 NULL,
		fill_row,  "score.fill", "ghi kết quả chấm đã lưu",
	};
	return backfill_run(app, &b, n, d);
}
