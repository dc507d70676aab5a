#include "buf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
buf_init(struct buf *b, size_t limit)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->limit = limit ? limit : BUF_DEFAULT_LIMIT;
	b->err = TS_OK;
}

void
buf_release(struct buf *b)
{
	free(b->p);
	buf_init(b, b->limit);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->err = TS_OK;
	if (b->p != NULL)
		b->p[0] = '\0';
}

static int
buf_grow(struct buf *b, size_t extra)
{
	if (b->err != TS_OK)
		return -1;
	if (extra >= b->limit || b->len >= b->limit - extra) {
		b->err = TS_ELIMIT;
		return -1;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	if (cap > b->limit + 1)
		cap = b->limit + 1;
	char *p = realloc(b->p, cap);
	if (p == NULL) {
		b->err = TS_ENOMEM;
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	/* Room already (the terminator too, and within the limit, as
	 * cap <= limit + 1): most appends of a page take this way. */
	bool room = b->err == TS_OK && b->cap > 0 && n < b->cap - b->len - 1;
	if (!room && buf_grow(b, n) != 0)
		return;
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void
buf_pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_putc(b, ' ');
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->err = TS_EINVAL;
		return;
	}
	if (buf_grow(b, (size_t)n) != 0)
		return;
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *
buf_str(const struct buf *b)
{
	return b->p != NULL ? b->p : "";
}

char *
buf_take(struct buf *b)
{
	char *p = b->p;
	if (p == NULL)
		p = calloc(1, 1);
	buf_init(b, b->limit);
	return p;
}

char *
str_cat(char *dst, size_t size, ...)
{
	va_list ap;
	size_t len = 0;
	const char *s;
	if (size == 0)
		return dst;
	va_start(ap, size);
	while ((s = va_arg(ap, const char *)) != NULL) {
		size_t n = strlen(s);
		if (n > size - 1 - len)
			n = size - 1 - len;
		memcpy(dst + len, s, n);
		len += n;
	}
	va_end(ap);
	dst[len] = '\0';
	return dst;
}
