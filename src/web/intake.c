#include "intake.h"

#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/tmpfile.h"
#include "router.h"

/* Uploads being received at once; more are answered 503. */
#define UPLOADS_MAX 8
static atomic_int UPLOADS;

/* A chunk of the one file: checked against the form's _csrf (which came
 * before it) and written to the temp file, within UPLOAD_LIMIT. */
static enum MHD_Result
file_part(struct conn *k, const char *key, const char *filename,
	  const char *data, uint64_t off, size_t size)
{
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
		snprintf(k->file_field, sizeof(k->file_field), "%s", key);
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

/* A chunk of an ordinary field, re-encoded into k->body; the _csrf
 * field's value is kept too, to check a file that follows. */
static void
field_part(struct conn *k, const char *key, const char *data, uint64_t off,
	   size_t size)
{
	if (strcmp(key, "_csrf") == 0) {
		size_t have = strlen(k->csrf_given);
		if (have + size < sizeof(k->csrf_given))
			memcpy(k->csrf_given + have, data, size),
				k->csrf_given[have + size] = '\0';
	}
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
		field_part(k, key, data, off, size);
		return MHD_YES;
	}
	/* A file input left empty (a browser sends every one of a form,
	 * with no name): no file. */
	if (filename[0] == '\0')
		return MHD_YES;
	return file_part(k, key, filename, data, off, size);
}

bool
intake_is_multipart(struct MHD_Connection *c)
{
	const char *ct = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	return ct != NULL && strncmp(ct, "multipart/form-data", 19) == 0;
}

/* A request refused before its body is read (MHD then closes the
 * connection rather than read it). */
enum MHD_Result
intake_refuse(struct MHD_Connection *c, const char *path, unsigned status,
	      const char *message)
{
	struct buf b;
	buf_init(&b, 4096);
	if (router_is_api(path)) {
		buf_puts(&b, "{\"error\":\"");
		buf_puts(&b, message); /* our own text: no quotes to escape */
		buf_puts(&b, "\",\"problems\":[]}");
	} else {
		buf_puts(&b,
			 "<!doctype html><html lang=\"vi\"><meta charset="
			 "\"utf-8\"><title>Không thực hiện được</title><p>");
		buf_puts(&b, message);
		buf_puts(&b,
			 "</p><p><a href=\"/\">Về trang chính</a></p></html>");
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
enum MHD_Result
intake_upload_start(struct conn *k, struct MHD_Connection *c,
		    const char *method, struct pool *pool)
{
	struct app *app = pool_take(pool);
	enum upload_check u = router_upload_check(app, c, method, k->raw_path,
						  k->csrf);
	pool_give(pool, app);
	switch (u) {
	case UPLOAD_NOT_HERE:
		return intake_refuse(c, k->raw_path, 415,
				     "Đường dẫn này không nhận tệp.");
	case UPLOAD_NO_SESSION:
		return intake_refuse(c, k->raw_path, 403,
				     "Phiên làm việc đã hết hạn. "
				     "Hãy đăng nhập lại rồi thử lại.");
	case UPLOAD_API_NO_SESSION:
		return intake_refuse(c, k->raw_path, 401,
				     "chưa đăng nhập hoặc phiên "
				     "làm việc đã hết hạn");
	case UPLOAD_API_BAD_TOKEN:
		return intake_refuse(c, k->raw_path, 403,
				     "thiếu hoặc sai X-CSRF-Token "
				     "(lấy ở GET /api/session)");
	case UPLOAD_CROSS_SITE:
		return intake_refuse(c, k->raw_path, 403,
				     "Biểu mẫu được gửi từ một "
				     "trang web khác nên bị từ chối.");
	case UPLOAD_VERIFIED:
	case UPLOAD_TOKEN_IN_BODY: break;
	}
	const char *cl = MHD_lookup_connection_value(
		c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL &&
	    strtod(cl, NULL) > (double)(UPLOAD_LIMIT + BODY_LIMIT)) {
		char msg[64];
		snprintf(msg, sizeof(msg), "Tệp quá lớn (tối đa %zu MB).",
			 UPLOAD_LIMIT >> 20);
		return intake_refuse(c, k->raw_path, 413, msg);
	}
	if (atomic_fetch_add(&UPLOADS, 1) >= UPLOADS_MAX) {
		atomic_fetch_sub(&UPLOADS, 1);
		return intake_refuse(c, k->raw_path, 503,
				     "Đang có nhiều người tải tệp "
				     "lên cùng lúc. Hãy thử lại sau ít phút.");
	}
	k->upload_slot = true;
	k->verified = u == UPLOAD_VERIFIED;
	k->pp = MHD_create_post_processor(c, 64 * 1024, on_part, k);
	return k->pp != NULL ? MHD_YES : MHD_NO;
}

void
intake_upload_done(struct conn *k)
{
	if (k->upload_slot)
		atomic_fetch_sub(&UPLOADS, 1);
	k->upload_slot = false;
}
