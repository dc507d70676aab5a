/*
 * The application: one open database, the deployment's rubric files, and
 * the evidence store. Every use case takes the acting user (struct actor)
 * and asks the one policy (core/policy.h) before it acts, so the CLI and
 * the web server cannot differ in what they allow.
 */
#ifndef TS_APP_H
#define TS_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/policy.h"
#include "../core/workflow.h"
#include "../db/db.h"
#include "rubric_set.h"

struct app {
	struct db *db;
	struct rubric_set rubrics;    /* data/rubrics files */
	struct rubric_set db_rubrics; /* versions only the database still has */
	char *blob_dir;		      /* evidence files, next to the database */
	char *data_dir; /* rubrics/, indicators/, targets/ (app_open's) */
	unsigned char csrf_key[32]; /* see session.h; loaded by the server */
	int session_idle; /* seconds without a request before a session ends */
	int session_max; /* seconds after sign-in it ends anyway (0: defaults) */
};

#define ACTOR_LOGIN_MAX 64
#define PATH_MAX_LEN	256

struct actor {
	int64_t user_id; /* 0: the local operator */
	char login[ACTOR_LOGIN_MAX];
	enum role role;
	int64_t unit_id;	 /* 0: the operator sees the whole tree */
	char path[PATH_MAX_LEN]; /* the unit's materialized path */
};

/* Opens the database, applies pending migrations, loads the rubric files
 * of data_dir/rubrics. A missing database file is created only when
 * `create` (demo, db migrate, --create); otherwise TS_ENOTFOUND with a
 * message naming the path and how to create it, so a mistyped --db never
 * silently starts an empty database. */
enum ts_err app_open(struct app *app, const char *db_path, const char *data_dir,
		     bool create, struct diags *d) TS_MUSTCHECK;
/* A read-only replica (server --db-read): opened without migrating, the
 * schema must already be this program's. */
enum ts_err app_open_replica(struct app *app, const char *url,
			     const char *data_dir,
			     struct diags *d) TS_MUSTCHECK;
void app_close(struct app *app);

/* The person at the server's console: admin over the whole tree, recorded
 * in the audit log as "operator". */
void actor_operator(struct actor *a);
/* Acts as an existing, enabled user. */
enum ts_err actor_load(struct app *app, const char *login, struct actor *a,
		       struct diags *d) TS_MUSTCHECK;
/* The columns actor_load reads (u: app_user, o: its org_unit), for a
 * statement that reads them with other things (the session's); and the
 * actor from them, at column `col` of a row st is on. */
#define ACTOR_COLS "u.id, u.role, u.disabled, o.id, o.path"
struct db_stmt;
enum ts_err actor_from_row(struct db_stmt *st, int col, const char *login,
			   struct actor *a, struct diags *d) TS_MUSTCHECK;

/* policy_allows for the actor on a target of no state: TS_OK, or
 * TS_EFORBIDDEN with the policy's reason in d (if not NULL) at `where`. */
enum ts_err actor_may(const struct actor *who, enum pol_kind kind,
		      const char *target_path, enum pol_action act,
		      const char *where, struct diags *d) TS_MUSTCHECK;

/* Appends to the audit log (inside the caller's transaction). */
enum ts_err audit_add(struct app *app, const struct actor *who,
		      const char *action, const char *object,
		      const char *detail) TS_MUSTCHECK;

/* A page's reads from one snapshot (db_read_begin): call app_read_end
 * after the last read, whatever happened; no writes in between. */
void app_read_begin(struct app *app);
void app_read_end(struct app *app);

/* Message for a failed database call, added to d; returns TS_EDB. */
enum ts_err app_db_error(struct app *app, struct diags *d, const char *what);

#endif
