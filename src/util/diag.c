#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

void
diags_init(struct diags *d)
{
	memset(d, 0, sizeof(*d));
}

void
diags_release(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].where);
		free(d->v[i].msg);
	}
	free(d->v);
	diags_init(d);
}

void
diags_truncate(struct diags *d, size_t n)
{
	while (d->n > n) {
		d->n--;
		free(d->v[d->n].where);
		free(d->v[d->n].msg);
	}
	if (n < DIAG_MAX)
		d->dropped = 0; /* all dropped ones came after n */
}

static int
diags_reserve(struct diags *d)
{
	if (d->n < d->cap)
		return 0;
	size_t cap = d->cap ? d->cap * 2 : 8;
	struct diag *v = realloc(d->v, cap * sizeof(*v));
	if (v == NULL)
		return -1;
	d->v = v;
	d->cap = cap;
	return 0;
}

void
diags_add(struct diags *d, const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, where, fmt, ap);
	va_end(ap);
}

void
diags_vadd(struct diags *d, const char *where, const char *fmt, va_list ap)
{
	if (d->n >= DIAG_MAX || diags_reserve(d) != 0) {
		d->dropped++;
		return;
	}
	struct buf b;
	buf_init(&b, 0);
	buf_vprintf(&b, fmt, ap);
	char *w = strdup(where != NULL ? where : "");
	if (b.err != TS_OK || w == NULL) {
		free(w);
		buf_release(&b);
		d->oom = 1;
		d->dropped++;
		return;
	}
	d->v[d->n].where = w;
	d->v[d->n].msg = buf_take(&b);
	d->n++;
}

size_t
diags_count(const struct diags *d)
{
	return d->n + d->dropped;
}
