/* Route table and dispatch: method + path pattern → handler, with the
 * session, login requirement and CSRF check applied in one place. */
#ifndef TS_ROUTER_H
#define TS_ROUTER_H

#include <microhttpd.h>

#include "web.h"

void router_dispatch(struct req *r, struct MHD_Connection *c,
		     const struct buf *body, bool too_big, bool secure);

/* Before a POST's body is read: may it send a file, and from whom?
 * Files go only to upload routes, from a signed-in user whose CSRF token
 * is already proven (X-CSRF-Token, or the browser's same-origin
 * headers) or, for the pages, comes as a form field before the file
 * (csrf receives the expected token). */
enum upload_check {
	UPLOAD_VERIFIED,
	UPLOAD_TOKEN_IN_BODY,
	UPLOAD_NOT_HERE,       /* no file on this route: 415 */
	UPLOAD_NO_SESSION,     /* 403 */
	UPLOAD_API_NO_SESSION, /* 401 */
	UPLOAD_API_BAD_TOKEN,  /* 403 */
	UPLOAD_CROSS_SITE,     /* 403 */
};
enum upload_check router_upload_check(struct app *app, struct MHD_Connection *c,
				      const char *method, const char *path,
				      char csrf[SESSION_HASH_SIZE]);
/* Answers in JSON (errors refused before dispatch included). */
bool router_is_api(const char *path);

/* Prints "METHOD PATTERN login|public [api] [upload]" for every route (tests check that
 * the authorisation matrix covers each one). */
void router_print(void);

#endif
