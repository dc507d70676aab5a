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

enum ts_err
sub_score(const struct rubric *r, const char *answers_json,
	  const char *external_json, struct answers **ans, struct score **score,
	  struct diags *d)
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
			buf_printf(&b, "%s%s", shown++ ? ", " : "",
				   r->items[i]->id);
	diags_add(d, unit,
		  "còn %zu nội dung chưa trả lời (%s%s); điền đủ, kể "
		  "cả điểm 0, rồi mới nộp",
		  sc->unanswered, buf_str(&b),
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

enum ts_err
sub_set_state(struct app *app, const struct actor *who,
	      const struct submission *s, enum sub_action act)
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
sub_add_note(struct app *app, const struct actor *who,
	     const struct submission *s, const struct review_reason *r)
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
known_criterion(const struct sub_job *j, const char *id, const char **set)
{
	const struct rubric *r = j->s.rubric;
	*set = r->id;
	for (size_t i = 0; id != NULL && i < r->ncriteria; i++)
		if (strcmp(r->criteria[i]->id, id) == 0)
			return true;
	return false;
}

static enum ts_err
cds_draft(struct sub_job *j, char **text, struct diags *d)
{
	*text = sub_canonical(&j->s, j->json, j->unit, j->a, d);
	return *text != NULL ? TS_OK : TS_EINVAL;
}

/* The stored answers, scored; every item must be answered. */
static enum ts_err
cds_content(struct sub_job *j, char **values, char **score, struct diags *d)
{
	struct answers *ans = NULL;
	struct score *sc = NULL;
	enum ts_err e = sub_score(j->s.rubric, j->s.answers, NULL, &ans, &sc,
				  d);
	if (e == TS_OK)
		e = check_complete(sc, j->unit, d);
	json_t *js = e == TS_OK ? score_to_json(sc) : NULL;
	*score = js ? json_dumps(js, JSON_COMPACT | JSON_REAL_PRECISION(15))
		    : NULL;
	json_decref(js);
	*values = e == TS_OK ? strdup(j->s.answers) : NULL;
	if (e == TS_OK && (*score == NULL || *values == NULL))
		e = TS_ENOMEM;
	score_free(sc);
	answers_free(ans);
	return e;
}

const struct sub_kind SUB_CDS = {
	"submission.save",
	"submission.submit",
	"submission.submit.late",
	"submission.return",
	"chưa có bản tự đánh giá để nộp",
	"tiêu chí",
	"chỉ số ",
	NULL,
	NULL,
	cds_draft,
	cds_content,
	known_criterion,
};

/* The CĐS steps: a sub_job for each (submission_door.c). */
static enum ts_err
run(struct app *app, const struct actor *who, struct sub_job j, void *out,
    struct diags *d)
{
	j.k = &SUB_CDS;
	return sub_job_run(app, who, &j, out, d);
}

enum ts_err
sub_save(struct app *app, const struct actor *who, int64_t cid,
	 const char *unit, const char *json, int64_t expect, struct diags *d)
{
	struct sub_job j = { .act = ACT_SAVE,
			     .cid = cid,
			     .unit = unit,
			     .expect = expect,
			     .json = json };
	return run(app, who, j, NULL, d);
}

enum ts_err
sub_submit(struct app *app, const struct actor *who, int64_t cid,
	   const char *unit, int64_t expect, int *version, struct diags *d)
{
	struct sub_job j = {
		.act = ACT_SUBMIT, .cid = cid, .unit = unit, .expect = expect
	};
	return run(app, who, j, version, d);
}

enum ts_err
sub_return(struct app *app, const struct actor *who, int64_t cid,
	   const char *unit, const struct review_reason *r, size_t n,
	   int64_t expect, struct diags *d)
{
	struct sub_job j = { .act = ACT_RETURN,
			     .cid = cid,
			     .unit = unit,
			     .expect = expect,
			     .r = r,
			     .n = n };
	return run(app, who, j, NULL, d);
}

enum ts_err
sub_set_external(struct app *app, const struct actor *who, int64_t cid,
		 const char *unit, const char *json, int64_t expect,
		 struct diags *d)
{
	struct sub_job j = { .act = ACT_EXTERNAL,
			     .cid = cid,
			     .unit = unit,
			     .expect = expect,
			     .json = json };
	return run(app, who, j, NULL, d);
}

enum ts_err
sub_approve(struct app *app, const struct actor *who, int64_t cid,
	    const char *unit, int64_t expect, struct diags *d)
{
	struct sub_job j = {
		.act = ACT_APPROVE, .cid = cid, .unit = unit, .expect = expect
	};
	return run(app, who, j, NULL, d);
}

enum ts_err
sub_publish(struct app *app, const struct actor *who, int64_t cid,
	    const char *unit, int64_t expect, struct diags *d)
{
	struct sub_job j = {
		.act = ACT_PUBLISH, .cid = cid, .unit = unit, .expect = expect
	};
	return run(app, who, j, NULL, d);
}
