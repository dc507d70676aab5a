/*
 * What waits for the signed-in user (the landing page), per campaign that
 * has opened: for a school, its state, the deadline in days and, when its
 * result was returned, the reasons per criterion; for an office (Phòng,
 * Sở, their admins, the operator), the results waiting for its review
 * below it, those returned and waiting for the schools, and the units
 * that have not started, counted as the campaign's dashboard counts them
 * (campaign_status), so the two never disagree.
 */
#ifndef TS_TASKS_H
#define TS_TASKS_H

#include "campaign.h"

/* Units not started are flagged when the deadline is this near (or past). */
#define TASK_NEAR_DAYS 7

struct task_reason {
	const char *criterion_id; /* "*": the whole submission */
	const char *text;
};

struct school_task {
	struct campaign c;
	const char *unit_code;
	enum sub_state state;
	bool late;
	/* Vietnam calendar days from today to the due day: 0 = the last
	 * day, < 0 = that many days past it. */
	int64_t days_left;
	struct task_reason *reasons; /* the last return's, when returned */
	size_t nreasons;
	/* A finished round whose result is reviewed: no task any more (a
	 * past year's round), kept so the office's last steps on it still
	 * reach the school's notifications. */
	bool past;
};

struct office_task {
	struct campaign c;
	size_t expected;    /* participants under the actor */
	size_t waiting;	    /* submitted: waiting for review */
	size_t returned;    /* returned: waiting for the schools */
	size_t not_started; /* no submission yet */
	int64_t days_left;  /* as for a school */
};

struct task_list {
	struct school_task *school; /* school accounts */
	size_t nschool;
	struct office_task *office; /* reviewers and admins */
	size_t noffice;
	bool desk; /* the policy's PK_DESK: an office's list, not a school's */
};

/* The actor's tasks, newest campaign first; campaigns not open yet are
 * left out, as are those with no participant in the actor's scope and,
 * for an office, finished rounds (past their review due) where nothing
 * waits, is returned or not started; a school's finished round with its
 * result reviewed is kept marked `past`. */
enum ts_err tasks_of(struct app *app, const struct actor *who, struct arena *a,
		     struct task_list *out, struct diags *d) TS_MUSTCHECK;

/* One participant of a campaign, for the lists the tasks link to. */
struct unit_row {
	const char *code;
	const char *name;
	enum sub_state state;
	bool late;
	const char *updated_at; /* NULL when not started */
};
/* The participants under the actor (by the path the campaign froze for
 * each, as campaign_status counts them) that are in `state`, by code. */
enum ts_err campaign_units(struct app *app, const struct actor *who, int64_t id,
			   enum sub_state state, struct arena *a,
			   struct unit_row **out, size_t *n,
			   struct diags *d) TS_MUSTCHECK;

#endif
