/*
 * Year over year (issue 16): a school's results in every campaign of the
 * same rubric family (the same rubric id, any version) up to a given one,
 * and an office's Phụ lục 3 counts over the same years. Figures come from
 * the stored summaries (submission_score, the snapshots' score JSON),
 * never from scoring again (docs/performance.md).
 */
#ifndef TS_YEARS_H
#define TS_YEARS_H

#include "../core/completeness.h"
#include "../core/fixed.h"
#include "campaign.h"

struct arena;

/* A figure of one year: known is false where the year's rubric had no
 * such group or criterion ("không so sánh được") or nothing is stored. */
struct year_figure {
	bool known;
	pts_t points;
	int level; /* groups: 1..3, 0 none; criteria: unused */
};

struct unit_year {
	int64_t campaign_id;
	const char *school_year;
	int rubric_version;
	enum sub_state state; /* ST_NONE: took part, nothing saved */
	/* Its figures are shown: approved or published, or the year asked
	 * about (whatever its state, labelled with it). */
	bool shown;
	bool reviewed; /* the groups' figures are the reviewed ones */
	/* Its figures are a document's own answers (report_years.c): an
	 * unknown one is not answered yet ("Chưa trả lời", no bar). */
	bool own;
	struct year_figure *groups;	  /* per group of unit_years.rubric */
	struct year_figure *criteria;	  /* per criterion (idx) */
	bool *group_exists, *crit_exists; /* in that year's rubric */
};

/* The asked year shown before it is reviewed (a draft, a submission). */
#define YEAR_UNANSWERED "Chưa trả lời"
bool year_unreviewed(const struct unit_year *y);

struct unit_years {
	const char *unit_name;
	const struct rubric *rubric; /* the asked campaign's: the rows */
	struct unit_year *y;	     /* oldest first, the asked year last */
	size_t n;
};

/* The unit's results in every campaign of campaign cid's rubric family
 * up to cid's school year that the actor may view (each year's own
 * policy check, by that campaign's frozen tree); allocated in a. Group
 * figures are the reviewed ones once approved, else the school's own;
 * criterion points are the school's own, from its latest submitted
 * version. */
enum ts_err unit_years(struct app *app, const struct actor *who, int64_t cid,
		       const char *unit_code, struct arena *a,
		       struct unit_years *out, struct diags *d) TS_MUSTCHECK;

/* The year before the last shown one, for "So với năm học trước": index
 * of the latest shown year before the asked one, or -1. */
int unit_years_previous(const struct unit_years *u);

struct office_year {
	int64_t campaign_id;
	const char *school_year;
	struct level_counts lc; /* approved and published results */
	struct participation part;
};

struct office_years {
	const struct rubric *rubric;
	struct office_year *y; /* oldest first */
	size_t n;
};

/* Phụ lục 3 counts under root_code (NULL: the actor's unit) in every
 * campaign of cid's rubric family up to its year that the actor sees, by
 * each campaign's frozen participants; a past round with none under the
 * root (its tree put them elsewhere) is left out. */
enum ts_err office_years(struct app *app, const struct actor *who, int64_t cid,
			 const char *root_code, struct arena *a,
			 struct office_years *out,
			 struct diags *d) TS_MUSTCHECK;

/* What a school's comparison says, the same on its page and in its
 * documents. A year's column heading: "2023-2024", or with its state when
 * its figures are not the approved ones ("2025-2026 (Bản nháp)"). */
void year_heading(const struct unit_year *y, char *out, size_t n);
/* Group g's cell of year y: "67 điểm, Mức độ 2" (a draft: no level
 * yet, as its documents say), "không so sánh được"
 * (no such group that year), "—" (not approved), "chưa có". */
void year_group_cell(const struct unit_year *y, size_t g, char *out, size_t n);
/* Criterion c's cell: "15", or the same words as year_group_cell. */
void year_crit_cell(const struct unit_year *y, size_t c, char *out, size_t n);
/* Whether the comparison has a "Tổng cộng" row: a rubric whose sum
 * means something (rubric_has_total) and has more than one group, so the
 * school's own result (the total and, for a graded rubric, its Xếp loại)
 * is compared too, not only its parts (issue 18, item 11). */
bool years_have_total(const struct unit_years *u);
/* That row's cell of year y: "85,5 điểm" sep "Xếp loại Tốt" ("55 điểm"
 * for a draft or a rubric without grades), or the words of a group cell
 * without a figure. sep: ", " in a sentence, "\n" in a narrow cell. */
void year_total_cell(const struct unit_year *y, const struct rubric *r,
		     const char *sep, char *out, size_t n);

struct rp_doc;
struct rp_section;
struct rp_chart;
/* The groups' points per year with figures (a grouped bar chart, the
 * years as categories), added to section s of d. */
struct rp_chart *years_chart(struct rp_doc *d, struct rp_section *s,
			     const struct unit_years *u);
/* Phụ lục 3 across years: group g's levels per year, stacked to 100 %
 * (the years as categories), titled title. */
struct rp_chart *office_years_chart(struct rp_doc *d, struct rp_section *s,
				    const struct office_years *o, size_t g,
				    const char *title);
/* Its title, for report_charts and the page's alt text. */
#define YEARS_CHART_TITLE "Điểm từng nhóm tiêu chí qua các năm học"
#endif
