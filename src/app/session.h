/*
 * Web sign-in sessions: a random 32-byte token in an HttpOnly cookie, only
 * its hash in the database (so sessions work across server processes and
 * a database copy cannot sign anyone in); CSRF tokens derived from the
 * session with a server key kept in the database; a rate limit on failed
 * sign-ins per login and per client address.
 */
#ifndef TS_SESSION_H
#define TS_SESSION_H

#include "app.h"

#define SESSION_TOKEN_SIZE 64 /* base64url of 32 bytes + NUL, rounded */
#define SESSION_HASH_SIZE 65  /* hex of 32 bytes + NUL */
#define SESSION_HOURS 12
#define LOGIN_MAX_FAILURES 5     /* per login in LOGIN_WINDOW */
#define CLIENT_MAX_FAILURES 20   /* per client address in LOGIN_WINDOW */
#define LOGIN_WINDOW (15 * 60)

struct session {
	struct actor who;
	char full_name[200];
	char unit_name[300];
	char token_hash[SESSION_HASH_SIZE];
	char csrf[SESSION_HASH_SIZE];
};

/* Checks the password (Argon2id) and opens a session; token receives the
 * cookie value. TS_EFORBIDDEN for wrong credentials, TS_ERATE when rate
 * limited; one Vietnamese message either way. */
enum ts_err session_login(struct app *app, const char *login,
			  const char *password, const char *client,
			  char token[SESSION_TOKEN_SIZE],
			  struct diags *d) TS_MUSTCHECK;
/* The session of a cookie value; TS_ENOTFOUND if unknown or expired. */
enum ts_err session_lookup(struct app *app, const char *token,
			   struct session *out) TS_MUSTCHECK;
enum ts_err session_logout(struct app *app, const char *token) TS_MUSTCHECK;
/* True if given is the CSRF token of the session (constant time). */
bool session_csrf_ok(const struct session *s, const char *given);
/* Loads the server key from the database, creating it once. */
enum ts_err session_init_key(struct app *app) TS_MUSTCHECK;
/* Changes the user's password after checking the current one. */
enum ts_err session_change_password(struct app *app, const struct session *s,
				    const char *current, const char *next,
				    struct diags *d) TS_MUSTCHECK;

#endif
