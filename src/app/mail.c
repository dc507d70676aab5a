/* One e-mail through an SMTP relay, with libcurl (mail.h). */
#include "mail.h"

#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../util/buf.h"

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc;

static void
curl_init(void)
{
	curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* base64 of s[0..n) appended to out (one line). */
static void
b64(struct buf *out, const char *s, size_t n)
{
	char tmp[1024]; /* 600 bytes encode to 800 */
	for (size_t i = 0; i < n; i += 600) {
		size_t k = n - i < 600 ? n - i : 600;
		sodium_bin2base64(tmp, sizeof(tmp),
				  (const unsigned char *)s + i, k,
				  sodium_base64_VARIANT_ORIGINAL);
		buf_puts(out, tmp);
	}
}

/* The subject as RFC 2047 encoded words of at most 45 bytes of UTF-8
 * each (75 characters encoded), never splitting a character, folded. */
static void
subject(struct buf *out, const char *s)
{
	size_t n = strlen(s), i = 0;
	buf_puts(out, "Subject:");
	while (i < n) {
		size_t k = n - i < 45 ? n - i : 45;
		while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k--; /* a continuation byte: end before its lead */
		buf_puts(out, i ? "\r\n =?UTF-8?B?" : " =?UTF-8?B?");
		b64(out, s + i, k);
		buf_puts(out, "?=");
		i += k;
	}
	buf_puts(out, "\r\n");
}

/* The body in base64 lines of 76 (RFC 2045), "\n" made CRLF first. */
static void
body(struct buf *out, const char *text)
{
	struct buf crlf, enc;
	buf_init(&crlf, 1 << 20);
	buf_init(&enc, 2 << 20);
	for (const char *p = text; *p; p++)
		buf_puts(&crlf, *p == '\n' ? "\r\n" : (char[2]){ *p, 0 });
	b64(&enc, buf_str(&crlf), strlen(buf_str(&crlf)));
	const char *e = buf_str(&enc);
	for (size_t i = 0, n = strlen(e); i < n; i += 76)
		buf_printf(out, "%.*s\r\n", (int)(n - i < 76 ? n - i : 76),
			   e + i);
	buf_release(&crlf);
	buf_release(&enc);
}

static void
message(const struct mail_relay *r, const struct mail *m, struct buf *out)
{
	char date[64], id[33];
	unsigned char rnd[16];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(id, sizeof(id), rnd, sizeof(rnd));
	buf_printf(out, "Date: %s\r\nMessage-ID: <%s@truongso>\r\n", date, id);
	if (r->from_name != NULL) {
		buf_puts(out, "From: =?UTF-8?B?");
		b64(out, r->from_name, strlen(r->from_name));
		buf_printf(out, "?= <%s>\r\n", r->from);
	} else {
		buf_printf(out, "From: <%s>\r\n", r->from);
	}
	buf_puts(out, "To: ");
	for (size_t i = 0; i < m->nto; i++)
		buf_printf(out, "%s<%s>", i ? ",\r\n " : "", m->to[i]);
	buf_puts(out, "\r\n");
	subject(out, m->subject);
	buf_puts(out,
		 "MIME-Version: 1.0\r\nContent-Type: text/plain; "
		 "charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
	body(out, m->body);
}

struct reader {
	const char *p;
	size_t left;
};

static size_t
read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct reader *rd = arg;
	size_t k = size * nmemb < rd->left ? size * nmemb : rd->left;
	memcpy(dst, rd->p, k);
	rd->p += k;
	rd->left -= k;
	return k;
}

static void
setup(CURL *c, const struct mail_relay *r, struct curl_slist *rcpt,
      struct reader *rd, char *err)
{
	char from[300];
	snprintf(from, sizeof(from), "<%s>", r->from);
	curl_easy_setopt(c, CURLOPT_URL, r->url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, rd);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	if (r->starttls)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (r->user != NULL) {
		curl_easy_setopt(c, CURLOPT_USERNAME, r->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD,
				 r->password ? r->password : "");
	}
}

enum ts_err
mail_send(const struct mail_relay *r, const struct mail *m, struct diags *d)
{
	char err[CURL_ERROR_SIZE] = "";
	struct buf msg;
	struct curl_slist *rcpt = NULL;
	pthread_once(&curl_once, curl_init);
	CURL *c = curl_init_rc == CURLE_OK ? curl_easy_init() : NULL;
	if (c == NULL) {
		diags_add(d, r->url, "không khởi tạo được thư viện gửi thư");
		return TS_EIO;
	}
	buf_init(&msg, 4 << 20);
	message(r, m, &msg);
	for (size_t i = 0; i < m->nto; i++) {
		char to[300];
		snprintf(to, sizeof(to), "<%s>", m->to[i]);
		rcpt = curl_slist_append(rcpt, to);
	}
	struct reader rd = { buf_str(&msg), strlen(buf_str(&msg)) };
	setup(c, r, rcpt, &rd, err);
	CURLcode rc = rcpt ? curl_easy_perform(c) : CURLE_OUT_OF_MEMORY;
	if (rc != CURLE_OK)
		diags_add(d, r->url, "máy chủ thư không nhận thư: %s",
			  err[0] ? err : curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	buf_release(&msg);
	return rc == CURLE_OK ? TS_OK : TS_EIO;
}
