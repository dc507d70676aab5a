/* Shared by the submission use case files only. */
#ifndef TS_SUBMISSION_INT_H
#define TS_SUBMISSION_INT_H

#include "submission.h"

/* sub_open + a check that the state allows `act` (TS_ECONFLICT with the
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

#endif
