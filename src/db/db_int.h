/*
 * What the backends of db.h share (db_sqlite.c, db_pg.c): each backend's
 * connection and statement begin with struct db and struct db_stmt, and
 * db.c calls the backend through its table of operations. Fault
 * injection, the failed statement and the transient flag live in db.c,
 * so they behave the same on every backend.
 */
#ifndef TS_DB_INT_H
#define TS_DB_INT_H

#include "db.h"

struct db_ops {
	void (*close)(struct db *db);
	/* BEGIN of a write transaction; COMMIT; ROLLBACK if one is open. */
	enum ts_err (*begin)(struct db *db);
	enum ts_err (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	/* db_read_begin, db_read_end; NULL: nothing to do. */
	void (*read_begin)(struct db *db);
	void (*read_end)(struct db *db);
	/* A cached statement for the literal sql, or NULL. */
	struct db_stmt *(*prep)(struct db *db, const char *sql);
	void (*done)(struct db_stmt *st);
	void (*bind_int)(struct db_stmt *st, int i, int64_t v);
	void (*bind_text)(struct db_stmt *st, int i, const char *v);
	void (*bind_null)(struct db_stmt *st, int i);
	enum db_step (*step)(struct db_stmt *st);
	int64_t (*col_int)(struct db_stmt *st, int i);
	const char *(*col_text)(struct db_stmt *st, int i);
	bool (*col_null)(struct db_stmt *st, int i);
	/* Steps to the end and resets: TS_OK, TS_ECONFLICT (UNIQUE or
	 * PRIMARY KEY), TS_ERETRY (transient) or TS_EDB. */
	enum ts_err (*exec)(struct db_stmt *st);
	int64_t (*changes)(struct db *db);
	int64_t (*last_id)(struct db *db);
	const char *(*errmsg)(struct db *db);
	enum ts_err (*exec_script)(struct db *db, const char *sql);
	enum ts_err (*backup)(struct db *db, const char *path, struct diags *d);
	int (*table_exists)(struct db *db, const char *name);
	bool (*integrity_ok)(struct db *db);
	/* Migrations that rebuild a table run with foreign keys off and
	 * check them before they commit; the demo writes without waiting
	 * for the disk. */
	enum ts_err (*foreign_keys)(struct db *db, bool on);
	bool (*foreign_keys_ok)(struct db *db);
	enum ts_err (*durable)(struct db *db, bool on);
	/* db_catalog_sql, db_reset_ids (db.h). */
	const char *catalog_sql;
	enum ts_err (*reset_ids)(struct db *db);
	/* db_wal_position, db_replayed (db.h). */
	enum ts_err (*wal_position)(struct db *db, char *out, size_t n);
	int (*replayed)(struct db *db, const char *pos);
};

struct db {
	const struct db_ops *ops;
	char *path;	     /* for messages; freed by the backend */
	const char *err_sql; /* the statement that failed last */
	bool transient;	     /* a transient failure since the last BEGIN */
};

struct db_stmt {
	struct db *db;
	const char *sql; /* cache key: the caller's literal */
	bool failed;	 /* a step failed since db_prep (db_finish) */
};

/* The backends' openers (db_open chooses by the name's form). */
enum ts_err db_sqlite_open(const char *path, bool create, struct db **out,
			   struct diags *d) TS_MUSTCHECK;
enum ts_err db_pg_open(const char *url, struct db **out,
		       struct diags *d) TS_MUSTCHECK;

#endif
