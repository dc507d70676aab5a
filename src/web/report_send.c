/* Building a document on request and streaming it. Documents take a few
 * milliseconds to build, so this runs on the request thread; the file is
 * written to a private temp file that is unlinked as soon as it is open,
 * so nothing is left behind whatever happens to the connection. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../app/report.h"
#include "../report/chart.h"
#include "../util/arena.h"
#include "../util/tmpfile.h"
#include "jobs_web.h"
#include "report_web.h"

static const char *
split_file(struct req *r, const char *file, const char **ext)
{
	const char *dot = file ? strrchr(file, '.') : NULL;
	if (dot == NULL || dot == file)
		return NULL;
	*ext = dot + 1;
	return arena_strndup(r->a, file, (size_t)(dot - file));
}

/* Chart n (1-based, in document order) as SVG for the pages. */
static int
send_chart(struct req *r, struct rp_doc *doc, long n, const char **msg)
{
	for (size_t k = 0; k < doc->nsections; k++) {
		const struct rp_section *s = doc->sections[k];
		for (size_t i = 0; i < s->nblocks; i++) {
			if (s->blocks[i].kind != RP_B_CHART || --n > 0)
				continue;
			buf_reset(&r->body);
			if (rp_chart_svg(s->blocks[i].chart, &r->body) !=
			    TS_OK) {
				*msg = "Không vẽ được biểu đồ.";
				return 500;
			}
			r->content_type = "image/svg+xml";
			r->cache = "private, no-store";
			return 200;
		}
	}
	*msg = "Không có biểu đồ này.";
	return 404;
}

/* The unit's main document: its school report, or Phụ lục 3. */
static enum ts_err
chart_kind(struct req *r, const struct report_kind_info **k)
{
	struct report_target t;
	enum ts_err e = report_target_open(
		r->app, &r->sess.who, web_param_id(r, "id"),
		kv_get(&r->params, "code"), r->a, &t, &r->diags);
	*k = e == TS_OK && t.nkinds ? t.kinds[0] : NULL;
	return e;
}

/* The file written at path (then unlinked) as the answer, named
 * stem.ext (ASCII letters, digits and '-'); e is how writing went. */
static int
send_path(struct req *r, const char *path, enum ts_err e, const char *err,
	  enum rp_format f, const char *stem, const char **msg)
{
	int fd = e == TS_OK ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	unlink(path);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		*msg = err[0] ? arena_strdup(r->a, err)
			      : "Không tạo được tệp báo cáo.";
		return e == TS_ECANCELED ? 499 : 500;
	}
	r->send_fd = fd;
	r->send_size = (uint64_t)st.st_size;
	r->content_type = rp_format_mime(f);
	r->cache = "private, no-store";
	snprintf(r->disposition, sizeof(r->disposition),
		 "attachment; filename=\"%s.%s\"", stem, rp_format_ext(f));
	return 200;
}

/* A private temp file's name in path; false with *msg when none. */
static bool
temp_path(char path[4096], const char **msg)
{
	int fd = ts_mkstemp(path, 4096, "report");
	if (fd < 0) {
		*msg = "Không tạo được tệp tạm để xuất báo cáo.";
		return false;
	}
	close(fd);
	return true;
}

static int
send_file(struct req *r, struct rp_doc *doc, enum rp_format f, const char **msg)
{
	char path[4096];
	char err[512] = "";
	if (!temp_path(path, msg))
		return 500;
	enum ts_err e = rp_write(doc, f, path, err, sizeof(err));
	/* doc->filename is ASCII letters, digits and '-' (rb_filename). */
	return send_path(r, path, e, err, f,
			 doc->filename ? doc->filename : "bao-cao", msg);
}

/* ket-qua.xlsx: every unit's results, streamed (results_export). */
static int
send_results(struct req *r, const struct report_opts *o, const char **msg)
{
	char path[4096];
	size_t rows = 0;
	if (!temp_path(path, msg))
		return 500;
	enum ts_err e = results_export(
		r->app, &r->sess.who, web_param_id(r, "id"),
		kv_get(&r->params, "code"), o, path, &rows, &r->diags);
	if (e != TS_OK && e != TS_EIO && e != TS_ECANCELED) {
		unlink(path);
		*msg = e == TS_EINVAL && r->diags.n
			       ? r->diags.v[0].msg
			       : "Không có báo cáo này trong phạm vi của tài khoản.";
		return web_status_for(e);
	}
	return send_path(r, path, e, "", RP_XLSX, "ket-qua", msg);
}

/* "bieu-do-2.svg": the second chart of the unit's main document.
 * Returns the chart's number, 0 when the file is no chart. */
static long
chart_number(const char *stem, const char *ext)
{
	if (stem == NULL || strncmp(stem, "bieu-do-", 8) != 0)
		return 0;
	char *end = NULL;
	long n = strtol(stem + 8, &end, 10);
	bool chart = n >= 1 && n <= 64 && *end == '\0' &&
		     strcmp(ext, "svg") == 0;
	return chart ? n : 0;
}

/* The document options of the query (?submitted, ?csv=vn|intl); false
 * with *msg set for a CSV dialect it does not know. */
static bool
query_opts(struct req *r, struct report_opts *o, const char **msg)
{
	*o = (struct report_opts){
		.include_submitted = kv_get(&r->query, "submitted") != NULL,
	};
	const char *dialect = kv_get(&r->query, "csv");
	if (dialect && !rp_csv_dialect_parse(dialect, &o->csv_dialect)) {
		*msg = "Tham số csv phải là vn (dấu ; giữa các cột, dấu phẩy "
		       "thập phân) hoặc intl (dấu phẩy giữa các cột, dấu "
		       "chấm thập phân).";
		return false;
	}
	return true;
}

/* Builds kind k's document and sends chart n (n > 0) or the file. */
static int
build_send(struct req *r, const struct report_kind_info *k,
	   const struct report_opts *o, long n, enum rp_format f,
	   const char **msg)
{
	struct rp_doc *doc = NULL;
	enum ts_err e = report_build(
		r->app, &r->sess.who, k, web_param_id(r, "id"),
		kv_get(&r->params, "code"), o, r->a, &doc, &r->diags);
	if (e != TS_OK) {
		*msg = e == TS_EFORBIDDEN || e == TS_ENOTFOUND
			       ? "Không có báo cáo này trong phạm vi của tài khoản."
		       : e == TS_ECANCELED
			       ? "Đã dừng lập báo cáo vì trình duyệt đã đóng kết nối."
			       : "Không lập được báo cáo.";
		return web_status_for(e);
	}
	return n > 0 ? send_chart(r, doc, n, msg) : send_file(r, doc, f, msg);
}

/* A listing or results export of more units than a request thread may
 * build (jobs_web.h): refused with the way to have it built. */
static bool
too_large(struct req *r, long long id, bool listing, const char **msg)
{
	int64_t units = 0;
	if (!listing || !jobs_large(r, id, kv_get(&r->params, "code"), &units))
		return false;
	char m[400];
	snprintf(m, sizeof(m),
		 "Tệp này gồm %lld đơn vị, quá lớn để tạo ngay khi tải: "
		 "hãy bấm «Tạo tệp» trên trang báo cáo, tệp được tạo ở chế "
		 "độ nền và có nút tải về khi xong.",
		 (long long)units);
	*msg = arena_strdup(r->a, m);
	return true;
}

int
report_send(struct req *r, const char **msg)
{
	long long id = web_param_id(r, "id");
	const char *ext = NULL;
	const char *stem = split_file(r, kv_get(&r->params, "file"), &ext);
	long n = chart_number(stem, ext);
	bool chart = n != 0;
	bool results = stem && strcmp(stem, "ket-qua") == 0 &&
		       strcmp(ext, "xlsx") == 0;
	const struct report_kind_info *k = chart ? NULL
						 : report_kind_find(stem);
	enum ts_err e = chart ? chart_kind(r, &k) : TS_OK;
	enum rp_format f = RP_PDF;
	*msg = "Không có báo cáo này.";
	if (e != TS_OK) {
		*msg = "Không có báo cáo này trong phạm vi của tài khoản.";
		return web_status_for(e);
	}
	if (id == 0 ||
	    (!results && (k == NULL || (!chart && !rp_format_parse(ext, &f)))))
		return 404;
	struct report_opts o;
	if (!query_opts(r, &o, msg))
		return 400;
	if (too_large(r, id, results || k->kind == RK_LISTING, msg))
		return 409;
	/* A client that closed the connection gets nothing: stop building
	 * (asked before the build, every 64 rows and PDF table bands). */
	struct ts_cancel gone = { .gone = web_client_gone,
				  .arg = r,
				  .every = 64 };
	o.cancel = &gone;
	if (results)
		return send_results(r, &o, msg);
	return build_send(r, k, &o, chart ? n : 0, f, msg);
}

void
page_report_get(struct req *r)
{
	const char *msg = NULL;
	int status = report_send(r, &msg);
	if (status != 200)
		web_error(r, status, msg);
}
