/* Password reset with a one-time code made by an admin. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "door.h"
#include "session.h"
#include "user_int.h"

/* No 0/o, 1/l/i: read aloud or copied by hand without mistakes. */
static const char ALPHABET[] = "abcdefghjkmnpqrstuvwxyz23456789";

static void
new_code(char code[RESET_CODE_SIZE])
{
	size_t o = 0;
	for (int i = 0; i < 12; i++) {
		if (i > 0 && i % 4 == 0)
			code[o++] = '-';
		code[o++] = ALPHABET[randombytes_uniform(sizeof(ALPHABET) - 1)];
	}
	code[o] = '\0';
}

static void
code_hash(const char *code, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)code,
			   strlen(code), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static enum ts_err
store_code(struct app *app, const struct actor *who, int64_t user,
	   const char *code, int64_t expires)
{
	static const char sql[] =
		"INSERT INTO password_reset(user_id, code_hash, expires_at, "
		"created_by) VALUES (?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE "
		"SET code_hash = excluded.code_hash, expires_at = "
		"excluded.expires_at, created_by = excluded.created_by";
	char hash[65], until[TS_TIME_SIZE];
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	code_hash(code, hash);
	db_bind_int(st, 1, user);
	db_bind_text(st, 2, hash);
	db_bind_text(st, 3, ts_time_format(expires, until));
	db_bind_text(st, 4, who->login);
	return db_exec_stmt(st);
}

struct start_in {
	const char *login;
	const char *code;
	int64_t expires;
};

/* The account; one's own password is changed on its own page. */
static enum ts_err
start_resolve(struct door_ctx *c, struct door_target *t)
{
	const struct start_in *x = c->in;
	struct user_target *u = arena_calloc(c->a, 1, sizeof(*u));
	if (u == NULL)
		return TS_ENOMEM;
	enum ts_err e = user_target_load(c->app, x->login, c->a, u, c->d);
	if (e != TS_OK)
		return e;
	if (u->id == c->who->user_id) {
		diags_add(c->d, x->login,
			  "hãy đổi mật khẩu của chính mình ở "
			  "trang Đổi mật khẩu");
		return TS_EFORBIDDEN;
	}
	c->data = u;
	*t = (struct door_target){ u->role == ROLE_ADMIN ? PK_ADMIN_ACCOUNT
							 : PK_ACCOUNT,
				   u->unit.path, POL_ANY_STATE, x->login };
	return TS_OK;
}

static enum ts_err
start_body(struct door_ctx *c)
{
	const struct start_in *x = c->in;
	const struct user_target *u = c->data;
	char *until = arena_alloc(c->a, TS_TIME_SIZE);
	if (until == NULL)
		return TS_ENOMEM;
	c->object = x->login;
	c->detail = ts_time_format(x->expires, until);
	return store_code(c->app, c->who, u->id, x->code, x->expires);
}

static const struct door USER_RESET_START = {
	"user.reset_password", PA_CHANGE,  "ghi mã đặt lại mật khẩu", NULL,
	start_resolve,	       start_body,
};

enum ts_err
user_reset_start(struct app *app, const struct actor *who, const char *login,
		 char code[RESET_CODE_SIZE], int64_t *expires, struct diags *d)
{
	if (actor_may(who, PK_ACCOUNT, NULL, PA_CHANGE, who->login, d) != TS_OK)
		return TS_EFORBIDDEN;
	if (sodium_init() < 0)
		return TS_ENOMEM;
	new_code(code);
	*expires = ts_time_now() + RESET_HOURS * 3600;
	struct start_in x = { login ? login : "", code, *expires };
	enum ts_err e = door_run(app, who, &USER_RESET_START, &x, NULL, d);
	if (e != TS_OK)
		sodium_memzero(code, RESET_CODE_SIZE);
	return e;
}

/* The account whose unexpired code this is, or 0 (TS_EDB: the database
 * could not say, which is not a wrong code). */
static enum ts_err
code_owner(struct app *app, const char *login, const char *code, int64_t *id)
{
	static const char sql[] =
		"SELECT r.user_id, r.code_hash FROM password_reset r JOIN "
		"app_user u ON u.id = r.user_id WHERE u.login = ? AND "
		"r.expires_at > ?";
	char hash[65], now[TS_TIME_SIZE];
	struct db_stmt *st = db_prep(app->db, sql);
	*id = 0;
	if (st == NULL)
		return TS_EDB;
	code_hash(code, hash);
	db_bind_text(st, 1, login);
	db_bind_text(st, 2, ts_time_format(ts_time_now(), now));
	enum db_step r = db_step(st);
	if (r == DB_ROW && strlen(db_col_text(st, 1)) == 64 &&
	    sodium_memcmp(db_col_text(st, 1), hash, 64) == 0)
		*id = db_col_int(st, 0);
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

static enum ts_err
exec_id(struct app *app, const char *sql, int64_t id, const char *text)
{
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	if (text != NULL) {
		db_bind_text(st, 1, text);
		db_bind_int(st, 2, id);
	} else {
		db_bind_int(st, 1, id);
	}
	return db_exec_stmt(st);
}

/* New hash, code used up, every session ended, audited: together. No
 * target, and no actor until the code proved whose it is: the body audits
 * as the account itself. */
struct finish_job {
	const char *login, *hash;
	int64_t id;
};

static enum ts_err
finish_writes(struct door_ctx *c)
{
	const struct finish_job *j = c->in;
	struct actor self;
	struct diags d;
	enum ts_err e = exec_id(c->app,
				"UPDATE app_user SET pw_hash = ? "
				"WHERE id = ?",
				j->id, j->hash);
	if (e == TS_OK)
		e = exec_id(c->app,
			    "DELETE FROM password_reset WHERE "
			    "user_id = ?",
			    j->id, NULL);
	if (e == TS_OK)
		e = exec_id(c->app, "DELETE FROM session WHERE user_id = ?",
			    j->id, NULL);
	diags_init(&d);
	if (e == TS_OK)
		e = session_succeeded(c->app, j->login);
	if (e == TS_OK)
		e = actor_load(c->app, j->login, &self, &d);
	diags_release(&d);
	if (e == TS_OK)
		e = audit_add(c->app, &self, "user.password_reset", j->login,
			      NULL);
	return e;
}

static enum ts_err
finish_body(struct door_ctx *c)
{
	enum ts_err e = finish_writes(c);
	return e == TS_OK ? TS_OK
			  : app_db_error(c->app, c->d, "đặt mật khẩu mới");
}

static const struct door RESET_FINISH = {
	"user.password_reset", PA_CHANGE, "đặt mật khẩu mới", NULL, NULL,
	finish_body,
};

enum ts_err
user_reset_finish(struct app *app, const char *login, const char *code,
		  const char *password, const char *client, unsigned *slow_ms,
		  struct diags *d)
{
	*slow_ms = 0;
	if (password == NULL || strlen(password) < PASSWORD_MIN) {
		diags_add(d, login, "mật khẩu mới phải có ít nhất 8 ký tự");
		return TS_EINVAL;
	}
	enum ts_err e = session_throttle(app, login, d);
	if (e != TS_OK || sodium_init() < 0)
		return e != TS_OK ? e : TS_ENOMEM;
	int64_t id = 0;
	if (code_owner(app, login, code, &id) != TS_OK)
		return app_db_error(app, d, "đọc mã đặt lại mật khẩu");
	if (id == 0) {
		diags_add(d, login,
			  "mã đặt lại mật khẩu không đúng hoặc đã hết "
			  "hạn; hãy nhờ người quản trị tạo mã mới");
		return session_failed(app, login, client, slow_ms) == TS_OK
			       ? TS_EFORBIDDEN
			       : TS_EDB;
	}
	char *hash = password_hash(password);
	if (hash == NULL)
		return TS_ENOMEM;
	struct finish_job j = { login, hash, id };
	e = door_run(app, NULL, &RESET_FINISH, &j, NULL, d);
	sodium_memzero(hash, strlen(hash));
	free(hash);
	return e;
}
