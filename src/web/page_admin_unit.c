/* One unit of the org tree: rename, move, cấp học, close or reopen. */
#include <stdio.h>
#include <string.h>

#include "../app/contact.h"
#include "../app/org.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "page_admin.h"
#include "web.h"

/* The unit's form action: /admin/org/<code escaped>/<tail>. */
static const char *
unit_href(struct req *r, const char *code, const char *tail)
{
	struct buf h;
	buf_init(&h, 1024);
	buf_puts(&h, "/admin/org/");
	url_escape(&h, code);
	buf_puts(&h, tail);
	const char *s = arena_strdup(r->a, buf_str(&h));
	buf_release(&h);
	return s;
}

/* A date field (today unless posted), with its problem under it after a
 * refused post: the field is marked and names the problem. */
static void
date_input(struct req *r, const char *name, const char *label,
	   const struct kvlist *f, const char *err)
{
	struct buf *b = &r->body;
	char iso[TS_TIME_SIZE], today[11], err_id[40];
	snprintf(today, sizeof(today), "%.10s",
		 ts_time_format(ts_time_now() + TS_VN_OFFSET, iso));
	snprintf(err_id, sizeof(err_id), "%s-loi", name);
	const char *v = f ? kv_get(f, name) : NULL;
	h_elem(b, "label", label, "for", name, NULL);
	h_open(b, "input", "type", "date", "id", name, "name", name, "value",
	       v ? v : today, "aria-invalid", err ? "true" : NULL,
	       "aria-describedby", err ? err_id : NULL, NULL);
	if (err != NULL)
		h_elem(b, "p", err, "class", "field-error", "id", err_id,
		       "role", "alert", NULL);
}

/* From which day the unit sits under its parent: a move cannot start
 * before it. */
static void
since_note(struct req *r, const struct org_unit *u)
{
	char since[11], vn[TS_TIME_SIZE];
	int64_t t;
	if (u->parent_id == 0 ||
	    org_parent_since(r->app, u->id, since) != TS_OK ||
	    !ts_time_parse(since, &t))
		return;
	buf_puts(&r->body, "<p class=\"muted\">");
	h_textf(&r->body, "Thuộc đơn vị cấp trên hiện tại từ ngày %s.",
		ts_time_vn_date(t, vn));
	buf_puts(&r->body, "</p>");
}

static void
edit_form(struct req *r, const struct org_unit *u, const char *parent,
	  const struct kvlist *f, const struct unit_errs *err)
{
	struct buf *b = &r->body;
	char lv[64];
	school_levels_format(u->levels, lv, sizeof(lv));
	h_open(b, "form", "method", "post", "action",
	       unit_href(r, u->code, "/edit"), "class", "card", NULL);
	buf_puts(b, "<h2>Sửa thông tin</h2>");
	h_csrf(r);
	text_input(b, "name", "Tên đơn vị", f ? kv_get(f, "name") : u->name);
	text_input(b, "parent", "Mã đơn vị cấp trên (đổi để chuyển đơn vị)",
		   f ? kv_get(f, "parent") : parent);
	date_input(r, "move_day", "Chuyển từ ngày (khi đổi đơn vị cấp trên)", f,
		   err ? err->move_day : NULL);
	since_note(r, u);
	/* The tree keeps its history (org_parent): a campaign freezes its
	 * participants on its opening day, so a move never changes it. */
	h_elem(b, "p",
	       "Các đợt đánh giá đã mở, kể cả đợt đã kết thúc, giữ nguyên "
	       "danh sách đơn vị tham gia và đơn vị cấp trên như ngày mở đợt. "
	       "Đơn vị chỉ tính theo đơn vị cấp trên mới trong các đợt mở từ "
	       "ngày chuyển trở đi.",
	       "class", "muted", NULL);
	if (org_kind_is_school(u->kind))
		text_input(b, "levels", "Cấp học (ví dụ TH, THCS)",
			   f ? kv_get(f, "levels") : lv);
	buf_puts(b, "<div class=\"actions\"><button type=\"submit\">Lưu thay "
		    "đổi</button></div></form>");
}

/* Closing takes a ticked box: schools of a closed unit drop out of new
 * campaigns. */
static void
close_form(struct req *r, const struct org_unit *u, const struct kvlist *f,
	   const struct unit_errs *err)
{
	struct buf *b = &r->body;
	bool closed = u->active_to != NULL;
	buf_puts(b, "<form method=\"post\" action=\"/admin/org/close\" "
		    "class=\"card\">");
	h_elem(b, "h2", closed ? "Mở lại đơn vị" : "Đóng đơn vị", NULL);
	h_csrf(r);
	h_open(b, "input", "type", "hidden", "name", "code", "value", u->code,
	       NULL);
	if (closed) {
		char day[TS_TIME_SIZE];
		h_textf(b, "Đơn vị đã đóng từ ngày %s.",
			ts_day_vn(u->active_to, day));
		buf_puts(b,
			 "<input type=\"hidden\" name=\"reopen\" value=\"1\">");
	} else {
		date_input(r, "close_day", "Đóng từ ngày", f,
			   err ? err->close_day : NULL);
		buf_puts(b,
			 "<label><input type=\"checkbox\" name=\"confirm\" "
			 "value=\"1\" required> Tôi xác nhận đóng đơn vị này "
			 "từ ngày đã chọn (không còn tham gia các đợt đánh giá "
			 "mở từ ngày đó; các đợt đã mở giữ nguyên)</label>");
	}
	h_elem(b, "button", closed ? "Mở lại" : "Đóng đơn vị", "type", "submit",
	       "class", closed ? NULL : "danger", NULL);
	buf_puts(b, "</form>");
}

void
admin_unit_page(struct req *r, const char *code, const struct kvlist *f,
		const struct unit_errs *err)
{
	struct org_unit *v = NULL, parent = { 0 };
	size_t n = 0;
	struct diags keep = r->diags;
	diags_init(&r->diags);
	enum ts_err e = org_list(r->app, &r->sess.who, code, r->a, &v, &n,
				 &r->diags);
	if (e != TS_OK || n == 0) {
		diags_release(&keep);
		web_error(r, e == TS_OK ? 404 : web_status_for(e),
			  "Không có đơn vị này trong phạm vi của tài khoản.");
		return;
	}
	diags_release(&r->diags);
	r->diags = keep;
	if (v[0].parent_id != 0 &&
	    org_get(r->app, v[0].parent_id, r->a, &parent) != TS_OK)
		parent.code = NULL;
	page_begin(r, v[0].name);
	buf_puts(&r->body, "<p class=\"muted\">");
	h_textf(&r->body, "Mã %s · %s · %zu đơn vị trực thuộc (kể cả cấp dưới)",
		v[0].code, org_kind_name(v[0].kind), n - 1);
	buf_puts(&r->body, " · ");
	h_link(&r->body, "/admin/org", "Về cây đơn vị");
	buf_puts(&r->body, "</p>");
	if (org_may_change(&r->sess.who, &v[0])) {
		struct contact ct = { 0 };
		if (org_contact(r->app, v[0].id, r->a, &ct) != TS_OK)
			ct = (struct contact){ 0 };
		edit_form(r, &v[0], parent.code, f, err);
		contact_form(r, unit_href(r, v[0].code, "/contact"), &ct);
		close_form(r, &v[0], f, err);
	} else {
		h_elem(&r->body, "p",
		       "Đơn vị của chính tài khoản: do quản trị "
		       "cấp trên thay đổi.",
		       NULL);
	}
	page_end(r);
}

void
page_admin_unit(struct req *r)
{
	if (!admin_only(r))
		return;
	if (kv_get(&r->query, "ok") != NULL)
		r->notice = "Đã lưu thay đổi.";
	admin_unit_page(r, kv_get(&r->params, "code"), NULL, NULL);
}

void
page_admin_unit_save(struct req *r)
{
	const char *code = kv_get(&r->params, "code");
	const char *lv = kv_get(&r->form, "levels");
	const char *parent = kv_get(&r->form, "parent");
	const char *day = kv_get(&r->form, "move_day");
	struct unit_errs err = { 0 };
	unsigned levels = 0;
	enum ts_err e = TS_EINVAL;
	if (!admin_only(r))
		return;
	if (day != NULL && day[0] == '\0')
		day = NULL;
	if (lv != NULL && lv[0] != '\0' && !school_levels_parse(lv, &levels))
		diags_add(&r->diags, code,
			  "cấp học \"%s\" không hợp lệ (MN, TH, "
			  "THCS, THPT, GDTX)",
			  lv);
	else if ((e = org_move_day_check(r->app, &r->sess.who, code, parent,
					 day, r->a, &err.move_day)) != TS_OK)
		diags_add(&r->diags, code, "không đọc được cây đơn vị");
	else if (err.move_day != NULL) {
		diags_add(&r->diags, code, "%s", err.move_day);
		e = TS_EINVAL;
	} else
		e = org_edit_on(r->app, &r->sess.who, code,
				kv_get(&r->form, "name"), parent, levels, day,
				&r->diags);
	if (e == TS_OK) {
		web_redirect(r, "%s?ok=1", unit_href(r, code, ""));
		return;
	}
	r->status = web_status_for(e);
	admin_unit_page(r, code, &r->form, &err);
}

void
page_admin_unit_contact(struct req *r)
{
	const char *code = kv_get(&r->params, "code");
	if (!admin_only(r))
		return;
	enum ts_err e = contact_save(r, false, code);
	if (e == TS_OK) {
		web_redirect(r, "%s?ok=1", unit_href(r, code, ""));
		return;
	}
	r->status = web_status_for(e);
	admin_unit_page(r, code, NULL, NULL);
}
