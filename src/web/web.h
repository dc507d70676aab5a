/*
 * The web layer: one request context handed to page handlers, which only
 * translate between HTTP and the app layer (as the CLI does). Every page
 * is built through the escaping HTML helpers below; user data never goes
 * into markup any other way.
 */
#ifndef TS_WEB_H
#define TS_WEB_H

#include <stdbool.h>
#include <stdint.h>

#include "../app/app.h"
#include "../app/session.h"
#include "../core/http.h"
#include "../util/buf.h"

#define BODY_LIMIT   ((size_t)1 << 20)	/* urlencoded forms */
#define UPLOAD_LIMIT ((size_t)50 << 20) /* one evidence file */
#define ALLOW_SIZE   32			/* "GET, POST, PUT" and room */

struct req {
	struct arena *a;
	struct app *app;
	const char *method;
	const char *path;
	const char *client;
	struct kvlist query, form, cookies, params;
	const char *raw_body; /* JSON API: the request body (NUL-ended) */
	size_t raw_len;
	bool api;		  /* /api/...: answers in JSON */
	const char *csrf_header;  /* X-CSRF-Token, for the JSON API */
	const char *if_match;	  /* If-Match: the revision the client saw */
	const char *upload_path;  /* multipart: the file, in a temp file */
	const char *upload_name;  /* its name as the browser sent it */
	const char *upload_field; /* the name of its input */
	bool upload_too_big;
	bool upload_unverified; /* a file came before the CSRF token */
	int upload_files;
	const char *token; /* session cookie value, if any */
	struct session sess;
	bool authed;
	bool secure; /* served over TLS: Secure cookies */
	/* response */
	int status;
	struct buf body;
	const char *content_type;
	const char *cache;	/* Cache-Control, default no-store */
	char location[512];	/* redirect target when set */
	char allow[ALLOW_SIZE]; /* a 405's Allow: the methods the path takes */
	char set_cookie[256];
	/* server --db-read: the replica's apps, and the cookie that tells
	 * later requests where the primary's WAL was after this write */
	struct pool *read_pool;
	char wal_cookie[96];
	int send_fd; /* >= 0: the response body is this file */
	uint64_t send_size;
	char disposition[600]; /* Content-Disposition, when set */
	unsigned slow_ms;      /* hold the answer back (sign-in throttle) */
	struct diags diags;    /* problems to show on the page */
	const char *notice;    /* success message to show */
	int conn_fd;	       /* the client's socket, -1 if unknown */
	const char *accept_encoding; /* the request's Accept-Encoding */
	bool gzipped; /* body is already gzip (a cached page's, pc_get_gz) */
};

/* For util/cancel.h, arg the struct req: true once its client has
 * closed the connection (web/client_gone.c). */
bool web_client_gone(void *arg);

/* --- responses --- */
/* HTML, SVG, CSS or JavaScript: sent compressed when the client accepts
 * gzip (and with Vary: Accept-Encoding either way). */
bool web_compressible(const char *content_type);
/* Whether an Accept-Encoding value allows gzip (by name or "*", q > 0). */
bool web_accepts_gzip(const char *accept_encoding);
/* Replaces a compressible buffered body of at least 256 bytes with its
 * gzip when accept_encoding allows it; true if it did. */
bool web_gzip_body(struct req *r, const char *accept_encoding);
/* Versions of the compiled-in stylesheet and script (16 hex digits of
 * their hash): pages link /static/app.css?v=VERSION, which is cached for
 * a year, so an upgrade (a new version, a new URL) reaches browsers at
 * once; any other URL of them is revalidated every time. */
void web_hash_version(const void *data, size_t len, char out[17]);
const char *web_css_version(void);
const char *web_js_version(void);
void web_static_send(struct req *r, const char *type, const char *data,
		     size_t len, const char *version);

void web_redirect(struct req *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A full error page with the status and a Vietnamese message. */
void web_error(struct req *r, int status, const char *message);
/* Status for an app error code (ENOTFOUND 404, EFORBIDDEN 403, ...). */
int web_status_for(enum ts_err e);
/* The ID param as a positive integer, or 0. */
long long web_param_id(const struct req *r, const char *name);

/* --- HTML (html.c) --- */
void h_text(struct buf *b, const char *s);	  /* escaped text */
void h_textf(struct buf *b, const char *fmt, ...) /* formatted, escaped */
	__attribute__((format(printf, 2, 3)));
/* The strings up to a NULL, each escaped: h_textf without printf, for
 * texts that are valid UTF-8 on their own (rubric texts, ids, words). */
void h_texts(struct buf *b, ...) __attribute__((sentinel));
/* <tag a1="v1" ...>: attrs are name, value pairs ending with NULL;
 * values escaped; a NULL value skips the attribute. The compiler checks
 * the closing NULL (sentinel; tools/check-source.sh proves it does). */
void h_open(struct buf *b, const char *tag, ...) __attribute__((sentinel));
void h_close(struct buf *b, const char *tag);
/* <tag attrs>text</tag> */
void h_elem(struct buf *b, const char *tag, const char *text, ...)
	__attribute__((sentinel));
/* <a href="...">text</a> with an href built from fmt (values escaped by
 * the caller through url_escape where they come from data). */
void h_link(struct buf *b, const char *href, const char *text);
/* Hidden CSRF field for the current session. */
void h_csrf(struct req *r);
/* Page frame: doctype, head, header with the user, flash messages. */
void page_begin(struct req *r, const char *title);
void page_end(struct req *r);

/* --- JSON API (api.c) --- */
/* Sends a JSON document (steals the reference) with the status. */
struct json_t;
void api_send(struct req *r, int status, struct json_t *doc);
/* {"error": message, "problems": [{"where", "message"}...]} */
void api_error(struct req *r, int status, const char *message);
/* 200 with ok (or {"ok":true}) on TS_OK, else the error's status with
 * the first problem as the message. */
void api_result(struct req *r, enum ts_err e, struct json_t *ok);
void api_session(struct req *r);
void api_campaigns(struct req *r);
void api_status(struct req *r);
void api_submission(struct req *r);
void api_answers(struct req *r);
void api_action(struct req *r);
void api_org_add(struct req *r);
void api_org_edit(struct req *r);
void api_org_close(struct req *r);
void api_users(struct req *r);
void api_user_add(struct req *r);
void api_user_edit(struct req *r);
void api_campaign_edit(struct req *r);
void api_evidence_list(struct req *r);
void api_evidence_add(struct req *r);
void api_evidence_get(struct req *r);

/* --- evidence (page_evidence.c), shared by the page and the API --- */
struct evidence_added;
struct evidence_in {
	const char *criterion;
	const char *link;	/* a link instead of the uploaded file, or */
	const char *fact;	/* a short fact */
	const char *file_field; /* the file must come from this input */
};
/* Checks the actor may edit the submission, then stores the link or fact
 * (evidence_add_text) or the upload (one file, within the limit, typed
 * by libmagic in evidence_add). */
enum ts_err web_evidence_add(struct req *r, long long id, const char *code,
			     const struct evidence_in *in,
			     struct evidence_added *ev);
/* HTTP status of its failure (TS_ELIMIT: 413). */
int web_evidence_status(enum ts_err e);
/* Makes the response the stored file of evidence :id, if in scope. */
enum ts_err web_evidence_send(struct req *r);

/* --- pages --- */
void page_login(struct req *r);
void page_login_post(struct req *r);
void page_logout(struct req *r);
void page_password(struct req *r);
void page_password_post(struct req *r);
void page_reset(struct req *r);
void page_reset_post(struct req *r);
void page_admin_user_reset(struct req *r);
void api_user_reset(struct req *r);
void page_home(struct req *r);
void page_campaigns(struct req *r);
/* The task list at the top of the landing page (page_tasks.c), and the
 * units in the state ?state= names on a campaign's dashboard. */
void tasks_section(struct req *r);
void tasks_unit_list(struct req *r, long long id);
void page_campaign(struct req *r);
void page_submission(struct req *r);
void page_submission_save(struct req *r);
void page_submission_act(struct req *r);
void page_submission_preview(struct req *r);
void page_submission_check(struct req *r);
void page_submission_submitted(struct req *r);
void page_search(struct req *r);
void page_queue(struct req *r);
void page_queue_bulk(struct req *r);
void page_rubrics(struct req *r);
void page_rubric(struct req *r);
void page_admin_org(struct req *r);
void page_admin_users(struct req *r);
void page_admin_audit(struct req *r);
void page_admin_import(struct req *r);
void page_admin_org_add(struct req *r);
void page_admin_org_close(struct req *r);
void page_campaign_new(struct req *r);
void page_campaign_create(struct req *r);
void page_admin_user_add(struct req *r);
void page_admin_unit(struct req *r);
void page_admin_unit_save(struct req *r);
void page_admin_unit_contact(struct req *r);
void page_admin_user_contact(struct req *r);
void page_admin_user(struct req *r);
void page_admin_user_save(struct req *r);
void page_campaign_edit(struct req *r);
void page_campaign_save(struct req *r);
void page_campaign_add_unit(struct req *r);
void page_admin_import_post(struct req *r);
void page_evidence_upload(struct req *r);
void page_evidence_get(struct req *r);
void page_static_css(struct req *r);
void page_static_js(struct req *r);
void page_health(struct req *r);
void page_report(struct req *r);
/* The dashboard's Phụ lục 3 across years under the shown root, whose
 * code (NULL: none) names its document's charts (page_campaign_years.c). */
void campaign_years_section(struct req *r, long long id, const char *code);
/* The most common gaps of the schools under the shown root (top 10). */
struct rubric;
void campaign_gaps_section(struct req *r, long long id,
			   const struct rubric *rb);
/* The improvement plan after an approved result (page_plan.c). */
void page_plan(struct req *r);
void page_plan_save(struct req *r);
/* A school's results across years (page_years.c) and their chart. */
void page_years(struct req *r);
void page_years_chart(struct req *r);
void page_report_save(struct req *r);
void page_report_get(struct req *r);
void page_signed_upload(struct req *r);
void page_signed_get(struct req *r);
void page_software_save(struct req *r);
void api_report_fields(struct req *r);
void api_report_fields_save(struct req *r);
void api_report_get(struct req *r);
/* api_plan.c: a school's improvement plan. */
void api_plan(struct req *r);
void api_plan_save(struct req *r);
/* export jobs (page_jobs.c) */
void page_jobs(struct req *r);
void page_jobs_start(struct req *r);
void page_job(struct req *r);
void page_job_progress(struct req *r);
void page_job_file(struct req *r);
void page_job_cancel(struct req *r);

#endif
