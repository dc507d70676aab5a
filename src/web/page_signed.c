/* The signed copy of a school's report: its card on the report page
 * (who sent it, when, its SHA-256), the upload (multipart, PDF only) and
 * the download. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../app/signed_copy.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "report_web.h"
#include "web.h"

static void
status_text(struct req *r, const struct signed_copy *sc)
{
	struct buf *b = &r->body;
	char at[TS_TIME_SIZE];
	if (sc->id == 0) {
		h_elem(b, "p",
		       "Chưa có bản đã ký. Sau khi nộp, in báo cáo, "
		       "ký, đóng dấu rồi quét thành tệp PDF và tải lên đây: "
		       "đó là bản chính thức của đơn vị.",
		       NULL);
		return;
	}
	struct buf href;
	buf_init(&href, 1024);
	report_base_href(r, &href);
	buf_puts(&href, "/ban-da-ky.pdf");
	buf_puts(b, "<p>");
	h_textf(b, "Bản chính thức: %s (%lld byte), %s tải lên lúc %s. ",
		sc->name, (long long)sc->size, sc->uploaded_by,
		ts_time_vn_text(sc->at, at));
	h_link(b, buf_str(&href), "Tải bản đã ký");
	buf_puts(b, "</p><p class=\"muted\">");
	h_text(b, "Mã SHA-256 của tệp (để đối chiếu về sau): ");
	h_elem(b, "span", sc->sha256, "class", "hash", NULL);
	buf_puts(b, "</p>");
	buf_release(&href);
}

static void
upload_form(struct req *r)
{
	struct buf *b = &r->body, action;
	buf_init(&action, 1024);
	report_base_href(r, &action);
	buf_puts(&action, "/ban-da-ky");
	h_open(b, "form", "method", "post", "action", buf_str(&action),
	       "enctype", "multipart/form-data", NULL);
	h_csrf(r);
	buf_puts(b, "<label for=\"signed-file\">Tệp PDF bản đã ký</label>");
	h_open(b, "input", "id", "signed-file", "name", "file", "type", "file",
	       "accept", "application/pdf,.pdf", "required", "", NULL);
	h_elem(b, "p",
	       SIGNED_ACCEPTS "; tải lại thì bản mới thay bản cũ làm "
			      "bản chính thức (bản cũ vẫn được lưu).",
	       "class", "muted", NULL);
	buf_puts(b, "<p><button type=\"submit\">Tải bản đã ký lên</button>"
		    "</p></form>");
	buf_release(&action);
}

void
report_signed_card(struct req *r, bool can_edit)
{
	struct signed_copy sc;
	struct diags d;
	diags_init(&d);
	enum ts_err e = signed_copy_get(
		r->app, &r->sess.who, web_param_id(r, "id"),
		kv_get(&r->params, "code"), r->a, &sc, NULL, &d);
	diags_release(&d);
	if (e != TS_OK)
		return;
	buf_puts(&r->body, "<section class=\"card\" id=\"ban-da-ky\"><h2>Bản "
			   "đã ký, đóng dấu</h2>");
	status_text(r, &sc);
	if (can_edit)
		upload_form(r);
	buf_puts(&r->body, "</section>");
}

static int
upload_status(enum ts_err e)
{
	return e == TS_ELIMIT ? 413 : web_status_for(e);
}

void
page_signed_upload(struct req *r)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	struct signed_copy sc;
	/* Who may upload is decided before what was sent is looked at. */
	enum ts_err e = signed_copy_may_put(r->app, &r->sess.who, id, code,
					    &r->diags);
	if (e != TS_OK) {
		/* refused below */
	} else if (r->upload_too_big) {
		diags_add(&r->diags, "", "tệp quá lớn (" SIGNED_ACCEPTS ")");
		e = TS_ELIMIT;
	} else if (r->upload_files != 1 || r->upload_path == NULL) {
		diags_add(&r->diags, "",
			  "hãy chọn đúng một tệp (" SIGNED_ACCEPTS ")");
		e = TS_EINVAL;
	} else {
		e = signed_copy_put(r->app, &r->sess.who, id, code,
				    r->upload_path, r->upload_name, &sc,
				    &r->diags);
	}
	if (e != TS_OK) {
		web_error(r, upload_status(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không lưu được bản đã ký.");
		return;
	}
	struct buf to;
	buf_init(&to, 1024);
	report_base_href(r, &to);
	buf_puts(&to, "?ok=signed#ban-da-ky");
	web_redirect(r, "%s", buf_str(&to));
	buf_release(&to);
}

void
page_signed_get(struct req *r)
{
	struct signed_copy sc;
	char *path = NULL;
	enum ts_err e = signed_copy_get(
		r->app, &r->sess.who, web_param_id(r, "id"),
		kv_get(&r->params, "code"), r->a, &sc, &path, &r->diags);
	int fd = e == TS_OK && path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	struct stat st;
	free(path);
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		web_error(r, e == TS_OK ? 404 : web_status_for(e),
			  "Không có bản "
			  "đã ký của đơn vị này trong phạm vi của tài khoản.");
		return;
	}
	r->send_fd = fd;
	r->send_size = (uint64_t)st.st_size;
	r->content_type = "application/pdf";
	r->cache = "private, no-store";
	snprintf(r->disposition, sizeof(r->disposition),
		 "attachment; filename=\"ban-da-ky-dot%lld.pdf\"",
		 web_param_id(r, "id"));
}
