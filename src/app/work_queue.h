/*
 * The reviewer's work queue (issue 17, item 4): a campaign's schools
 * under one unit, one row each with state, dates and levels (self and
 * reviewed, from the stored summaries), filtered, sorted and paged. A
 * statistics campaign (issue 15) has the same rows, states, filters,
 * next school and bulk steps; its kind-specific column is the warnings
 * each school confirmed instead of the levels.
 */
#ifndef TS_WORK_QUEUE_H
#define TS_WORK_QUEUE_H

#include "../core/completeness.h"
#include "admin_list.h"
#include "campaign.h"

enum queue_sort {
	QS_CODE,
	QS_SUBMITTED,
	QS_SCORE
};

struct queue_filter {
	const char *under; /* unit code, NULL: the actor's own subtree */
	int state;	   /* an enum sub_state, or -1 for any */
	int late;	   /* 1 late only, 0 on time only, -1 any */
	unsigned levels;   /* cấp học bits, 0 for any */
	int signed_copy;   /* 1 sent its signed copy, 2 not yet, 0 any */
	enum queue_sort sort;
	bool desc;
};

struct queue_row {
	const char *code, *name, *parent_name;
	enum sub_state state;
	bool late;
	const char *first_submitted_at, *updated_at;	      /* NULL: none */
	int self_level[LC_GROUPS], reviewed_level[LC_GROUPS]; /* 0: none */
	int64_t reviewed_points; /* hundredths, all groups */
	int64_t revision;	 /* the submission's, -1: none yet */
	const char *signed_at; /* the latest signed copy's upload; NULL: none */
	/* A statistics campaign's row: the warnings (values far from the
	 * previous report) the school confirmed; -1 for a CĐS campaign. */
	int confirmed;
};

/* One school's place in a queue (the same filters and sort): */
struct queue_pos {
	bool in_queue;			   /* the filters match it */
	const char *next_code, *next_name; /* the row after it, NULL: none */
};

/* One page (pg->offset, pg->limit; pg->total set) of the queue; refused
 * like the dashboard for a unit or campaign outside the actor's scope. */
enum ts_err work_queue(struct app *app, const struct actor *who, int64_t id,
		       const struct queue_filter *f, struct list_page *pg,
		       struct arena *a, struct queue_row **out, size_t *n,
		       struct diags *d) TS_MUSTCHECK;

/* Whether school `code` is in the queue `f` and which school follows it
 * (pages aside), read by keyset: the cost is the rows from that school to
 * the next match, not the queue. A school the filters no longer match
 * keeps its place by the sort, so "next" still moves on from it. Refused
 * like work_queue. */
enum ts_err work_queue_next(struct app *app, const struct actor *who,
			    int64_t id, const struct queue_filter *f,
			    const char *code, struct arena *a,
			    struct queue_pos *pos,
			    struct diags *d) TS_MUSTCHECK;

/* Bulk steps from the queue (item 5): each picked school with the
 * revision its row showed. */
struct bulk_pick {
	const char *code;
	int64_t revision;
};
struct bulk_result {
	const char *code, *name; /* name: the code when it cannot be read */
	const char *parent;   /* the office above it in the campaign, or NULL:
			     * names repeat in a province, so lists show it */
	enum sub_state state; /* as it is now (after the step if done) */
	bool ok;	      /* done, or (checking only) would be */
	const char *why;      /* when not ok: why it is skipped */
};
/*
 * Approves (ACT_APPROVE) or publishes (ACT_PUBLISH) each pick through
 * sub_approve / sub_publish, the single action's own use case: its own
 * transaction and audit row, role and subtree asked for every row. A
 * school whose revision is no longer the one picked, or whose state or
 * scope does not allow the step, is skipped with the reason, never acted
 * on. With apply false nothing is written: out says what would happen
 * (the confirmation page). out has n elements (arena strings).
 */
enum ts_err work_queue_bulk(struct app *app, const struct actor *who,
			    int64_t cid, enum sub_action act,
			    const struct bulk_pick *p, size_t n, bool apply,
			    struct arena *a,
			    struct bulk_result *out) TS_MUSTCHECK;

#endif
