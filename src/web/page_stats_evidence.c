/* Evidence on a statistics report (issue 15): the CĐS form's evidence
 * (evidence.c, the same limits and policy) keyed by indicator code, shown
 * beside each value, attached and removed from the answers form. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "stats_web.h"
#include "submission_view.h"

/* A button of the answers form that posts everything typed (multipart,
 * so a chosen file goes too) to the evidence route. A button's type is
 * submit by default, and the form has novalidate (page_stats.c). Its
 * name is aria (aria-label), or the texts of the ids in by
 * (aria-labelledby). */
static void
button(struct req *r, const struct ps_view *v, const char *name,
       const char *value, const char *label, const char *aria, const char *by)
{
	h_open(&r->body, "button", "name", name, "value", value, "formaction",
	       arena_printf(r->a, "%s/evidence", v->base), "formenctype",
	       "multipart/form-data", "class", "secondary", "aria-label", aria,
	       "aria-labelledby", by, NULL);
	h_text(&r->body, label);
	h_close(&r->body, "button");
}

/* The words that name the three controls and their buttons, once per
 * page: each control is named by one of them and the indicator's label
 * (aria-labelledby "evn-file l-CODE" reads "Tệp minh chứng chỉ số: Tổng
 * số cán bộ, giáo viên"), instead of repeating the label in six
 * aria-label attributes of every indicator (a quarter of the page). */
void
ps_evidence_names(struct req *r, const struct ps_view *v)
{
	if (!v->can_edit)
		return;
	buf_puts(&r->body,
		 "<p hidden><span id=\"evn-file\">Tệp minh chứng chỉ số:</span>"
		 "<span id=\"evn-link\">Đường link minh chứng chỉ số:</span>"
		 "<span id=\"evn-fact\">Dữ kiện minh chứng chỉ số:</span>"
		 "<span id=\"evb-file\">Gắn tệp cho chỉ số:</span>"
		 "<span id=\"evb-link\">Gắn đường link cho chỉ số:</span>"
		 "<span id=\"evb-fact\">Ghi dữ kiện cho chỉ số:</span></p>");
}

/* The evidence step of this post failed at this indicator and kind. */
static const char *
failed_at(const struct ps_view *v, const char *code, const char *kind)
{
	const struct sv_evidence *ev = v->evidence;
	return ev && ev->e != TS_OK && strcmp(ev->crit, code) == 0 &&
			       strcmp(ev->kind, kind) == 0
		       ? ev->message
		       : NULL;
}

/* One control (file, link or fact) and its button; the refusal of the
 * last attempt at it under it. */
static void
control(struct req *r, const struct ps_view *v, const struct indicator *it,
	const char *kind, const char *act)
{
	struct buf *b = &r->body;
	const char *why = failed_at(v, it->code, kind);
	bool file = strcmp(kind, "file") == 0, link = strcmp(kind, "link") == 0;
	const char *name = arena_printf(r->a, "%s:%s", kind, it->code);
	const char *err = arena_printf(r->a, "ev-e-%s-%s", kind, it->code);
	buf_puts(b, "<p class=\"evidence-add\">");
	h_open(b, "input", "type", file ? "file" : "text", "name", name, "id",
	       arena_printf(r->a, "ev-%s-%s", kind, it->code),
	       "aria-labelledby",
	       arena_printf(r->a, "evn-%s l-%s", kind, it->code), "maxlength",
	       file ? NULL : "500", "inputmode", link ? "url" : NULL,
	       "placeholder",
	       link   ? "https://..."
	       : file ? NULL
		      : "Ví dụ: Quyết định số 12/QĐ-THCS",
	       "value", why && !file ? kv_get(&r->form, name) : NULL,
	       "aria-invalid", why ? "true" : NULL, "aria-describedby",
	       why ? err : NULL, NULL);
	button(r, v, "attach", name, act, NULL,
	       arena_printf(r->a, "evb-%s l-%s", kind, it->code));
	buf_puts(b, "</p>");
	if (why)
		h_elem(b, "p",
		       arena_printf(r->a, "Chưa gắn được minh chứng: %s", why),
		       "class", "field-error", "id", err, "role", "alert",
		       NULL);
}

/* The indicator's evidence, each with "Gỡ" for the school. */
static void
lines(struct req *r, const struct ps_view *v, const struct indicator *it)
{
	struct buf *b = &r->body;
	for (size_t i = 0; i < v->nev; i++) {
		const struct evidence_item *e = &v->ev[i];
		if (strcmp(e->criterion_id, it->code) != 0)
			continue;
		buf_puts(b, "<p class=\"muted evidence\">");
		sv_evidence_line(b, e);
		if (v->can_edit) {
			buf_puts(b, " ");
			button(r, v, "remove",
			       arena_printf(r->a, "%lld:%s", (long long)e->id,
					    it->code),
			       "Gỡ",
			       arena_printf(r->a,
					    "Gỡ minh chứng %s ở chỉ số: %s",
					    e->name, it->label),
			       NULL);
		}
		buf_puts(b, "</p>");
	}
}

void
ps_evidence_block(struct req *r, const struct ps_view *v,
		  const struct indicator *it)
{
	const struct sv_evidence *ev = v->evidence;
	if (ev && ev->e == TS_OK && strcmp(ev->crit, it->code) == 0)
		h_elem(&r->body, "p", ev->message, "class", "notice", "role",
		       "status", NULL);
	lines(r, v, it);
	if (!v->can_edit)
		return;
	const char *why = failed_at(v, it->code, "remove");
	if (why)
		h_elem(&r->body, "p",
		       arena_printf(r->a, "Chưa gỡ được minh chứng: %s", why),
		       "class", "field-error", "role", "alert", NULL);
	buf_puts(&r->body, "<details class=\"evidence-new\"");
	buf_puts(&r->body, failed_at(v, it->code, "file") ||
					   failed_at(v, it->code, "link") ||
					   failed_at(v, it->code, "fact")
				   ? " open>"
				   : ">");
	buf_puts(&r->body, "<summary>Gắn minh chứng</summary>");
	control(r, v, it, "file", "Gắn tệp");
	control(r, v, it, "link", "Gắn đường link");
	control(r, v, it, "fact", "Ghi dữ kiện");
	buf_puts(&r->body, "</details>");
}

void
ps_evidence_alert(struct req *r, const struct ps_view *v)
{
	const struct sv_evidence *ev = v->evidence;
	if (ev == NULL || ev->e == TS_OK ||
	    ind_find(v->sv.info.set, ev->crit) != NULL)
		return;
	h_elem(&r->body, "p",
	       arena_printf(r->a, "Chưa gắn được minh chứng: %s", ev->message),
	       "class", "errors", "role", "alert", NULL);
}

/* Saves what the form carries (the answers, when the post has them) as
 * "Lưu bản nháp" would; false when it re-showed the form instead. */
static bool
save_typed(struct req *r, int64_t base)
{
	struct ps_view v;
	size_t nbad = 0;
	enum ts_err e = ps_load(r, &v);
	const char **errors = e == TS_OK
				      ? arena_calloc(r->a, v.sv.info.set->n + 1,
						     sizeof(*errors))
				      : NULL;
	char *json = errors ? ps_form_values(r, &v, errors, &nbad) : NULL;
	if (e == TS_OK && v.can_edit)
		e = json ? stats_save(r->app, &r->sess.who,
				      v.sv.sub.campaign.id, v.sv.sub.unit.code,
				      json, base < 0 ? SUB_REV_UNKNOWN : base,
				      &r->diags)
			 : TS_ENOMEM;
	ps_unload(&v);
	if (e == TS_OK && nbad == 0)
		return true;
	ps_reshow(r, e, errors, base, true, NULL);
	return false;
}

/* The form has the statistics answers (not only an evidence step). */
static bool
has_values(const struct req *r)
{
	for (size_t i = 0; i < r->form.n; i++)
		if (strncmp(r->form.v[i].key, "v:", 2) == 0 ||
		    strncmp(r->form.v[i].key, "n:", 2) == 0)
			return true;
	return false;
}

void
ps_evidence(struct req *r)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	struct sv_evidence ev = { 0 };
	int64_t base;
	if (!sv_form_rev(r, &base) || (has_values(r) && !save_typed(r, base)))
		return;
	sv_evidence_step(r, id, code, &ev);
	bool removed = strcmp(ev.kind, "remove") == 0;
	if (ev.e == TS_EFORBIDDEN || ev.e == TS_ENOTFOUND) {
		web_error(r, web_status_for(ev.e), ev.message);
		return;
	}
	if (ev.e != TS_OK) {
		ps_reshow(r, ev.e, NULL, base, has_values(r), &ev);
		r->status = web_evidence_status(ev.e); /* 413: too big */
		return;
	}
	struct buf to;
	buf_init(&to, 1024);
	buf_printf(&to, "/campaigns/%lld/units/", id);
	url_escape(&to, code ? code : "");
	buf_printf(&to, "?ok=%s&at=", removed ? "unlinked" : "evidence");
	url_escape(&to, ev.crit);
	buf_puts(&to, "#c-");
	url_escape(&to, ev.crit);
	web_redirect(r, "%s", buf_str(&to));
	buf_release(&to);
}
