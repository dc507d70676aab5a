/*
 * The submission workflow as a pure state machine (design §5):
 *   draft → submitted → (returned → submitted)* → approved → published.
 * Who may act is decided by the one policy function (policy.h), which
 * asks this table whether a step exists from a state.
 */
#ifndef TS_WORKFLOW_H
#define TS_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

enum sub_state {
	ST_NONE, /* not started: no submission row yet */
	ST_DRAFT,
	ST_SUBMITTED,
	ST_RETURNED,
	ST_APPROVED,
	ST_PUBLISHED,
};
#define ST_COUNT 6

enum sub_action {
	ACT_SAVE,     /* edit the school's answers */
	ACT_SUBMIT,   /* nộp: snapshot a new version */
	ACT_RETURN,   /* trả lại, with a reason per criterion */
	ACT_APPROVE,  /* phê duyệt */
	ACT_EXTERNAL, /* enter đánh giá ngoài scores */
	ACT_PUBLISH,  /* công bố */
	ACT_VIEW,
};

enum role {
	ROLE_SCHOOL_EDITOR, /* cán bộ phụ trách CNTT: fills in */
	ROLE_SCHOOL_HEAD,   /* hiệu trưởng / giám đốc: submits */
	ROLE_REVIEWER,	    /* chuyên viên Phòng/Sở/Bộ */
	ROLE_ADMIN,	    /* quản trị của một cấp */
	ROLE_OBSERVER,	    /* theo dõi: a higher level that only reads */
};
#define ROLE_COUNT 5

/* Where a unit is seen from the actor's unit. */
enum scope {
	SCOPE_OUTSIDE,
	SCOPE_OWN,
	SCOPE_BELOW
};

const char *sub_state_code(enum sub_state s); /* "draft", ... */
const char *sub_state_name(enum sub_state s); /* "Bản nháp", ... */
bool sub_state_parse(const char *code, enum sub_state *out);
const char *sub_action_name(enum sub_action a); /* "nộp", ... */
const char *role_code(enum role r);
const char *role_name(enum role r);
bool role_parse(const char *code, enum role *out);

/* Scope of unit_path seen from actor_path (materialized paths "/1/4/"). */
enum scope scope_of(const char *actor_path, const char *unit_path);

/*
 * The state after `a` from `s`, or false with *why set to a Vietnamese
 * explanation of why the step is not allowed now.
 */
bool wf_next(enum sub_state s, enum sub_action a, enum sub_state *next,
	     const char **why);
/*
 * States as SQL sees them, all from the NEXT table (never written as
 * literals in app SQL; tools/check-source.sh refuses them): up to
 * WF_CODES_MAX state codes in out[0..n), the rest NULL, for binding into
 * "state IN (?, ?, ?, ?, ?)" (a NULL matches nothing). Returns n.
 *   wf_from_codes: the stored states `a` may start from (ST_NONE has no
 *                  row and is left out);
 *   wf_reviewed_codes: the states whose đánh giá ngoài is final (those
 *                  reached by approving, and every state after them).
 */
#define WF_CODES_MAX (ST_COUNT - 1)
size_t wf_from_codes(enum sub_action a, const char *out[WF_CODES_MAX]);
size_t wf_reviewed_codes(const char *out[WF_CODES_MAX]);
/* Answers nobody has submitted yet (not started, draft, returned): what
 * they score is a draft, never to pass for the final result. */
bool wf_draft(enum sub_state s);
/* Is s one of wf_reviewed_codes? */
bool wf_reviewed(enum sub_state s);

/* Who may do what: core/policy.h. */

#endif
