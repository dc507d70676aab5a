/* Bytes on the wire: pages, charts, the stylesheet and the script go
 * gzip-compressed to clients that accept it (zlib). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "web.h"

/* Shorter bodies gain nothing worth a header. */
#define GZIP_MIN 256

bool
web_compressible(const char *content_type)
{
	static const char *const TYPES[] = { "text/html", "image/svg+xml",
					     "text/css", "text/javascript" };
	for (size_t i = 0; content_type && i < sizeof(TYPES) / sizeof(*TYPES);
	     i++)
		if (strncmp(content_type, TYPES[i], strlen(TYPES[i])) == 0)
			return true;
	return false;
}

/* Whether the parameters [q, end) of a coding leave it allowed: no
 * "q=", or a q that is not zero ("q=0", "q=0.000"). */
static bool
q_allows(const char *q, const char *end)
{
	while (q < end && (q = memchr(q, ';', (size_t)(end - q))) != NULL) {
		q++;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (end - q < 2 || (q[0] != 'q' && q[0] != 'Q') || q[1] != '=')
			continue;
		q += 2;
		bool zero = q < end && *q == '0';
		for (q++; zero && q < end && *q != ';'; q++)
			zero = *q == '.' || *q == '0' || *q == ' ';
		return !zero;
	}
	return true;
}

/* Whether the coding element [p, end) of Accept-Encoding ("gzip",
 * "gzip;q=0.5", "*") allows gzip: the name matches and q is not zero. */
static bool
element_allows(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	size_t n = strcspn(p, ";, \t");
	if (p + n > end)
		n = (size_t)(end - p);
	if (!((n == 4 && strncasecmp(p, "gzip", 4) == 0) ||
	      (n == 1 && *p == '*')))
		return false;
	return q_allows(p + n, end);
}

bool
web_accepts_gzip(const char *accept_encoding)
{
	const char *p = accept_encoding;
	while (p != NULL && *p != '\0') {
		const char *end = p + strcspn(p, ",");
		if (element_allows(p, end))
			return true;
		p = *end ? end + 1 : end;
	}
	return false;
}

bool
web_gzip_body(struct req *r, const char *accept_encoding)
{
	if (r->send_fd >= 0 || r->body.len < GZIP_MIN ||
	    !web_compressible(r->content_type) ||
	    !web_accepts_gzip(accept_encoding))
		return false;
	z_stream z = { 0 };
	/* 15 + 16: a gzip wrapper rather than zlib's own. */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return false;
	uLong cap = deflateBound(&z, (uLong)r->body.len);
	unsigned char *out = malloc(cap);
	bool ok = out != NULL;
	if (ok) {
		z.next_in = (unsigned char *)r->body.p;
		z.avail_in = (uInt)r->body.len;
		z.next_out = out;
		z.avail_out = (uInt)cap;
		ok = deflate(&z, Z_FINISH) == Z_STREAM_END;
	}
	if (ok) {
		buf_reset(&r->body);
		buf_put(&r->body, out, z.total_out);
		ok = r->body.err == TS_OK;
	}
	deflateEnd(&z);
	free(out);
	return ok;
}
