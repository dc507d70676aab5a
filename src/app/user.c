#include "user.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "door.h"
#include "org.h"
#include "text.h"
#include "user_int.h"

/* Argon2id at OWASP's first recommendation (19 MiB, t=2, p=1; libsodium
 * runs one lane): about 20 ms here. Hashes made with other parameters
 * (64 MiB before issue 17) still verify, since a hash string carries its
 * own, and are remade at the next sign-in. At most one per core at once,
 * so a burst of sign-ins costs 38 MiB, not 64 MiB each. */
#define HASH_OPS   2
#define HASH_MEM   (19u * 1024 * 1024)
#define HASH_SLOTS 2
static pthread_mutex_t hash_m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hash_cv = PTHREAD_COND_INITIALIZER;
static int hash_busy;

static void
hash_enter(void)
{
	pthread_mutex_lock(&hash_m);
	while (hash_busy >= HASH_SLOTS)
		pthread_cond_wait(&hash_cv, &hash_m);
	hash_busy++;
	pthread_mutex_unlock(&hash_m);
}

static void
hash_leave(void)
{
	pthread_mutex_lock(&hash_m);
	hash_busy--;
	pthread_cond_signal(&hash_cv);
	pthread_mutex_unlock(&hash_m);
}

char *
password_hash(const char *password)
{
	if (sodium_init() < 0)
		return NULL;
	char *out = malloc(crypto_pwhash_STRBYTES);
	hash_enter();
	if (out != NULL && crypto_pwhash_str(out, password, strlen(password),
					     HASH_OPS, HASH_MEM) != 0) {
		free(out);
		out = NULL;
	}
	hash_leave();
	return out;
}

static bool
valid_login(const char *s)
{
	size_t n = strlen(s);
	if (n < 3 || n > ACTOR_LOGIN_MAX - 1)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		      s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

const char *
user_role_problem(enum role role, const struct org_unit *unit)
{
	bool school = org_kind_is_school(unit->kind);
	bool school_role = role == ROLE_SCHOOL_EDITOR ||
			   role == ROLE_SCHOOL_HEAD;
	if (school != school_role)
		return school ? "tài khoản của trường chỉ có vai trò "
				"school_editor hoặc school_head"
			      : "tài khoản của Sở, Bộ, xã/phường, Phòng chỉ có "
				"vai trò reviewer, admin hoặc observer";
	return NULL;
}

static const char *
user_problem(const struct user_new *u)
{
	if (u->login == NULL || !valid_login(u->login))
		return "tên đăng nhập gồm 3-63 ký tự: chữ thường không dấu, "
		       "chữ số, dấu chấm, gạch dưới, gạch ngang";
	if (u->pw_hash == NULL &&
	    (u->password == NULL || strlen(u->password) < PASSWORD_MIN))
		return "mật khẩu phải có ít nhất 8 ký tự";
	return NULL;
}

static enum ts_err
insert_user(struct app *app, const struct user_new *u, const char *name,
	    int64_t unit_id, const char *hash)
{
	static const char sql[] =
		"INSERT INTO app_user(org_unit_id, login, full_name, role, "
		"pw_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	char now[TS_TIME_SIZE];
	db_bind_int(st, 1, unit_id);
	db_bind_text(st, 2, u->login);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, role_code(u->role));
	db_bind_text(st, 5, hash);
	db_bind_text(st, 6, ts_time_format(ts_time_now(), now));
	return db_exec_stmt(st);
}

struct add_in {
	const struct user_new *u;
	const char *name; /* the text door's NFC copy */
	const char *hash;
	struct org_unit unit;
};

static size_t
add_texts(void *in, struct text_field *f)
{
	struct add_in *x = in;
	f[0] = (struct text_field){ "họ tên", &x->name, 200, TEXT_REQUIRED };
	return 1;
}

/* The unit the account goes to, and whether the role fits it. */
static enum ts_err
add_resolve(struct door_ctx *c, struct door_target *t)
{
	struct add_in *x = c->in;
	const char *where = x->u->login, *code = x->u->unit_code;
	enum ts_err e = code ? org_find(c->app, code, c->a, &x->unit)
			     : TS_ENOTFOUND;
	if (e == TS_ENOTFOUND) {
		diags_add(c->d, where, "không có đơn vị mã \"%s\"",
			  code ? code : "");
		return TS_EINVAL;
	}
	const char *why = e == TS_OK ? user_role_problem(x->u->role, &x->unit)
				     : NULL;
	if (why != NULL) {
		diags_add(c->d, where, "%s", why);
		return TS_EINVAL;
	}
	*t = (struct door_target){ x->u->role == ROLE_ADMIN ? PK_ADMIN_ACCOUNT
							    : PK_ACCOUNT,
				   x->unit.path, POL_ANY_STATE, where };
	return e;
}

static enum ts_err
add_body(struct door_ctx *c)
{
	struct add_in *x = c->in;
	enum ts_err e = insert_user(c->app, x->u, x->name, x->unit.id, x->hash);
	if (e == TS_ECONFLICT)
		diags_add(c->d, x->u->login, "tên đăng nhập đã có người dùng");
	c->object = x->u->login;
	c->detail = role_code(x->u->role);
	return e;
}

static const struct door USER_ADD = {
	"user.add", PA_CREATE,	 "tạo tài khoản",
	add_texts,  add_resolve, add_body,
};

/* What can be refused before the Argon2id hash (64 MiB, a fraction of a
 * second) is computed: the actor's role, the login and the password. */
static enum ts_err
precheck(const struct actor *who, const struct user_new *u, struct diags *d)
{
	const char *where = u->login ? u->login : "";
	if (actor_may(who, PK_ACCOUNT, NULL, PA_CREATE, where, d) != TS_OK)
		return TS_EFORBIDDEN;
	const char *why = user_problem(u);
	if (why != NULL) {
		diags_add(d, where, "%s", why);
		return TS_EINVAL;
	}
	return TS_OK;
}

enum ts_err
user_add(struct app *app, const struct actor *who, const struct user_new *u,
	 struct diags *d)
{
	enum ts_err e = precheck(who, u, d);
	if (e != TS_OK)
		return e;
	char *hash = u->pw_hash == NULL ? password_hash(u->password) : NULL;
	if (u->pw_hash == NULL && hash == NULL)
		return TS_ENOMEM;
	struct add_in x = { u, u->full_name, hash ? hash : u->pw_hash, { 0 } };
	e = door_run(app, who, &USER_ADD, &x, NULL, d);
	if (hash)
		sodium_memzero(hash, strlen(hash));
	free(hash);
	return e;
}

/* A hash made with older parameters, remade with today's now that the
 * password is known. Best effort: the sign-in stands if it fails. */
static void
rehash(struct app *app, const char *login, const char *password)
{
	static const char sql[] =
		"UPDATE app_user SET pw_hash = ? WHERE login = ?";
	char *h = password_hash(password);
	struct db_stmt *st = h ? db_prep(app->db, sql) : NULL;
	if (st != NULL) {
		db_bind_text(st, 1, h);
		db_bind_text(st, 2, login);
		enum ts_err e = db_exec_stmt(st);
		(void)e; /* the old hash still verifies: try again next time */
	}
	free(h);
}

enum ts_err
user_authenticate(struct app *app, const char *login, const char *password,
		  struct actor *a, struct diags *d)
{
	static const char sql[] =
		"SELECT pw_hash, disabled FROM app_user WHERE login = ?";
	static const char dummy[] =
		"$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
		"2Vu7x7/3Yk9rVdKTHxS7nHkS5KkHnZ5k0Jk7yB9C8Q0";
	if (sodium_init() < 0)
		return TS_ENOMEM;
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return app_db_error(app, d, "đọc tài khoản");
	db_bind_text(st, 1, login);
	enum db_step r = db_step(st);
	bool found = r == DB_ROW;
	char hash[crypto_pwhash_STRBYTES];
	snprintf(hash, sizeof(hash), "%s", found ? db_col_text(st, 0) : dummy);
	bool disabled = found && db_col_int(st, 1);
	db_done(st);
	if (r == DB_ERROR) /* never "wrong password" */
		return app_db_error(app, d, "đọc tài khoản");
	/* Verify even for an unknown login, so timing does not reveal
	 * which logins exist. */
	hash_enter();
	bool ok = crypto_pwhash_str_verify(hash, password, strlen(password)) ==
		  0;
	hash_leave();
	if (!found || !ok) {
		diags_add(d, login, "tên đăng nhập hoặc mật khẩu không đúng");
		return TS_EFORBIDDEN;
	}
	/* Said only to whoever knows the password. */
	if (disabled) {
		diags_add(d, login,
			  "tài khoản này đã bị khóa; hãy liên hệ người "
			  "quản trị của đơn vị");
		return TS_EFORBIDDEN;
	}
	if (crypto_pwhash_str_needs_rehash(hash, HASH_OPS, HASH_MEM) != 0)
		rehash(app, login, password);
	return actor_load(app, login, a, d);
}

void
user_info_fill(struct db_stmt *st, struct arena *a, void *p)
{
	struct user_info *u = p;
	u->login = db_col_dup(st, 0, a);
	u->full_name = db_col_dup(st, 1, a);
	role_parse(db_col_text(st, 2), &u->role);
	u->unit_code = db_col_dup(st, 3, a);
	u->unit_name = db_col_dup(st, 4, a);
	u->disabled = db_col_int(st, 5) != 0;
}

enum ts_err
user_list(struct app *app, const struct actor *who, struct arena *a,
	  struct user_info **out, size_t *n, struct diags *d)
{
	static const char sql[] =
		"SELECT u.login, u.full_name, u.role, o.code, o.name, u.disabled "
		"FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE "
		"o.path LIKE ? ORDER BY o.path, u.login";
	char like[PATH_MAX_LEN + 2];
	if (actor_may(who, PK_ACCOUNT, NULL, PA_VIEW, who->login, d) != TS_OK)
		return TS_EFORBIDDEN;
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return app_db_error(app, d, "đọc tài khoản");
	snprintf(like, sizeof(like), "%s%%", who->path);
	db_bind_text(st, 1, like);
	return db_collect(st, a, sizeof(**out), (void **)out, n,
			  user_info_fill);
}
