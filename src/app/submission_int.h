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
enum ts_err sub_reload(struct app *app, struct submission *s,
		       struct arena *a);
/* Commits when e is TS_OK, otherwise rolls back; a lost race is worded
 * for the user. Returns the final status. */
enum ts_err sub_end_tx(struct app *app, enum ts_err e, const char *unit,
		       struct diags *d);
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

#endif
