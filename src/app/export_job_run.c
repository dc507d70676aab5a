/* Background export jobs: the worker's side (export_job.h). Every write
 * goes through the write door as maintenance (no actor, no audit row):
 * the user's own steps (start, cancel) are the audited ones. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/cancel.h"
#include "../util/timeutil.h"
#include "door.h"
#include "export_job_int.h"
#include "report.h"

#define JOB_FORGET_SECONDS (7 * 24 * 3600) /* rows kept past expiry */

/* A maintenance write: fn(app, arg) in the door's transaction. */
struct job_write {
	enum ts_err (*fn)(struct app *app, void *arg);
	void *arg;
};

static enum ts_err
write_body(struct door_ctx *c)
{
	struct job_write *w = c->in;
	return w->fn(c->app, w->arg);
}

static const struct door JOB_WRITE = {
	"job.update", PA_VIEW, "ghi việc xuất tệp", NULL, NULL, write_body,
};

static enum ts_err
job_write(struct app *app, enum ts_err (*fn)(struct app *, void *), void *arg)
{
	struct job_write w = { fn, arg };
	struct diags d;
	diags_init(&d);
	enum ts_err e = door_run(app, NULL, &JOB_WRITE, &w, NULL, &d);
	diags_release(&d);
	return e;
}

const char *
job_dir(struct app *app, struct arena *a)
{
	struct buf b;
	buf_init(&b, 4096);
	buf_printf(&b, "%s/jobs", app->blob_dir);
	if (mkdir(app->blob_dir, 0700) != 0 && errno != EEXIST)
		buf_reset(&b);
	else if (mkdir(buf_str(&b), 0700) != 0 && errno != EEXIST)
		buf_reset(&b);
	const char *dir = buf_str(&b)[0] ? arena_strdup(a, buf_str(&b)) : NULL;
	buf_release(&b);
	return dir;
}

/* --- recover --- */

static const char SQL_RECOVER[] =
	"UPDATE export_job SET state = ?, error = ?, finished_at = ?, "
	"expires_at = ? WHERE state = ?";

static enum ts_err
recover_fn(struct app *app, void *arg)
{
	size_t *n = arg;
	char now[TS_TIME_SIZE], exp[TS_TIME_SIZE];
	int64_t t = ts_time_now();
	struct db_stmt *st = db_prep(app->db, SQL_RECOVER);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, job_state_code(JOB_FAILED));
	db_bind_text(st, 2,
		     "Máy chủ đã dừng khi đang tạo tệp nên việc này không "
		     "xong. Hãy tạo lại tệp.");
	db_bind_text(st, 3, ts_time_format(t, now));
	db_bind_text(st, 4, ts_time_format(t + JOB_KEEP_SECONDS, exp));
	db_bind_text(st, 5, job_state_code(JOB_RUNNING));
	enum ts_err e = db_exec_stmt(st);
	*n = e == TS_OK ? (size_t)db_changes(app->db) : 0;
	return e;
}

enum ts_err
job_recover(struct app *app, size_t *n)
{
	*n = 0;
	return job_write(app, recover_fn, n);
}

/* --- claim --- */

static const char SQL_OLDEST[] =
	"SELECT id FROM export_job WHERE state = ? ORDER BY id LIMIT 1";
static const char SQL_TAKE[] =
	"UPDATE export_job SET state = ?, started_at = ? WHERE id = ? AND "
	"state = ?";
static const char SQL_ONE[] = JOB_COLS "WHERE id = ?";

struct claim {
	struct arena *a;
	struct export_job *out;
	bool got;
};

static enum ts_err
read_one(struct app *app, int64_t id, struct arena *a, struct export_job *out)
{
	struct db_stmt *st = db_prep(app->db, SQL_ONE);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		job_fill(st, a, out);
	db_done(st);
	return r == DB_ROW ? TS_OK : r == DB_DONE ? TS_ENOTFOUND : TS_EDB;
}

static enum ts_err
claim_fn(struct app *app, void *arg)
{
	struct claim *c = arg;
	struct db_stmt *st = db_prep(app->db, SQL_OLDEST);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, job_state_code(JOB_QUEUED));
	enum db_step r = db_step(st);
	int64_t id = r == DB_ROW ? db_col_int(st, 0) : 0;
	db_done(st);
	if (r != DB_ROW)
		return r == DB_DONE ? TS_OK : TS_EDB;
	char now[TS_TIME_SIZE];
	st = db_prep(app->db, SQL_TAKE);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, job_state_code(JOB_RUNNING));
	db_bind_text(st, 2, ts_time_format(ts_time_now(), now));
	db_bind_int(st, 3, id);
	db_bind_text(st, 4, job_state_code(JOB_QUEUED));
	enum ts_err e = db_exec_changed(st);
	if (e == TS_OK)
		e = read_one(app, id, c->a, c->out);
	c->got = e == TS_OK;
	return e;
}

enum ts_err
job_claim(struct app *app, struct arena *a, struct export_job *out, bool *got)
{
	struct claim c = { a, out, false };
	memset(out, 0, sizeof(*out));
	enum ts_err e = job_write(app, claim_fn, &c);
	*got = e == TS_OK && c.got;
	return e == TS_ESTALE ? TS_OK : e; /* another worker took it */
}

/* --- run --- */

static const char SQL_PROGRESS[] =
	"UPDATE export_job SET done = ? WHERE id = ? AND state = ?";
static const char SQL_ASKED[] =
	"SELECT cancel_asked FROM export_job WHERE id = ?";
static const char SQL_OWNER[] = "SELECT login FROM app_user WHERE id = ?";

/* Progress and the question "stop?", asked every JOB_TICK units. */
struct tick {
	struct app *book;
	const struct export_job *j;
	struct ts_cancel self; /* its calls count the units built */
	struct ts_cancel *stop;
	bool asked, stopping;
};

static enum ts_err
progress_fn(struct app *app, void *arg)
{
	struct tick *t = arg;
	int64_t done = (int64_t)t->self.calls;
	struct db_stmt *st = db_prep(app->db, SQL_PROGRESS);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, done < t->j->total ? done : t->j->total);
	db_bind_int(st, 2, t->j->id);
	db_bind_text(st, 3, job_state_code(JOB_RUNNING));
	enum ts_err e = db_exec_stmt(st);
	st = e == TS_OK ? db_prep(app->db, SQL_ASKED) : NULL;
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, t->j->id);
	t->asked = db_step(st) == DB_ROW && db_col_int(st, 0) != 0;
	db_done(st);
	return TS_OK;
}

static bool
tick_gone(void *arg)
{
	struct tick *t = arg;
	if (job_write(t->book, progress_fn, t) == TS_OK && t->asked)
		return true;
	t->stopping = ts_cancelled(t->stop);
	return t->stopping;
}

/* The owner, as the job's builder acts. */
static enum ts_err
owner(struct app *app, int64_t uid, struct actor *who, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_OWNER);
	char login[ACTOR_LOGIN_MAX] = "";
	if (st == NULL)
		return app_db_error(app, d, "đọc tài khoản của việc");
	db_bind_int(st, 1, uid);
	if (db_step(st) == DB_ROW && db_col_text(st, 0))
		snprintf(login, sizeof(login), "%s", db_col_text(st, 0));
	db_done(st);
	return actor_load(app, login, who, d);
}

static enum ts_err
build(struct app *app, const struct export_job *j, const char *path,
      struct ts_cancel *c, struct diags *d)
{
	struct actor who;
	enum ts_err e = owner(app, j->user_id, &who, d);
	struct report_opts o = { .include_submitted = j->include_submitted,
				 .cancel = c };
	if (e != TS_OK)
		return e;
	if (strcmp(j->file, JOB_ZIP_FILE) == 0)
		return job_build_zip(app, &who, j->campaign_id, j->unit_code,
				     path, c, d);
	if (strcmp(j->file, "ket-qua.xlsx") == 0) {
		size_t rows = 0;
		return results_export(app, &who, j->campaign_id, j->unit_code,
				      &o, path, &rows, d);
	}
	const char *dot = strrchr(j->file, '.');
	enum rp_format f = RP_XLSX;
	if (dot == NULL || !rp_format_parse(dot + 1, &f))
		return TS_EINVAL;
	return report_render(app, &who, report_kind_get(RK_LISTING),
			     j->campaign_id, j->unit_code, &o, f, path, d);
}

/* The outcome to record. */
struct outcome {
	const struct export_job *j;
	enum job_state state;
	const char *path, *error;
};

static const char SQL_FINISH[] =
	"UPDATE export_job SET state = ?, path = ?, error = ?, done = CASE "
	"WHEN ? = 1 THEN total ELSE done END, finished_at = ?, expires_at = ? "
	"WHERE id = ? AND state = ?";

static enum ts_err
finish_fn(struct app *app, void *arg)
{
	struct outcome *o = arg;
	char now[TS_TIME_SIZE], exp[TS_TIME_SIZE];
	int64_t t = ts_time_now();
	struct db_stmt *st = db_prep(app->db, SQL_FINISH);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, job_state_code(o->state));
	db_bind_text(st, 2, o->path);
	db_bind_text(st, 3, o->error);
	db_bind_int(st, 4, o->state == JOB_DONE);
	db_bind_text(st, 5, ts_time_format(t, now));
	db_bind_text(st, 6, ts_time_format(t + JOB_KEEP_SECONDS, exp));
	db_bind_int(st, 7, o->j->id);
	db_bind_text(st, 8, job_state_code(JOB_RUNNING));
	return db_exec_stmt(st);
}

/* Why it failed, for the user: the builder's message, or its code's. */
static const char *
failure(struct arena *a, enum ts_err e, const struct tick *t,
	const struct diags *d)
{
	char m[600];
	if (e == TS_ECANCELED && t->stopping)
		return "Máy chủ dừng khi đang tạo tệp. Hãy tạo lại tệp.";
	if (d->n > 0)
		snprintf(m, sizeof(m), "Không tạo được tệp: %s%s%s",
			 d->v[0].where ? d->v[0].where : "",
			 d->v[0].where ? ": " : "", d->v[0].msg);
	else
		snprintf(m, sizeof(m), "Không tạo được tệp (lỗi %s).",
			 ts_err_name(e));
	return arena_strdup(a, m);
}

enum ts_err
job_run(struct app *work, struct app *book, const struct export_job *j,
	struct ts_cancel *stop)
{
	if (work == book)
		return TS_EINVAL;
	struct arena *a = arena_new();
	const char *dir = a ? job_dir(book, a) : NULL;
	char path[4096], part[4200];
	struct tick t = { .book = book, .j = j, .stop = stop };
	t.self = (struct ts_cancel){ .gone = tick_gone,
				     .arg = &t,
				     .every = JOB_TICK };
	struct diags d;
	diags_init(&d);
	snprintf(path, sizeof(path), "%s/%lld-%s", dir ? dir : ".",
		 (long long)j->id, j->file);
	snprintf(part, sizeof(part), "%s.part", path);
	enum ts_err e = dir ? build(work, j, part, &t.self, &d) : TS_EIO;
	if (e == TS_OK && rename(part, path) != 0)
		e = TS_EIO;
	if (e != TS_OK)
		unlink(part);
	struct outcome o = { j, JOB_DONE, path, NULL };
	if (e != TS_OK) {
		o.state = e == TS_ECANCELED && t.asked ? JOB_CANCELLED
						       : JOB_FAILED;
		o.path = NULL;
		o.error = o.state == JOB_FAILED ? failure(a, e, &t, &d) : NULL;
	}
	enum ts_err w = a ? job_write(book, finish_fn, &o) : TS_ENOMEM;
	diags_release(&d);
	arena_free(a);
	return w != TS_OK ? w : e;
}

/* --- clean --- */

static const char SQL_EXPIRED[] =
	"SELECT id, path FROM export_job WHERE path IS NOT NULL AND "
	"expires_at <= ?";
static const char SQL_DROP_PATH[] =
	"UPDATE export_job SET path = NULL WHERE id = ?";
static const char SQL_FORGET[] =
	"DELETE FROM export_job WHERE finished_at IS NOT NULL AND path IS "
	"NULL AND expires_at <= ?";

struct clean {
	int64_t now;
	size_t n;
};

/* Deletes the files of the expired jobs and drops their paths; a lost
 * transaction leaves a path to a missing file, which the download tells
 * as expired, and the next round drops it. */
static enum ts_err
clean_fn(struct app *app, void *arg)
{
	struct clean *c = arg;
	char now[TS_TIME_SIZE], old[TS_TIME_SIZE];
	struct db_stmt *st = db_prep(app->db, SQL_EXPIRED);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, ts_time_format(c->now, now));
	enum db_step r;
	enum ts_err e = TS_OK;
	while (e == TS_OK && (r = db_step(st)) == DB_ROW) {
		if (db_col_text(st, 1) && unlink(db_col_text(st, 1)) == 0)
			c->n++;
		struct db_stmt *up = db_prep(app->db, SQL_DROP_PATH);
		if (up == NULL)
			e = TS_EDB;
		else
			db_bind_int(up, 1, db_col_int(st, 0));
		if (up != NULL)
			e = db_exec_stmt(up);
	}
	db_done(st);
	st = e == TS_OK ? db_prep(app->db, SQL_FORGET) : NULL;
	if (st == NULL)
		return e != TS_OK ? e : TS_EDB;
	db_bind_text(st, 1, ts_time_format(c->now - JOB_FORGET_SECONDS, old));
	return db_exec_stmt(st);
}

enum ts_err
job_clean(struct app *app, int64_t now, size_t *n)
{
	struct clean c = { now, 0 };
	enum ts_err e = job_write(app, clean_fn, &c);
	*n = c.n;
	return e;
}
