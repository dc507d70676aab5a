/*
 * Statistics indicator sets (Chỉ số thống kê): the facts a school (or an
 * office) reports for Phụ lục 2 and Phụ lục 6, as data in
 * the JSON files of data/indicators. A set is immutable once loaded and lives in its
 * own arena, like a rubric. See docs/indicator-format.md.
 */
#ifndef TS_INDICATOR_H
#define TS_INDICATOR_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/diag.h"
#include "../util/err.h"
#include "fixed.h"

#define IND_MAX_INDICATORS 500
#define IND_MAX_SECTIONS   50
#define IND_MAX_OPTIONS	   16
#define IND_MAX_PERIODS	   8
/* Largest count a school can report (students of a big school are a few
 * thousand; a province-wide office file count stays far below). */
#define IND_COUNT_MAX	   ((pts_t)10000000 * PTS_ONE)

enum ind_type {
	IND_COUNT,   /* whole number >= 0, with a unit */
	IND_YESNO,   /* có / không */
	IND_PERCENT, /* 0..100, two decimals */
	IND_NAMES,   /* list of {name, domestic} (sản phẩm trong nước) */
	IND_CHOICE,  /* one option id */
	IND_TEXT,    /* narrative, several lines */
};

/* Who answers the set: each school, or the office itself. */
enum ind_scope {
	IND_SCOPE_SCHOOL,
	IND_SCOPE_OFFICE
};

/* How a CĐS self-assessment item pre-fills an indicator. */
enum ind_prefill {
	PREFILL_NONE,
	PREFILL_YES_IF_POINTS, /* yesno: true iff the item scored > 0 */
	PREFILL_HINT,	       /* shown beside the field, no value taken */
};

struct ind_option {
	const char *id;
	const char *text;
};

struct indicator {
	const char *code;
	const char *label;
	const char *unit;   /* may be NULL */
	const char *source; /* seed and section the line comes from */
	const char *note;   /* may be NULL */
	enum ind_type type;
	size_t idx;	/* position among all indicators of the set */
	size_t section; /* index of its section */
	bool required;
	unsigned school_levels; /* enum school_level bits it applies to */
	/* part_of: this count never exceeds `whole` (same set, a count). */
	const struct indicator *whole;
	/* required_if: required when this yesno indicator is true. */
	const struct indicator *required_if;
	/* A value farther than this percentage from the previous report's
	 * asks the school to confirm; 0 = no such warning. */
	pts_t warn_change;
	struct ind_option *options; /* choice */
	size_t noptions;
	enum ind_prefill prefill;
	const char *prefill_rubric; /* rubric id, e.g. qd4725-2022-pt */
	const char *prefill_item;   /* item id, e.g. 1.3a */
};

struct ind_section {
	const char *id;
	const char *title;
	struct indicator *v;
	size_t n;
};

/* A reporting period (kỳ báo cáo): data as of a day, due by a day. */
struct ind_period {
	const char *id;	  /* "dau-nam", "cuoi-nam" */
	const char *name; /* "Đầu năm học" */
	int as_of_month, as_of_day;
	int due_month, due_day; /* 0 when the regime sets none */
	const char *source;
};

struct ind_set {
	struct arena *arena;
	const char *id;
	int version;
	const char *title;
	enum ind_scope scope;
	const char *source; /* documents the set follows */
	const char *notes;  /* may be NULL */
	unsigned school_levels;
	struct ind_period *periods;
	size_t nperiods;
	struct ind_section *sections;
	size_t nsections;
	const struct indicator **v; /* every indicator, by idx */
	size_t n;
};

/*
 * Parses and fully validates an indicator set from a JSON buffer; `name`
 * is used in messages. On TS_EINVAL every problem found is in d; *out is
 * set only on TS_OK and is freed with ind_set_free().
 */
enum ts_err ind_set_parse(const char *json, size_t len, const char *name,
			  struct ind_set **out, struct diags *d) TS_MUSTCHECK;
void ind_set_free(struct ind_set *s);

const struct indicator *ind_find(const struct ind_set *s, const char *code);
const struct ind_period *ind_find_period(const struct ind_set *s,
					 const char *id);
/* "count", "yesno", ... as in the file; Vietnamese name for people. */
const char *ind_type_name(enum ind_type t);
const char *ind_type_label(enum ind_type t);

#endif
