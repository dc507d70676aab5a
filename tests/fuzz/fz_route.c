/* libFuzzer target: route_match, plus the HTML and <script> JSON escapers
 * on the same raw bytes (paths are where hostile text meets them first).
 * Input "PATTERN\nPATH" tries that pattern; without a newline the input
 * is a path tried against the server's own route patterns. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/http.h"
#include "../../src/util/arena.h"
#include "../../src/util/vnstr.h"
#include "fz_input.h"

static const char *const PATTERNS[] = {
	"/",
	"/healthz",
	"/campaigns/:id",
	"/campaigns/:id/units/:code",
	"/campaigns/:id/units/:code/:action",
	"/:a/:b/:c/:d/:e/:f/:g/:h",
};

/* What route_match promises for each captured segment. */
static void
check_param(const struct kv *kv, struct arena *a)
{
	const unsigned char *p = (const unsigned char *)kv->value;
	size_t n = strlen(kv->value);
	if (n == 0 || !vn_valid_utf8(kv->value, n) || kv->key[0] == '\0' ||
	    strchr(kv->key, '/') != NULL ||
	    !vn_valid_utf8(kv->key, strlen(kv->key)))
		__builtin_trap();
	for (size_t i = 0; i < n; i++)
		if (p[i] < 0x20 || p[i] == '/' || p[i] == 0x7F ||
		    (p[i] == 0xC2 && p[i + 1] >= 0x80 && p[i + 1] < 0xA0))
			__builtin_trap();
	const char *nfc = vn_nfc(a, kv->value);
	if (nfc == NULL || strcmp(nfc, kv->value) != 0)
		__builtin_trap();
}

/* The path built from the pattern with every capture url_escape'd must
 * match again with the same values. */
static void
round_trip(const char *pat, const struct kvlist *l, struct arena *a)
{
	struct buf b;
	struct kvlist l2;
	size_t k = 0;
	buf_init(&b, 0);
	for (const char *s = pat; *s;) {
		size_t n = strcspn(s + 1, "/") + 1;
		if (s[1] == ':' && k < l->n) {
			buf_putc(&b, '/');
			url_escape(&b, l->v[k++].value);
		} else {
			buf_put(&b, s, n);
		}
		s += n;
	}
	if (k != l->n || !route_match(pat, buf_str(&b), a, &l2) || l2.n != l->n)
		__builtin_trap();
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, l2.v[i].key) != 0 ||
		    strcmp(l->v[i].value, l2.v[i].value) != 0)
			__builtin_trap();
	buf_release(&b);
}

static void
try_route(const char *pat, const char *path, struct arena *a)
{
	struct kvlist l;
	if (!route_match(pat, path, a, &l)) {
		if (l.v != NULL || l.n != 0)
			__builtin_trap();
		return;
	}
	if (l.n > ROUTE_MAX_PARAMS || (l.n > 0) != (l.v != NULL))
		__builtin_trap();
	for (size_t i = 0; i < l.n; i++)
		check_param(&l.v[i], a);
	round_trip(pat, &l, a);
}

/* The entity at s, if it is one html_escape writes; its length or 0. */
static size_t
entity_len(const char *s)
{
	static const char *const ent[] = { "&amp;", "&lt;", "&gt;", "&quot;",
					   "&#39;" };
	for (size_t i = 0; i < sizeof(ent) / sizeof(*ent); i++)
		if (strncmp(s, ent[i], strlen(ent[i])) == 0)
			return strlen(ent[i]);
	return 0;
}

/* No markup-significant byte, no C0 but TAB LF CR, valid UTF-8, and every
 * '&' starts one of our entities. */
static void
check_html(const char *in)
{
	struct buf b;
	buf_init(&b, 0);
	html_escape(&b, in);
	const char *s = buf_str(&b);
	if (b.err != TS_OK || !vn_valid_utf8(s, b.len))
		__builtin_trap();
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '<' || c == '>' || c == '"' || c == '\'' ||
		    (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    (c == '&' && entity_len(s + i) == 0))
			__builtin_trap();
	}
	buf_release(&b);
}

/* No '<' '>' '&' or raw U+2028/U+2029; each costs exactly its \uXXXX. */
static void
check_json(const char *in)
{
	struct buf b;
	size_t want = 0;
	buf_init(&b, 0);
	json_script_escape(&b, in);
	for (const char *p = in; *p; p++)
		want += strchr("<>&", *p) != NULL ? 6 : 1;
	for (const char *p = buf_str(&b); *p; p++) {
		if (strchr("<>&", *p) != NULL)
			__builtin_trap();
		if (strncmp(p, "\xE2\x80\xA8", 3) == 0 ||
		    strncmp(p, "\xE2\x80\xA9", 3) == 0)
			__builtin_trap();
	}
	for (const char *p = in; (p = strstr(p, "\xE2\x80")) != NULL; p += 2)
		if (p[2] == '\xA8' || p[2] == '\xA9')
			want += 3; /* 3 bytes become 6 */
	if (b.err != TS_OK || b.len != want)
		__builtin_trap();
	buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fz_strdup(data, size);
	struct arena *a = arena_new();
	if (s != NULL && a != NULL) {
		check_html(s);
		check_json(s);
		char *nl = strchr(s, '\n');
		if (nl != NULL) {
			*nl = '\0';
			try_route(s, nl + 1, a);
		}
		for (size_t i = 0; nl == NULL && i < 6; i++)
			try_route(PATTERNS[i], s, a);
	}
	arena_free(a);
	free(s);
	return 0;
}
