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

enum ts_err
web_evidence_add(struct req *r, long long id, const char *code,
		 const struct evidence_in *in, struct evidence_added *ev)
{
	const char *crit = in->criterion ? in->criterion : "";
	struct submission s;
	/* Who may attach is decided before what was sent is looked at. */
	enum ts_err e = sub_open(r->app, &r->sess.who, id, code, ACT_SAVE, r->a,
				 &s, &r->diags);
	if (e != TS_OK)
		return e;
	if (in->link != NULL || in->fact != NULL)
		return evidence_add_text(r->app, &r->sess.who, id, code, crit,
					 in->link ? EVIDENCE_LINK : EVIDENCE_FACT,
					 in->link ? in->link : in->fact, ev,
					 &r->diags);
	if (r->upload_too_big) {
		diags_add(&r->diags, "", "tệp quá lớn (tối đa %zu MB)",
			  UPLOAD_LIMIT >> 20);
		return TS_ELIMIT;
	}
	if (r->upload_files != 1 || r->upload_path == NULL) {
		diags_add(&r->diags, "", "hãy chọn đúng một tệp minh chứng");
		return TS_EINVAL;
	}
	return evidence_add(r->app, &r->sess.who, id, code, crit,
			    r->upload_path, r->upload_name, ev, &r->diags);
}

int
web_evidence_status(enum ts_err e)
{
	return e == TS_ELIMIT ? 413 : web_status_for(e);
}

void
page_evidence_upload(struct req *r)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	struct evidence_added ev;
	struct buf back;
	buf_init(&back, 1024);
	buf_printf(&back, "/campaigns/%lld/units/", id);
	url_escape(&back, code ? code : "");
	struct evidence_in in = { .criterion = kv_get(&r->form, "criterion"),
				  .link = kv_get(&r->form, "link"),
				  .fact = kv_get(&r->form, "fact") };
	enum ts_err e = web_evidence_add(r, id, code, &in, &ev);
	if (e == TS_OK) {
		web_redirect(r, "%s?ok=evidence", buf_str(&back));
	} else {
		r->status = web_evidence_status(e);
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

enum ts_err
web_evidence_send(struct req *r)
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
		return e == TS_OK ? TS_ENOTFOUND : e;
	}
	r->send_fd = fd;
	r->send_size = (uint64_t)st.st_size;
	r->content_type = mime;
	r->cache = "private, no-store";
	disposition(r, name);
	return TS_OK;
}

void
page_evidence_get(struct req *r)
{
	enum ts_err e = web_evidence_send(r);
	if (e != TS_OK)
		web_error(r, web_status_for(e), "Không có minh chứng này trong "
			  "phạm vi của tài khoản.");
}
