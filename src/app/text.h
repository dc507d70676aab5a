/*
 * The one door for text entering app/: every use case that takes text
 * (a name, a title, a reason, a fact, a report field) passes it here
 * first, so every field is checked the same way and named in Vietnamese
 * when it is refused.
 */
#ifndef TS_APP_TEXT_H
#define TS_APP_TEXT_H

#include <stddef.h>

#include "../util/diag.h"
#include "../util/err.h"

struct arena;

enum {
	TEXT_REQUIRED = 1,  /* empty (or NULL) is refused */
	TEXT_MULTILINE = 2, /* newlines and tabs allowed */
};

struct text_field {
	const char *label;  /* what the user calls it: "tên đơn vị" */
	const char **value; /* in: the caller's text, NULL = absent;
			     * out: its NFC copy in the arena */
	size_t max;	    /* characters (code points), after NFC */
	unsigned flags;
};

/* Checks each field: valid UTF-8, no control characters (but newline,
 * carriage return and tab in TEXT_MULTILINE fields), at most `max`
 * characters once NFC-normalised, present if TEXT_REQUIRED. Every
 * problem goes into d under the field's label; on success each *value is
 * replaced by its NFC copy in a. TS_EINVAL if any field is refused,
 * TS_ENOMEM on OOM. */
enum ts_err text_check(struct arena *a, const struct text_field *f, size_t n,
		       struct diags *d) TS_MUSTCHECK;

#endif
