/* Reading a form page's stamps (page_stamp.h): one statement, four
 * primary-key probes. */
#include "page_stamp.h"

#include <string.h>

static const char SQL_STAMPS[] =
	"SELECT u.id, c.owner_unit_id, "
	"(SELECT n FROM page_stamp WHERE campaign_id = c.id AND unit_id = "
	"u.id), "
	"(SELECT n FROM page_stamp WHERE campaign_id = c.id AND unit_id = 0), "
	"(SELECT n FROM page_stamp WHERE campaign_id = 0 AND unit_id = u.id), "
	"(SELECT n FROM page_stamp WHERE campaign_id = 0 AND unit_id = "
	"c.owner_unit_id) "
	"FROM campaign c JOIN org_unit u ON u.code = ?2 WHERE c.id = ?1";

static int64_t
stamp_col(struct db_stmt *st, int i)
{
	return db_col_null(st, i) ? -1 : db_col_int(st, i);
}

bool
page_stamps_get(struct app *app, int64_t cid, const char *unit_code,
		struct page_stamps *out)
{
	memset(out, 0, sizeof(*out));
	if (unit_code == NULL)
		return false;
	struct db_stmt *st = db_prep(app->db, SQL_STAMPS);
	if (st == NULL)
		return false;
	db_bind_int(st, 1, cid);
	db_bind_text(st, 2, unit_code);
	bool found = db_step(st) == DB_ROW;
	if (found) {
		out->unit_id = db_col_int(st, 0);
		out->owner_id = db_col_int(st, 1);
		out->participant = stamp_col(st, 2);
		out->campaign = stamp_col(st, 3);
		out->unit = stamp_col(st, 4);
		out->owner = stamp_col(st, 5);
	}
	db_done(st);
	return found;
}
