/* truongso serve: libmicrohttpd, one thread per connection (handlers are
 * plain blocking code over SQLite), a connection limit, a pool of
 * per-thread database connections, graceful shutdown on SIGTERM. */
#ifndef TS_SERVER_H
#define TS_SERVER_H

#include <stdbool.h>
#include <stdint.h>

#include "../util/diag.h"
#include "../util/err.h"

struct server_opts {
	const char *db_path;
	const char *data_dir;
	const char *listen;	  /* "127.0.0.1" (default) or "0.0.0.0" */
	uint16_t port;		  /* 0: any free port, printed at start */
	unsigned connections;	  /* connections served at once; past it 503 */
	unsigned per_address;	  /* open connections from one client address */
	unsigned request_timeout; /* seconds to receive a request's headers
				   * (and its body, plus its length at 32 KiB/s) */
	const char *trusted_proxy; /* its X-Forwarded-For names the client */
	bool secure_cookies;	   /* behind TLS: add Secure */
	int session_idle;	   /* seconds; 0: SESSION_IDLE_MINUTES */
	int session_max;	   /* seconds; 0: SESSION_HOURS */
	const char *db_read;	   /* a read-only replica for R_READ routes */
	unsigned job_workers;	   /* export job threads (jobs_web.h) */
	int64_t job_threshold;	   /* units: larger exports are jobs */
};

/* Runs until SIGTERM or SIGINT. Prints "listening on http://HOST:PORT". */
int server_run(const struct server_opts *o, struct diags *d);

#endif
