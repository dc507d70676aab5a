/*
 * Scoring: answers + rubric -> points per item, criterion and group, the
 * levels (Mức độ) of criteria and groups, the overall grade where the rubric
 * has one, and per group what is missing for the next level. This is the
 * only implementation of the rules; CLI, web, API and reports all call it.
 */
#ifndef TS_SCORE_H
#define TS_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "rubric.h"

struct item_score {
	pts_t points;
	pts_t max; /* best this item can give */
	bool answered;
	bool gate_met; /* gates only */
};

struct criterion_score {
	pts_t points;			/* after the cap */
	pts_t raw;			/* sum of item points before the cap */
	const struct level_band *level; /* NULL if the criterion has none */
};

/* One way to gain points in a group, for "what is missing". */
struct suggestion {
	const struct item *item;
	pts_t gain;	 /* points if the item reaches its best */
	pts_t step_gain; /* points from the smallest next step */
	pts_t step_at;	 /* band items: least value earning step_gain */
	const struct band *step_band; /* band items: the band it reaches */
};

struct advice {
	const struct level_band *next; /* NULL: already at the top */
	pts_t needed;		   /* fewest points, at the rubric's step, still
				missing for next once gates are met */
	const struct item **gates; /* failed gates to meet first */
	size_t ngates;
	struct suggestion *v; /* cheapest first (see score.c) */
	size_t n;
	pts_t available; /* sum of every gain in the group */
	bool reachable;	 /* available covers needed */
};

struct group_score {
	pts_t points;  /* 0 when a gate failed */
	pts_t ungated; /* what the group would have with its gates met */
	bool gates_met;
	const struct level_band *level; /* NULL if the group has none */
	struct advice advice;
};

struct score {
	struct arena *arena;
	const struct rubric *rubric;
	const struct answers *answers;
	struct item_score *items;	  /* by item idx */
	struct criterion_score *criteria; /* by criterion idx */
	struct group_score *groups;	  /* by group idx */
	pts_t total;
	const struct level_band *grade; /* NULL if the rubric has none */
	size_t unanswered;
};

/* Computes everything; NULL on OOM. Answers must belong to r. */
struct score *score_compute(const struct rubric *r, const struct answers *a);
void score_free(struct score *s);

/* Items of criterion c (of group g) without an answer; *all gets how
 * many it has. */
size_t score_criterion_open(const struct score *s, const struct criterion *c,
			    size_t *all);
size_t score_group_open(const struct score *s, const struct group *g,
			size_t *all);
/* May group g's level (or the whole grade) be shown as a result? Not
 * while a draft (answers nobody has submitted yet: wf_draft) leaves
 * items of it open: "Mức độ 1" there reads like the final result. */
bool score_group_settled(const struct score *s, const struct group *g,
			 bool draft);
bool score_settled(const struct score *s, bool draft);

/* Points one item earns from an answer (0 when unanswered). */
pts_t item_points(const struct item *it, const struct answer *a);

#endif
