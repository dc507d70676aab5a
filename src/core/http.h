/*
 * The pure half of the web server: parsers for what a browser sends (form
 * bodies, query strings, cookies, request paths) and escapers for what we
 * send back (HTML text and attributes, URL components, JSON inside a
 * <script> element). No I/O, so every function here is unit-tested and
 * fuzzed on its own; the MHD glue in src/web only moves bytes.
 *
 * Everything these parsers return lives in the caller's arena (one per
 * request) and is NUL-terminated, valid UTF-8 without NUL bytes.
 */
#ifndef TS_HTTP_H
#define TS_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "../util/err.h"

struct arena;

struct kv {
	const char *key; /* NUL-terminated, UTF-8 validated, in the arena */
	const char *value;
};

struct kvlist {
	struct kv *v;
	size_t n;
};

#define FORM_MAX_FIELDS 2000
#define FORM_MAX_BYTES	((size_t)1 << 20)

/*
 * application/x-www-form-urlencoded (also query strings without the '?'):
 * '+' = space, %XX decoding (invalid escapes -> TS_EINVAL), keys may repeat
 * (kept in order), empty keys skipped (their value is not looked at), a key
 * without '=' has value "". Rejects: more than FORM_MAX_FIELDS fields or
 * more than FORM_MAX_BYTES input (TS_ELIMIT), decoded bytes that are not
 * valid UTF-8 or contain NUL (TS_EINVAL). Values are NFC-normalised; keys
 * are kept as sent. s need not be NUL-terminated. On any error *out is
 * left empty.
 */
enum ts_err form_parse(const char *s, size_t n, struct arena *a,
		       struct kvlist *out);
/* First value for key, or NULL. */
const char *kv_get(const struct kvlist *l, const char *key);

/*
 * Cookie request header ("a=1; b=2"): RFC 6265 cookie-pairs, whitespace
 * around '; ' tolerated, values may be quoted (the quotes are removed); no
 * percent decoding. A pair whose name is not an RFC 7230 token or whose
 * value has a byte outside cookie-octet is skipped, not fatal. More than
 * COOKIE_MAX well-formed pairs -> TS_ELIMIT with *out empty.
 */
#define COOKIE_MAX 50
enum ts_err cookie_parse(const char *header, struct arena *a,
			 struct kvlist *out);

/*
 * Route matching: pattern "/campaign/:id/unit/:code" against a path
 * "/campaign/3/unit/31DK001". Segments must match literally (the path's
 * bytes as sent, not decoded) except ":name", which captures one non-empty
 * segment: percent-decoded ('+' stays '+'), valid UTF-8 without '/', NUL or
 * control characters (C0, DEL, C1), then NFC-normalised. A trailing '/' in
 * the path is not equal to no trailing slash. At most ROUTE_MAX_PARAMS
 * params. Returns true on a match, filling params (arena); on no match
 * *params is empty and nothing was allocated unless the segments matched
 * and a capture was then refused.
 */
#define ROUTE_MAX_PARAMS 8
bool route_match(const char *pattern, const char *path, struct arena *a,
		 struct kvlist *params);

/*
 * A sign-in "next" target that can only lead back into this site: a path
 * starting with one "/" (not "//", not "/\\"), at most 512 bytes, of
 * printable ASCII without backslashes (anything else percent-encoded), so
 * no scheme, host or control character can turn it into an open
 * redirect.
 */
bool http_safe_next(const char *s);

/*
 * HTML escaping into a bounded struct buf, safe in text and in quoted
 * attribute values: & < > " ' become &amp; &lt; &gt; &quot; &#39;. Each
 * byte that does not start a valid UTF-8 sequence becomes U+FFFD; NUL and
 * C0 controls other than \t \n \r are dropped.
 */
void html_escape(struct buf *b, const char *s);
/* For a value inside a URL path or query: percent-encode (upper-case hex)
 * every byte but unreserved ASCII (RFC 3986: ALPHA DIGIT - . _ ~). */
void url_escape(struct buf *b, const char *s);
/* Safe to put inside <script type="application/json">: '<' '>' '&' become
 * \u003c \u003e \u0026 (and U+2028/U+2029 become \u2028/\u2029), which
 * JSON.parse reads back unchanged when they sit inside JSON strings (the
 * only place valid JSON has them). */
void json_script_escape(struct buf *b, const char *json_text);

#endif
