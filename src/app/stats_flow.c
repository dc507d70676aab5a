/* A statistics report through the workflow: save, submit, return.
 * Approve and publish are the CĐS ones (sub_approve, sub_publish). */
#include "stats.h"
#include "stats_int.h"
#include "submission_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "text.h"

/* sub_open_for on a statistics campaign, with its set. */
static enum ts_err
open_stats(struct app *app, const struct actor *who, int64_t cid,
	   const char *unit, enum sub_action act, struct arena *a,
	   struct submission *s, struct stats_info *info, struct diags *d)
{
	enum ts_err e = sub_open_for(app, who, cid, unit, act, a, s, d);
	if (e == TS_OK)
		e = stats_info_get(app, cid, a, info, d);
	return e;
}

static char *
values_text(const struct ind_values *v)
{
	json_t *j = ind_values_to_json(v);
	char *t = j ? json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(j);
	return t;
}

enum ts_err
stats_save(struct app *app, const struct actor *who, int64_t cid,
	   const char *unit, const char *json, int64_t expect,
	   struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	struct stats_info info = { 0 };
	struct ind_values *v = NULL;
	char *text = NULL;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = open_stats(app, who, cid, unit, ACT_SAVE, a, &s, &info,
				   d);
	if (e == TS_OK)
		e = ind_values_parse(info.set, json, strlen(json), unit, &v, d);
	if (e == TS_OK && (text = values_text(v)) == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK && (e = db_begin(app->db)) == TS_OK) {
		e = sub_write_draft(app, who, &s, text, expect);
		if (e == TS_OK)
			e = sub_record(app, who, &s, "stats.save", NULL);
		e = sub_end_tx(app, e, unit, d);
	}
	free(text);
	ind_values_free(v);
	ind_set_free(info.set);
	arena_free(a);
	return e;
}

/* Every error and unconfirmed warning, named by indicator, in d. */
static enum ts_err
refuse(const struct ind_check *c, const char *unit, struct diags *d)
{
	for (size_t i = 0; i < c->errors.n; i++)
		diags_add(d, unit, "%s: %s", c->errors.v[i].where,
			  c->errors.v[i].msg);
	for (size_t i = 0; i < c->unconfirmed.n; i++)
		diags_add(d, unit, "%s: %s", c->unconfirmed.v[i].where,
			  c->unconfirmed.v[i].msg);
	return TS_EINVAL;
}

/* The check's warnings, for the reviewer, as the snapshot's "score". */
static char *
check_text(const struct ind_check *c)
{
	json_t *w = json_array();
	for (size_t i = 0; w && i < c->confirmed.n; i++)
		json_array_append_new(w, json_pack("{s:s,s:s}", "indicator",
						   c->confirmed.v[i].where,
						   "message",
						   c->confirmed.v[i].msg));
	json_t *j = json_pack("{s:o}", "warnings", w);
	char *t = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	return t;
}

static enum ts_err
snapshot(struct app *app, const struct actor *who, const struct submission *s,
	 const char *values, const char *check, bool late, const char *now)
{
	static const char sql[] =
		"INSERT INTO snapshot(submission_id, version, answers, score, "
		"submitted_by, submitted_at, late) VALUES (?, ?, ?, ?, ?, ?, ?)";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, s->id);
	db_bind_int(st, 2, s->version + 1);
	db_bind_text(st, 3, values);
	db_bind_text(st, 4, check);
	db_bind_text(st, 5, who->login);
	db_bind_text(st, 6, now);
	db_bind_int(st, 7, late);
	return db_exec_stmt(st);
}

/* The values as submitted: stored ones with the CĐS facts laid in. */
static enum ts_err
submit_values(struct app *app, const struct actor *who, struct submission *s,
	      const struct stats_info *info, struct ind_values *v,
	      struct arena *a, struct diags *d)
{
	struct ind_prefill_line *lines;
	size_t n;
	int64_t cds;
	stats_prefill_into(app, s, v, a, &lines, &n, &cds);
	struct ind_values *prev = stats_previous(app, s, info);
	struct ind_check c;
	ind_check_init(&c);
	ind_check_run(v, stats_unit_levels(app, s), prev, &c);
	ind_values_free(prev);
	enum ts_err e = ind_check_submittable(&c) ? TS_OK
						  : refuse(&c, s->unit.code, d);
	char *values = e == TS_OK ? values_text(v) : NULL;
	char *check = e == TS_OK ? check_text(&c) : NULL;
	ind_check_release(&c);
	if (e == TS_OK && (values == NULL || check == NULL))
		e = TS_ENOMEM;
	char now[TS_TIME_SIZE];
	int64_t t = ts_time_now(), due = 0;
	ts_time_parse(s->campaign.due_at, &due);
	ts_time_format(t, now);
	if (e == TS_OK)
		e = sub_mark_submitted(app, who, s, t > due, now);
	if (e == TS_OK)
		e = snapshot(app, who, s, values, check, t > due, now);
	if (e == TS_OK)
		e = sub_record(app, who, s, "stats.submit", NULL);
	free(values);
	free(check);
	return e;
}

/* Inside the write transaction: the row is read again, so what is checked
 * and snapshotted is the stored revision (as sub_submit does). */
static enum ts_err
submit_locked(struct app *app, const struct actor *who, struct submission *s,
	      const struct stats_info *info, int64_t expect, struct arena *a,
	      struct diags *d)
{
	enum sub_state next;
	const char *why = NULL;
	struct ind_values *v = NULL;
	if (sub_reload(app, s, a) != TS_OK)
		return TS_EDB;
	if (s->id == 0) {
		diags_add(d, s->unit.code, "chưa có số liệu thống kê để nộp");
		return TS_EINVAL;
	}
	if (!wf_next(s->state, ACT_SUBMIT, &next, &why))
		return TS_ESTALE; /* the state moved: a lost race, as sub_submit */
	enum ts_err e = sub_check_revision(s, expect, d);
	if (e == TS_OK)
		e = stats_load_values(s, info->set, &v, d);
	if (e == TS_OK)
		e = submit_values(app, who, s, info, v, a, d);
	ind_values_free(v);
	return e;
}

enum ts_err
stats_submit(struct app *app, const struct actor *who, int64_t cid,
	     const char *unit, int64_t expect, int *version, struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	struct stats_info info = { 0 };
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = open_stats(app, who, cid, unit, ACT_SUBMIT, a, &s,
				   &info, d);
	if (e == TS_OK && (e = db_begin(app->db)) == TS_OK)
		e = sub_end_tx(app, submit_locked(app, who, &s, &info, expect,
						  a, d), unit, d);
	if (e == TS_OK && version != NULL)
		*version = s.version + 1;
	ind_set_free(info.set);
	arena_free(a);
	return e;
}

static enum ts_err
check_reasons(const struct ind_set *set, const struct review_reason *r,
	      size_t n, const char *unit, struct diags *d)
{
	enum ts_err e = TS_OK;
	if (n == 0) {
		diags_add(d, unit, "trả lại phải kèm lý do cho ít nhất một chỉ "
			  "số");
		return TS_EINVAL;
	}
	for (size_t i = 0; i < n; i++)
		if (r[i].criterion_id == NULL ||
		    (strcmp(r[i].criterion_id, "*") != 0 &&
		     ind_find(set, r[i].criterion_id) == NULL)) {
			diags_add(d, unit, "không có chỉ số \"%s\" trong bộ %s",
				  r[i].criterion_id ? r[i].criterion_id : "",
				  set->id);
			e = TS_EINVAL;
		}
	return e;
}

/* Each reason through the text door, as its NFC copy in rc. */
static enum ts_err
check_texts(struct arena *a, const struct review_reason *r, size_t n,
	    struct review_reason *rc, struct diags *d)
{
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		char label[96];
		snprintf(label, sizeof(label), "lý do trả lại chỉ số %s",
			 r[i].criterion_id);
		rc[i] = r[i];
		const struct text_field tf[] = {
			{ label, &rc[i].text, 4000,
			  TEXT_REQUIRED | TEXT_MULTILINE },
		};
		e = text_check(a, tf, 1, d);
	}
	return e;
}

enum ts_err
stats_return(struct app *app, const struct actor *who, int64_t cid,
	     const char *unit, const struct review_reason *r, size_t n,
	     int64_t expect, struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	struct stats_info info = { 0 };
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = open_stats(app, who, cid, unit, ACT_RETURN, a, &s,
				   &info, d);
	struct review_reason *rc = NULL;
	if (e == TS_OK)
		e = check_reasons(info.set, r, n, unit, d);
	if (e == TS_OK && (rc = arena_calloc(a, n, sizeof(*rc))) == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK)
		e = check_texts(a, r, n, rc, d);
	if (e == TS_OK)
		e = sub_check_revision(&s, expect, d);
	if (e == TS_OK && (e = db_begin(app->db)) == TS_OK) {
		e = sub_set_state(app, who, &s, ACT_RETURN);
		for (size_t i = 0; e == TS_OK && i < n; i++)
			e = sub_add_note(app, who, &s, &rc[i]);
		if (e == TS_OK)
			e = sub_record(app, who, &s, "stats.return", NULL);
		e = sub_end_tx(app, e, unit, d);
	}
	ind_set_free(info.set);
	arena_free(a);
	return e;
}
