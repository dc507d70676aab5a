/*
 * Form bodies, query strings and request paths: the two places a browser
 * sends percent-encoded text. Both decode into the request arena and check
 * the result before anyone sees it, so handlers only ever get valid UTF-8
 * without NUL bytes (the database and the HTML escaper rely on that).
 */
#include "http.h"

#include <string.h>
#include <utf8proc.h>

#include "../util/arena.h"
#include "../util/vnstr.h"

static int
hex_val(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes s[0..n) into out, which has room for n + 1 bytes (decoding never
 * grows the text), and NUL-terminates it. '+' means a space only in forms;
 * in a path it is a literal '+'. False on '%' not followed by two hex digits.
 */
static bool
pct_decode(const char *s, size_t n, bool plus, char *out, size_t *outn)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			int hi = i + 2 < n ? hex_val((unsigned char)s[i + 1])
					   : -1;
			int lo = hi >= 0 ? hex_val((unsigned char)s[i + 2])
					 : -1;
			if (lo < 0)
				return false;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus) {
			c = ' ';
		}
		out[o++] = (char)c;
	}
	out[o] = '\0';
	*outn = o;
	return true;
}

/* Decoded text handlers may trust: UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF) and no NUL, which would cut a C string short. */
static bool
text_ok(const char *p, size_t n)
{
	return memchr(p, '\0', n) == NULL && vn_valid_utf8(p, n);
}

/* Length of the '&'-separated piece at *p (before end); moves *p past it
 * and its separator. */
static size_t
next_piece(const char **p, const char *end)
{
	const char *amp = memchr(*p, '&', (size_t)(end - *p));
	const char *stop = amp != NULL ? amp : end;
	size_t len = (size_t)(stop - *p);
	*p = amp != NULL ? amp + 1 : end;
	return len;
}

/* A piece becomes a field unless it is empty or its key is ("=x"). */
static bool
is_field(const char *p, size_t len)
{
	return len > 0 && p[0] != '=';
}

/* Fields in s, counting only up to FORM_MAX_FIELDS + 1: the cap is checked
 * before anything is decoded or allocated. */
static size_t
count_fields(const char *s, const char *end)
{
	size_t nf = 0;
	while (s < end && nf <= FORM_MAX_FIELDS) {
		const char *f = s;
		nf += is_field(f, next_piece(&s, end));
	}
	return nf;
}

/* Decodes one key or value into the arena. */
static enum ts_err
decode_part(struct arena *a, const char *s, size_t n, char **out)
{
	size_t dn;
	char *d = arena_alloc(a, n + 1);
	if (d == NULL)
		return TS_ENOMEM;
	if (!pct_decode(s, n, true, d, &dn) || !text_ok(d, dn))
		return TS_EINVAL;
	*out = d;
	return TS_OK;
}

static enum ts_err
field_parse(struct arena *a, const char *p, size_t len, struct kv *kv)
{
	const char *eq = memchr(p, '=', len);
	size_t kn = eq != NULL ? (size_t)(eq - p) : len;
	size_t vn = eq != NULL ? len - kn - 1 : 0;
	char *key, *raw;
	enum ts_err e = decode_part(a, p, kn, &key);
	if (e == TS_OK)
		e = decode_part(a, p + len - vn, vn, &raw);
	if (e != TS_OK)
		return e;
	/* Text is compared and stored NFC: "Trường" typed on a Mac (NFD)
	 * and on Windows (NFC) must be the same school name. */
	kv->key = key;
	kv->value = vn_nfc(a, raw);
	return kv->value != NULL ? TS_OK : TS_ENOMEM;
}

enum ts_err
form_parse(const char *s, size_t n, struct arena *a, struct kvlist *out)
{
	out->v = NULL;
	out->n = 0;
	if (n > FORM_MAX_BYTES)
		return TS_ELIMIT;
	if (n == 0)
		return TS_OK;
	const char *end = s + n;
	size_t nf = count_fields(s, end);
	if (nf > FORM_MAX_FIELDS)
		return TS_ELIMIT;
	if (nf == 0)
		return TS_OK;
	struct kv *v = arena_calloc(a, nf, sizeof(*v));
	if (v == NULL)
		return TS_ENOMEM;
	size_t k = 0;
	for (const char *p = s; p < end;) {
		const char *f = p;
		size_t len = next_piece(&p, end);
		if (!is_field(f, len))
			continue;
		enum ts_err e = field_parse(a, f, len, &v[k++]);
		if (e != TS_OK)
			return e;
	}
	out->v = v;
	out->n = k;
	return TS_OK;
}

const char *
kv_get(const struct kvlist *l, const char *key)
{
	if (l == NULL)
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].value;
	return NULL;
}

/* One ":name" segment of a pattern and the path segment it captured. */
struct capture {
	const char *name, *val;
	size_t name_n, val_n;
};

/*
 * Walks pattern and path one '/'-segment at a time without allocating: the
 * router tries every route in turn, and a miss must cost no arena memory.
 * Records the captured spans; false on any difference.
 */
static bool
route_shape(const char *pat, const char *path, struct capture *c, size_t *nc)
{
	*nc = 0;
	if (*pat != '/' || *path != '/')
		return false;
	for (;;) {
		pat++;
		path++;
		size_t pn = strcspn(pat, "/"), sn = strcspn(path, "/");
		if (pat[0] == ':') {
			if (sn == 0 || pn == 1 || *nc == ROUTE_MAX_PARAMS)
				return false;
			c[*nc] = (struct capture){ pat + 1, path, pn - 1, sn };
			(*nc)++;
		} else if (pn != sn || memcmp(pat, path, pn) != 0) {
			return false;
		}
		pat += pn;
		path += sn;
		if (*pat == '\0' || *path == '\0')
			return *pat == *path;
	}
}

/* A decoded segment must stay one segment and be printable: no '/', and
 * no C0, DEL or C1 control (a NUL would also cut the C string short). */
static bool
segment_ok(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (n > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
		if (k <= 0 || cp < 0x20 || cp == '/' ||
		    (cp >= 0x7F && cp < 0xA0))
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

static bool
capture_take(struct arena *a, const struct capture *c, struct kv *kv)
{
	size_t dn;
	char *d = arena_alloc(a, c->val_n + 1);
	if (d == NULL || !pct_decode(c->val, c->val_n, false, d, &dn) ||
	    !segment_ok(d, dn) || !vn_valid_utf8(c->name, c->name_n))
		return false;
	kv->key = arena_strndup(a, c->name, c->name_n);
	kv->value = vn_nfc(a, d);
	return kv->key != NULL && kv->value != NULL;
}

bool
route_match(const char *pattern, const char *path, struct arena *a,
	    struct kvlist *params)
{
	struct capture c[ROUTE_MAX_PARAMS];
	size_t nc;
	params->v = NULL;
	params->n = 0;
	if (!route_shape(pattern, path, c, &nc))
		return false;
	if (nc == 0)
		return true;
	struct kv *v = arena_calloc(a, nc, sizeof(*v));
	if (v == NULL)
		return false;
	for (size_t i = 0; i < nc; i++)
		if (!capture_take(a, &c[i], &v[i]))
			return false;
	params->v = v;
	params->n = nc;
	return true;
}

bool
http_safe_next(const char *s)
{
	if (s == NULL || s[0] != '/' || s[1] == '/' || s[1] == '\\')
		return false;
	size_t n = 0;
	for (; s[n] != '\0'; n++) {
		unsigned char c = (unsigned char)s[n];
		if (c <= 0x20 || c >= 0x7f || c == '\\' || n >= 512)
			return false;
	}
	return true;
}
