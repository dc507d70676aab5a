#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <sodium.h>
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
#include "watch.h"
#include "web.h"

/* A request body must arrive at least this fast on average, on top of
 * the request timeout (a 50 MB upload: 25 minutes more). */
#define BODY_MIN_RATE (32 * 1024)
/* Connections MHD still accepts past the capacity, to answer them 503. */
#define OVERFLOW(cap) ((cap) / 4 + 16)
/* Database connections (one per request being handled): requests past
 * it wait for one. */
#define POOL_MAX 32

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
	/* Uploads: nothing is written before the CSRF token is proven. */
	bool upload_slot; /* holds one of UPLOADS_MAX */
	bool verified;    /* CSRF token proven (header, origin, field) */
	bool csrf_late;   /* a file came first: not written, refused */
	char csrf[SESSION_HASH_SIZE];   /* the session's token */
	char csrf_given[SESSION_HASH_SIZE]; /* the _csrf field so far */
};

/* Uploads being received at once; more are answered 503. */
#define UPLOADS_MAX 8
static atomic_int UPLOADS;

static struct pool POOL;
static struct watch WATCH;
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

static bool
addr_text(const struct sockaddr *sa, char *out, size_t n)
{
	if (sa->sa_family == AF_INET)
		return inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)
					     sa)->sin_addr, out, (socklen_t)n);
	if (sa->sa_family == AF_INET6)
		return inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)
					      sa)->sin6_addr, out, (socklen_t)n);
	return false;
}

static struct sockaddr_storage PROXY; /* --trusted-proxy */
static bool HAS_PROXY;

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
static const char *
client_of(struct MHD_Connection *c, char *out, size_t n)
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
	r.upload_unverified = k->csrf_late;
	r.upload_files = k->files;
	read_query(c, &r);
	router_dispatch(&r, c, &k->body, k->too_big, SECURE);
	pool_give(&POOL, r.app);
	if (r.slow_ms > 0) {
		/* After giving the app back: a slowed answer holds only its
		 * own thread. */
		struct timespec ts = { r.slow_ms / 1000,
				       (long)(r.slow_ms % 1000) * 1000000L };
		nanosleep(&ts, NULL);
	}
	enum MHD_Result ok = respond(c, &r);
	/* The client must take the answer at the minimum rate too. */
	watch_deadline(&WATCH, sock_of(c),
		       TIMEOUT + (double)(r.send_fd >= 0 ? r.send_size
							 : r.body.len) /
					 BODY_MIN_RATE);
	access_log(&r, k);
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
	if (filename == NULL && strcmp(key, "_csrf") == 0) {
		size_t have = strlen(k->csrf_given);
		if (have + size < sizeof(k->csrf_given))
			memcpy(k->csrf_given + have, data, size),
				k->csrf_given[have + size] = '\0';
	}
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
	if (off == 0 && !k->verified)
		k->verified = k->csrf[0] != '\0' &&
			      strlen(k->csrf_given) == strlen(k->csrf) &&
			      sodium_memcmp(k->csrf_given, k->csrf,
					    strlen(k->csrf)) == 0;
	if (!k->verified) {
		k->csrf_late = true;
		return MHD_YES; /* read, never written */
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

/* Past capacity: answered at once, without reading a body, and closed. */
static enum MHD_Result
busy(struct MHD_Connection *c)
{
	static const char page[] =
		"<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">"
		"<title>Máy chủ đang bận</title><p>Máy chủ đang phục vụ quá "
		"nhiều người cùng lúc. Hãy thử lại sau ít phút.</p></html>";
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		sizeof(page) - 1, (void *)(uintptr_t)page,
		MHD_RESPMEM_PERSISTENT);
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", "text/html; charset=utf-8");
	MHD_add_response_header(resp, "Retry-After", "30");
	MHD_add_response_header(resp, "Connection", "close");
	enum MHD_Result ok = MHD_queue_response(c, 503, resp);
	MHD_destroy_response(resp);
	return ok;
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

/* A request refused before its body is read (MHD then closes the
 * connection rather than read it). */
static enum MHD_Result
refuse(struct MHD_Connection *c, const char *path, unsigned status,
       const char *message)
{
	struct buf b;
	buf_init(&b, 4096);
	if (router_is_api(path)) {
		buf_puts(&b, "{\"error\":\"");
		buf_puts(&b, message); /* our own text: no quotes to escape */
		buf_puts(&b, "\",\"problems\":[]}");
	} else {
		buf_puts(&b, "<!doctype html><html lang=\"vi\"><meta charset="
			     "\"utf-8\"><title>Không thực hiện được</title><p>");
		buf_puts(&b, message);
		buf_puts(&b, "</p><p><a href=\"/\">Về trang chính</a></p></html>");
	}
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		b.len, (void *)(uintptr_t)buf_str(&b), MHD_RESPMEM_MUST_COPY);
	buf_release(&b);
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type",
				router_is_api(path)
					? "application/json; charset=utf-8"
					: "text/html; charset=utf-8");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Connection", "close");
	if (status == 503)
		MHD_add_response_header(resp, "Retry-After", "30");
	enum MHD_Result ok = MHD_queue_response(c, status, resp);
	MHD_destroy_response(resp);
	return ok;
}

/* A file may come: only to an upload route, from a signed-in user, with
 * the CSRF token proven or to come before the file, within the number of
 * uploads received at once. Nothing is written before. */
static enum MHD_Result
upload_start(struct conn *k, struct MHD_Connection *c, const char *method)
{
	struct app *app = pool_take(&POOL);
	enum upload_check u =
		router_upload_check(app, c, method, k->raw_path, k->csrf);
	pool_give(&POOL, app);
	switch (u) {
	case UPLOAD_NOT_HERE:
		return refuse(c, k->raw_path, 415, "Đường dẫn này không nhận tệp.");
	case UPLOAD_NO_SESSION:
		return refuse(c, k->raw_path, 403, "Phiên làm việc đã hết hạn. "
			      "Hãy đăng nhập lại rồi thử lại.");
	case UPLOAD_API_NO_SESSION:
		return refuse(c, k->raw_path, 401, "chưa đăng nhập hoặc phiên "
			      "làm việc đã hết hạn");
	case UPLOAD_API_BAD_TOKEN:
		return refuse(c, k->raw_path, 403, "thiếu hoặc sai X-CSRF-Token "
			      "(lấy ở GET /api/session)");
	case UPLOAD_CROSS_SITE:
		return refuse(c, k->raw_path, 403, "Biểu mẫu được gửi từ một "
			      "trang web khác nên bị từ chối.");
	case UPLOAD_VERIFIED:
	case UPLOAD_TOKEN_IN_BODY:
		break;
	}
	const char *cl = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL && strtod(cl, NULL) > (double)(UPLOAD_LIMIT + BODY_LIMIT)) {
		char msg[64];
		snprintf(msg, sizeof(msg), "Tệp quá lớn (tối đa %zu MB).",
			 UPLOAD_LIMIT >> 20);
		return refuse(c, k->raw_path, 413, msg);
	}
	if (atomic_fetch_add(&UPLOADS, 1) >= UPLOADS_MAX) {
		atomic_fetch_sub(&UPLOADS, 1);
		return refuse(c, k->raw_path, 503, "Đang có nhiều người tải tệp "
			      "lên cùng lúc. Hãy thử lại sau ít phút.");
	}
	k->upload_slot = true;
	k->verified = u == UPLOAD_VERIFIED;
	k->pp = MHD_create_post_processor(c, 64 * 1024, on_part, k);
	return k->pp != NULL ? MHD_YES : MHD_NO;
}

static enum MHD_Result
conn_start(struct conn *k, struct MHD_Connection *c, const char *method)
{
	buf_init(&k->body, BODY_LIMIT);
	k->started = true;
	if (k->raw_path == NULL)
		return MHD_NO;
	body_deadline(c, k);
	if (strcmp(method, "POST") != 0)
		return MHD_YES;
	if (is_multipart(c))
		return upload_start(k, c, method);
	/* A form or JSON body over the limit is refused before it is read. */
	const char *cl = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL && strtod(cl, NULL) > (double)BODY_LIMIT)
		return refuse(c, k->raw_path, 413, "Dữ liệu gửi lên quá lớn.");
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
		return busy(c);
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
		if (k->upload_slot)
			atomic_fetch_sub(&UPLOADS, 1);
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
		*socket_context = fd == NULL ? NULL
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
	if (pool == 0)
		flags |= MHD_USE_POLL; /* no FD_SETSIZE cap on sockets */
	struct MHD_Daemon *dm = MHD_start_daemon(
		flags | MHD_USE_ERROR_LOG,
		o->port, on_accept, NULL, on_request, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)sa,
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

static bool
proxy_parse(const char *s, struct diags *d)
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
	if (o->trusted_proxy && !proxy_parse(o->trusted_proxy, d))
		return 1;
	if (pool_open(&POOL, o->connections < POOL_MAX ? o->connections
						       : POOL_MAX,
		      o->db_path, o->data_dir, d) != TS_OK)
		return 1;
	if (watch_start(&WATCH, o->connections, o->per_address,
			HAS_PROXY ? &PROXY : NULL) != 0) {
		pool_close(&POOL);
		return 1;
	}
	struct MHD_Daemon *dm = start(o, &sa, d);
	if (dm == NULL) {
		watch_stop(&WATCH);
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
	watch_stop(&WATCH);
	pool_close(&POOL);
	return 0;
}
