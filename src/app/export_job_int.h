/* Shared by the two halves of the export jobs (export_job.c, the user's;
 * export_job_run.c, the worker's). */
#ifndef TS_APP_EXPORT_JOB_INT_H
#define TS_APP_EXPORT_JOB_INT_H

#include "export_job.h"

#define JOB_COLS                                                                \
	"SELECT id, user_id, campaign_id, unit_code, file, include_submitted, " \
	"state, done, total, cancel_asked, path, error, created_at, "           \
	"finished_at, expires_at FROM export_job "

/* A row of JOB_COLS into out, a struct export_job (strings in a). */
void job_fill(struct db_stmt *st, struct arena *a, void *out);

/* Every school's report under unit (PDF, its own kind) into the ZIP at
 * path, asking cancel once per school (export_job_zip.c). */
struct ts_cancel;
enum ts_err job_build_zip(struct app *app, const struct actor *who, int64_t cid,
			  const char *unit, const char *path,
			  struct ts_cancel *cancel,
			  struct diags *d) TS_MUSTCHECK;

#endif
