/* Evidence: upload to a criterion (multipart) and download. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdlib.h>

#include "../app/evidence.h"
#include "../app/submission.h"
#include "web.h"

void
page_evidence_upload(struct req *r)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	const char *crit = kv_get(&r->form, "criterion");
	struct evidence_added ev;
	struct buf back;
	enum ts_err e = TS_EINVAL;
	buf_init(&back, 1024);
	buf_printf(&back, "/campaigns/%lld/units/", id);
	url_escape(&back, code ? code : "");
	struct submission s;
	/* Who may attach is decided before what was sent is looked at. */
	enum ts_err pe = sub_open(r->app, &r->sess.who, id, code, ACT_SAVE, r->a,
				  &s, &r->diags);
	if (pe != TS_OK)
		e = pe;
	else if (r->upload_too_big)
		diags_add(&r->diags, "", "tệp quá lớn (tối đa %zu MB)",
			  UPLOAD_LIMIT >> 20);
	else if (r->upload_files != 1 || r->upload_path == NULL)
		diags_add(&r->diags, "", "hãy chọn đúng một tệp minh chứng");
	else
		e = evidence_add(r->app, &r->sess.who, id, code, crit ? crit : "",
				 r->upload_path, r->upload_name, &ev, &r->diags);
	if (e == TS_OK) {
		web_redirect(r, "%s?ok=evidence", buf_str(&back));
	} else {
		r->status = r->upload_too_big && e == TS_EINVAL
				    ? 413
				    : web_status_for(e);
		page_begin(r, "Chưa gắn được minh chứng");
		buf_puts(&r->body, "<p>");
		h_link(&r->body, buf_str(&back), "Quay lại bản tự đánh giá");
		buf_puts(&r->body, "</p>");
		page_end(r);
	}
	buf_release(&back);
}

/* RFC 6266 filename*: the UTF-8 name percent-encoded, and an ASCII
 * fallback for old browsers. */
static void
disposition(struct req *r, const char *name)
{
	struct buf enc;
	buf_init(&enc, 2048);
	url_escape(&enc, name);
	snprintf(r->disposition, sizeof(r->disposition),
		 "attachment; filename=\"minh-chung\"; filename*=UTF-8''%s",
		 buf_str(&enc));
	buf_release(&enc);
}

void
page_evidence_get(struct req *r)
{
	char *path = NULL;
	const char *name = NULL, *mime = NULL;
	long long id = web_param_id(r, "id");
	enum ts_err e = id ? evidence_open(r->app, &r->sess.who, id, r->a, &path,
					   &name, &mime)
			   : TS_ENOTFOUND;
	int fd = e == TS_OK ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	struct stat st;
	free(path);
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		web_error(r, e == TS_OK ? 404 : web_status_for(e),
			  "Không có minh chứng này trong phạm vi của tài khoản.");
		return;
	}
	r->send_fd = fd;
	r->send_size = (uint64_t)st.st_size;
	r->content_type = mime;
	r->cache = "private, no-store";
	disposition(r, name);
}
