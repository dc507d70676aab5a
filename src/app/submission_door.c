/* The workflow steps of a submission through the write door (issue 13):
 * save, submit, return, external scores, approve, publish. The CĐS
 * self-assessment and the statistics report share them; a kind says what
 * it does its own way (struct sub_kind). Each step opens the submission
 * inside its transaction, so what is checked is what is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "door.h"
#include "submission.h"
#include "submission_int.h"
#include "text.h"

enum ts_err
sub_job_resolve(struct door_ctx *c, struct door_target *t)
{
	struct sub_job *j = c->in;
	if (j->k->close != NULL)
		j->k->close(j); /* what a lost attempt loaded */
	j->app = c->app;
	j->who = c->who;
	j->a = j->keep ? j->keep : c->a;
	/* sub_open_for words a refusal for submissions ("không thể nộp:
	 * …"); the door asks the same policy again and finds it allowed. */
	enum ts_err e = sub_open_for(c->app, c->who, j->cid, j->unit, j->act,
				     j->a, &j->s, c->d);
	if (e == TS_OK && j->k->open != NULL)
		e = j->k->open(j, c->d);
	*t = (struct door_target){ PK_SUBMISSION, j->s.scope_path,
				   (int)j->s.state, j->unit };
	return e;
}

enum ts_err
school_report_resolve(struct door_ctx *c, struct door_target *t)
{
	struct school_report *r = c->in; /* the first member of c->in */
	enum ts_err e = sub_open(c->app, c->who, r->cid, r->code, ACT_VIEW,
				 c->a, &r->sub, c->d);
	snprintf(r->obj, sizeof(r->obj), "%s:%lld:%s", r->what,
		 (long long)r->cid, r->code);
	*t = (struct door_target){ PK_SCHOOL_REPORT, r->sub.scope_path,
				   POL_ANY_STATE, r->code };
	return e;
}

enum ts_err
sub_written(struct door_ctx *c, enum ts_err e)
{
	const struct sub_job *j = c->in;
	/* A lost race: the row moved (TS_ESTALE), or another submit took
	 * the same snapshot version first (TS_ECONFLICT on its key). */
	if (e == TS_ESTALE || e == TS_ECONFLICT)
		diags_add(c->d, j->unit,
			  "bản tự đánh giá vừa được người khác "
			  "thay đổi; hãy tải lại rồi thử lại");
	else if (e == TS_EDB)
		app_db_error(c->app, c->d, "ghi bản tự đánh giá");
	return e;
}

static enum ts_err
save_body(struct door_ctx *c)
{
	struct sub_job *j = c->in;
	char *text = NULL;
	enum ts_err e = j->k->draft(j, &text, c->d);
	if (e != TS_OK)
		return e;
	e = sub_write_draft(c->app, c->who, &j->s, text, j->expect);
	if (e == TS_OK)
		e = sub_record(c->app, c->who, &j->s, j->k->save, NULL);
	free(text);
	return sub_written(c, e);
}

static enum ts_err
insert_snapshot(struct sub_job *j, const char *values, const char *score,
		bool late, const char *now)
{
	static const char sql[] =
		"INSERT INTO snapshot(submission_id, version, answers, score, "
		"submitted_by, submitted_at, late) VALUES (?, ?, ?, ?, ?, ?, ?)";
	struct db_stmt *st = db_prep(j->app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, j->s.id);
	db_bind_int(st, 2, j->s.version + 1);
	db_bind_text(st, 3, values);
	db_bind_text(st, 4, score);
	db_bind_text(st, 5, j->who->login);
	db_bind_text(st, 6, now);
	db_bind_int(st, 7, late);
	return db_exec_stmt(st);
}

/* The state change, the snapshot and the record of a submit. */
static enum ts_err
submit_writes(struct sub_job *j, const char *values, const char *score)
{
	char now[TS_TIME_SIZE];
	int64_t t = ts_time_now(), due = 0;
	ts_time_parse(j->s.campaign.due_at, &due);
	bool late = t > due;
	ts_time_format(t, now);
	enum ts_err e = sub_mark_submitted(j->app, j->who, &j->s, late, now);
	if (e == TS_OK)
		e = insert_snapshot(j, values, score, late, now);
	if (e == TS_OK)
		e = sub_record(j->app, j->who, &j->s,
			       late && j->k->submit_late ? j->k->submit_late
							 : j->k->submit,
			       NULL);
	return e;
}

/* What is scored, checked and snapshotted is the stored revision the
 * transaction read: no save can land between the check and the state
 * change. */
static enum ts_err
submit_body(struct door_ctx *c)
{
	struct sub_job *j = c->in;
	char *values = NULL, *score = NULL;
	if (j->s.id == 0) {
		diags_add(c->d, j->unit, "%s", j->k->nothing);
		return TS_EINVAL;
	}
	enum ts_err e = sub_check_revision(&j->s, j->expect, c->d);
	if (e == TS_OK)
		e = j->k->content(j, &values, &score, c->d);
	if (e == TS_OK)
		e = submit_writes(j, values, score);
	if (e == TS_OK && c->out != NULL)
		*(int *)c->out = j->s.version + 1;
	if (e == TS_OK)
		c->result = arena_printf(c->a, "%d", j->s.version + 1);
	free(values);
	free(score);
	return sub_written(c, e);
}

/* At least one reason, and each names something of the kind's set. */
static enum ts_err
check_reasons(const struct sub_job *j, struct diags *d)
{
	enum ts_err e = TS_OK;
	if (j->n == 0) {
		diags_add(d, j->unit,
			  "trả lại phải kèm lý do cho ít nhất một %s",
			  j->k->reasoned);
		return TS_EINVAL;
	}
	for (size_t i = 0; i < j->n; i++) {
		const char *id = j->r[i].criterion_id, *set = "";
		bool whole = id != NULL && strcmp(id, "*") == 0;
		if (j->k->known(j, id, &set) || whole)
			continue;
		diags_add(d, j->unit, "không có %s \"%s\" trong bộ %s%s",
			  j->k->reasoned, id ? id : "", j->k->set_words, set);
		e = TS_EINVAL;
	}
	return e;
}

/* Each reason through the text door, as its NFC copy in rc. */
static enum ts_err
reason_texts(const struct sub_job *j, struct arena *a, struct review_reason *rc,
	     struct diags *d)
{
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && i < j->n; i++) {
		char label[96];
		snprintf(label, sizeof(label), "lý do trả lại %s %s",
			 j->k->reasoned, j->r[i].criterion_id);
		rc[i] = j->r[i];
		const struct text_field tf[] = {
			{ label, &rc[i].text, 4000,
			  TEXT_REQUIRED | TEXT_MULTILINE },
		};
		e = text_check(a, tf, 1, d);
	}
	return e;
}

static enum ts_err
return_body(struct door_ctx *c)
{
	struct sub_job *j = c->in;
	struct review_reason *rc = NULL;
	enum ts_err e = check_reasons(j, c->d);
	if (e == TS_OK && (rc = arena_calloc(c->a, j->n, sizeof(*rc))) == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK)
		e = reason_texts(j, c->a, rc, c->d);
	if (e == TS_OK)
		e = sub_check_revision(&j->s, j->expect, c->d);
	if (e != TS_OK)
		return e;
	e = sub_set_state(c->app, c->who, &j->s, ACT_RETURN);
	for (size_t i = 0; e == TS_OK && i < j->n; i++)
		e = sub_add_note(c->app, c->who, &j->s, &rc[i]);
	if (e == TS_OK)
		e = sub_record(c->app, c->who, &j->s, j->k->ret, NULL);
	return sub_written(c, e);
}

static enum ts_err
write_external(struct sub_job *j, const char *text)
{
	static const char sql[] =
		"UPDATE submission SET external = ?, revision = revision + 1 "
		"WHERE id = ? AND revision = ? AND state IN " SUB_STATES_IN;
	const char *from[WF_CODES_MAX];
	struct db_stmt *st = db_prep(j->app->db, sql);
	if (st == NULL)
		return TS_EDB;
	wf_from_codes(ACT_EXTERNAL, from);
	db_bind_text(st, 1, text);
	db_bind_int(st, 2, j->s.id);
	db_bind_int(st, 3, j->s.revision);
	sub_bind_states(st, 4, from);
	return db_exec_changed(st);
}

/* The external scores, checked, as compact text with sorted keys. */
static enum ts_err
external_text(const struct sub_job *j, char **text, struct diags *d)
{
	struct answers *ext = NULL;
	enum ts_err e = answers_parse_kind(j->s.rubric, SCORE_EXTERNAL, j->json,
					   strlen(j->json),
					   "điểm đánh giá ngoài", &ext, d);
	answers_free(ext);
	json_t *root = e == TS_OK ? json_loads(j->json, 0, NULL) : NULL;
	*text = root ? json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(root);
	if (e == TS_OK && *text == NULL)
		e = TS_ENOMEM;
	return e;
}

static enum ts_err
external_body(struct door_ctx *c)
{
	struct sub_job *j = c->in;
	char *text = NULL;
	enum ts_err e = external_text(j, &text, c->d);
	if (e == TS_OK)
		e = sub_check_revision(&j->s, j->expect, c->d);
	if (e == TS_OK) {
		e = write_external(j, text);
		if (e == TS_OK)
			e = sub_record(c->app, c->who, &j->s,
				       "submission.external", text);
		e = sub_written(c, e);
	}
	free(text);
	return e;
}

/* Approve and publish: the state change alone. */
static enum ts_err
state_body(struct door_ctx *c)
{
	struct sub_job *j = c->in;
	enum ts_err e = sub_check_revision(&j->s, j->expect, c->d);
	if (e != TS_OK)
		return e;
	e = sub_set_state(c->app, c->who, &j->s, j->act);
	if (e == TS_OK)
		e = sub_record(c->app, c->who, &j->s,
			       j->act == ACT_APPROVE ? "submission.approve"
						     : "submission.publish",
			       NULL);
	return sub_written(c, e);
}

/* Indexed by enum sub_action (ACT_VIEW writes nothing). The audit rows
 * are sub_record's, named by the kind. */
static const struct door SUB_DOORS[] = {
	[ACT_SAVE] = { "submission.save", PA_SAVE, "ghi bản tự đánh giá", NULL,
		       sub_job_resolve, save_body },
	[ACT_SUBMIT] = { "submission.submit", PA_SUBMIT, "ghi bản tự đánh giá",
			 NULL, sub_job_resolve, submit_body },
	[ACT_RETURN] = { "submission.return", PA_RETURN, "ghi bản tự đánh giá",
			 NULL, sub_job_resolve, return_body },
	[ACT_APPROVE] = { "submission.approve", PA_APPROVE,
			  "ghi bản tự đánh giá", NULL, sub_job_resolve,
			  state_body },
	[ACT_EXTERNAL] = { "submission.external", PA_EXTERNAL,
			   "ghi bản tự đánh giá", NULL, sub_job_resolve,
			   external_body },
	[ACT_PUBLISH] = { "submission.publish", PA_PUBLISH,
			  "ghi bản tự đánh giá", NULL, sub_job_resolve,
			  state_body },
};

/* What the request asked besides its step: the external scores, the
 * reasons of a return (a digest of them, for the key). */
static void
payload_digest(const struct sub_job *j, char *hex, size_t n)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	if (j->json != NULL)
		crypto_hash_sha256_update(&st, (const unsigned char *)j->json,
					  strlen(j->json) + 1);
	for (size_t i = 0; i < j->n; i++) {
		const char *c = j->r[i].criterion_id ? j->r[i].criterion_id
						     : "",
			   *t = j->r[i].text ? j->r[i].text : "";
		crypto_hash_sha256_update(&st, (const unsigned char *)c,
					  strlen(c) + 1);
		crypto_hash_sha256_update(&st, (const unsigned char *)t,
					  strlen(t) + 1);
	}
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(hex, n, h, (n - 1) / 2);
}

/* A step sent from a page names its request by the submission, the
 * revision that page showed and what it asked (door.h): sent again, a
 * POST retried after a timeout, it is answered as the first time and
 * written once; a different request from the same revision is not a
 * retry (it is refused as stale, as before). Saves merge instead
 * (sub_save_merge); the command line (expect < 0) shows no page. */
static bool
sub_key(const void *in, char *key)
{
	const struct sub_job *j = in;
	char hex[33];
	if (j->act == ACT_SAVE || j->expect < 0 || j->expect == SUB_REV_UNKNOWN)
		return false;
	payload_digest(j, hex, sizeof(hex));
	int n = snprintf(key, DOOR_KEY_MAX, "%lld/%s@%lld#%s",
			 (long long)j->cid, j->unit, (long long)j->expect, hex);
	return n > 0 && n < DOOR_KEY_MAX;
}

/* A submit's answer again: the version it made. */
static void
sub_replay(void *out, const char *result)
{
	*(int *)out = (int)strtol(result, NULL, 10);
}

static const struct door_once SUB_ONCE = { sub_key, sub_replay };

enum ts_err
sub_job_run(struct app *app, const struct actor *who, struct sub_job *j,
	    void *out, struct diags *d)
{
	enum ts_err e = door_run_once(app, who, &SUB_DOORS[j->act], &SUB_ONCE,
				      j, out, d);
	if (j->k->close != NULL)
		j->k->close(j);
	return e;
}
