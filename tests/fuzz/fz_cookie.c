/* libFuzzer target: cookie_parse on a Cookie header. Accepted names must be
 * RFC 7230 tokens and values RFC 6265 cookie-octets, at most COOKIE_MAX of
 * them; written back as "a=1; b=2" they must parse to the same list. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/http.h"
#include "../../src/util/arena.h"
#include "fz_input.h"

static void
check_pair(const struct kv *kv)
{
	const unsigned char *p = (const unsigned char *)kv->key;
	if (*p == '\0')
		__builtin_trap();
	for (; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F ||
		    strchr("()<>@,;:\\\"/[]?={}", *p) != NULL)
			__builtin_trap();
	for (p = (const unsigned char *)kv->value; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || *p == '"' || *p == ',' ||
		    *p == ';' || *p == '\\')
			__builtin_trap();
}

static void
round_trip(const struct kvlist *l, struct arena *a)
{
	struct buf b;
	struct kvlist l2;
	buf_init(&b, 0);
	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s=%s", i ? "; " : "", l->v[i].key,
			   l->v[i].value);
	if (b.err != TS_OK || cookie_parse(buf_str(&b), a, &l2) != TS_OK ||
	    l2.n != l->n)
		__builtin_trap();
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, l2.v[i].key) != 0 ||
		    strcmp(l->v[i].value, l2.v[i].value) != 0)
			__builtin_trap();
	buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *h = fz_strdup(data, size);
	struct arena *a = arena_new();
	if (h == NULL || a == NULL)
		goto out;
	struct kvlist l;
	enum ts_err e = cookie_parse(h, a, &l);
	if (e == TS_OK) {
		if (l.n > COOKIE_MAX || (l.n > 0) != (l.v != NULL))
			__builtin_trap();
		for (size_t i = 0; i < l.n; i++)
			check_pair(&l.v[i]);
		if (l.n > 0 && kv_get(&l, l.v[0].key) != l.v[0].value)
			__builtin_trap();
		round_trip(&l, a);
	} else if (e != TS_ELIMIT || l.v != NULL || l.n != 0) {
		__builtin_trap();
	}
out:
	arena_free(a);
	free(h);
	return 0;
}
