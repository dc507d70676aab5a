/* SQLite backend of db.h. */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"

struct db_stmt {
	struct db *db;
	const char *sql; /* cache key: the caller's literal */
	sqlite3_stmt *st;
};

/* The statement cache grows with the program's statements: no fixed size
 * that can run out (it was 192 slots, and a full cache returned NULL with
 * no message). Each statement is allocated once, so pointers handed out
 * stay valid while the array of them grows. */
struct db {
	sqlite3 *h;
	char *path;
	struct db_stmt **cache;
	size_t ncache, cap;
	const char *err_sql; /* the statement that failed last */
	bool transient;      /* since db_begin, a failure asked for a retry */
};

#ifdef TS_TEST_HOOKS
/* Fault injection (test builds only, db.h): the n-th database call from
 * now fails as if SQLite had refused it. Per thread. */
static _Thread_local long fault_countdown;
static _Thread_local bool fault_fired;
static _Thread_local long fault_every; /* transient: re-armed at this */
static _Thread_local int fault_left;   /* transient faults still to fire */

void
db_fault_at(long n)
{
	fault_countdown = n;
	fault_fired = false;
	fault_left = 0;
}

void
db_fault_transient_at(long n, int times)
{
	db_fault_at(times > 0 ? n : 0);
	fault_every = n;
	fault_left = times;
}

int
db_fault_left(void)
{
	return fault_left;
}

bool
db_fault_fired(void)
{
	return fault_fired;
}

static bool
fault_now(struct db *db, const char *sql)
{
	if (fault_countdown <= 0 || --fault_countdown > 0)
		return false;
	db->err_sql = sql;
	fault_fired = true;
	if (fault_left > 0) {
		/* As PostgreSQL's serialization failure: the transaction is
		 * lost, a new one may well succeed. */
		db->transient = true;
		fault_countdown = --fault_left > 0 ? fault_every : 0;
	}
	return true;
}
#else
static bool
fault_now(struct db *db, const char *sql)
{
	(void)db;
	(void)sql;
	return false;
}
#endif

/* Vietnamese reason for a failed open or first statement: the system
 * error when there is one (util/err.c), else the SQLite result code. */
static const char *
reason(sqlite3 *h, int rc, char buf[TS_ERRNO_TEXT_SIZE])
{
	int no = h ? sqlite3_system_errno(h) : 0;
	if (no != 0)
		return ts_errno_text(no, buf);
	switch (rc & 0xff) {
	case SQLITE_NOTADB: return "tệp không phải là cơ sở dữ liệu SQLite";
	case SQLITE_CORRUPT: return "cơ sở dữ liệu bị hỏng";
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return "cơ sở dữ liệu đang bị tiến trình khác khóa";
	case SQLITE_READONLY: return "không ghi được vào cơ sở dữ liệu (chỉ đọc)";
	case SQLITE_FULL: return "ổ đĩa đã hết chỗ trống";
	case SQLITE_IOERR: return "lỗi đọc/ghi thiết bị lưu trữ";
	case SQLITE_NOMEM: return "không đủ bộ nhớ";
	case SQLITE_PERM: return "không có quyền truy cập";
	}
	snprintf(buf, TS_ERRNO_TEXT_SIZE, "lỗi SQLite %d", rc);
	return buf;
}

static enum ts_err
pragma(struct db *db, const char *sql, struct diags *d)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return TS_OK;
	char tmp[TS_ERRNO_TEXT_SIZE];
	diags_add(d, db->path, "không mở được cơ sở dữ liệu: %s",
		  reason(db->h, rc, tmp));
	return TS_EDB;
}

/* Waits for the write lock by polling every millisecond, for at least
 * 5 s. SQLite's own busy timeout backs off to 100 ms sleeps, so a writer
 * that commits and begins again in a loop (an import's short batches)
 * would take the lock back every time while a school's save sleeps, until
 * the save gives up with SQLITE_BUSY; polling often lets it in during
 * the writer's pause between batches (tests/bench/import.sh). */
static int
busy_poll(void *arg, int count)
{
	struct timespec ms = { 0, 1000000 };
	(void)arg;
	if (count >= 5000)
		return 0;
	nanosleep(&ms, NULL);
	return 1;
}

enum ts_err
db_open(const char *path, bool create, struct db **out, struct diags *d)
{
	struct db *db = calloc(1, sizeof(*db));
	if (db == NULL || (db->path = strdup(path)) == NULL) {
		free(db);
		return TS_ENOMEM;
	}
	int rc = sqlite3_open_v2(path, &db->h,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
					 (create ? SQLITE_OPEN_CREATE : 0),
				 NULL);
	if (rc != SQLITE_OK && !create && db->h &&
	    sqlite3_system_errno(db->h) == ENOENT) {
		db_close(db);
		return TS_ENOTFOUND;
	}
	if (rc != SQLITE_OK) {
		char tmp[TS_ERRNO_TEXT_SIZE];
		diags_add(d, path, "không mở được cơ sở dữ liệu: %s",
			  reason(db->h, rc, tmp));
		db_close(db);
		return TS_EDB;
	}
	sqlite3_busy_handler(db->h, busy_poll, NULL);
	sqlite3_extended_result_codes(db->h, 1);
	/* WAL + synchronous=FULL: a commit is on disk (WAL fsynced) before
	 * we acknowledge it, so acknowledged writes survive power loss. */
	if (pragma(db, "PRAGMA journal_mode=WAL", d) ||
	    pragma(db, "PRAGMA synchronous=FULL", d) ||
	    pragma(db, "PRAGMA foreign_keys=ON", d) ||
	    pragma(db, "PRAGMA trusted_schema=OFF", d) ||
	    /* Each pooled connection keeps its own page cache: 1 MiB each
	     * (SQLite's default is 2 MB) holds a province's indexes, and
	     * the kernel's cache holds the file for all of them. */
	    pragma(db, "PRAGMA cache_size=-1024", d)) {
		db_close(db);
		return TS_EDB;
	}
	*out = db;
	return TS_OK;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (size_t i = 0; i < db->ncache; i++) {
		sqlite3_finalize(db->cache[i]->st);
		free(db->cache[i]);
	}
	free(db->cache);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

enum ts_err
db_begin(struct db *db)
{
	static const char sql[] = "BEGIN IMMEDIATE";
	db->transient = false;
	if (fault_now(db, sql))
		return TS_EDB;
	db->err_sql = sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK
			      ? NULL
			      : sql;
	return db->err_sql == NULL ? TS_OK : TS_EDB;
}

enum ts_err
db_commit(struct db *db)
{
	static const char sql[] = "COMMIT";
	if (!fault_now(db, sql) &&
	    sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK)
		return TS_OK;
	db->err_sql = sql;
	db_rollback(db);
	return TS_EDB;
}

bool
db_transient(const struct db *db)
{
	return db->transient;
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

static bool
cache_room(struct db *db)
{
	if (db->ncache < db->cap)
		return true;
	size_t cap = db->cap ? db->cap * 2 : 64;
	struct db_stmt **v = realloc(db->cache, cap * sizeof(*v));
	if (v == NULL)
		return false;
	db->cache = v;
	db->cap = cap;
	return true;
}

struct db_stmt *
db_prep(struct db *db, const char *sql)
{
	if (fault_now(db, sql))
		return NULL;
	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache[i]->sql == sql)
			return db->cache[i];
	struct db_stmt *s = cache_room(db) ? calloc(1, sizeof(*s)) : NULL;
	if (s == NULL ||
	    sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &s->st, NULL) != SQLITE_OK) {
		db->err_sql = sql;
		free(s);
		return NULL;
	}
	s->db = db;
	s->sql = sql;
	db->cache[db->ncache++] = s;
	return s;
}

const char *
db_errsql(const struct db *db)
{
	return db->err_sql;
}

void
db_done(struct db_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
}

void
db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st->st, i, v);
}

void
db_bind_text(struct db_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st->st, i);
	else
		sqlite3_bind_text(st->st, i, v, -1, SQLITE_TRANSIENT);
}

void
db_bind_null(struct db_stmt *st, int i)
{
	sqlite3_bind_null(st->st, i);
}

enum db_step
db_step(struct db_stmt *st)
{
	if (fault_now(st->db, st->sql))
		return DB_ERROR;
	int rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	st->db->err_sql = st->sql;
	return DB_ERROR;
}

int64_t
db_col_int(struct db_stmt *st, int i)
{
	return sqlite3_column_int64(st->st, i);
}

const char *
db_col_text(struct db_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st->st, i);
}

bool
db_col_null(struct db_stmt *st, int i)
{
	return sqlite3_column_type(st->st, i) == SQLITE_NULL;
}

enum ts_err
db_exec_stmt(struct db_stmt *st)
{
	int rc = fault_now(st->db, st->sql) ? SQLITE_ERROR : sqlite3_step(st->st);
	enum ts_err e = TS_OK;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		e = TS_OK;
	else if (rc == SQLITE_CONSTRAINT_UNIQUE ||
		 rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		e = TS_ECONFLICT;
	else
		e = TS_EDB;
	if (e != TS_OK)
		st->db->err_sql = st->sql;
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
	return e;
}

enum ts_err
db_exec_changed(struct db_stmt *st)
{
	enum ts_err e = db_exec_stmt(st);
	return e == TS_OK && sqlite3_changes64(st->db->h) == 0 ? TS_ESTALE : e;
}

int64_t
db_changes(struct db *db)
{
	return sqlite3_changes64(db->h);
}

int64_t
db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

const char *
db_errmsg(struct db *db)
{
	return sqlite3_errmsg(db->h);
}

enum ts_err
db_exec_script(struct db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK
		       ? TS_OK
		       : TS_EDB;
}

int
db_table_exists(struct db *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	int r = -1;
	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_schema "
			       "WHERE type = 'table' AND name = ?", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			r = sqlite3_column_int(st, 0) > 0;
	}
	sqlite3_finalize(st);
	return r;
}

static bool
integrity_ok(sqlite3 *h)
{
	sqlite3_stmt *st = NULL;
	bool ok = false;
	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		ok = r != NULL && strcmp(r, "ok") == 0;
	}
	sqlite3_finalize(st);
	return ok;
}

bool
db_integrity_ok(struct db *db)
{
	return integrity_ok(db->h);
}

enum ts_err
db_backup(struct db *db, const char *path, struct diags *d)
{
	sqlite3 *dst = NULL;
	enum ts_err e = TS_EDB;
	char tmp[TS_ERRNO_TEXT_SIZE];
	int orc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE |
						      SQLITE_OPEN_CREATE, NULL);
	if (orc != SQLITE_OK) {
		diags_add(d, path, "không tạo được tệp sao lưu: %s",
			  reason(dst, orc, tmp));
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", db->h, "main");
	if (b == NULL) {
		diags_add(d, path, "không sao lưu được: %s", sqlite3_errmsg(dst));
		goto out;
	}
	int rc;
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK ||
	       rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(10);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		diags_add(d, path, "sao lưu bị gián đoạn: %s", sqlite3_errstr(rc));
	else if (!integrity_ok(dst))
		diags_add(d, path, "bản sao lưu không vượt qua kiểm tra toàn vẹn");
	else
		e = TS_OK;
out:
	sqlite3_close(dst);
	return e;
}
