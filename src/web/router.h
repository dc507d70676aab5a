/* Route table and dispatch: method + path pattern → handler, with the
 * session, login requirement and CSRF check applied in one place. */
#ifndef TS_ROUTER_H
#define TS_ROUTER_H

#include <microhttpd.h>

#include "web.h"

void router_dispatch(struct req *r, struct MHD_Connection *c,
		     const struct buf *body, bool too_big, bool secure);

/* Prints "METHOD PATTERN login|public" for every route (tests check that
 * the authorisation matrix covers each one). */
void router_print(void);

#endif
