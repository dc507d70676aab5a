/* An office's own answers for a statistics campaign (stats_office_*). */
#include "stats.h"
#include "stats_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "door.h"
#include "fileio.h"
#include "indicator_set.h"
#include "org.h"
#include "stored_file.h"

/* The office, checked to be an office of the campaign's tree. */
static enum ts_err
find_office(struct app *app, const struct actor *who, int64_t cid,
	    const char *code, struct arena *a, struct org_unit *u,
	    struct diags *d)
{
	struct campaign c;
	enum ts_err e = campaign_get(app, who, cid, a, &c, d);
	if (e == TS_OK)
		e = org_find_named(app, code, a, u, d);
	if (e != TS_OK)
		return e;
	if (u->kind == KIND_TRUONG || u->kind == KIND_TRUNG_TAM ||
	    scope_of(c.owner_path, u->path) == SCOPE_OUTSIDE) {
		diags_add(d, code,
			  "chỉ cơ quan chủ trì đợt thống kê hoặc cơ "
			  "quan cấp dưới của cơ quan đó mới có câu trả lời "
			  "riêng");
		return TS_EINVAL;
	}
	return TS_OK;
}

static enum ts_err
write_row(struct app *app, const struct actor *who, int64_t cid,
	  const struct org_unit *u, const struct ind_set *s, const char *text)
{
	static const char sql[] =
		"INSERT INTO stats_office(campaign_id, unit_id, indicators_id, "
		"indicators_version, answers, updated_at, updated_by) VALUES "
		"(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (campaign_id, "
		"unit_id) DO UPDATE SET indicators_id = ?3, indicators_version "
		"= ?4, answers = ?5, revision = stats_office.revision + 1, "
		"updated_at = ?6, updated_by = ?7";
	char now[TS_TIME_SIZE], obj[128];
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, cid);
	db_bind_int(st, 2, u->id);
	db_bind_text(st, 3, s->id);
	db_bind_int(st, 4, s->version);
	db_bind_text(st, 5, text);
	db_bind_text(st, 6, ts_time_format(ts_time_now(), now));
	db_bind_text(st, 7, who->login);
	enum ts_err e = db_exec_stmt(st);
	snprintf(obj, sizeof(obj), "stats-office:%lld/%s", (long long)cid,
		 u->code);
	return e == TS_OK ? audit_add(app, who, "stats.office", obj, NULL) : e;
}

/* The office set by ref from data_dir, with its file's body. */
enum ts_err
stats_office_set_load(const char *data_dir, const char *ref,
		      struct ind_sets *sets, const struct ind_set **s,
		      char **body, size_t *len, const char **path,
		      struct diags *d)
{
	struct buf dir;
	buf_init(&dir, 4096);
	buf_printf(&dir, "%s/indicators", data_dir);
	enum ts_err e = ind_sets_load(buf_str(&dir), sets, d);
	buf_release(&dir);
	*s = e == TS_OK && ref ? ind_sets_find(sets, ref) : NULL;
	if (e == TS_OK && (*s == NULL || (*s)->scope != IND_SCOPE_OFFICE)) {
		diags_add(d, ref ? ref : "",
			  "không có bộ câu hỏi của cơ quan "
			  "này (xem: truongso indicators list)");
		e = TS_EINVAL;
	}
	for (size_t i = 0; e == TS_OK && i < sets->n; i++)
		if (sets->v[i] == *s)
			*path = sets->paths[i];
	if (e == TS_OK)
		e = file_read_all(*path, INPUT_FILE_LIMIT, body, len, d);
	return e;
}

/* Only the office's own staff answer for it (the policy's office
 * report): not a school's, nor a higher office's; worded for this page. */
static enum ts_err
office_own(const struct actor *who, const struct org_unit *u,
	   const char *office_code, struct diags *d)
{
	if (actor_may(who, PK_OFFICE_REPORT, u->path, PA_CHANGE, NULL, NULL) ==
	    TS_OK)
		return TS_OK;
	diags_add(d, office_code,
		  "chỉ chuyên viên hoặc quản trị của "
		  "chính cơ quan này mới nhập câu trả lời của cơ quan");
	return TS_EFORBIDDEN;
}

/* The office's answers: the door's input. The set's file (body, len,
 * path) is stored with them. */
struct office_job {
	int64_t cid;
	const char *code;
	const struct ind_set *s;
	const char *body, *path, *text;
	size_t len;
	struct org_unit u;
};

/* The office inside the transaction; office_own words a refusal, and
 * the policy (an office's own report) agrees. */
static enum ts_err
office_resolve(struct door_ctx *c, struct door_target *t)
{
	struct office_job *j = c->in;
	enum ts_err e = find_office(c->app, c->who, j->cid, j->code, c->a,
				    &j->u, c->d);
	if (e == TS_OK)
		e = office_own(c->who, &j->u, j->code, c->d);
	*t = (struct door_target){ PK_OFFICE_REPORT, j->u.path, POL_ANY_STATE,
				   j->code };
	return e;
}

static enum ts_err
office_body(struct door_ctx *c)
{
	const struct office_job *j = c->in;
	enum ts_err e = stored_file_put(c->app, STORED_INDICATOR_SET, j->s->id,
					j->s->version, j->body, j->len, j->path,
					c->d);
	if (e == TS_OK)
		e = write_row(c->app, c->who, j->cid, &j->u, j->s, j->text);
	return e;
}

static const struct door OFFICE_SAVE = {
	"stats.office", PA_CHANGE,	"ghi câu trả lời của cơ quan",
	NULL,		office_resolve, office_body,
};

enum ts_err
stats_office_save(struct app *app, const struct actor *who,
		  const char *data_dir, int64_t cid, const char *office_code,
		  const char *set_ref, const char *json, struct diags *d)
{
	struct arena *a = arena_new();
	struct org_unit u;
	struct ind_sets sets = { 0 };
	const struct ind_set *s = NULL;
	struct ind_values *v = NULL;
	char *body = NULL, *text = NULL;
	size_t len = 0;
	const char *path = NULL;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = find_office(app, who, cid, office_code, a, &u, d);
	if (e == TS_OK)
		e = office_own(who, &u, office_code, d);
	if (e == TS_OK)
		e = stats_office_set_load(data_dir, set_ref, &sets, &s, &body,
					  &len, &path, d);
	if (e == TS_OK)
		e = ind_values_parse(s, json, strlen(json), office_code, &v, d);
	json_t *j = e == TS_OK ? ind_values_to_json(v) : NULL;
	text = j ? json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(j);
	if (e == TS_OK && text == NULL)
		e = TS_ENOMEM;
	struct office_job job = { cid,	office_code, s,	  body,
				  path, text,	     len, { 0 } };
	if (e == TS_OK)
		e = door_run(app, who, &OFFICE_SAVE, &job, NULL, d);
	free(text);
	free(body);
	ind_values_free(v);
	ind_sets_release(&sets);
	arena_free(a);
	return e;
}

enum ts_err
stats_office_get(struct app *app, const struct actor *who, int64_t cid,
		 const char *office_code, struct arena *a, const char **json,
		 struct diags *d)
{
	static const char sql[] =
		"SELECT answers FROM stats_office WHERE campaign_id = ? AND "
		"unit_id = ?";
	struct org_unit u;
	*json = NULL;
	enum ts_err e = org_find_named(app, office_code, a, &u, d);
	/* the policy first: a school's account is refused (403), not told
	 * that its school has no office answers */
	if (e == TS_OK)
		e = actor_may(who, PK_OFFICE_REPORT, u.path, PA_VIEW,
			      office_code, d);
	if (e == TS_OK)
		e = find_office(app, who, cid, office_code, a, &u, d);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, sql) : NULL;
	if (e == TS_OK && st == NULL)
		return app_db_error(app, d, "đọc câu trả lời của cơ quan");
	if (st == NULL)
		return e;
	db_bind_int(st, 1, cid);
	db_bind_int(st, 2, u.id);
	if (db_step(st) == DB_ROW)
		*json = db_col_dup(st, 0, a);
	return db_finish(st) == TS_OK
		       ? TS_OK
		       : app_db_error(app, d, "đọc câu trả lời của cơ quan");
}
