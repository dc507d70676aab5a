/* Reminder digests: who has not submitted, to which addresses, claimed,
 * sent, recorded (reminder.h). */
#include "reminder_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "org.h"

/* States bound: ?3 none, ?4 draft, ?5 returned. */
static const char SQL_DUE[] =
	"SELECT o.id, o.code, o.name, o.path, coalesce(s.state, ?3), o.email "
	"FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id LEFT JOIN "
	"submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
	"cu.unit_id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path", "?2") " AND coalesce(s.state, ?3) IN (?3, ?4, ?5)";
static const char SQL_ACCOUNTS[] =
	"SELECT email FROM app_user WHERE org_unit_id = ? AND disabled = 0 "
	"AND email IS NOT NULL AND role IN (?, ?) ORDER BY login";

struct rows {
	struct due_row *v;
	size_t n, cap;
};

static bool
rows_add(struct rows *r, struct arena *a, struct db_stmt *st,
	 const struct campaign *c)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 256;
		struct due_row *w = arena_calloc(a, cap, sizeof(*w));
		if (w == NULL)
			return false;
		if (r->n)
			memcpy(w, r->v, r->n * sizeof(*w));
		r->v = w;
		r->cap = cap;
	}
	struct due_row *x = &r->v[r->n++];
	x->unit_id = db_col_int(st, 0);
	x->code = db_col_dup(st, 1, a);
	x->name = db_col_dup(st, 2, a);
	x->path = db_col_dup(st, 3, a);
	sub_state_parse(db_col_text(st, 4), &x->state);
	x->email = db_col_dup(st, 5, a);
	x->c = c;
	return x->code && x->name && x->path;
}

/* The units under the root not submitted in campaign id. */
static enum ts_err
collect(struct app *app, const struct actor *who, int64_t id, const char *root,
	struct arena *a, struct rows *r, struct diags *d)
{
	struct campaign *c = arena_calloc(a, 1, sizeof(*c));
	const char *path = NULL;
	enum ts_err e = c ? campaign_get(app, who, id, a, c, d) : TS_ENOMEM;
	if (e == TS_OK)
		e = campaign_root_path(app, who, root, c, a, &path, d);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, SQL_DUE) : NULL;
	if (e == TS_OK && st == NULL)
		return app_db_error(app, d, "đọc đơn vị chưa nộp");
	if (e != TS_OK)
		return e;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, path);
	db_bind_text(st, 3, sub_state_code(ST_NONE));
	db_bind_text(st, 4, sub_state_code(ST_DRAFT));
	db_bind_text(st, 5, sub_state_code(ST_RETURNED));
	enum db_step s;
	while ((s = db_step(st)) == DB_ROW && e == TS_OK)
		e = rows_add(r, a, st, c) ? TS_OK : TS_ENOMEM;
	db_done(st);
	return s == DB_ERROR ? app_db_error(app, d, "đọc đơn vị chưa nộp") : e;
}

static int
by_unit(const void *pa, const void *pb)
{
	const struct due_row *a = pa, *b = pb;
	if (a->unit_id != b->unit_id)
		return a->unit_id < b->unit_id ? -1 : 1;
	return a->c->id < b->c->id ? -1 : a->c->id > b->c->id;
}

static void
add_to(struct digest *g, const char *addr)
{
	for (size_t i = 0; i < g->nto; i++)
		if (strcmp(g->to[i], addr) == 0)
			return;
	if (g->nto < REMIND_MAX_TO)
		g->to[g->nto++] = addr;
}

/* The unit's address and its school accounts'. */
static enum ts_err
recipients(struct app *app, struct arena *a, struct digest *g)
{
	struct db_stmt *st = db_prep(app->db, SQL_ACCOUNTS);
	if (st == NULL)
		return TS_EDB;
	g->nto = 0;
	if (g->first->email != NULL)
		add_to(g, g->first->email);
	db_bind_int(st, 1, g->first->unit_id);
	db_bind_text(st, 2, role_code(ROLE_SCHOOL_HEAD));
	db_bind_text(st, 3, role_code(ROLE_SCHOOL_EDITOR));
	enum db_step s;
	while ((s = db_step(st)) == DB_ROW) {
		const char *m = db_col_dup(st, 0, a);
		if (m != NULL)
			add_to(g, m);
	}
	db_done(st);
	return s == DB_ERROR ? TS_EDB : TS_OK;
}

/* The next unit's digest from r->v[*i], its recipients read. */
static enum ts_err
next_digest(struct app *app, struct arena *a, const struct rows *r, size_t *i,
	    struct digest *g)
{
	size_t k = *i;
	while (k < r->n && r->v[k].unit_id == r->v[*i].unit_id)
		k++;
	g->first = &r->v[*i];
	g->n = k - *i;
	*i = k;
	return recipients(app, a, g);
}

/* Claim, send, record one digest; counts it in out. */
static enum ts_err
one_digest(struct app *app, const struct actor *who,
	   const struct remind_opts *o, struct arena *a, struct digest *g,
	   struct remind_report *out, struct diags *d)
{
	bool claimed = false;
	enum ts_err e = remind_claim(app, who, g, &claimed, d);
	if (e != TS_OK || !claimed) {
		out->already += e == TS_OK;
		return e;
	}
	struct diags why;
	diags_init(&why);
	struct mail m = { g->to, g->nto, digest_subject(a, g),
			  digest_body(a, o, g) };
	enum ts_err sent = m.subject && m.body ? mail_send(o->relay, &m, &why)
					       : TS_ENOMEM;
	const char *reason = why.n ? why.v[0].msg : "không đủ bộ nhớ";
	e = remind_record(app, who, g, sent == TS_OK, reason, d);
	if (sent != TS_OK)
		diags_add(d, g->first->code, "%s", reason);
	out->sent += sent == TS_OK;
	out->failed += sent != TS_OK;
	diags_release(&why);
	return e;
}

static enum ts_err
send_all(struct app *app, const struct actor *who, const struct remind_opts *o,
	 struct arena *a, const struct rows *r, struct remind_report *out,
	 struct diags *d)
{
	struct digest g = { 0 };
	enum ts_err e = TS_OK;
	char iso[TS_TIME_SIZE];
	ts_time_format(ts_time_now() + TS_VN_OFFSET, iso);
	snprintf(g.day, sizeof(g.day), "%.10s", iso); /* the Vietnam day */
	out->no_address = arena_calloc(a, r->n + 1, sizeof(*out->no_address));
	if (out->no_address == NULL)
		return TS_ENOMEM;
	struct org_unit me;
	if (who->unit_id && org_get(app, who->unit_id, a, &me) == TS_OK)
		g.sender = me.name;
	for (size_t i = 0; i < r->n && e == TS_OK;) {
		e = next_digest(app, a, r, &i, &g);
		if (g.sender == NULL || !who->unit_id)
			g.sender = g.first->c->owner_name;
		out->units++;
		if (e == TS_OK && g.nto == 0)
			out->no_address[out->nno_address++] = g.first->code;
		else if (e == TS_OK)
			e = one_digest(app, who, o, a, &g, out, d);
	}
	return e == TS_EDB ? app_db_error(app, d, "gửi thư nhắc") : e;
}

enum ts_err
remind_run(struct app *app, const struct actor *who,
	   const struct remind_opts *o, struct arena *a,
	   struct remind_report *out, struct diags *d)
{
	struct rows r = { 0 };
	memset(out, 0, sizeof(*out));
	enum ts_err e = actor_may(who, PK_UNIT, NULL, PA_REMIND, who->login, d);
	for (size_t i = 0; i < o->ncampaigns && e == TS_OK; i++)
		e = collect(app, who, o->campaigns[i], o->unit, a, &r, d);
	if (e != TS_OK)
		return e;
	if (r.n > 1)
		qsort(r.v, r.n, sizeof(*r.v), by_unit);
	return send_all(app, who, o, a, &r, out, d);
}
