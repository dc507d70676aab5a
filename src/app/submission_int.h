/* Shared by the submission use case files only. */
#ifndef TS_SUBMISSION_INT_H
#define TS_SUBMISSION_INT_H

#include "submission.h"

/* sub_open + a check that the state allows `act` (TS_ESTALE with the
 * reason otherwise). */
enum ts_err sub_open_for(struct app *app, const struct actor *who, int64_t cid,
			 const char *unit_code, enum sub_action act,
			 struct arena *a, struct submission *s,
			 struct diags *d);
/* Reads the submission row of s->campaign and s->unit again into s (its
 * state, revision and answers), e.g. inside a write transaction. */
enum ts_err sub_reload(struct app *app, struct submission *s, struct arena *a);
/* "submission:<campaign>/<unit code>", the audit object name. */
void sub_object(const struct submission *s, char *out, size_t n);

/* Validates answers for the submission (its rubric, and the unit and
 * school year the answers name, if any) and returns the canonical text to
 * store (compact, NFC, keys sorted), malloc'd; NULL with problems in d. */
char *sub_canonical(const struct submission *s, const char *json,
		    const char *name, struct arena *a, struct diags *d);
/* Stores the answers of a draft (inserting the row on the first save);
 * expect >= 0: only if the revision is still that one (TS_ESTALE). */
enum ts_err sub_write_draft(struct app *app, const struct actor *who,
			    const struct submission *s, const char *text,
			    int64_t expect);
/* TS_ESTALE, worded, when expect >= 0 is not s->revision. */
enum ts_err sub_check_revision(const struct submission *s, int64_t expect,
			       struct diags *d);
/* After a change of the row, in the same transaction: its new revision in
 * submission_revision (who, when, what it left) and the audit row. */
enum ts_err sub_record(struct app *app, const struct actor *who,
		       const struct submission *s, const char *action,
		       const char *detail);

/* Shared with the statistics campaign (stats_submission.c): the state
 * changes of the workflow, each on the revision s was read at. */
enum ts_err sub_mark_submitted(struct app *app, const struct actor *who,
			       const struct submission *s, bool late,
			       const char *now);
enum ts_err sub_set_state(struct app *app, const struct actor *who,
			  const struct submission *s, enum sub_action act);
enum ts_err sub_add_note(struct app *app, const struct actor *who,
			 const struct submission *s,
			 const struct review_reason *r);

/*
 * Every kind of submission (the CĐS self-assessment, a statistics report)
 * goes through the same workflow steps, each one write door
 * (submission_door.c); a kind says what it does its own way.
 */
struct sub_job;
struct door_ctx;
struct door_target;
struct sub_kind {
	const char *save, *submit, *submit_late, *ret; /* audit actions;
							* submit_late NULL:
							* as submit */
	const char *nothing;   /* submitting before anything was saved */
	const char *reasoned;  /* what a reason names: "tiêu chí" */
	const char *set_words; /* before the set's id in messages:
				* "chỉ số " (bộ chỉ số qd4725), or "" */
	/* Loads what the kind needs beside the row; close frees it (both
	 * NULL: nothing). */
	enum ts_err (*open)(struct sub_job *j, struct diags *d);
	void (*close)(struct sub_job *j);
	/* The draft to store from j->json: its canonical text, malloc'd. */
	enum ts_err (*draft)(struct sub_job *j, char **text, struct diags *d);
	/* What submitting snapshots: the values and their "score" text,
	 * malloc'd, or a refusal in d. */
	enum ts_err (*content)(struct sub_job *j, char **values, char **score,
			       struct diags *d);
	/* Whether a reason's id (NULL: none given) names something of
	 * the kind's set; *set: the set's id, for the message. ("*", the
	 * whole submission, is known to every kind.) */
	bool (*known)(const struct sub_job *j, const char *id,
		      const char **set);
};
extern const struct sub_kind SUB_CDS; /* submission_flow.c */

/* One step of the workflow: the door's input. */
struct sub_job {
	const struct sub_kind *k;
	enum sub_action act;
	int64_t cid;
	const char *unit;
	int64_t expect;		       /* as sub_return's */
	const char *json;	       /* save, external */
	const struct review_reason *r; /* return */
	size_t n;
	struct arena *keep; /* where s lives; NULL: the door's */
	/* Set by sub_job_resolve, in the transaction. */
	struct app *app;
	const struct actor *who;
	struct arena *a;
	struct submission s;
	void *extra; /* the kind's (open, close) */
};
/* Runs the step j->act of j in its own write transaction; out: the
 * version a submit made (int *), or NULL. */
enum ts_err sub_job_run(struct app *app, const struct actor *who,
			struct sub_job *j, void *out, struct diags *d);
/* The door's resolve for a sub_job (c->in): opens the submission for
 * j->act inside the transaction. */
enum ts_err sub_job_resolve(struct door_ctx *c, struct door_target *t);
/* Words a failure of the writes: a lost race, a database error. */
enum ts_err sub_written(struct door_ctx *c, enum ts_err e);

/*
 * A write on one school's report of a campaign that is not a workflow
 * step: its improvement plan, software list or signed copy. The input
 * struct of such a door starts with this one, so school_report_resolve
 * is its resolver: it opens the submission for viewing into `sub`, names
 * the audit object "<what>:<campaign>:<unit code>" in `obj`, and targets
 * the school's report (PK_SCHOOL_REPORT) in any state.
 */
struct school_report {
	int64_t cid;
	const char *code;
	const char *what; /* the audit object's prefix: "plan" */
	struct submission sub;
	char obj[96];
};
enum ts_err school_report_resolve(struct door_ctx *c, struct door_target *t);

#endif
