/* Creating a statistics campaign and reading what it collects. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "fileio.h"
#include "indicator_set.h"
#include "stats_int.h"
#include "stored_file.h"

/* What the creating transaction stores beside the campaign row. */
struct stats_tx {
	const struct ind_set *set;
	const char *body;
	size_t len;
	const char *path;
	const char *period;
	char as_of[16];
};

static enum ts_err
in_tx(struct app *app, int64_t id, const void *ctx, struct diags *d)
{
	static const char sql[] =
		"INSERT INTO stats_campaign(campaign_id, indicators_id, "
		"indicators_version, period, as_of) VALUES (?, ?, ?, ?, ?)";
	const struct stats_tx *t = ctx;
	enum ts_err e = stored_file_put(app, STORED_INDICATOR_SET, t->set->id,
					t->set->version, t->body, t->len,
					t->path, d);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, sql) : NULL;
	if (st == NULL)
		return e == TS_OK ? TS_EDB : e;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, t->set->id);
	db_bind_int(st, 3, t->set->version);
	db_bind_text(st, 4, t->period);
	db_bind_text(st, 5, t->as_of);
	return db_exec_stmt(st);
}

/* The period's day in the school year: months from August belong to its
 * first calendar year (30/9 of 2025-2026 is 2025-09-30), the others to the
 * second (31/5 is 2026-05-31). */
static bool
period_day(const struct ind_period *p, const char *year, char out[16])
{
	int y = 0;
	for (size_t i = 0; i < 4 && year && year[i] >= '0' && year[i] <= '9';
	     i++)
		y = y * 10 + (year[i] - '0');
	if (y < 2000)
		return false;
	/* Bounded for the compiler: the loader checked day and month. */
	unsigned yy = (unsigned)(p->as_of_month >= 8 ? y : y + 1) % 10000u;
	snprintf(out, 16, "%04u-%02u-%02u", yy, (unsigned)p->as_of_month % 100u,
		 (unsigned)p->as_of_day % 100u);
	return true;
}

static const char *
check_stats(const struct stats_campaign_new *c, const struct ind_set *s,
	    struct stats_tx *t)
{
	int64_t ignored;
	if (s == NULL)
		return "không có bộ chỉ số thống kê này (xem: truongso "
		       "indicators list)";
	if (s->scope != IND_SCOPE_SCHOOL)
		return "bộ chỉ số này do cơ quan tự nhập, không dùng cho đợt "
		       "thống kê của các trường";
	const struct ind_period *p = c->period ? ind_find_period(s, c->period)
					       : NULL;
	if (p == NULL)
		return "kỳ báo cáo phải là một kỳ của bộ chỉ số (ví dụ dau-nam, "
		       "cuoi-nam)";
	t->period = p->id;
	if (c->as_of != NULL) {
		if (strlen(c->as_of) != 10 ||
		    !ts_time_parse(c->as_of, &ignored))
			return "ngày số liệu phải có dạng YYYY-MM-DD";
		memcpy(t->as_of, c->as_of, 11);
	} else if (!period_day(p, c->base.school_year, t->as_of)) {
		return "năm học phải có dạng 2025-2026";
	}
	return NULL;
}

enum ts_err
stats_campaign_create(struct app *app, const struct actor *who,
		      const char *data_dir, const struct stats_campaign_new *c,
		      int64_t *id, struct diags *d)
{
	struct ind_sets sets;
	struct buf dir;
	buf_init(&dir, 4096);
	buf_printf(&dir, "%s/indicators", data_dir);
	enum ts_err e = ind_sets_load(buf_str(&dir), &sets, d);
	buf_release(&dir);
	if (e != TS_OK)
		return e;
	struct stats_tx t = { 0 };
	t.set = c->indicators_ref ? ind_sets_find(&sets, c->indicators_ref)
				  : NULL;
	const char *why = check_stats(c, t.set, &t);
	char *body = NULL;
	if (why != NULL) {
		diags_add(d, c->indicators_ref ? c->indicators_ref : "", "%s",
			  why);
		e = TS_EINVAL;
	}
	for (size_t i = 0; e == TS_OK && i < sets.n; i++)
		if (sets.v[i] == t.set)
			t.path = sets.paths[i];
	if (e == TS_OK)
		e = file_read_all(t.path, INPUT_FILE_LIMIT, &body, &t.len, d);
	t.body = body;
	if (e == TS_OK) {
		struct campaign_new cn = c->base;
		cn.in_tx = in_tx;
		cn.in_tx_ctx = &t;
		e = campaign_create(app, who, &cn, id, d);
	}
	free(body);
	ind_sets_release(&sets);
	return e;
}

enum ts_err
stats_info_get(struct app *app, int64_t cid, struct arena *a,
	       struct stats_info *out, struct diags *d)
{
	static const char sql[] =
		"SELECT sc.period, sc.as_of, s.body FROM stats_campaign sc "
		"JOIN indicator_set s ON s.id = sc.indicators_id AND "
		"s.version = sc.indicators_version WHERE sc.campaign_id = ?";
	memset(out, 0, sizeof(*out));
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return app_db_error(app, d, "đọc đợt thống kê");
	db_bind_int(st, 1, cid);
	enum db_step r = db_step(st);
	enum ts_err e = r == DB_ROW    ? TS_OK
			: r == DB_DONE ? TS_ENOTFOUND
				       : TS_EDB;
	if (e == TS_OK) {
		out->period = db_col_dup(st, 0, a);
		out->as_of = db_col_dup(st, 1, a);
		const char *body = db_col_text(st, 2);
		e = ind_set_parse(body, strlen(body), "bộ chỉ số đã lưu",
				  &out->set, d);
	}
	db_done(st);
	if (e == TS_ENOTFOUND)
		diags_add(d, "", "đợt %lld không phải đợt thống kê",
			  (long long)cid);
	else if (e == TS_EDB)
		app_db_error(app, d, "đọc đợt thống kê");
	return e;
}
