/*
 * The stored values of each statistics submission (issue 15): the
 * indicator values of its last snapshot, kept in stats_summary and
 * stats_value (migration 0021). Written by every change of a submission
 * inside its write transaction (sub_record), so the roll-up, the
 * drill-down and Phụ lục 2/6 read rows and never parse answers.
 */
#ifndef TS_STATS_SUMMARY_H
#define TS_STATS_SUMMARY_H

#include "../core/indicator_values.h"
#include "app.h"

/* Replaces the stored values of (campaign, unit) with those of its last
 * snapshot. Call inside the transaction that changed the row. */
enum ts_err stats_summary_write(struct app *app, int64_t campaign_id,
				int64_t unit_id) TS_MUSTCHECK;

/* Writes the stored values of every statistics submission that has none
 * for its current revision (rows from before migration 0021, or copied
 * in SQL), in short transactions; *n receives how many were written. */
enum ts_err stats_summary_fill(struct app *app, size_t *n,
			       struct diags *d) TS_MUSTCHECK;

/* Lays one stored row (stats_value: code, seq, num, text) back into v,
 * as ind_values_parse would have read it; a code the set does not have
 * is skipped. false: out of memory. */
bool stats_value_put(struct ind_values *v, const char *code, int64_t seq,
		     int64_t num, const char *text);

#endif
