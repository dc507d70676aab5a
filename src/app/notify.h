/*
 * In-app notifications on a school's landing page (issue 17 item 7):
 * its result returned, approved or published by the office (from the
 * submission's own history, the last NOTICE_DAYS days), and a deadline
 * TASK_NEAR_DAYS days away or less while it has not submitted. Derived
 * from what is stored, never stored themselves: nothing to mark read or
 * to go stale.
 */
#ifndef TS_NOTIFY_H
#define TS_NOTIFY_H

#include "tasks.h"

#define NOTICE_DAYS 30
#define NOTICE_MAX  20

enum notice_kind {
	NOTICE_RETURNED,
	NOTICE_APPROVED,
	NOTICE_PUBLISHED,
	NOTICE_DEADLINE
};

struct notice {
	enum notice_kind kind;
	const struct campaign *c;
	const char *unit_code;
	const char *by; /* the office (its name) that acted; NULL: deadline */
	const char *at; /* when it acted (ISO); NULL: deadline */
	int64_t days_left; /* NOTICE_DEADLINE: as school_task.days_left */
};

/* The notices of the school tasks in l (tasks_of), deadlines first, then
 * the office's steps newest first; at most NOTICE_MAX. */
enum ts_err notices_of(struct app *app, const struct task_list *l,
		       struct arena *a, struct notice **out,
		       size_t *n) TS_MUSTCHECK;

#endif
