/*
 * Roll-up of schools' indicator values by bậc học (Phụ lục 2, Phụ lục 6):
 * one row per school level plus an all-levels row. A liên cấp school is
 * counted in the row of each of its levels, and once in the all-levels row
 * (so level rows may add up to more than it). A school that has not
 * reported, or left an indicator empty, is missing from that indicator's
 * figures, never a zero; every cell says how many schools it covers and
 * how many of them answered. Pure: the app gathers the units.
 */
#ifndef TS_INDICATOR_AGG_H
#define TS_INDICATOR_AGG_H

#include "indicator_values.h"

/* Rows: LEVEL_MN..LEVEL_GDTX by bit index, then every level. */
#define AGG_ROWS 6
#define AGG_ALL	 5

struct agg_unit {
	unsigned levels;		 /* enum school_level bits */
	const struct ind_values *values; /* NULL: has not reported */
};

struct agg_name {
	const char *name;
	bool domestic;
	size_t units; /* schools that named it */
};

struct agg_cell {
	size_t units;	 /* schools of the row the indicator applies to */
	size_t answered; /* of them, with a value entered */
	pts_t sum;	 /* count: total; percent: sum of the values */
	size_t yes;	 /* yesno: schools answering có */
	/* count with a whole: the part and the whole summed over the schools
	 * that entered both, the right denominator for its rate. */
	pts_t part_sum, whole_sum;
	size_t paired;
	size_t *options;	/* choice: schools per option */
	struct agg_name *names; /* names: distinct names, first seen first */
	size_t nnames, names_cap;
	size_t ndomestic;
};

struct ind_agg {
	struct arena *arena;
	const struct ind_set *set;
	size_t units[AGG_ROWS];	   /* schools per row */
	size_t reported[AGG_ROWS]; /* of them, with values */
	struct agg_cell *cells;	   /* set->n * AGG_ROWS, by idx then row */
};

enum ts_err ind_agg_run(const struct ind_set *s, const struct agg_unit *u,
			size_t n, struct ind_agg **out) TS_MUSTCHECK;
void ind_agg_free(struct ind_agg *a);

const struct agg_cell *ind_agg_cell(const struct ind_agg *a,
				    const struct indicator *it, size_t row);
/* Counts and sums (no options or names) of one indicator over the schools
 * having any of `levels`, each school once. */
void agg_cell_over(const struct indicator *it, const struct agg_unit *u,
		   size_t n, unsigned levels, struct agg_cell *out);
/* Row index of one level bit (LEVEL_TH -> 1). */
size_t agg_row_of(unsigned level);

/*
 * A rate as an exact fraction of hundredths of a percent (pts): value =
 * num / den. yesno: schools with có over schools that answered; count with
 * a whole: part over whole; percent: the mean of the schools' values. den
 * is 0 when nobody answered: no rate, not 0%.
 */
struct agg_rate {
	int64_t num, den;
};

struct agg_rate agg_cell_rate(const struct indicator *it,
			      const struct agg_cell *c);
/* num/den rounded half up; 0 when den is 0 (check den first). */
pts_t agg_rate_value(struct agg_rate r);

#endif
