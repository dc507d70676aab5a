/*
 * Counts of a campaign under one root (completeness rows, levels), kept
 * per process for one results generation of the campaign. The generation
 * is raised in the transaction of every change of one of its submissions
 * (sub_record), so a dashboard viewed again before anything changed is
 * not counted again, and one viewed after a change always is. Read the
 * generation before counting: counts taken after it are at least as new.
 */
#ifndef TS_RESULTS_CACHE_H
#define TS_RESULTS_CACHE_H

#include "app.h"

/* What was counted. */
enum rc_kind {
	RC_STATUS,
	RC_LEVELS,
	RC_LEVELS_SUBMITTED,
	RC_EXPECTED,
	RC_GAPS /* plan_gaps: schools per item lacking it, then schools */
};

/* The campaign's generation (0 before any change). */
enum ts_err results_gen(struct app *app, int64_t campaign,
			int64_t *gen) TS_MUSTCHECK;
/* Raises it; inside the write transaction of the change. */
enum ts_err results_gen_bump(struct app *app, int64_t campaign) TS_MUSTCHECK;

/* A copy (in the arena) of what was put for this database, campaign,
 * root path, kind and generation; NULL when there is none. */
void *results_cache_get(struct app *app, int64_t campaign, const char *root,
			enum rc_kind kind, int64_t gen, size_t *size,
			struct arena *a);
/* The same for whichever generation was put last, with it in *gen: a
 * count that can be brought up to date by the changes since (gap counts,
 * gap_record.h). */
void *results_cache_latest(struct app *app, int64_t campaign, const char *root,
			   enum rc_kind kind, int64_t *gen, size_t *size,
			   struct arena *a);
/* Keeps a copy of size bytes (at most 1 MiB; larger is not kept). */
void results_cache_put(struct app *app, int64_t campaign, const char *root,
		       enum rc_kind kind, int64_t gen, const void *data,
		       size_t size);
/* Drops every entry of this database (app_close: a server's pool and
 * the CLI leave nothing behind). */
void results_cache_forget(struct app *app);

#endif
