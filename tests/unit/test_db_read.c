/*
 * One snapshot for a page's reads (db_read_begin, issue 17): SQLite takes
 * the WAL read lock once for the page, so a write committed by another
 * connection meanwhile is not seen until db_read_end, and every part of
 * the page shows the same state. Two connections on one file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/db/db.h"

static char path[64];

static struct db *
open_db(void)
{
	struct db *db = NULL;
	struct diags d;
	diags_init(&d);
	assert_int_equal(db_open(path, true, &db, &d), TS_OK);
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

static void
test_snapshot(void **state)
{
	(void)state;
	snprintf(path, sizeof(path), "/tmp/ts-read-%ld.db", (long)getpid());
	struct db *page = open_db(), *writer = open_db();
	run(writer, "CREATE TABLE t(x INTEGER)");
	run(writer, "INSERT INTO t VALUES (1)");
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
	db_close(page);
	db_close(writer);
	unlink(path);
	char side[80];
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_snapshot),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
