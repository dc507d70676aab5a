/* Whether the client of a request has gone: it closed the connection
 * (or half-closed it: its request is all it will ever send, and a
 * browser that stops a download closes) or the connection failed. With
 * a thread per connection MHD cannot notice while the handler runs, so
 * long work asks this itself (util/cancel.h). */
#define _GNU_SOURCE /* POLLRDHUP */
#include <poll.h>

#include "web.h"

bool
web_client_gone(void *arg)
{
	const struct req *r = arg;
	if (r->conn_fd < 0)
		return false;
	struct pollfd p = { .fd = r->conn_fd, .events = POLLRDHUP };
	return poll(&p, 1, 0) > 0 &&
	       (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}
