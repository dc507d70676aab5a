/* User accounts: a login, a role, and the org unit whose subtree the
 * role applies to. Passwords are hashed with Argon2id (libsodium). */
#ifndef TS_USER_H
#define TS_USER_H

#include "app.h"

struct user_new {
	const char *login;
	const char *full_name;
	const char *unit_code;
	enum role role;
	const char *password; /* plain text; or */
	const char *pw_hash;  /* an existing Argon2id hash (demo data) */
};

#define PASSWORD_MIN 8

enum ts_err user_add(struct app *app, const struct actor *who,
		     const struct user_new *u, struct diags *d) TS_MUSTCHECK;
/* Argon2id hash string of password (malloc'd), NULL on failure. */
char *password_hash(const char *password);
/* Checks login + password; on success fills *a (TS_EFORBIDDEN otherwise,
 * with one message that does not say which part was wrong). */
enum ts_err user_authenticate(struct app *app, const char *login,
			      const char *password, struct actor *a,
			      struct diags *d) TS_MUSTCHECK;

struct user_info {
	const char *login;
	const char *full_name;
	enum role role;
	const char *unit_code;
	const char *unit_name;
	bool disabled;
};
struct arena;
/* Accounts of units in the actor's subtree (admins only). */
enum ts_err user_list(struct app *app, const struct actor *who, struct arena *a,
		      struct user_info **out, size_t *n,
		      struct diags *d) TS_MUSTCHECK;

/* A change to an existing account; NULL / -1 fields stay as they are. */
struct user_change {
	const char *login;
	const char *unit_code; /* move the account to this unit */
	const char *role;      /* role code ("reviewer") */
	int disabled;	       /* 1 lock, 0 unlock, -1 unchanged */
};
/* Admins change accounts of units in their subtree, never their own
 * account nor a fellow admin of their own unit (the level above does),
 * and never so that a unit is left with no enabled admin covering it.
 * Locking an account also ends its sessions. */
enum ts_err user_update(struct app *app, const struct actor *who,
			const struct user_change *c,
			struct diags *d) TS_MUSTCHECK;

/* A forgotten password: an admin above the account (the rule of
 * user_update; the server operator too) makes a one-time code, valid
 * RESET_HOURS, shown to them once and stored only as a hash; a new code
 * replaces an older one. Audited (user.reset_password). */
#define RESET_CODE_SIZE 16 /* "abcd-efgh-jkmn" + NUL */
#define RESET_HOURS	24
enum ts_err user_reset_start(struct app *app, const struct actor *who,
			     const char *login, char code[RESET_CODE_SIZE],
			     int64_t *expires, struct diags *d) TS_MUSTCHECK;
/* The owner sets a new password with the code: once, before it expires,
 * throttled like a sign-in (a wrong code counts as a failure; *slow_ms as
 * for session_login). Ends every session of the account. TS_EFORBIDDEN
 * for a wrong or expired code, TS_ELIMIT while throttled. */
enum ts_err user_reset_finish(struct app *app, const char *login,
			      const char *code, const char *password,
			      const char *client, unsigned *slow_ms,
			      struct diags *d) TS_MUSTCHECK;

#endif
