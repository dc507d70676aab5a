/*
 * One snapshot for a page's reads (db_read_begin, issue 17): SQLite takes
 * the WAL read lock once for the page, so a write committed by another
 * connection meanwhile is not seen until db_read_end, and every part of
 * the page shows the same state; PostgreSQL (TRUONGSO_TEST_PG, ut_db.h)
 * runs the reads in one REPEATABLE READ READ ONLY transaction. Two
 * connections on one database.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/db/db.h"
#include "ut_db.h"

static char path[64];
static const char *name; /* path, or TRUONGSO_TEST_PG's database */

static struct db *
open_db(void)
{
	struct db *db = NULL;
	struct diags d;
	diags_init(&d);
	assert_int_equal(db_open(name, true, &db, &d), TS_OK);
	diags_release(&d);
	return db;
}

static void
run(struct db *db, const char *sql)
{
	struct db_stmt *st = db_prep(db, sql);
	assert_non_null(st);
	assert_int_equal(db_exec_stmt(st), TS_OK);
}

static int64_t
count(struct db *db)
{
	static const char sql[] = "SELECT count(*) FROM t";
	struct db_stmt *st = db_prep(db, sql);
	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t n = db_col_int(st, 0);
	db_done(st);
	return n;
}

/* A fresh database file named for the test (or the emptied PostgreSQL
 * one) and two connections
 * to it, table t holding one row: a page's and a writer's. */
static void
two_connections(const char *test, struct db **page, struct db **writer)
{
	snprintf(path, sizeof(path), "/tmp/ts-%s-%ld.db", test, (long)getpid());
	name = ut_db_fresh(path);
	assert_non_null(name);
	*page = open_db();
	*writer = open_db();
	run(*writer, "CREATE TABLE t(x INTEGER)");
	run(*writer, "INSERT INTO t VALUES (1)");
}

static void
close_both(struct db *page, struct db *writer)
{
	db_close(page);
	db_close(writer);
	unlink(path);
	char side[80];
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

static void
test_snapshot(void **state)
{
	(void)state;
	struct db *page, *writer;
	two_connections("read", &page, &writer);
	db_read_begin(page);
	assert_int_equal(count(page), 1);
	/* A save while the page renders: WAL lets it commit... */
	run(writer, "INSERT INTO t VALUES (2)");
	assert_int_equal(count(writer), 2);
	/* ...and the page keeps reading the state it began with. */
	assert_int_equal(count(page), 1);
	db_read_end(page);
	assert_int_equal(count(page), 2);
	/* Ending twice, or without a beginning, is harmless. */
	db_read_end(page);
	db_read_begin(page);
	db_read_end(page);
	close_both(page, writer);
}

/* A document built for a page that took a snapshot, or a read inside a
 * write: the inner end ends neither the outer snapshot nor the write
 * (it once rolled back whatever transaction was open). */
static void
test_nested(void **state)
{
	(void)state;
	struct db *page, *writer;
	two_connections("read2", &page, &writer);
	db_read_begin(page);
	db_read_begin(page);
	assert_int_equal(count(page), 1);
	db_read_end(page);
	run(writer, "INSERT INTO t VALUES (2)");
	assert_int_equal(count(page), 1); /* still the outer snapshot */
	db_read_end(page);
	assert_int_equal(count(page), 2);
	assert_int_equal(db_begin(page), TS_OK);
	run(page, "INSERT INTO t VALUES (3)");
	db_read_begin(page);
	assert_int_equal(count(page), 3);
	db_read_end(page);
	assert_int_equal(db_commit(page), TS_OK); /* the write survived */
	assert_int_equal(count(writer), 3);
	close_both(page, writer);
}

/* Only reads inside a snapshot: a write transaction begun there is
 * refused on both backends (on PostgreSQL its BEGIN once only warned, and
 * the writes then failed in a read-only transaction); after the end it
 * goes through. */
static void
test_write_refused(void **state)
{
	(void)state;
	struct db *page, *writer;
	two_connections("read3", &page, &writer);
	db_read_begin(page);
	assert_int_equal(count(page), 1);
	assert_int_not_equal(db_begin(page), TS_OK);
	db_read_end(page);
	assert_int_equal(db_begin(page), TS_OK);
	run(page, "INSERT INTO t VALUES (2)");
	assert_int_equal(db_commit(page), TS_OK);
	assert_int_equal(count(writer), 2);
	close_both(page, writer);
}

/* A statement that fails inside the snapshot does not take the page's
 * later reads down with it (a PostgreSQL transaction is aborted by it). */
static void
test_failed_read(void **state)
{
	(void)state;
	struct db *page, *writer;
	two_connections("read4", &page, &writer);
	db_read_begin(page);
	assert_int_equal(count(page), 1);
	static const char bad[] = "SELECT x FROM no_such_table";
	struct db_stmt *st = db_prep(page, bad); /* SQLite fails here */
	if (st != NULL) {
		assert_int_equal(db_step(st), DB_ERROR);
		db_done(st);
	}
	assert_int_equal(count(page), 1);
	db_read_end(page);
	run(writer, "INSERT INTO t VALUES (2)");
	assert_int_equal(count(page), 2);
	close_both(page, writer);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_snapshot),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_write_refused),
		cmocka_unit_test(test_failed_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
