/* The export workers of `truongso serve`: a small fixed pool of threads
 * (one by default: on 2 cores a second build would only slow the pages),
 * each taking the oldest queued job from the database, building it, and
 * between jobs deleting expired files and the expired keys of requests
 * run at most once (door_once_prune). The queue is the table, so jobs
 * outlive a reload or a restart; the threads only wait on a condition
 * variable, woken when a job is queued or every JOB_POLL seconds (a job
 * queued by another server process on the same PostgreSQL). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../app/door.h"
#include "../app/export_job.h"
#include "../util/arena.h"
#include "../util/cancel.h"
#include "../util/timeutil.h"
#include "jobs_web.h"

#define JOB_POLL    5  /* seconds between looks at the queue when idle */
#define JOB_CLEAN   60 /* seconds between clean-ups */
#define WORKERS_MAX 8

struct worker {
	pthread_t thread;
	struct app work, book;
	bool started;
};

static struct {
	pthread_mutex_t m;
	pthread_cond_t cv;
	bool wake;
	atomic_bool stopping;
	struct worker w[WORKERS_MAX];
	unsigned n;
	int64_t threshold;
} J = { .m = PTHREAD_MUTEX_INITIALIZER,
	.cv = PTHREAD_COND_INITIALIZER,
	.threshold = JOB_THRESHOLD_DEFAULT };

static bool
stopping(void *arg)
{
	(void)arg;
	return atomic_load(&J.stopping);
}

/* Waits until woken, stopped or JOB_POLL seconds pass. */
static void
idle(void)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += JOB_POLL;
	pthread_mutex_lock(&J.m);
	if (!J.wake && !atomic_load(&J.stopping))
		pthread_cond_timedwait(&J.cv, &J.m, &until);
	J.wake = false;
	pthread_mutex_unlock(&J.m);
}

/* One job if there is one; false when the queue was empty. */
static bool
one_job(struct worker *w)
{
	struct arena *a = arena_new();
	struct export_job j;
	bool got = false;
	struct ts_cancel stop = { .gone = stopping, .every = 1 };
	if (a != NULL && job_claim(&w->book, a, &j, &got) == TS_OK && got) {
		enum ts_err e = job_run(&w->work, &w->book, &j, &stop);
		fprintf(stderr, "truongso: job %lld (%s of %s): %s\n",
			(long long)j.id, j.file, j.unit_code, ts_err_name(e));
	}
	arena_free(a);
	return got;
}

static void *
run(void *arg)
{
	struct worker *w = arg;
	int64_t cleaned = 0;
	while (!atomic_load(&J.stopping)) {
		int64_t now = ts_time_now();
		size_t n = 0;
		if (now - cleaned >= JOB_CLEAN &&
		    job_clean(&w->book, now, &n) == TS_OK &&
		    door_once_prune(&w->book, now) == TS_OK)
			cleaned = now;
		if (!one_job(w))
			idle();
	}
	return NULL;
}

static enum ts_err
open_worker(struct worker *w, const struct job_config *c, struct diags *d)
{
	enum ts_err e = app_open(&w->work, c->db_path, c->data_dir, false, d);
	if (e != TS_OK)
		return e;
	e = app_open(&w->book, c->db_path, c->data_dir, false, d);
	if (e != TS_OK) {
		app_close(&w->work);
		return e;
	}
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		app_close(&w->work);
		app_close(&w->book);
		diags_add(d, "serve", "không khởi động được luồng xuất tệp");
		return TS_ENOMEM;
	}
	w->started = true;
	return TS_OK;
}

enum ts_err
jobs_start(const struct job_config *c, struct diags *d)
{
	struct app app;
	size_t n = 0;
	J.threshold = c->threshold;
	atomic_store(&J.stopping, false);
	enum ts_err e = app_open(&app, c->db_path, c->data_dir, false, d);
	if (e != TS_OK)
		return e;
	e = job_recover(&app, &n);
	if (e != TS_OK)
		app_db_error(&app, d, "đánh dấu việc xuất tệp dở dang");
	app_close(&app);
	if (e != TS_OK)
		return e;
	if (n > 0)
		fprintf(stderr,
			"truongso: %zu export job(s) left running "
			"by the last server marked failed\n",
			n);
	J.n = c->workers < WORKERS_MAX ? c->workers : WORKERS_MAX;
	for (unsigned i = 0; e == TS_OK && i < J.n; i++)
		e = open_worker(&J.w[i], c, d);
	if (e != TS_OK)
		jobs_stop();
	return e;
}

void
jobs_stop(void)
{
	pthread_mutex_lock(&J.m);
	atomic_store(&J.stopping, true);
	pthread_cond_broadcast(&J.cv);
	pthread_mutex_unlock(&J.m);
	for (unsigned i = 0; i < J.n; i++) {
		struct worker *w = &J.w[i];
		if (!w->started)
			continue;
		pthread_join(w->thread, NULL);
		app_close(&w->work);
		app_close(&w->book);
		w->started = false;
	}
	J.n = 0;
}

void
jobs_wake(void)
{
	pthread_mutex_lock(&J.m);
	J.wake = true;
	pthread_cond_signal(&J.cv);
	pthread_mutex_unlock(&J.m);
}

int64_t
jobs_threshold(void)
{
	return J.threshold;
}
