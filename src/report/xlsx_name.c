/* Excel sheet names: at most 31 characters (UTF-16 units), none of
 * []:*?/\, no leading or trailing apostrophe, unique ignoring case, and
 * "History" is reserved. Excel refuses to open a file that breaks these
 * rules, so the writer cleans every name instead of failing. */
#include "xlsx.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

/* Appends code point cp to out (size XLSX_NAME_SIZE) unless it would pass
 * max UTF-16 units; returns false when full. */
static bool
put_cp(char *out, size_t *len, size_t *units, size_t max, int32_t cp)
{
	size_t u = cp > 0xFFFF ? 2 : 1;
	if (*units + u > max)
		return false;
	*len += (size_t)utf8proc_encode_char(cp,
					     (utf8proc_uint8_t *)out + *len);
	*units += u;
	out[*len] = '\0';
	return true;
}

static int32_t
clean_cp(int32_t cp)
{
	if (cp < 0x20 || cp == 0x7F)
		return ' ';
	if (cp && strchr("[]:*?/\\", (int)cp) && cp < 0x80)
		return '-';
	return cp;
}

/* Copies s cleaned into out with at most max units; the name loses its
 * leading spaces and apostrophes here, trailing ones in trim_end(). */
static void
clean_copy(const char *s, size_t max, char *out)
{
	size_t len = 0, units = 0;
	out[0] = '\0';
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	for (;;) {
		int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0) {
			if (n == 0 || *p == '\0')
				break;
			p++; /* invalid byte: dropped */
			continue;
		}
		p += n;
		if (cp == 0)
			break;
		cp = clean_cp(cp);
		if (len == 0 && (cp == ' ' || cp == '\''))
			continue;
		if (!put_cp(out, &len, &units, max, cp))
			break;
	}
}

static void
trim_end(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\''))
		s[--n] = '\0';
}

/* Case-insensitive equality of two valid UTF-8 names, code point by code
 * point (enough for the Latin letters Vietnamese uses). */
static bool
same_name(const char *a, const char *b)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)a;
	const utf8proc_uint8_t *q = (const utf8proc_uint8_t *)b;
	for (;;) {
		int32_t x, y;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &x);
		utf8proc_ssize_t m = utf8proc_iterate(q, -1, &y);
		if (n <= 0 || m <= 0)
			return n == m;
		if (utf8proc_tolower(x) != utf8proc_tolower(y))
			return false;
		if (x == 0)
			return true;
		p += n;
		q += m;
	}
}

static bool
is_taken(const char *name, char taken[][XLSX_NAME_SIZE], size_t ntaken)
{
	if (same_name(name, "History"))
		return true;
	for (size_t i = 0; i < ntaken; i++)
		if (same_name(name, taken[i]))
			return true;
	return false;
}

void
xlsx_sheet_name(const char *want, const char *fallback,
		char taken[][XLSX_NAME_SIZE], size_t ntaken, char *out)
{
	const char *src = want;
	clean_copy(src ? src : "", XLSX_NAME_MAX, out);
	trim_end(out);
	if (!out[0]) {
		src = fallback && *fallback ? fallback : "Trang";
		clean_copy(src, XLSX_NAME_MAX, out);
		trim_end(out);
	}
	for (unsigned k = 2; is_taken(out, taken, ntaken); k++) {
		char suffix[16];
		int n = snprintf(suffix, sizeof suffix, " (%u)", k);
		clean_copy(src, XLSX_NAME_MAX - (size_t)n, out);
		trim_end(out);
		size_t len = strlen(out);
		memcpy(out + len, suffix, (size_t)n + 1);
	}
}
