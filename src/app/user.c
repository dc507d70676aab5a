#include "user.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "org.h"
#include "text.h"
#include "user_int.h"

/* Argon2id at OWASP's first recommendation (19 MiB, t=2, p=1; libsodium
 * runs one lane): about 20 ms here. Hashes made with other parameters
 * (64 MiB before issue 17) still verify, since a hash string carries its
 * own, and are remade at the next sign-in. At most one per core at once,
 * so a burst of sign-ins costs 38 MiB, not 64 MiB each. */
#define HASH_OPS 2
#define HASH_MEM (19u * 1024 * 1024)
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
	if (out != NULL &&
	    crypto_pwhash_str(out, password, strlen(password),
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
			      : "tài khoản của Phòng, Sở, Bộ chỉ có vai trò "
				"reviewer hoặc admin";
	return NULL;
}

static const char *
user_problem(const struct user_new *u, const struct org_unit *unit)
{
	if (u->login == NULL || !valid_login(u->login))
		return "tên đăng nhập gồm 3-63 ký tự: chữ thường không dấu, "
		       "chữ số, dấu chấm, gạch dưới, gạch ngang";
	if (u->pw_hash == NULL &&
	    (u->password == NULL || strlen(u->password) < PASSWORD_MIN))
		return "mật khẩu phải có ít nhất 8 ký tự";
	return user_role_problem(u->role, unit);
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

static enum ts_err
check_user(struct app *app, const struct actor *who, const struct user_new *u,
	   struct arena *a, struct org_unit *unit, struct diags *d)
{
	const char *where = u->login ? u->login : "";
	if (u->unit_code == NULL || org_find(app, u->unit_code, a, unit) != TS_OK) {
		diags_add(d, where, "không có đơn vị mã \"%s\"",
			  u->unit_code ? u->unit_code : "");
		return TS_EINVAL;
	}
	const char *why = user_problem(u, unit);
	if (why != NULL) {
		diags_add(d, where, "%s", why);
		return TS_EINVAL;
	}
	enum scope sc = scope_of(who->path, unit->path);
	if (who->role != ROLE_ADMIN || sc == SCOPE_OUTSIDE ||
	    (sc == SCOPE_OWN && u->role == ROLE_ADMIN && who->user_id != 0)) {
		diags_add(d, where, "tài khoản quản trị chỉ tạo được tài khoản "
			  "cho các đơn vị thuộc phạm vi của mình");
		return TS_EFORBIDDEN;
	}
	return TS_OK;
}

enum ts_err
user_add(struct app *app, const struct actor *who, const struct user_new *u,
	 struct diags *d)
{
	struct arena *a = arena_new();
	struct org_unit unit;
	if (a == NULL)
		return TS_ENOMEM;
	const char *name = u->full_name;
	const struct text_field tf[] = {
		{ "họ tên", &name, 200, TEXT_REQUIRED },
	};
	enum ts_err e = text_check(a, tf, 1, d);
	if (e == TS_OK)
		e = check_user(app, who, u, a, &unit, d);
	char *hash = NULL;
	if (e == TS_OK && u->pw_hash == NULL &&
	    (hash = password_hash(u->password)) == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK && (e = db_begin(app->db)) == TS_OK) {
		e = insert_user(app, u, name, unit.id, hash ? hash : u->pw_hash);
		if (e == TS_ECONFLICT)
			diags_add(d, u->login, "tên đăng nhập đã có người dùng");
		else if (e == TS_EDB)
			app_db_error(app, d, "tạo tài khoản");
		if (e == TS_OK)
			e = audit_add(app, who, "user.add", u->login,
				      role_code(u->role));
		if (e == TS_OK && (e = db_commit(app->db)) != TS_OK)
			app_db_error(app, d, "tạo tài khoản");
		if (e != TS_OK)
			db_rollback(app->db);
	}
	if (hash)
		sodium_memzero(hash, strlen(hash));
	free(hash);
	arena_free(a);
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
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL || sodium_init() < 0)
		return TS_EDB;
	db_bind_text(st, 1, login);
	bool found = db_step(st) == DB_ROW;
	char hash[crypto_pwhash_STRBYTES];
	snprintf(hash, sizeof(hash), "%s", found ? db_col_text(st, 0) : dummy);
	bool disabled = found && db_col_int(st, 1);
	db_done(st);
	/* Verify even for an unknown login, so timing does not reveal
	 * which logins exist. */
	hash_enter();
	bool ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
	hash_leave();
	if (!found || !ok) {
		diags_add(d, login, "tên đăng nhập hoặc mật khẩu không đúng");
		return TS_EFORBIDDEN;
	}
	/* Said only to whoever knows the password. */
	if (disabled) {
		diags_add(d, login, "tài khoản này đã bị khóa; hãy liên hệ người "
			  "quản trị của đơn vị");
		return TS_EFORBIDDEN;
	}
	if (crypto_pwhash_str_needs_rehash(hash, HASH_OPS, HASH_MEM) != 0)
		rehash(app, login, password);
	return actor_load(app, login, a, d);
}

static void
fill_user(struct db_stmt *st, struct arena *a, void *p)
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
	if (who->role != ROLE_ADMIN) {
		diags_add(d, who->login, "chỉ tài khoản quản trị mới xem được "
			  "danh sách tài khoản");
		return TS_EFORBIDDEN;
	}
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return app_db_error(app, d, "đọc tài khoản");
	snprintf(like, sizeof(like), "%s%%", who->path);
	db_bind_text(st, 1, like);
	return db_collect(st, a, sizeof(**out), (void **)out, n, fill_user);
}
