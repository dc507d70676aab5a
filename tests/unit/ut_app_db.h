/*
 * The database fixture of the cmocka tests that run the app on a whole
 * database (the demo province, or an empty one): a new temporary
 * directory, the application opened on a fresh database in it (or on
 * TRUONGSO_TEST_PG's, emptied first: ut_db.h, tests/pg/run.sh), the demo
 * created if asked, and everything removed again at the end. One copy
 * for every test's setup and teardown.
 *
 *   static struct ut_app_db fx;
 *   static int setup(void **s) { return ut_app_db_open(&fx, "x", UT_DEMO); }
 *   static int teardown(void **s) { return ut_app_db_close(&fx); }
 */
#ifndef TS_UNIT_UT_APP_DB_H
#define TS_UNIT_UT_APP_DB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/app/app.h"
#include "../../src/app/demo.h"
#include "ut_db.h"

enum ut_app_db_flags {
	UT_EMPTY = 0,
	UT_DEMO = 1,	    /* demo_create: the demo province */
	UT_SQLITE_ONLY = 2, /* never TRUONGSO_TEST_PG's database */
};

struct ut_app_db {
	struct app app;
	struct actor op; /* the server's operator */
	char dir[64];
	char file[128];
};

/* 0, or -1 with the reason on stderr (cmocka's setup convention). `name`
 * names the temporary directory and the SQLite file. */
static inline int
ut_app_db_open(struct ut_app_db *f, const char *name, int flags)
{
	struct diags d;
	struct demo_result r;
	memset(f, 0, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/truongso-%s-XXXXXX", name);
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->file, sizeof(f->file), "%s/%s.db", f->dir, name);
	const char *db = (flags & UT_SQLITE_ONLY) ? f->file
						  : ut_db_fresh(f->file);
	diags_init(&d);
	actor_operator(&f->op);
	enum ts_err e = db ? app_open(&f->app, db, app_data_dir(), true, &d)
			   : TS_EDB;
	if (e == TS_OK && (flags & UT_DEMO))
		e = demo_create(&f->app, &r, &d);
	if (e != TS_OK)
		fprintf(stderr, "%s setup: %s\n", name,
			d.n ? d.v[0].msg : ts_err_name(e));
	diags_release(&d);
	return e == TS_OK ? 0 : -1;
}

/* Closes the app and removes the SQLite file, its journal and the
 * evidence directory beside it; 0 if the directory is gone. */
static inline int
ut_app_db_close(struct ut_app_db *f)
{
	static const char *const tails[] = { "", "-wal", "-shm" };
	char p[160];
	app_close(&f->app);
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof(p), "%s%s", f->file, tails[i]);
		unlink(p);
	}
	snprintf(p, sizeof(p), "%s.evidence", f->file);
	rmdir(p);
	return rmdir(f->dir);
}

/* The setup and teardown of a test group on the fixture f, opened as
 * ut_app_db_open(f, name, flags):
 *   UT_APP_DB_GROUP(fx, "ut-docs", UT_DEMO)
 *   ... cmocka_run_group_tests(tests, setup, teardown); */
#define UT_APP_DB_GROUP(f, name, flags)                                        \
	static int setup(void **state)                                         \
	{                                                                      \
		(void)state;                                                   \
		return ut_app_db_open(&(f), (name), (flags));                  \
	}                                                                      \
	static int teardown(void **state)                                      \
	{                                                                      \
		(void)state;                                                   \
		return ut_app_db_close(&(f));                                  \
	}

#endif
