/*
 * Connection watch: keeps slow or numerous clients from taking the server.
 * Every open connection is registered with the time by which its request
 * must have arrived whole (MHD's own timeout is an idle timeout, reset by
 * every byte, so a client sending one header line every few seconds would
 * hold its thread for ever); a watchdog thread shuts the socket down when
 * that time passes. It also counts connections per client address (refused
 * at accept past the limit, except from the trusted proxy) and marks the
 * connections past the server's capacity, which are answered 503 at once.
 */
#ifndef TS_WATCH_H
#define TS_WATCH_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

struct watch_sock;

struct watch {
	pthread_mutex_t m;
	pthread_cond_t cv;
	pthread_t thread;
	bool running;
	struct watch_sock *head;
	unsigned open;	      /* registered connections */
	unsigned capacity;    /* connections served; past it: 503 */
	unsigned per_address; /* open connections from one address */
	const struct sockaddr_storage *exempt; /* trusted proxy, or NULL */
	unsigned timed_out; /* connections shut by the watchdog */
};

/* Starts the watchdog. exempt (kept by the caller) is not limited per
 * address. */
int watch_start(struct watch *w, unsigned capacity, unsigned per_address,
		const struct sockaddr_storage *exempt);
void watch_stop(struct watch *w);
/* Accept policy: false if addr already has per_address connections. */
bool watch_accept(struct watch *w, const struct sockaddr *addr);
/* Registers a new connection (socket fd, client address) with a deadline
 * `seconds` from now; NULL when out of memory. */
struct watch_sock *watch_open(struct watch *w, int fd,
			      const struct sockaddr *addr, double seconds);
/* Unregisters it; after this the watchdog never touches its fd. */
void watch_close(struct watch *w, struct watch_sock *s);
/* Sets its deadline `seconds` from now; seconds < 0: no deadline. */
void watch_deadline(struct watch *w, struct watch_sock *s, double seconds);
/* Same host (the port is not compared). */
bool watch_same_host(const struct sockaddr *a,
		     const struct sockaddr_storage *b);
/* True if it was opened while the server was at capacity. */
bool watch_over(const struct watch_sock *s);

#endif
