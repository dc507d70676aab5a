/* The figures of a school year before truongso, typed by an office for
 * Phụ lục 6, section III (stats_typed_*): one answer per office and year,
 * to the office set STATS_TYPED_SET, kept as stats_office keeps an
 * office's answers and written through the door (audited). */
#include "stats.h"
#include "stats_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "door.h"
#include "org.h"
#include "stored_file.h"

/* "2022-2023": two years, the second the first plus one. */
static enum ts_err
check_year(const char *year, struct diags *d)
{
	int y1 = 0, y2 = 0, n = 0;
	if (year && strlen(year) == 9 &&
	    sscanf(year, "%4d-%4d%n", &y1, &y2, &n) == 2 && n == 9 &&
	    y1 >= 2000 && y2 == y1 + 1)
		return TS_OK;
	diags_add(d, year ? year : "năm học",
		  "năm học phải có dạng 2022-2023 (hai năm liền nhau)");
	return TS_EINVAL;
}

/* The office, never a school: only offices type province figures. */
static enum ts_err
find_office(struct app *app, const char *code, struct arena *a,
	    struct org_unit *u, struct diags *d)
{
	enum ts_err e = org_find_named(app, code, a, u, d);
	if (e == TS_OK && org_kind_is_school(u->kind)) {
		diags_add(d, code,
			  "chỉ cơ quan quản lý mới nhập số liệu các năm "
			  "học trước");
		return TS_EINVAL;
	}
	return e;
}

struct typed_job {
	const char *code, *year, *text, *body, *path;
	const struct ind_set *s;
	size_t len;
	struct org_unit u;
};

static enum ts_err
typed_resolve(struct door_ctx *c, struct door_target *t)
{
	struct typed_job *j = c->in;
	enum ts_err e = find_office(c->app, j->code, c->a, &j->u, c->d);
	*t = (struct door_target){ PK_OFFICE_REPORT,
				   e == TS_OK ? j->u.path : NULL, POL_ANY_STATE,
				   j->code };
	return e;
}

static enum ts_err
typed_body(struct door_ctx *c)
{
	static const char sql[] =
		"INSERT INTO stats_typed(unit_id, school_year, indicators_id, "
		"indicators_version, answers, updated_at, updated_by) VALUES "
		"(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (unit_id, "
		"school_year) DO UPDATE SET indicators_id = ?3, "
		"indicators_version = ?4, answers = ?5, revision = "
		"stats_typed.revision + 1, updated_at = ?6, updated_by = ?7";
	const struct typed_job *j = c->in;
	char now[TS_TIME_SIZE];
	enum ts_err e = stored_file_put(c->app, STORED_INDICATOR_SET, j->s->id,
					j->s->version, j->body, j->len, j->path,
					c->d);
	struct db_stmt *st = e == TS_OK ? db_prep(c->app->db, sql) : NULL;
	if (st == NULL)
		return e == TS_OK ? TS_EDB : e;
	db_bind_int(st, 1, j->u.id);
	db_bind_text(st, 2, j->year);
	db_bind_text(st, 3, j->s->id);
	db_bind_int(st, 4, j->s->version);
	db_bind_text(st, 5, j->text);
	db_bind_text(st, 6, ts_time_format(ts_time_now(), now));
	db_bind_text(st, 7, c->who->login);
	e = db_exec_stmt(st);
	c->object = arena_printf(c->a, "stats-typed:%s/%s", j->code, j->year);
	return e;
}

static const struct door TYPED_SAVE = {
	"stats.typed", PA_CHANGE,     "ghi số liệu năm học trước",
	NULL,	       typed_resolve, typed_body,
};

/* The values checked against the set, as stored (sorted, compact). */
static enum ts_err
typed_text(const struct ind_set *s, const char *json, const char *where,
	   char **text, struct diags *d)
{
	struct ind_values *v = NULL;
	struct ind_check chk;
	ind_check_init(&chk);
	enum ts_err e = ind_values_parse(s, json, strlen(json), where, &v, d);
	if (e == TS_OK) /* a part above its whole, a rate over 100% */
		ind_check_run(v, (LEVEL_GDTX << 1) - 1, NULL, &chk);
	for (size_t i = 0; e == TS_OK && i < chk.errors.n; i++)
		diags_add(d, chk.errors.v[i].where, "%s", chk.errors.v[i].msg);
	if (e == TS_OK && chk.errors.n > 0)
		e = TS_EINVAL;
	ind_check_release(&chk);
	json_t *j = e == TS_OK ? ind_values_to_json(v) : NULL;
	*text = j ? json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(j);
	ind_values_free(v);
	return e == TS_OK && *text == NULL ? TS_ENOMEM : e;
}

enum ts_err
stats_typed_save(struct app *app, const struct actor *who, const char *data_dir,
		 const char *office_code, const char *year, const char *json,
		 struct diags *d)
{
	struct ind_sets sets = { 0 };
	struct typed_job job = { office_code, year, NULL, NULL,
				 NULL,	      NULL, 0,	  { 0 } };
	char *body = NULL, *text = NULL;
	struct arena *a = arena_new();
	enum ts_err e = a ? check_year(year, d) : TS_ENOMEM;
	/* who and where first: no value is judged for someone refused */
	if (e == TS_OK)
		e = find_office(app, office_code, a, &job.u, d);
	if (e == TS_OK)
		e = actor_may(who, PK_OFFICE_REPORT, job.u.path, PA_CHANGE,
			      office_code, d);
	arena_free(a);
	if (e == TS_OK)
		e = stats_office_set_load(data_dir, STATS_TYPED_SET, &sets,
					  &job.s, &body, &job.len, &job.path,
					  d);
	if (e == TS_OK)
		e = typed_text(job.s, json, year, &text, d);
	job.body = body;
	job.text = text;
	if (e == TS_OK)
		e = door_run(app, who, &TYPED_SAVE, &job, NULL, d);
	free(text);
	free(body);
	ind_sets_release(&sets);
	return e;
}

enum ts_err
stats_typed_get(struct app *app, const struct actor *who,
		const char *office_code, const char *year, struct arena *a,
		struct stats_typed *out, struct diags *d)
{
	static const char sql[] =
		"SELECT answers, updated_by, updated_at FROM stats_typed WHERE "
		"unit_id = ? AND school_year = ?";
	struct org_unit u;
	memset(out, 0, sizeof(*out));
	enum ts_err e = check_year(year, d);
	if (e == TS_OK)
		e = find_office(app, office_code, a, &u, d);
	if (e == TS_OK)
		e = actor_may(who, PK_OFFICE_REPORT, u.path, PA_VIEW,
			      office_code, d);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, sql) : NULL;
	if (e != TS_OK)
		return e;
	if (st == NULL)
		return app_db_error(app, d, "đọc số liệu năm học trước");
	db_bind_int(st, 1, u.id);
	db_bind_text(st, 2, year);
	if (db_step(st) == DB_ROW) {
		out->json = db_col_dup(st, 0, a);
		out->by = db_col_dup(st, 1, a);
		out->at = db_col_dup(st, 2, a);
	}
	return db_finish(st) == TS_OK
		       ? TS_OK
		       : app_db_error(app, d, "đọc số liệu năm học trước");
}
