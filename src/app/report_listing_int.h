/* The listing (danh-sach) builder's two halves: report_listing.c reads,
 * groups and orders the units; report_listing_cols.c decides the result
 * columns from the rubric's shape and fills them. */
#ifndef TS_REPORT_LISTING_INT_H
#define TS_REPORT_LISTING_INT_H

#include "../core/score.h"
#include "report_int.h"

/* Columns before the results: STT, Mã, Tên, Cấp học, Trạng thái, Nộp
 * muộn. */
#define LS_FIXED 6
/* Levels and grades counted in a subtotal: rank 1 .. LS_RANKS - 1. */
#define LS_RANKS 16

/* What one result column shows, of the school's own scoring or of the
 * reviewed one. */
enum ls_what {
	LS_GROUP_PTS,
	LS_GROUP_LEVEL,
	LS_TOTAL,
	LS_GRADE
};

struct ls_col {
	enum ls_what what;
	size_t group; /* LS_GROUP_* */
	bool reviewed;
	const char *band;  /* header row 0, merged over equal neighbours */
	const char *label; /* header row 1 */
	int width;
};

/* The result columns of a rubric, from its declared shape: groups that
 * carry levels get points and Mức per group; a rubric with a meaningful
 * total (rubric_has_total) and grades, or with no group levels, gets the
 * total and, with grades, the Xếp loại. Each for the school's own score
 * and the reviewed one. */
struct ls_plan {
	const struct rubric *r;
	struct ls_col *cols;
	size_t ncols;
};
bool ls_plan_make(struct rb *b, const struct rubric *r, struct ls_plan *p);

/* Counts for one group's subtotal row. */
struct ls_tally {
	int units, submitted, late;
	int (*ranks)[LS_RANKS]; /* per result column */
};

/* The two header rows. */
void ls_head(struct rb *b, struct rp_table *t, const struct ls_plan *p);
/* A scored unit's result cells on row (reviewed: only those columns),
 * counted into tl. */
void ls_score_cells(struct rb *b, struct rp_table *t, size_t row,
		    const struct ls_plan *p, const struct score *s,
		    bool reviewed, struct ls_tally *tl);
/* A subtotal row: label over the fixed columns, the counts of levels
 * or grades over each result's points and level columns. */
void ls_total_row(struct rb *b, struct rp_table *t, const struct ls_plan *p,
		  const char *label, const struct ls_tally *tl);

#endif
