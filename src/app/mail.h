/*
 * Sending one e-mail through a configured SMTP relay with libcurl (issue
 * 17 item 7): no SMTP is written here. The relay is a URL
 * (smtp://host:port, smtps://host:port), optionally with STARTTLS and a
 * login; the message is UTF-8 plain text, its subject an RFC 2047
 * encoded word and its body base64, so any relay carries it (no 8BITMIME
 * needed).
 */
#ifndef TS_MAIL_H
#define TS_MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/diag.h"
#include "../util/err.h"

struct mail_relay {
	const char *url;       /* smtp://127.0.0.1:25 */
	const char *from;      /* the envelope and From: address */
	const char *from_name; /* shown beside it; may be NULL */
	const char *user;      /* NULL: no login */
	const char *password;
	bool starttls; /* require STARTTLS on smtp:// */
};

struct mail {
	const char *const *to; /* addresses, checked by contact_email_problem */
	size_t nto;
	const char *subject; /* UTF-8, one line */
	const char *body;    /* UTF-8, "\n" line ends */
};

/* Sends m; TS_EIO with libcurl's reason (in Vietnamese words around it)
 * when the relay refuses or cannot be reached. Blocks up to 60 s. */
enum ts_err mail_send(const struct mail_relay *r, const struct mail *m,
		      struct diags *d) TS_MUSTCHECK;

#endif
