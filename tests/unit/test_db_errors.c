/*
 * One meaning per error code at the storage interface (db.h, issue 13):
 * a conditional update that changes nothing lost a race (TS_ESTALE), a
 * UNIQUE refusal is a row that exists (TS_ECONFLICT), any other
 * constraint is a bug (TS_EDB); and the statement cache has no fixed
 * size (it had 192 slots, and the 193rd statement was NULL with no
 * message), while a failure names the statement that failed.
 */
#include "app_fixture.h"

static struct fx F;

static int
setup(void **state)
{
	(void)state;
	fx_open(&F);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fx_close(&F);
	return 0;
}

static void
test_codes(void **state)
{
	(void)state;
	static const char upd[] =
		"UPDATE org_unit SET name = name WHERE code = ? AND path = ''";
	static const char dup[] =
		"INSERT INTO org_unit(kind, code, name, name_key, path, "
		"active_from, created_at) SELECT kind, code, name, name_key, "
		"path || 'x', active_from, created_at FROM org_unit WHERE code = ?";
	static const char null[] =
		"UPDATE org_unit SET name = NULL WHERE code = ?";
	struct db_stmt *st = db_prep(F.app.db, upd);
	db_bind_text(st, 1, "T1");
	assert_int_equal(db_exec_changed(st), TS_ESTALE);
	st = db_prep(F.app.db, dup);
	db_bind_text(st, 1, "T1");
	assert_int_equal(db_exec_stmt(st), TS_ECONFLICT);
	st = db_prep(F.app.db, null);
	db_bind_text(st, 1, "T1");
	assert_int_equal(db_exec_stmt(st), TS_EDB);
	assert_string_equal(db_errsql(F.app.db), null);
}

/* 300 distinct statements, each prepared and run: the old fixed cache
 * returned NULL from the 193rd on. */
static void
test_cache_has_no_fixed_size(void **state)
{
	(void)state;
	enum {
		N = 300
	};
	static char sql[N][48];
	for (int i = 0; i < N; i++) {
		snprintf(sql[i], sizeof(sql[i]), "SELECT %d", i);
		struct db_stmt *st = db_prep(F.app.db, sql[i]);
		if (st == NULL)
			fail_msg("statement %d: NULL (%s)", i,
				 db_errmsg(F.app.db));
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_col_int(st, 0), i);
		db_done(st);
	}
	/* Each is still the one cached for its text. */
	for (int i = 0; i < N; i++) {
		struct db_stmt *st = db_prep(F.app.db, sql[i]);
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_col_int(st, 0), i);
		db_done(st);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_codes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_has_no_fixed_size,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
