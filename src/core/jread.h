/*
 * Validating JSON reader shared by the rubric and answers parsers: typed
 * field access that records a Vietnamese problem with the file name and the
 * JSON path ($.groups[0].criteria[2].max) instead of failing fast, strict
 * key checking, and NFC normalisation of every string it returns.
 */
#ifndef TS_JREAD_H
#define TS_JREAD_H

#include <jansson.h>
#include <stdbool.h>

#include "../util/diag.h"
#include "fixed.h"
#include "range.h"

struct arena;

#define JREAD_PATH_MAX 1024

struct jread {
	struct arena *arena;
	struct diags *diags;
	const char *name; /* file name for messages */
	/* "name: $.groups[0]...": the file name is kept in front of the
	 * JSON path so a message's location needs no formatting. */
	char path[JREAD_PATH_MAX];
	size_t plen;
	/* Top-level key whose members are item ids ("answers"), so a bad
	 * number under it is reported as "nội dung <id>"; NULL if none. */
	const char *items_key;
	int errors; /* problems recorded through this reader */
	int oom;
};

void jread_init(struct jread *j, struct arena *a, struct diags *d,
		const char *name);
/* Parses the buffer with duplicate keys rejected; NULL (and a problem
 * naming line and column) when it is not valid JSON. Every number with
 * more than two decimals is a problem too, named by its JSON path (the
 * double jansson makes of 9.999999999999999999 would be 10). */
json_t *jread_load(struct jread *j, const char *buf, size_t len);
/* Whether a problem is recorded at the current path (plus ".key" when key
 * is not NULL) or below it: a value refused from the text is not refused
 * a second time by the typed reader. */
bool jread_reported(const struct jread *j, const char *key);

/* "name: $.path" of the current position, for messages. */
const char *jread_where(const struct jread *j);
/* Path stack: push returns a mark to pop back to. */
size_t jread_key(struct jread *j, const char *key);
size_t jread_idx(struct jread *j, size_t i);
void jread_pop(struct jread *j, size_t mark);

void jread_err(struct jread *j, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Problem at path + "." + key without pushing. */
void jread_err_at(struct jread *j, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records a problem for every key of obj not in the NULL-terminated list. */
void jread_keys(struct jread *j, json_t *obj, const char *const *allowed);
/* Object at j's current position; records a problem if v is not one. */
bool jread_is_object(struct jread *j, json_t *v);

/* Field getters: a missing optional field yields the default and no
 * problem; a wrong type always records one. */
const char *jread_str(struct jread *j, json_t *obj, const char *key,
		      bool required);
bool jread_pts(struct jread *j, json_t *obj, const char *key, bool required,
	       pts_t *out);
bool jread_int(struct jread *j, json_t *obj, const char *key, bool required,
	       long long *out);
bool jread_bool(struct jread *j, json_t *obj, const char *key, bool dflt);
bool jread_range(struct jread *j, json_t *obj, const char *key,
		 struct range *out);
/* Array field; NULL if missing (problem when required) or not an array. */
json_t *jread_arr(struct jread *j, json_t *obj, const char *key, bool required);
/* The head a data file (rubric, indicator set) starts with: "format": 1,
 * an "id" of lowercase ASCII letters, digits and '-' (1..64), and a
 * positive "version"; every problem recorded. *id may be NULL. */
void jread_data_head(struct jread *j, json_t *root, const char **id,
		     int *version);
/* The same for a file of another kind, named in the id's message
 * ("bộ chỉ tiêu"; jread_data_head says "bộ chỉ số"). */
void jread_data_head_of(struct jread *j, json_t *root, const char *kind,
			const char **id, int *version);
/* Converts a JSON number to points; false if not a number or more than two
 * decimals (no problem recorded: callers word it). */
bool jread_number(json_t *v, pts_t *out);
/* NFC copy of a JSON string value in the arena. */
const char *jread_text(struct jread *j, json_t *v);

#endif
