/*
 * The most common gaps kept as rows (issue 17, migration 0025): each
 * reviewed result's items lacking for its next level in submission_gap,
 * and every change of those rows in gap_delta under the generation it
 * raised the campaign's results to, so plan_gaps adds the changes since
 * its last count instead of reading every school's advice again.
 */
#ifndef TS_GAP_RECORD_H
#define TS_GAP_RECORD_H

#include "app.h"

/* Brings the rows of (campaign, unit) up to date with its state and
 * latest submitted version's advice (scored under r) and logs what
 * changed. Inside the write transaction of the change, after
 * results_changed (which also deletes old changes). */
enum ts_err gap_record(struct app *app, const struct rubric *r,
		       int64_t campaign_id, int64_t unit_id) TS_MUSTCHECK;

/* Writes the rows of every reviewed result that has none (rows from
 * before migration 0025, or copied in SQL), in short transactions; *n
 * receives how many. */
enum ts_err gap_fill(struct app *app, size_t *n, struct diags *d) TS_MUSTCHECK;

/* The item name of gap rows for "the result itself". */
#define GAP_SCHOOL ""

#endif
