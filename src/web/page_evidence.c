/* Evidence: upload to a criterion (multipart) and download. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdlib.h>

#include "../app/evidence.h"
#include "../app/submission.h"
#include "../util/arena.h"
#include "stats_web.h"
#include "submission_view.h"

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
		return evidence_add_text(
			r->app, &r->sess.who, id, code, crit,
			in->link ? EVIDENCE_LINK : EVIDENCE_FACT,
			in->link ? in->link : in->fact, ev, &r->diags);
	if (r->upload_too_big) {
		diags_add(&r->diags, "", "tệp quá lớn (" EVIDENCE_ACCEPTS ")");
		return TS_ELIMIT;
	}
	if (r->upload_files > 1) {
		diags_add(&r->diags, "",
			  "chỉ gắn được một tệp mỗi lần: gắn "
			  "lần lượt từng tệp");
		return TS_EINVAL;
	}
	if (r->upload_path == NULL ||
	    (in->file_field && strcmp(in->file_field, r->upload_field) != 0)) {
		diags_add(&r->diags, "",
			  "hãy chọn một tệp (" EVIDENCE_ACCEPTS ")");
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

/* attach=KIND:CRITERION, colon at its ':': the text from the field of
 * that name, or the file from the input of that name. */
static void
read_attach(struct req *r, struct sv_evidence *ev, struct evidence_in *in,
	    const char *attach, const char *colon)
{
	ev->kind = arena_strndup(r->a, attach, (size_t)(colon - attach));
	ev->crit = colon + 1;
	in->link = strcmp(ev->kind, "link") == 0 ? kv_get(&r->form, attach)
						 : NULL;
	in->fact = strcmp(ev->kind, "fact") == 0 ? kv_get(&r->form, attach)
						 : NULL;
	if (strcmp(ev->kind, "file") == 0)
		in->file_field = attach;
	else if (in->link == NULL && in->fact == NULL)
		in->fact = ""; /* refused as empty, at its box */
}

/* An older form or a script: criterion with link, fact or a file. */
static void
read_plain(struct req *r, struct sv_evidence *ev, struct evidence_in *in)
{
	in->link = kv_get(&r->form, "link");
	in->fact = kv_get(&r->form, "fact");
	ev->crit = kv_get(&r->form, "criterion");
	ev->kind = in->link ? "link" : in->fact ? "fact" : "file";
}

/* What a post asks of the evidence route: the answers form's buttons
 * say attach=KIND:CRITERION (the text from KIND:CRITERION, the file from
 * that input) or remove=ID:CRITERION; an older form or a script sends
 * criterion with link, fact or a file. */
static void
read_step(struct req *r, struct sv_evidence *ev, struct evidence_in *in,
	  int64_t *remove_id)
{
	const char *attach = kv_get(&r->form, "attach");
	const char *remove = kv_get(&r->form, "remove");
	const char *colon = NULL;
	memset(in, 0, sizeof(*in));
	*remove_id = 0;
	if (remove != NULL && (colon = strchr(remove, ':')) != NULL) {
		ev->kind = "remove";
		ev->crit = colon + 1;
		*remove_id = strtoll(remove, NULL, 10);
	} else if (attach != NULL && (colon = strchr(attach, ':')) != NULL) {
		read_attach(r, ev, in, attach, colon);
	} else {
		read_plain(r, ev, in);
	}
	if (ev->crit == NULL)
		ev->crit = "";
	in->criterion = ev->crit;
}

/* A problem as the page says it: with where it is when that is a field
 * ("đường link: ..."), never a file path, the unit or the criterion the
 * message already sits at. */
static const char *
problem_text(struct req *r, const struct diag *p, const char *unit,
	     const char *crit)
{
	const char *w = p->where;
	if (w == NULL || w[0] == '\0' || strchr(w, '/') ||
	    strcmp(w, crit) == 0 || (unit && strcmp(w, unit) == 0))
		return arena_strdup(r->a, p->msg);
	struct buf t;
	buf_init(&t, 4096);
	buf_printf(&t, "%s: %s", w, p->msg);
	const char *s = arena_strdup(r->a, buf_str(&t));
	buf_release(&t);
	return s;
}

/* The evidence step alone, its problems kept apart from the page's. */
static void
run_step(struct req *r, long long id, const char *code, struct sv_evidence *ev)
{
	struct evidence_in in;
	struct evidence_added added;
	int64_t rm;
	struct diags keep = r->diags;
	diags_init(&r->diags);
	read_step(r, ev, &in, &rm);
	if (strcmp(ev->kind, "remove") == 0)
		ev->e = evidence_remove(r->app, &r->sess.who, id, code, rm,
					ev->crit, &r->diags);
	else
		ev->e = web_evidence_add(r, id, code, &in, &added);
	ev->message =
		ev->e == TS_OK
			? sv_evidence_done(r, strcmp(ev->kind, "remove") == 0,
					   ev->crit)
		: r->diags.n ? problem_text(r, &r->diags.v[0], code, ev->crit)
			     : "lỗi máy chủ, hãy thử lại";
	if (ev->e != TS_OK && strcmp(ev->kind, "file") == 0 && r->upload_name &&
	    r->upload_path) {
		/* which file, by the name the user chose it by */
		struct buf t;
		buf_init(&t, 4096);
		buf_printf(&t, "tệp “%s” — %s", r->upload_name, ev->message);
		ev->message = arena_strdup(r->a, buf_str(&t));
		buf_release(&t);
	}
	diags_release(&r->diags);
	r->diags = keep;
}

void
sv_evidence_step(struct req *r, long long id, const char *code,
		 struct sv_evidence *ev)
{
	run_step(r, id, code, ev);
}

/* The post carries the answers form (its fields are there), not only an
 * evidence step. */
static bool
has_answers(const struct req *r)
{
	for (size_t i = 0; i < r->form.n; i++)
		if (strncmp(r->form.v[i].key, "v:", 2) == 0 ||
		    strncmp(r->form.v[i].key, "n:", 2) == 0)
			return true;
	return false;
}

/*
 * Attach or remove evidence from the answers form, without JavaScript:
 * the post carries every answer typed, saved first exactly as "Lưu bản
 * nháp" would (merged against the revision the page showed, refused
 * fields kept on screen), then the evidence step. All well: back to the
 * criterion (#c-ID); otherwise the page again with the answers as typed
 * and the evidence problem at its criterion.
 */
static void
evidence_upload(struct req *r)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	struct sv_saved sv;
	struct sv_evidence ev = { 0 };
	int64_t base;
	bool whole = true, form = has_answers(r);
	memset(&sv, 0, sizeof(sv));
	if (!sv_form_rev(r, &base))
		return;
	if (form)
		whole = sv_save_posted(r, base, &sv);
	if (sv.e != TS_OK && !(sv.e == TS_ESTALE && sv.m.nconflicts > 0)) {
		sv_reshow(r, &sv, NULL); /* not allowed, or not editable */
		return;
	}
	run_step(r, id, code, &ev);
	if (ev.e == TS_EFORBIDDEN || ev.e == TS_ENOTFOUND) {
		web_error(r, web_status_for(ev.e), ev.message);
		return;
	}
	if (whole && ev.e == TS_OK) {
		struct buf to;
		buf_init(&to, 1024);
		buf_printf(&to, "/campaigns/%lld/units/", id);
		url_escape(&to, code ? code : "");
		buf_printf(&to, "?ok=%s&at=",
			   strcmp(ev.kind, "remove") == 0 ? "unlinked"
							  : "evidence");
		url_escape(&to, ev.crit);
		buf_puts(&to, "#c-");
		url_escape(&to, ev.crit);
		web_redirect(r, "%s", buf_str(&to));
		buf_release(&to);
		return;
	}
	if (ev.e == TS_OK)
		r->notice = strcmp(ev.kind, "remove") == 0
				    ? "Đã gỡ minh chứng."
				    : "Đã gắn minh chứng.";
	sv_reshow(r, &sv, &ev);
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
	enum ts_err e = id ? evidence_open(r->app, &r->sess.who, id, r->a,
					   &path, &name, &mime)
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
		web_error(r, web_status_for(e),
			  "Không có minh chứng này trong "
			  "phạm vi của tài khoản.");
}

void
page_evidence_upload(struct req *r)
{
	/* A statistics report's evidence goes to its indicators. */
	if (ps_is_stats(r))
		ps_evidence(r);
	else
		evidence_upload(r);
}
