/*
 * The storage interface the app layer uses. Two backends: SQLite
 * (db_sqlite.c, a file name) and PostgreSQL (db_pg.c, a postgres:// or
 * postgresql:// URL), chosen by db_open from the name. App SQL is written
 * once, in the SQLite dialect restricted to what both accept: `?` and
 * `?N` placeholders (the PG backend rewrites them to $n, pg_dialect.c),
 * values bound by type, UTC ISO-8601 text timestamps, integers for
 * booleans. docs/deploy.md lists every construct and its treatment.
 *
 * Every statement is prepared and bound: no SQL is ever built from data.
 * Statements are cached per connection, keyed by the SQL text pointer, so
 * app code passes string literals.
 */
#ifndef TS_DB_H
#define TS_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "../util/diag.h"
#include "../util/err.h"

struct db;
struct db_stmt;

enum db_step {
	DB_ROW = 1,
	DB_DONE = 0,
	DB_ERROR = -1
};

/* Whether name is a PostgreSQL URL (postgres:// or postgresql://). */
bool db_is_postgres(const char *name);

/* Opens the database at path (or a PostgreSQL URL, db_pg.c): WAL, foreign keys on, synchronous=FULL,
 * busy timeout. Does not migrate. A missing file is created only when
 * `create`; otherwise TS_ENOTFOUND, with no message (callers word it). */
enum ts_err db_open(const char *path, bool create, struct db **out,
		    struct diags *d) TS_MUSTCHECK;
void db_close(struct db *db);
/* Backend name and file, for messages. */
const char *db_path(const struct db *db);

/* Write transaction (BEGIN IMMEDIATE on SQLite: the write lock is taken at
 * once, so two writers never deadlock half-way; BEGIN ISOLATION LEVEL
 * SERIALIZABLE on PostgreSQL: writers run at once, and any interleaving
 * that a serial order could not give aborts one of them).
 *
 * Transient failures: PostgreSQL may give up a transaction on a
 * serialization failure (SQLSTATE 40001) or a deadlock (40P01), at any
 * statement or at COMMIT. Functions returning enum ts_err then return
 * TS_ERETRY; db_step returns DB_ERROR, which callers report as TS_EDB.
 * Either way db_transient() is true until the next db_begin: the write
 * door (app/door.c) rolls back and runs the whole use case again a
 * bounded number of times. Nobody else retries. SQLite never sets it. */
enum ts_err db_begin(struct db *db) TS_MUSTCHECK;
enum ts_err db_commit(struct db *db) TS_MUSTCHECK;
void db_rollback(struct db *db);
/* Whether a call that failed since db_begin failed only for now, so the
 * whole transaction may be run again (PostgreSQL: serialization failure
 * 40001, deadlock 40P01). The write door (app/door.c) retries such a
 * transaction a bounded number of times; nobody else retries. SQLite:
 * never (its busy handler already waits for the write lock). */
bool db_transient(const struct db *db);
/* One snapshot for a run of reads, such as a page: SQLite takes and drops
 * the WAL read lock once instead of per statement (a deferred BEGIN);
 * PostgreSQL runs them in one REPEATABLE READ READ ONLY transaction.
 * Nested calls, or calls inside a write transaction, begin and end
 * nothing. Only reads may come before db_read_end, which ends it
 * whatever happened (a failed statement too; on PostgreSQL a failed
 * statement ends the snapshot at once, and the later reads take their
 * own); db_begin inside it fails on both backends. */
void db_read_begin(struct db *db);
void db_read_end(struct db *db);

/* Cached prepared statement, reset and unbound; NULL on error (message in
 * db_errmsg, the statement in db_errsql). The cache has no fixed size.
 * Do not finalize: call db_done() when finished with it. */
struct db_stmt *db_prep(struct db *db, const char *sql);
void db_done(struct db_stmt *st);
/* db_done that says whether every step of the statement since db_prep
 * succeeded: TS_EDB if one failed. A read loop `while (db_step(st) ==
 * DB_ROW)` ends the same way on the last row and on an error; the
 * error is told here, so it is never taken for the end of the rows. */
enum ts_err db_finish(struct db_stmt *st) TS_MUSTCHECK;

void db_bind_int(struct db_stmt *st, int i, int64_t v);
void db_bind_text(struct db_stmt *st, int i,
		  const char *v); /* NULL = SQL NULL */
void db_bind_null(struct db_stmt *st, int i);
enum db_step db_step(struct db_stmt *st);
int64_t db_col_int(struct db_stmt *st, int i);
/* Valid until the next step/done; NULL for SQL NULL. */
const char *db_col_text(struct db_stmt *st, int i);
bool db_col_null(struct db_stmt *st, int i);

/* Runs a statement that returns no rows; TS_ECONFLICT when a UNIQUE or
 * PRIMARY KEY constraint refuses the row (it already exists), TS_ERETRY
 * on a transient failure (above), TS_EDB on
 * any other failure: NOT NULL, CHECK, foreign key or trigger refusals
 * mean the app let invalid data through, which is not a conflict (text
 * is checked before, app/text.c). */
enum ts_err db_exec_stmt(struct db_stmt *st) TS_MUSTCHECK;
/* Like db_exec_stmt, but TS_ESTALE when no row changed: the form of
 * every conditional update ("... WHERE revision = ?"), whose miss is a
 * lost race, never a constraint. */
enum ts_err db_exec_changed(struct db_stmt *st) TS_MUSTCHECK;
/* Copy of a text column in the arena; NULL for SQL NULL or OOM. */
struct arena;
const char *db_col_dup(struct db_stmt *st, int i, struct arena *a);
/*
 * Steps a bound statement to the end, giving each row to fill() in a new
 * zeroed element of an arena array (elem bytes each). Resets the
 * statement. TS_ENOMEM or TS_EDB on failure.
 */
enum ts_err db_collect(struct db_stmt *st, struct arena *a, size_t elem,
		       void **out, size_t *n,
		       void (*fill)(struct db_stmt *, struct arena *, void *));
/* Rows changed by the last statement. */
int64_t db_changes(struct db *db);
int64_t db_last_id(struct db *db);
const char *db_errmsg(struct db *db);
/* The SQL of the statement that failed last (prepare, step or exec), for
 * the log; NULL if none has. */
const char *db_errsql(const struct db *db);
#ifdef TS_TEST_HOOKS
/* Fault injection for tests (test builds only): the n-th call from now of
 * db_prep, db_step, db_exec_stmt/db_exec_changed, db_begin or db_commit
 * (on this thread) fails as if the database had refused it; 0: none. */
void db_fault_at(long n);
/* Whether the fault armed last has happened: a use case that succeeded
 * although it did swallowed a database error. */
bool db_fault_fired(void);
/* The n-th call from now fails as a transient failure (db_transient), and
 * again n calls after each failure, `times` failures in all. */
void db_fault_transient_at(long n, int times);
/* Transient failures armed that have not happened yet. */
int db_fault_left(void);
/* Calls fn with the SQL of every call db_fault_at counts (on this
 * thread), in order; NULL stops. A test lists a use case's calls once,
 * then fails only those worth failing. */
typedef void (*db_fault_trace_fn)(const char *sql, void *arg);
void db_fault_trace(db_fault_trace_fn fn, void *arg);
#endif
/* Runs a script of SQL statements (migrations only: trusted text; on
 * PostgreSQL translated first, pg_dialect.h). */
enum ts_err db_exec_script(struct db *db, const char *sql) TS_MUSTCHECK;

/* Online backup to path, then PRAGMA integrity_check on the copy
 * (SQLite; PostgreSQL refuses: pg_dump, docs/deploy.md). */
enum ts_err db_backup(struct db *db, const char *path,
		      struct diags *d) TS_MUSTCHECK;
/* 1 if the table exists, 0 if not, -1 on error. */
int db_table_exists(struct db *db, const char *name);
/* Foreign keys off (false) or on again (true), outside a transaction: a
 * migration that rebuilds a table (SQLite cannot change a CHECK) runs
 * with them off, as SQLite's ALTER TABLE procedure says, and asks
 * db_foreign_keys_ok before it commits. */
enum ts_err db_foreign_keys(struct db *db, bool on) TS_MUSTCHECK;
/* Commits wait for the disk (true, the default) or not (false): only for
 * building a new database in one go (the demo), where a crash midway
 * leaves nothing worth keeping anyway. */
enum ts_err db_durable(struct db *db, bool on) TS_MUSTCHECK;
/* No row refers to a missing one (PRAGMA foreign_key_check). */
bool db_foreign_keys_ok(struct db *db);
/* PRAGMA integrity_check; true if "ok". */
bool db_integrity_ok(struct db *db);

/* For copying a whole database (app/db_copy.c): a query (no parameters)
 * giving (table, column) for every column of every table, tables by
 * name, columns in their order; the backend's own tables left out. */
const char *db_catalog_sql(const struct db *db);
/* After rows were inserted with their ids: every identity column's
 * sequence continues after the largest id (PostgreSQL; SQLite already
 * does so). */
enum ts_err db_reset_ids(struct db *db) TS_MUSTCHECK;

/* Reading from a streaming replica without missing one's own writes
 * (server --db-read, docs/deploy.md): the primary's WAL position now
 * (PostgreSQL: pg_current_wal_lsn; SQLite: ""), and whether a replica
 * has replayed up to such a position (1 yes, 0 not yet, -1 error; a
 * server that is not a replica, or pos "", has everything: 1). */
enum ts_err db_wal_position(struct db *db, char *out, size_t n) TS_MUSTCHECK;
int db_replayed(struct db *db, const char *pos);

#endif
