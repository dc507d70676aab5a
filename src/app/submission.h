/*
 * A school's submission in a campaign and its workflow (design §5):
 * draft → submitted → (returned → submitted)* → approved → published.
 * Every submitted version is an immutable snapshot with its score; state
 * changes are conditional updates on a revision number, so two people
 * acting at once cannot both win; every change is audited in the same
 * transaction.
 */
#ifndef TS_SUBMISSION_H
#define TS_SUBMISSION_H

#include "../core/score.h"
#include "campaign.h"
#include "org.h"

struct submission {
	int64_t id; /* 0: not started */
	struct campaign campaign;
	struct org_unit unit;
	const struct rubric *rubric;
	enum sub_state state;
	int version; /* submitted snapshots so far */
	int64_t revision;
	const char *answers;  /* JSON: {"format":1,"answers":{...}} */
	const char *external; /* đánh giá ngoài, same form */
	bool late;
	const char *first_submitted_at;
	const char *updated_at;
	const char *updated_by;
	/* The unit path permissions are judged by (campaign_scope_path). */
	const char *scope_path;
};

struct review_reason {
	const char *criterion_id;
	const char *text;
};

/* WF_CODES_MAX placeholders ("state IN " SUB_STATES_IN), bound from
 * wf_from_codes / wf_reviewed_codes by sub_bind_states: states in app
 * SQL come from the workflow table, never from literals. */
#define SUB_STATES_IN "(?, ?, ?, ?, ?)"
struct db_stmt;
/* Binds codes[0..WF_CODES_MAX) (NULL as SQL NULL) from placeholder first. */
void sub_bind_states(struct db_stmt *st, int first,
		     const char *const codes[WF_CODES_MAX]);

/* policy_allows for act on s (loaded by sub_open), in the given state
 * (POL_ANY_STATE: who only). */
bool sub_allowed(const struct actor *who, const struct submission *s,
		 enum sub_action act, int state, const char **why);

/* Loads a submission for `want` (ACT_VIEW to read), checking the unit
 * takes part in the campaign and the actor may do it. */
enum ts_err sub_open(struct app *app, const struct actor *who,
		     int64_t campaign_id, const char *unit_code,
		     enum sub_action want, struct arena *a,
		     struct submission *out, struct diags *d) TS_MUSTCHECK;

/* `expect_revision` < 0 skips the concurrency check (CLI); the web form
 * passes the revision it showed. */
enum ts_err sub_save(struct app *app, const struct actor *who, int64_t cid,
		     const char *unit_code, const char *answers_json,
		     int64_t expect_revision, struct diags *d) TS_MUSTCHECK;
enum ts_err sub_submit(struct app *app, const struct actor *who, int64_t cid,
		       const char *unit_code, int64_t expect_revision,
		       int *version, struct diags *d) TS_MUSTCHECK;
/* `expect` >= 0: the revision the user's page showed; refused with
 * TS_ESTALE if the submission changed since (the CLI passes -1;
 * SUB_REV_UNKNOWN: a page that did not say, refused the same way). */
#define SUB_REV_UNKNOWN INT64_MAX
enum ts_err sub_return(struct app *app, const struct actor *who, int64_t cid,
		       const char *unit_code, const struct review_reason *r,
		       size_t n, int64_t expect, struct diags *d) TS_MUSTCHECK;
enum ts_err sub_set_external(struct app *app, const struct actor *who,
			     int64_t cid, const char *unit_code,
			     const char *external_json, int64_t expect,
			     struct diags *d) TS_MUSTCHECK;
enum ts_err sub_approve(struct app *app, const struct actor *who, int64_t cid,
			const char *unit_code, int64_t expect,
			struct diags *d) TS_MUSTCHECK;
enum ts_err sub_publish(struct app *app, const struct actor *who, int64_t cid,
			const char *unit_code, int64_t expect,
			struct diags *d) TS_MUSTCHECK;

/* One field another person changed after the form's revision. */
struct sub_change {
	const struct item *item;
	const char *author; /* who changed it last, and when */
	const char *at;
	bool conflict; /* the form changed it too, to another value */
};
struct sub_merge {
	int64_t revision;     /* the submission's revision afterwards */
	bool saved;	      /* false: nothing to change, or a conflict */
	struct sub_change *v; /* in rubric order (arena) */
	size_t n, nconflicts;
};
/*
 * The web form's save. `answers_json` holds every item of the form; an
 * item with keep[idx] (keep may be NULL) stays as stored: a value the form
 * refused, or a conflict settled for the newer value. The form is merged
 * field by field against the answers of revision `base`, the one its page
 * showed: a field only the form changed is applied, one only others
 * changed is kept, one both changed differently is a conflict (base < 0 or
 * unknown: every field that differs from the stored one is). With a
 * conflict nothing is written and TS_ESTALE is returned with m->v.
 */
enum ts_err sub_save_merge(struct app *app, const struct actor *who,
			   int64_t cid, const char *unit_code,
			   const char *answers_json, int64_t base,
			   const bool *keep, struct arena *a,
			   struct sub_merge *m, struct diags *d) TS_MUSTCHECK;

struct revision_info {
	int64_t revision;
	const char *action; /* audit action, "submission.save"... */
	const char *author;
	const char *at;
};
/* The revisions made after `base`, oldest first (at most 50). */
enum ts_err sub_revisions_since(struct app *app, const struct submission *s,
				int64_t base, struct arena *a,
				struct revision_info **out,
				size_t *n) TS_MUSTCHECK;

/* Scores answers JSON (with the external scores laid over the school's
 * where given, when external_json is not NULL). *ans receives the answers
 * the score points into; free both with score_free/answers_free. */
enum ts_err sub_score(const struct rubric *r, const char *answers_json,
		      const char *external_json, struct answers **ans,
		      struct score **score, struct diags *d) TS_MUSTCHECK;

struct snapshot_info {
	int version;
	const char *answers;
	const char *submitted_by;
	const char *submitted_at;
	bool late;
};
struct review_info {
	int version;
	const char *criterion_id;
	const char *text;
	const char *author;
	const char *at;
};
enum ts_err sub_history(struct app *app, const struct submission *s,
			struct arena *a, struct snapshot_info **snaps,
			size_t *nsnaps, struct review_info **notes,
			size_t *nnotes) TS_MUSTCHECK;

/* Item-level differences between two submitted versions. */
struct item_change {
	const struct item *item;
	const struct answer *before; /* slots in the two answers sets */
	const struct answer *after;
	pts_t points_before, points_after;
};
struct sub_diff {
	struct answers *a, *b;
	struct score *sa, *sb;
	struct item_change *v;
	size_t n;
};
enum ts_err sub_diff(struct app *app, const struct submission *s, int v1,
		     int v2, struct arena *a, struct sub_diff *out,
		     struct diags *d) TS_MUSTCHECK;
void sub_diff_release(struct sub_diff *df);

#endif
