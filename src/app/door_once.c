/* Requests run at most once (door.h, "Retries of the same request"): the
 * table door_once, read and written inside the door's transaction. */
#include "door.h"

#include "../util/timeutil.h"

/* How long a key is kept: far longer than any client waits before it
 * retries, short enough that the table stays small. */
#define ONCE_KEEP_SECONDS (24 * 60 * 60)

/* The oldest time a kept key still counts at, for SQL. */
static const char *
keep_from(int64_t now, char cut[TS_TIME_SIZE])
{
	return ts_time_format(now - ONCE_KEEP_SECONDS, cut);
}

enum ts_err
door_once_find(struct door_ctx *c, const char *action, const char *key,
	       const char **result)
{
	static const char sql[] =
		"SELECT result FROM door_once WHERE actor = ? AND action = ? "
		"AND request_key = ? AND at >= ?";
	char cut[TS_TIME_SIZE];
	struct db_stmt *st = db_prep(c->app->db, sql);
	*result = NULL;
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, c->who->login);
	db_bind_text(st, 2, action);
	db_bind_text(st, 3, key);
	db_bind_text(st, 4, keep_from(ts_time_now(), cut));
	enum db_step r = db_step(st);
	if (r == DB_ROW && (*result = db_col_dup(st, 0, c->a)) == NULL)
		r = DB_ERROR; /* out of memory: fail rather than run twice */
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

/* Expired keys are ignored by door_once_find and deleted here, by a
 * periodic clean-up (the export workers of serve), never by a keyed
 * write: a DELETE over an index range in every such transaction would add
 * serialization conflicts under PostgreSQL's SERIALIZABLE. */
enum ts_err
door_once_prune(struct app *app, int64_t now)
{
	char cut[TS_TIME_SIZE];
	struct db_stmt *st = db_prep(app->db,
				     "DELETE FROM door_once WHERE at < ?");
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, keep_from(now, cut));
	return db_exec_stmt(st);
}

enum ts_err
door_once_keep(struct door_ctx *c, const char *action, const char *key)
{
	static const char sql[] =
		"INSERT INTO door_once(actor, action, request_key, result, at) "
		"VALUES (?, ?, ?, ?, ?)";
	char at[TS_TIME_SIZE];
	int64_t now = ts_time_now();
	struct db_stmt *st = db_prep(c->app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, c->who->login);
	db_bind_text(st, 2, action);
	db_bind_text(st, 3, key);
	db_bind_text(st, 4, c->result ? c->result : "");
	db_bind_text(st, 5, ts_time_format(now, at));
	return db_exec_stmt(st);
}
