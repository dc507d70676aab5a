/* The org tree over time (migration 0012): org_parent says under which
 * unit each unit sat, from which day. org_unit keeps today's tree; these
 * rows let a campaign freeze the tree as it was on its opening day. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "org_int.h"

void
org_today(char day[11])
{
	char now[TS_TIME_SIZE];
	snprintf(day, 11, "%.10s",
		 ts_time_format(ts_time_now() + TS_VN_OFFSET, now));
}

enum ts_err
org_parent_start(struct app *app, int64_t unit, int64_t parent, const char *day)
{
	static const char sql[] =
		"INSERT INTO org_parent(unit_id, parent_id, valid_from, "
		"valid_to) VALUES (?, ?, ?, NULL)";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, unit);
	if (parent != 0)
		db_bind_int(st, 2, parent);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, day);
	return db_exec_stmt(st);
}

/* The first day of the unit's current row ("" when it has none: a unit
 * written before migration 0012 by something other than this program). */
static enum ts_err current_from(struct app *app, int64_t unit, char out[11]);

enum ts_err
org_parent_since(struct app *app, int64_t unit, char out[11])
{
	return current_from(app, unit, out);
}

static enum ts_err
current_from(struct app *app, int64_t unit, char out[11])
{
	static const char sql[] =
		"SELECT valid_from FROM org_parent WHERE unit_id = ? AND "
		"valid_to IS NULL";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, unit);
	enum db_step r = db_step(st);
	out[0] = '\0';
	if (r == DB_ROW)
		snprintf(out, 11, "%s", db_col_text(st, 0));
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

static enum ts_err
set_current(struct app *app, int64_t unit, int64_t parent)
{
	static const char sql[] =
		"UPDATE org_parent SET parent_id = ? WHERE unit_id = ? AND "
		"valid_to IS NULL";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, parent);
	db_bind_int(st, 2, unit);
	return db_exec_stmt(st);
}

static enum ts_err
end_current(struct app *app, int64_t unit, const char *day)
{
	static const char sql[] =
		"UPDATE org_parent SET valid_to = ? WHERE unit_id = ? AND "
		"valid_to IS NULL";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, day);
	db_bind_int(st, 2, unit);
	return db_exec_stmt(st);
}

enum ts_err
org_parent_change(struct app *app, const struct org_unit *u, int64_t parent,
		  const char *day)
{
	char from[11];
	enum ts_err e = current_from(app, u->id, from);
	if (e != TS_OK)
		return e;
	/* Moved twice on one day: the day keeps the last parent. */
	if (strcmp(day, from) == 0)
		return set_current(app, u->id, parent);
	if (from[0] != '\0')
		e = end_current(app, u->id, day);
	return e == TS_OK ? org_parent_start(app, u->id, parent, day) : e;
}

const char *
org_move_day_problem(const char *day)
{
	int64_t t;
	char today[11];
	if (day == NULL)
		return NULL;
	if (strlen(day) != 10 || !ts_time_parse(day, &t))
		return "ngày chuyển phải có dạng YYYY-MM-DD";
	org_today(today);
	if (strcmp(day, today) > 0)
		return "ngày chuyển không được sau hôm nay";
	return NULL;
}

/* A day before the unit, or its new parent, existed would put it in a
 * tree that was not there; one before its current row would rewrite
 * history that campaigns may have frozen. */
enum ts_err
org_move_day_why(struct app *app, const struct org_unit *u,
		 const struct org_unit *p, const char *day, struct arena *a,
		 const char **why)
{
	char from[11], today[11];
	*why = org_move_day_problem(day);
	if (*why != NULL)
		return TS_OK;
	org_today(today);
	const char *d = day ? day : today;
	enum ts_err e = current_from(app, u->id, from);
	if (e != TS_OK)
		return e;
	*why = NULL;
	/* Days as users read them (dd/mm/yyyy): the page shows these. */
	char dv[TS_TIME_SIZE], av[TS_TIME_SIZE];
	ts_day_vn(d, dv);
	if (u->active_from && strcmp(d, u->active_from) < 0)
		*why = arena_printf(a,
				    "ngày chuyển %s trước ngày đơn vị bắt "
				    "đầu hoạt động (%s)",
				    dv, ts_day_vn(u->active_from, av));
	else if (p->active_from && strcmp(d, p->active_from) < 0)
		*why = arena_printf(a,
				    "ngày chuyển %s trước ngày đơn vị cấp "
				    "trên mới %s bắt đầu hoạt động (%s)",
				    dv, p->code, ts_day_vn(p->active_from, av));
	else if (strcmp(d, from) < 0)
		*why = arena_printf(a,
				    "ngày chuyển %s trước ngày đơn vị về "
				    "đơn vị cấp trên hiện tại (%s)",
				    dv, ts_day_vn(from, av));
	else
		return TS_OK;
	return *why ? TS_OK : TS_ENOMEM;
}

/* The unit's parent on day: its row in force then, else (a unit opened
 * later) its first row, else (no history) today's parent. */
enum ts_err
org_parent_at(struct app *app, const struct org_unit *u, const char *day,
	      int64_t *parent)
{
	static const char sql[] =
		"SELECT parent_id FROM org_parent WHERE unit_id = ?1 ORDER BY "
		"valid_from <= ?2 DESC, CASE WHEN valid_from <= ?2 THEN "
		"valid_from END DESC, valid_from LIMIT 1";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, u->id);
	db_bind_text(st, 2, day);
	enum db_step r = db_step(st);
	*parent = r == DB_ROW ? db_col_int(st, 0) : u->parent_id;
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}
