/* Who acts on and who counts a campaign's participant. */
#include "campaign.h"

#include "../util/arena.h"

/* The path the campaign froze for the unit when it was created decides,
 * not where the unit sits today: dashboards and reports count by
 * campaign_unit.path, so acting by the same path keeps "who may act" and
 * "who counts" the same offices after a school moves. The unit itself
 * always acts on its own submission, wherever it moved. */
enum ts_err
campaign_scope_path(struct app *app, const struct actor *who, int64_t cid,
		    int64_t unit_id, struct arena *a, const char **out)
{
	static const char sql[] = "SELECT path FROM campaign_unit WHERE "
				  "campaign_id = ? AND unit_id = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, cid);
	db_bind_int(st, 2, unit_id);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		*out = who->unit_id == unit_id ? who->path
					       : db_col_dup(st, 0, a);
	db_done(st);
	if (r == DB_ROW && *out == NULL)
		return TS_ENOMEM;
	return r == DB_ROW ? TS_OK : r == DB_DONE ? TS_ENOTFOUND : TS_EDB;
}

enum ts_err
campaign_scope(struct app *app, const struct actor *who, int64_t cid,
	       int64_t unit_id, enum scope *out)
{
	struct arena *a = arena_new();
	const char *path = NULL;
	enum ts_err e = a ? campaign_scope_path(app, who, cid, unit_id, a,
						&path)
			  : TS_ENOMEM;
	if (e == TS_OK)
		*out = scope_of(who->path, path);
	arena_free(a);
	return e;
}

enum ts_err
campaign_reviewer_name(struct app *app, int64_t cid, int64_t unit_id,
		       struct arena *a, const char **out)
{
	static const char sql[] =
		"SELECT o.name FROM campaign_unit cu JOIN " SQL_REVIEWER_OF_CU
		" WHERE cu.campaign_id = ? "
		"AND cu.unit_id = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	*out = NULL;
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, cid);
	db_bind_int(st, 2, unit_id);
	if (db_step(st) == DB_ROW)
		*out = db_col_dup(st, 0, a);
	return db_finish(st);
}
