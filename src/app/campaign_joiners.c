/* The units a campaign's owner may still add (issue 17 item 8): the list
 * the late-joiner form picks from, by the same rules campaign_join
 * enforces (it checks them again on every POST). */
#include "campaign.h"

#include <string.h>

#include "../core/search.h"
#include "../util/arena.h"
#include "../util/vnstr.h"
#include "org.h"

/* Schools and centres under the owner, open, teaching a cấp học of the
 * campaign, entered into the tree after it was created, not yet in it. */
static const char SQL_JOINERS[] =
	"SELECT o.code, o.name, coalesce(p.name, ''), o.name_key FROM "
	"campaign c JOIN org_unit w ON w.id = c.owner_unit_id JOIN org_unit "
	"o ON " SQL_PATH_UNDER(
		"o.path",
		"w.path") " LEFT JOIN org_unit p ON "
			  "p.id = o.parent_id WHERE c.id = ?1 AND o.kind IN ('truong', "
			  "'trung_tam') AND o.active_to IS NULL AND (o.school_levels & "
			  "c.school_levels) <> 0 AND o.created_at > c.created_at AND NOT "
			  "EXISTS (SELECT 1 FROM campaign_unit cu WHERE cu.campaign_id = c.id "
			  "AND cu.unit_id = o.id) ORDER BY o.name_key, o.code";

static void
read_joiner(struct db_stmt *st, struct arena *a, struct joiner *j)
{
	j->code = db_col_dup(st, 0, a);
	j->name = db_col_dup(st, 1, a);
	j->parent_name = db_col_dup(st, 2, a);
}

/* A row the words typed pick: its code exactly, or the word-prefix
 * rule of the unit search (core/search.c) on its folded name. */
static bool
picked(struct db_stmt *st, const char *text, const char *key)
{
	return key == NULL || strcmp(db_col_text(st, 0), text) == 0 ||
	       search_match(key, db_col_text(st, 3));
}

enum ts_err
campaign_joiners(struct app *app, int64_t id, const char *text, size_t max,
		 struct arena *a, struct joiner **out, size_t *n, size_t *total)
{
	const char *key = text && text[0] ? vn_fold_key(a, text) : NULL;
	struct db_stmt *st = db_prep(app->db, SQL_JOINERS);
	*n = *total = 0;
	*out = arena_calloc(a, max ? max : 1, sizeof(**out));
	if (st == NULL || *out == NULL || (text && text[0] && key == NULL)) {
		db_done(st);
		return st == NULL ? TS_EDB : TS_ENOMEM;
	}
	db_bind_int(st, 1, id);
	while (db_step(st) == DB_ROW)
		if (picked(st, text, key) && (*total)++ < max)
			read_joiner(st, a, &(*out)[(*n)++]);
	return db_finish(st);
}
