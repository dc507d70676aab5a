/* XML text for the DOCX parts. Report text comes from users (school names,
 * evidence notes), so nothing reaches a part unescaped, and characters that
 * XML 1.0 forbids are dropped: one bad byte must not make Word refuse the
 * whole file ("unreadable content"). */
#include "docx.h"

#include <string.h>

#include <utf8proc.h>

#include "../util/vnstr.h"

static void
put_codepoint(struct buf *b, utf8proc_int32_t cp)
{
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
	buf_put(b, enc, (size_t)n);
}

/* Escapes one code point, dropping those XML cannot carry. */
static void
esc_codepoint(struct buf *b, utf8proc_int32_t cp)
{
	switch (cp) {
	case '&': buf_puts(b, "&amp;"); return;
	case '<': buf_puts(b, "&lt;"); return;
	case '>': buf_puts(b, "&gt;"); return;
	case '"': buf_puts(b, "&quot;"); return;
	case '\'': buf_puts(b, "&apos;"); return;
	default: break;
	}
	if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
		return; /* C0 controls are not XML 1.0 characters */
	if (cp == 0xFFFE || cp == 0xFFFF)
		cp = 0xFFFD;
	put_codepoint(b, cp);
}

void
dx_esc_n(struct buf *b, const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			/* Invalid UTF-8 (or a surrogate): one replacement
			 * character per bad byte, then resynchronise. */
			put_codepoint(b, 0xFFFD);
			i++;
			continue;
		}
		esc_codepoint(b, cp);
		i += (size_t)k;
	}
}

void
dx_esc(struct buf *b, const char *s)
{
	if (s)
		dx_esc_n(b, s, strlen(s));
}

size_t
dx_chars(const char *s)
{
	return s ? vn_chars(s, strlen(s)) : 0;
}
