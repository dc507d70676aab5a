#include "router.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../util/arena.h"
#include "pool.h"
#include "stats_web.h"

struct route {
	const char *method;
	const char *pattern;
	void (*fn)(struct req *);
	bool login;    /* needs a signed-in user */
	unsigned kind; /* R_PAGE (false), R_API (true), | R_UPLOAD */
};
#define R_PAGE	 0u
#define R_API	 1u /* JSON in and out; CSRF token in X-CSRF-Token */
#define R_UPLOAD 2u /* takes a file (multipart/form-data); no other does */
/* Read-heavy and read-only (dashboards): served by the read replica when
 * there is one (server --db-read) and it has this browser's writes. */
#define R_READ	 4u
/* A page that only reads (a GET): its session is read in the page's own
 * read snapshot (one read lock a request, not two) and slides after. */
#define R_SNAP	 8u

/* Every route, in one table: a new page cannot skip the checks below.
 * Every POST except /login and /reset needs a session, so it also needs the CSRF
 * token; authorisation by role and org subtree is done by the app layer
 * each handler calls. */
static const struct route ROUTES[] = {
	{ "GET", "/", page_home, false, false },
	{ "GET", "/healthz", page_health, false, false },
	{ "GET", "/static/app.css", page_static_css, false, false },
	{ "GET", "/static/app.js", page_static_js, false, false },
	{ "GET", "/login", page_login, false, false },
	{ "POST", "/login", page_login_post, false, false },
	{ "GET", "/reset", page_reset, false, false },
	{ "POST", "/reset", page_reset_post, false, false },
	{ "POST", "/logout", page_logout, true, false },
	{ "GET", "/password", page_password, true, false },
	{ "POST", "/password", page_password_post, true, false },
	{ "GET", "/campaigns", page_campaigns, true, false },
	{ "GET", "/campaigns/:id", page_campaign, true, R_READ },
	{ "GET", "/campaigns/:id/queue", page_queue, true, false },
	{ "GET", "/jobs", page_jobs, true, false },
	{ "POST", "/jobs", page_jobs_start, true, false },
	{ "GET", "/jobs/:id", page_job, true, false },
	{ "GET", "/jobs/:id/tien-do", page_job_progress, true, false },
	{ "GET", "/jobs/:id/tep", page_job_file, true, false },
	{ "POST", "/jobs/:id/huy", page_job_cancel, true, false },
	{ "POST", "/campaigns/:id/queue/bulk", page_queue_bulk, true, false },
	{ "GET", "/campaigns/:id/office", page_stats_office, true, false },
	{ "POST", "/campaigns/:id/office", page_stats_office_save, true,
	  false },
	{ "GET", "/campaigns/:id/units/:code", page_submission, true, R_SNAP },
	{ "POST", "/campaigns/:id/units/:code/save", page_submission_save, true,
	  false },
	{ "GET", "/campaigns/:id/units/:code/check", page_submission_check,
	  true, false },
	{ "GET", "/campaigns/:id/units/:code/submitted",
	  page_submission_submitted, true, false },
	{ "POST", "/campaigns/:id/units/:code/preview", page_submission_preview,
	  true, false },
	{ "POST", "/campaigns/:id/units/:code/evidence", page_evidence_upload,
	  true, R_UPLOAD },
	{ "GET", "/campaigns/:id/units/:code/years", page_years, true, false },
	{ "GET", "/campaigns/:id/units/:code/plan", page_plan, true, false },
	{ "POST", "/campaigns/:id/units/:code/plan", page_plan_save, true,
	  false },
	{ "GET", "/campaigns/:id/units/:code/years/bieu-do.svg",
	  page_years_chart, true, false },
	{ "GET", "/campaigns/:id/units/:code/report", page_report, true,
	  false },
	{ "POST", "/campaigns/:id/units/:code/report", page_report_save, true,
	  false },
	{ "POST", "/campaigns/:id/units/:code/report/ban-da-ky",
	  page_signed_upload, true, R_UPLOAD },
	{ "POST", "/campaigns/:id/units/:code/report/phan-mem",
	  page_software_save, true, false },
	{ "GET", "/campaigns/:id/units/:code/report/ban-da-ky.pdf",
	  page_signed_get, true, false },
	{ "GET", "/campaigns/:id/units/:code/report/:file", page_report_get,
	  true, false },
	{ "POST", "/campaigns/:id/units/:code/:action", page_submission_act,
	  true, false },
	{ "GET", "/evidence/:id", page_evidence_get, true, false },
	{ "GET", "/search", page_search, true, false },
	{ "GET", "/rubrics", page_rubrics, true, false },
	{ "GET", "/rubrics/:id", page_rubric, true, false },
	{ "GET", "/admin/org", page_admin_org, true, false },
	{ "POST", "/admin/org", page_admin_org_add, true, false },
	{ "POST", "/admin/org/close", page_admin_org_close, true, false },
	{ "GET", "/admin/org/:code", page_admin_unit, true, false },
	{ "POST", "/admin/org/:code/edit", page_admin_unit_save, true, false },
	{ "POST", "/admin/org/:code/contact", page_admin_unit_contact, true,
	  false },
	{ "GET", "/admin/users", page_admin_users, true, false },
	{ "POST", "/admin/users", page_admin_user_add, true, false },
	{ "GET", "/admin/users/:login", page_admin_user, true, false },
	{ "POST", "/admin/users/:login", page_admin_user_save, true, false },
	{ "POST", "/admin/users/:login/contact", page_admin_user_contact, true,
	  false },
	{ "POST", "/admin/users/:login/reset", page_admin_user_reset, true,
	  false },
	{ "GET", "/admin/audit", page_admin_audit, true, false },
	{ "GET", "/admin/import", page_admin_import, true, false },
	{ "GET", "/admin/campaigns/new", page_campaign_new, true, false },
	{ "POST", "/admin/campaigns", page_campaign_create, true, false },
	{ "GET", "/admin/campaigns/:id", page_campaign_edit, true, false },
	{ "POST", "/admin/campaigns/:id", page_campaign_save, true, false },
	{ "POST", "/admin/campaigns/:id/units", page_campaign_add_unit, true,
	  false },
	{ "POST", "/admin/import", page_admin_import_post, true, R_UPLOAD },
	{ "GET", "/api/session", api_session, true, true },
	{ "GET", "/api/campaigns", api_campaigns, true, true },
	{ "GET", "/api/campaigns/:id/status", api_status, true,
	  R_API | R_READ },
	{ "GET", "/api/campaigns/:id/stats", api_stats_rollup, true, true },
	{ "GET", "/api/campaigns/:id/units/:code", api_submission, true, true },
	{ "POST", "/api/campaigns/:id/units/:code/answers", api_answers, true,
	  true },
	{ "GET", "/api/campaigns/:id/units/:code/report-fields",
	  api_report_fields, true, true },
	{ "POST", "/api/campaigns/:id/units/:code/report-fields",
	  api_report_fields_save, true, true },
	{ "GET", "/api/campaigns/:id/units/:code/reports/:file", api_report_get,
	  true, true },
	{ "GET", "/api/campaigns/:id/units/:code/plan", api_plan, true, true },
	{ "PUT", "/api/campaigns/:id/units/:code/plan", api_plan_save, true,
	  true },
	{ "GET", "/api/campaigns/:id/units/:code/evidence", api_evidence_list,
	  true, true },
	{ "POST", "/api/campaigns/:id/units/:code/evidence", api_evidence_add,
	  true, R_API | R_UPLOAD },
	{ "POST", "/api/campaigns/:id/units/:code/:action", api_action, true,
	  true },
	{ "POST", "/api/campaigns/:id", api_campaign_edit, true, true },
	{ "GET", "/api/evidence/:id", api_evidence_get, true, true },
	{ "POST", "/api/org", api_org_add, true, true },
	{ "POST", "/api/org/:code", api_org_edit, true, true },
	{ "POST", "/api/org/:code/:action", api_org_close, true, true },
	{ "GET", "/api/users", api_users, true, true },
	{ "POST", "/api/users", api_user_add, true, true },
	{ "POST", "/api/users/:login", api_user_edit, true, true },
	{ "POST", "/api/users/:login/reset-password", api_user_reset, true,
	  true },
};

void
web_redirect(struct req *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->location, sizeof(r->location), fmt, ap);
	va_end(ap);
	r->status = 303;
}

void
web_error(struct req *r, int status, const char *message)
{
	r->status = status;
	buf_reset(&r->body);
	page_begin(r, status == 404   ? "Không tìm thấy"
		      : status == 403 ? "Không được phép"
				      : "Không thực hiện được");
	h_elem(&r->body, "p", message, NULL);
	buf_puts(&r->body, "<p><a href=\"/\">Về trang chính</a></p>");
	page_end(r);
}

int
web_status_for(enum ts_err e)
{
	switch (e) {
	case TS_OK: return 200;
	case TS_EINVAL: return 422;
	case TS_ENOTFOUND: return 404;
	case TS_EFORBIDDEN: return 403;
	case TS_ECONFLICT: return 409;
	case TS_ESTALE: return 409;
	case TS_ELIMIT: return 413;
	case TS_ERATE: return 429;
	/* nginx's "client closed request": only the access log sees it. */
	case TS_ECANCELED: return 499;
	default: return 500;
	}
}

long long
web_param_id(const struct req *r, const char *name)
{
	const char *s = kv_get(&r->params, name);
	char *end = NULL;
	long long v = s ? strtoll(s, &end, 10) : 0;
	return s && *s && end && *end == '\0' && v > 0 ? v : 0;
}

/* The session of the request's cookie; slid at once unless the caller
 * slides it later (session_read). */
static void
load_session(struct req *r, struct MHD_Connection *c, bool slide_now)
{
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						    MHD_HTTP_HEADER_COOKIE);
	if (h != NULL && cookie_parse(h, r->a, &r->cookies) == TS_OK)
		r->token = kv_get(&r->cookies, "ts_session");
	r->authed = r->token != NULL &&
		    (slide_now ? session_lookup(r->app, r->token, &r->sess)
			       : session_read(r->app, r->token, &r->sess)) ==
			    TS_OK;
}

static bool
read_form(struct req *r, struct MHD_Connection *c, const struct buf *body,
	  bool too_big)
{
	const char *ct = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (too_big) {
		web_error(r, 413, "Dữ liệu gửi lên quá lớn.");
		return false;
	}
	bool multipart = ct != NULL &&
			 strncmp(ct, "multipart/form-data", 19) == 0;
	if (body->len > 0 && !multipart &&
	    (ct == NULL ||
	     strncmp(ct, "application/x-www-form-urlencoded", 33))) {
		web_error(r, 415, "Chỉ nhận dữ liệu biểu mẫu.");
		return false;
	}
	if (form_parse(buf_str(body), body->len, r->a, &r->form) != TS_OK) {
		web_error(r, 400, "Dữ liệu biểu mẫu không hợp lệ.");
		return false;
	}
	return true;
}

/* A route whose last segment is ":action" takes a verb (approve,
 * close), not data: it never answers for a path another route names
 * (…/units/X/plan is the plan, which takes no POST). */
static bool
verb_route(const struct route *rt)
{
	size_t n = strlen(rt->pattern);
	return n > 8 && strcmp(rt->pattern + n - 8, "/:action") == 0;
}

/* The methods some route takes for path, in table order, each once,
 * into allow ("GET, PUT"); verb routes only when no other names it. */
static void
allowed_methods(const char *path, bool named, struct arena *a,
		char allow[ALLOW_SIZE])
{
	size_t len = 0;
	for (size_t i = 0; i < sizeof(ROUTES) / sizeof(*ROUTES); i++) {
		const struct route *rt = &ROUTES[i];
		struct kvlist params;
		if ((named && verb_route(rt)) || strstr(allow, rt->method) ||
		    !route_match(rt->pattern, path, a, &params))
			continue;
		int n = snprintf(allow + len, ALLOW_SIZE - len, "%s%s",
				 len ? ", " : "", rt->method);
		if (n < 0 || (size_t)n >= ALLOW_SIZE - len)
			break;
		len += (size_t)n;
	}
}

struct found {
	const struct route *rt;
	struct kvlist params;
};

/* Keeps the first route of its kind that matched. */
static void
take(struct found *f, const struct route *rt, const struct kvlist *params)
{
	if (f->rt == NULL) {
		f->rt = rt;
		f->params = *params;
	}
}

/* The route for the request's method and path, or NULL; *allow lists the
 * methods the path does take (for 405), "" when no route names it. */
static const struct route *
find(struct req *r, char allow[ALLOW_SIZE])
{
	struct found exact = { 0 }, verb = { 0 };
	bool named = false; /* a route that is not a verb names the path */
	allow[0] = '\0';
	for (size_t i = 0; i < sizeof(ROUTES) / sizeof(*ROUTES); i++) {
		const struct route *rt = &ROUTES[i];
		struct kvlist params;
		if (!route_match(rt->pattern, r->path, r->a, &params))
			continue;
		named |= !verb_route(rt);
		if (strcmp(rt->method, r->method) == 0)
			take(verb_route(rt) ? &verb : &exact, rt, &params);
	}
	const struct found *f = exact.rt	    ? &exact
				: verb.rt && !named ? &verb
						    : NULL;
	if (f != NULL) {
		r->params = f->params;
		return f->rt;
	}
	allowed_methods(r->path, named, r->a, allow);
	return NULL;
}

static bool
api_csrf(struct req *r, bool post)
{
	if (post && !session_csrf_ok(&r->sess, r->csrf_header)) {
		api_error(r, 403,
			  "thiếu hoặc sai X-CSRF-Token (lấy ở GET "
			  "/api/session)");
		return false;
	}
	return true;
}

static bool
read_json(struct req *r, struct MHD_Connection *c, const struct buf *body,
	  bool too_big)
{
	const char *ct = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	r->csrf_header = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						     "X-CSRF-Token");
	r->if_match = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						  MHD_HTTP_HEADER_IF_MATCH);
	if (too_big) {
		api_error(r, 413, "dữ liệu gửi lên quá lớn");
		return false;
	}
	/* Evidence comes as multipart/form-data (the file already streamed
	 * to a temp file, the other fields re-encoded into body). */
	if (ct != NULL && strncmp(ct, "multipart/form-data", 19) == 0) {
		if (form_parse(buf_str(body), body->len, r->a, &r->form) ==
		    TS_OK)
			return true;
		api_error(r, 400, "dữ liệu multipart không hợp lệ");
		return false;
	}
	if (body->len > 0 &&
	    (ct == NULL || strncmp(ct, "application/json", 16))) {
		api_error(r, 415,
			  "chỉ nhận Content-Type: application/json "
			  "(hoặc multipart/form-data cho minh chứng)");
		return false;
	}
	r->raw_body = buf_str(body);
	r->raw_len = body->len;
	return true;
}

/* What the browser says of where a request comes from: -1 another site
 * (Sec-Fetch-Site, or an Origin that is not this Host), 1 this site, 0
 * it says nothing (curl, old browsers: not a browser being steered). */
static int
origin_verdict(struct MHD_Connection *c)
{
	const char *site = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						       "Sec-Fetch-Site");
	if (site != NULL)
		return strcmp(site, "same-origin") == 0 ||
				       strcmp(site, "none") == 0
			       ? 1
			       : -1;
	const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							 "Origin");
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						       MHD_HTTP_HEADER_HOST);
	const char *o = origin ? strstr(origin, "://") : NULL;
	if (origin == NULL)
		return 0;
	return o != NULL && host != NULL && strcmp(o + 3, host) == 0 ? 1 : -1;
}

/* A form posted from another site (the sign-in form has no session, so
 * no CSRF token, to protect it). */
static bool
cross_site(struct MHD_Connection *c)
{
	return origin_verdict(c) < 0;
}

/* The path of a same-site page the request came from (Referer), for
 * "next" after signing in again; NULL if there is none that is safe. */
static const char *
came_from(struct req *r, struct MHD_Connection *c)
{
	const char *ref = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						      MHD_HTTP_HEADER_REFERER);
	const char *p = ref ? strstr(ref, "://") : NULL;
	p = p ? strchr(p + 3, '/') : NULL;
	return http_safe_next(p) ? arena_strdup(r->a, p) : NULL;
}

/* Signed out (the session expired) while posting: nothing is stored.
 * Autosave gets JSON (app.js keeps the input in the browser and offers
 * to sign in); a page post gets a page with a sign-in link back. */
static void
expired_post(struct req *r, struct MHD_Connection *c)
{
	struct buf next;
	const char *from = came_from(r, c);
	buf_init(&next, 2048);
	buf_puts(&next, "/login");
	if (from != NULL) {
		buf_puts(&next, "?next=");
		url_escape(&next, from);
	}
	if (kv_get(&r->form, "_ajax") != NULL) {
		api_send(r, 401,
			 json_pack("{s:s, s:s}", "error",
				   "phiên đăng "
				   "nhập đã hết hạn",
				   "login", buf_str(&next)));
	} else {
		r->status = 403;
		page_begin(r, "Phiên làm việc đã hết hạn");
		h_elem(&r->body, "p",
		       "Nội dung vừa gửi chưa được lưu. Nếu trình "
		       "duyệt bật JavaScript, nội dung bạn nhập vẫn được giữ "
		       "trên máy này và sẽ hiện lại sau khi đăng nhập.",
		       NULL);
		buf_puts(&r->body, "<p>");
		h_link(&r->body, buf_str(&next), "Đăng nhập lại");
		buf_puts(&r->body, "</p>");
		page_end(r);
	}
	buf_release(&next);
}

static bool
guard(struct req *r, struct MHD_Connection *c, const struct route *rt,
      bool post)
{
	if (rt->login && !r->authed) {
		if (post) {
			expired_post(r, c);
		} else {
			struct buf next;
			buf_init(&next, 2048);
			url_escape(&next, r->path);
			web_redirect(r, "/login?next=%s", buf_str(&next));
			buf_release(&next);
		}
		return false;
	}
	if (post && rt->login &&
	    !session_csrf_ok(&r->sess, kv_get(&r->form, "_csrf"))) {
		web_error(r, 403,
			  "Yêu cầu không hợp lệ (mã chống giả mạo sai). "
			  "Hãy tải lại trang rồi thử lại.");
		return false;
	}
	return true;
}

/* An app of the replica for this request, or NULL: the replica answers
 * only if it has replayed this browser's last write (the ts_wal cookie
 * note_write set), so nobody reads a page older than what they wrote. */
static struct app *
replica_app(struct req *r)
{
	struct app *a = pool_take(r->read_pool);
	if (db_replayed(a->db, kv_get(&r->cookies, "ts_wal")) == 1)
		return a;
	pool_give(r->read_pool, a);
	return NULL;
}

/* After a write, where the primary's WAL is: later reads wait for the
 * replica to reach it (or go to the primary). */
static void
note_write(struct req *r)
{
	char pos[40]; /* an LSN: two 32-bit numbers in hex */
	if (db_wal_position(r->app->db, pos, sizeof(pos)) == TS_OK && pos[0])
		snprintf(r->wal_cookie, sizeof(r->wal_cookie),
			 "ts_wal=%s; Path=/; HttpOnly; SameSite=Lax%s", pos,
			 r->secure ? "; Secure" : "");
}

/* The handler, on the replica's app when the route allows it. */
static void
run_route(struct req *r, const struct route *rt, bool post)
{
	struct app *primary = r->app;
	struct app *ro = !post && (rt->kind & R_READ) && r->read_pool != NULL
				 ? replica_app(r)
				 : NULL;
	if (ro != NULL)
		r->app = ro;
	rt->fn(r);
	r->app = primary;
	if (ro != NULL)
		pool_give(r->read_pool, ro);
	if (post && r->read_pool != NULL && r->status < 400)
		note_write(r);
}

/* A JSON API call: who asks is settled before what they sent is read. */
static void
api_dispatch(struct req *r, struct MHD_Connection *c, const struct route *rt,
	     const struct buf *body, bool too_big, bool post)
{
	if (rt->login && !r->authed)
		api_error(r, 401,
			  "chưa đăng nhập hoặc phiên làm việc "
			  "đã hết hạn");
	else if ((!post || read_json(r, c, body, too_big)) && api_csrf(r, post))
		run_route(r, rt, post);
}

/* A page, or a form posted to one: refused when its upload came before
 * its _csrf or it came from another site. */
static void
page_dispatch(struct req *r, struct MHD_Connection *c, const struct route *rt,
	      const struct buf *body, bool too_big, bool post)
{
	if (post && r->upload_unverified) {
		web_error(
			r, 403,
			"Yêu cầu không hợp lệ (mã chống giả mạo phải "
			"được gửi trước tệp). Hãy tải lại trang rồi thử lại.");
		return;
	}
	if (post && cross_site(c)) {
		web_error(r, 403,
			  "Biểu mẫu được gửi từ một trang web khác nên "
			  "bị từ chối. Hãy mở trang đăng nhập của hệ thống rồi "
			  "thử lại.");
		return;
	}
	if (post && !read_form(r, c, body, too_big))
		return;
	if (guard(r, c, rt, post))
		run_route(r, rt, post);
}

/* No route for the method and path: 405 with Allow when the path takes
 * other methods, else 404; JSON under /api/. */
static void
not_routed(struct req *r)
{
	bool known = r->allow[0] != '\0';
	int status = known ? 405 : 404;
	if (strncmp(r->path, "/api/", 5) == 0)
		api_error(r, status,
			  known ? "phương thức không được hỗ trợ ở địa chỉ "
				  "này"
				: "không có địa chỉ này");
	else
		web_error(r, status,
			  known ? "Phương thức không được hỗ trợ."
				: "Không có trang này.");
}

static void
dispatch(struct req *r, struct MHD_Connection *c, const struct route *rt,
	 const struct buf *body, bool too_big)
{
	/* A write: POST, or PUT (the API's plan). */
	bool post = strcmp(r->method, "POST") == 0 ||
		    strcmp(r->method, "PUT") == 0;
	r->api = (rt->kind & R_API) != 0;
	if (rt->kind & R_API)
		api_dispatch(r, c, rt, body, too_big, post);
	else
		page_dispatch(r, c, rt, body, too_big, post);
}

void
router_dispatch(struct req *r, struct MHD_Connection *c, const struct buf *body,
		bool too_big, bool secure)
{
	r->secure = secure;
	const struct route *rt = find(r, r->allow);
	struct app *snap = rt != NULL && (rt->kind & R_SNAP) ? r->app : NULL;
	if (snap != NULL)
		app_read_begin(snap);
	load_session(r, c, snap == NULL);
	if (rt == NULL)
		not_routed(r);
	else
		dispatch(r, c, rt, body, too_big);
	if (snap != NULL) {
		app_read_end(snap);
		if (r->authed)
			session_slide(snap, &r->sess);
	}
}

static const struct route *
find_path(const char *method, const char *path)
{
	struct arena *a = arena_new();
	const struct route *rt = NULL;
	for (size_t i = 0;
	     a && rt == NULL && i < sizeof(ROUTES) / sizeof(*ROUTES); i++) {
		struct kvlist params;
		if (strcmp(ROUTES[i].method, method) == 0 &&
		    route_match(ROUTES[i].pattern, path, a, &params))
			rt = &ROUTES[i];
	}
	arena_free(a);
	return rt;
}

enum upload_check
router_upload_check(struct app *app, struct MHD_Connection *c,
		    const char *method, const char *path,
		    char csrf[SESSION_HASH_SIZE])
{
	const struct route *rt = find_path(method, path);
	csrf[0] = '\0';
	if (rt == NULL || !(rt->kind & R_UPLOAD))
		return UPLOAD_NOT_HERE;
	struct arena *a = arena_new();
	struct kvlist cookies;
	struct session s;
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						    MHD_HTTP_HEADER_COOKIE);
	const char *token = a && h && cookie_parse(h, a, &cookies) == TS_OK
				    ? kv_get(&cookies, "ts_session")
				    : NULL;
	bool authed = token && session_lookup(app, token, &s) == TS_OK;
	arena_free(a);
	if (!authed)
		return rt->kind & R_API ? UPLOAD_API_NO_SESSION
					: UPLOAD_NO_SESSION;
	snprintf(csrf, SESSION_HASH_SIZE, "%s", s.csrf);
	if (session_csrf_ok(&s, MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							    "X-CSRF-Token")))
		return UPLOAD_VERIFIED;
	if (rt->kind & R_API)
		return UPLOAD_API_BAD_TOKEN;
	int v = origin_verdict(c);
	return v > 0   ? UPLOAD_VERIFIED
	       : v < 0 ? UPLOAD_CROSS_SITE
		       : UPLOAD_TOKEN_IN_BODY;
}

bool
router_is_api(const char *path)
{
	return strncmp(path, "/api/", 5) == 0;
}

void
router_print(void)
{
	for (size_t i = 0; i < sizeof(ROUTES) / sizeof(*ROUTES); i++)
		printf("%s %s %s%s%s%s\n", ROUTES[i].method, ROUTES[i].pattern,
		       ROUTES[i].login ? "login" : "public",
		       ROUTES[i].kind & R_API ? " api" : "",
		       ROUTES[i].kind & R_UPLOAD ? " upload" : "",
		       ROUTES[i].kind & R_READ ? " read" : "");
}
