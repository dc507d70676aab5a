/*
 * App-layer tests through the library API (issue 13, item 6; SQLite's
 * habit): an application on an in-memory database with a small tree, the
 * actors that act on it, and the fault-injection loop that fails every
 * database call of a use case in turn and checks nothing half-written
 * remains, and that no failure is swallowed. Header-only, static functions, for tests/unit/test_app_*.c.
 *
 *   Sở 79 (root) ─┬─ Phòng P1 ─┬─ trường T1 (TH)
 *                 │            └─ trường T2 (TH, THCS)
 *                 └─ Phòng P2 ─── trường T3 (TH)
 *   accounts: qt.so (admin, 79), qt.p1 (admin, P1), cv.p1 (reviewer, P1),
 *             ht.t1 (school_head, T1)
 */
#ifndef TS_UNIT_APP_FIXTURE_H
#define TS_UNIT_APP_FIXTURE_H

#include "ut.h"
#include "ut_answers.h"
#include "ut_db.h"

#include <jansson.h>
#include <sqlite3.h>
#include <unistd.h>

#include "../../src/app/app.h"
#include "../../src/app/campaign.h"
#include "../../src/app/org.h"
#include "../../src/app/user.h"
#include "../../src/util/buf.h"

/* An Argon2id hash of "matkhau123": accounts without hashing each. */
#define FX_HASH                                                                \
	"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"               \
	"2Vu7x7/3Yk9rVdKTHxS7nHkS5KkHnZ5k0Jk7yB9C8Q0"

struct fx {
	struct app app;
	struct actor op, so, p1, cv, ht;
	char dump_path[64];
};

static inline void
fx_ok(enum ts_err e, struct diags *d, const char *what)
{
	if (e != TS_OK)
		fail_msg("%s: %s: %s", what, ts_err_name(e),
			 d->n ? d->v[0].msg : "(no message)");
	diags_release(d);
	diags_init(d);
}

static inline void
fx_unit(struct fx *f, const char *code, const char *name, enum org_kind k,
	const char *parent, unsigned levels)
{
	struct diags d;
	struct org_new n = { code, name, k, parent, levels, "2020-01-01" };
	int64_t id;
	diags_init(&d);
	fx_ok(org_add(&f->app, &f->op, &n, &id, &d), &d, code);
	diags_release(&d);
}

static inline void
fx_user(struct fx *f, const char *login, const char *unit, enum role r,
	struct actor *out)
{
	struct diags d;
	struct user_new u = { login, "Người Thử", unit, r, NULL, FX_HASH };
	diags_init(&d);
	fx_ok(user_add(&f->app, &f->op, &u, &d), &d, login);
	fx_ok(actor_load(&f->app, login, out, &d), &d, login);
	diags_release(&d);
}

/* fx_open on sqlite_name (a file, for a test with a second connection)
 * or TRUONGSO_TEST_PG's database. */
static inline void
fx_open_on(struct fx *f, const char *sqlite_name)
{
	struct diags d;
	unsigned th = 0, th_thcs = 0;
	memset(f, 0, sizeof(*f));
	diags_init(&d);
	/* In memory, or TRUONGSO_TEST_PG's database (ut_db.h); fx_dump
	 * reads either. */
	const char *db = ut_db_fresh(sqlite_name);
	assert_non_null(db); /* TRUONGSO_TEST_PG's, not reached: said */
	fx_ok(app_open(&f->app, db, TS_DATADIR, true, &d), &d, "app_open");
	diags_release(&d);
	actor_operator(&f->op);
	assert_true(school_levels_parse("TH", &th));
	assert_true(school_levels_parse("TH, THCS", &th_thcs));
	fx_unit(f, "79", "Sở Giáo dục và Đào tạo Thử", KIND_SO, NULL, 0);
	fx_unit(f, "P1", "Phòng Giáo dục và Đào tạo Một", KIND_PHONG, "79", 0);
	fx_unit(f, "P2", "Phòng Giáo dục và Đào tạo Hai", KIND_PHONG, "79", 0);
	fx_unit(f, "T1", "Trường Tiểu học Một", KIND_TRUONG, "P1", th);
	fx_unit(f, "T2", "Trường Tiểu học và THCS Hai", KIND_TRUONG, "P1",
		th_thcs);
	fx_unit(f, "T3", "Trường Tiểu học Ba", KIND_TRUONG, "P2", th);
	fx_user(f, "qt.so", "79", ROLE_ADMIN, &f->so);
	fx_user(f, "qt.p1", "P1", ROLE_ADMIN, &f->p1);
	fx_user(f, "cv.p1", "P1", ROLE_REVIEWER, &f->cv);
	fx_user(f, "ht.t1", "T1", ROLE_SCHOOL_HEAD, &f->ht);
	snprintf(f->dump_path, sizeof(f->dump_path), "/tmp/ts-fx-%ld.db",
		 (long)getpid());
}

static inline void
fx_open(struct fx *f)
{
	fx_open_on(f, ":memory:");
}

static inline void
fx_close(struct fx *f)
{
	app_close(&f->app);
	unlink(f->dump_path);
}

static inline int
dump_row(void *arg, int n, char **v, char **col)
{
	struct buf *b = arg;
	(void)col;
	for (int i = 0; i < n; i++)
		buf_printf(b, "%s%s", i ? "|" : "", v[i] ? v[i] : "NULL");
	buf_putc(b, '\n');
	return 0;
}

/* fx_dump on PostgreSQL, which has no file to back up: each table's rows
 * as row-literal text, sorted (a table has no rowid there), in one
 * statement: db_prep caches statements by the SQL's address, so one
 * built per table would be run as the first. */
static inline char *
fx_dump_pg(struct fx *f)
{
	static const char sql[] =
		"SELECT table_name, query_to_xml(format('SELECT CAST(x AS "
		"text) AS r FROM %I x ORDER BY 1', table_name), false, false, "
		"'') FROM information_schema.tables WHERE table_schema = "
		"current_schema() ORDER BY table_name";
	struct buf b;
	struct db_stmt *st = db_prep(f->app.db, sql);
	assert_non_null(st);
	buf_init(&b, 1u << 24);
	while (db_step(st) == DB_ROW)
		buf_printf(&b, "[%s]\n%s\n", db_col_text(st, 0),
			   db_col_text(st, 1));
	assert_int_equal(db_finish(st), TS_OK);
	assert_int_equal(b.err, TS_OK);
	return buf_take(&b);
}

/* Every row of every table, as text (through a backup of the in-memory
 * database, read by a second connection). malloc'd. */
static inline char *
fx_dump(struct fx *f)
{
	struct diags d;
	if (db_is_postgres(ut_db_name(":memory:")))
		return fx_dump_pg(f);
	sqlite3 *h = NULL;
	char **names = NULL;
	int rows = 0, cols = 0;
	struct buf b;
	diags_init(&d);
	unlink(f->dump_path);
	fx_ok(db_backup(f->app.db, f->dump_path, &d), &d, "backup");
	diags_release(&d);
	assert_int_equal(sqlite3_open(f->dump_path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_get_table(h,
					   "SELECT name FROM sqlite_schema "
					   "WHERE type = 'table' ORDER BY name",
					   &names, &rows, &cols, NULL),
			 SQLITE_OK);
	buf_init(&b, 1u << 24);
	for (int i = 1; i <= rows; i++) {
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY "
					    "rowid",
					    names[i]);
		buf_printf(&b, "[%s]\n", names[i]);
		assert_int_equal(sqlite3_exec(h, sql, dump_row, &b, NULL),
				 SQLITE_OK);
		sqlite3_free(sql);
	}
	sqlite3_free_table(names);
	sqlite3_close(h);
	assert_int_equal(b.err, TS_OK);
	return buf_take(&b);
}

/* A use case under test: runs it once on f, its diagnostics into d. */
typedef enum ts_err (*fx_case)(struct fx *f, struct diags *d);

/*
 * Fails the 1st, 2nd, ... database call of the use case in turn. Every
 * run that meets the fault must fail with a message that says it was the
 * database (never "not found" or "already exists") and leave every table
 * exactly as it was; the loop ends with the first run the fault does not
 * reach, which must succeed and change something. Returns the number of
 * database calls the use case makes.
 */
static inline long
fx_fault_loop(struct fx *f, fx_case run, const char *name)
{
	char *before = fx_dump(f);
	for (long n = 1; n < 1000; n++) {
		struct diags d;
		diags_init(&d);
		db_fault_at(n);
		enum ts_err e = run(f, &d);
		bool fired = db_fault_fired();
		db_fault_at(0);
		if (e == TS_OK && fired)
			fail_msg("%s: the database failed at call %ld, yet it "
				 "succeeded (an error was swallowed)",
				 name, n);
		char *after = fx_dump(f);
		if (e == TS_OK) {
			assert_true(n > 1);
			if (strcmp(before, after) == 0)
				fail_msg("%s: succeeded but wrote nothing",
					 name);
			free(before);
			free(after);
			diags_release(&d);
			return n - 1;
		}
		if (strcmp(before, after) != 0)
			fail_msg("%s: fault at call %ld left data half-written",
				 name, n);
		bool said = false;
		for (size_t i = 0; i < d.n; i++)
			said = said ||
			       strstr(d.v[i].msg, "cơ sở dữ liệu") != NULL;
		if (e != TS_EDB || !said)
			fail_msg(
				"%s: fault at call %ld: %s, \"%s\" (expected a "
				"database error, so worded)",
				name, n, ts_err_name(e), d.n ? d.v[0].msg : "");
		free(after);
		diags_release(&d);
	}
	fail_msg("%s: still failing after 1000 calls", name);
	return 0;
}

/* The problem messages of d, joined, for assertions. */
static inline bool
fx_said(const struct diags *d, const char *phrase)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->v[i].msg, phrase) != NULL)
			return true;
	return false;
}

/* The one integer a query returns (its ?1 bound to arg when not NULL):
 * a count to check what a use case wrote, on either backend. */
static inline int64_t
fx_count(struct fx *f, const char *sql, const char *arg)
{
	struct db_stmt *st = db_prep(f->app.db, sql);
	assert_non_null(st);
	if (arg != NULL)
		db_bind_text(st, 1, arg);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t n = db_col_int(st, 0);
	db_done(st);
	return n;
}

/* The QĐ 4725 example, every item answered (its own unit and year left
 * out, so any school may save it), with item 1.3a set to `v`; the
 * caller's reference. */
static inline json_t *
fx_example(int v)
{
	json_t *root = ut_example_answers();
	ut_answer_set(root, "1.3a", v);
	return root;
}

/* fx_example as the text a school saves; malloc'd. */
static inline char *
fx_answers(int v)
{
	return ut_answers_take(fx_example(v));
}

/* A CĐS campaign of unit `owner` created by `who`: QĐ 4725 for phổ
 * thông, 2025-2026, open from 2025-09-01 to 2099-12-31. Its id. */
static inline int64_t
fx_campaign(struct fx *f, const struct actor *who, const char *owner)
{
	const struct campaign_new c = {
		.owner_code = owner,
		.rubric_ref = "qd4725-2022-pt",
		.school_year = "2025-2026",
		.title = "Tự đánh giá chuyển đổi số",
		.legal_basis = "Kế hoạch thử",
		.opens = "2025-09-01",
		.due = "2099-12-31",
	};
	struct diags d;
	int64_t id = 0;
	diags_init(&d);
	fx_ok(campaign_create(&f->app, who, &c, &id, &d), &d, "campaign");
	diags_release(&d);
	return id;
}

#endif
