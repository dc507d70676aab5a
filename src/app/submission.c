/* Submission use cases for the school: open, save a draft, submit. */
#include "submission.h"
#include "submission_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/policy.h"
#include "../core/score_json.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "gap_record.h"
#include "results_cache.h"
#include "score_summary.h"
#include "stats_summary.h"

static const char SQL_SUB[] =
	"SELECT id, state, version, revision, answers, external, late, "
	"first_submitted_at, updated_at, updated_by FROM submission "
	"WHERE campaign_id = ? AND unit_id = ?";

static const char EMPTY_ANSWERS[] = "{\"format\":1,\"answers\":{}}";

enum ts_err
sub_reload(struct app *app, struct submission *s, struct arena *a)
{
	struct db_stmt *st = db_prep(app->db, SQL_SUB);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, s->campaign.id);
	db_bind_int(st, 2, s->unit.id);
	enum db_step r = db_step(st);
	if (r == DB_ROW) {
		s->id = db_col_int(st, 0);
		sub_state_parse(db_col_text(st, 1), &s->state);
		s->version = (int)db_col_int(st, 2);
		s->revision = db_col_int(st, 3);
		s->answers = db_col_dup(st, 4, a);
		s->external = db_col_dup(st, 5, a);
		s->late = db_col_int(st, 6) != 0;
		s->first_submitted_at = db_col_dup(st, 7, a);
		s->updated_at = db_col_dup(st, 8, a);
		s->updated_by = db_col_dup(st, 9, a);
	}
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

void
sub_bind_states(struct db_stmt *st, int first,
		const char *const codes[WF_CODES_MAX])
{
	for (int i = 0; i < WF_CODES_MAX; i++)
		db_bind_text(st, first + i, codes[i]);
}

bool
sub_allowed(const struct actor *who, const struct submission *s,
	    enum sub_action act, int state, const char **why)
{
	struct pol_query q = { who->role,     who->path, PK_SUBMISSION,
			       s->scope_path, state,	 pol_action_of(act) };
	return policy_allows(&q, why);
}

enum ts_err
sub_open(struct app *app, const struct actor *who, int64_t cid,
	 const char *unit_code, enum sub_action want, struct arena *a,
	 struct submission *out, struct diags *d)
{
	memset(out, 0, sizeof(*out));
	out->answers = EMPTY_ANSWERS;
	out->external = "{}";
	enum ts_err e = campaign_get(app, who, cid, a, &out->campaign, d);
	if (e != TS_OK)
		return e;
	if ((e = org_find_named(app, unit_code, a, &out->unit, d)) != TS_OK)
		return e;
	e = campaign_scope_path(app, who, cid, out->unit.id, a,
				&out->scope_path);
	if (e == TS_EDB || e == TS_ENOMEM)
		return e == TS_EDB ? app_db_error(app, d, "đọc đơn vị tham gia")
				   : e;
	if (e != TS_OK) {
		diags_add(d, unit_code,
			  "đơn vị không tham gia đợt đánh giá này");
		return TS_ENOTFOUND;
	}
	const char *why = NULL;
	if (!sub_allowed(who, out, want, POL_ANY_STATE, &why)) {
		diags_add(d, unit_code, "không được %s: %s",
			  sub_action_name(want), why);
		return TS_EFORBIDDEN;
	}
	out->rubric = app_rubric(app, out->campaign.rubric_id,
				 out->campaign.rubric_version);
	/* The body was checked when it was stored with the campaign: not
	 * reading it back is the database's failure. */
	if (out->rubric == NULL)
		return app_db_error(app, d, "đọc bộ chỉ số của đợt đánh giá");
	if (sub_reload(app, out, a) != TS_OK)
		return app_db_error(app, d, "đọc bản tự đánh giá");
	return TS_OK;
}

enum ts_err
sub_open_for(struct app *app, const struct actor *who, int64_t cid,
	     const char *unit_code, enum sub_action act, struct arena *a,
	     struct submission *s, struct diags *d)
{
	enum ts_err e = sub_open(app, who, cid, unit_code, act, a, s, d);
	const char *why = NULL;
	if (e == TS_OK && !sub_allowed(who, s, act, (int)s->state, &why)) {
		diags_add(d, unit_code, "không thể %s: %s (trạng thái: %s)",
			  sub_action_name(act), why, sub_state_name(s->state));
		e = TS_ESTALE;
	}
	return e;
}

static bool json_nfc(json_t *v, struct arena *a);

/* NFC every value of an array or object in place. */
static bool
json_nfc_members(json_t *v, struct arena *a)
{
	size_t i;
	const char *k;
	json_t *x;
	void *tmp;
	bool ok = true;
	if (json_is_array(v))
		json_array_foreach(v, i, x) ok = ok && json_nfc(x, a);
	else
		json_object_foreach_safe(v, tmp, k, x)
			ok = ok && json_nfc(x, a);
	return ok;
}

/* NFC every string of a JSON tree in place. */
static bool
json_nfc(json_t *v, struct arena *a)
{
	if (json_is_string(v)) {
		const char *s = vn_nfc(a, json_string_value(v));
		return s != NULL && json_string_set(v, s) == 0;
	}
	if (json_is_array(v) || json_is_object(v))
		return json_nfc_members(v, a);
	return true;
}

/* Same unit: its code, or its name up to case and accents. */
static bool
same_unit(const char *given, const struct org_unit *u, struct arena *a)
{
	if (strcmp(given, u->code) == 0)
		return true;
	const char *k1 = vn_fold_key(a, given), *k2 = vn_fold_key(a, u->name);
	return k1 != NULL && k2 != NULL && strcmp(k1, k2) == 0;
}

/* An answers file may say whose it is ("unit", "school_year"; "rubric"
 * is checked by the parser against the campaign's rubric): when it does,
 * it must be this submission's, so one school's file never lands in
 * another's record. */
static bool
answers_fit(const struct answers *ans, const struct submission *s,
	    const char *name, struct arena *a, struct diags *d)
{
	bool ok = true;
	if (ans->unit != NULL && !same_unit(ans->unit, &s->unit, a)) {
		diags_add(d, name,
			  "tệp trả lời dành cho đơn vị \"%s\", không "
			  "phải %s (%s)",
			  ans->unit, s->unit.name, s->unit.code);
		ok = false;
	}
	if (ans->school_year != NULL &&
	    strcmp(ans->school_year, s->campaign.school_year) != 0) {
		diags_add(d, name,
			  "tệp trả lời dành cho năm học %s, không phải "
			  "năm học %s của đợt đánh giá",
			  ans->school_year, s->campaign.school_year);
		ok = false;
	}
	return ok;
}

char *
sub_canonical(const struct submission *s, const char *json, const char *name,
	      struct arena *sa, struct diags *d)
{
	struct answers *ans = NULL;
	if (answers_parse(s->rubric, json, strlen(json), name, &ans, d) !=
	    TS_OK)
		return NULL;
	bool fits = answers_fit(ans, s, name, sa, d);
	answers_free(ans);
	if (!fits)
		return NULL;
	struct arena *a = arena_new();
	json_t *root = json_loads(json, JSON_REJECT_DUPLICATES, NULL);
	char *out = NULL;
	if (a && root && json_nfc(root, a))
		out = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(root);
	arena_free(a);
	return out;
}

enum ts_err
sub_write_draft(struct app *app, const struct actor *who,
		const struct submission *s, const char *text, int64_t expect)
{
	static const char ins[] =
		"INSERT INTO submission(campaign_id, unit_id, state, answers, "
		"updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)";
	static const char upd[] =
		"UPDATE submission SET answers = ?, revision = revision + 1, "
		"updated_at = ?, updated_by = ? WHERE id = ? AND "
		"(? < 0 OR revision = ?) AND state IN " SUB_STATES_IN;
	const char *from[WF_CODES_MAX];
	enum sub_state first = ST_NONE;
	const char *why = NULL;
	wf_from_codes(ACT_SAVE, from);
	if (!wf_next(ST_NONE, ACT_SAVE, &first, &why))
		return TS_EINVAL;
	char now[TS_TIME_SIZE];
	ts_time_format(ts_time_now(), now);
	struct db_stmt *st = db_prep(app->db, s->id ? upd : ins);
	if (st == NULL)
		return TS_EDB;
	if (s->id == 0) {
		db_bind_int(st, 1, s->campaign.id);
		db_bind_int(st, 2, s->unit.id);
		db_bind_text(st, 3, sub_state_code(first));
		db_bind_text(st, 4, text);
		db_bind_text(st, 5, now);
		db_bind_text(st, 6, who->login);
		return db_exec_stmt(st);
	}
	db_bind_text(st, 1, text);
	db_bind_text(st, 2, now);
	db_bind_text(st, 3, who->login);
	db_bind_int(st, 4, s->id);
	db_bind_int(st, 5, expect);
	db_bind_int(st, 6, expect);
	sub_bind_states(st, 7, from);
	return db_exec_changed(st);
}

void
sub_object(const struct submission *s, char *out, size_t n)
{
	snprintf(out, n, "submission:%lld/%s", (long long)s->campaign.id,
		 s->unit.code);
}

enum ts_err
sub_check_revision(const struct submission *s, int64_t expect, struct diags *d)
{
	if (expect < 0 || expect == s->revision)
		return TS_OK;
	if (expect == SUB_REV_UNKNOWN)
		diags_add(
			d, s->unit.code,
			"trang bạn dùng không cho biết được "
			"mở ở lần sửa nào; hãy xem lại bản mới rồi thực hiện lại");
	else
		diags_add(d, s->unit.code,
			  "bản tự đánh giá đã có thay đổi sau khi bạn "
			  "mở trang (lần sửa %lld, nay là lần sửa %lld)",
			  (long long)expect, (long long)s->revision);
	return TS_ESTALE;
}

enum ts_err
sub_record(struct app *app, const struct actor *who, const struct submission *s,
	   const char *action, const char *detail)
{
	static const char sql[] =
		"INSERT INTO submission_revision(submission_id, revision, "
		"action, answers, external, state, author, at) SELECT id, "
		"revision, ?, answers, external, state, ?, ? FROM submission "
		"WHERE campaign_id = ? AND unit_id = ?";
	char now[TS_TIME_SIZE], obj[128];
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, action);
	db_bind_text(st, 2, who->login);
	db_bind_text(st, 3, ts_time_format(ts_time_now(), now));
	db_bind_int(st, 4, s->campaign.id);
	db_bind_int(st, 5, s->unit.id);
	enum ts_err e = db_exec_stmt(st);
	/* Results are computed here, once per change, never for a view. */
	bool stats = s->campaign.kind &&
		     strcmp(s->campaign.kind, "thong-ke") == 0;
	if (e == TS_OK && stats)
		e = stats_summary_write(app, s->campaign.id, s->unit.id);
	else if (e == TS_OK)
		e = score_summary_write(app, s->rubric, s->campaign.id,
					s->unit.id);
	if (e == TS_OK)
		e = results_changed(app, s->campaign.id, s->unit.id);
	if (e == TS_OK && !stats)
		e = gap_record(app, s->rubric, s->campaign.id, s->unit.id);
	sub_object(s, obj, sizeof(obj));
	return e == TS_OK ? audit_add(app, who, action, obj, detail) : e;
}
