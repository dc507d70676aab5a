/*
 * The stored score summary of each submission (issue 17): per group, the
 * school's own points and level and the reviewed ones (đánh giá ngoài
 * laid over), kept in submission_score for the submission's current
 * revision. Written by every change of a submission inside its write
 * transaction (sub_record), so pages read levels and never re-score.
 */
#ifndef TS_SCORE_SUMMARY_H
#define TS_SCORE_SUMMARY_H

#include "app.h"

/* Scores the stored row of (campaign, unit) under rubric r and replaces
 * its summary. Call inside the transaction that changed the row. */
enum ts_err score_summary_write(struct app *app, const struct rubric *r,
				int64_t campaign_id,
				int64_t unit_id) TS_MUSTCHECK;

/* Writes the summary of every submission that has none for its current
 * revision (rows from before migration 0011, or copied in SQL), in short
 * transactions; *n receives how many were written. */
enum ts_err score_summary_fill(struct app *app, size_t *n,
			       struct diags *d) TS_MUSTCHECK;

#endif
