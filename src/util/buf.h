/*
 * Growable byte buffer with a hard cap (curl's dynbuf idea): growth past the
 * cap fails instead of eating memory, so request-derived output is bounded.
 * The contents are always NUL-terminated. On failure the buffer keeps what it
 * had and remembers the error in ->err; later appends are no-ops, so callers
 * may append freely and check once at the end.
 */
#ifndef TS_BUF_H
#define TS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct buf {
	char *p;
	size_t len;
	size_t cap;
	size_t limit;
	enum ts_err err;
};

#define BUF_DEFAULT_LIMIT ((size_t)64 << 20)

void buf_init(struct buf *b, size_t limit);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);

void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Appends n spaces. */
void buf_pad(struct buf *b, size_t n);
/* Returns the string (never NULL; "" when empty or failed). */
const char *buf_str(const struct buf *b);
/* Joins the strings up to a NULL into dst (size bytes, cut to fit like
 * snprintf, always terminated) and returns dst: field names and ids of a
 * page without printf's cost. */
char *str_cat(char *dst, size_t size, ...) __attribute__((sentinel));
/* Hands the malloc'd string to the caller and resets the buffer. */
char *buf_take(struct buf *b);

#endif
