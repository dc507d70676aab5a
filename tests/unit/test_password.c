/*
 * Password hashes (issue 17, item 2): Argon2id at OWASP's 19 MiB, t=2,
 * p=1; a hash made with the old 64 MiB parameters still signs in, and is
 * remade with today's at that sign-in.
 */
#include "ut.h"
#include "ut_db.h"

#include <sodium.h>
#include <unistd.h>

#include "../../src/app/org.h"
#include "../../src/app/user.h"

static char dir[] = "/tmp/truongso-password-XXXXXX";
static char dbfile[128];
static struct app app;

static char *
stored_hash(const char *login)
{
	struct db_stmt *st = db_prep(app.db, "SELECT pw_hash FROM app_user "
					     "WHERE login = ?");
	db_bind_text(st, 1, login);
	assert_int_equal(db_step(st), DB_ROW);
	char *h = strdup(db_col_text(st, 0));
	db_done(st);
	return h;
}

static void
add_user(const char *login, const char *hash)
{
	struct actor op;
	struct diags d;
	struct user_new u = { .login = login,
			      .full_name = "Người thử",
			      .unit_code = "79",
			      .role = ROLE_REVIEWER,
			      .pw_hash = hash };
	actor_operator(&op);
	diags_init(&d);
	assert_int_equal(user_add(&app, &op, &u, &d), TS_OK);
	diags_release(&d);
}

static void
test_new_hash_parameters(void **state)
{
	(void)state;
	char *h = password_hash("mat-khau-thu");
	assert_non_null(h);
	assert_non_null(strstr(h, "$argon2id$v=19$m=19456,t=2,p=1$"));
	free(h);
}

static void
test_old_hash_signs_in_and_is_remade(void **state)
{
	(void)state;
	char old[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str(old, "mat-khau-cu", 11,
					   crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE),
			 0);
	assert_non_null(strstr(old, "m=65536"));
	add_user("cv.cu", old);
	struct actor a;
	struct diags d;
	diags_init(&d);
	assert_int_equal(user_authenticate(&app, "cv.cu", "sai", &a, &d),
			 TS_EFORBIDDEN);
	char *h = stored_hash("cv.cu");
	assert_string_equal(h, old); /* a wrong password changes nothing */
	free(h);
	assert_int_equal(
		user_authenticate(&app, "cv.cu", "mat-khau-cu", &a, &d), TS_OK);
	h = stored_hash("cv.cu");
	assert_non_null(strstr(h, "m=19456,t=2,p=1"));
	free(h);
	assert_int_equal(
		user_authenticate(&app, "cv.cu", "mat-khau-cu", &a, &d), TS_OK);
	diags_release(&d);
}

static int
setup(void **state)
{
	(void)state;
	struct diags d;
	struct actor op;
	int64_t id;
	struct org_new so = { .code = "79",
			      .name = "Sở Giáo dục và Đào tạo",
			      .kind = KIND_SO,
			      .active_from = "2020-09-01" };
	if (mkdtemp(dir) == NULL || sodium_init() < 0)
		return -1;
	snprintf(dbfile, sizeof(dbfile), "%s/pw.db", dir);
	diags_init(&d);
	actor_operator(&op);
	enum ts_err e = app_open(&app, ut_db_fresh(dbfile), app_data_dir(),
				 true, &d);
	if (e == TS_OK)
		e = org_add(&app, &op, &so, &id, &d);
	diags_release(&d);
	return e == TS_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
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
		cmocka_unit_test(test_new_hash_parameters),
		cmocka_unit_test(test_old_hash_signs_in_and_is_remade),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
