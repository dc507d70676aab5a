/* libFuzzer target: form_parse on urlencoded bodies and query strings.
 * On success every key and value must be what http.h promises (UTF-8,
 * no NUL, non-empty key, NFC value), and url_escape must write them back
 * as a body that parses to the same list; on failure the list is empty. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/core/http.h"
#include "../../src/util/arena.h"
#include "../../src/util/vnstr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_text(const char *s)
{
	if (s == NULL || !vn_valid_utf8(s, strlen(s)))
		__builtin_trap();
}

static void
check_list(const struct kvlist *l, struct arena *a)
{
	if (l->n > FORM_MAX_FIELDS || (l->n > 0) != (l->v != NULL))
		__builtin_trap();
	for (size_t i = 0; i < l->n; i++) {
		check_text(l->v[i].key);
		check_text(l->v[i].value);
		if (l->v[i].key[0] == '\0')
			__builtin_trap();
		const char *nfc = vn_nfc(a, l->v[i].value);
		if (nfc == NULL || strcmp(nfc, l->v[i].value) != 0)
			__builtin_trap();
	}
	/* kv_get finds the first of repeated keys. */
	if (l->n > 0 && kv_get(l, l->v[l->n - 1].key) == NULL)
		__builtin_trap();
	if (l->n > 0 && kv_get(l, l->v[0].key) != l->v[0].value)
		__builtin_trap();
}

/* url_escape writes only unreserved ASCII and %XX with upper-case hex. */
static void
check_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s != '%') {
			if (strchr("-._~", *s) == NULL &&
			    !((*s >= 'A' && *s <= 'Z') ||
			      (*s >= 'a' && *s <= 'z') ||
			      (*s >= '0' && *s <= '9')))
				__builtin_trap();
			continue;
		}
		for (int k = 1; k <= 2; k++)
			if (strchr("0123456789ABCDEF", s[k]) == NULL ||
			    s[k] == '\0')
				__builtin_trap();
		s += 2;
	}
}

/* Appends url_escape(s) to b, checking the escaped form on its own. */
static void
put_escaped(struct buf *b, const char *s)
{
	struct buf e;
	buf_init(&e, 0);
	url_escape(&e, s);
	check_escaped(buf_str(&e));
	buf_put(b, buf_str(&e), e.len);
	buf_release(&e);
}

static void
round_trip(const struct kvlist *l, struct arena *a)
{
	struct buf b;
	buf_init(&b, 0);
	for (size_t i = 0; i < l->n; i++) {
		if (i > 0)
			buf_putc(&b, '&');
		put_escaped(&b, l->v[i].key);
		buf_putc(&b, '=');
		put_escaped(&b, l->v[i].value);
	}
	struct kvlist l2;
	/* Escaping at most triples the size; past the byte cap the second
	 * parse may fairly refuse. */
	enum ts_err e = form_parse(buf_str(&b), b.len, a, &l2);
	if (b.err != TS_OK || (e != TS_OK && b.len <= FORM_MAX_BYTES))
		__builtin_trap();
	for (size_t i = 0; e == TS_OK && i < l->n; i++)
		if (l2.n != l->n || strcmp(l->v[i].key, l2.v[i].key) != 0 ||
		    strcmp(l->v[i].value, l2.v[i].value) != 0)
			__builtin_trap();
	buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	if (a == NULL)
		return 0;
	struct kvlist l;
	enum ts_err e = form_parse((const char *)data, size, a, &l);
	if (e == TS_OK) {
		check_list(&l, a);
		round_trip(&l, a);
	} else if (l.v != NULL || l.n != 0 ||
		   (e != TS_EINVAL && e != TS_ELIMIT)) {
		__builtin_trap();
	}
	arena_free(a);
	return 0;
}
