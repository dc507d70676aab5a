/* Background export jobs in the server (issue 17 item 3): the worker
 * threads (job_worker.c) and what the pages share (page_jobs.c). */
#ifndef TS_JOBS_WEB_H
#define TS_JOBS_WEB_H

#include "web.h"

#define JOB_THRESHOLD_DEFAULT 2000 /* units: larger exports are jobs */

struct job_config {
	const char *db_path, *data_dir;
	unsigned workers;  /* worker threads; 0: jobs wait in the queue */
	int64_t threshold; /* exports of more units than this are jobs */
};

/* Marks jobs a previous server left running failed, then starts the
 * workers, each with its own two database connections. */
enum ts_err jobs_start(const struct job_config *c,
		       struct diags *d) TS_MUSTCHECK;
/* Stops the workers: a job being built stops at its next tick and is
 * recorded failed ("the server stopped"). */
void jobs_stop(void);
/* A job was queued: a waiting worker takes it now. */
void jobs_wake(void);
int64_t jobs_threshold(void);

/* Whether the export of unit code in campaign cid is too large for a
 * request thread (then *units is its size, for the message). */
bool jobs_large(struct req *r, long long cid, const char *code, int64_t *units);
/* The "Tạo tệp" form: one of files (select), with a box for submitted
 * results when `counts`, posted to /jobs. */
void jobs_form(struct req *r, long long cid, const char *code,
	       const char *const *files, size_t n, bool counts);

#endif
