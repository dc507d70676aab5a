/*
 * Who may do what: one function for every permission of the program
 * (issue 13), in the manner of SQLite's sqlite3AuthCheck(). The app layer
 * resolves the target (its kind, the unit path it belongs to, its state)
 * and asks policy_allows() before it touches data; the web layer asks the
 * same function before it shows a page or a button. Nothing else decides
 * a permission, so a new role or target kind changes this file and its
 * matrix test (tests/unit/test_policy.c), and nothing fails silently.
 */
#ifndef TS_POLICY_H
#define TS_POLICY_H

#include <stdbool.h>

#include "workflow.h"

/* What is acted on. Accounts and reports come in two kinds because the
 * rule differs: an admin account of one's own unit is managed by the
 * level above; a school's report is edited by the school, an office's by
 * the office. */
enum pol_kind {
	PK_SUBMISSION,	  /* a school's self-assessment in a campaign */
	PK_UNIT,	  /* a unit of the org tree */
	PK_ACCOUNT,	  /* a user account that is not an admin */
	PK_ADMIN_ACCOUNT, /* an admin account */
	PK_CAMPAIGN,	  /* a campaign; its path is the owner unit's */
	PK_EVIDENCE,	  /* an evidence file of a unit */
	PK_SCHOOL_REPORT, /* the typed fields of a school's document */
	PK_OFFICE_REPORT, /* the typed fields of a Phòng's / Sở's document */
	PK_AUDIT,	  /* the audit log */
	PK_ADMIN_AREA,	  /* the admin pages as a whole */
	PK_DESK, /* an office's desk: the queue, unit search, the tasks that
		  * wait for it, the changes between two submissions */
};
#define PK_COUNT 11

/* The submission actions first, in the order of enum sub_action, so a
 * workflow action converts with pol_action_of(). */
enum pol_action {
	PA_SAVE,
	PA_SUBMIT,
	PA_RETURN,
	PA_APPROVE,
	PA_EXTERNAL,
	PA_PUBLISH,
	PA_VIEW,
	PA_CREATE, /* add a unit, an account or a campaign under the target */
	PA_CHANGE, /* rename, move, close; change an account; edit fields */
	PA_REMIND, /* mail a unit's head and editor a reminder */
};
#define PA_COUNT 10

/* Target state for a submission whose state is not read yet (the "who"
 * part only); every other kind has no state. */
#define POL_ANY_STATE (-1)

struct pol_query {
	enum role role;
	/* The actor's unit path ("/1/4/"); "/" is the server's operator,
	 * who acts over the whole tree. */
	const char *actor_path;
	enum pol_kind kind;
	/* The unit the target belongs to (for a campaign's submission, the
	 * path the campaign froze; for a new unit, its parent); NULL when
	 * there is none: a new root unit, the audit log, the admin area,
	 * or "some account" before one is named. */
	const char *target_path;
	int state; /* enum sub_state, or POL_ANY_STATE */
	enum pol_action action;
};

/* True if allowed; else false with *why a Vietnamese reason (static). */
bool policy_allows(const struct pol_query *q, const char **why);

enum pol_action pol_action_of(enum sub_action a);
const char *pol_kind_code(enum pol_kind k);	/* "submission" */
const char *pol_action_code(enum pol_action a); /* "save" */

#endif
