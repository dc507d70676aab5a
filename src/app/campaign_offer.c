/* What the new-campaign form offers an officer (issue 17): the rubric
 * their office runs its CĐS rounds with, so an office that scores with
 * its own variant keeps it and everyone else starts from the national
 * rubric (web/page_campaign_new.c falls back to it). */
#include "../util/arena.h"
#include "campaign.h"

enum ts_err
campaign_last_rubric(struct app *app, const struct actor *who, struct arena *a,
		     const char **out)
{
	static const char sql[] =
		"SELECT rubric_id FROM campaign WHERE owner_unit_id = ? AND "
		"kind = 'cds' GROUP BY rubric_id ORDER BY count(*) DESC, "
		"max(created_at) DESC, rubric_id LIMIT 1";
	*out = NULL;
	if (who->unit_id == 0)
		return TS_OK;
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, who->unit_id);
	if (db_step(st) == DB_ROW && (*out = db_col_dup(st, 0, a)) == NULL) {
		db_done(st);
		return TS_ENOMEM;
	}
	return db_finish(st);
}
