/*
 * Completeness and timeliness of a campaign under one org unit (design §5,
 * users-want.md 7): per direct child of the root (e.g. per Phòng under a
 * Sở) and in total, how many units are expected, not started, in draft,
 * submitted, returned, approved, published, and late. Pure: the app layer
 * reads the rows, this counts them.
 */
#ifndef TS_COMPLETENESS_H
#define TS_COMPLETENESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "workflow.h"

struct unit_status {
	const char *path; /* campaign_unit.path: where the unit sat */
	enum sub_state state;
	bool late;
};

struct completeness_row {
	char prefix[256]; /* path of the child of the root ("" = total) */
	size_t expected;
	size_t by_state[ST_COUNT];
	size_t late;
};

/*
 * Groups rows (sorted by path) under root_path by the root's direct child.
 * Writes at most max rows into out, then the total into *total. Returns the
 * number of child rows (may exceed max: extra rows are only totalled).
 */
size_t completeness_count(const struct unit_status *rows, size_t n,
			  const char *root_path, struct completeness_row *out,
			  size_t max, struct completeness_row *total);

/*
 * Phụ lục 3: how many units reached each level (Mức 1..3) in each group,
 * per cấp học. A liên cấp school counts under each of its levels, as the
 * reporting forms ask for counts "theo bậc học".
 */
#define LC_GROUPS 4
#define LC_LEVELS 5 /* MN, TH, THCS, THPT, GDTX */
#define LC_MUC	  4 /* index 1..3 used */

struct level_counts {
	size_t units[LC_LEVELS];		/* units per cấp học */
	size_t n[LC_GROUPS][LC_LEVELS][LC_MUC]; /* [group][cấp][mức] */
	size_t units_all;			/* each unit once */
	size_t all[LC_GROUPS][LC_MUC];		/* [group][mức], once */
	size_t multi; /* liên cấp units: counted under several cấp học */
};
/* The kinds of CSGD Phụ lục 3's quy mô has a line for (seed 000): mầm
 * non, phổ thông (Tiểu học, THCS, THPT) and thường xuyên (GDTX). */
enum csgd_kind {
	CSGD_MN,
	CSGD_PT,
	CSGD_TX,
	CSGD_KINDS
};
/* Participation (quy mô triển khai): units expected and units that have
 * submitted at least once, per cấp học, per kind of CSGD and in total (a
 * liên cấp school counts under each of its levels and kinds, and once in
 * the total; multi_* count those schools). */
struct participation {
	size_t expected[LC_LEVELS], took_part[LC_LEVELS];
	size_t expected_all, took_part_all;
	size_t kind_expected[CSGD_KINDS], kind_took_part[CSGD_KINDS];
	size_t multi_expected, multi_took_part;
};
/* The kinds of CSGD a unit with these cấp học bits is (a bit set). */
unsigned csgd_kinds(unsigned school_levels);
void participation_add(struct participation *p, unsigned school_levels,
		       bool took_part);

/* The office summary of a rubric whose groups have no levels: per cấp
 * học, the units at each grade (Xếp loại; seed 001) and, per group, how
 * many met every điều kiện bắt buộc and their points (for the mean). A
 * liên cấp unit counts under each of its cấp học and once in *_all. */
#define GC_GRADES 8
struct grade_counts {
	size_t units[LC_LEVELS], units_all, multi;
	size_t n[LC_LEVELS][GC_GRADES], all[GC_GRADES]; /* [cấp][rank-1] */
	size_t gates[LC_GROUPS][LC_LEVELS], gates_all[LC_GROUPS];
	int64_t points[LC_GROUPS][LC_LEVELS], points_all[LC_GROUPS];
};
/* Adds one unit: its grade rank (1 = lowest, 0 = none) and per group
 * whether its gates were met and its points (hundredths). */
void grade_counts_add(struct grade_counts *c, unsigned school_levels, int grade,
		      const bool *gates_met, const int64_t *points,
		      size_t ngroups);

/* Adds one unit: its cấp học bits and the level (1..3, 0 = none) of each
 * group (at most LC_GROUPS). */
void level_counts_add(struct level_counts *c, unsigned school_levels,
		      const int *group_level, size_t ngroups);

#endif
