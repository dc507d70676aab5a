/*
 * The paged admin lists with a search, on the fixture's tree, on either
 * backend (tests/pg/run.sh runs it on PostgreSQL too). A search reads
 * every row of the subtree: its LIMIT once was -1, which SQLite reads as
 * "no limit" and PostgreSQL refuses, and the refusal was swallowed into
 * an empty list.
 */
#include "app_fixture.h"

#include "../../src/app/admin_list.h"
#include "../../src/util/arena.h"

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
test_user_search(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags d;
	struct user_info *u = NULL;
	size_t n = 0;
	struct list_page pg = { "ht.t1", 0, 20, 0 };
	diags_init(&d);
	fx_ok(user_list_page(&F.app, &F.so, &pg, a, &u, &n, &d), &d, "search");
	assert_int_equal(n, 1);
	assert_int_equal(pg.total, 1);
	assert_string_equal(u[0].login, "ht.t1");
	/* Without a search: SQL pages, the total is counted. */
	struct list_page all = { NULL, 1, 2, 0 };
	fx_ok(user_list_page(&F.app, &F.so, &all, a, &u, &n, &d), &d, "page");
	assert_int_equal(n, 2);
	assert_int_equal(all.total, 4);
	diags_release(&d);
	arena_free(a);
}

static void
test_unit_search(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags d;
	struct org_unit *u = NULL;
	size_t n = 0;
	struct list_page pg = { "hai", 0, 20, 0 };
	diags_init(&d);
	fx_ok(org_list_page(&F.app, &F.so, &pg, a, &u, &n, &d), &d, "search");
	assert_int_equal(n, 2);
	assert_int_equal(pg.total, 2);
	assert_string_equal(u[0].code, "T2"); /* tree order: under P1 */
	assert_string_equal(u[1].code, "P2");
	diags_release(&d);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_user_search, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_unit_search, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
