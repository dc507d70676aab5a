/* A reminder digest: its words, and its claim and record through the
 * write door (reminder_int.h). */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "door.h"
#include "reminder_int.h"

const char *
digest_subject(struct arena *a, const struct digest *g)
{
	char s[600];
	snprintf(s, sizeof(s), "Nhắc hạn nộp bản tự đánh giá — %s",
		 g->first->name);
	return arena_strdup(a, s);
}

/* "còn 3 ngày", "hôm nay là hạn cuối", "đã quá hạn 2 ngày". */
static void
due_text(struct buf *b, const struct campaign *c)
{
	int64_t due, left;
	char day[TS_TIME_SIZE];
	if (!ts_time_parse(c->due_at, &due))
		return;
	left = ts_time_vn_days(ts_time_now(), due);
	buf_printf(b, "hạn nộp %s (", ts_time_vn_date(due, day));
	if (left > 0)
		buf_printf(b, "còn %lld ngày)", (long long)left);
	else if (left == 0)
		buf_puts(b, "hôm nay là hạn cuối)");
	else
		buf_printf(b, "đã quá hạn %lld ngày)", (long long)-left);
}

static void
campaign_line(struct buf *b, const struct remind_opts *o,
	      const struct due_row *r)
{
	buf_printf(b, "- %s: %s, ", r->c->title, sub_state_name(r->state));
	due_text(b, r->c);
	buf_puts(b, ".\n");
	if (o->base_url != NULL)
		buf_printf(b, "  %s/campaigns/%lld/units/%s\n", o->base_url,
			   (long long)r->c->id, r->code);
}

const char *
digest_body(struct arena *a, const struct remind_opts *o,
	    const struct digest *g)
{
	struct buf b;
	buf_init(&b, 64 << 10);
	buf_printf(&b, "Kính gửi %s,\n\n", g->first->name);
	buf_printf(&b,
		   "%s nhắc đơn vị hoàn thành và nộp bản tự đánh giá "
		   "trên truongso:\n\n",
		   g->sender);
	for (size_t i = 0; i < g->n; i++)
		campaign_line(&b, o, &g->first[i]);
	buf_puts(&b, "\nThư này được gửi tự động; mỗi đơn vị nhận nhiều nhất "
		     "một thư nhắc mỗi ngày. Nếu đơn vị đã nộp, xin bỏ qua thư "
		     "này.\n");
	const char *s = arena_strdup(a, buf_str(&b));
	buf_release(&b);
	return s;
}

struct step_in {
	const struct digest *g;
	bool sent;
	const char *reason;
	bool claimed; /* out of the claim */
};

/* The unit, seen by whoever sends: in their subtree. */
static enum ts_err
unit_resolve(struct door_ctx *c, struct door_target *t)
{
	const struct step_in *x = c->in;
	*t = (struct door_target){ PK_UNIT, x->g->first->path, POL_ANY_STATE,
				   x->g->first->code };
	return TS_OK;
}

static void
addresses(const struct digest *g, char *out, size_t n)
{
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < g->nto && k < n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s%s", i ? ", " : "",
				      g->to[i]);
}

static void
campaign_ids(const struct digest *g, char *out, size_t n)
{
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < g->n && k < n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s%lld", i ? ", " : "",
				      (long long)g->first[i].c->id);
}

static const char SQL_CLAIM[] =
	"INSERT INTO reminder(unit_id, day, status, recipients, campaigns, "
	"at, actor) VALUES (?1, ?2, 'sending', ?3, ?4, ?5, ?6) ON CONFLICT "
	"(unit_id, day) DO UPDATE SET status = 'sending', recipients = ?3, "
	"campaigns = ?4, at = ?5, actor = ?6 WHERE reminder.status = 'failed'";

static enum ts_err
claim_body(struct door_ctx *c)
{
	struct step_in *x = c->in;
	char to[600], ids[200], now[TS_TIME_SIZE];
	struct db_stmt *st = db_prep(c->app->db, SQL_CLAIM);
	if (st == NULL)
		return TS_EDB;
	addresses(x->g, to, sizeof(to));
	campaign_ids(x->g, ids, sizeof(ids));
	db_bind_int(st, 1, x->g->first->unit_id);
	db_bind_text(st, 2, x->g->day);
	db_bind_text(st, 3, to);
	db_bind_text(st, 4, ids);
	db_bind_text(st, 5, ts_time_format(ts_time_now(), now));
	db_bind_text(st, 6, c->who->login);
	enum ts_err e = db_exec_stmt(st);
	x->claimed = e == TS_OK && db_changes(c->app->db) > 0;
	c->object = NULL; /* the claim is not audited; what follows is */
	return e;
}

static const char SQL_DONE[] =
	"UPDATE reminder SET status = ? WHERE unit_id = ? AND day = ?";

static enum ts_err
record_body(struct door_ctx *c)
{
	struct step_in *x = c->in;
	char to[600], ids[200], *detail = arena_alloc(c->a, 1200);
	struct db_stmt *st = db_prep(c->app->db, SQL_DONE);
	if (st == NULL || detail == NULL)
		return st ? TS_ENOMEM : TS_EDB;
	db_bind_text(st, 1, x->sent ? "sent" : "failed");
	db_bind_int(st, 2, x->g->first->unit_id);
	db_bind_text(st, 3, x->g->day);
	enum ts_err e = db_exec_stmt(st);
	addresses(x->g, to, sizeof(to));
	campaign_ids(x->g, ids, sizeof(ids));
	if (x->sent)
		snprintf(detail, 1200, "tới %s; đợt %s", to, ids);
	else
		snprintf(detail, 1200, "tới %s; đợt %s; lỗi: %s", to, ids,
			 x->reason);
	c->action = x->sent ? "reminder.email" : "reminder.failed";
	c->object = x->g->first->code;
	c->detail = detail;
	return e;
}

static const struct door REMIND_CLAIM = {
	"reminder.claim", PA_REMIND,  "ghi thư nhắc", NULL,
	unit_resolve,	  claim_body,
};
static const struct door REMIND_RECORD = {
	"reminder.email", PA_REMIND,   "ghi thư nhắc", NULL,
	unit_resolve,	  record_body,
};

enum ts_err
remind_claim(struct app *app, const struct actor *who, const struct digest *g,
	     bool *claimed, struct diags *d)
{
	struct step_in x = { .g = g };
	enum ts_err e = door_run(app, who, &REMIND_CLAIM, &x, NULL, d);
	*claimed = e == TS_OK && x.claimed;
	return e;
}

enum ts_err
remind_record(struct app *app, const struct actor *who, const struct digest *g,
	      bool sent, const char *reason, struct diags *d)
{
	struct step_in x = { .g = g, .sent = sent, .reason = reason };
	return door_run(app, who, &REMIND_RECORD, &x, NULL, d);
}
