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

#endif
