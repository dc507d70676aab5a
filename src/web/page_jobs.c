/* The user's export jobs: /jobs (the list), /jobs/ID (one job with its
 * progress bar, refreshed by <meta http-equiv=refresh> without
 * JavaScript and by app.js fetching /jobs/ID/tien-do with it), the file,
 * cancelling, and starting a job from a report page (POST /jobs). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "../app/campaign.h"
#include "../app/export_job.h"
#include "../app/org.h"
#include "../report/report.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "jobs_web.h"

#define JOBS_LISTED 50

/* The file as the report page names it: "Danh sách kết quả từng đơn vị
 * (PDF)". */
static void
file_label(struct buf *b, const char *file)
{
	const char *dot = strrchr(file, '.');
	bool results = strncmp(file, "ket-qua.", 8) == 0;
	if (strcmp(file, JOB_ZIP_FILE) == 0) {
		h_text(b, "Báo cáo của từng trường (PDF, gộp trong ZIP)");
		return;
	}
	h_textf(b, "%s (",
		results ? "Bảng dữ liệu kết quả"
			: "Danh sách kết quả từng đơn vị");
	for (const char *c = dot ? dot + 1 : ""; *c; c++)
		buf_putc(b,
			 (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c));
	buf_puts(b, ")");
}

bool
jobs_large(struct req *r, long long cid, const char *code, int64_t *units)
{
	struct diags d;
	diags_init(&d);
	bool big = job_export_size(r->app, &r->sess.who, cid, code, units,
				   &d) == TS_OK &&
		   *units > jobs_threshold();
	diags_release(&d);
	return big;
}

void
jobs_form(struct req *r, long long cid, const char *code,
	  const char *const *files, size_t n, bool counts)
{
	struct buf *b = &r->body;
	char v[32];
	snprintf(v, sizeof(v), "%lld", cid);
	h_open(b, "form", "method", "post", "action", "/jobs", "class",
	       "job-start", NULL);
	h_csrf(r);
	h_open(b, "input", "type", "hidden", "name", "campaign", "value", v,
	       NULL);
	h_open(b, "input", "type", "hidden", "name", "unit", "value", code,
	       NULL);
	if (n > 1) {
		buf_puts(b, "<label>Định dạng ");
		buf_puts(b, "<select name=\"file\">");
		for (size_t i = 0; i < n; i++)
			h_elem(b, "option", strrchr(files[i], '.') + 1, "value",
			       files[i], NULL);
		buf_puts(b, "</select></label> ");
	} else {
		h_open(b, "input", "type", "hidden", "name", "file", "value",
		       files[0], NULL);
	}
	if (counts)
		buf_puts(b,
			 "<label><input type=\"checkbox\" name=\"submitted\" "
			 "value=\"1\"> Tính cả kết quả đã nộp, chưa phê "
			 "duyệt</label> ");
	buf_puts(b, "<button type=\"submit\">Tạo tệp</button></form>");
}

/* POST /jobs: campaign, unit, file, submitted. */
void
page_jobs_start(struct req *r)
{
	const char *cs = kv_get(&r->form, "campaign");
	struct job_request q = {
		.cid = cs ? strtoll(cs, NULL, 10) : 0,
		.unit_code = kv_get(&r->form, "unit"),
		.file = kv_get(&r->form, "file"),
		.include_submitted = kv_get(&r->form, "submitted") != NULL,
	};
	int64_t id = 0;
	enum ts_err e = job_start(r->app, &r->sess.who, &q, &id, &r->diags);
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không tạo được việc xuất tệp.");
		return;
	}
	jobs_wake();
	web_redirect(r, "/jobs/%lld", (long long)id);
}

/* The job of :id the actor may see, or false with the error page. */
static bool
load(struct req *r, struct export_job *j)
{
	long long id = web_param_id(r, "id");
	enum ts_err e = id ? job_get(r->app, &r->sess.who, id, r->a, j,
				     &r->diags)
			   : TS_ENOTFOUND;
	if (e != TS_OK)
		web_error(r, web_status_for(e),
			  "Không có việc xuất tệp này trong các việc của tài "
			  "khoản.");
	return e == TS_OK;
}

static int
percent(const struct export_job *j)
{
	if (j->state == JOB_DONE)
		return 100;
	return j->total > 0 ? (int)(j->done * 100 / j->total) : 0;
}

static void
bar(struct buf *b, const struct export_job *j)
{
	char v[32], m[32];
	snprintf(v, sizeof(v), "%lld",
		 (long long)(j->state == JOB_DONE ? j->total : j->done));
	snprintf(m, sizeof(m), "%lld", (long long)(j->total ? j->total : 1));
	h_open(b, "progress", "id", "job-bar", "max", m, "value", v, NULL);
	buf_puts(b, "</progress> ");
	h_open(b, "span", "id", "job-count", NULL);
	h_textf(b, "%s đơn vị / %lld (%d%%)", v, (long long)j->total,
		percent(j));
	buf_puts(b, "</span>");
}

static bool
live(const struct export_job *j)
{
	return j->state == JOB_QUEUED || j->state == JOB_RUNNING;
}

static void
job_actions(struct req *r, const struct export_job *j)
{
	struct buf *b = &r->body;
	char href[64];
	if (j->state == JOB_DONE && j->path != NULL) {
		snprintf(href, sizeof(href), "/jobs/%lld/tep",
			 (long long)j->id);
		buf_puts(b, "<p>");
		h_elem(b, "a", "Tải tệp về", "class", "button", "href", href,
		       "id", "job-file", NULL);
		char until[TS_TIME_SIZE + 16];
		h_textf(b, " Tệp được giữ đến %s.",
			ts_time_vn_text(j->expires_at, until));
		buf_puts(b, "</p>");
	} else if (j->state == JOB_DONE) {
		h_elem(b, "p", "Tệp đã hết hạn và đã được xóa; hãy tạo lại.",
		       NULL);
	}
	if (j->error)
		h_elem(b, "p", j->error, "class", "field-error", "id",
		       "job-error", NULL);
	if (!live(j))
		return;
	snprintf(href, sizeof(href), "/jobs/%lld/huy", (long long)j->id);
	h_open(b, "form", "method", "post", "action", href, NULL);
	h_csrf(r);
	buf_puts(b, "<button type=\"submit\" class=\"secondary\">Hủy việc "
		    "này</button></form>");
}

/* "Bộ Giáo dục và Đào tạo (BGDDT)": users know units by name; the code
 * alone when the unit cannot be read. */
static const char *
unit_label(struct req *r, const char *code)
{
	struct org_unit u;
	if (code == NULL || org_find(r->app, code, r->a, &u) != TS_OK)
		return code ? code : "";
	const char *s = arena_printf(r->a, "%s (%s)", u.name, code);
	return s ? s : code;
}

/* The campaign's title, or its number when it cannot be read. */
static const char *
campaign_label(struct req *r, int64_t id)
{
	struct campaign c;
	struct diags quiet;
	diags_init(&quiet);
	enum ts_err e = campaign_get(r->app, &r->sess.who, id, r->a, &c,
				     &quiet);
	diags_release(&quiet);
	const char *s = e == TS_OK ? c.title
				   : arena_printf(r->a, "Đợt đánh giá số %lld",
						  (long long)id);
	return s ? s : "";
}

void
page_job(struct req *r)
{
	struct export_job j;
	if (!load(r, &j))
		return;
	struct buf *b = &r->body;
	char t[TS_TIME_SIZE + 16];
	page_begin(r, "Tạo tệp xuất");
	if (live(&j)) /* no JavaScript: the page reloads itself */
		buf_puts(b, "<noscript><meta http-equiv=\"refresh\" "
			    "content=\"3\"></noscript>");
	h_open(b, "section", "class", "card job", "id", "job", "data-job",
	       live(&j) ? "live" : "end", NULL);
	h_open(b, "h2", NULL);
	file_label(b, j.file);
	h_textf(b, " — %s", unit_label(r, j.unit_code));
	buf_puts(b, "</h2><p>");
	h_textf(b, "%s%s. Yêu cầu lúc %s.", campaign_label(r, j.campaign_id),
		j.include_submitted ? ", tính cả kết quả đã nộp" : "",
		ts_time_vn_text(j.created_at, t));
	buf_puts(b, "</p><p><strong id=\"job-state\">");
	h_text(b, job_state_name(j.state));
	buf_puts(b, "</strong></p><p>");
	bar(b, &j);
	buf_puts(b, "</p>");
	job_actions(r, &j);
	buf_puts(b, "</section><p><a href=\"/jobs\">« Các việc xuất tệp của "
		    "tôi</a></p>");
	page_end(r);
}

/* GET /jobs/:id/tien-do: the same as JSON, for app.js. */
void
page_job_progress(struct req *r)
{
	struct export_job j;
	if (!load(r, &j))
		return;
	api_send(r, 200,
		 json_pack("{s:I, s:s, s:s, s:I, s:I, s:i, s:s?, s:b}", "id",
			   (json_int_t)j.id, "state", job_state_code(j.state),
			   "state_name", job_state_name(j.state), "done",
			   (json_int_t)j.done, "total", (json_int_t)j.total,
			   "percent", percent(&j), "error", j.error, "file",
			   j.state == JOB_DONE && j.path != NULL));
}

/* GET /jobs/:id/tep: the built file. */
void
page_job_file(struct req *r)
{
	struct export_job j;
	if (!load(r, &j))
		return;
	int fd = j.state == JOB_DONE && j.path
			 ? open(j.path, O_RDONLY | O_CLOEXEC)
			 : -1;
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		web_error(r, 404,
			  "Tệp của việc này chưa có hoặc đã hết hạn và "
			  "được xóa.");
		return;
	}
	const char *dot = strrchr(j.file, '.');
	enum rp_format f = RP_XLSX;
	if (dot != NULL)
		rp_format_parse(dot + 1, &f);
	r->send_fd = fd;
	r->send_size = (uint64_t)st.st_size;
	r->content_type = strcmp(j.file, JOB_ZIP_FILE) == 0 ? "application/zip"
							    : rp_format_mime(f);
	r->cache = "private, no-store";
	snprintf(r->disposition, sizeof(r->disposition),
		 "attachment; filename=\"%s\"", j.file);
}

/* POST /jobs/:id/huy */
void
page_job_cancel(struct req *r)
{
	long long id = web_param_id(r, "id");
	enum ts_err e = id ? job_cancel(r->app, &r->sess.who, id, &r->diags)
			   : TS_ENOTFOUND;
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không hủy được việc xuất tệp.");
		return;
	}
	web_redirect(r, "/jobs/%lld", id);
}

static void
job_row(struct req *r, const struct export_job *j)
{
	struct buf *b = &r->body;
	char href[32], t[TS_TIME_SIZE + 16];
	snprintf(href, sizeof(href), "/jobs/%lld", (long long)j->id);
	buf_puts(b, "<tr><td>");
	h_open(b, "a", "href", href, NULL);
	file_label(b, j->file);
	buf_puts(b, "</a></td>");
	h_elem(b, "td", unit_label(r, j->unit_code), NULL);
	h_elem(b, "td", job_state_name(j->state), NULL);
	buf_puts(b, "<td>");
	bar(b, j);
	buf_puts(b, "</td>");
	h_elem(b, "td", ts_time_vn_text(j->created_at, t), NULL);
	buf_puts(b, "</tr>");
}

void
page_jobs(struct req *r)
{
	struct export_job *v = NULL;
	size_t n = 0;
	enum ts_err e = job_list(r->app, &r->sess.who, JOBS_LISTED, r->a, &v,
				 &n, &r->diags);
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  "Không đọc được việc xuất tệp.");
		return;
	}
	struct buf *b = &r->body;
	page_begin(r, "Việc xuất tệp của tôi");
	if (n == 0) {
		h_elem(b, "p",
		       "Chưa có việc xuất tệp nào. Tệp lớn (nhiều đơn vị) "
		       "được tạo ở chế độ nền từ trang báo cáo, nút «Tạo "
		       "tệp».",
		       NULL);
		page_end(r);
		return;
	}
	buf_puts(b, "<div class=\"scroll\"><table class=\"jobs\"><thead><tr>"
		    "<th>Tệp</th><th>Đơn vị</th><th>Trạng thái</th>"
		    "<th>Tiến độ</th><th>Yêu cầu lúc</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		job_row(r, &v[i]);
	buf_puts(b, "</tbody></table></div>");
	page_end(r);
}
