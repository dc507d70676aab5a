/*
 * A unit's values for an indicator set (one report of one period), and the
 * rules that decide whether it may be submitted: errors block submission,
 * warnings (a value far from the unit's previous report) must be confirmed
 * and are shown to the reviewer. Pure: docs/indicator-format.md.
 */
#ifndef TS_INDICATOR_VALUES_H
#define TS_INDICATOR_VALUES_H

#include <jansson.h>

#include "indicator.h"

#define IND_MAX_NAMES	50
#define IND_NAME_MAX	200   /* bytes of one platform name */
#define IND_TEXT_MAX	20000 /* bytes of one narrative section */
#define IND_CONFIRM_MAX 1000  /* bytes of one confirmation reason */

struct ind_name {
	const char *name;
	bool domestic; /* sản phẩm trong nước */
};

struct ind_value {
	bool present;
	pts_t num;	  /* count (whole), percent */
	bool yes;	  /* yesno */
	const char *text; /* choice: option id; text */
	struct ind_name *names;
	size_t nnames;
	/* The unit confirmed a value far from its previous report, with
	 * its reason (may be empty, never NULL when confirmed). */
	const char *confirmed;
};

struct ind_values {
	struct arena *arena;
	const struct ind_set *set;
	struct ind_value *v; /* set->n slots, by indicator idx */
};

/* Empty values (nothing entered yet); NULL on OOM. */
struct ind_values *ind_values_new(const struct ind_set *s);
void ind_values_free(struct ind_values *v);

/*
 * Parses {"format": 1, "indicators": ID, "values": {CODE: VALUE, ...},
 * "confirmed": {CODE: "lý do", ...}}. A null value is "not entered". On
 * TS_EINVAL every problem is in d with its JSON path and *out is untouched.
 */
enum ts_err ind_values_parse(const struct ind_set *s, const char *json,
			     size_t len, const char *name,
			     struct ind_values **out,
			     struct diags *d) TS_MUSTCHECK;
/* Validates one JSON value for indicator it into *out (strings copied into
 * a); false with a problem at `where` if it is not a valid value. The web
 * form and the file parser share it. */
bool ind_value_from_json(const struct indicator *it, json_t *v, struct arena *a,
			 struct ind_value *out, const char *where,
			 struct diags *d);
/* The values as the JSON object ind_values_parse reads (new reference). */
json_t *ind_values_to_json(const struct ind_values *v);

/* The value of the indicator with this code, or NULL when the set has no
 * such code or nothing was entered (never a zero for "missing"). */
const struct ind_value *ind_values_get(const struct ind_values *v,
				       const char *code);

struct ind_check {
	struct diags errors;	  /* block submission */
	struct diags unconfirmed; /* warnings the unit has not confirmed */
	struct diags confirmed;	  /* warnings confirmed, for the reviewer */
};

void ind_check_init(struct ind_check *c);
void ind_check_release(struct ind_check *c);
/*
 * Applies the set's rules to v for a unit teaching `levels` (enum
 * school_level bits; a liên cấp school has several): required and
 * required_if, indicators that do not apply to the unit's levels, a part
 * above its whole, and warn_change against prev (the unit's previous
 * report, may be NULL; matched by code, so it may use another version of
 * the set). Each problem's `where` is the indicator code.
 */
void ind_check_run(const struct ind_values *v, unsigned levels,
		   const struct ind_values *prev, struct ind_check *out);
/* No errors and every warning confirmed. */
bool ind_check_submittable(const struct ind_check *c);

#endif
