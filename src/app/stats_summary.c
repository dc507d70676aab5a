/* Stored statistics values: written with every change of a submission,
 * filled for rows that predate them, read back by the roll-up. */
#include "stats_summary.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "backfill.h"
#include "door.h"
#include "stats.h"

static const char SQL_LAST[] =
	"SELECT s.id, s.revision, (SELECT max(sn.version) FROM snapshot sn "
	"WHERE sn.submission_id = s.id), (SELECT g.version FROM stats_summary "
	"g WHERE g.submission_id = s.id) FROM submission s WHERE "
	"s.campaign_id = ? AND s.unit_id = ?";
static const char SQL_ANSWERS[] =
	"SELECT answers FROM snapshot WHERE submission_id = ? AND version = ?";
static const char SQL_REVISION[] =
	"UPDATE stats_summary SET revision = ? WHERE submission_id = ?";
static const char SQL_HEAD[] =
	"INSERT INTO stats_summary(submission_id, revision, version) VALUES "
	"(?, ?, ?) ON CONFLICT (submission_id) DO UPDATE SET revision = "
	"excluded.revision, version = excluded.version";
static const char SQL_CLEAR[] =
	"DELETE FROM stats_value WHERE submission_id = ?";
static const char SQL_VALUE[] =
	"INSERT INTO stats_value(submission_id, code, seq, num, text) VALUES "
	"(?, ?, ?, ?, ?)";

static enum ts_err
put_row(struct app *app, int64_t id, const char *code, int64_t seq, int64_t num,
	const char *text)
{
	struct db_stmt *st = db_prep(app->db, SQL_VALUE);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, code);
	db_bind_int(st, 3, seq);
	db_bind_int(st, 4, num);
	if (text != NULL)
		db_bind_text(st, 5, text);
	else
		db_bind_null(st, 5);
	return db_exec_stmt(st);
}

/* One indicator's value as rows: a list of names is its count at seq 0
 * and one row per name; anything else one row at seq 0. */
static enum ts_err
put_value(struct app *app, int64_t id, const struct indicator *it,
	  const struct ind_value *x)
{
	if (it->type == IND_NAMES) {
		enum ts_err e = put_row(app, id, it->code, 0,
					(int64_t)x->nnames, NULL);
		for (size_t k = 0; e == TS_OK && k < x->nnames; k++)
			e = put_row(app, id, it->code, (int64_t)k + 1,
				    x->names[k].domestic, x->names[k].name);
		return e;
	}
	int64_t num = it->type == IND_YESNO ? x->yes : x->num;
	return put_row(app, id, it->code, 0, num, x->text);
}

static enum ts_err
put_values(struct app *app, int64_t id, const struct ind_values *v)
{
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && v != NULL && i < v->set->n; i++)
		if (v->v[i].present)
			e = put_value(app, id, v->set->v[i], &v->v[i]);
	return e;
}

static enum ts_err
put_head(struct app *app, int64_t id, int64_t revision, int64_t version)
{
	struct db_stmt *st = db_prep(app->db, SQL_HEAD);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, revision);
	db_bind_int(st, 3, version);
	enum ts_err e = db_exec_stmt(st);
	st = e == TS_OK ? db_prep(app->db, SQL_CLEAR) : NULL;
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	return db_exec_stmt(st);
}

/* The last snapshot's values under the campaign's set; NULL (stored as
 * version 0, not reported) when it has none or the set no longer reads
 * it, as the roll-up counted such a report before it was stored. */
static enum ts_err
summarize(struct app *app, int64_t cid, int64_t id, int64_t revision,
	  const char *answers, int64_t version)
{
	struct arena *a = arena_new();
	struct stats_info info = { 0 };
	struct ind_values *v = NULL;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? stats_info_get(app, cid, a, &info, &d) : TS_ENOMEM;
	if (e == TS_OK && answers != NULL &&
	    ind_values_parse(info.set, answers, strlen(answers), "báo cáo", &v,
			     &d) == TS_ENOMEM)
		e = TS_ENOMEM;
	if (e == TS_OK)
		e = put_head(app, id, revision, v ? version : 0);
	if (e == TS_OK)
		e = put_values(app, id, v);
	ind_values_free(v);
	ind_set_free(info.set);
	diags_release(&d);
	arena_free(a);
	return e;
}

/* The values are those of the last snapshot already (a draft saved,
 * a report returned or approved): only the revision they hold for. */
static enum ts_err
touch(struct app *app, int64_t id, int64_t revision)
{
	struct db_stmt *st = db_prep(app->db, SQL_REVISION);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, revision);
	db_bind_int(st, 2, id);
	return db_exec_stmt(st);
}

/* The snapshot's answers (malloc'd; NULL with *e TS_OK: none). */
static char *
answers_of(struct app *app, int64_t id, int64_t version, enum ts_err *e)
{
	struct db_stmt *st = db_prep(app->db, SQL_ANSWERS);
	char *out = NULL;
	*e = st ? TS_OK : TS_EDB;
	if (st == NULL || version == 0) {
		db_done(st);
		return NULL;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, version);
	enum db_step r = db_step(st);
	if (r == DB_ERROR)
		*e = TS_EDB;
	else if (r == DB_ROW && (out = strdup(db_col_text(st, 0))) == NULL)
		*e = TS_ENOMEM;
	db_done(st);
	return out;
}

enum ts_err
stats_summary_write(struct app *app, int64_t campaign_id, int64_t unit_id)
{
	struct db_stmt *st = db_prep(app->db, SQL_LAST);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, campaign_id);
	db_bind_int(st, 2, unit_id);
	if (db_step(st) != DB_ROW) {
		db_done(st);
		return TS_EDB;
	}
	int64_t id = db_col_int(st, 0), revision = db_col_int(st, 1);
	int64_t version = db_col_int(st, 2);
	/* Stored for this snapshot, or for none when there is none. */
	bool same = !db_col_null(st, 3) && db_col_int(st, 3) == version;
	db_done(st);
	if (same)
		return touch(app, id, revision);
	enum ts_err e;
	char *answers = answers_of(app, id, version, &e);
	if (e == TS_OK)
		e = summarize(app, campaign_id, id, revision, answers, version);
	free(answers);
	return e;
}

/* A list of names: its count (seq 0), then each name in its place. */
static bool
put_name(struct ind_value *x, struct arena *a, int64_t seq, int64_t num,
	 const char *text)
{
	if (seq == 0) {
		size_t n = num > 0 && num <= IND_MAX_NAMES ? (size_t)num : 0;
		x->names = arena_calloc(a, n ? n : 1, sizeof(*x->names));
		x->nnames = 0;
		return x->names != NULL;
	}
	if (x->names == NULL || text == NULL || seq > IND_MAX_NAMES)
		return true; /* not a row this file wrote */
	char *name = arena_strdup(a, text);
	x->names[seq - 1] = (struct ind_name){ name, num != 0 };
	if ((size_t)seq > x->nnames)
		x->nnames = (size_t)seq;
	return name != NULL;
}

bool
stats_value_put(struct ind_values *v, const char *code, int64_t seq,
		int64_t num, const char *text)
{
	const struct indicator *it = ind_find(v->set, code);
	if (it == NULL)
		return true;
	struct ind_value *x = &v->v[it->idx];
	x->present = true;
	if (it->type == IND_NAMES)
		return put_name(x, v->arena, seq, num, text);
	if (it->type == IND_YESNO)
		x->yes = num != 0;
	else
		x->num = num;
	x->text = text ? arena_strdup(v->arena, text) : NULL;
	return text == NULL || x->text != NULL;
}

/* Statistics submissions after `after` whose stored values are missing
 * or older than the row, oldest first. */
static const char SQL_STALE[] =
	"SELECT s.id, s.campaign_id, s.unit_id FROM submission s JOIN "
	"campaign c ON c.id = s.campaign_id WHERE s.id > ? AND c.kind = "
	"'thong-ke' AND NOT EXISTS (SELECT 1 FROM stats_summary g WHERE "
	"g.submission_id = s.id AND g.revision = s.revision) ORDER BY s.id "
	"LIMIT 256";

static enum ts_err
fill_row(struct app *app, const struct backfill_row *r)
{
	return stats_summary_write(app, r->campaign_id, r->unit_id);
}

enum ts_err
stats_summary_fill(struct app *app, size_t *n, struct diags *d)
{
	static const struct backfill b = {
		SQL_STALE, false,	 NULL,
		fill_row,  "stats.fill", "ghi số liệu thống kê đã lưu",
	};
	return backfill_run(app, &b, n, d);
}
