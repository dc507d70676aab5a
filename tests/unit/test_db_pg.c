/*
 * The PostgreSQL backend (src/db/db_pg.c) through db.h, on the database
 * named by TRUONGSO_TEST_PG (tests/pg/run.sh starts a throwaway cluster;
 * without it every test is skipped): types in and out, the error codes
 * (TS_ECONFLICT, TS_ESTALE, TS_EDB, TS_ERETRY with db_transient), a
 * transaction that cannot commit, parameters the server cannot type,
 * refused SQLite-only SQL, the translated trigger, and a connection that
 * broke and is made again.
 */
#include "ut.h"

#include "../../src/db/db.h"

static const char *URL;

static struct db *
open_db(void)
{
	struct db *db = NULL;
	struct diags d;
	diags_init(&d);
	enum ts_err e = db_open(URL, false, &db, &d);
	if (e != TS_OK)
		fail_msg("%s: %s", URL, d.n ? d.v[0].msg : ts_err_name(e));
	diags_release(&d);
	return db;
}

static int
setup(void **state)
{
	if (URL == NULL)
		return 0;
	struct db *db = open_db();
	assert_int_equal(
		db_exec_script(
			db,
			"DROP SCHEMA public CASCADE; CREATE SCHEMA public;\n"
			"CREATE TABLE t(\n"
			"  id INTEGER PRIMARY KEY,\n"
			"  code TEXT NOT NULL UNIQUE,\n"
			"  n INTEGER NOT NULL DEFAULT 0,\n"
			"  note TEXT\n"
			") STRICT;\n"
			"CREATE TABLE frozen(a INTEGER) STRICT;\n"
			"CREATE TRIGGER frozen_no_update BEFORE UPDATE ON frozen\n"
			"  BEGIN SELECT RAISE(ABORT, 'frozen is immutable'); END;\n"
			"INSERT INTO frozen(a) VALUES (1);\n"),
		TS_OK);
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	db_close(*state);
	return 0;
}

#define NEED_PG()                                                              \
	do {                                                                   \
		if (URL == NULL)                                               \
			skip();                                                \
	} while (0)

static int64_t
insert(struct db *db, const char *code, int64_t n, const char *note)
{
	static const char sql[] =
		"INSERT INTO t(code, n, note) VALUES (?, ?2, ?)";
	struct db_stmt *st = db_prep(db, sql);
	assert_non_null(st);
	db_bind_text(st, 1, code);
	db_bind_int(st, 2, n);
	db_bind_text(st, 3, note);
	assert_int_equal(db_exec_stmt(st), TS_OK);
	assert_int_equal(db_changes(db), 1);
	return db_last_id(db);
}

static void
test_values(void **state)
{
	NEED_PG();
	struct db *db = *state;
	int64_t a = insert(db, "a", INT64_C(9000000000), "Trường Tiểu học");
	int64_t b = insert(db, "b", -3, NULL);
	assert_true(a > 0 && b == a + 1);
	static const char sql[] =
		"SELECT code, n, note, note IS NOT NULL, instr(code, 'b') "
		"FROM t WHERE id >= ? ORDER BY id";
	struct db_stmt *st = db_prep(db, sql);
	db_bind_int(st, 1, a);
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "a");
	assert_true(db_col_int(st, 1) == INT64_C(9000000000));
	assert_string_equal(db_col_text(st, 2), "Trường Tiểu học");
	assert_int_equal(db_col_int(st, 3), 1);
	assert_int_equal(db_col_int(st, 4), 0);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 1), -3);
	assert_true(db_col_null(st, 2));
	assert_null(db_col_text(st, 2));
	assert_int_equal(db_col_int(st, 3), 0);
	assert_int_equal(db_col_int(st, 4), 1);
	assert_int_equal(db_step(st), DB_DONE);
	db_done(st);
	assert_int_equal(db_table_exists(db, "t"), 1);
	assert_int_equal(db_table_exists(db, "nothing"), 0);
}

static void
test_codes(void **state)
{
	NEED_PG();
	struct db *db = *state;
	static const char upd[] = "UPDATE t SET n = n + 1 WHERE code = ?";
	static const char bad[] = "UPDATE t SET code = NULL WHERE code = ?";
	insert(db, "a", 1, NULL);
	struct db_stmt *st = db_prep(db, "INSERT INTO t(code) VALUES (?)");
	db_bind_text(st, 1, "a");
	assert_int_equal(db_exec_stmt(st), TS_ECONFLICT);
	st = db_prep(db, upd);
	db_bind_text(st, 1, "none");
	assert_int_equal(db_exec_changed(st), TS_ESTALE);
	st = db_prep(db, bad);
	db_bind_text(st, 1, "a");
	assert_int_equal(db_exec_stmt(st), TS_EDB);
	assert_string_equal(db_errsql(db), bad);
	assert_false(db_transient(db));
	/* The trigger translated from SQLite's RAISE(ABORT, ...). */
	st = db_prep(db, "UPDATE frozen SET a = 2");
	assert_int_equal(db_exec_stmt(st), TS_EDB);
	assert_non_null(strstr(db_errmsg(db), "frozen is immutable"));
}

/* A transaction that read a row another one changed and committed since
 * is refused at its write (40001): TS_ERETRY and db_transient, until the
 * next BEGIN. Two connections, no threads: deterministic. */
static void
test_serialization_failure(void **state)
{
	NEED_PG();
	struct db *a = *state, *b = open_db();
	static const char get[] = "SELECT n FROM t WHERE code = ?";
	static const char upd[] = "UPDATE t SET n = ? WHERE code = ?";
	insert(a, "x", 1, NULL);
	assert_int_equal(db_begin(a), TS_OK);
	struct db_stmt *st = db_prep(a, get);
	db_bind_text(st, 1, "x");
	assert_int_equal(db_step(st), DB_ROW);
	db_done(st);
	assert_int_equal(db_begin(b), TS_OK);
	st = db_prep(b, upd);
	db_bind_int(st, 1, 2);
	db_bind_text(st, 2, "x");
	assert_int_equal(db_exec_changed(st), TS_OK);
	assert_int_equal(db_commit(b), TS_OK);
	st = db_prep(a, upd);
	db_bind_int(st, 1, 3);
	db_bind_text(st, 2, "x");
	assert_int_equal(db_exec_changed(st), TS_ERETRY);
	assert_true(db_transient(a));
	assert_int_not_equal(db_commit(a), TS_OK);
	assert_true(db_transient(a));
	assert_int_equal(db_begin(a), TS_OK);
	assert_false(db_transient(a));
	st = db_prep(a, get);
	db_bind_text(st, 1, "x");
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 2);
	db_done(st);
	db_rollback(a);
	db_close(b);
}

/* After a failed statement PostgreSQL aborts the transaction: COMMIT
 * must not report success, and nothing of it stays. */
static void
test_failed_transaction_does_not_commit(void **state)
{
	NEED_PG();
	struct db *db = *state;
	assert_int_equal(db_begin(db), TS_OK);
	insert(db, "y", 1, NULL);
	struct db_stmt *st = db_prep(db, "INSERT INTO t(code) VALUES (?)");
	db_bind_text(st, 1, "y");
	assert_int_equal(db_exec_stmt(st), TS_ECONFLICT);
	assert_int_not_equal(db_commit(db), TS_OK);
	st = db_prep(db, "SELECT count(*) FROM t WHERE code = ?");
	db_bind_text(st, 1, "y");
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 0);
	db_done(st);
}

/* A parameter only tested for NULL, or not used at all, has no type the
 * server can infer: it is declared text, also inside a transaction
 * (which the failed first PREPARE must not abort). */
static void
test_untyped_parameters(void **state)
{
	NEED_PG();
	struct db *db = *state;
	static const char sql[] =
		"SELECT count(*) FROM t WHERE (?2 IS NULL OR code = ?2) AND "
		"n >= ?3";
	insert(db, "z", 5, NULL);
	assert_int_equal(db_begin(db), TS_OK);
	struct db_stmt *st = db_prep(db, sql);
	if (st == NULL)
		fail_msg("%s", db_errmsg(db));
	db_bind_text(st, 1, "unused");
	db_bind_null(st, 2);
	db_bind_int(st, 3, 5);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 1);
	db_done(st);
	insert(db, "w", 7, NULL);
	assert_int_equal(db_commit(db), TS_OK);
	db_bind_text(st, 2, "w");
	db_bind_int(st, 3, 0);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 1);
	db_done(st);
}

static void
test_refused_sql(void **state)
{
	NEED_PG();
	struct db *db = *state;
	static const char sql[] = "SELECT strftime('%Y', 'now')";
	assert_null(db_prep(db, sql));
	assert_non_null(strstr(db_errmsg(db), "STRFTIME"));
	assert_string_equal(db_errsql(db), sql);
}

/* The server ends this connection: the statement running then fails,
 * and the next transaction reconnects and prepares again. */
static void
test_reconnect(void **state)
{
	NEED_PG();
	struct db *a = *state, *b = open_db();
	static const char pid[] = "SELECT pg_backend_pid()";
	struct db_stmt *st = db_prep(a, pid);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t p = db_col_int(st, 0);
	db_done(st);
	st = db_prep(b, "SELECT pg_terminate_backend(?)");
	db_bind_int(st, 1, p);
	assert_int_equal(db_step(st), DB_ROW);
	db_done(st);
	db_close(b);
	st = db_prep(a, pid);
	assert_int_equal(db_step(st), DB_ERROR);
	db_done(st);
	assert_int_equal(db_begin(a), TS_OK);
	st = db_prep(a, pid);
	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	assert_true(db_col_int(st, 0) != p);
	db_done(st);
	db_rollback(a);
}

int
main(void)
{
	const char *url = getenv("TRUONGSO_TEST_PG");
	URL = url && *url ? url : NULL;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_codes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_serialization_failure,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_failed_transaction_does_not_commit, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_untyped_parameters, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_refused_sql, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reconnect, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
