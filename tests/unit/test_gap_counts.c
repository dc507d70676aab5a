/*
 * The most common gaps kept incrementally (issue 17, item 2; migration
 * 0025, app/gap_record.c): after any sequence of submit, return, approve
 * and publish, the counts a dashboard shows (kept per process and brought
 * up to date by the changes since) equal a count made afresh here from
 * every reviewed result's stored advice, and the state and level counts
 * beside them (kept, and counted again only under the units changed
 * since) equal plain SQL counts and a fresh count; rows lost or changes
 * deleted are never counted wrong. Runs on the demo database, on SQLite and on PostgreSQL
 * (tests/pg/run.sh).
 */
#include "ut.h"
#include "ut_app_db.h"

#include <ctype.h>
#include <jansson.h>

#include "../../src/app/campaign.h"
#include "../../src/app/gap_record.h"
#include "../../src/app/org.h"
#include "../../src/app/plan.h"
#include "../../src/app/results_cache.h"
#include "../../src/app/submission.h"
#include "../../src/util/arena.h"

static struct ut_app_db fx;
static struct actor so, dk;	/* the Sở's reviewer, one xã office's */
static const struct rubric *rb; /* campaign 1's */

static int64_t
query_int(const char *sql, const char *text)
{
	struct db_stmt *st = db_prep(fx.app.db, sql);
	assert_non_null(st);
	if (text != NULL)
		db_bind_text(st, 1, text);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t v = db_col_int(st, 0);
	db_done(st);
	return v;
}

static void
reference_mark(json_t *id, bool *seen)
{
	const struct item *it = rubric_find_item(rb, json_string_value(id));
	if (it)
		seen[it->idx] = true;
}

/* The reference: one result's items lacking, read here from its stored
 * score as the dashboard's note says (failed gates, and what could add
 * points to a group with a next level). */
static void
reference_school(const char *score, int64_t *count)
{
	json_t *root = json_loads(score, 0, NULL);
	bool *seen = calloc(rb->nitems + 1, sizeof(bool));
	size_t i, j;
	json_t *g, *v;
	assert_non_null(seen);
	count[rb->nitems]++;
	json_array_foreach(json_object_get(root, "groups"), i, g)
	{
		json_t *adv = json_object_get(g, "advice");
		json_array_foreach(json_object_get(adv, "gates"), j, v)
			reference_mark(v, seen);
		if (json_is_null(json_object_get(adv, "next_level")))
			continue;
		json_array_foreach(json_object_get(adv, "suggestions"), j, v)
			reference_mark(json_object_get(v, "item"), seen);
	}
	for (size_t k = 0; k < rb->nitems; k++)
		count[k] += seen[k];
	free(seen);
	json_decref(root);
}

/* Per item, the reviewed results under path lacking it; [nitems]: the
 * results. */
static int64_t *
reference(const char *path)
{
	static const char sql[] =
		"SELECT sn.score FROM campaign_unit cu JOIN submission s ON "
		"s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id "
		"JOIN snapshot sn ON sn.submission_id = s.id AND sn.version = "
		"s.version WHERE cu.campaign_id = 1 AND s.state IN "
		"('approved', 'published') AND substr(cu.path, 1, length(?1)) "
		"= ?1";
	int64_t *count = calloc(rb->nitems + 1, sizeof(*count));
	struct db_stmt *st = db_prep(fx.app.db, sql);
	assert_non_null(count);
	assert_non_null(st);
	db_bind_text(st, 1, path);
	while (db_step(st) == DB_ROW)
		reference_school(db_col_text(st, 0), count);
	db_done(st);
	return count;
}

/* plan_gaps for who (root: its unit) equals the reference under path. */
static void
check_gaps(const struct actor *who, const char *path)
{
	struct arena *a = arena_new();
	struct gap_count *g = NULL;
	size_t n = 0, schools = 0;
	struct diags d;
	diags_init(&d);
	int64_t *want = reference(path);
	assert_int_equal(plan_gaps(&fx.app, who, 1, NULL, rb->nitems, a, &g, &n,
				   &schools, &d),
			 TS_OK);
	assert_int_equal((int64_t)schools, want[rb->nitems]);
	size_t nonzero = 0;
	for (size_t k = 0; k < rb->nitems; k++)
		nonzero += want[k] > 0;
	assert_int_equal(n, nonzero);
	for (size_t i = 0; i < n; i++) {
		const struct item *it = rubric_find_item(rb, g[i].item_id);
		assert_non_null(it);
		assert_int_equal((int64_t)g[i].schools, want[it->idx]);
	}
	free(want);
	diags_release(&d);
	arena_free(a);
}

/* The state counts and the levels' result count beside the gaps equal
 * plain SQL counts under path. */
static void
check_states(const struct actor *who, const char *path)
{
	static const char by_state[] =
		"SELECT count(*) FROM campaign_unit cu JOIN submission s ON "
		"s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id "
		"WHERE cu.campaign_id = 1 AND s.state = ?1 AND "
		"substr(cu.path, 1, length(?2)) = ?2";
	struct arena *a = arena_new();
	struct campaign_status st;
	struct level_counts lc;
	struct diags d;
	diags_init(&d);
	assert_int_equal(campaign_status(&fx.app, who, 1, NULL, a, &st, &d),
			 TS_OK);
	assert_int_equal(campaign_levels(&fx.app, who, 1, NULL, &lc, &d),
			 TS_OK);
	int64_t reviewed = 0;
	for (int s = ST_NONE + 1; s < ST_COUNT; s++) {
		struct db_stmt *q = db_prep(fx.app.db, by_state);
		db_bind_text(q, 1, sub_state_code((enum sub_state)s));
		db_bind_text(q, 2, path);
		assert_int_equal(db_step(q), DB_ROW);
		assert_int_equal((int64_t)st.total.by_state[s],
				 db_col_int(q, 0));
		if (wf_reviewed((enum sub_state)s))
			reviewed += db_col_int(q, 0);
		db_done(q);
	}
	assert_int_equal((int64_t)lc.units_all, reviewed);
	diags_release(&d);
	arena_free(a);
}

/* What a dashboard shows of states and levels under who's unit. */
struct shown {
	struct campaign_status st;
	struct level_counts lc;
	struct participation part;
};

static void
read_shown(const struct actor *who, struct arena *a, struct shown *out)
{
	struct diags d;
	diags_init(&d);
	assert_int_equal(
		campaign_status(&fx.app, who, 1, NULL, a, &out->st, &d), TS_OK);
	assert_int_equal(campaign_levels_opt(&fx.app, who, 1, NULL, true,
					     &out->lc, &out->part, &d),
			 TS_OK);
	diags_release(&d);
}

static void
same_shown(const struct shown *x, const struct shown *y)
{
	assert_int_equal(x->st.nrows, y->st.nrows);
	assert_memory_equal(&x->st.total, &y->st.total, sizeof(x->st.total));
	for (size_t r = 0; r < x->st.nrows; r++)
		assert_memory_equal(&x->st.rows[r], &y->st.rows[r],
				    sizeof(x->st.rows[r]));
	assert_memory_equal(&x->lc, &y->lc, sizeof(x->lc));
	assert_memory_equal(&x->part, &y->part, sizeof(x->part));
}

/* Under the Sở and one office: the gaps, state and level counts as kept
 * and brought up to date by the changes since equal the reference and
 * plain SQL counts, and the whole state table and the levels with the
 * school's own levels of those waiting equal a fresh count (the
 * process's counts forgotten). Everything is then kept again, so the
 * next step's views are brought up to date too. */
static void
check_all(void)
{
	const struct actor *who[2] = { &so, &dk };
	struct shown kept[2], fresh[2];
	struct arena *a = arena_new();
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			results_cache_forget(&fx.app);
		for (int k = 0; k < 2; k++) {
			check_gaps(who[k], who[k]->path);
			check_states(who[k], who[k]->path);
			read_shown(who[k], a, pass ? &fresh[k] : &kept[k]);
		}
	}
	for (int k = 0; k < 2; k++)
		same_shown(&kept[k], &fresh[k]);
	arena_free(a);
}

/* The first school under path `under` in state `state`, or NULL. */
static char *
school_in(const char *state, const char *under)
{
	static const char sql[] =
		"SELECT o.code FROM submission s JOIN org_unit o ON o.id = "
		"s.unit_id JOIN campaign_unit cu ON cu.campaign_id = "
		"s.campaign_id AND cu.unit_id = s.unit_id WHERE s.campaign_id "
		"= 1 AND s.state = ?1 AND substr(cu.path, 1, length(?2)) = ?2 "
		"ORDER BY o.code LIMIT 1";
	struct db_stmt *st = db_prep(fx.app.db, sql);
	db_bind_text(st, 1, state);
	db_bind_text(st, 2, under);
	char *code = db_step(st) == DB_ROW ? strdup(db_col_text(st, 0)) : NULL;
	db_done(st);
	return code;
}

/* The school head of the school with this code. */
static void
head_of(const char *code, struct actor *out)
{
	char login[64];
	size_t n = (size_t)snprintf(login, sizeof(login), "ht.%s", code);
	struct diags d;
	for (size_t i = 0; i < n; i++)
		login[i] = (char)tolower((unsigned char)login[i]);
	diags_init(&d);
	assert_int_equal(actor_load(&fx.app, login, out, &d), TS_OK);
	diags_release(&d);
}

/* The rows as written equal the reference per result, and a result that
 * is not reviewed has none. */
static void
test_rows_follow_results(void **state)
{
	(void)state;
	check_all();
	assert_true(query_int("SELECT count(*) FROM submission_gap WHERE "
			      "item = ''",
			      NULL) > 20);
	assert_int_equal(query_int("SELECT count(*) FROM submission_gap g "
				   "JOIN submission s ON s.id = "
				   "g.submission_id WHERE s.state NOT IN "
				   "('approved', 'published')",
				   NULL),
			 0);
}

/* Counts viewed between every step, so each view brings the kept ones
 * up to date by the changes since, equal the fresh count after each. */
static void
test_counts_follow_a_sequence(void **state)
{
	(void)state;
	struct diags d;
	struct review_reason why = { "1.1", "Thiếu minh chứng" };
	struct actor ht;
	diags_init(&d);
	check_all();
	for (int round = 0; round < 2; round++) {
		char *sub = school_in("submitted", dk.path);
		char *app = school_in("approved", dk.path);
		assert_non_null(sub);
		assert_non_null(app);
		assert_int_equal(sub_approve(&fx.app, &dk, 1, sub, -1, &d),
				 TS_OK);
		check_all();
		char *ret = school_in("submitted", dk.path);
		assert_non_null(ret);
		head_of(ret, &ht);
		assert_int_equal(
			sub_return(&fx.app, &dk, 1, ret, &why, 1, -1, &d),
			TS_OK);
		check_all();
		assert_int_equal(sub_submit(&fx.app, &ht, 1, ret, -1, NULL, &d),
				 TS_OK);
		check_all();
		assert_int_equal(sub_approve(&fx.app, &dk, 1, ret, -1, &d),
				 TS_OK);
		check_all();
		assert_int_equal(sub_publish(&fx.app, &dk, 1, app, -1, &d),
				 TS_OK);
		check_all();
		free(sub);
		free(ret);
		free(app);
	}
	/* Counted afresh from the rows (a new server) the same. */
	results_cache_forget(&fx.app);
	check_all();
	diags_release(&d);
}

/* Approves the first submitted school the Sở reviews itself (directly
 * under it); the generation the approval raised results to. */
static int64_t
approve_one(void)
{
	static const char sql[] =
		"SELECT o.code FROM submission s JOIN org_unit o ON o.id = "
		"s.unit_id WHERE s.campaign_id = 1 AND s.state = 'submitted' "
		"AND o.parent_id = ? ORDER BY o.code LIMIT 1";
	struct diags d;
	struct db_stmt *st = db_prep(fx.app.db, sql);
	db_bind_int(st, 1, so.unit_id);
	assert_int_equal(db_step(st), DB_ROW);
	char *code = strdup(db_col_text(st, 0));
	db_done(st);
	diags_init(&d);
	assert_non_null(code);
	assert_int_equal(sub_approve(&fx.app, &so, 1, code, -1, &d), TS_OK);
	free(code);
	diags_release(&d);
	return query_int("SELECT gen FROM campaign_results WHERE "
			 "campaign_id = 1",
			 NULL);
}

static void
delete_changes(int64_t gen, bool floor)
{
	char sql[200];
	snprintf(sql, sizeof(sql),
		 "DELETE FROM gap_delta WHERE campaign_id = 1 AND gen = %lld",
		 (long long)gen);
	assert_int_equal(db_exec_script(fx.app.db, sql), TS_OK);
	snprintf(sql, sizeof(sql),
		 "UPDATE campaign_results SET changes_floor = %lld WHERE "
		 "campaign_id = 1",
		 (long long)gen);
	assert_int_equal(floor ? db_exec_script(fx.app.db, sql) : TS_OK, TS_OK);
}

/* A view after a change adds the changes since its kept count (with
 * those of an approval deleted, it misses the approval: it did not
 * count again); a kept count older than the changes still stored (the
 * floor raised past them, as gap_record does when it deletes old ones)
 * is counted again, and right. */
static void
test_deleted_changes_count_again(void **state)
{
	(void)state;
	struct diags d;
	struct arena *a = arena_new();
	struct gap_count *g = NULL;
	size_t n = 0, schools = 0;
	diags_init(&d);
	check_gaps(&so, so.path); /* kept at this generation */
	int64_t *before = reference(so.path);
	delete_changes(approve_one(), false);
	assert_int_equal(
		plan_gaps(&fx.app, &so, 1, NULL, 5, a, &g, &n, &schools, &d),
		TS_OK);
	assert_int_equal((int64_t)schools, before[rb->nitems]);
	results_cache_forget(&fx.app);
	check_gaps(&so, so.path); /* counted from the rows: right */
	delete_changes(approve_one(), true);
	check_gaps(&so, so.path);
	free(before);
	arena_free(a);
	diags_release(&d);
}

/* Results whose rows are missing (from before migration 0025, or copied
 * in SQL) get theirs from gap_fill, and only those. */
static void
test_fill_missing(void **state)
{
	(void)state;
	struct diags d;
	size_t n = 0;
	diags_init(&d);
	int64_t rows = query_int("SELECT count(*) FROM submission_gap", NULL);
	int64_t missing = query_int(
		"SELECT count(DISTINCT submission_id) FROM submission_gap "
		"WHERE submission_id % 2 = 0",
		NULL);
	assert_true(missing > 0);
	assert_int_equal(db_exec_script(fx.app.db,
					"DELETE FROM submission_gap WHERE "
					"submission_id % 2 = 0"),
			 TS_OK);
	assert_int_equal(gap_fill(&fx.app, &n, &d), TS_OK);
	assert_int_equal((int64_t)n, missing);
	assert_int_equal(query_int("SELECT count(*) FROM submission_gap", NULL),
			 rows);
	results_cache_forget(&fx.app);
	check_all();
	assert_int_equal(gap_fill(&fx.app, &n, &d), TS_OK);
	assert_int_equal(n, 0);
	diags_release(&d);
}

static int
setup(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	if (ut_app_db_open(&fx, "gap-counts", UT_DEMO) != 0 ||
	    actor_load(&fx.app, "cv.so", &so, &d) != TS_OK ||
	    actor_load(&fx.app, "cv.dk", &dk, &d) != TS_OK)
		return -1;
	diags_release(&d);
	struct campaign c;
	struct arena *a = arena_new();
	diags_init(&d);
	if (campaign_get(&fx.app, &so, 1, a, &c, &d) != TS_OK)
		return -1;
	rb = app_rubric(&fx.app, c.rubric_id, c.rubric_version);
	arena_free(a);
	diags_release(&d);
	return rb != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return ut_app_db_close(&fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_follow_results),
		cmocka_unit_test(test_counts_follow_a_sequence),
		cmocka_unit_test(test_deleted_changes_count_again),
		cmocka_unit_test(test_fill_missing),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
