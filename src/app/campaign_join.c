/* Late joiners (issue 17 item 8): a school created after its campaign
 * was opened is added to the participants by the campaign's owner, with
 * the day it joined; a closed campaign (past its deadline) takes none. */
#include "campaign.h"

#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "door.h"
#include "org.h"
#include "results_cache.h"

struct join_in {
	int64_t id;
	const char *code;
	struct campaign cur;
	struct org_unit unit;
	char obj[32];
	char *joined; /* out, TS_TIME_SIZE (may be NULL) */
};

static size_t
join_texts(void *in, struct text_field *f)
{
	struct join_in *x = in;
	f[0] = (struct text_field){ "mã đơn vị", &x->code, 64, TEXT_REQUIRED };
	return 1;
}

/* The campaign, owned by the unit whose admins (and those above) may
 * change it. */
static enum ts_err
join_resolve(struct door_ctx *c, struct door_target *t)
{
	struct join_in *x = c->in;
	return campaign_door_target(c, x->id, &x->cur, x->obj, t);
}

/* When the campaign was created (its participants were fixed then) and
 * when the unit was entered into the tree, as stored. */
static enum ts_err
created_at(struct app *app, int64_t id, int64_t unit_id,
	   char camp[TS_TIME_SIZE], char unit[TS_TIME_SIZE])
{
	struct db_stmt *st = db_prep(
		app->db,
		"SELECT c.created_at, "
		"o.created_at FROM campaign c, org_unit o WHERE c.id = ? AND "
		"o.id = ?");
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, unit_id);
	enum db_step r = db_step(st);
	snprintf(camp, TS_TIME_SIZE, "%s",
		 r == DB_ROW ? db_col_text(st, 0) : "");
	snprintf(unit, TS_TIME_SIZE, "%s",
		 r == DB_ROW ? db_col_text(st, 1) : "");
	db_done(st);
	return r == DB_ROW ? TS_OK : TS_EDB;
}

/* Why unit u cannot join campaign k now (at now), or NULL. */
static const char *
refusal(const struct campaign *k, const struct org_unit *u,
	char created[2][TS_TIME_SIZE], int64_t now, char *buf, size_t size)
{
	int64_t due = 0;
	char day[TS_TIME_SIZE];
	size_t n = strlen(k->owner_path);
	if (ts_time_parse(k->due_at, &due) && now > due) {
		snprintf(buf, size,
			 "đợt đánh giá đã hết hạn nộp (%s): danh "
			 "sách đơn vị tham gia đã chốt, không thêm được",
			 ts_time_vn_date(due, day));
		return buf;
	}
	if (!org_kind_is_school(u->kind))
		return "chỉ thêm được trường hoặc trung tâm";
	if (strncmp(u->path, k->owner_path, n) != 0)
		return "đơn vị không thuộc đơn vị chủ trì đợt đánh giá";
	if (u->active_to != NULL)
		return "đơn vị đã đóng";
	if ((u->levels & k->levels) == 0)
		return "đơn vị không dạy cấp học nào của đợt đánh giá";
	if (strcmp(created[1], created[0]) <= 0)
		return "đơn vị đã có từ trước khi mở đợt; danh sách tham gia "
		       "được chốt lúc mở đợt, chỉ thêm được đơn vị lập sau đó";
	return NULL;
}

static enum ts_err
insert_joiner(struct app *app, const struct join_in *x, const char *at)
{
	struct db_stmt *st =
		db_prep(app->db,
			"INSERT INTO campaign_unit(campaign_id, unit_id, path, "
			"school_levels, joined_at) VALUES (?, ?, ?, ?, ?)");
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, x->id);
	db_bind_int(st, 2, x->unit.id);
	db_bind_text(st, 3, x->unit.path);
	db_bind_int(st, 4, x->unit.levels & x->cur.levels);
	db_bind_text(st, 5, at);
	return db_exec_stmt(st);
}

static enum ts_err
join_body(struct door_ctx *c)
{
	struct join_in *x = c->in;
	char created[2][TS_TIME_SIZE], at[TS_TIME_SIZE], why[300];
	char day[TS_TIME_SIZE];
	int64_t now = ts_time_now();
	enum ts_err e = org_find_named(c->app, x->code, c->a, &x->unit, c->d);
	if (e == TS_OK && (e = created_at(c->app, x->id, x->unit.id, created[0],
					  created[1])) != TS_OK)
		return e;
	const char *no = e == TS_OK ? refusal(&x->cur, &x->unit, created, now,
					      why, sizeof(why))
				    : NULL;
	if (no != NULL) {
		diags_add(c->d, x->code, "%s", no);
		return TS_EINVAL;
	}
	ts_time_format(now, at);
	if (e == TS_OK && (e = insert_joiner(c->app, x, at)) == TS_ECONFLICT)
		diags_add(c->d, x->code, "đơn vị đã tham gia đợt đánh giá này");
	if (e == TS_OK)
		e = results_changed(c->app, x->id, x->unit.id);
	char *detail = e == TS_OK ? arena_alloc(c->a, 300) : NULL;
	if (e == TS_OK && detail == NULL)
		e = TS_ENOMEM;
	if (e != TS_OK)
		return e;
	snprintf(detail, 300, "%s %s, tham gia từ %s (%s)", x->unit.code,
		 x->unit.name, ts_time_vn_date(now, day), at);
	c->object = x->obj;
	c->detail = detail;
	if (x->joined != NULL)
		snprintf(x->joined, TS_TIME_SIZE, "%s", at);
	return TS_OK;
}

static const struct door CAMPAIGN_JOIN = {
	"campaign.join", PA_CHANGE,    "thêm đơn vị vào đợt đánh giá",
	join_texts,	 join_resolve, join_body,
};

enum ts_err
campaign_join(struct app *app, const struct actor *who, int64_t id,
	      const char *unit_code, char *joined, struct diags *d)
{
	struct join_in x = { .id = id, .code = unit_code, .joined = joined };
	return door_run(app, who, &CAMPAIGN_JOIN, &x, NULL, d);
}
