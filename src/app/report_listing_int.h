/* The office's listings: report_listing_rows.c reads, groups and orders
 * the units of both danh-sach (report_listing.c) and chua-nop
 * (report_chase.c); report_listing_cols.c decides danh-sach's result
 * columns from the rubric's shape and fills them;
 * report_listing_widths.c sizes both tables' columns from their
 * content. */
#ifndef TS_REPORT_LISTING_INT_H
#define TS_REPORT_LISTING_INT_H

#include "../core/score.h"
#include "org.h"
#include "report_int.h"
#include "submission.h"

/* The chase list's contacts: the unit's phone and e-mail, its head's
 * name, phone and e-mail. */
#define LS_CONTACTS 5

/* One unit under the office, with the sub-unit it is grouped under. */
struct ls_unit {
	const char *code, *name, *answers, *external;
	const char *group_code, *group_name; /* NULL: the office's own */
	unsigned levels;
	enum org_kind kind;
	enum sub_state state;
	bool late;
	const char *contact[LS_CONTACTS]; /* "" unless read for the chase */
};

/* The campaign's units under the office (chase: only those not
 * submitted, with their contacts), grouped and in natural code order. */
enum ts_err ls_units_load(struct rb *b, bool chase, struct ls_unit **out,
			  size_t *n) TS_MUSTCHECK;

/* What a listing prints of its rows: a unit's row (stt counts from 1 in
 * its group) and a subtotal row (grand: the total of every group after
 * the last group's own). */
struct ls_rows {
	void (*unit)(struct rb *b, struct rp_table *t, const struct ls_unit *u,
		     int stt, void *ctx);
	void (*total)(struct rb *b, struct rp_table *t, const char *label,
		      bool grand, void *ctx);
	void *ctx;
};
/* The units u[0..n) as rows of t: one group per sub-unit under a
 * heading row "I", "II", … closed by its subtotal ("Cộng"); a grand
 * total ("Tổng cộng") when there is more than one group, else the one
 * group's subtotal is the "Tổng cộng" and no heading row is printed. */
enum ts_err ls_rows_grouped(struct rb *b, struct rp_table *t,
			    const struct ls_unit *u, size_t n,
			    const struct ls_rows *w);

/* The NĐ 30 header of a listing: the office's, "DANH SÁCH", number
 * "…/DS-…". */
void ls_header(struct rb *b);

/* Relative column widths of a filled table from its content: each
 * column but `flex` as wide as its longest value (a header over two or
 * three lines), column `flex` (the unit's name) the rest of a landscape
 * page's line. The writers keep every column at least as wide as its
 * widest word, so no number or code is ever broken. */
void ls_fit_widths(struct rb *b, struct rp_table *t, size_t flex);

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
	int returned; /* scored but sent back: in the level counts too */
	int (*ranks)[LS_RANKS]; /* per result column */
};

/* Above the table, the names of the groups its bands number ("Nhóm
 * tiêu chí 1: Chuyển đổi số trong dạy, học; …"); nothing when the
 * columns are not per group. */
void ls_legend(struct rb *b, struct rp_section *s, const struct ls_plan *p);
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
