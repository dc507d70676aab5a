/*
 * Web sign-in sessions: a random 32-byte token in an HttpOnly cookie, only
 * its hash in the database (so sessions work across server processes and
 * a database copy cannot sign anyone in); CSRF tokens derived from the
 * session with a server key kept in the database; failed sign-ins slow
 * down further tries of that login and the answers to that address
 * (core/throttle.h), never locking a whole address out.
 */
#ifndef TS_SESSION_H
#define TS_SESSION_H

#include "app.h"

#define SESSION_TOKEN_SIZE   64 /* base64url of 32 bytes + NUL, rounded */
#define SESSION_HASH_SIZE    65 /* hex of 32 bytes + NUL */
#define SESSION_HOURS	     12 /* default absolute cap (serve --session-max) */
#define SESSION_IDLE_MINUTES 60 /* default idle limit (serve --session-idle) */

struct session {
	struct actor who;
	char full_name[200];
	char unit_name[300];
	char token_hash[SESSION_HASH_SIZE];
	char csrf[SESSION_HASH_SIZE];
	int64_t ends, slide_to; /* its end now, and the end it slides to */
};

/* Checks the password (Argon2id) and opens a session; token receives the
 * cookie value. TS_EFORBIDDEN for wrong credentials (or a locked
 * account, with its own message), TS_ERATE while the login must wait
 * after too many failures. After a failure, *slow_ms is how long the
 * caller should hold the answer back (the address failed often); the
 * caller waits without holding the app. */
enum ts_err session_login(struct app *app, const char *login,
			  const char *password, const char *client,
			  char token[SESSION_TOKEN_SIZE], unsigned *slow_ms,
			  struct diags *d) TS_MUSTCHECK;
/* The sign-in throttle, for other ways of proving who one is (a password
 * reset code): TS_ERATE with its message while login must wait; and
 * recording a failure (*slow_ms as for session_login) or a success. */
enum ts_err session_throttle(struct app *app, const char *login,
			     struct diags *d) TS_MUSTCHECK;
enum ts_err session_failed(struct app *app, const char *login,
			   const char *client, unsigned *slow_ms) TS_MUSTCHECK;
/* The owner proved who they are: the login's failures are forgotten (the
 * address's are kept). */
enum ts_err session_succeeded(struct app *app, const char *login) TS_MUSTCHECK;
/* The session of a cookie value; TS_ENOTFOUND if unknown or expired.
 * A found session slides: it now ends session_idle after this request,
 * but never later than session_max after sign-in. */
enum ts_err session_lookup(struct app *app, const char *token,
			   struct session *out) TS_MUSTCHECK;
/* session_lookup in two steps, for a caller that reads the session in a
 * read snapshot (which ends in a rollback): the read, then the slide
 * (a write) once the snapshot has ended. */
enum ts_err session_read(struct app *app, const char *token,
			 struct session *out) TS_MUSTCHECK;
void session_slide(struct app *app, const struct session *s);
enum ts_err session_logout(struct app *app, const char *token) TS_MUSTCHECK;
/* True if given is the CSRF token of the session (constant time). */
bool session_csrf_ok(const struct session *s, const char *given);
/* Loads the server key from the database, creating it once. */
enum ts_err session_init_key(struct app *app) TS_MUSTCHECK;
/* Changes the user's password after checking the current one, and ends
 * every other session of the account. */
enum ts_err session_change_password(struct app *app, const struct session *s,
				    const char *current, const char *next,
				    struct diags *d) TS_MUSTCHECK;

/* The limits in seconds, app's or the defaults. */
int session_idle_of(const struct app *app);
int session_max_of(const struct app *app);

#endif
