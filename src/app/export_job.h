/*
 * Background export jobs (issue 17 item 3): an export above a size
 * threshold is not built on a request thread but queued in the export_job
 * table and built by the server's worker (web/job_worker.c) with the
 * owner's scope, its progress counted in units. Only the owner (and an
 * admin) sees, cancels or downloads a job; to anyone else it does not
 * exist (TS_ENOTFOUND), so ids cannot be probed.
 *
 *   queued ──claim──> running ──> done | failed | cancelled
 *     └────cancel────────────────────────────────^
 *
 * A running job asked to stop (job_cancel) stops at its next progress
 * tick. A server that starts finds jobs left running by a server that
 * died or stopped and marks them failed with the reason (job_recover):
 * building again from the start is the user's choice, one click.
 */
#ifndef TS_APP_EXPORT_JOB_H
#define TS_APP_EXPORT_JOB_H

#include "app.h"

struct arena;
struct ts_cancel;

enum job_state {
	JOB_QUEUED,
	JOB_RUNNING,
	JOB_DONE,
	JOB_FAILED,
	JOB_CANCELLED
};

#define JOB_ZIP_FILE	 "bao-cao-tung-truong.zip" /* every school's PDF */
#define JOB_KEEP_SECONDS (24 * 3600) /* a finished job's file is kept */
#define JOB_TICK	 50	     /* units between progress updates */

struct export_job {
	int64_t id, user_id, campaign_id;
	const char *unit_code, *file; /* file: "ket-qua.xlsx", … */
	bool include_submitted;
	enum job_state state;
	int64_t done, total; /* progress, in units */
	bool cancel_asked;
	const char *path;  /* the built file; NULL until done or once expired */
	const char *error; /* why it failed (Vietnamese), or NULL */
	const char *created_at, *finished_at, *expires_at; /* ISO, or NULL */
};

/* What is asked for: file of unit_code (NULL: the actor's own unit) in
 * campaign cid. */
struct job_request {
	int64_t cid;
	const char *unit_code;
	const char *file;
	bool include_submitted;
};

const char *job_state_code(enum job_state s); /* "queued", … (storage) */
bool job_state_parse(const char *code, enum job_state *out);
const char *job_state_name(enum job_state s); /* Vietnamese */
/* Whether file is an export that can run as a job: "ket-qua.xlsx",
 * "danh-sach.{xlsx,pdf,docx,csv}", JOB_ZIP_FILE (always a job). */
bool job_file_ok(const char *file);

/* The number of units the export of unit_code in campaign cid covers
 * (the campaign's participants under it): what decides a job. Refused
 * like the unit's report page for a unit outside the actor's scope. */
enum ts_err job_export_size(struct app *app, const struct actor *who,
			    int64_t cid, const char *unit_code, int64_t *units,
			    struct diags *d) TS_MUSTCHECK;

/* Queues a job for the actor (write door, audited "job.start"). The unit
 * must be in the actor's scope and have the document; *id its id. */
enum ts_err job_start(struct app *app, const struct actor *who,
		      const struct job_request *q, int64_t *id,
		      struct diags *d) TS_MUSTCHECK;
/* Job id if the actor owns it (or is an admin), else TS_ENOTFOUND. */
enum ts_err job_get(struct app *app, const struct actor *who, int64_t id,
		    struct arena *a, struct export_job *out,
		    struct diags *d) TS_MUSTCHECK;
/* The actor's own jobs, newest first, at most max. */
enum ts_err job_list(struct app *app, const struct actor *who, size_t max,
		     struct arena *a, struct export_job **out, size_t *n,
		     struct diags *d) TS_MUSTCHECK;
/* Cancels a queued job at once, asks a running one to stop; a finished
 * job is TS_ECONFLICT. Same visibility as job_get; audited. */
enum ts_err job_cancel(struct app *app, const struct actor *who, int64_t id,
		       struct diags *d) TS_MUSTCHECK;

/* --- the worker's side (export_job_run.c) --- */

/* The directory of job files: <evidence dir>/jobs, created if needed. */
const char *job_dir(struct app *app, struct arena *a);
/* Marks every running job failed (a server starting: no worker runs
 * them any more); *n how many. */
enum ts_err job_recover(struct app *app, size_t *n) TS_MUSTCHECK;
/* Takes the oldest queued job (conditional update: two workers never
 * take the same one); *got false when there is none. */
enum ts_err job_claim(struct app *app, struct arena *a, struct export_job *out,
		      bool *got) TS_MUSTCHECK;
/* Builds job j, owned by its user, into job_dir and records the outcome
 * (done with the file and its expiry, failed with the reason, or
 * cancelled). `work` builds (its reads may stay open for the whole
 * export), `book` records progress and the outcome (another connection,
 * so progress is committed while the export reads). stop, when it says
 * so (the server stopping), ends the job failed. The same app for both
 * is refused (TS_EINVAL): progress could not be written inside the
 * build's read snapshot. */
enum ts_err job_run(struct app *work, struct app *book,
		    const struct export_job *j, struct ts_cancel *stop);
/* Deletes the files of jobs expired at `now` (path becomes NULL) and
 * forgets finished jobs a week past expiry; *n files deleted. */
enum ts_err job_clean(struct app *app, int64_t now, size_t *n) TS_MUSTCHECK;

#endif
