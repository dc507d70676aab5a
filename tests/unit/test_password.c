/*
 * Password hashes (issue 17, item 2): Argon2id at OWASP's 19 MiB, t=2,
 * p=1; a hash made with the old 64 MiB parameters still signs in, and is
 * remade with today's at that sign-in.
 */
#include "ut.h"
#include "ut_app_db.h"

#include <sodium.h>
#include <unistd.h>

#include "../../src/app/org.h"
#include "../../src/app/user.h"

static struct ut_app_db fx;

static char *
stored_hash(const char *login)
{
	struct db_stmt *st = db_prep(fx.app.db, "SELECT pw_hash FROM app_user "
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
	assert_int_equal(user_add(&fx.app, &op, &u, &d), TS_OK);
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
	assert_int_equal(user_authenticate(&fx.app, "cv.cu", "sai", &a, &d),
			 TS_EFORBIDDEN);
	char *h = stored_hash("cv.cu");
	assert_string_equal(h, old); /* a wrong password changes nothing */
	free(h);
	assert_int_equal(
		user_authenticate(&fx.app, "cv.cu", "mat-khau-cu", &a, &d),
		TS_OK);
	h = stored_hash("cv.cu");
	assert_non_null(strstr(h, "m=19456,t=2,p=1"));
	free(h);
	assert_int_equal(
		user_authenticate(&fx.app, "cv.cu", "mat-khau-cu", &a, &d),
		TS_OK);
	diags_release(&d);
}

static int
setup(void **state)
{
	(void)state;
	struct diags d;
	int64_t id;
	struct org_new so = { .code = "79",
			      .name = "Sở Giáo dục và Đào tạo",
			      .kind = KIND_SO,
			      .active_from = "2020-09-01" };
	if (sodium_init() < 0 || ut_app_db_open(&fx, "password", UT_EMPTY) != 0)
		return -1;
	diags_init(&d);
	enum ts_err e = org_add(&fx.app, &fx.op, &so, &id, &d);
	diags_release(&d);
	return e == TS_OK ? 0 : -1;
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
		cmocka_unit_test(test_new_hash_parameters),
		cmocka_unit_test(test_old_hash_signs_in_and_is_remade),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
