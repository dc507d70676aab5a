/* One batch reader and one batch door for every backfill (backfill.h):
 * score_summary.c, stats_summary.c and gap_record.c each had their own
 * copy of both. */
#include "backfill.h"

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "campaign.h"
#include "door.h"

/* Up to BACKFILL_BATCH rows after id `after` into v, their count in *n. */
static enum ts_err
read_batch(struct app *app, const struct backfill *b, int64_t after,
	   struct backfill_row *v, size_t *n, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, b->sql);
	*n = 0;
	if (st == NULL)
		return app_db_error(app, d, b->what);
	db_bind_int(st, 1, after);
	if (b->bind != NULL)
		b->bind(st);
	while (*n < BACKFILL_BATCH && db_step(st) == DB_ROW) {
		struct backfill_row *r = &v[(*n)++];
		r->id = db_col_int(st, 0);
		r->campaign_id = db_col_int(st, 1);
		r->unit_id = db_col_int(st, 2);
		r->rubric = NULL;
		if (b->with_rubric) {
			char rid[128];
			snprintf(rid, sizeof(rid), "%s", db_col_text(st, 3));
			r->rubric = app_rubric(app, rid,
					       (int)db_col_int(st, 4));
		}
	}
	return db_finish(st) == TS_OK ? TS_OK : app_db_error(app, d, b->what);
}

/* One batch: the door's input. */
struct batch {
	const struct backfill *b;
	const struct backfill_row *v;
	size_t n, *done;
};

static enum ts_err
batch_body(struct door_ctx *c)
{
	const struct batch *j = c->in;
	enum ts_err e = TS_OK;
	size_t done = 0;
	for (size_t i = 0; e == TS_OK && i < j->n; i++) {
		if (j->b->with_rubric && j->v[i].rubric == NULL)
			continue;
		e = j->b->write(c->app, &j->v[i]);
		done += e == TS_OK;
	}
	if (e == TS_OK)
		*j->done += done; /* counted once the batch is written */
	return e;
}

enum ts_err
backfill_run(struct app *app, const struct backfill *b, size_t *n,
	     struct diags *d)
{
	/* Maintenance: no actor, no target, no audit row. */
	const struct door door = { b->action, PA_CHANGE, b->what,
				   NULL,      NULL,	 batch_body };
	struct backfill_row *v = calloc(BACKFILL_BATCH, sizeof(*v));
	enum ts_err e = v ? TS_OK : TS_ENOMEM;
	size_t got = 0;
	int64_t after = 0;
	*n = 0;
	while (e == TS_OK &&
	       (e = read_batch(app, b, after, v, &got, d)) == TS_OK &&
	       got > 0) {
		struct batch j = { b, v, got, n };
		e = door_run(app, NULL, &door, &j, NULL, d);
		after = v[got - 1].id;
	}
	free(v);
	return e;
}
