/* The signed copy of a school's report (signed_copy.h): who may upload
 * it is decided before the file is read; the file goes to the evidence
 * blob store as it is; the row and its audit go through the write door. */
#include "signed_copy.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "door.h"
#include "evidence.h"
#include "submission.h"
#include "submission_int.h"

static bool
pdf_only(const char *mime)
{
	return strcmp(mime, "application/pdf") == 0;
}

static const struct blob_rules SIGNED_RULES = {
	SIGNED_MAX_BYTES,
	SIGNED_ACCEPTS,
	pdf_only,
};

/* A copy is signed for a result that was submitted: not before, and not
 * while it is back with the school to be changed. */
static bool
signable(enum sub_state s)
{
	return s == ST_SUBMITTED || s == ST_APPROVED || s == ST_PUBLISHED;
}

struct put_in {
	struct school_report r; /* first: school_report_resolve */
	const char *name;
	const struct evidence_added *file;
};

static const char SQL_PUT[] =
	"INSERT INTO signed_copy(submission_id, revision, sha256, name, size, "
	"uploaded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)";

static enum ts_err
put_body(struct door_ctx *c)
{
	struct put_in *x = c->in;
	struct signed_copy *out = c->out;
	if (x->r.sub.id == 0 || !signable(x->r.sub.state)) {
		diags_add(c->d, x->r.code,
			  "chỉ tải bản đã ký lên sau khi đã nộp "
			  "bản tự đánh giá (trạng thái hiện tại: %s)",
			  sub_state_name(x->r.sub.state));
		return TS_EINVAL;
	}
	struct db_stmt *st = db_prep(c->app->db, SQL_PUT);
	char now[TS_TIME_SIZE];
	if (st == NULL)
		return TS_EDB;
	ts_time_format(ts_time_now(), now);
	db_bind_int(st, 1, x->r.sub.id);
	db_bind_int(st, 2, x->r.sub.revision);
	db_bind_text(st, 3, x->file->sha256);
	db_bind_text(st, 4, x->name);
	db_bind_int(st, 5, (int64_t)x->file->size);
	db_bind_text(st, 6, c->who->login);
	db_bind_text(st, 7, now);
	enum ts_err e = db_exec_stmt(st);
	if (e != TS_OK)
		return e;
	out->id = db_last_id(c->app->db);
	out->revision = x->r.sub.revision;
	memcpy(out->sha256, x->file->sha256, sizeof(out->sha256));
	out->size = (int64_t)x->file->size;
	c->object = x->r.obj;
	c->detail = arena_strdup(c->a, x->file->sha256);
	return TS_OK;
}

static const struct door SIGNED_PUT = {
	"submission.signed",   PA_CHANGE, "lưu bản đã ký", NULL,
	school_report_resolve, put_body,
};

enum ts_err
signed_copy_may_put(struct app *app, const struct actor *who, int64_t cid,
		    const char *code, struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = sub_open(app, who, cid, code, ACT_VIEW, a, &s, d);
	if (e == TS_OK)
		e = actor_may(who, PK_SCHOOL_REPORT, s.scope_path, PA_CHANGE,
			      code, d);
	arena_free(a);
	return e;
}

enum ts_err
signed_copy_put(struct app *app, const struct actor *who, int64_t cid,
		const char *unit_code, const char *path, const char *name,
		struct signed_copy *out, struct diags *d)
{
	struct evidence_added file;
	memset(out, 0, sizeof(*out));
	memset(&file, 0, sizeof(file));
	enum ts_err e = signed_copy_may_put(app, who, cid, unit_code, d);
	if (e == TS_OK && sodium_init() < 0)
		e = TS_ENOMEM;
	if (e == TS_OK)
		e = evidence_store(app, path, &SIGNED_RULES, &file, d);
	struct arena *a = e == TS_OK ? arena_new() : NULL;
	if (e == TS_OK && a == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK) {
		struct put_in x = { .r = { .cid = cid,
					   .code = unit_code,
					   .what = "submission" },
				    .name = evidence_clean_name(a, name ? name
									: path),
				    .file = &file };
		e = door_run(app, who, &SIGNED_PUT, &x, out, d);
	}
	arena_free(a);
	return e;
}

static const char SQL_GET[] =
	"SELECT id, revision, sha256, name, size, uploaded_by, at FROM "
	"signed_copy WHERE submission_id = ? ORDER BY id DESC LIMIT 1";

static enum ts_err
latest(struct app *app, int64_t sub_id, struct arena *a,
       struct signed_copy *out)
{
	struct db_stmt *st = db_prep(app->db, SQL_GET);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, sub_id);
	enum db_step r = db_step(st);
	if (r == DB_ROW) {
		out->id = db_col_int(st, 0);
		out->revision = db_col_int(st, 1);
		snprintf(out->sha256, sizeof(out->sha256), "%s",
			 db_col_text(st, 2) ? db_col_text(st, 2) : "");
		out->name = db_col_dup(st, 3, a);
		out->size = db_col_int(st, 4);
		out->uploaded_by = db_col_dup(st, 5, a);
		out->at = db_col_dup(st, 6, a);
	}
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

enum ts_err
signed_copy_get(struct app *app, const struct actor *who, int64_t cid,
		const char *unit_code, struct arena *a, struct signed_copy *out,
		char **blob, struct diags *d)
{
	struct submission s;
	memset(out, 0, sizeof(*out));
	if (blob)
		*blob = NULL;
	enum ts_err e = sub_open(app, who, cid, unit_code, ACT_VIEW, a, &s, d);
	if (e == TS_OK)
		e = actor_may(who, PK_SCHOOL_REPORT, s.scope_path, PA_VIEW,
			      unit_code, d);
	if (e != TS_OK || s.id == 0)
		return e;
	if (latest(app, s.id, a, out) != TS_OK)
		return app_db_error(app, d, "đọc bản đã ký");
	if (blob && out->id &&
	    (*blob = evidence_blob_path(app, out->sha256)) == NULL)
		return TS_ENOMEM;
	return TS_OK;
}
