/*
 * A school's answers to a rubric (tự chấm): one slot per rubric item,
 * validated against the item's kind and limits. Nothing is clamped: every
 * bad value is reported with its item id. See docs/rubric-format.md.
 */
#ifndef TS_ANSWERS_H
#define TS_ANSWERS_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "../util/diag.h"
#include "../util/err.h"
#include "rubric.h"

#define ANSWERS_MAX_EVIDENCE 50

struct evidence_ref {
	enum evidence_kind kind;
	const char *text;
};

struct answer {
	bool present;
	bool yes;	  /* gate, yesno */
	pts_t num;	  /* points, band */
	size_t choice;	  /* choice: option index */
	size_t base;	  /* checklist: base option index */
	uint64_t checked; /* checklist: bit i = option i present */
	const char *note; /* may be NULL */
	struct evidence_ref *evidence;
	size_t nevidence;
};

/* Whose score a set of answers holds: the school's (tự chấm) or the
 * reviewer's (đánh giá ngoài); messages name it. */
enum score_kind {
	SCORE_SELF,
	SCORE_EXTERNAL
};

struct answers {
	struct arena *arena;
	const struct rubric *rubric;
	const char *unit;	 /* may be NULL */
	const char *school_year; /* may be NULL */
	struct answer *v;	 /* rubric->nitems slots, by item idx */
};

/* Empty answers (nothing answered yet); NULL on OOM. */
struct answers *answers_new(const struct rubric *r);
void answers_free(struct answers *a);

/*
 * Parses an answers file for rubric r. On TS_EINVAL every problem is in d
 * (with the item id in the message) and *out is untouched.
 */
enum ts_err answers_parse(const struct rubric *r, const char *json, size_t len,
			  const char *name, struct answers **out,
			  struct diags *d) TS_MUSTCHECK;
/* The same for a given kind of score: answers_parse is SCORE_SELF. */
enum ts_err answers_parse_kind(const struct rubric *r, enum score_kind kind,
			       const char *json, size_t len, const char *name,
			       struct answers **out,
			       struct diags *d) TS_MUSTCHECK;

/*
 * Validates one JSON value for item it and stores it in *slot (used by the
 * file parser and, later, by web forms). `where` prefixes messages. Returns
 * false, with problems in d, when the value is not acceptable; *slot is
 * then unchanged.
 */
bool answer_from_json(const struct item *it, enum score_kind kind,
		      json_t *value, struct answer *slot, const char *where,
		      struct diags *d);
/* "điểm tự chấm" / "điểm đánh giá ngoài" (glossary). */
const char *score_kind_name(enum score_kind kind);

/* Same value (and note) for item it? Evidence is not compared. */
bool answer_equal(const struct item *it, const struct answer *a,
		  const struct answer *b);

#endif
