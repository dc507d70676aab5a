/* Backfills at `db migrate` and at opening (app.c): stored rows derived
 * from submissions (score summaries, statistics values, gap rows) written
 * for every submission a query finds missing or stale, a batch at a time,
 * each batch in one write transaction through the door. */
#ifndef TS_APP_BACKFILL_H
#define TS_APP_BACKFILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/diag.h"
#include "../util/err.h"

struct app;
struct db_stmt;
struct rubric;

#define BACKFILL_BATCH 256

/* One submission to write again. */
struct backfill_row {
	int64_t id, campaign_id, unit_id;
	const struct rubric *rubric; /* with_rubric; NULL: unreadable */
};

struct backfill {
	/* Rows after id ?1, ordered by submission id, at most
	 * BACKFILL_BATCH: id, campaign_id, unit_id, and with_rubric the
	 * campaign's rubric_id and rubric_version. */
	const char *sql;
	bool with_rubric; /* a row whose rubric is unreadable is skipped */
	void (*bind)(struct db_stmt *st); /* more parameters, from ?2 */
	/* Writes one row, inside the batch's transaction. */
	enum ts_err (*write)(struct app *app, const struct backfill_row *r);
	const char *action, *what; /* the door's: "score.fill", Vietnamese */
};

/* Writes every row b's query finds; *n how many were written. A failed
 * read is a database error, never taken for "none left". */
enum ts_err backfill_run(struct app *app, const struct backfill *b, size_t *n,
			 struct diags *d) TS_MUSTCHECK;

#endif
