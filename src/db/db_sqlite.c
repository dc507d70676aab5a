/* SQLite backend of db.h. */
#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_int.h"

struct sq_stmt {
	struct db_stmt base;
	sqlite3_stmt *st;
};

/* The statement cache grows with the program's statements: no fixed size
 * that can run out (it was 192 slots, and a full cache returned NULL with
 * no message). Each statement is allocated once, so pointers handed out
 * stay valid while the array of them grows. */
struct sq_db {
	struct db base;
	sqlite3 *h;
	struct sq_stmt **cache;
	size_t ncache, cap;
	int read_depth;	 /* sq_read_begin calls not yet ended */
	bool read_owned; /* the outermost one began the transaction */
};

static struct sq_db *
SQ(struct db *db)
{
	return (struct sq_db *)db;
}

static sqlite3_stmt *
ST(struct db_stmt *st)
{
	return ((struct sq_stmt *)st)->st;
}

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
	case SQLITE_READONLY:
		return "không ghi được vào cơ sở dữ liệu (chỉ đọc)";
	case SQLITE_FULL: return "ổ đĩa đã hết chỗ trống";
	case SQLITE_IOERR: return "lỗi đọc/ghi thiết bị lưu trữ";
	case SQLITE_NOMEM: return "không đủ bộ nhớ";
	case SQLITE_PERM: return "không có quyền truy cập";
	}
	snprintf(buf, TS_ERRNO_TEXT_SIZE, "lỗi SQLite %d", rc);
	return buf;
}

static enum ts_err
pragma(struct sq_db *db, const char *sql, struct diags *d)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return TS_OK;
	char tmp[TS_ERRNO_TEXT_SIZE];
	diags_add(d, db->base.path, "không mở được cơ sở dữ liệu: %s",
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

/* AUTOINCREMENT remembers the largest id inserted, given or not. */
static enum ts_err
sq_reset_ids(struct db *db)
{
	(void)db;
	return TS_OK;
}

/* One file, no replica: every write is where every reader looks. */
static enum ts_err
sq_wal_position(struct db *db, char *out, size_t n)
{
	(void)db;
	if (n > 0)
		out[0] = '\0';
	return TS_OK;
}

static int
sq_replayed(struct db *db, const char *pos)
{
	(void)db;
	(void)pos;
	return 1;
}

static const struct db_ops SQ_OPS;

static void
sq_close(struct db *base)
{
	struct sq_db *db = SQ(base);
	for (size_t i = 0; i < db->ncache; i++) {
		sqlite3_finalize(db->cache[i]->st);
		free(db->cache[i]);
	}
	free(db->cache);
	sqlite3_close(db->h);
	free(db->base.path);
	free(db);
}

/* SQLite counts the memory it holds under one global mutex on every
 * allocation unless told not to: 64 request threads each allocating for
 * every statement queued on it (a tenth of a cached form page's CPU went
 * to that lock and the futex calls it made). Nothing reads the counts. */
static void
sq_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

enum ts_err
db_sqlite_open(const char *path, bool create, struct db **out, struct diags *d)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, sq_configure);
	struct sq_db *db = calloc(1, sizeof(*db));
	if (db == NULL || (db->base.path = strdup(path)) == NULL) {
		free(db);
		return TS_ENOMEM;
	}
	db->base.ops = &SQ_OPS;
	int rc = sqlite3_open_v2(path, &db->h,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
					 (create ? SQLITE_OPEN_CREATE : 0),
				 NULL);
	if (rc != SQLITE_OK && !create && db->h &&
	    sqlite3_system_errno(db->h) == ENOENT) {
		sq_close(&db->base);
		return TS_ENOTFOUND;
	}
	if (rc != SQLITE_OK) {
		char tmp[TS_ERRNO_TEXT_SIZE];
		diags_add(d, path, "không mở được cơ sở dữ liệu: %s",
			  reason(db->h, rc, tmp));
		sq_close(&db->base);
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
		sq_close(&db->base);
		return TS_EDB;
	}
	*out = &db->base;
	return TS_OK;
}

static enum ts_err
sq_begin(struct db *db)
{
	return sqlite3_exec(SQ(db)->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
			       SQLITE_OK
		       ? TS_OK
		       : TS_EDB;
}

static void
sq_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(SQ(db)->h))
		sqlite3_exec(SQ(db)->h, "ROLLBACK", NULL, NULL, NULL);
}

static enum ts_err
sq_commit(struct db *db)
{
	return sqlite3_exec(SQ(db)->h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK
		       ? TS_OK
		       : TS_EDB;
}

/* A failed BEGIN leaves each statement its own read lock, as before.
 * Nested (a document built for a page that took a snapshot) or inside a
 * write transaction it begins nothing, and its end ends nothing: only
 * the outermost call ends the snapshot it began (sq_read_end). */
static void
sq_read_begin(struct db *db)
{
	struct sq_db *s = SQ(db);
	if (s->read_depth++ == 0 && sqlite3_get_autocommit(s->h))
		s->read_owned = sqlite3_exec(s->h, "BEGIN", NULL, NULL, NULL) ==
				SQLITE_OK;
}

static void
sq_read_end(struct db *db)
{
	struct sq_db *s = SQ(db);
	if (s->read_depth > 0 && --s->read_depth > 0)
		return;
	if (s->read_owned)
		sq_rollback(db);
	s->read_owned = false;
}

static bool
cache_room(struct sq_db *db)
{
	if (db->ncache < db->cap)
		return true;
	size_t cap = db->cap ? db->cap * 2 : 64;
	struct sq_stmt **v = realloc(db->cache, cap * sizeof(*v));
	if (v == NULL)
		return false;
	db->cache = v;
	db->cap = cap;
	return true;
}

static struct db_stmt *
sq_prep(struct db *base, const char *sql)
{
	struct sq_db *db = SQ(base);
	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache[i]->base.sql == sql)
			return &db->cache[i]->base;
	struct sq_stmt *s = cache_room(db) ? calloc(1, sizeof(*s)) : NULL;
	if (s == NULL ||
	    sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &s->st, NULL) != SQLITE_OK) {
		free(s);
		return NULL;
	}
	s->base.db = base;
	s->base.sql = sql;
	db->cache[db->ncache++] = s;
	return &s->base;
}

static void
sq_done(struct db_stmt *st)
{
	sqlite3_reset(ST(st));
	sqlite3_clear_bindings(ST(st));
}

static void
sq_bind_int(struct db_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(ST(st), i, v);
}

static void
sq_bind_text(struct db_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(ST(st), i, v, -1, SQLITE_TRANSIENT);
}

static void
sq_bind_null(struct db_stmt *st, int i)
{
	sqlite3_bind_null(ST(st), i);
}

static enum db_step
sq_step(struct db_stmt *st)
{
	int rc = sqlite3_step(ST(st));
	if (rc == SQLITE_ROW)
		return DB_ROW;
	return rc == SQLITE_DONE ? DB_DONE : DB_ERROR;
}

static int64_t
sq_col_int(struct db_stmt *st, int i)
{
	return sqlite3_column_int64(ST(st), i);
}

static const char *
sq_col_text(struct db_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(ST(st), i);
}

static bool
sq_col_null(struct db_stmt *st, int i)
{
	return sqlite3_column_type(ST(st), i) == SQLITE_NULL;
}

static enum ts_err
sq_exec(struct db_stmt *st)
{
	int rc = sqlite3_step(ST(st));
	enum ts_err e = TS_OK;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		e = TS_OK;
	else if (rc == SQLITE_CONSTRAINT_UNIQUE ||
		 rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		e = TS_ECONFLICT;
	else
		e = TS_EDB;
	sq_done(st);
	return e;
}

static int64_t
sq_changes(struct db *db)
{
	return sqlite3_changes64(SQ(db)->h);
}

static int64_t
sq_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(SQ(db)->h);
}

static const char *
sq_errmsg(struct db *db)
{
	return sqlite3_errmsg(SQ(db)->h);
}

static enum ts_err
sq_exec_script(struct db *db, const char *sql)
{
	return sqlite3_exec(SQ(db)->h, sql, NULL, NULL, NULL) == SQLITE_OK
		       ? TS_OK
		       : TS_EDB;
}

static int
sq_table_exists(struct db *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	int r = -1;
	if (sqlite3_prepare_v2(SQ(db)->h,
			       "SELECT count(*) FROM sqlite_schema "
			       "WHERE type = 'table' AND name = ?",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			r = sqlite3_column_int(st, 0) > 0;
	}
	sqlite3_finalize(st);
	return r;
}

static enum ts_err
sq_foreign_keys(struct db *db, bool on)
{
	return sqlite3_exec(SQ(db)->h,
			    on ? "PRAGMA foreign_keys=ON"
			       : "PRAGMA foreign_keys=OFF",
			    NULL, NULL, NULL) == SQLITE_OK
		       ? TS_OK
		       : TS_EDB;
}

static enum ts_err
sq_durable(struct db *db, bool on)
{
	return sqlite3_exec(SQ(db)->h,
			    on ? "PRAGMA synchronous=FULL"
			       : "PRAGMA synchronous=OFF",
			    NULL, NULL, NULL) == SQLITE_OK
		       ? TS_OK
		       : TS_EDB;
}

static bool
sq_foreign_keys_ok(struct db *db)
{
	sqlite3_stmt *st = NULL;
	bool ok = sqlite3_prepare_v2(SQ(db)->h, "PRAGMA foreign_key_check", -1,
				     &st, NULL) == SQLITE_OK &&
		  sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	return ok;
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

static bool
sq_integrity_ok(struct db *db)
{
	return integrity_ok(SQ(db)->h);
}

static enum ts_err
sq_backup(struct db *db, const char *path, struct diags *d)
{
	sqlite3 *dst = NULL;
	enum ts_err e = TS_EDB;
	char tmp[TS_ERRNO_TEXT_SIZE];
	int orc = sqlite3_open_v2(
		path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (orc != SQLITE_OK) {
		diags_add(d, path, "không tạo được tệp sao lưu: %s",
			  reason(dst, orc, tmp));
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", SQ(db)->h, "main");
	if (b == NULL) {
		diags_add(d, path, "không sao lưu được: %s",
			  sqlite3_errmsg(dst));
		goto out;
	}
	int rc;
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK ||
	       rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(10);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		diags_add(d, path, "sao lưu bị gián đoạn: %s",
			  sqlite3_errstr(rc));
	else if (!integrity_ok(dst))
		diags_add(d, path,
			  "bản sao lưu không vượt qua kiểm tra toàn vẹn");
	else
		e = TS_OK;
out:
	sqlite3_close(dst);
	return e;
}

static const struct db_ops SQ_OPS = {
	.close = sq_close,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.read_begin = sq_read_begin,
	.read_end = sq_read_end,
	.prep = sq_prep,
	.done = sq_done,
	.bind_int = sq_bind_int,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_null = sq_col_null,
	.exec = sq_exec,
	.changes = sq_changes,
	.last_id = sq_last_id,
	.errmsg = sq_errmsg,
	.exec_script = sq_exec_script,
	.backup = sq_backup,
	.table_exists = sq_table_exists,
	.integrity_ok = sq_integrity_ok,
	.foreign_keys = sq_foreign_keys,
	.foreign_keys_ok = sq_foreign_keys_ok,
	.durable = sq_durable,
	.catalog_sql = "SELECT m.name, p.name FROM sqlite_schema m, "
		       "pragma_table_info(m.name) p WHERE m.type = 'table' "
		       "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
		       "ORDER BY m.name, p.cid",
	.reset_ids = sq_reset_ids,
	.wal_position = sq_wal_position,
	.replayed = sq_replayed,
};
