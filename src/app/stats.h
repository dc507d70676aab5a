/*
 * Statistics campaigns (issue 15): a campaign of kind "thong-ke" whose
 * schools enter indicator values (docs/indicator-format.md) instead of a
 * self-assessment. The campaign row, its participants, the submission row,
 * snapshots, revisions, review notes and the workflow are the CĐS ones
 * (campaign.h, submission.h); what differs is what is validated and what
 * a submission may carry: values checked by the set's rules, warnings far
 * from the previous report confirmed, and facts pre-filled from the same
 * year's CĐS self-assessment.
 */
#ifndef TS_STATS_H
#define TS_STATS_H

#include "../core/indicator_agg.h"
#include "../core/indicator_prefill.h"
#include "indicator_set.h"
#include "submission.h"

/* How a figure's numbers are written: for people ("3.050 (91,72%)",
 * thousands dots) or raw for CSV ("3050 (91,72%)": no grouping). A CSV
 * text cell reads the same in both dialects (tests/report/csv_check.py),
 * so its decimal mark stays the text's comma. */
enum stats_numfmt {
	STATS_NUM_VN,
	STATS_NUM_RAW
};

struct stats_campaign_new {
	/* owner, rubric_ref (the CĐS rubric whose same-year
	 * self-assessment pre-fills), year, title, basis, levels, dates */
	struct campaign_new base;
	const char *indicators_ref; /* "thong-ke-cds-truong" or "id@N" */
	const char *period;	    /* a period id of the set: "dau-nam" */
	const char *as_of;	    /* YYYY-MM-DD; NULL: the period's day */
};

/* Creates the campaign, its participants and its statistics row in one
 * transaction; the set is read from data_dir/indicators and its body
 * stored (a changed file without a version bump is refused). */
enum ts_err stats_campaign_create(struct app *app, const struct actor *who,
				  const char *data_dir,
				  const struct stats_campaign_new *c,
				  int64_t *id, struct diags *d) TS_MUSTCHECK;

/* A statistics campaign's set (parsed from the stored body; free with
 * ind_set_free), period and as-of day. TS_ENOTFOUND: a CĐS campaign. */
struct stats_info {
	struct ind_set *set;
	const char *period; /* arena */
	const char *as_of;  /* YYYY-MM-DD, arena */
};
enum ts_err stats_info_get(struct app *app, int64_t cid, struct arena *a,
			   struct stats_info *out,
			   struct diags *d) TS_MUSTCHECK;

/* What the school's form and the reviewer's page show. */
struct stats_view {
	struct submission sub;
	struct stats_info info;
	struct ind_values *values;   /* with pre-filled values laid in */
	struct ind_values *previous; /* may be NULL */
	struct ind_check check;
	struct ind_prefill_line *prefill; /* from the same year's CĐS */
	size_t nprefill;
	int64_t cds_campaign; /* 0: no same-year self-assessment */
};
enum ts_err stats_view_open(struct app *app, const struct actor *who,
			    int64_t cid, const char *unit_code, struct arena *a,
			    struct stats_view *out,
			    struct diags *d) TS_MUSTCHECK;
void stats_view_release(struct stats_view *v);

/* expect < 0 skips the concurrency check (CLI). */
enum ts_err stats_save(struct app *app, const struct actor *who, int64_t cid,
		       const char *unit_code, const char *values_json,
		       int64_t expect, struct diags *d) TS_MUSTCHECK;
/* Refused with every error and unconfirmed warning in d. */
enum ts_err stats_submit(struct app *app, const struct actor *who, int64_t cid,
			 const char *unit_code, int64_t expect, int *version,
			 struct diags *d) TS_MUSTCHECK;
/* Reasons name indicator codes (or "*": the whole report). Approve and
 * publish are sub_approve and sub_publish. */
enum ts_err stats_return(struct app *app, const struct actor *who, int64_t cid,
			 const char *unit_code, const struct review_reason *r,
			 size_t n, int64_t expect,
			 struct diags *d) TS_MUSTCHECK;

/*
 * The schools of a campaign under root_code (NULL: the actor's unit, or the
 * owner for the operator) rolled up by bậc học (core/indicator_agg.h):
 * approved or published reports (and merely submitted ones when asked),
 * each as its last snapshot; every other participant is "not reported".
 */
struct stats_unit_info {
	const char *path, *code, *name; /* arena */
	const char *state;		/* submission state code; NULL: none */
	const char *phone, *email;	/* the unit's contact, may be NULL */
};
struct stats_rollup {
	struct stats_info info;
	struct campaign campaign;
	const char *root_path;
	struct agg_unit *units;		 /* every participant under the root */
	struct stats_unit_info *info_of; /* who units[i] is, by path */
	size_t n;
	struct ind_agg *agg;
};
enum ts_err stats_rollup_open(struct app *app, const struct actor *who,
			      int64_t cid, const char *root_code,
			      bool include_submitted, struct arena *a,
			      struct stats_rollup *out,
			      struct diags *d) TS_MUSTCHECK;
void stats_rollup_release(struct stats_rollup *r);

/*
 * The drill-down of one indicator (code) under root_code: one roll-up by
 * bậc học per sub-unit of the root (each office below it over its own
 * subtree, schools directly under the root together), and the schools it
 * applies to that have not answered it (not reported, or left it empty).
 * One read and one parse of the root's reports (stats_rollup_open), then
 * sums over the participants grouped by path.
 */
struct stats_drill_child {
	const char *code, *name; /* NULL code: the root's own schools */
	struct agg_cell cells[AGG_ROWS];
	size_t nunits, nreported;
};
struct stats_drill {
	struct stats_rollup ru;
	const struct indicator *it;
	struct stats_drill_child *children; /* arena */
	size_t nchildren;
	const struct stats_unit_info **missing; /* arena */
	size_t nmissing;
};
enum ts_err stats_drill_open(struct app *app, const struct actor *who,
			     int64_t cid, const char *root_code,
			     const char *code, bool include_submitted,
			     struct arena *a, struct stats_drill *out,
			     struct diags *d) TS_MUSTCHECK;
void stats_drill_release(struct stats_drill *dr);

/*
 * The office's own answers (an office set, data_dir/indicators, by ref:
 * "thong-ke-cds-co-quan") for statistics campaign cid. Only a reviewer or
 * admin of that office itself saves them; the office must be the campaign
 * owner or an office below it. Every save is audited.
 */
enum ts_err stats_office_save(struct app *app, const struct actor *who,
			      const char *data_dir, int64_t cid,
			      const char *office_code, const char *set_ref,
			      const char *json, struct diags *d) TS_MUSTCHECK;
/* Their stored JSON (arena), or NULL when the office has not answered;
 * the office and the offices above it may read them. */
enum ts_err stats_office_get(struct app *app, const struct actor *who,
			     int64_t cid, const char *office_code,
			     struct arena *a, const char **json,
			     struct diags *d) TS_MUSTCHECK;

/*
 * Phụ lục 6, section III, for the school years before truongso: the
 * office's province-wide figures typed once per year (the office set
 * STATS_TYPED_SET in data_dir/indicators; year "2022-2023"). Only the
 * office's own staff type them (audited "stats.typed" with who and
 * when); the office and the offices above it read them. A year that has
 * statistics rounds in truongso is read from their approved reports.
 */
#define STATS_TYPED_SET "thong-ke-qd131-nam-truoc"
enum ts_err stats_typed_save(struct app *app, const struct actor *who,
			     const char *data_dir, const char *office_code,
			     const char *year, const char *json,
			     struct diags *d) TS_MUSTCHECK;
struct stats_typed {
	const char *json; /* arena; NULL: nothing typed for the year */
	const char *by, *at;
};
enum ts_err stats_typed_get(struct app *app, const struct actor *who,
			    const char *office_code, const char *year,
			    struct arena *a, struct stats_typed *out,
			    struct diags *d) TS_MUSTCHECK;

/*
 * Phụ lục 6, section III: one column per school year from `first`
 * ("2022-2023") to the campaign's. The campaign's year is its roll-up
 * (cur) and the office's own answers (cur_office, may be NULL); another
 * year sums the all-levels cells of its approved statistics rounds under
 * the root office, or, with no round, reads what the office typed for it
 * (stats_typed_get); else it is missing.
 */
struct stats_year {
	const char *year;	/* "2022-2023" */
	size_t nrounds;		/* rounds read (0: typed or missing) */
	size_t reported, units; /* of the rounds' schools, how many reported */
	struct agg_cell *cells; /* by idx of cur's set, all levels */
	const struct ind_values *office; /* the office's answers, or NULL */
	struct ind_values *typed;	 /* the typed figures, or NULL */
	const char *by, *at;		 /* who typed them, and when */
};
struct stats_years {
	struct stats_year *v;
	size_t n;
	struct ind_sets sets; /* the typed set's and the office set's */
	const struct ind_set *typed_set;
};
enum ts_err stats_years_open(struct app *app, const struct actor *who,
			     const struct stats_rollup *cur,
			     const struct ind_values *cur_office,
			     const char *root_code, int first, struct arena *a,
			     struct stats_years *out,
			     struct diags *d) TS_MUSTCHECK;
void stats_years_release(struct stats_years *ys);
/* What a figure reads in year y ("chưa có số liệu" when missing): an
 * indicator of the campaign's set (its cell; for a names indicator the
 * number of names or of domestic ones), else the office's own figure. */
enum stats_year_part {
	SYP_CELL,
	SYP_NAMES,
	SYP_DOMESTIC
};
const char *stats_year_text(struct arena *a, const struct stats_year *y,
			    const struct ind_set *set, const char *code,
			    enum stats_year_part part, enum stats_numfmt f);

/* A roll-up cell in words ("1.063 (91,72%)", "12 CSGD (50%)", "chưa có
 * số liệu"), in a; the dashboard and the documents print the same. */
struct arena;
const char *stats_cell_text(struct arena *a, const struct indicator *it,
			    const struct agg_cell *c);
/* A share ("6,5%"; raw "6.5%"), numbers as f says. */
const char *stats_pct_fmt(struct arena *a, pts_t pct, enum stats_numfmt f);
/* The same, numbers as f says. */
const char *stats_cell_fmt(struct arena *a, const struct indicator *it,
			   const struct agg_cell *c, enum stats_numfmt f);

struct target_set;
struct measure;
struct measure_eval;
/* One target measure's result in words, as `stats targets` and Phụ lục 6
 * print it ("tiến độ (48%; còn 2%, thiếu 12; 40/48 CSGD báo cáo)"); the
 * indicator named by its label when `label`, else by its code. */
const char *stats_measure_text(struct arena *a, const struct measure *m,
			       const struct measure_eval *e, bool label);
/*
 * Loads a target file (data/targets, docs/indicator-format.md "Targets")
 * measured with `schools` (the campaign's set) and the office set the file
 * names, found among data_dir/indicators (*office, free with ind_set_free).
 */
enum ts_err stats_targets_load(const char *path, const char *data_dir,
			       const struct ind_set *schools,
			       struct ind_set **office, struct target_set **out,
			       struct diags *d) TS_MUSTCHECK;

#endif
