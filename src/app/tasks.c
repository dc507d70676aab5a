/* The landing page's task list: per open campaign, what the actor has to
 * do (a school) or what waits for it (an office). */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "org.h"
#include "tasks.h"

static const char SQL_OWN[] =
	"SELECT id, state, version, late FROM submission WHERE campaign_id = ? "
	"AND unit_id = ?";
static const char SQL_REASONS[] =
	"SELECT criterion_id, body FROM review_note WHERE submission_id = ? "
	"AND version = ? ORDER BY id";

static int64_t
days_to(const char *due_at, int64_t now)
{
	int64_t due;
	return ts_time_parse(due_at, &due) ? ts_time_vn_days(now, due) : 0;
}

static void
fill_reason(struct db_stmt *st, struct arena *a, void *p)
{
	struct task_reason *r = p;
	r->criterion_id = db_col_dup(st, 0, a);
	r->text = db_col_dup(st, 1, a);
}

static enum ts_err
read_reasons(struct app *app, int64_t sub_id, int version, struct arena *a,
	     struct school_task *t)
{
	struct db_stmt *st = db_prep(app->db, SQL_REASONS);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, sub_id);
	db_bind_int(st, 2, version);
	return db_collect(st, a, sizeof(*t->reasons), (void **)&t->reasons,
			  &t->nreasons, fill_reason);
}

/* The school's own submission in t->c: state, lateness, and the reasons
 * of the last return while it is returned. */
static enum ts_err
school_state(struct app *app, const struct actor *who, struct arena *a,
	     struct school_task *t)
{
	struct db_stmt *st = db_prep(app->db, SQL_OWN);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, t->c.id);
	db_bind_int(st, 2, who->unit_id);
	int64_t sub_id = 0;
	int version = 0;
	t->state = ST_NONE;
	if (db_step(st) == DB_ROW) {
		sub_id = db_col_int(st, 0);
		sub_state_parse(db_col_text(st, 1), &t->state);
		version = (int)db_col_int(st, 2);
		t->late = db_col_int(st, 3) != 0;
	}
	db_done(st);
	return t->state == ST_RETURNED
		       ? read_reasons(app, sub_id, version, a, t)
		       : TS_OK;
}

static enum ts_err
office_counts(struct app *app, const struct actor *who, struct arena *a,
	      struct office_task *t, struct diags *d)
{
	struct campaign_status st;
	enum ts_err e = campaign_status(app, who, t->c.id, NULL, a, &st, d);
	if (e != TS_OK)
		return e;
	t->expected = st.total.expected;
	t->waiting = st.total.by_state[ST_SUBMITTED];
	t->returned = st.total.by_state[ST_RETURNED];
	t->not_started = st.total.by_state[ST_NONE];
	return TS_OK;
}

static bool
opened(const struct campaign *c, int64_t now)
{
	int64_t t;
	return ts_time_parse(c->opens_at, &t) && t <= now;
}

/* The round is over: its review due (else its due) has passed. */
static bool
finished(const struct campaign *c, int64_t now)
{
	int64_t t;
	const char *end = c->review_due_at ? c->review_due_at : c->due_at;
	return ts_time_parse(end, &t) && t < now;
}

/* A finished round whose result is reviewed is no task any more (a past
 * year's round, issue 16). */
static enum ts_err
add_school_task(struct app *app, const struct actor *who, const char *unit_code,
		const struct campaign *c, int64_t now, struct arena *a,
		struct task_list *out, struct diags *d)
{
	struct school_task *t = &out->school[out->nschool++];
	t->c = *c;
	t->unit_code = unit_code;
	t->days_left = days_to(c->due_at, now);
	if (school_state(app, who, a, t) != TS_OK)
		return app_db_error(app, d, "đọc bản tự đánh giá");
	t->past = finished(c, now) && wf_reviewed(t->state);
	return TS_OK;
}

/* A finished round where nothing waits is no task any more. */
static enum ts_err
add_office_task(struct app *app, const struct actor *who,
		const struct campaign *c, int64_t now, struct arena *a,
		struct task_list *out, struct diags *d)
{
	struct office_task *t = &out->office[out->noffice++];
	t->c = *c;
	t->days_left = days_to(c->due_at, now);
	enum ts_err e = office_counts(app, who, a, t, d);
	if (e == TS_OK && finished(c, now) &&
	    t->waiting + t->returned + t->not_started == 0)
		out->noffice--;
	return e;
}

enum ts_err
tasks_of(struct app *app, const struct actor *who, struct arena *a,
	 struct task_list *out, struct diags *d)
{
	struct campaign *v = NULL;
	size_t n = 0;
	struct org_unit own = { .code = "" };
	memset(out, 0, sizeof(*out));
	out->desk = actor_may(who, PK_DESK, NULL, PA_VIEW, NULL, NULL) == TS_OK;
	enum ts_err e = campaign_list(app, who, a, &v, &n, d);
	if (e == TS_OK && !out->desk)
		e = org_get(app, who->unit_id, a, &own);
	if (e != TS_OK)
		return e;
	out->school = arena_calloc(a, n + 1, sizeof(*out->school));
	out->office = arena_calloc(a, n + 1, sizeof(*out->office));
	if (out->school == NULL || out->office == NULL)
		return TS_ENOMEM;
	int64_t now = ts_time_now();
	for (size_t i = 0; e == TS_OK && i < n; i++)
		if (v[i].expected > 0 && opened(&v[i], now))
			e = out->desk ? add_office_task(app, who, &v[i], now, a,
							out, d)
				      : add_school_task(app, who, own.code,
							&v[i], now, a, out, d);
	return e;
}
