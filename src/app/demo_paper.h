/* The demo's papers around the self-assessment (issue 16): the software
 * its mầm non schools list, so an office sees them summed. */
#ifndef TS_DEMO_PAPER_H
#define TS_DEMO_PAPER_H

#include "app.h"

/* For every campaign whose rubric is for mầm non, the IT officer
 * ("cntt.<code>") of each participant directly under a commune lists a
 * few plausible software; a school without that account is left out. */
enum ts_err demo_paper(struct app *app, struct diags *d) TS_MUSTCHECK;

#endif
