/*
 * Escapers for the three contexts user data reaches in a page: HTML text
 * and quoted attributes, URL components, and JSON inside a <script>
 * element. Templates call these and nothing else, so this file is the whole
 * XSS boundary; it is fuzzed with the output checked byte by byte.
 */
#include "http.h"

#include <string.h>
#include <utf8proc.h>

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Bytes copied as they are: printable ASCII other than & < > " ', plus
 * TAB, LF and CR. */
static bool
html_plain(unsigned char c)
{
	if (c < 0x20)
		return c == '\t' || c == '\n' || c == '\r';
	return c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"' &&
	       c != '\'';
}

/* One ASCII byte that is not plain: its entity, or nothing for a control
 * (NUL and most C0 are parse errors in HTML and useless in our text). */
static void
html_special(struct buf *b, unsigned char c)
{
	switch (c) {
	case '&': buf_puts(b, "&amp;"); break;
	case '<': buf_puts(b, "&lt;"); break;
	case '>': buf_puts(b, "&gt;"); break;
	case '"': buf_puts(b, "&quot;"); break;
	case '\'': buf_puts(b, "&#39;"); break;
	default: break;
	}
}

/* Length of the valid 2- or 3-byte UTF-8 sequence at p (n bytes left),
 * or 0 when it is neither: Vietnamese letters are all there, so most
 * text never calls utf8proc. Same rule as utf8proc_iterate: no overlong
 * forms, no surrogates (ED A0..BF). */
static size_t
utf8_short(const unsigned char *p, size_t n)
{
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
	if (p[0] < 0xE0 || p[0] > 0xEF || n < 3 || (p[2] & 0xC0) != 0x80)
		return 0;
	unsigned char lo = p[0] == 0xE0 ? 0xA0 : 0x80,
		      hi = p[0] == 0xED ? 0x9F : 0xBF;
	return p[1] >= lo && p[1] <= hi ? 3 : 0;
}

/* Length of the run at p (n bytes left) that is copied as it is: plain
 * ASCII and whole valid UTF-8 sequences. utf8proc refuses overlong forms,
 * surrogates and code points past U+10FFFF: the same rule as
 * vn_valid_utf8. One run per stretch of Vietnamese text, not one append
 * per letter. */
static size_t
plain_run(const unsigned char *p, size_t n)
{
	size_t run = 0;
	while (run < n) {
		if (html_plain(p[run])) {
			run++;
			continue;
		}
		if (p[run] < 0x80)
			break;
		size_t k = utf8_short(p + run, n - run);
		if (k == 0) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t m = utf8proc_iterate(
				p + run, (utf8proc_ssize_t)(n - run), &cp);
			if (m <= 0)
				break;
			k = (size_t)m;
		}
		run += k;
	}
	return run;
}

void
html_escape(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t run = plain_run(p + i, n - i);
		buf_put(b, p + i, run);
		i += run;
		if (i == n)
			break;
		if (p[i] < 0x80)
			html_special(b, p[i]);
		else
			buf_puts(b, REPLACEMENT);
		i++;
	}
}

static bool
url_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~';
}

void
url_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (url_unreserved(*p)) {
			buf_putc(b, (char)*p);
			continue;
		}
		char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
		buf_put(b, e, sizeof(e));
	}
}

/* The \uXXXX form of the byte (or of U+2028/U+2029) at p, or NULL when it
 * is copied as is. '<' stops "</script>" and "<!--" from ending or
 * changing the element; '>' and '&' are escaped for defence in depth; the
 * line separators broke JavaScript string literals before ES2019. */
static const char *
json_escape_of(const unsigned char *p, size_t *len)
{
	*len = 1;
	switch (p[0]) {
	case '<': return "\\u003c";
	case '>': return "\\u003e";
	case '&': return "\\u0026";
	case 0xE2:
		if (p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
			*len = 3;
			return p[2] == 0xA8 ? "\\u2028" : "\\u2029";
		}
		return NULL;
	default: return NULL;
	}
}

void
json_script_escape(struct buf *b, const char *json_text)
{
	const unsigned char *p = (const unsigned char *)json_text;
	while (*p != '\0') {
		size_t len;
		const char *e = json_escape_of(p, &len);
		if (e != NULL)
			buf_puts(b, e);
		else
			buf_putc(b, (char)*p);
		p += len;
	}
}
