/* Reading the software inventory: one school's list, and the sum per
 * software over the schools under an office (software.h). */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "campaign.h"
#include "software.h"
#include "submission.h"

static const char SQL_LIST[] =
	"SELECT name, purpose, vendor, domestic, paid, fee, parents_total "
	"FROM software WHERE campaign_id = ? AND unit_id = ? ORDER BY pos";

static void
fill_row(struct db_stmt *st, struct arena *a, void *p)
{
	struct software *r = p;
	r->name = db_col_dup(st, 0, a);
	r->purpose = db_col_dup(st, 1, a);
	r->vendor = db_col_dup(st, 2, a);
	r->domestic = db_col_int(st, 3) != 0;
	r->paid = db_col_int(st, 4) != 0;
	r->fee = db_col_dup(st, 5, a);
	r->parents_total = db_col_int(st, 6);
}

enum ts_err
software_list(struct app *app, const struct actor *who, int64_t cid,
	      const char *unit_code, struct arena *a, struct software **out,
	      size_t *n, struct diags *d)
{
	struct submission s;
	*out = NULL;
	*n = 0;
	enum ts_err e = sub_open(app, who, cid, unit_code, ACT_VIEW, a, &s, d);
	if (e == TS_OK)
		e = actor_may(who, PK_SCHOOL_REPORT, s.scope_path, PA_VIEW,
			      unit_code, d);
	if (e != TS_OK)
		return e;
	struct db_stmt *st = db_prep(app->db, SQL_LIST);
	if (st == NULL)
		return app_db_error(app, d, "đọc danh sách phần mềm");
	db_bind_int(st, 1, cid);
	db_bind_int(st, 2, s.unit.id);
	e = db_collect(st, a, sizeof(**out), (void **)out, n, fill_row);
	return e == TS_EDB ? app_db_error(app, d, "đọc danh sách phần mềm") : e;
}

/* Per software over the participants whose frozen path is under ?2. */
static const char SQL_SUM[] =
	"SELECT min(w.name), max(w.domestic), count(DISTINCT w.unit_id), "
	"count(DISTINCT CASE WHEN w.paid = 1 THEN w.unit_id END), "
	"sum(w.parents_total) FROM software w JOIN campaign_unit cu ON "
	"cu.campaign_id = w.campaign_id AND cu.unit_id = w.unit_id WHERE "
	"w.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path",
		"?2") " GROUP BY w.name_key ORDER BY count(DISTINCT w.unit_id) DESC, "
		      "w.name_key";

static void
fill_sum(struct db_stmt *st, struct arena *a, void *p)
{
	struct software_sum *r = p;
	r->name = db_col_dup(st, 0, a);
	r->domestic = db_col_int(st, 1) != 0;
	r->schools = (size_t)db_col_int(st, 2);
	r->paying = (size_t)db_col_int(st, 3);
	r->parents_total = db_col_int(st, 4);
}

enum ts_err
software_summary(struct app *app, const struct actor *who, int64_t cid,
		 const char *root_code, struct arena *a,
		 struct software_sum **out, size_t *n, struct diags *d)
{
	struct campaign c;
	const char *path = NULL;
	*out = NULL;
	*n = 0;
	enum ts_err e = campaign_get(app, who, cid, a, &c, d);
	if (e == TS_OK)
		e = campaign_root_path(app, who, root_code, &c, a, &path, d);
	if (e == TS_OK)
		e = actor_may(who, PK_OFFICE_REPORT, path, PA_VIEW,
			      root_code ? root_code : "đơn vị", d);
	if (e != TS_OK)
		return e;
	struct db_stmt *st = db_prep(app->db, SQL_SUM);
	if (st == NULL)
		return app_db_error(app, d, "tổng hợp phần mềm");
	db_bind_int(st, 1, cid);
	db_bind_text(st, 2, path);
	e = db_collect(st, a, sizeof(**out), (void **)out, n, fill_sum);
	return e == TS_EDB ? app_db_error(app, d, "tổng hợp phần mềm") : e;
}
