/* Who a request comes from: the peer's address, or, when the peer is the
 * trusted proxy (`serve --trusted-proxy`), the address it forwarded. */
#ifndef TS_CLIENT_ADDR_H
#define TS_CLIENT_ADDR_H

#include <microhttpd.h>
#include <stdbool.h>
#include <sys/socket.h>

#include "../util/diag.h"

/* Sets the trusted proxy (before the server starts); false with a
 * message if s is not an IP address. */
bool client_trust_proxy(const char *s, struct diags *d);
/* The trusted proxy's address, or NULL. */
const struct sockaddr_storage *client_proxy(void);
/* The client's address as text ("?" if unknown), in out. */
const char *client_address(struct MHD_Connection *c, char *out, size_t n);

#endif
