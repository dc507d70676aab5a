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
 * TAB, LF and CR; one bit per byte below 0x80 (all of 0x40-0x7F). */
#define PLAIN_LOW 0xafffff3b00002600ULL

static bool
html_plain(unsigned char c)
{
	return c < 0x40 ? (PLAIN_LOW >> c) & 1 : c < 0x80;
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

/* Length of the valid UTF-8 sequence at p (NUL-terminated), or 0.
 * Vietnamese letters are all 2 or 3 bytes, checked here: no overlong
 * forms, no surrogates (ED A0..BF); longer ones go to utf8proc, which
 * also refuses code points past U+10FFFF: the same rule as
 * vn_valid_utf8. A NUL is never a continuation byte. */
static size_t
utf8_len(const unsigned char *p)
{
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		return (p[1] & 0xC0) == 0x80 ? 2 : 0;
	if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		unsigned char lo = p[0] == 0xE0 ? 0xA0 : 0x80,
			      hi = p[0] == 0xED ? 0x9F : 0xBF;
		return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3
									 : 0;
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
	return k > 0 ? (size_t)k : 0;
}

/* Runs of plain ASCII and whole valid UTF-8 sequences are copied with
 * one append each, not one per letter; in one pass, without strlen. */
void
html_escape(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	for (;;) {
		size_t k;
		if (html_plain(*p)) {
			p++;
			continue;
		}
		if (*p >= 0x80 && (k = utf8_len(p)) > 0) {
			p += k;
			continue;
		}
		buf_put(b, run, (size_t)(p - run));
		if (*p == '\0')
			return;
		if (*p < 0x80)
			html_special(b, *p);
		else
			buf_puts(b, REPLACEMENT);
		run = ++p;
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
