/* core/http.c, http_cookie.c, html_escape.c: what the web server parses
 * from browsers and how it escapes what it sends back. */
#include "ut.h"

#include "../../src/core/http.h"
#include "../../src/util/arena.h"
#include "../../src/util/vnstr.h"

static int
setup(void **state)
{
	*state = arena_new();
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

/* form_parse on a NUL-terminated string. */
static enum ts_err
form(void **state, const char *s, struct kvlist *l)
{
	return form_parse(s, strlen(s), *state, l);
}

static void
assert_kv(const struct kvlist *l, size_t i, const char *k, const char *v)
{
	assert_true(i < l->n);
	assert_string_equal(l->v[i].key, k);
	assert_string_equal(l->v[i].value, v);
}

static void
test_form_basic(void **state)
{
	struct kvlist l;
	assert_int_equal(form(state, "a=1&b=hello+world&c=%41%62%7e", &l),
			 TS_OK);
	assert_int_equal(l.n, 3);
	assert_kv(&l, 0, "a", "1");
	assert_kv(&l, 1, "b", "hello world");
	assert_kv(&l, 2, "c", "Ab~");
	assert_string_equal(kv_get(&l, "b"), "hello world");
	assert_null(kv_get(&l, "d"));
	assert_null(kv_get(&l, "A"));
	/* The key is decoded too, with '+' as a space. */
	assert_int_equal(form(state, "t%C3%AAn+tr%C6%B0%E1%BB%9Dng=x", &l),
			 TS_OK);
	assert_kv(&l, 0, "tên trường", "x");
	/* Empty input: no fields, and a NULL pointer is fine with n = 0. */
	assert_int_equal(form(state, "", &l), TS_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(form_parse(NULL, 0, *state, &l), TS_OK);
	assert_int_equal(l.n, 0);
	assert_null(kv_get(&l, "a"));
	assert_null(kv_get(NULL, "a"));
}

static void
test_form_repeat_and_empty(void **state)
{
	struct kvlist l;
	assert_int_equal(form(state, "a=1&a=2&b&=x&&c=&=&d=e=f&", &l), TS_OK);
	assert_int_equal(l.n, 5);
	assert_kv(&l, 0, "a", "1");
	assert_kv(&l, 1, "a", "2");
	assert_kv(&l, 2, "b", "");
	assert_kv(&l, 3, "c", "");
	assert_kv(&l, 4, "d", "e=f");
	assert_string_equal(kv_get(&l, "a"), "1");
	/* Only empty keys: nothing, not an error. */
	assert_int_equal(form(state, "=1&=2&&&", &l), TS_OK);
	assert_int_equal(l.n, 0);
	/* An empty key's value is skipped unread, bad escape or not. */
	assert_int_equal(form(state, "=%zz&a=1", &l), TS_OK);
	assert_int_equal(l.n, 1);
}

static void
test_form_plus(void **state)
{
	struct kvlist l;
	assert_int_equal(form(state, "+", &l), TS_OK);
	assert_int_equal(l.n, 1);
	assert_kv(&l, 0, " ", "");
	assert_int_equal(form(state, "a=+&%2B=%2b&q=1+%2B+1", &l), TS_OK);
	assert_kv(&l, 0, "a", " ");
	assert_kv(&l, 1, "+", "+");
	assert_kv(&l, 2, "q", "1 + 1");
}

static void
test_form_bad_escapes(void **state)
{
	static const char *const bad[] = {
		"%zz",	 "%4",	      "%",	"a=%",	"a=%4",	 "a=%g0",
		"a=%0g", "a=1&b=%zz", "a=%%41", "a%=1", "a=%-1", "a=% 1",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct kvlist l = { (struct kv *)1, 99 };
		if (form(state, bad[i], &l) != TS_EINVAL)
			fail_msg("form_parse accepted \"%s\"", bad[i]);
		assert_null(l.v); /* left empty on error */
		assert_int_equal(l.n, 0);
	}
}

static void
test_form_bad_text(void **state)
{
	static const char *const bad[] = {
		"%00",
		"a=%00",
		"a=b%00c",
		"%00=a",
		"a=%C0%AF",	  /* overlong '/' */
		"a=%E0%80%AF",	  /* overlong '/', 3 bytes */
		"a=%F0%80%80%AF", /* overlong '/', 4 bytes */
		"a=%ED%A0%80",	  /* UTF-16 surrogate */
		"a=%F4%90%80%80", /* past U+10FFFF */
		"a=%FF",
		"a=%C3",
		"a=%80",
		"a=\xC3",
		"\xFF=1",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct kvlist l;
		if (form(state, bad[i], &l) != TS_EINVAL)
			fail_msg("form_parse accepted \"%s\"", bad[i]);
		assert_int_equal(l.n, 0);
	}
	/* A raw NUL inside the n bytes is refused too. */
	struct kvlist l;
	assert_int_equal(form_parse("a=b\0c", 5, *state, &l), TS_EINVAL);
	/* Only the first n bytes are read. */
	assert_int_equal(form_parse("a=1&b=%zz", 3, *state, &l), TS_OK);
	assert_int_equal(l.n, 1);
	assert_kv(&l, 0, "a", "1");
	/* Valid multi-byte text, raw or escaped. */
	assert_int_equal(form(state, "a=%C3%A9&b=\xC3\xA9&c=%F0%9F%98%80", &l),
			 TS_OK);
	assert_kv(&l, 0, "a", "é");
	assert_kv(&l, 1, "b", "é");
	assert_kv(&l, 2, "c", "\xF0\x9F\x98\x80");
}

static void
test_form_nfc(void **state)
{
	struct kvlist l;
	/* "Nguyễn" typed as NFD (e + circumflex + tilde) comes out NFC;
	 * keys are kept as sent. */
	assert_int_equal(
		form(state, "e%CC%81=Nguye%CC%82%CC%83n+Tr%C3%A3i", &l), TS_OK);
	assert_kv(&l, 0, "e\xCC\x81", "Nguyễn Trãi");
	assert_string_equal(kv_get(&l, "e\xCC\x81"), "Nguyễn Trãi");
	/* Textarea line breaks survive. */
	assert_int_equal(form(state, "n=d%C3%B2ng+1%0D%0Ad%C3%B2ng+2", &l),
			 TS_OK);
	assert_kv(&l, 0, "n", "dòng 1\r\ndòng 2");
}

/* "f0=0&f1=1&..." with n fields, plus `extra` appended as is. */
static char *
many_fields(size_t n, const char *extra)
{
	struct buf b;
	buf_init(&b, 0);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%sf%zu=%zu", i ? "&" : "", i, i);
	buf_puts(&b, extra);
	assert_int_equal(b.err, TS_OK);
	return buf_take(&b);
}

static void
test_form_limits(void **state)
{
	struct kvlist l;
	char *s = many_fields(FORM_MAX_FIELDS, "");
	assert_int_equal(form(state, s, &l), TS_OK);
	assert_int_equal(l.n, FORM_MAX_FIELDS);
	assert_kv(&l, 1999, "f1999", "1999");
	free(s);
	s = many_fields(FORM_MAX_FIELDS + 1, "");
	assert_int_equal(form(state, s, &l), TS_ELIMIT);
	assert_int_equal(l.n, 0);
	free(s);
	/* Skipped pieces are not fields. */
	s = many_fields(FORM_MAX_FIELDS, "&&=x&");
	assert_int_equal(form(state, s, &l), TS_OK);
	free(s);
	/* The byte cap holds even for input that is all separators. */
	char *big = malloc(FORM_MAX_BYTES + 1);
	assert_non_null(big);
	memset(big, '&', FORM_MAX_BYTES + 1);
	assert_int_equal(form_parse(big, FORM_MAX_BYTES, *state, &l), TS_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(form_parse(big, FORM_MAX_BYTES + 1, *state, &l),
			 TS_ELIMIT);
	/* One huge value right at the cap is fine. */
	memset(big, 'x', FORM_MAX_BYTES);
	big[0] = 'k';
	big[1] = '=';
	assert_int_equal(form_parse(big, FORM_MAX_BYTES, *state, &l), TS_OK);
	assert_int_equal(strlen(kv_get(&l, "k")), FORM_MAX_BYTES - 2);
	free(big);
}

static enum ts_err
cookies(void **state, const char *h, struct kvlist *l)
{
	return cookie_parse(h, *state, l);
}

static void
test_cookie_basic(void **state)
{
	struct kvlist l;
	assert_int_equal(cookies(state, "a=1; b=2", &l), TS_OK);
	assert_int_equal(l.n, 2);
	assert_kv(&l, 0, "a", "1");
	assert_kv(&l, 1, "b", "2");
	assert_int_equal(cookies(state, " \ta = 1 ;b=2;  c=3  ;", &l), TS_OK);
	assert_int_equal(l.n, 3);
	assert_kv(&l, 0, "a", "1");
	assert_kv(&l, 1, "b", "2");
	assert_kv(&l, 2, "c", "3");
	/* No percent decoding; '=' belongs to the value; repeats kept in
	 * order (the browser sends the most specific path first). */
	assert_int_equal(cookies(state, "s=%41%2F; t=a=b; s=2; e=", &l), TS_OK);
	assert_int_equal(l.n, 4);
	assert_kv(&l, 0, "s", "%41%2F");
	assert_kv(&l, 1, "t", "a=b");
	assert_kv(&l, 3, "e", "");
	assert_string_equal(kv_get(&l, "s"), "%41%2F");
	assert_int_equal(cookies(state, "", &l), TS_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(cookies(state, " ; ;; ", &l), TS_OK);
	assert_int_equal(l.n, 0);
}

static void
test_cookie_quotes(void **state)
{
	struct kvlist l;
	assert_int_equal(cookies(state, "a=\"xyz\"; b=\"\"; c = \"q\" ", &l),
			 TS_OK);
	assert_int_equal(l.n, 3);
	assert_kv(&l, 0, "a", "xyz");
	assert_kv(&l, 1, "b", "");
	assert_kv(&l, 2, "c", "q");
	/* Unbalanced or inner quotes, and quoted spaces, are not cookies. */
	assert_int_equal(cookies(state,
				 "a=\"; b=\"x; c=x\"; d=x\"y; "
				 "e=\"x y\"; f=\"\"\"; ok=1",
				 &l),
			 TS_OK);
	assert_int_equal(l.n, 1);
	assert_kv(&l, 0, "ok", "1");
}

static void
test_cookie_junk(void **state)
{
	struct kvlist l;
	assert_int_equal(cookies(state,
				 "novalue; =1; a b=1; c=1,2; d=x\\y; "
				 "(e)=1; f:g=1; h=\x01; i=\xC3\xA9; "
				 "\xC3\xA9=1; j=x y; k/l=1; "
				 "ts_session=tok-EN_1.~; "
				 "m=\x7F; ;=;",
				 &l),
			 TS_OK);
	assert_int_equal(l.n, 1);
	assert_kv(&l, 0, "ts_session", "tok-EN_1.~");
	/* Hostile markup in a value: not a cookie-octet ("), or kept as
	 * opaque text (<, > are octets; escaping is the page's job). */
	assert_int_equal(cookies(state, "x=\"><script>; y=<b>", &l), TS_OK);
	assert_int_equal(l.n, 1);
	assert_kv(&l, 0, "y", "<b>");
	/* Token characters allowed in names. */
	assert_int_equal(cookies(state, "!#$%&'*+-.^_`|~=v", &l), TS_OK);
	assert_kv(&l, 0, "!#$%&'*+-.^_`|~", "v");
}

static void
test_cookie_limit(void **state)
{
	struct buf b;
	struct kvlist l;
	buf_init(&b, 0);
	for (int i = 0; i < COOKIE_MAX; i++)
		buf_printf(&b, "c%d=%d; junk; ", i, i);
	assert_int_equal(cookies(state, buf_str(&b), &l), TS_OK);
	assert_int_equal(l.n, COOKIE_MAX);
	assert_kv(&l, 49, "c49", "49");
	buf_puts(&b, "x y=1; one=more");
	assert_int_equal(cookies(state, buf_str(&b), &l), TS_ELIMIT);
	assert_int_equal(l.n, 0);
	assert_null(l.v);
	buf_release(&b);
}

static bool
route(void **state, const char *pat, const char *path, struct kvlist *l)
{
	return route_match(pat, path, *state, l);
}

static void
test_route_match(void **state)
{
	struct kvlist l;
	const char *pat = "/campaign/:id/unit/:code";
	assert_true(route(state, pat, "/campaign/3/unit/31DK001", &l));
	assert_int_equal(l.n, 2);
	assert_kv(&l, 0, "id", "3");
	assert_kv(&l, 1, "code", "31DK001");
	assert_string_equal(kv_get(&l, "code"), "31DK001");
	assert_true(route(state, "/", "/", &l));
	assert_int_equal(l.n, 0);
	assert_true(route(state, "/healthz", "/healthz", &l));
	assert_true(route(state, "/a/", "/a/", &l));
	assert_true(route(state, "/:x", "/a:b;c=d,e", &l));
	assert_kv(&l, 0, "x", "a:b;c=d,e");
	assert_true(route(state, "/a:b/:c", "/a:b/1", &l)); /* ':' inside */
	assert_kv(&l, 0, "c", "1");
}

static void
test_route_mismatch(void **state)
{
	static const char *const miss[][2] = {
		{ "/campaign/:id", "/campaign/3/" }, /* trailing slash */
		{ "/campaign/:id/", "/campaign/3" },
		{ "/campaign/:id", "/campaign/" }, /* empty capture */
		{ "/campaign/:id", "/campaign" },
		{ "/campaign/:id/unit/:code", "/campaign//unit/x" },
		{ "/campaign/:id", "/campaign/3/x" },
		{ "/campaign/:id", "/Campaign/3" },
		{ "/campaign/:id", "/camp%61ign/3" }, /* literals not decoded */
		{ "/campaign/:id", "//campaign/3" },
		{ "/campaign/:id", "campaign/3" },
		{ "/", "" },
		{ "/", "/x" },
		{ "/x", "/" },
		{ "", "" },
		{ "/:", "/x" },
		{ "/a", "/ab" },
		{ "/ab", "/a" },
	};
	for (size_t i = 0; i < sizeof(miss) / sizeof(*miss); i++) {
		struct kvlist l = { (struct kv *)1, 99 };
		size_t used = arena_used(*state);
		if (route(state, miss[i][0], miss[i][1], &l))
			fail_msg("\"%s\" matched \"%s\"", miss[i][0],
				 miss[i][1]);
		assert_null(l.v);
		assert_int_equal(l.n, 0);
		/* A miss costs the request arena nothing. */
		assert_int_equal(arena_used(*state), used);
	}
}

static void
test_route_decoding(void **state)
{
	struct kvlist l;
	assert_true(route(state, "/u/:n", "/u/Tr%C6%B0%E1%BB%9Dng", &l));
	assert_kv(&l, 0, "n", "Trường");
	assert_true(route(state, "/u/:n", "/u/a+b%20c%2B%25", &l));
	assert_kv(&l, 0, "n", "a+b c+%");
	assert_true(route(state, "/u/:n", "/u/e%CC%81", &l)); /* NFD in */
	assert_kv(&l, 0, "n", "é");
	assert_true(route(state, "/u/:n", "/u/%3Cscript%3E", &l));
	assert_kv(&l, 0, "n", "<script>");
	static const char *const bad[] = {
		"/u/%2F",    "/u/a%2fb",     "/u/%00",
		"/u/%zz",    "/u/%4",	     "/u/%",
		"/u/%C0%AF", "/u/%ED%A0%80", "/u/%FF",
		"/u/\xFF",   "/u/%0A",	     "/u/%0D",
		"/u/%09",    "/u/%1B",	     "/u/%7F",
		"/u/%C2%85", "/u/\x01",	     "/u/..%2F..%2Fetc",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (route(state, "/u/:n", bad[i], &l))
			fail_msg("route_match accepted \"%s\"", bad[i]);
		assert_int_equal(l.n, 0);
	}
}

static void
test_route_param_limit(void **state)
{
	struct kvlist l;
	assert_true(route(state, "/:a/:b/:c/:d/:e/:f/:g/:h", "/1/2/3/4/5/6/7/8",
			  &l));
	assert_int_equal(l.n, ROUTE_MAX_PARAMS);
	assert_kv(&l, 7, "h", "8");
	assert_false(route(state, "/:a/:b/:c/:d/:e/:f/:g/:h/:i",
			   "/1/2/3/4/5/6/7/8/9", &l));
	assert_int_equal(l.n, 0);
}

typedef void (*escaper)(struct buf *, const char *);

static void
assert_escapes(escaper fn, const char *in, const char *want)
{
	struct buf b;
	buf_init(&b, 0);
	fn(&b, in);
	assert_int_equal(b.err, TS_OK);
	assert_string_equal(buf_str(&b), want);
	buf_release(&b);
}

static void
test_html_escape_hostile(void **state)
{
	(void)state;
	assert_escapes(html_escape, "<script>alert(1)</script>",
		       "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_escapes(html_escape, "\"onerror=", "&quot;onerror=");
	assert_escapes(html_escape, "' onmouseover='",
		       "&#39; onmouseover=&#39;");
	assert_escapes(html_escape, "\" autofocus onfocus=\"alert(1)",
		       "&quot; autofocus onfocus=&quot;alert(1)");
	assert_escapes(html_escape, "<img src=x onerror=alert(1)//>",
		       "&lt;img src=x onerror=alert(1)//&gt;");
	assert_escapes(html_escape, "a&b &amp; &#60;",
		       "a&amp;b &amp;amp; "
		       "&amp;#60;");
	assert_escapes(html_escape, "</textarea><!-- -->",
		       "&lt;/textarea&gt;&lt;!-- --&gt;");
	assert_escapes(html_escape, "", "");
	assert_escapes(html_escape, "Trường THCS Nguyễn Trãi — 100%",
		       "Trường THCS Nguyễn Trãi — 100%");
}

/* The entity of an ASCII byte, NULL if none, the rule written out. */
static const char *
ascii_entity(int c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return NULL;
	}
}

/* Every ASCII byte between two letters: entities for the five, C0
 * dropped but TAB, LF, CR, the rest kept. */
static void
test_html_escape_ascii(void **state)
{
	(void)state;
	for (int c = 1; c < 0x80; c++) {
		const char *ent = ascii_entity(c);
		bool keep = ent == NULL &&
			    (c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
		char in[4] = { 'a', (char)c, 'b', '\0' }, want[16];
		char one[2] = { keep ? (char)c : '\0', '\0' };
		snprintf(want, sizeof(want), "a%s%sb", ent ? ent : "", one);
		assert_escapes(html_escape, in, want);
	}
}

static void
test_html_escape_bytes(void **state)
{
	(void)state;
	/* C0 controls dropped except TAB, LF, CR; DEL and C1 kept. */
	assert_escapes(html_escape,
		       "a\x01"
		       "b\tc\nd\re\x1F"
		       "f\x7F"
		       "g\xC2\x85",
		       "ab\tc\nd\ref\x7F"
		       "g\xC2\x85");
	/* Each bad byte becomes U+FFFD. */
	assert_escapes(html_escape,
		       "a\xFF"
		       "b",
		       "a\xEF\xBF\xBD"
		       "b");
	assert_escapes(html_escape, "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_escapes(html_escape, "\xED\xA0\x80",
		       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_escapes(html_escape, "x\xE1\x80", "x\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_escapes(html_escape, "\xC3<", "\xEF\xBF\xBD&lt;");
	/* The 2- and 3-byte check's edges: an overlong form refused;
	 * U+0800, U+FFFF and U+D7FF kept; the last surrogate refused; a
	 * lead byte at the end refused. */
	assert_escapes(html_escape, "\xE0\x9F\xBF",
		       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_escapes(html_escape, "\xE0\xA0\x80\xEF\xBF\xBF\xED\x9F\xBF",
		       "\xE0\xA0\x80\xEF\xBF\xBF\xED\x9F\xBF");
	assert_escapes(html_escape,
		       "\xED\xBF\xBF"
		       "a",
		       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		       "a");
	assert_escapes(html_escape, "\xDF\xBF\xC2", "\xDF\xBF\xEF\xBF\xBD");
	assert_escapes(html_escape, "\xF0\x9F\x98\x80\xEF\xBF\xBD",
		       "\xF0\x9F\x98\x80\xEF\xBF\xBD");
	/* Output is bounded by the buffer's cap like everything else. */
	struct buf b;
	buf_init(&b, 16);
	html_escape(&b, "<<<<<");
	assert_int_equal(b.err, TS_ELIMIT);
	buf_release(&b);
}

static void
test_url_escape(void **state)
{
	(void)state;
	assert_escapes(url_escape, "AZaz09-._~", "AZaz09-._~");
	assert_escapes(url_escape, "a b/c?d=e&f#g+h%",
		       "a%20b%2Fc%3Fd%3De%26f%23g%2Bh%25");
	assert_escapes(url_escape, "'\"<>\\", "%27%22%3C%3E%5C");
	assert_escapes(url_escape, "Trường", "Tr%C6%B0%E1%BB%9Dng");
	assert_escapes(url_escape, "\x01\x7F\xFF", "%01%7F%FF");
	assert_escapes(url_escape, "", "");
}

static void
test_url_escape_round_trip(void **state)
{
	const char *v = "a&b=c+d %25 ?#/ <x> \"'\t\r\nTrường";
	struct buf b;
	buf_init(&b, 0);
	buf_puts(&b, "k=");
	url_escape(&b, v);
	struct kvlist l;
	assert_int_equal(form(state, buf_str(&b), &l), TS_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "k"), v);
	buf_reset(&b);
	buf_puts(&b, "/u/");
	url_escape(&b, "31/DK 001");
	assert_string_equal(buf_str(&b), "/u/31%2FDK%20001");
	assert_false(route(state, "/u/:c", buf_str(&b), &l)); /* '/' refused */
	buf_reset(&b);
	buf_puts(&b, "/u/");
	url_escape(&b, "ĐắkLắk+1 2");
	assert_true(route(state, "/u/:c", buf_str(&b), &l));
	assert_string_equal(kv_get(&l, "c"), "ĐắkLắk+1 2");
	buf_release(&b);
}

static void
test_json_script_escape(void **state)
{
	(void)state;
	assert_escapes(json_script_escape, "{\"a\":[1,2.5,true,null]}",
		       "{\"a\":[1,2.5,true,null]}");
	assert_escapes(json_script_escape,
		       "{\"x\":\"</script><!--<script>&amp;\"}",
		       "{\"x\":\"\\u003c/script\\u003e\\u003c!--\\u003cscript"
		       "\\u003e\\u0026amp;\"}");
	assert_escapes(json_script_escape,
		       "[\"a\xE2\x80\xA8"
		       "b\xE2\x80\xA9\"]",
		       "[\"a\\u2028b\\u2029\"]");
	assert_escapes(json_script_escape, "[\"Trường \\\"\\\\\xE2\x80\"]",
		       "[\"Trường \\\"\\\\\xE2\x80\"]");
	assert_escapes(json_script_escape, "", "");
}

/* Only a path of this site is a sign-in "next": nothing that a browser
 * would read as another host or scheme. */
static void
test_safe_next(void **state)
{
	(void)state;
	assert_true(http_safe_next("/campaigns/1/units/31DK001"));
	assert_true(http_safe_next("/campaigns?x=1&y=%2F%2Fevil"));
	assert_true(http_safe_next("/"));
	static const char *const bad[] = {
		NULL,
		"",
		"campaigns",
		"//evil.example/x",
		"/\\evil.example",
		"https://evil.example/",
		"/a\\b",
		"/a b",
		"/a\tb",
		"/a\nb",
		"/\x7f",
		"/trư\xe1\xbb\x9dng",
		"javascript:alert(1)",
		" /campaigns",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_false(http_safe_next(bad[i]));
	char longp[600];
	memset(longp, 'a', sizeof(longp) - 1);
	longp[0] = '/';
	longp[sizeof(longp) - 1] = '\0';
	assert_false(http_safe_next(longp));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_form_basic),	    T(test_form_repeat_and_empty),
		T(test_form_plus),	    T(test_form_bad_escapes),
		T(test_form_bad_text),	    T(test_form_nfc),
		T(test_form_limits),	    T(test_cookie_basic),
		T(test_cookie_quotes),	    T(test_cookie_junk),
		T(test_cookie_limit),	    T(test_route_match),
		T(test_route_mismatch),	    T(test_route_decoding),
		T(test_route_param_limit),  T(test_html_escape_hostile),
		T(test_html_escape_bytes),  T(test_html_escape_ascii),
		T(test_url_escape),	    T(test_url_escape_round_trip),
		T(test_json_script_escape), T(test_safe_next),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
