/*
 * The Cookie request header. Browsers send whatever other sites on the same
 * domain set, so one odd pair must not cost the user their session: a pair
 * that is not RFC 6265 syntax is skipped. Only what we accept is copied.
 */
#include "http.h"

#include <string.h>

#include "../util/arena.h"

struct span {
	const char *p;
	size_t n;
};

static bool
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 7230 tchar: visible ASCII except the separators. */
static bool
is_tchar(unsigned char c)
{
	return c > 0x20 && c < 0x7F && strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/* RFC 6265 cookie-octet: visible ASCII except DQUOTE , ; and backslash. */
static bool
is_octet(unsigned char c)
{
	return c > 0x20 && c < 0x7F && c != '"' && c != ',' && c != ';' &&
	       c != '\\';
}

static struct span
trim(const char *p, size_t n)
{
	while (n > 0 && is_ows(*p)) {
		p++;
		n--;
	}
	while (n > 0 && is_ows(p[n - 1]))
		n--;
	return (struct span){ p, n };
}

static bool
all(struct span s, bool (*ok)(unsigned char))
{
	for (size_t i = 0; i < s.n; i++)
		if (!ok((unsigned char)s.p[i]))
			return false;
	return true;
}

/* One "name=value" piece (already split at ';'); false if malformed. */
static bool
pair_parse(const char *p, size_t n, struct span *name, struct span *val)
{
	const char *eq = memchr(p, '=', n);
	if (eq == NULL)
		return false;
	*name = trim(p, (size_t)(eq - p));
	*val = trim(eq + 1, n - (size_t)(eq - p) - 1);
	if (val->n >= 2 && val->p[0] == '"' && val->p[val->n - 1] == '"') {
		val->p++;
		val->n -= 2;
	}
	return name->n > 0 && all(*name, is_tchar) && all(*val, is_octet);
}

static enum ts_err
copy_out(struct arena *a, const struct span *names, const struct span *vals,
	 size_t k, struct kvlist *out)
{
	if (k == 0)
		return TS_OK;
	struct kv *v = arena_calloc(a, k, sizeof(*v));
	if (v == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < k; i++) {
		v[i].key = arena_strndup(a, names[i].p, names[i].n);
		v[i].value = arena_strndup(a, vals[i].p, vals[i].n);
		if (v[i].key == NULL || v[i].value == NULL)
			return TS_ENOMEM;
	}
	out->v = v;
	out->n = k;
	return TS_OK;
}

enum ts_err
cookie_parse(const char *header, struct arena *a, struct kvlist *out)
{
	struct span names[COOKIE_MAX], vals[COOKIE_MAX];
	size_t k = 0;
	out->v = NULL;
	out->n = 0;
	for (const char *p = header; *p != '\0';) {
		size_t n = strcspn(p, ";");
		struct span name, val;
		if (pair_parse(p, n, &name, &val)) {
			if (k == COOKIE_MAX)
				return TS_ELIMIT;
			names[k] = name;
			vals[k++] = val;
		}
		p += n + (p[n] == ';');
	}
	return copy_out(a, names, vals, k, out);
}
