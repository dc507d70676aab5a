/*
 * PostgreSQL backend of db.h (libpq). One connection per struct db, as
 * for SQLite: a server's pool of app instances (web/pool.c) is its pool of
 * connections. Statements are translated from the app's dialect once
 * (pg_dialect.h), prepared on the server once per connection, and run
 * with every value sent as text, typed by the server from the statement.
 * A whole result is fetched at the first step; the app's results are
 * small pages.
 */
#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "pg_dialect.h"

struct pg_stmt {
	struct db_stmt base;
	char name[16]; /* the server-side prepared statement */
	char *text;    /* the translated SQL */
	int nparams;
	bool prepared; /* on this connection (false again after a reset) */
	bool oom;      /* a value could not be copied */
	char **vals;   /* nparams values as text; NULL for SQL NULL */
	PGresult *res; /* the rows, from the first step until done */
	int row, nrows;
};

struct pg_db {
	struct db base;
	PGconn *c;
	struct pg_stmt **cache;
	size_t ncache, cap;
	int64_t changes;
	int read_depth;	 /* pg_read_begin calls not yet ended */
	bool read_owned; /* the outermost one began a transaction */
	char err[512];
};

static const struct db_ops PG_OPS;

static struct pg_db *
PG(struct db *db)
{
	return (struct pg_db *)db;
}

static struct pg_stmt *
PS(struct db_stmt *st)
{
	return (struct pg_stmt *)st;
}

static void
set_err(struct pg_db *db, const char *msg)
{
	snprintf(db->err, sizeof(db->err), "%s", msg ? msg : "");
	size_t n = strlen(db->err);
	if (n > 0 && db->err[n - 1] == '\n')
		db->err[n - 1] = '\0';
}

/* Classifies a failed result: TS_ECONFLICT for unique_violation (23505),
 * TS_ERETRY for serialization_failure (40001) and deadlock_detected
 * (40P01), which also marks the transaction retryable; TS_EDB else. */
static enum ts_err
failed(struct pg_db *db, const PGresult *r)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	set_err(db, r ? PQresultErrorMessage(r) : PQerrorMessage(db->c));
	if (state == NULL)
		return TS_EDB;
	if (strcmp(state, "23505") == 0)
		return TS_ECONFLICT;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0) {
		db->base.transient = true;
		return TS_ERETRY;
	}
	return TS_EDB;
}

/* Runs a command without parameters; TS_OK if the server said `want`
 * (COMMIT after an aborted transaction says ROLLBACK, without error). */
static enum ts_err
command(struct pg_db *db, const char *sql, const char *want)
{
	PGresult *r = PQexec(db->c, sql);
	enum ts_err e = TS_OK;
	ExecStatusType s = PQresultStatus(r);
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		e = failed(db, r);
	else if (want != NULL && strcmp(PQcmdStatus(r), want) != 0) {
		set_err(db, "giao dịch đã bị hủy trước khi ghi");
		e = TS_EDB;
	}
	PQclear(r);
	return e;
}

/* A connection that broke between transactions is made again; every
 * statement is then prepared anew. */
static void
keep_alive(struct pg_db *db)
{
	if (PQstatus(db->c) == CONNECTION_OK)
		return;
	PQreset(db->c);
	for (size_t i = 0; i < db->ncache; i++)
		db->cache[i]->prepared = false;
}

static void
stmt_free(struct pg_stmt *s)
{
	if (s == NULL)
		return;
	PQclear(s->res);
	for (int i = 0; s->vals != NULL && i < s->nparams; i++)
		free(s->vals[i]);
	free(s->vals);
	free(s->text);
	free(s);
}

static void
pg_close(struct db *base)
{
	struct pg_db *db = PG(base);
	for (size_t i = 0; i < db->ncache; i++)
		stmt_free(db->cache[i]);
	free(db->cache);
	PQfinish(db->c);
	free(db->base.path);
	free(db);
}

/* The URL without its password, for messages. */
static char *
shown_url(const char *url)
{
	char *s = strdup(url);
	char *host = s ? strstr(s, "://") : NULL;
	char *at = host ? strchr(host + 3, '@') : NULL;
	char *colon = host ? strchr(host + 3, ':') : NULL;
	if (at != NULL && colon != NULL && colon < at)
		memmove(colon, at, strlen(at) + 1);
	return s;
}

static void
quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* Sorting and comparing text as SQLite does (bytes of UTF-8) needs the
 * C collation; any other would reorder lists and reports. */
static enum ts_err
check_database(struct pg_db *db, struct diags *d)
{
	PGresult *r = PQexec(db->c,
			     "SELECT datcollate, pg_encoding_to_char("
			     "encoding) FROM pg_database WHERE datname = "
			     "current_database()");
	bool ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
	const char *coll = ok ? PQgetvalue(r, 0, 0) : "";
	const char *enc = ok ? PQgetvalue(r, 0, 1) : "";
	enum ts_err e = TS_OK;
	if (!ok) {
		diags_add(d, db->base.path,
			  "không đọc được thông tin cơ sở dữ "
			  "liệu: %s",
			  PQresultErrorMessage(r));
		e = TS_EDB;
	} else if ((strcmp(coll, "C") != 0 && strcmp(coll, "POSIX") != 0) ||
		   strcmp(enc, "UTF8") != 0) {
		diags_add(d, db->base.path,
			  "cơ sở dữ liệu PostgreSQL phải dùng "
			  "bảng mã UTF8 và thứ tự sắp xếp C (đang là %s, %s); "
			  "tạo bằng: createdb --encoding=UTF8 --locale=C "
			  "--template=template0 TÊN",
			  enc, coll);
		e = TS_EINVAL;
	}
	PQclear(r);
	return e;
}

enum ts_err
db_pg_open(const char *url, struct db **out, struct diags *d)
{
	struct pg_db *db = calloc(1, sizeof(*db));
	if (db == NULL || (db->base.path = shown_url(url)) == NULL) {
		free(db);
		return TS_ENOMEM;
	}
	db->base.ops = &PG_OPS;
	const char *const keys[] = { "dbname", "application_name",
				     "client_encoding", NULL };
	const char *const vals[] = { url, "truongso", "UTF8", NULL };
	db->c = PQconnectdbParams(keys, vals, 1);
	if (db->c == NULL || PQstatus(db->c) != CONNECTION_OK) {
		diags_add(d, db->base.path,
			  "không kết nối được cơ sở dữ liệu "
			  "PostgreSQL: %s",
			  db->c ? PQerrorMessage(db->c) : "không đủ bộ nhớ");
		pg_close(&db->base);
		return TS_EDB;
	}
	PQsetNoticeProcessor(db->c, quiet, NULL);
	enum ts_err e = check_database(db, d);
	if (e != TS_OK) {
		pg_close(&db->base);
		return e;
	}
	*out = &db->base;
	return TS_OK;
}

/* A write inside a read snapshot is refused, as SQLite refuses its BEGIN
 * IMMEDIATE there (db.h: only reads before db_read_end). */
static enum ts_err
pg_begin(struct db *base)
{
	if (PG(base)->read_owned) {
		set_err(PG(base), "không mở được giao dịch ghi khi đang đọc "
				  "trong một lần chụp dữ liệu");
		return TS_EDB;
	}
	keep_alive(PG(base));
	return command(PG(base), "BEGIN ISOLATION LEVEL SERIALIZABLE", NULL);
}

static enum ts_err
pg_commit(struct db *base)
{
	return command(PG(base), "COMMIT", "COMMIT");
}

static void
pg_rollback(struct db *base)
{
	if (PQtransactionStatus(PG(base)->c) != PQTRANS_IDLE)
		(void)command(PG(base), "ROLLBACK", NULL);
}

/* One snapshot for a run of reads: a REPEATABLE READ READ ONLY
 * transaction, whose statements all see the database as it was at the
 * first one (a read-only transaction at that level never fails to
 * serialize, and a hot standby accepts it). Nested, or inside a write
 * transaction, it begins nothing and its end ends nothing; a BEGIN that
 * failed leaves each statement its own snapshot, as before. */
static void
pg_read_begin(struct db *base)
{
	struct pg_db *db = PG(base);
	if (db->read_depth++ > 0 || PQtransactionStatus(db->c) != PQTRANS_IDLE)
		return;
	keep_alive(db);
	db->read_owned = command(db,
				 "BEGIN ISOLATION LEVEL REPEATABLE READ "
				 "READ ONLY",
				 NULL) == TS_OK;
}

static void
pg_read_end(struct db *base)
{
	struct pg_db *db = PG(base);
	if (db->read_depth > 0 && --db->read_depth > 0)
		return;
	if (db->read_owned)
		pg_rollback(base);
	db->read_owned = false;
}

/* A failed statement aborts a PostgreSQL transaction, and SQLite's
 * does not: in a snapshot of our own, end it, so the page's later reads
 * run on their own as they did before (the error stays reported). */
static void
read_failed(struct pg_db *db)
{
	if (!db->read_owned || PQtransactionStatus(db->c) != PQTRANS_INERROR)
		return;
	char keep[sizeof(db->err)];
	memcpy(keep, db->err, sizeof(keep));
	pg_rollback(&db->base);
	memcpy(db->err, keep, sizeof(keep));
	db->read_owned = false;
}

static bool
cache_room(struct pg_db *db)
{
	if (db->ncache < db->cap)
		return true;
	size_t cap = db->cap ? db->cap * 2 : 64;
	struct pg_stmt **v = realloc(db->cache, cap * sizeof(*v));
	if (v == NULL)
		return false;
	db->cache = v;
	db->cap = cap;
	return true;
}

/* The parameter the server could not type (42P18 indeterminate_datatype
 * or 42P08 ambiguous_parameter, named in the message: "... parameter
 * $3"), or 0. */
static int
untyped_param(const PGresult *r)
{
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	const char *p = msg ? strstr(msg, "parameter $") : NULL;
	if (state == NULL || p == NULL ||
	    (strcmp(state, "42P18") != 0 && strcmp(state, "42P08") != 0))
		return 0;
	return (int)strtol(p + 11, NULL, 10);
}

/* One PREPARE; on 42P18, the parameter to declare text (else 0). */
static int
prepare_once(struct pg_db *db, struct pg_stmt *s, const Oid *types, bool in_tx)
{
	if (in_tx)
		(void)command(db, "SAVEPOINT ts_prepare", NULL);
	PGresult *r = PQprepare(db->c, s->name, s->text, s->nparams, types);
	int p = untyped_param(r);
	s->prepared = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!s->prepared && (p < 1 || p > s->nparams || types[p - 1] != 0)) {
		(void)failed(db, r);
		p = 0;
	}
	PQclear(r);
	/* A failed PREPARE aborted the transaction back to the savepoint:
	 * roll back to it (RELEASE would fail there) before releasing. */
	if (in_tx && !s->prepared)
		(void)command(db, "ROLLBACK TO SAVEPOINT ts_prepare", NULL);
	if (in_tx)
		(void)command(db, "RELEASE SAVEPOINT ts_prepare", NULL);
	return p;
}

/* Prepares on the server, letting it type every parameter from the
 * statement. A parameter it cannot type (only tested for NULL: "?2 IS
 * NULL OR ...", or not used at all) is declared text and the statement
 * prepared again; inside a transaction under a savepoint, since a failed
 * statement would abort the transaction. Once per statement and
 * connection. */
static bool
prepare(struct pg_db *db, struct pg_stmt *s)
{
	if (s->prepared)
		return true;
	Oid *types = calloc((size_t)s->nparams + 1, sizeof(*types));
	bool in_tx = PQtransactionStatus(db->c) == PQTRANS_INTRANS;
	int p = types ? prepare_once(db, s, types, in_tx) : 0;
	for (int tries = 0; p > 0 && tries < s->nparams; tries++) {
		types[p - 1] = 25; /* TEXTOID */
		p = prepare_once(db, s, types, in_tx);
	}
	if (types == NULL)
		set_err(db, "không đủ bộ nhớ");
	free(types);
	return s->prepared;
}

static struct pg_stmt *
stmt_new(struct pg_db *db, const char *sql)
{
	const char *refused = NULL;
	struct pg_stmt *s = calloc(1, sizeof(*s));
	if (s == NULL ||
	    (s->text = pg_stmt_sql(sql, &s->nparams, &refused)) == NULL ||
	    (s->vals = calloc((size_t)s->nparams + 1, sizeof(char *))) ==
		    NULL) {
		if (refused != NULL)
			snprintf(db->err, sizeof(db->err),
				 "câu lệnh dùng %s, "
				 "PostgreSQL không có",
				 refused);
		else
			set_err(db, "không đủ bộ nhớ");
		stmt_free(s);
		return NULL;
	}
	snprintf(s->name, sizeof(s->name), "s%zu", db->ncache);
	s->base.db = &db->base;
	s->base.sql = sql;
	return s;
}

static struct db_stmt *
pg_prep(struct db *base, const char *sql)
{
	struct pg_db *db = PG(base);
	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache[i]->base.sql == sql)
			return prepare(db, db->cache[i]) ? &db->cache[i]->base
							 : NULL;
	if (PQtransactionStatus(db->c) == PQTRANS_IDLE)
		keep_alive(db);
	struct pg_stmt *s = cache_room(db) ? stmt_new(db, sql) : NULL;
	if (s == NULL)
		return NULL;
	db->cache[db->ncache++] = s;
	return prepare(db, s) ? &s->base : NULL;
}

static void
pg_done(struct db_stmt *st)
{
	struct pg_stmt *s = PS(st);
	PQclear(s->res);
	s->res = NULL;
	s->row = s->nrows = 0;
	s->oom = false;
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
	}
}

static void
bind(struct pg_stmt *s, int i, const char *v)
{
	if (i < 1 || i > s->nparams)
		return;
	free(s->vals[i - 1]);
	s->vals[i - 1] = v ? strdup(v) : NULL;
	s->oom = s->oom || (v != NULL && s->vals[i - 1] == NULL);
}

static void
pg_bind_int(struct db_stmt *st, int i, int64_t v)
{
	char tmp[24];
	snprintf(tmp, sizeof(tmp), "%" PRId64, v);
	bind(PS(st), i, tmp);
}

static void
pg_bind_text(struct db_stmt *st, int i, const char *v)
{
	bind(PS(st), i, v);
}

static void
pg_bind_null(struct db_stmt *st, int i)
{
	bind(PS(st), i, NULL);
}

/* Runs the statement with its values: TS_OK with s->res holding the rows
 * (or the command's count in db->changes). */
static enum ts_err
run(struct pg_stmt *s)
{
	struct pg_db *db = PG(s->base.db);
	if (s->oom) {
		set_err(db, "không đủ bộ nhớ");
		return TS_ENOMEM;
	}
	if (!prepare(db, s))
		return TS_EDB;
	PGresult *r = PQexecPrepared(db->c, s->name, s->nparams,
				     (const char *const *)s->vals, NULL, NULL,
				     0);
	ExecStatusType st = PQresultStatus(r);
	if (st == PGRES_TUPLES_OK) {
		s->res = r;
		s->nrows = PQntuples(r);
		s->row = -1;
		return TS_OK;
	}
	enum ts_err e = TS_OK;
	if (st == PGRES_COMMAND_OK)
		db->changes = strtoll(PQcmdTuples(r), NULL, 10);
	else
		e = failed(db, r);
	PQclear(r);
	if (e != TS_OK)
		read_failed(db);
	return e;
}

static enum db_step
pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = PS(st);
	if (s->res == NULL) {
		if (run(s) != TS_OK)
			return DB_ERROR;
		if (s->res == NULL)
			return DB_DONE;
	}
	return ++s->row < s->nrows ? DB_ROW : DB_DONE;
}

/* Booleans come back as t/f (a comparison in a SELECT list). */
static int64_t
pg_col_int(struct db_stmt *st, int i)
{
	struct pg_stmt *s = PS(st);
	if (s->res == NULL || s->row < 0 || s->row >= s->nrows)
		return 0;
	const char *v = PQgetvalue(s->res, s->row, i);
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	return strtoll(v, NULL, 10);
}

static const char *
pg_col_text(struct db_stmt *st, int i)
{
	struct pg_stmt *s = PS(st);
	if (s->res == NULL || s->row < 0 || s->row >= s->nrows ||
	    PQgetisnull(s->res, s->row, i))
		return NULL;
	return PQgetvalue(s->res, s->row, i);
}

static bool
pg_col_null(struct db_stmt *st, int i)
{
	return pg_col_text(st, i) == NULL;
}

static enum ts_err
pg_exec(struct db_stmt *st)
{
	enum ts_err e = run(PS(st));
	pg_done(st);
	return e == TS_ENOMEM ? TS_EDB : e;
}

static int64_t
pg_changes(struct db *db)
{
	return PG(db)->changes;
}

/* The id the last INSERT drew from an identity column (SQLite's
 * last_insert_rowid for the tables that have an id). */
static int64_t
pg_last_id(struct db *base)
{
	PGresult *r = PQexec(PG(base)->c, "SELECT lastval()");
	int64_t id = 0;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	else
		(void)failed(PG(base), r);
	PQclear(r);
	return id;
}

static const char *
pg_errmsg(struct db *db)
{
	return PG(db)->err;
}

static enum ts_err
pg_exec_script(struct db *base, const char *sql)
{
	const char *refused = NULL;
	char *text = pg_script_sql(sql, &refused);
	if (text == NULL) {
		if (refused != NULL)
			snprintf(PG(base)->err, sizeof(PG(base)->err),
				 "lược đồ dùng %s, PostgreSQL không có",
				 refused);
		return TS_EDB;
	}
	enum ts_err e = command(PG(base), text, NULL);
	free(text);
	return e;
}

static enum ts_err
pg_backup(struct db *db, const char *path, struct diags *d)
{
	(void)path;
	diags_add(d, db->path,
		  "sao lưu cơ sở dữ liệu PostgreSQL bằng pg_dump "
		  "hoặc lưu trữ WAL (xem docs/deploy.md), không bằng lệnh này");
	return TS_EINVAL;
}

static int
pg_table_exists(struct db *base, const char *name)
{
	const char *const v[] = { name };
	PGresult *r = PQexecParams(PG(base)->c,
				   "SELECT count(*) FROM "
				   "pg_catalog.pg_tables WHERE schemaname = "
				   "current_schema() AND tablename = $1",
				   1, NULL, v, NULL, NULL, 0);
	int ok = -1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		ok = strcmp(PQgetvalue(r, 0, 0), "0") != 0;
	else
		(void)failed(PG(base), r);
	PQclear(r);
	return ok;
}

/* PostgreSQL checks its pages itself (checksums, amcheck); here: the
 * server answers. */
static bool
pg_integrity_ok(struct db *base)
{
	return command(PG(base), "SELECT 1", NULL) == TS_OK;
}

/* PostgreSQL checks foreign keys at each statement and cannot turn them
 * off for a session; a migration that rebuilds a table on SQLite is
 * translated not to need it (pg_dialect.c). */
static enum ts_err
pg_foreign_keys(struct db *base, bool on)
{
	(void)base;
	(void)on;
	return TS_OK;
}

static bool
pg_foreign_keys_ok(struct db *base)
{
	(void)base;
	return true;
}

static enum ts_err
pg_durable(struct db *base, bool on)
{
	return command(PG(base),
		       on ? "SET synchronous_commit = on"
			  : "SET synchronous_commit = off",
		       NULL);
}

/* Rows copied in with their ids leave each identity sequence at its
 * start: every one is set past the largest id of its column. */
static enum ts_err
pg_reset_ids(struct db *base)
{
	return command(
		PG(base),
		"DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.relname "
		"AS t, a.attname AS col FROM pg_attribute a JOIN pg_class c "
		"ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = "
		"c.relnamespace WHERE n.nspname = current_schema() AND "
		"a.attidentity <> '' LOOP EXECUTE format('SELECT setval("
		"pg_get_serial_sequence(%L, %L), COALESCE((SELECT max(%I) "
		"FROM %I), 0) + 1, false)', r.t, r.col, r.col, r.t); END "
		"LOOP; END $$",
		NULL);
}

/* Where the primary's WAL ends now: the insert position, past this
 * session's last commit record even before it is written (asynchronous
 * commit). */
static enum ts_err
pg_wal_position(struct db *base, char *out, size_t n)
{
	PGresult *r = PQexec(PG(base)->c, "SELECT pg_current_wal_insert_lsn()");
	enum ts_err e = TS_OK;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		snprintf(out, n, "%s", PQgetvalue(r, 0, 0));
	else
		e = failed(PG(base), r);
	PQclear(r);
	return e;
}

/* A server not in recovery (a primary given as the replica) has every
 * write; a replica has them once it replayed up to pos. */
static int
pg_replayed(struct db *base, const char *pos)
{
	const char *const v[] = { pos };
	PGresult *r = PQexecParams(
		PG(base)->c,
		"SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, "
		"NOT pg_is_in_recovery())",
		1, NULL, v, NULL, NULL, 0);
	int ok = -1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		ok = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	else
		(void)failed(PG(base), r);
	PQclear(r);
	return ok;
}

static const struct db_ops PG_OPS = {
	.close = pg_close,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.read_begin = pg_read_begin,
	.read_end = pg_read_end,
	.prep = pg_prep,
	.done = pg_done,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_null = pg_col_null,
	.exec = pg_exec,
	.changes = pg_changes,
	.last_id = pg_last_id,
	.errmsg = pg_errmsg,
	.exec_script = pg_exec_script,
	.backup = pg_backup,
	.table_exists = pg_table_exists,
	.integrity_ok = pg_integrity_ok,
	.foreign_keys = pg_foreign_keys,
	.foreign_keys_ok = pg_foreign_keys_ok,
	.durable = pg_durable,
	.catalog_sql = "SELECT table_name::text, column_name::text FROM "
		       "information_schema.columns WHERE table_schema = "
		       "current_schema() ORDER BY table_name, "
		       "ordinal_position",
	.reset_ids = pg_reset_ids,
	.wal_position = pg_wal_position,
	.replayed = pg_replayed,
};
