#include "session.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/throttle.h"
#include "../util/timeutil.h"
#include "door.h"
#include "user.h"

static void
hash_token(const char *token, char out[SESSION_HASH_SIZE])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
			   strlen(token), NULL, 0);
	sodium_bin2hex(out, SESSION_HASH_SIZE, h, sizeof(h));
}

enum ts_err
session_init_key(struct app *app)
{
	static const char ins[] = "INSERT INTO app_secret(name, value) VALUES "
				  "('csrf', ?) ON CONFLICT DO NOTHING";
	static const char get[] =
		"SELECT value FROM app_secret WHERE name = 'csrf'";
	unsigned char key[32];
	char hex[65];
	if (sodium_init() < 0)
		return TS_ENOMEM;
	randombytes_buf(key, sizeof(key));
	sodium_bin2hex(hex, sizeof(hex), key, sizeof(key));
	struct db_stmt *st = db_prep(app->db, ins);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, hex);
	enum ts_err e = db_exec_stmt(st);
	/* Whoever inserted first wins; everyone reads the same key. */
	if (e != TS_OK || (st = db_prep(app->db, get)) == NULL)
		return TS_EDB;
	size_t n = 0;
	if (db_step(st) != DB_ROW ||
	    sodium_hex2bin(app->csrf_key, sizeof(app->csrf_key),
			   db_col_text(st, 0), 64, NULL, &n, NULL) != 0 ||
	    n != sizeof(app->csrf_key))
		e = TS_EDB;
	db_done(st);
	sodium_memzero(key, sizeof(key));
	return e;
}

static void
csrf_for(const struct app *app, const char *token_hash,
	 char out[SESSION_HASH_SIZE])
{
	unsigned char mac[crypto_auth_BYTES];
	crypto_auth(mac, (const unsigned char *)token_hash, strlen(token_hash),
		    app->csrf_key);
	sodium_bin2hex(out, SESSION_HASH_SIZE, mac, sizeof(mac));
}

bool
session_csrf_ok(const struct session *s, const char *given)
{
	return given != NULL && strlen(given) == strlen(s->csrf) &&
	       sodium_memcmp(given, s->csrf, strlen(s->csrf)) == 0;
}

/* Recent failures of one login or one address, and when the last was;
 * -1 when the database could not say. */
static int64_t
count_failures(struct app *app, const char *sql, const char *key, int64_t *last)
{
	struct db_stmt *st = db_prep(app->db, sql);
	char since[TS_TIME_SIZE];
	int64_t n = 0;
	*last = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	db_bind_text(st, 2,
		     ts_time_format(ts_time_now() - THROTTLE_WINDOW, since));
	enum db_step r = db_step(st);
	if (r == DB_ROW) {
		n = db_col_int(st, 0);
		if (n > 0 && !ts_time_parse(db_col_text(st, 1), last))
			*last = 0;
	}
	db_done(st);
	return r == DB_ERROR ? -1 : n;
}

static int64_t
login_failures(struct app *app, const char *login, int64_t *last)
{
	static const char sql[] = "SELECT count(*), max(at) FROM login_failure "
				  "WHERE login = ? AND at > ?";
	return count_failures(app, sql, login, last);
}

static int64_t
client_failures(struct app *app, const char *client)
{
	static const char sql[] = "SELECT count(*), max(at) FROM login_failure "
				  "WHERE client = ? AND at > ?";
	int64_t last;
	return count_failures(app, sql, client, &last);
}

/* An account that failed too often waits (growing) before its next try:
 * refused without looking at the password, with its own message. */
static enum ts_err
login_throttle(struct app *app, const char *login, struct diags *d)
{
	int64_t last, n = login_failures(app, login, &last);
	int64_t left = last + throttle_login_wait(n) - ts_time_now();
	if (n < 0) /* not known: refused, as the database's failure */
		return app_db_error(app, d, "đọc số lần đăng nhập sai");
	if (n < THROTTLE_LOGIN_FREE || left <= 0)
		return TS_OK;
	if (left >= 60)
		diags_add(d, login,
			  "tài khoản này đang tạm khóa vì đăng nhập sai "
			  "nhiều lần; hãy thử lại sau %lld phút",
			  (long long)(left + 59) / 60);
	else
		diags_add(d, login,
			  "tài khoản này đang tạm khóa vì đăng nhập sai "
			  "nhiều lần; hãy thử lại sau %lld giây",
			  (long long)left);
	return TS_ERATE;
}

/* Records a failure and forgets those past the window (whoever they
 * were for: made-up names never come back to be cleared). */
static enum ts_err
record_failure(struct app *app, const char *login, const char *client)
{
	static const char sql[] =
		"INSERT INTO login_failure(login, client, at) "
		"VALUES (?, ?, ?)";
	static const char old[] = "DELETE FROM login_failure WHERE at < ?";
	struct db_stmt *st = db_prep(app->db, sql);
	char now[TS_TIME_SIZE], since[TS_TIME_SIZE];
	int64_t t = ts_time_now();
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, login);
	db_bind_text(st, 2, client);
	db_bind_text(st, 3, ts_time_format(t, now));
	enum ts_err e = db_exec_stmt(st);
	if (e != TS_OK || (st = db_prep(app->db, old)) == NULL)
		return e != TS_OK ? e : TS_EDB;
	db_bind_text(st, 1, ts_time_format(t - THROTTLE_WINDOW, since));
	return db_exec_stmt(st);
}

enum ts_err
session_throttle(struct app *app, const char *login, struct diags *d)
{
	return login_throttle(app, login, d);
}

enum ts_err
session_succeeded(struct app *app, const char *login)
{
	static const char sql[] = "DELETE FROM login_failure WHERE login = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, login);
	return db_exec_stmt(st);
}

enum ts_err
session_failed(struct app *app, const char *login, const char *client,
	       unsigned *slow_ms)
{
	*slow_ms = 0;
	if (record_failure(app, login, client) != TS_OK)
		return TS_EDB;
	int64_t n = client_failures(app, client); /* -1: not known, no wait */
	*slow_ms = throttle_client_delay_ms(n > 0 ? n : 0);
	return TS_OK;
}

int
session_idle_of(const struct app *app)
{
	return app->session_idle > 0 ? app->session_idle
				     : SESSION_IDLE_MINUTES * 60;
}

int
session_max_of(const struct app *app)
{
	return app->session_max > 0 ? app->session_max : SESSION_HOURS * 3600;
}

/* The end of a session used at `now`: idle limit, within the cap. */
static int64_t
session_end(const struct app *app, int64_t created, int64_t now)
{
	int64_t idle = now + session_idle_of(app),
		cap = created + session_max_of(app);
	return idle < cap ? idle : cap;
}

static enum ts_err
insert_session(struct app *app, const struct actor *a, const char *hash)
{
	static const char sql[] = "INSERT INTO session(token_hash, user_id, "
				  "created_at, expires_at) VALUES (?, ?, ?, ?)";
	struct db_stmt *st = db_prep(app->db, sql);
	char now[TS_TIME_SIZE], until[TS_TIME_SIZE];
	int64_t t = ts_time_now();
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, a->user_id);
	db_bind_text(st, 3, ts_time_format(t, now));
	db_bind_text(st, 4, ts_time_format(session_end(app, t, t), until));
	return db_exec_stmt(st);
}

/* A sign-in: the session row, the login's failures forgotten, audited.
 * No target: the password proved who it is. */
struct login_job {
	const char *login, *client, *hash;
};

static enum ts_err
login_body(struct door_ctx *c)
{
	const struct login_job *j = c->in;
	enum ts_err e = insert_session(c->app, c->who, j->hash);
	if (e == TS_OK)
		e = session_succeeded(c->app, j->login);
	c->object = j->login;
	c->detail = j->client;
	return e;
}

static const struct door SESSION_LOGIN = {
	"session.login", PA_VIEW, "đăng nhập", NULL, NULL, login_body,
};

enum ts_err
session_login(struct app *app, const char *login, const char *password,
	      const char *client, char token[SESSION_TOKEN_SIZE],
	      unsigned *slow_ms, struct diags *d)
{
	struct actor a;
	unsigned char raw[32];
	char hash[SESSION_HASH_SIZE];
	*slow_ms = 0;
	if (sodium_init() < 0)
		return TS_ENOMEM;
	enum ts_err e = session_throttle(app, login, d);
	if (e != TS_OK)
		return e;
	e = user_authenticate(app, login, password, &a, d);
	if (e == TS_EDB || e == TS_ENOMEM)
		return e; /* not a wrong password */
	if (e != TS_OK)
		return session_failed(app, login, client, slow_ms) == TS_OK
			       ? e
			       : TS_EDB;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, SESSION_TOKEN_SIZE, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
	hash_token(token, hash);
	struct login_job j = { login, client, hash };
	return door_run(app, &a, &SESSION_LOGIN, &j, NULL, d);
}

/* Moves the end of a session on, at most once a minute (a write per
 * request would queue every page behind SQLite's write lock). A failed
 * write only means the session ends at its old time. */
static void
slide(struct app *app, const char *hash, int64_t end, int64_t old_end)
{
	static const char sql[] =
		"UPDATE session SET expires_at = ? WHERE token_hash = ?";
	char until[TS_TIME_SIZE];
	struct db_stmt *st = end > old_end + 60 ? db_prep(app->db, sql) : NULL;
	if (st == NULL)
		return;
	db_bind_text(st, 1, ts_time_format(end, until));
	db_bind_text(st, 2, hash);
	enum ts_err e = db_exec_stmt(st);
	(void)e;
}

/* The session's row (and its user's, as actor_load reads them), or
 * TS_ENOTFOUND; *created and *ends: its start and its end so far. */
static enum ts_err
session_row(struct app *app, struct session *out, int64_t *created,
	    int64_t *ends)
{
	static const char sql[] =
		"SELECT u.login, u.full_name, o.name, s.created_at, "
		"s.expires_at, " ACTOR_COLS " FROM session s JOIN app_user "
		"u ON u.id = s.user_id JOIN org_unit o ON o.id = u.org_unit_id "
		"WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0";
	char now[TS_TIME_SIZE], login[ACTOR_LOGIN_MAX];
	struct db_stmt *st = db_prep(app->db, sql);
	enum ts_err e = TS_OK;
	struct diags d;
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, out->token_hash);
	db_bind_text(st, 2, ts_time_format(ts_time_now(), now));
	enum db_step r = db_step(st);
	diags_init(&d);
	if (r == DB_ROW) {
		snprintf(login, sizeof(login), "%s", db_col_text(st, 0));
		snprintf(out->full_name, sizeof(out->full_name), "%s",
			 db_col_text(st, 1));
		snprintf(out->unit_name, sizeof(out->unit_name), "%s",
			 db_col_text(st, 2));
		ts_time_parse(db_col_text(st, 3), created);
		ts_time_parse(db_col_text(st, 4), ends);
		e = actor_from_row(st, 5, login, &out->who, &d);
	}
	diags_release(&d);
	db_done(st);
	if (r != DB_ROW)
		return r == DB_DONE ? TS_ENOTFOUND : TS_EDB;
	return e;
}

enum ts_err
session_read(struct app *app, const char *token, struct session *out)
{
	int64_t created = 0;
	memset(out, 0, sizeof(*out));
	if (token == NULL || strlen(token) < 40 || strlen(token) > 60)
		return TS_ENOTFOUND;
	hash_token(token, out->token_hash);
	enum ts_err e = session_row(app, out, &created, &out->ends);
	if (e == TS_ENOTFOUND || e == TS_EDB)
		return e;
	out->slide_to = session_end(app, created, ts_time_now());
	csrf_for(app, out->token_hash, out->csrf);
	return e;
}

void
session_slide(struct app *app, const struct session *s)
{
	if (s->slide_to > 0)
		slide(app, s->token_hash, s->slide_to, s->ends);
}

enum ts_err
session_lookup(struct app *app, const char *token, struct session *out)
{
	enum ts_err e = session_read(app, token, out);
	if (e != TS_ENOTFOUND && e != TS_EDB)
		session_slide(app, out);
	return e;
}

enum ts_err
session_logout(struct app *app, const char *token)
{
	static const char sql[] = "DELETE FROM session WHERE token_hash = ?";
	char hash[SESSION_HASH_SIZE];
	if (token == NULL)
		return TS_OK;
	hash_token(token, hash);
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, hash);
	return db_exec_stmt(st);
}

/* A new password signs the account out everywhere but here: whoever
 * knew the old one keeps no session. */
static enum ts_err
end_other_sessions(struct app *app, const struct session *s)
{
	static const char sql[] = "DELETE FROM session WHERE user_id = ? AND "
				  "token_hash <> ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, s->who.user_id);
	db_bind_text(st, 2, s->token_hash);
	return db_exec_stmt(st);
}

/* One's own new password: the hash, the other sessions ended, audited
 * together. No target: the current password proved who it is. */
struct password_job {
	const struct session *s;
	const char *hash;
};

static enum ts_err
password_body(struct door_ctx *c)
{
	static const char sql[] =
		"UPDATE app_user SET pw_hash = ? WHERE id = ?";
	const struct password_job *j = c->in;
	struct db_stmt *st = db_prep(c->app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, j->hash);
	db_bind_int(st, 2, j->s->who.user_id);
	enum ts_err e = db_exec_stmt(st);
	if (e == TS_OK)
		e = end_other_sessions(c->app, j->s);
	c->object = j->s->who.login;
	return e;
}

static const struct door SESSION_PASSWORD = {
	"user.password", PA_CHANGE, "đổi mật khẩu", NULL, NULL, password_body,
};

enum ts_err
session_change_password(struct app *app, const struct session *s,
			const char *current, const char *next, struct diags *d)
{
	struct actor a;
	if (next == NULL || strlen(next) < PASSWORD_MIN) {
		diags_add(d, s->who.login,
			  "mật khẩu mới phải có ít nhất 8 ký tự");
		return TS_EINVAL;
	}
	enum ts_err e = user_authenticate(app, s->who.login, current, &a, d);
	if (e != TS_OK)
		return e;
	char *hash = password_hash(next);
	if (hash == NULL)
		return TS_ENOMEM;
	struct password_job j = { s, hash };
	e = door_run(app, &s->who, &SESSION_PASSWORD, &j, NULL, d);
	sodium_memzero(hash, strlen(hash));
	free(hash);
	return e;
}
