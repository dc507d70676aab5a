#include "vnstr.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "arena.h"

static char *
to_arena(struct arena *a, utf8proc_uint8_t *m)
{
	if (m == NULL)
		return NULL;
	char *p = arena_strdup(a, (const char *)m);
	free(m);
	return p;
}

char *
vn_nfc(struct arena *a, const char *s)
{
	/* ASCII is already NFC: skip utf8proc's allocation. */
	const unsigned char *p = (const unsigned char *)s;
	while (*p != 0 && *p < 0x80)
		p++;
	if (*p == 0)
		return arena_strdup(a, s);
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE |
						  UTF8PROC_COMPOSE);
	if (r < 0)
		return NULL;
	return to_arena(a, m);
}

char *
vn_upper(struct arena *a, const char *s)
{
	char *nfc = vn_nfc(a, s);
	if (nfc == NULL)
		return NULL;
	/* Upper-casing a Vietnamese letter keeps its UTF-8 length, except
	 * for rare letters; 4 bytes per code point is always enough. */
	size_t cap = strlen(nfc) * 4 + 1;
	char *out = arena_alloc(a, cap);
	if (out == NULL)
		return NULL;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)nfc;
	size_t w = 0;
	while (*p) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
		if (n <= 0)
			return NULL;
		w += (size_t)utf8proc_encode_char(utf8proc_toupper(c),
						  (utf8proc_uint8_t *)out + w);
		p += n;
	}
	out[w] = '\0';
	return out;
}

char *
vn_lower_first(struct arena *a, const char *s)
{
	char *nfc = vn_nfc(a, s);
	if (nfc == NULL || *nfc == '\0')
		return nfc;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)nfc;
	utf8proc_int32_t c, next = 0;
	utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
	if (n <= 0)
		return NULL;
	if (p[n] && utf8proc_iterate(p + n, -1, &next) <= 0)
		return NULL;
	/* "THCS …", "GDTX …": an initialism keeps its capitals. */
	if (utf8proc_isupper(next))
		return nfc;
	size_t rest = strlen(nfc) - (size_t)n;
	char *out = arena_alloc(a, rest + 5);
	if (out == NULL)
		return NULL;
	utf8proc_ssize_t w = utf8proc_encode_char(utf8proc_tolower(c),
						  (utf8proc_uint8_t *)out);
	memcpy(out + w, nfc + n, rest + 1);
	return out;
}

char *
vn_fold_key(struct arena *a, const char *s)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t r = utf8proc_map(
		(const utf8proc_uint8_t *)s, 0, &m,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
			UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	if (r < 0)
		return NULL;
	/* đ (U+0111, C4 91) is a letter of its own, not d + mark; fold it
	 * to d in place (the result is shorter, so compact as we go). */
	size_t o = 0;
	for (size_t i = 0; m[i] != 0; i++) {
		if (m[i] == 0xC4 && m[i + 1] == 0x91) {
			m[o++] = 'd';
			i++;
		} else {
			m[o++] = m[i];
		}
	}
	m[o] = 0;
	return to_arena(a, m);
}

bool
vn_valid_utf8(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (n > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n,
						      &cp);
		if (k <= 0 || cp < 0)
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

static size_t
cp_width(utf8proc_int32_t cp)
{
	int w = utf8proc_charwidth(cp);
	return w > 0 ? (size_t)w : 0;
}

size_t
vn_width_n(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			i++;
			w++;
			continue;
		}
		w += cp_width(cp);
		i += (size_t)k;
	}
	return w;
}

size_t
vn_width(const char *s)
{
	return vn_width_n(s, strlen(s));
}

bool
vn_nfc_equal(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return true;
	utf8proc_uint8_t *x = utf8proc_NFC((const utf8proc_uint8_t *)a);
	utf8proc_uint8_t *y = utf8proc_NFC((const utf8proc_uint8_t *)b);
	bool eq = x && y && strcmp((const char *)x, (const char *)y) == 0;
	free(x);
	free(y);
	return eq;
}

size_t
vn_prefix_fitting(const char *s, size_t n, size_t cols)
{
	size_t used = 0, i = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			k = 1, cp = '?';
		size_t w = cp_width(cp);
		if (used + w > cols)
			break;
		used += w;
		i += (size_t)k;
	}
	return i;
}

size_t
vn_chars(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}
