/* Background export jobs: the user's side (export_job.h). */
#include "export_job_int.h"

#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "campaign.h"
#include "door.h"
#include "org.h"
#include "report.h"

static const char *const CODES[] = { "queued", "running", "done", "failed",
				     "cancelled" };
static const char *const NAMES[] = { "Đang chờ", "Đang tạo", "Đã xong",
				     "Không tạo được", "Đã hủy" };

const char *
job_state_code(enum job_state s)
{
	return CODES[s];
}

bool
job_state_parse(const char *code, enum job_state *out)
{
	for (size_t i = 0; code && i < sizeof(CODES) / sizeof(*CODES); i++)
		if (strcmp(code, CODES[i]) == 0) {
			*out = (enum job_state)i;
			return true;
		}
	return false;
}

const char *
job_state_name(enum job_state s)
{
	return NAMES[s];
}

bool
job_file_ok(const char *file)
{
	static const char *const ok[] = { "ket-qua.xlsx",  "danh-sach.xlsx",
					  "danh-sach.pdf", "danh-sach.docx",
					  "danh-sach.csv", JOB_ZIP_FILE };
	for (size_t i = 0; file && i < sizeof(ok) / sizeof(*ok); i++)
		if (strcmp(file, ok[i]) == 0)
			return true;
	return false;
}

static const char SQL_SIZE[] =
	"SELECT count(*) FROM campaign_unit cu WHERE "
	"cu.campaign_id = ?1 AND " SQL_PATH_UNDER("cu.path", "?2");

enum ts_err
job_export_size(struct app *app, const struct actor *who, int64_t cid,
		const char *unit_code, int64_t *units, struct diags *d)
{
	struct arena *a = arena_new();
	struct campaign c;
	const char *path = NULL;
	*units = 0;
	enum ts_err e = a ? campaign_get(app, who, cid, a, &c, d) : TS_ENOMEM;
	if (e == TS_OK)
		e = campaign_root_path(app, who, unit_code, &c, a, &path, d);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, SQL_SIZE) : NULL;
	if (e == TS_OK && st == NULL)
		e = app_db_error(app, d, "đếm đơn vị của tệp xuất");
	if (st != NULL) {
		db_bind_int(st, 1, cid);
		db_bind_text(st, 2, path);
		if (db_step(st) == DB_ROW)
			*units = db_col_int(st, 0);
		else
			e = app_db_error(app, d, "đếm đơn vị của tệp xuất");
		db_done(st);
	}
	arena_free(a);
	return e;
}

/* --- start --- */

struct start_in {
	const struct job_request *q;
	const char *unit_code; /* resolved */
	const char *path;      /* the unit's, for the policy */
	int64_t total;
};

static const char SQL_INSERT[] =
	"INSERT INTO export_job(user_id, campaign_id, unit_code, file, "
	"include_submitted, state, done, total, cancel_asked, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, ?)";

/* Whether the unit's report page offers the file (ket-qua: an office
 * whose rubric it fits; danh-sach: any office). */
static bool
offers(const struct report_target *t, const char *file)
{
	if (strcmp(file, "ket-qua.xlsx") == 0)
		return t->results;
	if (strcmp(file, JOB_ZIP_FILE) == 0)
		return !t->school && t->nkinds > 0 &&
		       t->kinds[0]->kind == RK_LEVELS; /* a CĐS campaign */
	for (size_t i = 0; i < t->nkinds; i++)
		if (t->kinds[i]->kind == RK_LISTING)
			return true;
	return false;
}

static enum ts_err
start_resolve(struct door_ctx *c, struct door_target *t)
{
	struct start_in *x = c->in;
	struct report_target rt;
	if (!job_file_ok(x->q->file)) {
		diags_add(c->d, x->q->file ? x->q->file : "",
			  "không phải tệp xuất tạo ở chế độ nền (ket-qua.xlsx, "
			  "danh-sach.xlsx/pdf/docx/csv, " JOB_ZIP_FILE ")");
		return TS_EINVAL;
	}
	enum ts_err e = report_target_open(c->app, c->who, x->q->cid,
					   x->q->unit_code, c->a, &rt, c->d);
	if (e == TS_OK && !offers(&rt, x->q->file)) {
		diags_add(c->d, x->q->file, "đơn vị %s không có tệp này",
			  rt.unit_code);
		e = TS_ENOTFOUND;
	}
	struct org_unit u;
	if (e == TS_OK)
		e = org_find_named(c->app, rt.unit_code, c->a, &u, c->d);
	if (e == TS_OK)
		e = job_export_size(c->app, c->who, x->q->cid, rt.unit_code,
				    &x->total, c->d);
	if (e != TS_OK)
		return e;
	x->unit_code = rt.unit_code;
	*t = (struct door_target){ PK_UNIT, u.path, POL_ANY_STATE,
				   x->unit_code };
	return TS_OK;
}

static enum ts_err
start_body(struct door_ctx *c)
{
	struct start_in *x = c->in;
	char now[TS_TIME_SIZE];
	struct db_stmt *st = db_prep(c->app->db, SQL_INSERT);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, c->who->user_id);
	db_bind_int(st, 2, x->q->cid);
	db_bind_text(st, 3, x->unit_code);
	db_bind_text(st, 4, x->q->file);
	db_bind_int(st, 5, x->q->include_submitted);
	db_bind_text(st, 6, job_state_code(JOB_QUEUED));
	db_bind_int(st, 7, x->total);
	db_bind_text(st, 8, ts_time_format(ts_time_now(), now));
	enum ts_err e = db_exec_stmt(st);
	if (e != TS_OK)
		return e;
	int64_t *id = c->out;
	*id = db_last_id(c->app->db);
	char *detail = arena_alloc(c->a, 600);
	if (detail == NULL)
		return TS_ENOMEM;
	snprintf(detail, 600,
		 "tệp %s của %s, đợt %lld, %lld đơn vị (việc %lld)", x->q->file,
		 x->unit_code, (long long)x->q->cid, (long long)x->total,
		 (long long)*id);
	c->object = x->unit_code;
	c->detail = detail;
	return TS_OK;
}

static const struct door JOB_START = {
	"job.start", PA_VIEW,	    "tạo việc xuất tệp",
	NULL,	     start_resolve, start_body,
};

enum ts_err
job_start(struct app *app, const struct actor *who, const struct job_request *q,
	  int64_t *id, struct diags *d)
{
	struct start_in x = { .q = q };
	*id = 0;
	if (who->user_id == 0) {
		diags_add(d, "việc xuất tệp",
			  "chỉ tài khoản đăng nhập mới tạo việc xuất tệp");
		return TS_EFORBIDDEN;
	}
	return door_run(app, who, &JOB_START, &x, id, d);
}

/* --- reading --- */

static const char SQL_GET[] = JOB_COLS "WHERE id = ?";
static const char SQL_LIST[] = JOB_COLS
	"WHERE user_id = ? ORDER BY id DESC LIMIT ?";

void
job_fill(struct db_stmt *st, struct arena *a, void *out)
{
	struct export_job *j = out;
	j->id = db_col_int(st, 0);
	j->user_id = db_col_int(st, 1);
	j->campaign_id = db_col_int(st, 2);
	j->unit_code = db_col_dup(st, 3, a);
	j->file = db_col_dup(st, 4, a);
	j->include_submitted = db_col_int(st, 5) != 0;
	if (!job_state_parse(db_col_text(st, 6), &j->state))
		j->state = JOB_FAILED;
	j->done = db_col_int(st, 7);
	j->total = db_col_int(st, 8);
	j->cancel_asked = db_col_int(st, 9) != 0;
	j->path = db_col_dup(st, 10, a);
	j->error = db_col_dup(st, 11, a);
	j->created_at = db_col_dup(st, 12, a);
	j->finished_at = db_col_dup(st, 13, a);
	j->expires_at = db_col_dup(st, 14, a);
}

enum ts_err
job_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
	struct export_job *out, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_GET);
	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return app_db_error(app, d, "đọc việc xuất tệp");
	db_bind_int(st, 1, id);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		job_fill(st, a, out);
	db_done(st);
	if (r == DB_ERROR)
		return app_db_error(app, d, "đọc việc xuất tệp");
	bool mine = r == DB_ROW &&
		    (out->user_id == who->user_id || who->role == ROLE_ADMIN);
	if (mine && who->role == ROLE_ADMIN && out->user_id != who->user_id) {
		/* an admin sees the jobs of the accounts it manages: the
		 * job's unit must be in its subtree */
		struct org_unit u;
		struct diags q;
		diags_init(&q);
		mine = org_find_named(app, out->unit_code, a, &u, &q) ==
			       TS_OK &&
		       scope_of(who->path, u.path) != SCOPE_OUTSIDE;
		diags_release(&q);
	}
	if (!mine) {
		diags_add(d, "việc xuất tệp", "không có việc xuất tệp số %lld",
			  (long long)id);
		return TS_ENOTFOUND;
	}
	return TS_OK;
}

enum ts_err
job_list(struct app *app, const struct actor *who, size_t max, struct arena *a,
	 struct export_job **out, size_t *n, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_LIST);
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return app_db_error(app, d, "đọc việc xuất tệp");
	db_bind_int(st, 1, who->user_id);
	db_bind_int(st, 2, (int64_t)max);
	void *v = NULL;
	enum ts_err e = db_collect(st, a, sizeof(**out), &v, n, job_fill);
	*out = v;
	return e == TS_EDB ? app_db_error(app, d, "đọc việc xuất tệp") : e;
}

/* --- cancel --- */

/* Queued: cancelled at once; running: asked to stop (the worker ends it
 * at its next tick). Both conditional on the state read. */
static const char SQL_CANCEL_QUEUED[] =
	"UPDATE export_job SET state = ?, finished_at = ?, error = NULL "
	"WHERE id = ? AND state = ?";
static const char SQL_CANCEL_RUNNING[] =
	"UPDATE export_job SET cancel_asked = 1 WHERE id = ? AND state = ?";

static enum ts_err
cancel_body(struct door_ctx *c)
{
	const int64_t *id = c->in;
	struct export_job j;
	enum ts_err e = job_get(c->app, c->who, *id, c->a, &j, c->d);
	if (e != TS_OK)
		return e;
	if (j.state != JOB_QUEUED && j.state != JOB_RUNNING) {
		diags_add(c->d, "việc xuất tệp",
			  "việc số %lld đã kết thúc (%s), không hủy được",
			  (long long)*id, job_state_name(j.state));
		return TS_ECONFLICT;
	}
	char now[TS_TIME_SIZE];
	bool queued = j.state == JOB_QUEUED;
	struct db_stmt *st = db_prep(c->app->db, queued ? SQL_CANCEL_QUEUED
							: SQL_CANCEL_RUNNING);
	if (st == NULL)
		return TS_EDB;
	int k = 1;
	if (queued) {
		db_bind_text(st, k++, job_state_code(JOB_CANCELLED));
		db_bind_text(st, k++, ts_time_format(ts_time_now(), now));
	}
	db_bind_int(st, k++, *id);
	db_bind_text(st, k, job_state_code(j.state));
	e = db_exec_changed(st);
	char *obj = arena_alloc(c->a, 32);
	if (e == TS_OK && obj == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK)
		snprintf(obj, 32, "%lld", (long long)*id);
	c->object = obj;
	c->detail = j.file;
	return e;
}

static const struct door JOB_CANCEL = {
	"job.cancel", PA_VIEW, "hủy việc xuất tệp", NULL, NULL, cancel_body,
};

enum ts_err
job_cancel(struct app *app, const struct actor *who, int64_t id,
	   struct diags *d)
{
	return door_run(app, who, &JOB_CANCEL, &id, NULL, d);
}
