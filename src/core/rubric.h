/*
 * The rubric model: rubric -> groups (nhóm tiêu chí) -> criteria (tiêu chí)
 * -> items (nội dung). A rubric is immutable once loaded; it lives in its own
 * arena and may be shared by threads without locks. See docs/rubric-format.md.
 */
#ifndef TS_RUBRIC_H
#define TS_RUBRIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/diag.h"
#include "../util/err.h"
#include "fixed.h"
#include "range.h"

#define RUBRIC_MAX_OPTIONS 64

enum item_kind {
	ITEM_GATE,
	ITEM_YESNO,
	ITEM_POINTS,
	ITEM_BAND,
	ITEM_CHOICE,
	ITEM_CHECKLIST,
};

enum band_input {
	INPUT_PERCENT,
	INPUT_COUNT,
	INPUT_NUMBER
};

enum evidence_kind {
	EVIDENCE_FILE = 1u << 0,
	EVIDENCE_LINK = 1u << 1,
	EVIDENCE_FACT = 1u << 2,
};

enum school_level {
	LEVEL_MN = 1u << 0,
	LEVEL_TH = 1u << 1,
	LEVEL_THCS = 1u << 2,
	LEVEL_THPT = 1u << 3,
	LEVEL_GDTX = 1u << 4,
};

struct evidence_req {
	bool present;
	bool required;
	unsigned kinds; /* enum evidence_kind bits */
	const char *hint;
};

struct option {
	const char *id;
	const char *text;
	pts_t points;
};

struct band {
	struct range range;
	pts_t points;
};

struct level_band {
	int level;
	const char *name; /* may be NULL */
	struct range range;
};

struct criterion;

struct item {
	const char *id;
	const char *text;
	const char *note;   /* may be NULL */
	const char *source; /* may be NULL */
	/* An unscored line shown above the item: the decision's heading or
	 * information request for the items that follow (QĐ 4725, 1.3:
	 * "Triển khai hệ thống LMS/LCMS ..."); may be NULL. */
	const char *heading;
	enum item_kind kind;
	bool verified;
	size_t idx; /* position among all items of the rubric */
	const struct criterion *criterion;
	pts_t max;  /* 0 for a gate */
	pts_t step; /* points: answers are multiples of it */
	enum band_input input;
	struct band *bands; /* band */
	size_t nbands;
	struct option *options; /* choice options, checklist modules */
	size_t noptions;
	struct option *base_options; /* checklist: base chosen from these */
	size_t nbase_options;
	pts_t base;   /* checklist: fixed base when no options */
	pts_t deduct; /* checklist: per missing module */
	struct evidence_req evidence;
};

struct group;

struct criterion {
	const char *id;
	const char *title;
	size_t idx; /* position among all criteria of the rubric */
	const struct group *group;
	pts_t max;
	bool cap; /* items may add up to more; cut at max */
	bool levels_verified;
	/* "levels": "thirds": Mức 1 if 3·s < max, Mức 2 if max ≤ 3·s ≤
	 * 2·max, Mức 3 otherwise; levels holds those bands, exact on the
	 * hundredths every score is made of. */
	bool levels_thirds;
	struct level_band *levels;
	size_t nlevels;
	struct evidence_req evidence;
	struct item *items;
	size_t nitems;
};

struct group {
	const char *id;
	const char *title;
	size_t idx;
	pts_t max;
	bool levels_verified;
	struct level_band *levels;
	size_t nlevels;
	struct criterion *criteria;
	size_t ncriteria;
};

struct rubric_source {
	const char *decision;
	const char *issued_by; /* may be NULL */
	const char *date;      /* YYYY-MM-DD, may be NULL */
	const char **urls;
	size_t nurls;
	const char *notes; /* may be NULL */
};

struct rubric {
	struct arena *arena;
	const char *id;
	int version;
	const char *title;
	const char *short_title; /* never NULL: falls back to title */
	struct rubric_source source;
	unsigned school_levels; /* enum school_level bits */
	struct group *groups;
	size_t ngroups;
	struct level_band *grades; /* ascending; level = rank from 1 */
	size_t ngrades;
	pts_t total_max;
	size_t nitems; /* all items, for indexing answers */
	size_t ncriteria;
	const struct item **items;	   /* by idx */
	const struct criterion **criteria; /* by idx */
};

/*
 * Parses and fully validates a rubric from a JSON buffer. `name` is used in
 * messages (usually the file path). On TS_EINVAL every problem found is in
 * d; *out is set only on TS_OK, and is freed with rubric_free().
 */
enum ts_err rubric_parse(const char *json, size_t len, const char *name,
			 struct rubric **out, struct diags *d) TS_MUSTCHECK;
void rubric_free(struct rubric *r);

const struct item *rubric_find_item(const struct rubric *r, const char *id);
/* Whether a sum of the groups means something: one group, or grades over
 * the sum (seed 001), or groups without levels. QĐ 4725 rates each group
 * on its own (levels, no grade), so its two groups have no combined total
 * anywhere: not in the CLI text, the score JSON or Phụ lục 1. */
bool rubric_has_total(const struct rubric *r);
/* Issued by the Ministry (Bộ Giáo dục và Đào tạo, e.g. QĐ 4725), not a
 * local office's variant: what a new campaign is offered first. */
bool rubric_is_national(const struct rubric *r);
/* A rubric's declared shape, which decides the documents made from it
 * (app/report_kinds.c), never its id: groups with levels (QĐ 4725), a
 * grade over the total (seed 001), for mầm non only (seed 004, whose
 * report has a staff section). */
enum rubric_shape {
	RS_LEVELS = 1u << 0,
	RS_GRADE = 1u << 1,
	RS_MN = 1u << 2
};
unsigned rubric_shape(const struct rubric *r);
const char *item_kind_name(enum item_kind k);
/* "Mầm non", "Tiểu học", ...; codes "MN", "TH", ... */
const char *school_level_code(enum school_level l);
const char *school_level_name(enum school_level l);
/* Level band holding v, or NULL. */
const struct level_band *level_find(const struct level_band *v, size_t n,
				    pts_t x);

#endif
