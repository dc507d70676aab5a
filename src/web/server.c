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
#include "../util/tmpfile.h"
#include "pool.h"
#include "router.h"
#include "web.h"

struct conn {
	char *raw_path;   /* the path as sent, still percent-encoded */
	bool started;     /* headers seen: body and post processor set up */
	struct buf body;  /* urlencoded fields (multipart ones re-encoded) */
	bool too_big;
	struct timespec t0;
	struct MHD_PostProcessor *pp; /* multipart/form-data only */
	int fd;           /* the uploaded file, streamed to a temp file */
	char path[512];
	char name[512];
	size_t size;
	bool file_too_big;
	int files;
	char field[64];   /* field being received */
};

static struct pool POOL;
static bool SECURE;
static atomic_int ACTIVE;

static double
ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static const char *
client_of(struct MHD_Connection *c, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, n, "?");
	if (ci == NULL || ci->client_addr == NULL)
		return out;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)
					   ->sin_addr, out, (socklen_t)n);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)
					    ->sin6_addr, out, (socklen_t)n);
	return out;
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
	if (r->set_cookie[0])
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (r->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition",
					r->disposition);
}

static enum MHD_Result
respond(struct MHD_Connection *c, struct req *r)
{
	if (r->body.err != TS_OK) {
		buf_reset(&r->body);
		r->status = 500;
		buf_puts(&r->body, "Lỗi máy chủ.");
	}
	bool gz = web_gzip_body(r, MHD_lookup_connection_value(
					   c, MHD_HEADER_KIND, "Accept-Encoding"));
	/* A file (evidence download) is sent from its descriptor, which MHD
	 * closes; anything else from the page buffer. */
	struct MHD_Response *resp =
		r->send_fd >= 0
			? MHD_create_response_from_fd64(r->send_size, r->send_fd)
			: MHD_create_response_from_buffer(
				  r->body.len, (void *)(uintptr_t)buf_str(&r->body),
				  MHD_RESPMEM_MUST_COPY);
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
access_log(const struct req *r, const struct conn *k)
{
	char now[TS_TIME_SIZE];
	printf("%s %s %s %s %d %zu %.1fms %s\n", ts_time_format(time(NULL), now),
	       r->client, r->method, r->path, r->status, r->body.len,
	       ms_since(&k->t0), r->authed ? r->sess.who.login : "-");
	fflush(stdout);
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
	buf_init(&r.body, 16 << 20);
	diags_init(&r.diags);
	r.method = method;
	/* Routes match the path as sent and decode each parameter once;
	 * MHD's decoded url would turn %252F into "/" over two decodings. */
	r.path = k->raw_path ? k->raw_path : url;
	r.client = client_of(c, client, sizeof(client));
	r.status = 200;
	r.send_fd = -1;
	r.content_type = "text/html; charset=utf-8";
	r.cache = "no-store";
	r.app = pool_take(&POOL);
	if (k->fd >= 0 && k->files == 1) {
		r.upload_path = k->path;
		r.upload_name = k->name;
	}
	r.upload_too_big = k->file_too_big;
	r.upload_files = k->files;
	read_query(c, &r);
	router_dispatch(&r, c, &k->body, k->too_big, SECURE);
	enum MHD_Result ok = respond(c, &r);
	access_log(&r, k);
	pool_give(&POOL, r.app);
	diags_release(&r.diags);
	buf_release(&r.body);
	arena_free(r.a);
	return ok;
}

/* Multipart parts: the one file goes to a temp file (bounded), every other
 * field is re-encoded into k->body so the usual form parser reads it. */
static enum MHD_Result
on_part(void *cls, enum MHD_ValueKind kind, const char *key,
	const char *filename, const char *ctype, const char *enc,
	const char *data, uint64_t off, size_t size)
{
	(void)kind;
	(void)ctype;
	(void)enc;
	struct conn *k = cls;
	if (filename == NULL) {
		if (off == 0 || strcmp(k->field, key) != 0) {
			snprintf(k->field, sizeof(k->field), "%s", key);
			if (k->body.len > 0)
				buf_putc(&k->body, '&');
			url_escape(&k->body, key);
			buf_putc(&k->body, '=');
		}
		struct buf chunk;
		buf_init(&chunk, BODY_LIMIT);
		buf_put(&chunk, data, size);
		url_escape(&k->body, buf_str(&chunk));
		buf_release(&chunk);
		k->too_big = k->too_big || k->body.err != TS_OK;
		return MHD_YES;
	}
	if (off == 0) {
		if (++k->files > 1 || k->fd >= 0)
			return MHD_YES; /* one file per request; counted */
		k->fd = ts_mkstemp(k->path, sizeof(k->path), "up");
		snprintf(k->name, sizeof(k->name), "%s", filename);
	}
	if (k->fd < 0 || k->files > 1)
		return MHD_YES;
	if (k->size + size > UPLOAD_LIMIT)
		k->file_too_big = true;
	/* Past the limit keep reading (so the client gets our answer) but
	 * write nothing more. */
	if (!k->file_too_big && size > 0 &&
	    write(k->fd, data, size) != (ssize_t)size)
		k->file_too_big = true;
	k->size += size;
	return MHD_YES;
}

static bool
is_multipart(struct MHD_Connection *c)
{
	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_TYPE);
	return ct != NULL && strncmp(ct, "multipart/form-data", 19) == 0;
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

static bool
conn_start(struct conn *k, struct MHD_Connection *c, const char *method)
{
	buf_init(&k->body, BODY_LIMIT);
	k->started = true;
	if (strcmp(method, "POST") == 0 && is_multipart(c))
		k->pp = MHD_create_post_processor(c, 64 * 1024, on_part, k);
	return k->raw_path != NULL;
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
	if (!k->started)
		return conn_start(k, c, method) ? MHD_YES : MHD_NO;
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
	return handle(c, url, method, k);
}

static void
on_done(void *cls, struct MHD_Connection *c, void **con_cls,
	enum MHD_RequestTerminationCode code)
{
	(void)cls;
	(void)c;
	(void)code;
	struct conn *k = *con_cls;
	if (k != NULL) {
		if (k->pp != NULL)
			MHD_destroy_post_processor(k->pp);
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
	(void)c;
	(void)socket_context;
	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		atomic_fetch_add(&ACTIVE, 1);
	else
		atomic_fetch_sub(&ACTIVE, 1);
}

static struct MHD_Daemon *
start(const struct server_opts *o, struct sockaddr_in *sa, struct diags *d)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons(o->port);
	if (inet_pton(AF_INET, o->listen, &sa->sin_addr) != 1) {
		diags_add(d, o->listen, "địa chỉ lắng nghe không hợp lệ (IPv4)");
		return NULL;
	}
	/* Bench only: TRUONGSO_MHD_POOL=N runs MHD's thread pool (N event
	 * loops, epoll) instead of a thread per connection. */
	const char *pe = getenv("TRUONGSO_MHD_POOL");
	unsigned pool = pe ? (unsigned)strtoul(pe, NULL, 10) : 0;
	unsigned flags = pool > 0 ? MHD_USE_AUTO_INTERNAL_THREAD
				  : MHD_USE_THREAD_PER_CONNECTION |
					    MHD_USE_INTERNAL_POLLING_THREAD;
	struct MHD_Daemon *dm = MHD_start_daemon(
		flags | MHD_USE_ERROR_LOG,
		o->port, NULL, NULL, on_request, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)sa,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)o->connections,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
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
	if (pool_open(&POOL, o->connections, o->db_path, o->data_dir, d) != TS_OK)
		return 1;
	struct MHD_Daemon *dm = start(o, &sa, d);
	if (dm == NULL) {
		pool_close(&POOL);
		return 1;
	}
	const union MHD_DaemonInfo *di =
		MHD_get_daemon_info(dm, MHD_DAEMON_INFO_BIND_PORT);
	printf("truongso: listening on http://%s:%u (cơ sở dữ liệu %s)\n",
	       o->listen, di ? (unsigned)di->port : (unsigned)o->port,
	       o->db_path);
	fflush(stdout);
	sigwait(&set, &sig);
	printf("truongso: stopping (signal %d)\n", sig);
	stop(dm);
	pool_close(&POOL);
	return 0;
}
