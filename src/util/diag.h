/*
 * A list of user-facing problems (Vietnamese), each tied to where it was
 * found: a file name and a JSON path such as $.groups[0].criteria[2].max,
 * or an item id. Parsers collect every problem instead of stopping at the
 * first, so a user fixes a file in one pass. The list is capped.
 */
#ifndef TS_DIAG_H
#define TS_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#define DIAG_MAX 200

struct diag {
	char *where;
	char *msg;
};

struct diags {
	struct diag *v;
	size_t n;
	size_t cap;
	size_t dropped; /* problems past DIAG_MAX, counted only */
	int oom;
};

void diags_init(struct diags *d);
void diags_release(struct diags *d);
void diags_add(struct diags *d, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Forgets the problems after the first n (a retried attempt's). */
void diags_truncate(struct diags *d, size_t n);
/* Total problems seen, including dropped ones. */
size_t diags_count(const struct diags *d);
void diags_vadd(struct diags *d, const char *where, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
