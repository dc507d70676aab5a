#include "app.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/migrate.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "gap_record.h"
#include "results_cache.h"
#include "score_summary.h"
#include "stats_summary.h"

/* Evidence files lie beside an SQLite file; with PostgreSQL, in
 * $TRUONGSO_EVIDENCE_DIR, a directory every server process reaches
 * (docs/deploy.md), by default ./truongso.evidence. */
static char *
blob_dir_for(const char *db_path)
{
	struct buf b;
	const char *dir = getenv("TRUONGSO_EVIDENCE_DIR");
	buf_init(&b, 4096);
	if (!db_is_postgres(db_path))
		buf_printf(&b, "%s.evidence", db_path);
	else
		buf_puts(&b, dir && *dir ? dir : "truongso.evidence");
	return buf_take(&b);
}

/* The schema as this program knows it: migrated now, or (a read-only
 * replica, which cannot be written) checked to be there already. */
static enum ts_err
schema_ready(struct app *app, bool migrate, struct diags *d)
{
	size_t n;
	const struct migration *m = migrations(&n);
	int before = migrate_current(app->db);
	if (!migrate && before == m[n - 1].version)
		return TS_OK;
	if (!migrate) {
		diags_add(d, db_path(app->db),
			  "bản sao chỉ đọc ở phiên bản lược đồ %d, chương "
			  "trình cần %d",
			  before, m[n - 1].version);
		return TS_EINVAL;
	}
	enum ts_err e = migrate_up(app->db, 0, d);
	/* Derived data of the rows a migration just gave new tables to. */
	size_t filled;
	if (e == TS_OK && before < migrate_current(app->db))
		e = score_summary_fill(app, &filled, d);
	if (e == TS_OK && before < migrate_current(app->db))
		e = stats_summary_fill(app, &filled, d);
	if (e == TS_OK && before < migrate_current(app->db))
		e = gap_fill(app, &filled, d);
	return e;
}

static enum ts_err
open_app(struct app *app, const char *db_path, const char *data_dir,
	 bool create, bool migrate, struct diags *d)
{
	memset(app, 0, sizeof(*app));
	/* libsodium before any use: the write door's random back-off
	 * (randombytes_uniform), sessions, evidence hashes. Safe to call
	 * again and from several threads. */
	if (sodium_init() < 0) {
		diags_add(d, "libsodium",
			  "không khởi tạo được thư viện mã hóa");
		return TS_EIO;
	}
	struct buf dir;
	buf_init(&dir, 4096);
	buf_printf(&dir, "%s/rubrics", data_dir);
	enum ts_err e = rubric_set_load(buf_str(&dir), &app->rubrics, d);
	buf_release(&dir);
	if (e != TS_OK)
		return e;
	e = db_open(db_path, create, &app->db, d);
	if (e == TS_ENOTFOUND)
		diags_add(d, db_path,
			  "không có cơ sở dữ liệu này; tạo mới bằng: "
			  "truongso --db %s db migrate (hoặc demo để có dữ "
			  "liệu mẫu)",
			  db_path);
	if (e == TS_OK)
		e = schema_ready(app, migrate, d);
	app->blob_dir = blob_dir_for(db_path);
	app->data_dir = strdup(data_dir);
	if (e != TS_OK || app->blob_dir == NULL || app->data_dir == NULL) {
		app_close(app);
		return e != TS_OK ? e : TS_ENOMEM;
	}
	return TS_OK;
}

enum ts_err
app_open(struct app *app, const char *db_path, const char *data_dir,
	 bool create, struct diags *d)
{
	return open_app(app, db_path, data_dir, create, true, d);
}

enum ts_err
app_open_replica(struct app *app, const char *url, const char *data_dir,
		 struct diags *d)
{
	return open_app(app, url, data_dir, false, false, d);
}

void
app_close(struct app *app)
{
	if (app->db != NULL)
		results_cache_forget(app);
	db_close(app->db);
	rubric_set_release(&app->rubrics);
	rubric_set_release(&app->db_rubrics);
	free(app->blob_dir);
	free(app->data_dir);
	memset(app, 0, sizeof(*app));
}

void
actor_operator(struct actor *a)
{
	memset(a, 0, sizeof(*a));
	snprintf(a->login, sizeof(a->login), "operator");
	a->role = ROLE_ADMIN;
	snprintf(a->path, sizeof(a->path), "/");
}

enum ts_err
actor_may(const struct actor *who, enum pol_kind kind, const char *target_path,
	  enum pol_action act, const char *where, struct diags *d)
{
	struct pol_query q = { who->role,   who->path,	   kind,
			       target_path, POL_ANY_STATE, act };
	const char *why = NULL;
	if (policy_allows(&q, &why))
		return TS_OK;
	if (d != NULL)
		diags_add(d, where ? where : "", "%s", why);
	return TS_EFORBIDDEN;
}

static const char SQL_ACTOR[] =
	"SELECT " ACTOR_COLS " FROM app_user u "
	"JOIN org_unit o ON o.id = u.org_unit_id WHERE u.login = ?";

enum ts_err
actor_from_row(struct db_stmt *st, int col, const char *login, struct actor *a,
	       struct diags *d)
{
	memset(a, 0, sizeof(*a));
	if (db_col_int(st, col + 2)) {
		diags_add(d, login, "tài khoản đã bị khóa");
		return TS_EFORBIDDEN;
	}
	if (!role_parse(db_col_text(st, col + 1), &a->role))
		return TS_EDB;
	a->user_id = db_col_int(st, col);
	a->unit_id = db_col_int(st, col + 3);
	snprintf(a->login, sizeof(a->login), "%s", login);
	snprintf(a->path, sizeof(a->path), "%s", db_col_text(st, col + 4));
	return TS_OK;
}

enum ts_err
actor_load(struct app *app, const char *login, struct actor *a, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_ACTOR);
	if (st == NULL)
		return app_db_error(app, d, "đọc tài khoản");
	db_bind_text(st, 1, login);
	enum ts_err e = TS_OK;
	memset(a, 0, sizeof(*a));
	enum db_step r = db_step(st);
	if (r == DB_ERROR) {
		e = app_db_error(app, d, "đọc tài khoản");
	} else if (r != DB_ROW) {
		diags_add(d, login, "không có tài khoản này");
		e = TS_ENOTFOUND;
	} else {
		e = actor_from_row(st, 0, login, a, d);
	}
	db_done(st);
	return e;
}

static const char SQL_AUDIT[] =
	"INSERT INTO audit(at, actor, action, object, detail) "
	"VALUES (?, ?, ?, ?, ?)";

enum ts_err
audit_add(struct app *app, const struct actor *who, const char *action,
	  const char *object, const char *detail)
{
	struct db_stmt *st = db_prep(app->db, SQL_AUDIT);
	if (st == NULL)
		return TS_EDB;
	char now[TS_TIME_SIZE];
	db_bind_text(st, 1, ts_time_format(ts_time_now(), now));
	db_bind_text(st, 2, who->login);
	db_bind_text(st, 3, action);
	db_bind_text(st, 4, object);
	db_bind_text(st, 5, detail);
	return db_exec_stmt(st);
}

void
app_read_begin(struct app *app)
{
	db_read_begin(app->db);
}

void
app_read_end(struct app *app)
{
	db_read_end(app->db);
}

enum ts_err
app_db_error(struct app *app, struct diags *d, const char *what)
{
	const char *sql = db_errsql(app->db);
	diags_add(d, db_path(app->db), "lỗi cơ sở dữ liệu khi %s: %s", what,
		  db_errmsg(app->db));
	/* The statement goes to the log (stderr: the server's error log, the
	 * CLI's terminal), never into a page. */
	fprintf(stderr,
		"truongso: lỗi cơ sở dữ liệu khi %s: %s; câu lệnh: %s\n", what,
		db_errmsg(app->db), sql ? sql : "(không rõ)");
	return TS_EDB;
}
