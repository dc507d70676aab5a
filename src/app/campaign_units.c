/* The participants of a campaign in one state under the actor: the list a
 * task's count links to. */
#include "../util/arena.h"
#include "org.h"
#include "tasks.h"

/* Under the same root as campaign_status with no root given: the actor's
 * unit, or the campaign owner's for the operator. */
static const char SQL_UNITS[] =
	"SELECT o.code, o.name, coalesce(s.state, ?4), "
	"coalesce(s.late, 0), s.updated_at FROM campaign_unit cu JOIN "
	"org_unit o ON o.id = cu.unit_id LEFT JOIN submission s ON "
	"s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id WHERE "
	"cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path",
		"?2") " AND coalesce(s.state, ?4) = ?3 ORDER BY o.code";

static void
fill_unit(struct db_stmt *st, struct arena *a, void *p)
{
	struct unit_row *u = p;
	u->code = db_col_dup(st, 0, a);
	u->name = db_col_dup(st, 1, a);
	sub_state_parse(db_col_text(st, 2), &u->state);
	u->late = db_col_int(st, 3) != 0;
	u->updated_at = db_col_null(st, 4) ? NULL : db_col_dup(st, 4, a);
}

enum ts_err
campaign_units(struct app *app, const struct actor *who, int64_t id,
	       enum sub_state state, struct arena *a, struct unit_row **out,
	       size_t *n, struct diags *d)
{
	struct campaign c;
	*out = NULL;
	*n = 0;
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	if (e != TS_OK)
		return e;
	struct db_stmt *st = db_prep(app->db, SQL_UNITS);
	if (st == NULL)
		return app_db_error(app, d, "đọc danh sách đơn vị");
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, who->unit_id ? who->path : c.owner_path);
	db_bind_text(st, 3, sub_state_code(state));
	db_bind_text(st, 4, sub_state_code(ST_NONE));
	e = db_collect(st, a, sizeof(**out), (void **)out, n, fill_unit);
	return e == TS_EDB ? app_db_error(app, d, "đọc danh sách đơn vị") : e;
}
