/*
 * libxml2 streaming reader over one XLSX part, and the shared strings
 * table. Parts are untrusted: no network, no DTD (refused outright, so no
 * entity tricks), libxml2's default size limits (no XML_PARSE_HUGE), and
 * its error messages captured instead of printed.
 */
#include <libxml/xmlreader.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "sheet_int.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

/* libxml2 reports some errors (encoding conversion) outside the reader's
 * handler, through its generic handler, which prints to stderr. We make
 * that handler silent for this thread (libxml2 keeps it per thread);
 * nothing else in the program uses libxml2's messages. */
static void
xml_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
xml_on_error(void *arg, xmlErrorPtr e)
{
	struct xml *x = arg;
	if (e != NULL && e->level >= XML_ERR_ERROR && x->err_line == 0)
		x->err_line = e->line > 0 ? e->line : -1;
}

static bool
has_doctype(const char *buf, size_t len)
{
	static const char pat[] = "<!DOCTYPE";
	const size_t n = sizeof(pat) - 1;
	const char *p = buf;
	const char *end = buf + len;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= n && memcmp(p, pat, n) == 0)
			return true;
		p++;
	}
	return false;
}

static void
xml_bad(struct xml *x)
{
	if (x->err_line > 0)
		sb_err(x->b, TS_EINVAL, 0,
		       "tệp .xlsx bị hỏng: phần %s có lỗi XML ở dòng %d; hãy "
		       "mở bằng Excel và lưu lại",
		       x->part, x->err_line);
	else
		sb_err(x->b, TS_EINVAL, 0,
		       "tệp .xlsx bị hỏng: phần %s không phải XML hợp lệ; hãy "
		       "mở bằng Excel và lưu lại",
		       x->part);
	x->failed = true;
}

bool
xml_open(struct xml *x, struct sheet_build *b, const char *buf, size_t len,
	 const char *part)
{
	memset(x, 0, sizeof(*x));
	x->b = b;
	x->part = part;
	if (has_doctype(buf, len)) {
		sb_err(b, TS_EINVAL, 0,
		       "phần %s của tệp .xlsx có khai báo "
		       "DOCTYPE: không được phép (tệp có thể đã bị sửa)",
		       part);
		return false;
	}
	if (len > XLSX_PART_BYTES) { /* callers cap parts; int below */
		sb_err(b, TS_ELIMIT, 0, "phần %s quá lớn", part);
		return false;
	}
	pthread_once(&xml_once, xmlInitParser);
	xmlSetGenericErrorFunc(NULL, xml_silent);
	x->r = xmlReaderForMemory(buf, (int)len, part, NULL,
				  XML_PARSE_NONET | XML_PARSE_NOERROR |
					  XML_PARSE_NOWARNING);
	if (x->r == NULL) {
		sb_err(b, TS_ENOMEM, 0, "không đủ bộ nhớ để đọc tệp");
		return false;
	}
	xmlTextReaderSetStructuredErrorHandler(x->r, xml_on_error, x);
	return true;
}

void
xml_close(struct xml *x)
{
	if (x->r != NULL)
		xmlFreeTextReader(x->r);
	x->r = NULL;
}

int
xml_next(struct xml *x)
{
	if (x->failed)
		return -1;
	int r = xmlTextReaderRead(x->r);
	if (r == 1 &&
	    xmlTextReaderNodeType(x->r) == XML_READER_TYPE_DOCUMENT_TYPE)
		r = -1; /* has_doctype() saw none: something odd, refuse */
	if (r < 0)
		xml_bad(x);
	return r;
}

int
xml_type(const struct xml *x)
{
	return xmlTextReaderNodeType(x->r);
}

bool
xml_is(const struct xml *x, const char *local)
{
	const xmlChar *n = xmlTextReaderConstLocalName(x->r);
	return n != NULL && strcmp((const char *)n, local) == 0;
}

bool
xml_empty(const struct xml *x)
{
	return xmlTextReaderIsEmptyElement(x->r) == 1;
}

bool
xml_is_text(const struct xml *x)
{
	int t = xml_type(x);
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_WHITESPACE ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

const char *
xml_text(const struct xml *x)
{
	const xmlChar *v = xmlTextReaderConstValue(x->r);
	return v != NULL ? (const char *)v : "";
}

static xmlChar *
get_attr(struct xml *x, const char *name, const char *ns)
{
	if (ns != NULL)
		return xmlTextReaderGetAttributeNs(x->r, (const xmlChar *)name,
						   (const xmlChar *)ns);
	return xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
}

char *
xml_attr(struct xml *x, const char *name, const char *ns)
{
	xmlChar *v = get_attr(x, name, ns);
	if (v == NULL)
		return NULL;
	char *s = arena_strdup(x->b->a, (const char *)v);
	xmlFree(v);
	if (s == NULL)
		sb_err(x->b, TS_ENOMEM, 0, "không đủ bộ nhớ để đọc tệp");
	return s;
}

bool
xml_attr_buf(struct xml *x, const char *name, char *dst, size_t cap)
{
	xmlChar *v = get_attr(x, name, NULL);
	if (v == NULL)
		return false;
	size_t n = strlen((const char *)v);
	bool ok = n < cap;
	if (ok)
		memcpy(dst, v, n + 1);
	xmlFree(v);
	return ok;
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* The code point of "_xHHHH_" at s (n bytes left), or 0 if none/unusable
 * (NUL and UTF-16 surrogates stay as written). */
static unsigned
escape_at(const char *s, size_t n)
{
	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return 0;
	unsigned cp = 0;
	for (int i = 2; i < 6; i++) {
		int d = hex_digit(s[i]);
		if (d < 0)
			return 0;
		cp = cp * 16 + (unsigned)d;
	}
	return cp >= 0xD800 && cp <= 0xDFFF ? 0 : cp;
}

/* UTF-8 of cp (< 0x10000) at out; at most 3 bytes. */
static size_t
put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

size_t
xml_unescape(char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp = escape_at(s + i, n - i);
		if (cp != 0) {
			/* 7 bytes in, at most 3 out: in place is safe. */
			o += put_utf8(s + o, cp);
			i += 7;
		} else {
			s[o++] = s[i++];
		}
	}
	return o;
}

const char *
xml_cell_text(struct sheet_build *b, struct buf *t, bool esc)
{
	if (t->err == TS_ELIMIT) {
		sb_err(b, TS_ELIMIT, b->line,
		       "một ô dài hơn %zu byte; không đọc tiếp",
		       SHEET_CELL_BYTES);
		return NULL;
	}
	if (t->err != TS_OK) {
		sb_err(b, TS_ENOMEM, 0, "không đủ bộ nhớ để đọc tệp");
		return NULL;
	}
	if (t->p == NULL)
		return sheet_empty;
	size_t n = esc ? xml_unescape(t->p, t->len) : t->len;
	return sb_text(b, t->p, n);
}
