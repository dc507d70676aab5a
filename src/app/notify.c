/* A school's notifications: deadlines from its tasks, and the office's
 * steps on its submissions from their revision history (an index range
 * per campaign). */
#include "notify.h"

#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"

/* The office's steps (?3 return, ?4 approve, ?5 publish) on the school's
 * submission in one campaign since ?6, with the acting account's unit. */
static const char SQL_STEPS[] =
	"SELECT r.action, r.at, coalesce(ou.name, r.author) FROM submission s "
	"JOIN submission_revision r ON r.submission_id = s.id LEFT JOIN "
	"app_user u ON u.login = r.author LEFT JOIN org_unit ou ON ou.id = "
	"u.org_unit_id WHERE s.campaign_id = ?1 AND s.unit_id = (SELECT id "
	"FROM org_unit WHERE code = ?2) AND r.action IN (?3, ?4, ?5) AND "
	"r.at >= ?6 ORDER BY r.at DESC LIMIT 20";
static const char *const STEPS[3] = { "submission.return", "submission.approve",
				      "submission.publish" };

static bool
open_state(enum sub_state s)
{
	return s == ST_NONE || s == ST_DRAFT || s == ST_RETURNED;
}

static enum ts_err
steps(struct app *app, const struct school_task *t, const char *since,
      struct arena *a, struct notice *v, size_t *n)
{
	struct db_stmt *st = db_prep(app->db, SQL_STEPS);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, t->c.id);
	db_bind_text(st, 2, t->unit_code);
	for (int i = 0; i < 3; i++)
		db_bind_text(st, 3 + i, STEPS[i]);
	db_bind_text(st, 6, since);
	enum db_step r;
	while ((r = db_step(st)) == DB_ROW && *n < NOTICE_MAX) {
		const char *act = db_col_text(st, 0);
		struct notice *x = &v[(*n)++];
		x->kind = strcmp(act, STEPS[0]) == 0   ? NOTICE_RETURNED
			  : strcmp(act, STEPS[1]) == 0 ? NOTICE_APPROVED
						       : NOTICE_PUBLISHED;
		x->c = &t->c;
		x->unit_code = t->unit_code;
		x->at = db_col_dup(st, 1, a);
		x->by = db_col_dup(st, 2, a);
	}
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

/* Newest step first; deadlines (no time) stay ahead of them. */
static int
by_time(const void *pa, const void *pb)
{
	const struct notice *a = pa, *b = pb;
	if ((a->at == NULL) != (b->at == NULL))
		return a->at == NULL ? -1 : 1;
	return a->at ? strcmp(b->at, a->at) : 0;
}

enum ts_err
notices_of(struct app *app, const struct task_list *l, struct arena *a,
	   struct notice **out, size_t *n)
{
	char since[TS_TIME_SIZE];
	struct notice *v = arena_calloc(a, NOTICE_MAX, sizeof(*v));
	*out = v;
	*n = 0;
	if (v == NULL)
		return TS_ENOMEM;
	ts_time_format(ts_time_now() - (int64_t)NOTICE_DAYS * 86400, since);
	for (size_t i = 0; i < l->nschool && *n < NOTICE_MAX; i++) {
		const struct school_task *t = &l->school[i];
		if (!open_state(t->state) || t->days_left < 0 ||
		    t->days_left > TASK_NEAR_DAYS)
			continue;
		v[*n] = (struct notice){
			NOTICE_DEADLINE, &t->c, t->unit_code, NULL, NULL,
			t->days_left
		};
		(*n)++;
	}
	for (size_t i = 0; i < l->nschool && *n < NOTICE_MAX; i++)
		if (steps(app, &l->school[i], since, a, v, n) != TS_OK)
			return TS_EDB;
	qsort(v, *n, sizeof(*v), by_time);
	return TS_OK;
}
