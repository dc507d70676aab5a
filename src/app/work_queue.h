/*
 * The reviewer's work queue (issue 17, item 4): a campaign's schools
 * under one unit, one row each with state, dates and levels (self and
 * reviewed, from the stored summaries), filtered, sorted and paged.
 */
#ifndef TS_WORK_QUEUE_H
#define TS_WORK_QUEUE_H

#include "../core/completeness.h"
#include "admin_list.h"
#include "campaign.h"

enum queue_sort { QS_CODE, QS_SUBMITTED, QS_SCORE };

struct queue_filter {
	const char *under;  /* unit code, NULL: the actor's own subtree */
	int state;          /* an enum sub_state, or -1 for any */
	int late;           /* 1 late only, 0 on time only, -1 any */
	unsigned levels;    /* cấp học bits, 0 for any */
	int signed_copy;    /* 1 sent its signed copy, 2 not yet, 0 any */
	enum queue_sort sort;
	bool desc;
};

struct queue_row {
	const char *code, *name, *parent_name;
	enum sub_state state;
	bool late;
	const char *first_submitted_at, *updated_at; /* NULL: none */
	int self_level[LC_GROUPS], reviewed_level[LC_GROUPS]; /* 0: none */
	int64_t reviewed_points; /* hundredths, all groups */
	const char *signed_at; /* the latest signed copy's upload; NULL: none */
};

/* One page (pg->offset, pg->limit; pg->total set) of the queue; refused
 * like the dashboard for a unit or campaign outside the actor's scope. */
enum ts_err work_queue(struct app *app, const struct actor *who, int64_t id,
		       const struct queue_filter *f, struct list_page *pg,
		       struct arena *a, struct queue_row **out, size_t *n,
		       struct diags *d) TS_MUSTCHECK;

#endif
