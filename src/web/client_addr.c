#include "client_addr.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "watch.h"

static bool
addr_text(const struct sockaddr *sa, char *out, size_t n)
{
	if (sa->sa_family == AF_INET)
		return inet_ntop(AF_INET,
				 &((const struct sockaddr_in *)(const void *)sa)
					  ->sin_addr,
				 out, (socklen_t)n);
	if (sa->sa_family == AF_INET6)
		return inet_ntop(
			AF_INET6,
			&((const struct sockaddr_in6 *)(const void *)sa)
				 ->sin6_addr,
			out, (socklen_t)n);
	return false;
}

static struct sockaddr_storage PROXY; /* --trusted-proxy */
static bool HAS_PROXY;		      /* set before the daemon starts */

/* The last address of X-Forwarded-For: the one our proxy appended (those
 * before it are whatever the client claimed). */
static bool
forwarded_for(struct MHD_Connection *c, char *out, size_t n)
{
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						    "X-Forwarded-For");
	const char *last = h ? strrchr(h, ',') : NULL;
	unsigned char bin[sizeof(struct in6_addr)];
	last = last ? last + 1 : h;
	while (last && *last == ' ')
		last++;
	if (last == NULL || strlen(last) >= n)
		return false;
	snprintf(out, n, "%.*s", (int)strcspn(last, " "), last);
	return inet_pton(AF_INET, out, bin) == 1 ||
	       inet_pton(AF_INET6, out, bin) == 1;
}

/* The client's address: the peer's, or, when the peer is the trusted
 * proxy, the one the proxy forwarded. */
const char *
client_address(struct MHD_Connection *c, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || ci->client_addr == NULL ||
	    !addr_text(ci->client_addr, out, n)) {
		snprintf(out, n, "?");
		return out;
	}
	char fwd[64];
	if (HAS_PROXY && watch_same_host(ci->client_addr, &PROXY) &&
	    forwarded_for(c, fwd, sizeof(fwd)))
		snprintf(out, n, "%s", fwd);
	return out;
}

bool
client_trust_proxy(const char *s, struct diags *d)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)(void *)&PROXY;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)(void *)&PROXY;
	memset(&PROXY, 0, sizeof(PROXY));
	if (inet_pton(AF_INET, s, &v4->sin_addr) == 1)
		v4->sin_family = AF_INET;
	else if (inet_pton(AF_INET6, s, &v6->sin6_addr) == 1)
		v6->sin6_family = AF_INET6;
	else {
		diags_add(d, s, "--trusted-proxy phải là một địa chỉ IP");
		return false;
	}
	HAS_PROXY = true;
	return true;
}

const struct sockaddr_storage *
client_proxy(void)
{
	return HAS_PROXY ? &PROXY : NULL;
}
