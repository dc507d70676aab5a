/* A school's statistics form (issue 15): one control per indicator by its
 * type, the pre-filled facts with their source in the CĐS
 * self-assessment, the rule errors that block submitting, the warnings to
 * confirm, and the reviewer's reasons per indicator. The form posts,
 * autosaves and is checked live through the same app.js as the CĐS form
 * (form id "answers", fields "f-ID" with messages "e-ID"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/indicator_values.h"
#include "../util/arena.h"
#include "queue_view.h"
#include "stats_web.h"

bool
ps_is_stats(struct req *r)
{
	return campaign_is_stats(r->app, web_param_id(r, "id"));
}

const char *
ps_field_id(struct req *r, const char *kind, const struct indicator *it)
{
	return arena_printf(r->a, "%s-%s", kind, it->code);
}

static bool
allowed(const struct req *r, const struct ps_view *v, enum sub_action a)
{
	const char *why;
	return sub_allowed(&r->sess.who, &v->sv.sub, a, (int)v->sv.sub.state,
			   &why);
}

enum ts_err
ps_load(struct req *r, struct ps_view *v)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	memset(v, 0, sizeof(*v));
	v->stale_base = -1;
	enum ts_err e = stats_view_open(r->app, &r->sess.who, id, code, r->a,
					&v->sv, &r->diags);
	struct snapshot_info *snaps;
	size_t nsnaps;
	if (e == TS_OK)
		e = sub_history(r->app, &v->sv.sub, r->a, &snaps, &nsnaps,
				&v->notes, &v->nnotes);
	if (e == TS_OK)
		e = evidence_list(r->app, &r->sess.who, id, code, r->a, &v->ev,
				  &v->nev, &r->diags);
	struct buf b;
	buf_init(&b, sizeof(v->base) - 1);
	buf_printf(&b, "/campaigns/%lld/units/", id);
	url_escape(&b, code ? code : "");
	snprintf(v->base, sizeof(v->base), "%s", buf_str(&b));
	buf_release(&b);
	v->can_edit = e == TS_OK && allowed(r, v, ACT_SAVE);
	v->can_submit = e == TS_OK && allowed(r, v, ACT_SUBMIT);
	v->can_review = e == TS_OK && allowed(r, v, ACT_RETURN);
	v->can_publish = e == TS_OK && allowed(r, v, ACT_PUBLISH);
	return e;
}

void
ps_unload(struct ps_view *v)
{
	if (v->sv.info.set != NULL)
		stats_view_release(&v->sv);
	memset(&v->sv, 0, sizeof(v->sv));
}

static const struct ind_prefill_line *
prefill_of(const struct ps_view *v, const struct indicator *it)
{
	for (size_t k = 0; k < v->sv.nprefill; k++)
		if (v->sv.prefill[k].indicator == it)
			return &v->sv.prefill[k];
	return NULL;
}

/* The school entered this value itself (not laid in from the CĐS). */
static const struct ind_value *
own_value(const struct ps_view *v, const struct indicator *it)
{
	const struct ind_prefill_line *l = prefill_of(v, it);
	const struct ind_value *x = &v->sv.values->v[it->idx];
	return x->present && !(l && l->used) ? x : NULL;
}

static const char *
diag_at(const struct diags *d, const char *code)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].where && strcmp(d->v[i].where, code) == 0)
			return d->v[i].msg;
	return NULL;
}

/* The text a single-value control shows: what was typed, else the
 * school's own stored value. */
static const char *
shown(struct req *r, const struct ps_view *v, const struct indicator *it)
{
	if (v->posted != NULL)
		return kv_get(v->posted, arena_printf(r->a, "v:%s", it->code));
	const struct ind_value *x = own_value(v, it);
	char n[PTS_FMT_SIZE];
	if (x == NULL)
		return NULL;
	switch (it->type) {
	case IND_COUNT:
		return arena_printf(r->a, "%lld",
				    (long long)(x->num / PTS_ONE));
	case IND_PERCENT: return arena_strdup(r->a, pts_format_vn(x->num, n));
	case IND_YESNO: return x->yes ? "co" : "khong";
	default: return x->text;
	}
}

static void
radio(struct buf *b, const char *name, const char *value, const char *text,
      bool on, const char *id)
{
	buf_puts(b, "<label class=\"choice\">");
	h_open(b, "input", "type", "radio", "name", name, "value", value, "id",
	       id, "checked", on ? "checked" : NULL, NULL);
	h_text(b, text);
	buf_puts(b, "</label>");
}

/* Có / Không / nothing entered (or "as the self-assessment says"). */
static void
yesno_control(struct req *r, const struct ps_view *v,
	      const struct indicator *it, const char *val)
{
	struct buf *b = &r->body;
	const char *name = arena_printf(r->a, "v:%s", it->code);
	const struct ind_prefill_line *l = prefill_of(v, it);
	const char *none = "Chưa nhập";
	if (l && l->used)
		none = v->sv.values->v[it->idx].yes
			       ? "Theo tự đánh giá CĐS (Có)"
			       : "Theo tự đánh giá CĐS (Không)";
	buf_puts(b, "<div class=\"choices\">");
	radio(b, name, "co", "Có", val && strcmp(val, "co") == 0,
	      ps_field_id(r, "f", it));
	radio(b, name, "khong", "Không", val && strcmp(val, "khong") == 0,
	      NULL);
	radio(b, name, "", none, val == NULL || *val == '\0', NULL);
	buf_puts(b, "</div>");
}

static void
choice_control(struct req *r, const struct indicator *it, const char *val)
{
	struct buf *b = &r->body;
	h_open(b, "select", "name", arena_printf(r->a, "v:%s", it->code), "id",
	       ps_field_id(r, "f", it), NULL);
	h_elem(b, "option", "(chưa chọn)", "value", "", NULL);
	for (size_t i = 0; i < it->noptions; i++) {
		const struct ind_option *o = &it->options[i];
		bool on = val && strcmp(val, o->id) == 0;
		h_elem(b, "option", o->text, "value", o->id, "selected",
		       on ? "selected" : NULL, NULL);
	}
	buf_puts(b, "</select>");
}

/* One row per name, two empty ones to add more (without JavaScript). */
static void
names_control(struct req *r, const struct ps_view *v,
	      const struct indicator *it)
{
	struct buf *b = &r->body;
	const struct ind_value *x = own_value(v, it);
	size_t n = x ? x->nnames : 0;
	buf_puts(b, "<div class=\"names\">");
	for (size_t i = 0; i < n + 2 && i < IND_MAX_NAMES; i++) {
		const char *nk = arena_printf(r->a, "n:%s:%zu", it->code, i);
		const char *dk = arena_printf(r->a, "d:%s:%zu", it->code, i);
		const char *name = i < n ? x->names[i].name : NULL;
		bool dom = i < n && x->names[i].domestic;
		if (v->posted) {
			name = kv_get(v->posted, nk);
			dom = kv_get(v->posted, dk) != NULL;
		}
		buf_puts(b, "<div class=\"name-row\">");
		h_open(b, "input", "type", "text", "name", nk, "value", name,
		       "id", i == 0 ? ps_field_id(r, "f", it) : NULL,
		       "aria-label", arena_printf(r->a, "Tên thứ %zu", i + 1),
		       NULL);
		buf_puts(b, "<label class=\"choice\">");
		h_open(b, "input", "type", "checkbox", "name", dk, "value", "1",
		       "checked", dom ? "checked" : NULL, NULL);
		buf_puts(b, "Sản phẩm trong nước</label></div>");
	}
	buf_puts(b, "</div>");
}

static void
control(struct req *r, const struct ps_view *v, const struct indicator *it)
{
	struct buf *b = &r->body;
	const char *val = shown(r, v, it);
	const char *name = arena_printf(r->a, "v:%s", it->code);
	const char *id = ps_field_id(r, "f", it);
	switch (it->type) {
	case IND_YESNO: yesno_control(r, v, it, val); break;
	case IND_CHOICE: choice_control(r, it, val); break;
	case IND_NAMES: names_control(r, v, it); break;
	case IND_TEXT:
		h_elem(b, "textarea", val ? val : "", "name", name, "id", id,
		       "rows", "5", NULL);
		break;
	default:
		h_open(b, "input", "type", "text", "name", name, "id", id,
		       "value", val, "inputmode",
		       it->type == IND_COUNT ? "numeric" : "decimal", "class",
		       "num", NULL);
		h_text(b, it->type == IND_PERCENT ? " %" : " ");
		if (it->type == IND_COUNT)
			h_text(b, it->unit);
	}
}

static void
choice_text(struct buf *b, const struct indicator *it,
	    const struct ind_value *x)
{
	for (size_t i = 0; i < it->noptions; i++)
		if (strcmp(it->options[i].id, x->text) == 0)
			h_text(b, it->options[i].text);
}

static void
names_text(struct buf *b, const struct ind_value *x)
{
	for (size_t i = 0; i < x->nnames; i++)
		h_textf(b, "%s%s%s", i ? "; " : "", x->names[i].name,
			x->names[i].domestic ? " (trong nước)" : "");
}

static void
value_text(struct buf *b, const struct indicator *it, const struct ind_value *x)
{
	char n[PTS_FMT_SIZE];
	if (x == NULL || !x->present) {
		buf_puts(b, "<span class=\"muted\">(chưa nhập)</span>");
		return;
	}
	switch (it->type) {
	case IND_COUNT:
		h_textf(b, "%s %s", num_format_vn(x->num, n), it->unit);
		break;
	case IND_PERCENT: h_text(b, pts_format_pct_vn(x->num, n)); break;
	case IND_YESNO: h_text(b, x->yes ? "Có" : "Không"); break;
	case IND_TEXT: h_text(b, x->text); break;
	case IND_CHOICE: choice_text(b, it, x); break;
	case IND_NAMES: names_text(b, x); break;
	}
}

/* "Điền sẵn từ tự đánh giá CĐS, tiêu chí 1.3a: 5/6 điểm". */
static void
prefill_note(struct req *r, const struct ps_view *v, const struct indicator *it)
{
	const struct ind_prefill_line *l = prefill_of(v, it);
	char p[PTS_FMT_SIZE], m[PTS_FMT_SIZE];
	if (l == NULL)
		return;
	struct buf *b = &r->body;
	buf_puts(b, "<p class=\"source\">");
	h_textf(b, "%s tự đánh giá CĐS, tiêu chí %s: ",
		l->used ? "Điền sẵn từ" : "Theo", l->item->id);
	if (l->answered)
		h_textf(b, "%s/%s điểm", pts_format_vn(l->points, p),
			pts_format_vn(l->item->max, m));
	else
		h_text(b, "chưa trả lời");
	if (l->used)
		h_text(b, ". Chọn Có hoặc Không nếu số liệu thống kê khác.");
	buf_puts(b, "</p>");
}

/* Confirming a value far from the previous report, with its reason. */
static void
warning_box(struct req *r, const struct ps_view *v, const struct indicator *it)
{
	const char *un = diag_at(&v->sv.check.unconfirmed, it->code);
	const char *ok = diag_at(&v->sv.check.confirmed, it->code);
	const struct ind_value *x = &v->sv.values->v[it->idx];
	struct buf *b = &r->body;
	if (un == NULL && ok == NULL)
		return;
	h_elem(b, "p", un ? un : ok, "class", un ? "warning" : "confirmed",
	       NULL);
	if (!v->can_edit)
		return;
	const char *why =
		v->posted ? kv_get(v->posted,
				   arena_printf(r->a, "cr:%s", it->code))
			  : x->confirmed;
	bool on = v->posted ? kv_get(v->posted, arena_printf(r->a, "c:%s",
							     it->code)) != NULL
			    : x->confirmed != NULL;
	buf_puts(b, "<label class=\"choice\">");
	h_open(b, "input", "type", "checkbox", "name",
	       arena_printf(r->a, "c:%s", it->code), "value", "1", "checked",
	       on ? "checked" : NULL, NULL);
	buf_puts(b, "Xác nhận số liệu này là đúng</label> ");
	h_open(b, "input", "type", "text", "name",
	       arena_printf(r->a, "cr:%s", it->code), "value", why,
	       "aria-label", "Lý do (ví dụ: sáp nhập điểm trường)",
	       "placeholder", "Lý do", NULL);
}

/* The reasons of the last return for one indicator ("*": the whole). */
static void
reasons(struct buf *b, const struct ps_view *v, const char *code)
{
	if (v->sv.sub.state != ST_RETURNED)
		return;
	for (size_t i = 0; i < v->nnotes; i++)
		if (v->notes[i].version == v->sv.sub.version &&
		    strcmp(v->notes[i].criterion_id, code) == 0)
			h_elem(b, "p", v->notes[i].text, "class", "returned",
			       NULL);
}

static void
field(struct req *r, const struct ps_view *v, const struct indicator *it)
{
	struct buf *b = &r->body;
	const char *err = v->errors ? v->errors[it->idx] : NULL;
	const char *rule = diag_at(&v->sv.check.errors, it->code);
	h_open(b, "div", "class", "indicator", "id",
	       arena_printf(r->a, "c-%s", it->code), NULL);
	h_open(b, "label", "for", ps_field_id(r, "f", it), "class", "q", NULL);
	/* l-CODE: the label's words, which name the evidence controls */
	h_open(b, "span", "id", ps_field_id(r, "l", it), NULL);
	h_text(b, it->label);
	buf_puts(b, it->required
			    ? "</span> <span class=\"req\">*</span></label>"
			    : "</span></label>");
	if (it->note)
		h_elem(b, "p", it->note, "class", "hint", NULL);
	reasons(b, v, it->code);
	if (v->can_edit)
		control(r, v, it);
	else
		value_text(b, it, &v->sv.values->v[it->idx]);
	prefill_note(r, v, it);
	ps_evidence_block(r, v, it);
	h_elem(b, "p", err ? err : "", "class", "field-error errors", "id",
	       ps_field_id(r, "e", it), "hidden", err ? NULL : "hidden", NULL);
	if (rule)
		h_elem(b, "p", rule, "class", "rule-error", NULL);
	warning_box(r, v, it);
	if (v->can_review)
		h_open(b, "input", "type", "text", "name",
		       arena_printf(r->a, "r:%s", it->code), "aria-label",
		       arena_printf(r->a, "Lý do trả lại: %s", it->label),
		       "placeholder", "Lý do trả lại (nếu có)", "class",
		       "reason", NULL);
	buf_puts(b, "</div>");
}

/* Applies to the school's cấp học (the check refuses a value else). */
static bool
applies(const struct ps_view *v, const struct indicator *it)
{
	return v->sv.info.set->scope == IND_SCOPE_OFFICE ||
	       (it->school_levels & v->sv.sub.unit.levels) != 0;
}

void
ps_fields(struct req *r, const struct ps_view *v)
{
	const struct ind_set *s = v->sv.info.set;
	struct buf *b = &r->body;
	for (size_t i = 0; i < s->nsections; i++) {
		const struct ind_section *sec = &s->sections[i];
		buf_puts(b, "<fieldset class=\"card\">");
		h_elem(b, "legend", sec->title, NULL);
		for (size_t k = 0; k < sec->n; k++)
			if (applies(v, &sec->v[k]))
				field(r, v, &sec->v[k]);
		buf_puts(b, "</fieldset>");
	}
}

static void
diag_list(struct req *r, const struct ps_view *v, const struct diags *d,
	  const char *title, const char *cls)
{
	struct buf *b = &r->body;
	if (d->n == 0)
		return;
	h_open(b, "div", "class", cls, NULL);
	h_elem(b, "p", arena_printf(r->a, "%s (%zu):", title, d->n), NULL);
	buf_puts(b, "<ul>");
	for (size_t i = 0; i < d->n; i++) {
		buf_puts(b, "<li>");
		h_open(b, "a", "href",
		       arena_printf(r->a, "#c-%s", d->v[i].where), NULL);
		h_text(b, d->v[i].msg);
		buf_puts(b, "</a></li>");
	}
	buf_puts(b, "</ul></div>");
	(void)v;
}

/* The check panel (id "score", so app.js replaces it as the user types). */
void
ps_check_panel(struct req *r, const struct ps_view *v)
{
	const struct ind_check *c = &v->sv.check;
	struct buf *b = &r->body;
	buf_puts(b, "<section class=\"card\" id=\"score\" aria-live=\"polite\">"
		    "<h2>Kiểm tra số liệu</h2>");
	if (ind_check_submittable(c))
		buf_puts(b, "<p class=\"ok\">Số liệu đủ và hợp lệ để nộp.</p>");
	diag_list(r, v, &c->errors, "Lỗi cần sửa trước khi nộp", "errors");
	diag_list(r, v, &c->unconfirmed,
		  "Số liệu lệch xa kỳ trước, cần xác "
		  "nhận",
		  "warnings");
	diag_list(r, v, &c->confirmed,
		  "Số liệu lệch xa kỳ trước, đơn vị đã "
		  "xác nhận",
		  "notes");
	buf_puts(b, "</section>");
}

static void
header(struct req *r, const struct ps_view *v)
{
	struct buf *b = &r->body;
	const struct submission *s = &v->sv.sub;
	buf_puts(b, "<p>");
	const char *d = v->sv.info.as_of; /* YYYY-MM-DD */
	h_textf(b, "%s · %s · số liệu tính đến ngày %.2s/%.2s/%.4s · ",
		s->campaign.title, s->campaign.school_year,
		strlen(d) >= 10 ? d + 8 : "", strlen(d) >= 10 ? d + 5 : "", d);
	h_elem(b, "span", sub_state_name(s->state), "class", "state", NULL);
	if (s->late)
		buf_puts(b, " <span class=\"late\">Nộp muộn</span>");
	buf_puts(b, "</p>");
	queue_nav(r, (long long)s->campaign.id, s->unit.code);
	reasons(b, v, "*");
}

static void
stale_notice(struct req *r, const struct ps_view *v)
{
	struct revision_info *rv = NULL;
	size_t n = 0;
	struct buf *b = &r->body;
	if (v->stale_base < 0)
		return;
	buf_puts(b, "<div class=\"errors\" id=\"conflicts\" role=\"alert\">"
		    "<p>Chưa lưu: số liệu đã được người khác thay đổi từ khi "
		    "bạn mở trang. Nội dung bạn nhập vẫn ở dưới; bấm Lưu bản "
		    "nháp lần nữa để ghi đè, hoặc tải lại trang để xem số liệu "
		    "mới.</p>");
	if (sub_revisions_since(r->app, &v->sv.sub, v->stale_base, r->a, &rv,
				&n) == TS_OK &&
	    n > 0) {
		buf_puts(b, "<ul>");
		for (size_t i = 0; i < n; i++)
			h_elem(b, "li",
			       arena_printf(r->a, "%s lúc %s", rv[i].author,
					    rv[i].at),
			       NULL);
		buf_puts(b, "</ul>");
	}
	buf_puts(b, "</div>");
}

static void
form_open(struct req *r, const struct ps_view *v)
{
	struct buf *b = &r->body;
	char rev[32];
	snprintf(rev, sizeof(rev), "%lld", (long long)v->sv.sub.revision);
	if (v->can_edit)
		/* novalidate: the server checks every value and answers
		 * at the field; no control has a browser check anyway, and
		 * the evidence buttons need no formnovalidate each. */
		h_open(b, "form", "id", "answers", "method", "post", "action",
		       arena_printf(r->a, "%s/save", v->base), "data-preview",
		       arena_printf(r->a, "%s/preview", v->base), "data-posted",
		       v->posted ? "1" : NULL, "novalidate", "novalidate",
		       NULL);
	else if (v->can_review)
		h_open(b, "form", "id", "review", "method", "post", "action",
		       arena_printf(r->a, "%s/return", v->base), NULL);
	else
		return;
	h_csrf(r);
	h_open(b, "input", "type", "hidden", "name", "rev", "value", rev, NULL);
	if (!v->can_edit)
		queue_hidden(r); /* the review form: back to the queue */
	if (v->can_edit)
		buf_puts(b, "<button type=\"submit\" class=\"default-submit\" "
			    "tabindex=\"-1\" aria-hidden=\"true\">Lưu</button>"
			    "<p id=\"autosave\" class=\"muted\" "
			    "aria-live=\"polite\"></p>");
	ps_evidence_names(r, v);
}

static void
form_close(struct req *r, const struct ps_view *v)
{
	struct buf *b = &r->body;
	if (v->can_edit) {
		buf_puts(b,
			 "<div class=\"actions\"><button type=\"submit\">Lưu "
			 "bản nháp</button>");
		if (v->can_submit)
			buf_puts(b, "<button type=\"submit\" name=\"then\" "
				    "value=\"submit\" class=\"secondary\">Lưu "
				    "và nộp…</button>");
		buf_puts(b, "</div></form>");
	} else if (v->can_review) {
		buf_puts(b, "<div class=\"actions\"><label for=\"r-all\">Lý do "
			    "chung</label><textarea id=\"r-all\" name=\"r:*\" "
			    "rows=\"2\"></textarea><button type=\"submit\" "
			    "class=\"secondary\">Trả lại kèm lý do</button>"
			    "<button type=\"submit\" formaction=\"");
		h_text(b, arena_printf(r->a, "%s/approve", v->base));
		buf_puts(b, "\">Phê duyệt…</button></div></form>");
	}
}

static void
publish_form(struct req *r, const struct ps_view *v)
{
	struct buf *b = &r->body;
	if (!v->can_publish || v->sv.sub.state != ST_APPROVED)
		return;
	h_open(b, "form", "method", "post", "action",
	       arena_printf(r->a, "%s/publish", v->base), "class", "actions",
	       NULL);
	h_csrf(r);
	h_open(b, "input", "type", "hidden", "name", "rev", "value",
	       arena_printf(r->a, "%lld", (long long)v->sv.sub.revision), NULL);
	queue_hidden(r);
	buf_puts(b, "<button type=\"submit\">Công bố…</button></form>");
}

void
ps_render(struct req *r, struct ps_view *v)
{
	struct buf *b = &r->body;
	page_begin(r, v->sv.sub.unit.name);
	header(r, v);
	stale_notice(r, v);
	ps_evidence_alert(r, v);
	ps_check_panel(r, v);
	if (!v->can_edit && v->sv.sub.state == ST_NONE)
		buf_puts(b,
			 "<p>Đơn vị chưa bắt đầu nhập số liệu thống kê.</p>");
	form_open(r, v);
	ps_fields(r, v);
	form_close(r, v);
	publish_form(r, v);
	page_end(r);
}

static const char *
notice(const char *ok)
{
	static const char *const said[][2] = {
		{ "save", "Đã lưu bản nháp." },
		{ "submit", "Đã nộp số liệu thống kê." },
		{ "return", "Đã trả lại kèm lý do." },
		{ "approve", "Đã phê duyệt." },
		{ "publish", "Đã công bố." },
		{ "evidence", "Đã gắn minh chứng." },
		{ "unlinked", "Đã gỡ minh chứng." },
	};
	for (size_t i = 0; i < sizeof(said) / sizeof(*said); i++)
		if (strcmp(ok, said[i][0]) == 0)
			return said[i][1];
	return "Đã cập nhật.";
}

void
ps_page(struct req *r)
{
	struct ps_view v;
	enum ts_err e = ps_load(r, &v);
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không mở được số liệu thống kê.");
		ps_unload(&v);
		return;
	}
	const char *ok = kv_get(&r->query, "ok");
	if (ok != NULL)
		r->notice = notice(ok);
	ps_render(r, &v);
	ps_unload(&v);
}
