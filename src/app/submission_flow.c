/* Submitting, and the reviewer's steps: return, external scores, approve,
 * publish. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/score_json.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "submission.h"
#include "submission_int.h"
#include "text.h"

enum ts_err
sub_score(const struct rubric *r, const char *answers_json,
	  const char *external_json, struct answers **ans,
	  struct score **score, struct diags *d)
{
	struct answers *self = NULL, *ext = NULL;
	/* "{}" is what a submission holds before any external score. */
	if (external_json != NULL && strcmp(external_json, "{}") == 0)
		external_json = NULL;
	enum ts_err e = answers_parse(r, answers_json, strlen(answers_json),
				      "bản tự đánh giá", &self, d);
	if (e == TS_OK && external_json != NULL)
		e = answers_parse_kind(r, SCORE_EXTERNAL, external_json,
				       strlen(external_json),
				       "điểm đánh giá ngoài", &ext, d);
	/* Đánh giá ngoài replaces the school's value item by item. */
	for (size_t i = 0; e == TS_OK && ext && i < r->nitems; i++)
		if (ext->v[i].present)
			self->v[i] = ext->v[i];
	answers_free(ext);
	if (e == TS_OK && (*score = score_compute(r, self)) == NULL)
		e = TS_ENOMEM;
	if (e != TS_OK) {
		answers_free(self);
		return e;
	}
	*ans = self;
	return TS_OK;
}

/* A school submits every item: a 0 must be entered, not forgotten. */
static enum ts_err
check_complete(const struct score *sc, const char *unit, struct diags *d)
{
	if (sc->unanswered == 0)
		return TS_OK;
	struct buf b;
	buf_init(&b, 4096);
	const struct rubric *r = sc->rubric;
	size_t shown = 0;
	for (size_t i = 0; i < r->nitems && shown < 10; i++)
		if (!sc->items[i].answered)
			buf_printf(&b, "%s%s", shown++ ? ", " : "", r->items[i]->id);
	diags_add(d, unit, "còn %zu nội dung chưa trả lời (%s%s); điền đủ, kể "
		  "cả điểm 0, rồi mới nộp", sc->unanswered, buf_str(&b),
		  sc->unanswered > shown ? ", ..." : "");
	buf_release(&b);
	return TS_EINVAL;
}

/*
 * Runs a state change: ?1 the state after act (wf_next from s->state),
 * then the statement's own values (late and now twice for a submit, or
 * now once; the login), then the row id and its revision, then the
 * states act may start from (wf_from_codes): states come from the
 * workflow table only.
 */
static enum ts_err
change_state(struct app *app, const char *sql, const struct submission *s,
	     enum sub_action act, int late, const char *now, const char *login)
{
	enum sub_state next;
	const char *why = NULL, *from[WF_CODES_MAX];
	if (!wf_next(s->state, act, &next, &why))
		return TS_ESTALE;
	wf_from_codes(act, from);
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	int i = 1;
	db_bind_text(st, i++, sub_state_code(next));
	if (late >= 0) {
		db_bind_int(st, i++, late);
		db_bind_text(st, i++, now);
	}
	db_bind_text(st, i++, now);
	db_bind_text(st, i++, login);
	db_bind_int(st, i++, s->id);
	db_bind_int(st, i++, s->revision);
	sub_bind_states(st, i, from);
	return db_exec_changed(st);
}

/* `s` was read inside this transaction: the revision guard cannot fail
 * unless the database was changed behind the write lock. */
enum ts_err
sub_mark_submitted(struct app *app, const struct actor *who,
	       const struct submission *s, bool late, const char *now)
{
	static const char sql[] =
		"UPDATE submission SET state = ?, version = version "
		"+ 1, revision = revision + 1, late = CASE WHEN "
		"first_submitted_at IS NULL THEN ? ELSE late END, "
		"first_submitted_at = coalesce(first_submitted_at, ?), "
		"updated_at = ?, updated_by = ? WHERE id = ? AND revision = ? "
		"AND state IN " SUB_STATES_IN;
	return change_state(app, sql, s, ACT_SUBMIT, late, now, who->login);
}

static enum ts_err
insert_snapshot(struct app *app, const struct actor *who,
		const struct submission *s, const struct score *sc, bool late,
		const char *now)
{
	static const char sql[] =
		"INSERT INTO snapshot(submission_id, version, answers, score, "
		"submitted_by, submitted_at, late) VALUES (?, ?, ?, ?, ?, ?, ?)";
	json_t *j = score_to_json(sc);
	char *score = j ? json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15))
			: NULL;
	json_decref(j);
	struct db_stmt *st = score ? db_prep(app->db, sql) : NULL;
	if (st == NULL) {
		free(score);
		return score ? TS_EDB : TS_ENOMEM;
	}
	db_bind_int(st, 1, s->id);
	db_bind_int(st, 2, s->version + 1);
	db_bind_text(st, 3, s->answers);
	db_bind_text(st, 4, score);
	db_bind_text(st, 5, who->login);
	db_bind_text(st, 6, now);
	db_bind_int(st, 7, late);
	free(score);
	return db_exec_stmt(st);
}

static enum ts_err
submit_tx(struct app *app, const struct actor *who, const struct submission *s,
	  const struct score *sc)
{
	char now[TS_TIME_SIZE];
	int64_t t = ts_time_now(), due = 0;
	ts_time_parse(s->campaign.due_at, &due);
	bool late = t > due;
	ts_time_format(t, now);
	enum ts_err e = sub_mark_submitted(app, who, s, late, now);
	if (e == TS_OK)
		e = insert_snapshot(app, who, s, sc, late, now);
	if (e == TS_OK)
		e = sub_record(app, who, s, late ? "submission.submit.late"
					       : "submission.submit", NULL);
	return e;
}

/*
 * Runs inside the write transaction (BEGIN IMMEDIATE holds SQLite's write
 * lock): the row is read again, so the answers scored, checked for
 * completeness and snapshotted are the stored ones of one revision, and
 * no save can land between the check and the state change.
 */
static enum ts_err
submit_locked(struct app *app, const struct actor *who, struct submission *s,
	      int64_t expect, struct arena *a, struct diags *d)
{
	struct answers *ans = NULL;
	struct score *sc = NULL;
	enum sub_state next;
	const char *why = NULL, *unit = s->unit.code;
	if (sub_reload(app, s, a) != TS_OK)
		return TS_EDB;
	if (s->id == 0) {
		diags_add(d, unit, "chưa có bản tự đánh giá để nộp");
		return TS_EINVAL;
	}
	if (!wf_next(s->state, ACT_SUBMIT, &next, &why))
		return TS_ESTALE;
	enum ts_err e = sub_check_revision(s, expect, d);
	if (e != TS_OK)
		return e;
	e = sub_score(s->rubric, s->answers, NULL, &ans, &sc, d);
	if (e == TS_OK)
		e = check_complete(sc, unit, d);
	if (e == TS_OK)
		e = submit_tx(app, who, s, sc);
	score_free(sc);
	answers_free(ans);
	return e;
}

enum ts_err
sub_submit(struct app *app, const struct actor *who, int64_t cid,
	   const char *unit, int64_t expect, int *version, struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = sub_open_for(app, who, cid, unit, ACT_SUBMIT, a, &s, d);
	if (e == TS_OK && (e = db_begin(app->db)) == TS_OK)
		e = sub_end_tx(app, submit_locked(app, who, &s, expect, a, d),
			       unit, d);
	if (e == TS_OK && version != NULL)
		*version = s.version + 1;
	arena_free(a);
	return e;
}

enum ts_err
sub_set_state(struct app *app, const struct actor *who, const struct submission *s,
	  enum sub_action act)
{
	static const char sql[] =
		"UPDATE submission SET state = ?, revision = revision + 1, "
		"updated_at = ?, updated_by = ? WHERE id = ? AND revision = ? "
		"AND state IN " SUB_STATES_IN;
	char now[TS_TIME_SIZE];
	ts_time_format(ts_time_now(), now);
	return change_state(app, sql, s, act, -1, now, who->login);
}

enum ts_err
sub_add_note(struct app *app, const struct actor *who, const struct submission *s,
	 const struct review_reason *r)
{
	static const char sql[] =
		"INSERT INTO review_note(submission_id, version, criterion_id, "
		"body, author, at) VALUES (?, ?, ?, ?, ?, ?)";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	char now[TS_TIME_SIZE];
	db_bind_int(st, 1, s->id);
	db_bind_int(st, 2, s->version);
	db_bind_text(st, 3, r->criterion_id);
	db_bind_text(st, 4, r->text);
	db_bind_text(st, 5, who->login);
	db_bind_text(st, 6, ts_time_format(ts_time_now(), now));
	return db_exec_stmt(st);
}

static bool
known_criterion(const struct rubric *r, const char *id)
{
	for (size_t i = 0; id != NULL && i < r->ncriteria; i++)
		if (strcmp(r->criteria[i]->id, id) == 0)
			return true;
	return id != NULL && strcmp(id, "*") == 0; /* the whole submission */
}

static enum ts_err
check_reasons(const struct rubric *r, const struct review_reason *v, size_t n,
	      const char *unit, struct diags *d)
{
	enum ts_err e = TS_OK;
	if (n == 0) {
		diags_add(d, unit, "trả lại phải kèm lý do cho ít nhất một tiêu chí");
		return TS_EINVAL;
	}
	for (size_t i = 0; i < n; i++) {
		if (!known_criterion(r, v[i].criterion_id)) {
			diags_add(d, unit, "không có tiêu chí \"%s\" trong bộ chỉ "
				  "số %s", v[i].criterion_id ? v[i].criterion_id
							    : "", r->id);
			e = TS_EINVAL;
		}
	}
	return e;
}

enum ts_err
sub_return(struct app *app, const struct actor *who, int64_t cid,
	   const char *unit, const struct review_reason *r, size_t n,
	   int64_t expect, struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = sub_open_for(app, who, cid, unit, ACT_RETURN, a, &s, d);
	if (e == TS_OK)
		e = check_reasons(s.rubric, r, n, unit, d);
	/* Each reason through the text door, as its NFC copy. */
	struct review_reason *rc = e == TS_OK ? arena_calloc(a, n, sizeof(*rc))
					      : NULL;
	if (e == TS_OK && rc == NULL)
		e = TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		char label[96];
		snprintf(label, sizeof(label), "lý do trả lại tiêu chí %s",
			 r[i].criterion_id);
		rc[i] = r[i];
		const struct text_field tf[] = {
			{ label, &rc[i].text, 4000,
			  TEXT_REQUIRED | TEXT_MULTILINE },
		};
		e = text_check(a, tf, 1, d);
	}
	r = rc;
	if (e == TS_OK)
		e = sub_check_revision(&s, expect, d);
	if (e == TS_OK && (e = db_begin(app->db)) == TS_OK) {
		e = sub_set_state(app, who, &s, ACT_RETURN);
		for (size_t i = 0; e == TS_OK && i < n; i++)
			e = sub_add_note(app, who, &s, &r[i]);
		if (e == TS_OK)
			e = sub_record(app, who, &s, "submission.return", NULL);
		e = sub_end_tx(app, e, unit, d);
	}
	arena_free(a);
	return e;
}

static enum ts_err
write_external(struct app *app, const struct submission *s, const char *text)
{
	static const char sql[] =
		"UPDATE submission SET external = ?, revision = revision + 1 "
		"WHERE id = ? AND revision = ? AND state IN " SUB_STATES_IN;
	const char *from[WF_CODES_MAX];
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	wf_from_codes(ACT_EXTERNAL, from);
	db_bind_text(st, 1, text);
	db_bind_int(st, 2, s->id);
	db_bind_int(st, 3, s->revision);
	sub_bind_states(st, 4, from);
	return db_exec_changed(st);
}

enum ts_err
sub_set_external(struct app *app, const struct actor *who, int64_t cid,
		 const char *unit, const char *json, int64_t expect,
		 struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	struct answers *ext = NULL;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = sub_open_for(app, who, cid, unit, ACT_EXTERNAL, a, &s, d);
	if (e == TS_OK)
		e = answers_parse_kind(s.rubric, SCORE_EXTERNAL, json,
				       strlen(json), "điểm đánh giá ngoài",
				       &ext, d);
	answers_free(ext);
	json_t *root = e == TS_OK ? json_loads(json, 0, NULL) : NULL;
	char *text = root ? json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS)
			  : NULL;
	json_decref(root);
	if (e == TS_OK && text == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK)
		e = sub_check_revision(&s, expect, d);
	if (e == TS_OK && (e = db_begin(app->db)) == TS_OK) {
		e = write_external(app, &s, text);
		if (e == TS_OK)
			e = sub_record(app, who, &s, "submission.external", text);
		e = sub_end_tx(app, e, unit, d);
	}
	free(text);
	arena_free(a);
	return e;
}

static enum ts_err
simple_step(struct app *app, const struct actor *who, int64_t cid,
	    const char *unit, enum sub_action act, const char *action,
	    int64_t expect, struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = sub_open_for(app, who, cid, unit, act, a, &s, d);
	if (e == TS_OK)
		e = sub_check_revision(&s, expect, d);
	if (e == TS_OK && (e = db_begin(app->db)) == TS_OK) {
		e = sub_set_state(app, who, &s, act);
		if (e == TS_OK)
			e = sub_record(app, who, &s, action, NULL);
		e = sub_end_tx(app, e, unit, d);
	}
	arena_free(a);
	return e;
}

enum ts_err
sub_approve(struct app *app, const struct actor *who, int64_t cid,
	    const char *unit, int64_t expect, struct diags *d)
{
	return simple_step(app, who, cid, unit, ACT_APPROVE,
			   "submission.approve", expect, d);
}

enum ts_err
sub_publish(struct app *app, const struct actor *who, int64_t cid,
	    const char *unit, int64_t expect, struct diags *d)
{
	return simple_step(app, who, cid, unit, ACT_PUBLISH,
			   "submission.publish", expect, d);
}
