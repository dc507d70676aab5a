/*
 * Stored score summaries (issue 17, item 1): every change of a submission
 * leaves, in the same transaction, a summary equal to scoring the stored
 * row afresh; the level roll-up reads the summaries and never re-scores;
 * rows without one are filled; subtree filters are index ranges.
 * Runs on the demo database (every workflow step, external scores).
 */
#include "ut.h"
#include "ut_app_db.h"

#include <ctype.h>
#include <unistd.h>

#include "../../src/app/campaign.h"
#include "../../src/app/demo.h"
#include "../../src/app/org.h"
#include "../../src/app/results_cache.h"
#include "../../src/app/score_summary.h"
#include "../../src/app/submission.h"
#include "../../src/util/arena.h"

static struct ut_app_db fx;

static int64_t
query_int(const char *sql)
{
	struct db_stmt *st = db_prep(fx.app.db, sql);
	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t v = db_col_int(st, 0);
	db_done(st);
	return v;
}

static int
level_of(const struct score *s, size_t g)
{
	return s->groups[g].level ? s->groups[g].level->level : 0;
}

/* One stored summary row against a fresh score of its submission. */
static void
check_row(struct db_stmt *st)
{
	const struct rubric *r = app_rubric(&fx.app, db_col_text(st, 0),
					    (int)db_col_int(st, 1));
	struct answers *a1 = NULL, *a2 = NULL;
	struct score *self = NULL, *rev = NULL;
	struct diags d;
	diags_init(&d);
	assert_non_null(r);
	assert_int_equal(sub_score(r, db_col_text(st, 2), NULL, &a1, &self, &d),
			 TS_OK);
	assert_int_equal(sub_score(r, db_col_text(st, 2), db_col_text(st, 3),
				   &a2, &rev, &d),
			 TS_OK);
	size_t g = (size_t)db_col_int(st, 4);
	assert_true(g < r->ngroups);
	assert_int_equal(db_col_int(st, 5), db_col_int(st, 6)); /* revision */
	assert_int_equal(db_col_int(st, 7), self->groups[g].points);
	assert_int_equal(db_col_int(st, 8), level_of(self, g));
	assert_int_equal(db_col_int(st, 9), rev->groups[g].points);
	assert_int_equal(db_col_int(st, 10), level_of(rev, g));
	score_free(self);
	score_free(rev);
	answers_free(a1);
	answers_free(a2);
	diags_release(&d);
}

/* Every submission has a summary per group of its rubric, for its
 * current revision, equal to scoring it now; returns rows checked. */
static size_t
check_all(void)
{
	static const char sql[] =
		"SELECT c.rubric_id, c.rubric_version, s.answers, s.external, "
		"g.grp, g.revision, s.revision, g.self_points, g.self_level, "
		"g.reviewed_points, g.reviewed_level FROM submission s JOIN "
		"campaign c ON c.id = s.campaign_id JOIN submission_score g ON "
		"g.submission_id = s.id ORDER BY s.id, g.grp";
	struct db_stmt *st = db_prep(fx.app.db, sql);
	size_t n = 0;
	assert_non_null(st);
	while (db_step(st) == DB_ROW) {
		check_row(st);
		n++;
	}
	db_done(st);
	/* ... and no submission is without one. */
	/* (A statistics campaign's values have no score.) */
	assert_int_equal(query_int("SELECT count(*) FROM submission s JOIN "
				   "campaign c ON c.id = s.campaign_id WHERE "
				   "c.kind = 'cds' AND NOT EXISTS (SELECT 1 "
				   "FROM submission_score g WHERE "
				   "g.submission_id = s.id)"),
			 0);
	return n;
}

static void
test_every_change_leaves_a_current_summary(void **state)
{
	(void)state;
	size_t n = check_all();
	/* The demo has reviewed results whose external scores change a
	 * level: the reviewed columns are not a copy of the self ones. */
	assert_true(n > 100);
	assert_true(query_int("SELECT count(*) FROM submission_score WHERE "
			      "reviewed_points <> self_points") > 0);
}

static void
actor_for(const char *prefix, const char *code, struct actor *out)
{
	char login[64];
	size_t n = (size_t)snprintf(login, sizeof(login), "%s.%s", prefix,
				    code);
	for (size_t i = 0; i < n; i++)
		login[i] = (char)tolower((unsigned char)login[i]);
	struct diags d;
	diags_init(&d);
	assert_int_equal(actor_load(&fx.app, login, out, &d), TS_OK);
	diags_release(&d);
}

/* A save changes the stored levels at once: an empty draft has no
 * points; the summary follows the new revision. */
static void
test_save_updates_summary(void **state)
{
	(void)state;
	static const char sql[] =
		"SELECT o.code FROM submission s JOIN org_unit o ON o.id = "
		"s.unit_id WHERE s.campaign_id = 1 AND s.state = 'draft' "
		"ORDER BY o.code LIMIT 1";
	struct db_stmt *st = db_prep(fx.app.db, sql);
	assert_int_equal(db_step(st), DB_ROW);
	char *code = strdup(db_col_text(st, 0));
	db_done(st);
	struct actor ed;
	struct diags d;
	diags_init(&d);
	actor_for("cntt", code, &ed);
	assert_int_equal(sub_save(&fx.app, &ed, 1, code,
				  "{\"format\":1,\"answers\":{}}", -1, &d),
			 TS_OK);
	char q[300];
	snprintf(q, sizeof(q),
		 "SELECT sum(g.self_points) FROM "
		 "submission_score g JOIN submission s ON s.id = "
		 "g.submission_id JOIN org_unit o ON o.id = s.unit_id WHERE "
		 "s.campaign_id = 1 AND o.code = '%s'",
		 code);
	assert_int_equal(query_int(q), 0);
	check_all();
	diags_release(&d);
	free(code);
}

/* The roll-up of the Sở and of one Phòng, counted by scoring every row
 * afresh, as the pages did before summaries existed. */
static void
expected_levels(const char *path, struct level_counts *out)
{
	static const char sql[] =
		"SELECT cu.school_levels, s.answers, CASE WHEN s.state IN "
		"('approved', 'published') THEN s.external END FROM "
		"campaign_unit cu JOIN submission s ON s.campaign_id = "
		"cu.campaign_id AND s.unit_id = cu.unit_id WHERE "
		"cu.campaign_id = 1 AND cu.path LIKE ? || '%' AND s.state IN "
		"('approved', 'published')";
	struct db_stmt *st =
		db_prep(fx.app.db, "SELECT rubric_id, "
				   "rubric_version FROM campaign WHERE id = 1");
	assert_int_equal(db_step(st), DB_ROW);
	char *rid = strdup(db_col_text(st, 0));
	const struct rubric *r = app_rubric(&fx.app, rid,
					    (int)db_col_int(st, 1));
	db_done(st);
	free(rid);
	st = db_prep(fx.app.db, sql);
	memset(out, 0, sizeof(*out));
	assert_non_null(r);
	db_bind_text(st, 1, path);
	while (db_step(st) == DB_ROW) {
		struct answers *a = NULL;
		struct score *s = NULL;
		struct diags d;
		int lv[LC_GROUPS] = { 0 };
		diags_init(&d);
		assert_int_equal(sub_score(r, db_col_text(st, 1),
					   db_col_text(st, 2), &a, &s, &d),
				 TS_OK);
		for (size_t g = 0; g < r->ngroups; g++)
			lv[g] = level_of(s, g);
		level_counts_add(out, (unsigned)db_col_int(st, 0), lv,
				 r->ngroups);
		score_free(s);
		answers_free(a);
		diags_release(&d);
	}
	db_done(st);
}

static void
test_rollup_equals_rescoring(void **state)
{
	(void)state;
	static const char *const roots[] = { "31", "31DK", "31LC" };
	struct actor op;
	actor_operator(&op);
	for (size_t i = 0; i < 3; i++) {
		struct level_counts want, got;
		struct org_unit u;
		struct diags d;
		struct arena *a = arena_new();
		diags_init(&d);
		assert_int_equal(org_find_named(&fx.app, roots[i], a, &u, &d),
				 TS_OK);
		expected_levels(u.path, &want);
		assert_true(want.units_all > 0);
		assert_int_equal(
			campaign_levels(&fx.app, &op, 1, roots[i], &got, &d),
			TS_OK);
		assert_memory_equal(&want, &got, sizeof(want));
		diags_release(&d);
		arena_free(a);
	}
}

/* A view reads the stored levels: answers made unreadable behind the
 * app's back do not change the counts (nothing is re-scored). */
static void
test_view_does_not_rescore(void **state)
{
	(void)state;
	struct actor op;
	struct level_counts before, after;
	struct diags d;
	diags_init(&d);
	actor_operator(&op);
	assert_int_equal(campaign_levels(&fx.app, &op, 1, NULL, &before, &d),
			 TS_OK);
	assert_int_equal(db_exec_script(fx.app.db,
					"CREATE TEMP TABLE keep AS "
					"SELECT id, answers FROM submission; "
					"UPDATE submission SET answers = 'x'"),
			 TS_OK);
	/* As a change would: counts kept from before are not used. */
	assert_int_equal(results_gen_bump(&fx.app, 1), TS_OK);
	assert_int_equal(campaign_levels(&fx.app, &op, 1, NULL, &after, &d),
			 TS_OK);
	assert_int_equal(db_exec_script(fx.app.db,
					"UPDATE submission SET "
					"answers = (SELECT answers FROM keep "
					"WHERE keep.id = submission.id); DROP "
					"TABLE keep"),
			 TS_OK);
	assert_true(before.units_all > 0);
	assert_memory_equal(&before, &after, sizeof(before));
	diags_release(&d);
}

/* Counts a dashboard keeps between views (results_cache.c) follow every
 * change: a view after an approval sees it at once. */
static void
test_counts_follow_changes(void **state)
{
	(void)state;
	static const char sql[] =
		"SELECT o.code FROM submission s JOIN org_unit o ON o.id = "
		"s.unit_id WHERE s.campaign_id = 1 AND s.state = 'submitted' "
		"AND o.code LIKE '31DK%' ORDER BY o.code LIMIT 1";
	struct db_stmt *st = db_prep(fx.app.db, sql);
	assert_int_equal(db_step(st), DB_ROW);
	char *code = strdup(db_col_text(st, 0));
	db_done(st);
	struct actor op, rev;
	struct level_counts l1, l2;
	struct campaign_status s1, s2;
	struct diags d;
	struct arena *a = arena_new();
	diags_init(&d);
	actor_operator(&op);
	assert_int_equal(actor_load(&fx.app, "cv.dk", &rev, &d), TS_OK);
	/* Twice: the second view is the kept one. */
	for (int i = 0; i < 2; i++) {
		assert_int_equal(
			campaign_levels(&fx.app, &op, 1, NULL, &l1, &d), TS_OK);
		assert_int_equal(
			campaign_status(&fx.app, &op, 1, NULL, a, &s1, &d),
			TS_OK);
	}
	assert_int_equal(sub_approve(&fx.app, &rev, 1, code, -1, &d), TS_OK);
	assert_int_equal(campaign_levels(&fx.app, &op, 1, NULL, &l2, &d),
			 TS_OK);
	assert_int_equal(campaign_status(&fx.app, &op, 1, NULL, a, &s2, &d),
			 TS_OK);
	assert_int_equal(l2.units_all, l1.units_all + 1);
	assert_int_equal(s2.total.by_state[ST_APPROVED],
			 s1.total.by_state[ST_APPROVED] + 1);
	assert_int_equal(s2.total.by_state[ST_SUBMITTED],
			 s1.total.by_state[ST_SUBMITTED] - 1);
	diags_release(&d);
	arena_free(a);
	free(code);
}

/* Rows from before migration 0011 (or written in SQL) get theirs from
 * score_summary_fill, and only those. */
static void
test_fill_missing(void **state)
{
	(void)state;
	int64_t total = query_int("SELECT count(*) FROM submission_score");
	assert_int_equal(db_exec_script(fx.app.db,
					"DELETE FROM submission_score "
					"WHERE submission_id % 3 = 0; UPDATE "
					"submission_score SET revision = -1 "
					"WHERE submission_id % 3 = 1"),
			 TS_OK);
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	assert_int_equal(score_summary_fill(&fx.app, &n, &d), TS_OK);
	int64_t stale = query_int("SELECT count(*) FROM submission s JOIN "
				  "campaign c ON c.id = s.campaign_id WHERE "
				  "c.kind = 'cds' AND s.id % 3 <> 2");
	assert_int_equal((int64_t)n, stale);
	assert_int_equal(query_int("SELECT count(*) FROM submission_score"),
			 total);
	check_all();
	assert_int_equal(score_summary_fill(&fx.app, &n, &d), TS_OK);
	assert_int_equal(n, 0);
	diags_release(&d);
}

/* A failed read or write during the fill is a database error: the fill
 * never stops early as if nothing were left (backfill.c once took a
 * failed read for "none left"). Every call is failed in turn. */
static void
test_fill_reports_db_failures(void **state)
{
	(void)state;
	assert_int_equal(db_exec_script(fx.app.db,
					"DELETE FROM submission_score "
					"WHERE submission_id % 9 = 0"),
			 TS_OK);
	bool fired = true;
	for (long k = 1; fired && k < 10000; k++) {
		size_t n = 0;
		struct diags d;
		diags_init(&d);
		db_fault_at(k);
		enum ts_err e = score_summary_fill(&fx.app, &n, &d);
		fired = db_fault_fired();
		db_fault_at(0);
		diags_release(&d);
		if (fired && e == TS_OK)
			fail_msg("the database failed at call %ld, yet the "
				 "fill succeeded",
				 k);
	}
	check_all();
}

/* Subtree filters: "/1/4/" takes itself and "/1/4/7/", never its sibling
 * "/1/40/"; and SQLite serves them from the (campaign, path) index. */
static void
test_path_range(void **state)
{
	(void)state;
	static const char sql[] =
		"SELECT count(*) FROM (SELECT '/1/4/' AS p UNION ALL SELECT "
		"'/1/4/7/' UNION ALL SELECT '/1/40/' UNION ALL SELECT '/1/5/' "
		"UNION ALL SELECT '/1/' UNION ALL SELECT '/1/3/9/') t WHERE " SQL_PATH_UNDER(
			"t.p", "?1");
	struct db_stmt *st = db_prep(fx.app.db, sql);
	db_bind_text(st, 1, "/1/4/");
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 2);
	db_done(st);
	st = db_prep(fx.app.db, sql);
	db_bind_text(st, 1, "/");
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 6);
	db_done(st);
	if (db_is_postgres(db_path(fx.app.db)))
		return; /* the plan below is SQLite's */
	static const char plan[] =
		"EXPLAIN QUERY PLAN SELECT count(*) FROM campaign_unit cu "
		"WHERE cu.campaign_id = 1 AND " SQL_PATH_UNDER("cu.path", "?1");
	st = db_prep(fx.app.db, plan);
	db_bind_text(st, 1, "/1/");
	bool ranged = false;
	while (db_step(st) == DB_ROW)
		ranged |= strstr(db_col_text(st, 3), "path>? AND path<?") !=
			  NULL;
	db_done(st);
	assert_true(ranged);
}

static int
setup(void **state)
{
	(void)state;
	if (ut_app_db_open(&fx, "score-summary", UT_DEMO) != 0)
		return -1;
	return 0;
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
		cmocka_unit_test(test_every_change_leaves_a_current_summary),
		cmocka_unit_test(test_rollup_equals_rescoring),
		cmocka_unit_test(test_view_does_not_rescore),
		cmocka_unit_test(test_counts_follow_changes),
		cmocka_unit_test(test_fill_missing),
		cmocka_unit_test(test_fill_reports_db_failures),
		cmocka_unit_test(test_save_updates_summary),
		cmocka_unit_test(test_path_range),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
