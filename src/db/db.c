/* The front of db.h: chooses the backend, injects faults for tests,
 * remembers what failed, and calls the backend (db_int.h). */
#include <string.h>

#include "db_int.h"

bool
db_is_postgres(const char *name)
{
	return strncmp(name, "postgres://", 11) == 0 ||
	       strncmp(name, "postgresql://", 13) == 0;
}

enum ts_err
db_open(const char *path, bool create, struct db **out, struct diags *d)
{
	if (db_is_postgres(path))
		return db_pg_open(path, out, d);
	return db_sqlite_open(path, create, out, d);
}

#ifdef TS_TEST_HOOKS
/* Fault injection (test builds only, db.h): the n-th database call from
 * now fails as if the database had refused it. Per thread. */
static _Thread_local long fault_countdown;
static _Thread_local bool fault_fired;
static _Thread_local bool fault_transient;
static _Thread_local bool fault_code_transient; /* the fault just fired */
static _Thread_local long fault_every; /* transient: re-armed at this */
static _Thread_local int fault_left;   /* transient faults still to fire */
static _Thread_local db_fault_trace_fn fault_trace;
static _Thread_local void *fault_trace_arg;

void
db_fault_trace(db_fault_trace_fn fn, void *arg)
{
	fault_trace = fn;
	fault_trace_arg = arg;
}

void
db_fault_at(long n)
{
	fault_countdown = n;
	fault_fired = false;
	fault_transient = false;
	fault_left = 0;
}

void
db_fault_transient_at(long n, int times)
{
	db_fault_at(times > 0 ? n : 0);
	fault_transient = times > 0;
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
	if (fault_trace != NULL)
		fault_trace(sql, fault_trace_arg);
	if (fault_countdown <= 0 || --fault_countdown > 0)
		return false;
	db->err_sql = sql;
	fault_fired = true;
	fault_code_transient = fault_transient;
	if (!fault_transient)
		return true;
	/* As PostgreSQL's serialization failure: the transaction is lost,
	 * a new one may well succeed; re-armed `times` in all. */
	db->transient = true;
	fault_countdown = --fault_left > 0 ? fault_every : 0;
	if (fault_left == 0)
		fault_transient = false;
	return true;
}

static enum ts_err
fault_code(void)
{
	bool t = fault_code_transient;
	fault_code_transient = false;
	return t ? TS_ERETRY : TS_EDB;
}
#else
static bool
fault_now(struct db *db, const char *sql)
{
	(void)db;
	(void)sql;
	return false;
}

static enum ts_err
fault_code(void)
{
	return TS_EDB;
}
#endif

void
db_close(struct db *db)
{
	if (db != NULL)
		db->ops->close(db);
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

enum ts_err
db_begin(struct db *db)
{
	static const char sql[] = "BEGIN";
	db->transient = false;
	if (fault_now(db, sql))
		return fault_code();
	enum ts_err e = db->ops->begin(db);
	db->err_sql = e == TS_OK ? NULL : sql;
	return e;
}

enum ts_err
db_commit(struct db *db)
{
	static const char sql[] = "COMMIT";
	enum ts_err e = fault_now(db, sql) ? fault_code() : db->ops->commit(db);
	if (e == TS_OK)
		return TS_OK;
	db->err_sql = sql;
	db_rollback(db);
	return e;
}

void
db_rollback(struct db *db)
{
	db->ops->rollback(db);
}

void
db_read_begin(struct db *db)
{
	if (db->ops->read_begin != NULL)
		db->ops->read_begin(db);
}

void
db_read_end(struct db *db)
{
	if (db->ops->read_end != NULL)
		db->ops->read_end(db);
}

bool
db_transient(const struct db *db)
{
	return db->transient;
}

struct db_stmt *
db_prep(struct db *db, const char *sql)
{
	if (fault_now(db, sql))
		return NULL;
	struct db_stmt *st = db->ops->prep(db, sql);
	if (st == NULL)
		db->err_sql = sql;
	else
		st->failed = false;
	return st;
}

const char *
db_errsql(const struct db *db)
{
	return db->err_sql;
}

void
db_done(struct db_stmt *st)
{
	if (st != NULL)
		st->db->ops->done(st);
}

enum ts_err
db_finish(struct db_stmt *st)
{
	bool failed = st != NULL && st->failed;
	db_done(st);
	return failed ? TS_EDB : TS_OK;
}

void
db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	st->db->ops->bind_int(st, i, v);
}

void
db_bind_text(struct db_stmt *st, int i, const char *v)
{
	if (v == NULL)
		st->db->ops->bind_null(st, i);
	else
		st->db->ops->bind_text(st, i, v);
}

void
db_bind_null(struct db_stmt *st, int i)
{
	st->db->ops->bind_null(st, i);
}

enum db_step
db_step(struct db_stmt *st)
{
	enum db_step r = fault_now(st->db, st->sql) ? DB_ERROR
						    : st->db->ops->step(st);
	if (r == DB_ERROR) {
		st->db->err_sql = st->sql;
		st->failed = true;
	}
	return r;
}

int64_t
db_col_int(struct db_stmt *st, int i)
{
	return st->db->ops->col_int(st, i);
}

const char *
db_col_text(struct db_stmt *st, int i)
{
	return st->db->ops->col_text(st, i);
}

bool
db_col_null(struct db_stmt *st, int i)
{
	return st->db->ops->col_null(st, i);
}

enum ts_err
db_exec_stmt(struct db_stmt *st)
{
	if (fault_now(st->db, st->sql)) {
		st->db->ops->done(st);
		return fault_code();
	}
	enum ts_err e = st->db->ops->exec(st);
	if (e != TS_OK)
		st->db->err_sql = st->sql;
	return e;
}

enum ts_err
db_exec_changed(struct db_stmt *st)
{
	enum ts_err e = db_exec_stmt(st);
	return e == TS_OK && st->db->ops->changes(st->db) == 0 ? TS_ESTALE : e;
}

int64_t
db_changes(struct db *db)
{
	return db->ops->changes(db);
}

int64_t
db_last_id(struct db *db)
{
	return db->ops->last_id(db);
}

const char *
db_errmsg(struct db *db)
{
	return db->ops->errmsg(db);
}

enum ts_err
db_exec_script(struct db *db, const char *sql)
{
	return db->ops->exec_script(db, sql);
}

enum ts_err
db_backup(struct db *db, const char *path, struct diags *d)
{
	return db->ops->backup(db, path, d);
}

int
db_table_exists(struct db *db, const char *name)
{
	return db->ops->table_exists(db, name);
}

bool
db_integrity_ok(struct db *db)
{
	return db->ops->integrity_ok(db);
}

enum ts_err
db_foreign_keys(struct db *db, bool on)
{
	return db->ops->foreign_keys(db, on);
}

bool
db_foreign_keys_ok(struct db *db)
{
	return db->ops->foreign_keys_ok(db);
}

enum ts_err
db_durable(struct db *db, bool on)
{
	return db->ops->durable(db, on);
}

const char *
db_catalog_sql(const struct db *db)
{
	return db->ops->catalog_sql;
}

enum ts_err
db_reset_ids(struct db *db)
{
	return db->ops->reset_ids(db);
}

enum ts_err
db_wal_position(struct db *db, char *out, size_t n)
{
	return db->ops->wal_position(db, out, n);
}

int
db_replayed(struct db *db, const char *pos)
{
	return pos == NULL || pos[0] == '\0' ? 1 : db->ops->replayed(db, pos);
}
