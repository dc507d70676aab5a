/*
 * Submitting against a save that lands at the worst moment: just before
 * sub_submit opens its write transaction (db_begin is wrapped with
 * -Wl,--wrap=db_begin, see mk/build.mk, and runs the save through a
 * second connection first). The snapshot must hold the stored answers,
 * and a submission must never be "submitted" with an unanswered item.
 * Deterministic: the interleaving is forced, not raced.
 */
#include "ut.h"
#include "ut_db.h"

#include <ctype.h>
#include <jansson.h>
#include <unistd.h>

#include "../../src/app/demo.h"
#include "../../src/app/submission.h"
#include "../../src/util/arena.h"

enum ts_err __real_db_begin(struct db *db);
enum ts_err __wrap_db_begin(struct db *db);

static char dir[] = "/tmp/truongso-submit-race-XXXXXX";
static char dbfile[128];
static struct app app, other;
static char *full;	  /* the example answers, complete */
static const char *racer; /* answers the other connection saves, or NULL */
static struct actor racer_who;
static const char *racer_unit;

/* The save of someone else, committed on the other connection right
 * before the submitting connection opens its transaction. */
enum ts_err
__wrap_db_begin(struct db *db)
{
	if (racer != NULL && db == app.db) {
		const char *json = racer;
		struct diags d;
		racer = NULL;
		diags_init(&d);
		assert_int_equal(sub_save(&other, &racer_who, 1, racer_unit,
					  json, -1, &d),
				 TS_OK);
		diags_release(&d);
	}
	return __real_db_begin(db);
}

/* The example answers with item 1.4 set to `value`, or left out when
 * value < 0. */
static char *
answers_with(int value)
{
	json_t *root = json_loads(full, 0, NULL);
	json_t *ans = json_object_get(root, "answers");
	if (value < 0)
		json_object_del(ans, "1.4");
	else
		json_object_set_new(json_object_get(ans, "1.4"), "value",
				    json_integer(value));
	char *s = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	return s;
}

static char *
query_text(const char *sql, const char *unit)
{
	struct db_stmt *st = db_prep(app.db, sql);
	assert_non_null(st);
	db_bind_text(st, 1, unit);
	char *s = db_step(st) == DB_ROW ? strdup(db_col_text(st, 0)) : NULL;
	db_done(st);
	return s;
}

static const char SQL_ANSWERS[] =
	"SELECT s.answers FROM submission s JOIN org_unit o ON o.id = s.unit_id "
	"WHERE s.campaign_id = 1 AND o.code = ?";
static const char SQL_STATE[] =
	"SELECT s.state FROM submission s JOIN org_unit o ON o.id = s.unit_id "
	"WHERE s.campaign_id = 1 AND o.code = ?";
static const char SQL_SNAPSHOT[] =
	"SELECT n.answers FROM snapshot n JOIN submission s ON s.id = "
	"n.submission_id JOIN org_unit o ON o.id = s.unit_id WHERE "
	"s.campaign_id = 1 AND o.code = ? ORDER BY n.version DESC LIMIT 1";

/* The n-th draft school of Phòng Dương Kinh in campaign 1. */
static char *
draft_school(int n)
{
	char sql[400];
	snprintf(sql, sizeof(sql),
		 "SELECT o.code FROM submission s JOIN "
		 "org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND "
		 "s.state = 'draft' AND o.code LIKE ? ORDER BY o.code LIMIT 1 "
		 "OFFSET %d",
		 n);
	return query_text(sql, "31DK%");
}

/* Logins are "cntt.<code>" and "ht.<code>" in lower case. */
static void
school_actor(struct app *a, const char *prefix, const char *code,
	     struct actor *out)
{
	char login[64];
	size_t n = (size_t)snprintf(login, sizeof(login), "%s.%s", prefix,
				    code);
	for (size_t i = 0; i < n; i++)
		login[i] = (char)tolower((unsigned char)login[i]);
	struct diags d;
	diags_init(&d);
	assert_int_equal(actor_load(a, login, out, &d), TS_OK);
	diags_release(&d);
}

/* Saves the complete answers, then submits while another save lands. */
static enum ts_err
submit_against(const char *unit, char *racing)
{
	struct actor editor, head;
	struct diags d;
	diags_init(&d);
	school_actor(&app, "cntt", unit, &editor);
	school_actor(&app, "ht", unit, &head);
	school_actor(&other, "cntt", unit, &racer_who);
	assert_int_equal(sub_save(&app, &editor, 1, unit, full, -1, &d), TS_OK);
	racer_unit = unit;
	racer = racing;
	enum ts_err e = sub_submit(&app, &head, 1, unit, -1, NULL, &d);
	assert_null(racer); /* the racing save did run */
	diags_release(&d);
	free(racing);
	return e;
}

static void
test_snapshot_is_what_was_checked(void **state)
{
	(void)state;
	char *unit = draft_school(0);
	assert_non_null(unit);
	assert_int_equal(submit_against(unit, answers_with(9)), TS_OK);
	char *stored = query_text(SQL_ANSWERS, unit);
	char *snap = query_text(SQL_SNAPSHOT, unit);
	assert_non_null(snap);
	assert_string_equal(snap, stored);
	/* ... and they are the racing save's (no other item is worth 9). */
	assert_non_null(strstr(snap, "\"value\":9}"));
	free(stored);
	free(snap);
	free(unit);
}

static void
test_never_submitted_incomplete(void **state)
{
	(void)state;
	char *unit = draft_school(1);
	assert_non_null(unit);
	assert_int_equal(submit_against(unit, answers_with(-1)), TS_EINVAL);
	char *st = query_text(SQL_STATE, unit);
	char *stored = query_text(SQL_ANSWERS, unit);
	assert_string_equal(st, "draft");
	assert_null(strstr(stored, "\"1.4\""));
	assert_null(query_text(SQL_SNAPSHOT, unit));
	free(st);
	free(stored);
	free(unit);
}

/* Seed 003's answers without the unit and year of their own record, so
 * they fit any submission of the demo's campaign 1. */
static enum ts_err
drop_owner(char **json)
{
	json_t *root = json_loads(*json, 0, NULL);
	if (root == NULL)
		return TS_EINVAL;
	json_object_del(root, "unit");
	json_object_del(root, "school_year");
	char *out = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	if (out == NULL)
		return TS_ENOMEM;
	free(*json);
	*json = out;
	return TS_OK;
}

static int
setup(void **state)
{
	(void)state;
	struct diags d;
	struct demo_result r;
	size_t n;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(dbfile, sizeof(dbfile), "%s/race.db", dir);
	diags_init(&d);
	enum ts_err e = app_open(&app, ut_db_fresh(dbfile), app_data_dir(),
				 true, &d);
	if (e == TS_OK)
		e = demo_create(&app, &r, &d);
	if (e == TS_OK)
		e = app_open(&other, ut_db_name(dbfile), app_data_dir(), false,
			     &d);
	if (e == TS_OK)
		e = file_read_all(
			"examples/qd4725-gdtx-duongkinh-2022-2023.json",
			1 << 20, &full, &n, &d);
	if (e == TS_OK)
		e = drop_owner(&full);
	if (e != TS_OK)
		fprintf(stderr, "setup: %s\n", d.n ? d.v[0].msg : "?");
	diags_release(&d);
	return e == TS_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	free(full);
	app_close(&other);
	app_close(&app);
	static const char *const tails[] = { "", "-wal", "-shm" };
	char p[160];
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof(p), "%s%s", dbfile, tails[i]);
		unlink(p);
	}
	snprintf(p, sizeof(p), "%s.evidence", dbfile);
	rmdir(p);
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_snapshot_is_what_was_checked),
		cmocka_unit_test(test_never_submitted_incomplete),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
