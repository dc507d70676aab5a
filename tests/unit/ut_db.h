/*
 * Which database an app-level test opens: its own SQLite file (or
 * ":memory:"), or, when TRUONGSO_TEST_PG names one (tests/pg/run.sh
 * starts a throwaway cluster), that PostgreSQL database, so the same
 * test runs on both backends.
 */
#ifndef TS_UNIT_UT_DB_H
#define TS_UNIT_UT_DB_H

#include <stdio.h>
#include <stdlib.h>

#include "../../src/db/db.h"

/* The name to open; does not touch the database. */
static inline const char *
ut_db_name(const char *sqlite_name)
{
	const char *pg = getenv("TRUONGSO_TEST_PG");
	return pg != NULL && *pg != '\0' ? pg : sqlite_name;
}

/* The same, emptied first when it is PostgreSQL (a SQLite test starts
 * from a new file). NULL if that failed. */
static inline const char *
ut_db_fresh(const char *sqlite_name)
{
	const char *name = ut_db_name(sqlite_name);
	struct db *db = NULL;
	struct diags d;
	if (!db_is_postgres(name))
		return name;
	diags_init(&d);
	enum ts_err e = db_open(name, false, &db, &d);
	if (e == TS_OK)
		e = db_exec_script(db, "DROP SCHEMA public CASCADE; "
				       "CREATE SCHEMA public");
	if (e != TS_OK)
		fprintf(stderr, "%s: %s\n", name,
			d.n  ? d.v[0].msg
			: db ? db_errmsg(db)
			     : "?");
	db_close(db);
	diags_release(&d);
	return e == TS_OK ? name : NULL;
}

#endif
