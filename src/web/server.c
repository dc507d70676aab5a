#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "access_log.h"
#include "client_addr.h"
#include "gate.h"
#include "intake.h"
#include "jobs_web.h"
#include "pool.h"
#include "router.h"
#include "watch.h"
#include "web.h"

/* A request body must arrive at least this fast on average, on top of
 * the request timeout (a 50 MB upload: 25 minutes more). */
#define BODY_MIN_RATE (32 * 1024)
/* Connections MHD still accepts past the capacity, to answer them 503. */
#define OVERFLOW(cap) ((cap) / 4 + 16)
/* Database connections (one per request being handled): requests past
 * it wait for one. */
#define POOL_MAX      32

static struct pool POOL;
static struct pool READ_POOL; /* --db-read; n == 0 without */
static struct watch WATCH;
static struct gate GATE; /* pages' CPU work, docs/architecture.md */
static bool SECURE;
static double TIMEOUT; /* --request-timeout */
static atomic_int ACTIVE;

static double
ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static struct watch_sock *
sock_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

static enum MHD_Result
add_query(void *cls, enum MHD_ValueKind kind, const char *key,
	  const char *value)
{
	(void)kind;
	struct buf *q = cls;
	if (q->len > 0)
		buf_putc(q, '&');
	url_escape(q, key);
	buf_putc(q, '=');
	url_escape(q, value ? value : "");
	return MHD_YES;
}

/* Re-encodes MHD's decoded arguments so one parser (form_parse, with its
 * UTF-8 and NFC checks) handles query strings and bodies alike. */
static void
read_query(struct MHD_Connection *c, struct req *r)
{
	struct buf q;
	buf_init(&q, FORM_MAX_BYTES);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_query, &q);
	if (form_parse(buf_str(&q), q.len, r->a, &r->query) != TS_OK)
		memset(&r->query, 0, sizeof(r->query));
	buf_release(&q);
}

static void
security_headers(struct MHD_Response *resp, const struct req *r)
{
	MHD_add_response_header(resp, "Content-Type", r->content_type);
	MHD_add_response_header(resp, "Cache-Control", r->cache);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; script-src 'self'; "
				"style-src 'self'; img-src 'self' data:; "
				"object-src 'none'; base-uri 'none'; "
				"form-action 'self'; frame-ancestors 'none'");
	if (r->location[0])
		MHD_add_response_header(resp, "Location", r->location);
	if (r->status == 405 && r->allow[0])
		MHD_add_response_header(resp, "Allow", r->allow);
	if (r->set_cookie[0])
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (r->wal_cookie[0])
		MHD_add_response_header(resp, "Set-Cookie", r->wal_cookie);
	if (r->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition",
					r->disposition);
}

/* Sends the answer; *sent: the page buffer's length (0 for a file), as
 * the buffer is handed over to MHD. */
static enum MHD_Result
respond(struct MHD_Connection *c, struct req *r, uint64_t *sent)
{
	if (r->body.err != TS_OK) {
		buf_reset(&r->body);
		r->status = 500;
		buf_puts(&r->body, "Lỗi máy chủ.");
	}
	bool gz = r->gzipped || web_gzip_body(r, r->accept_encoding);
	/* A file (evidence download) is sent from its descriptor, which MHD
	 * closes; anything else from the page buffer, handed over to MHD
	 * (which frees it) rather than copied. */
	struct MHD_Response *resp = NULL;
	*sent = r->body.len;
	if (r->send_fd >= 0) {
		resp = MHD_create_response_from_fd64(r->send_size, r->send_fd);
	} else {
		size_t len = r->body.len;
		char *p = buf_take(&r->body);
		resp = p ? MHD_create_response_from_buffer(
				   len, p, MHD_RESPMEM_MUST_FREE)
			 : NULL;
		if (resp == NULL)
			free(p);
	}
	if (resp == NULL)
		return MHD_NO;
	security_headers(resp, r);
	if (web_compressible(r->content_type))
		MHD_add_response_header(resp, "Vary", "Accept-Encoding");
	if (gz)
		MHD_add_response_header(resp, "Content-Encoding", "gzip");
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ok;
}

static void
access_log(const struct req *r, const struct conn *k, uint64_t sent)
{
	char now[TS_TIME_SIZE];
	alog_line("%s %s %s %s %d %llu %.1fms %s",
		  ts_time_format(time(NULL), now), r->client, r->method,
		  r->path, r->status, (unsigned long long)sent,
		  ms_since(&k->t0), r->authed ? r->sess.who.login : "-");
}

/* Whether a request takes the admission gate: reading pages, whose work
 * is CPU over a read snapshot. Writes (POST, PUT: a commit waits for
 * fsync, a sign-in runs Argon2id, uploads) and downloads (reports rendered
 * for seconds, job files, evidence read from disk) go around it, so a slot
 * is never held by something that waits. */
static bool
takes_gate(const char *method, const char *path)
{
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return false;
	size_t n = strlen(path);
	return strstr(path, "/report/") == NULL &&
	       strstr(path, "/reports/") == NULL &&
	       strstr(path, "/evidence/") == NULL &&
	       !(strncmp(path, "/jobs/", 6) == 0 && n > 4 &&
		 strcmp(path + n - 4, "/tep") == 0);
}

/* Runs the route with an app of the pool, through the gate when the
 * request takes it. The gate comes first: a slot is never held while
 * waiting for an app, except when the writes and downloads hold all
 * but the gate's. A client gone while waiting gets nothing done (499). */
static void
dispatch(struct MHD_Connection *c, struct conn *k, struct req *r)
{
	bool gated = takes_gate(r->method, r->path);
	if (gated && !gate_enter(&GATE, web_client_gone, r)) {
		r->status = 499;
		return;
	}
	r->app = pool_take(&POOL);
	r->read_pool = READ_POOL.n > 0 ? &READ_POOL : NULL;
	router_dispatch(r, c, &k->body, k->too_big, SECURE);
	pool_give(&POOL, r->app);
	if (gated)
		gate_leave(&GATE);
}

static enum MHD_Result
handle(struct MHD_Connection *c, const char *url, const char *method,
       struct conn *k)
{
	struct req r;
	char client[64];
	memset(&r, 0, sizeof(r));
	r.a = arena_new();
	if (r.a == NULL)
		return MHD_NO;
	alog_enter();
	buf_init(&r.body, 16 << 20);
	diags_init(&r.diags);
	r.method = method;
	/* Routes match the path as sent and decode each parameter once;
	 * MHD's decoded url would turn %252F into "/" over two decodings. */
	r.path = k->raw_path ? k->raw_path : url;
	r.client = client_address(c, client, sizeof(client));
	r.status = 200;
	r.send_fd = -1;
	const union MHD_ConnectionInfo *fd =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	r.conn_fd = fd ? fd->connect_fd : -1;
	r.accept_encoding = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							"Accept-Encoding");
	r.content_type = "text/html; charset=utf-8";
	r.cache = "no-store";
	if (k->fd >= 0 && k->files == 1) {
		r.upload_path = k->path;
		r.upload_name = k->name;
		r.upload_field = k->file_field;
	}
	r.upload_too_big = k->file_too_big;
	r.upload_unverified = k->csrf_late;
	r.upload_files = k->files;
	read_query(c, &r);
	dispatch(c, k, &r);
	if (r.slow_ms > 0) {
		/* After giving the app back: a slowed answer holds only its
		 * own thread. */
		struct timespec ts = { r.slow_ms / 1000,
				       (long)(r.slow_ms % 1000) * 1000000L };
		nanosleep(&ts, NULL);
	}
	uint64_t sent = 0;
	enum MHD_Result ok = respond(c, &r, &sent);
	/* The client must take the answer at the minimum rate too. */
	watch_deadline(&WATCH, sock_of(c),
		       TIMEOUT + (double)(r.send_fd >= 0 ? r.send_size : sent) /
					 BODY_MIN_RATE);
	access_log(&r, k, sent);
	diags_release(&r.diags);
	buf_release(&r.body);
	arena_free(r.a);
	return ok;
}

/* Called by MHD with the request line's URI before it decodes anything;
 * what it returns becomes the request's context. */
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	(void)c;
	struct conn *k = calloc(1, sizeof(*k));
	if (k == NULL)
		return NULL;
	k->fd = -1;
	k->raw_path = strndup(uri, strcspn(uri, "?#"));
	clock_gettime(CLOCK_MONOTONIC, &k->t0);
	return k;
}

/* Headers are in: the body gets the rest of the request timeout plus
 * the time its announced length needs at the minimum rate. */
static void
body_deadline(struct MHD_Connection *c, const struct conn *k)
{
	const char *cl = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	double len = cl ? strtod(cl, NULL) : 0;
	if (!(len >= 0) || len > (double)UPLOAD_LIMIT * 2)
		len = (double)UPLOAD_LIMIT * 2;
	watch_deadline(&WATCH, sock_of(c),
		       TIMEOUT - ms_since(&k->t0) / 1e3 + len / BODY_MIN_RATE);
}

static enum MHD_Result
conn_start(struct conn *k, struct MHD_Connection *c, const char *method)
{
	buf_init(&k->body, BODY_LIMIT);
	k->started = true;
	if (k->raw_path == NULL)
		return MHD_NO;
	body_deadline(c, k);
	if (strcmp(method, "POST") != 0 && strcmp(method, "PUT") != 0)
		return MHD_YES;
	if (intake_is_multipart(c))
		return intake_upload_start(k, c, method, &POOL);
	/* A form or JSON body over the limit is refused before it is read. */
	const char *cl = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL && strtod(cl, NULL) > (double)BODY_LIMIT)
		return intake_refuse(c, k->raw_path, 413,
				     "Dữ liệu gửi lên quá lớn.");
	return MHD_YES;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
	   const char *method, const char *version, const char *upload,
	   size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	struct conn *k = *con_cls;
	if (k == NULL)
		return MHD_NO; /* out of memory in on_uri */
	if (!k->started && watch_over(sock_of(c)))
		return intake_refuse(
			c, k->raw_path ? k->raw_path : "/", 503,
			"Máy chủ đang phục vụ quá nhiều người cùng "
			"lúc. Hãy thử lại sau ít phút.");
	if (!k->started)
		return conn_start(k, c, method);
	if (*upload_size > 0 && k->pp != NULL) {
		if (MHD_post_process(k->pp, upload, *upload_size) != MHD_YES)
			k->too_big = true; /* malformed: answered with 400 */
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		/* Keep reading past the limit (discarding), so the client
		 * gets our 413 page instead of a reset connection. */
		if (!k->too_big)
			buf_put(&k->body, upload, *upload_size);
		k->too_big = k->too_big || k->body.err != TS_OK;
		*upload_size = 0;
		return MHD_YES;
	}
	/* The request is in: the handler's own time is not the client's. */
	watch_deadline(&WATCH, sock_of(c), -1);
	return handle(c, url, method, k);
}

static void
on_done(void *cls, struct MHD_Connection *c, void **con_cls,
	enum MHD_RequestTerminationCode code)
{
	(void)cls;
	(void)code;
	struct conn *k = *con_cls;
	/* The next request on this connection, and the wait for it, get a
	 * whole request timeout. */
	watch_deadline(&WATCH, sock_of(c), TIMEOUT);
	if (k != NULL) {
		if (k->pp != NULL)
			MHD_destroy_post_processor(k->pp);
		intake_upload_done(k);
		if (k->fd >= 0) {
			close(k->fd);
			unlink(k->path); /* evidence_add kept its own copy */
		}
		buf_release(&k->body);
		free(k->raw_path);
		free(k);
		*con_cls = NULL;
	}
}

static void
on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
	      enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *fd = MHD_get_connection_info(
			c, MHD_CONNECTION_INFO_CONNECTION_FD);
		const union MHD_ConnectionInfo *ad = MHD_get_connection_info(
			c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		*socket_context =
			fd == NULL ? NULL
				   : watch_open(&WATCH, fd->connect_fd,
						ad ? ad->client_addr : NULL,
						TIMEOUT);
		atomic_fetch_add(&ACTIVE, 1);
	} else {
		watch_close(&WATCH, *socket_context);
		*socket_context = NULL;
		atomic_fetch_sub(&ACTIVE, 1);
	}
}

static enum MHD_Result
on_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
	(void)cls;
	(void)len;
	return watch_accept(&WATCH, addr) ? MHD_YES : MHD_NO;
}

static struct MHD_Daemon *
start(const struct server_opts *o, struct sockaddr_in *sa, struct diags *d)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons(o->port);
	if (inet_pton(AF_INET, o->listen, &sa->sin_addr) != 1) {
		diags_add(d, o->listen,
			  "địa chỉ lắng nghe không hợp lệ (IPv4)");
		return NULL;
	}
	/* Bench only: TRUONGSO_MHD_POOL=N runs MHD's thread pool (N event
	 * loops, epoll) instead of a thread per connection. */
	const char *pe = getenv("TRUONGSO_MHD_POOL");
	unsigned pool = pe ? (unsigned)strtoul(pe, NULL, 10) : 0;
	unsigned flags = pool > 0 ? MHD_USE_AUTO_INTERNAL_THREAD
				  : MHD_USE_THREAD_PER_CONNECTION |
					    MHD_USE_INTERNAL_POLLING_THREAD;
	if (pool == 0)
		flags |= MHD_USE_POLL; /* no FD_SETSIZE cap on sockets */
	struct MHD_Daemon *dm = MHD_start_daemon(
		flags | MHD_USE_ERROR_LOG, o->port, on_accept, NULL, on_request,
		NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)sa,
		MHD_OPTION_CONNECTION_LIMIT,
		o->connections + OVERFLOW(o->connections),
		MHD_OPTION_CONNECTION_TIMEOUT, o->request_timeout,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		/* last: without a pool, the list ends here */
		pool > 0 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, pool,
		MHD_OPTION_END);
	if (dm == NULL)
		diags_add(d, o->listen, "không mở được cổng %u (đang bị dùng?)",
			  (unsigned)o->port);
	return dm;
}

/* Stops accepting, lets requests in flight finish (up to 10 s), stops. */
static void
stop(struct MHD_Daemon *dm)
{
	MHD_quiesce_daemon(dm);
	struct timespec tenth = { 0, 100 * 1000 * 1000 };
	for (int i = 0; i < 100 && atomic_load(&ACTIVE) > 0; i++)
		nanosleep(&tenth, NULL);
	MHD_stop_daemon(dm);
}

/* The primary's apps, and the replica's (--db-read) with the same
 * number of connections. */
static enum ts_err
open_pools(const struct server_opts *o, struct diags *d)
{
	size_t n = o->connections < POOL_MAX ? o->connections : POOL_MAX;
	if (pool_open(&POOL, n, o->db_path, o->data_dir, d) != TS_OK)
		return TS_EDB;
	for (size_t i = 0; i < POOL.n; i++) {
		POOL.apps[i].session_idle = o->session_idle;
		POOL.apps[i].session_max = o->session_max;
	}
	if (o->db_read == NULL ||
	    pool_open_replica(&READ_POOL, n, o->db_read, o->data_dir,
			      POOL.apps[0].csrf_key, d) == TS_OK)
		return TS_OK;
	pool_close(&POOL);
	return TS_EDB;
}

static void
close_pools(void)
{
	pool_close(&POOL);
	if (READ_POOL.n > 0)
		pool_close(&READ_POOL);
}

/* Pages doing their work at once: two per core, so a core still has
 * work when a slot's holder waits a moment (a page fault, the session's
 * once-a-minute write). TRUONGSO_GATE=N sets it for the bench only (0: no
 * gate, every page runs at once as before). */
static unsigned
gate_slots(void)
{
	const char *e = getenv("TRUONGSO_GATE");
	const char *pool = getenv("TRUONGSO_MHD_POOL");
	if (pool != NULL && strtoul(pool, NULL, 10) > 0)
		return 0; /* an event loop must never wait for a slot */
	if (e != NULL && *e != '\0')
		return (unsigned)strtoul(e, NULL, 10);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	return cores > 0 ? 2 * (unsigned)cores : 4;
}

int
server_run(const struct server_opts *o, struct diags *d)
{
	sigset_t set;
	int sig = 0;
	struct sockaddr_in sa;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	/* Blocked before any thread starts, so only sigwait sees them. */
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	SECURE = o->secure_cookies;
	TIMEOUT = o->request_timeout;
	if (o->trusted_proxy && !client_trust_proxy(o->trusted_proxy, d))
		return 1;
	if (open_pools(o, d) != TS_OK)
		return 1;
	if (watch_start(&WATCH, o->connections, o->per_address,
			client_proxy()) != 0) {
		close_pools();
		return 1;
	}
	struct job_config jc = { o->db_path, o->data_dir, o->job_workers,
				 o->job_threshold };
	if (jobs_start(&jc, d) != TS_OK) {
		watch_stop(&WATCH);
		pool_close(&POOL);
		return 1;
	}
	if (gate_init(&GATE, gate_slots(), 100) != 0) {
		diags_add(d, "serve", "không khởi tạo được hàng chờ xử lý");
		jobs_stop();
		watch_stop(&WATCH);
		close_pools();
		return 1;
	}
	struct MHD_Daemon *dm = start(o, &sa, d);
	if (dm == NULL) {
		gate_release(&GATE);
		jobs_stop();
		watch_stop(&WATCH);
		close_pools();
		return 1;
	}
	const union MHD_DaemonInfo *di =
		MHD_get_daemon_info(dm, MHD_DAEMON_INFO_BIND_PORT);
	printf("truongso: listening on http://%s:%u (cơ sở dữ liệu %s)\n",
	       o->listen, di ? (unsigned)di->port : (unsigned)o->port,
	       o->db_path);
	fflush(stdout);
	sigwait(&set, &sig);
	alog_flush();
	printf("truongso: stopping (signal %d)\n", sig);
	stop(dm);
	alog_flush();
	gate_release(&GATE);
	jobs_stop();
	watch_stop(&WATCH);
	close_pools();
	return 0;
}
