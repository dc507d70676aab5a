/*
 * The one door for writes (issue 13; redis's processCommand() -> call()).
 * A write use case is a small descriptor: its audit action, the policy
 * action, the text it takes, how to find its target, and its body. One
 * runner does the rest in the same order for every use case:
 *
 *   1. text: every field through text_check (UTF-8, control characters,
 *      length, NFC), named as the user knows it;
 *   2. the write transaction (BEGIN IMMEDIATE) and a scratch arena;
 *   3. resolve: load the target and say what it is (kind, unit path,
 *      state, a name for messages), inside the transaction so what is
 *      checked is what is written;
 *   4. the policy (core/policy.c) on that target;
 *   5. the body: the change itself;
 *   6. the audit row (action, the object and detail the body set);
 *   7. commit, or roll back on any failure;
 *   8. one error with one message: a use case that failed without saying
 *      why gets the message of its code (a database error names what was
 *      being done and logs the statement).
 *
 * Use cases that several others run inside one transaction (the org
 * importer writes hundreds of rows per transaction) call door_step, which
 * does 1 and 3 to 6 inside the caller's transaction.
 *
 * A transaction the database lost for now (db_transient: PostgreSQL's
 * serialization failure or deadlock) is run again from step 2, at most
 * DOOR_TRIES times in all, try i after a random wait of 1 to 1 + 2^i ms
 * (about 0.13 s at most in all), with the problems of the lost attempt
 * forgotten: resolve and body start again from `in` as the caller gave it
 * (whatever they keep in `in` or `out` they set again; text_check's NFC
 * copies live in an arena kept across the attempts). Callers never retry.
 *
 * Retries of the same request (issue 14): a use case that can name its
 * request (door_run_once; struct door_once: what it acts on and the revision the user's page
 * showed, "1/31DK001@17") is run at most once per actor, action and key.
 * The door keeps the key with the write, in the same transaction (table
 * door_once, a day, deleted by a periodic clean-up); the same request sent again, a POST retried after a
 * timeout, is not run again but gets the first run's answer: TS_OK and,
 * through `replay`, its result. Requests without a key (the command
 * line, maintenance) run as before.
 *
 * A use case with no target (resolve NULL) acts on the actor's own
 * account once it has proved who it is (signing in with a password,
 * changing one's own password, a reset code), or is maintenance with no
 * actor (who NULL): no policy is asked.
 */
#ifndef TS_APP_DOOR_H
#define TS_APP_DOOR_H

#include "app.h"
#include "text.h"

#define DOOR_TEXT_MAX 8
#define DOOR_TRIES    7
#define DOOR_KEY_MAX  128

struct arena;

struct door_target {
	enum pol_kind kind;
	const char *path;  /* the unit it belongs to; NULL: none */
	int state;	   /* enum sub_state, or POL_ANY_STATE */
	const char *where; /* its name in messages: a unit code, a login */
};

/* What the resolver and the body get. */
struct door_ctx {
	struct app *app;
	const struct actor *who;
	struct arena *a; /* scratch, freed when the use case ends */
	struct diags *d;
	void *in;   /* the use case's input (its own struct) */
	void *out;  /* the use case's result, or NULL */
	void *data; /* what resolve loaded, for the body */
	/* Set by the body: the audit row's object and detail (object NULL:
	 * the body wrote its own audit rows, or none is due). */
	const char *object;
	const char *detail;
	const char *action; /* the audit action, if not the door's */
	/* Set by the body of a use case run by door_run_once: what a retry of the
	 * same request gets back through `replay` (NULL: ""). */
	const char *result;
	const struct door_once *once; /* door_run_once's, or NULL */
	/* Set by resolve or the body when a failure is told to the user
	 * some other way (the fields of a merge conflict, in `out`): the
	 * door adds no message of its own. */
	bool told;
};

struct door {
	const char *action;  /* audit action: "org.rename" */
	enum pol_action act; /* what the policy is asked */
	const char *what;    /* Vietnamese, for a database error: "đổi tên
			      * đơn vị" */
	/* The text fields of `in`, pointing into it (NULL: none); returns
	 * how many (at most DOOR_TEXT_MAX). text_check replaces each value
	 * by its NFC copy before resolve runs. */
	size_t (*texts)(void *in, struct text_field *out);
	/* NULL: no target, no policy (see above). */
	enum ts_err (*resolve)(struct door_ctx *c, struct door_target *t);
	enum ts_err (*body)(struct door_ctx *c);
};

/* Runs the use case in its own write transaction. */
enum ts_err door_run(struct app *app, const struct actor *who,
		     const struct door *dr, void *in, void *out,
		     struct diags *d) TS_MUSTCHECK;
/* How a use case names its request (door_run_once). */
struct door_once {
	/* Writes the request's key into key (at most DOOR_KEY_MAX bytes
	 * with its NUL) and returns true; false: this request has none. */
	bool (*key)(const void *in, char *key);
	/* NULL, or: gives a retry the first run's result (c->result) in
	 * `out`. */
	void (*replay)(void *out, const char *result);
};
/* door_run, at most once per actor, action and key (above). */
enum ts_err door_run_once(struct app *app, const struct actor *who,
			  const struct door *dr, const struct door_once *once,
			  void *in, void *out, struct diags *d) TS_MUSTCHECK;
/* Runs the use case inside the caller's transaction (no commit, no
 * rollback: the caller ends the transaction). */
enum ts_err door_step(struct app *app, const struct actor *who,
		      const struct door *dr, void *in, void *out,
		      struct diags *d) TS_MUSTCHECK;

/* door_once.c: the first run of a keyed request, if it was kept
 * (*result: its result, in c->a; NULL: none), and keeping one. */
enum ts_err door_once_find(struct door_ctx *c, const char *action,
			   const char *key, const char **result) TS_MUSTCHECK;
enum ts_err door_once_keep(struct door_ctx *c, const char *action,
			   const char *key) TS_MUSTCHECK;
/* Deletes the keys that expired by `now` (a day old): a periodic
 * clean-up's work (serve's export workers, once a minute), not a write's.
 * Expired keys left until then are already ignored. */
enum ts_err door_once_prune(struct app *app, int64_t now) TS_MUSTCHECK;

#endif
