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
	RC_GAPS, /* plan_gaps: schools per item lacking it, then schools */
	RC_LEVEL_PARTS, /* RC_LEVELS per child of the root */
	RC_LEVEL_PARTS_SUBMITTED
};

/* The campaign's generation (0 before any change). */
enum ts_err results_gen(struct app *app, int64_t campaign,
			int64_t *gen) TS_MUSTCHECK;
/* Raises it; inside the write transaction of the change. */
enum ts_err results_gen_bump(struct app *app, int64_t campaign) TS_MUSTCHECK;

/* Raises the generation and logs which participant changed (its frozen
 * path, results_change); inside the write transaction of the change.
 * Every RESULTS_KEEP generations the changes older than that (and the gap
 * changes, gap_record.h) are deleted and changes_floor raised. */
enum ts_err results_changed(struct app *app, int64_t campaign,
			    int64_t unit_id) TS_MUSTCHECK;
#define RESULTS_KEEP 256
/* The paths of the participants changed after generation from up to to
 * under root, into *paths (in a); TS_ESTALE when some of those changes
 * have been deleted (count again). */
enum ts_err results_changes(struct app *app, int64_t campaign, const char *root,
			    int64_t from, int64_t to, struct arena *a,
			    const char ***paths, size_t *n) TS_MUSTCHECK;
/* The child of root that path is under ("/1/4/" for "/1/4/17/" under
 * "/1/") into out; false when path is root itself, is not under it or
 * is too long. */
bool results_child(const char *root, const char *path, char out[256]);
/* Adds the counters of src to dst (size bytes of size_t members only:
 * a part's counts into a total). */
void results_sum(void *dst, const void *src, size_t size);

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
