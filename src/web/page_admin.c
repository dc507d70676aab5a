/* Administration: the org tree, accounts, the audit log with filters,
 * imports. Editing one unit or account is in page_admin_unit.c and
 * page_admin_user.c. */
#include <stdio.h>
#include <string.h>

#include "../app/audit_query.h"
#include "../app/org.h"
#include "../app/org_import.h"
#include "../app/user.h"
#include "../util/arena.h"
#include "page_admin.h"
#include "web.h"

static void user_form(struct req *r, const struct kvlist *f);

bool
admin_only(struct req *r)
{
	if (actor_may(&r->sess.who, PK_ADMIN_AREA, NULL, PA_VIEW, NULL, NULL) ==
	    TS_OK)
		return true;
	web_error(r, 403, "Chỉ tài khoản quản trị mới xem được trang này.");
	return false;
}

static void
unit_form(struct req *r, const struct kvlist *f)
{
	struct buf *b = &r->body;
	static const enum org_kind kinds[] = { KIND_PHONG, KIND_XA, KIND_TRUONG,
					       KIND_TRUNG_TAM, KIND_SO };
	const char *cur = f ? kv_get(f, "kind") : NULL;
	buf_puts(b,
		 "<form method=\"post\" action=\"/admin/org\" class=\"card\">"
		 "<h2>Thêm đơn vị</h2>");
	h_csrf(r);
	text_input(b, "code", "Mã đơn vị (mã trường theo CSDL ngành)",
		   f ? kv_get(f, "code") : NULL);
	text_input(b, "name", "Tên đơn vị", f ? kv_get(f, "name") : NULL);
	buf_puts(b, "<label for=\"kind\">Loại</label><select id=\"kind\" "
		    "name=\"kind\">");
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++) {
		const char *code = org_kind_code(kinds[i]);
		h_open(b, "option", "value", code, "selected",
		       cur && strcmp(cur, code) == 0 ? "selected" : NULL, NULL);
		h_text(b, org_kind_name(kinds[i]));
		h_close(b, "option");
	}
	buf_puts(b, "</select>");
	text_input(b, "parent", "Mã đơn vị cấp trên",
		   f ? kv_get(f, "parent") : NULL);
	text_input(b, "levels", "Cấp học (trường: ví dụ TH, THCS)",
		   f ? kv_get(f, "levels") : NULL);
	buf_puts(b, "<div class=\"actions\"><button type=\"submit\">Thêm đơn vị"
		    "</button></div></form>");
}

static void
edit_link(struct req *r, const char *base, const char *key, const char *text)
{
	struct buf href;
	buf_init(&href, 1024);
	buf_puts(&href, base);
	url_escape(&href, key);
	h_link(&r->body, buf_str(&href), text);
	buf_release(&href);
}

/* Slashes in a unit path: its depth in the tree. */
static int
path_depth(const char *path)
{
	int depth = 0;
	for (const char *p = path; *p; p++)
		depth += *p == '/';
	return depth;
}

/* One unit's row, indented by its depth below base. */
static void
org_row(struct req *r, const struct org_unit *u, int base)
{
	struct buf *b = &r->body;
	char lv[64];
	int depth = path_depth(u->path);
	school_levels_format(u->levels, lv, sizeof(lv));
	buf_puts(b, "<tr>");
	h_elem(b, "td", u->code, NULL);
	/* Indent by depth with classes: the CSP allows no inline
	 * style. */
	int d = depth - base;
	buf_printf(b, "<td class=\"d%d\">", d < 0 ? 0 : d > 5 ? 5 : d);
	h_text(b, u->name);
	buf_puts(b, "</td>");
	h_elem(b, "td", org_kind_name(u->kind), NULL);
	h_elem(b, "td", lv, NULL);
	h_elem(b, "td", u->active_to ? "Đã đóng" : "Đang hoạt động", NULL);
	buf_puts(b, "<td>");
	if (actor_may(&r->sess.who, PK_UNIT, u->path, PA_CHANGE, NULL, NULL) ==
	    TS_OK)
		edit_link(r, "/admin/org/", u->code, "Sửa");
	buf_puts(b, "</td></tr>");
}

static void
org_rows(struct req *r, const struct org_unit *v, size_t n)
{
	const char *own = r->sess.who.path;
	bool top = strcmp(own, "/") == 0;
	/* Depth from the actor's unit (the operator's top units: 0), so a
	 * page or a search result indents as the whole tree does. */
	int base = top ? 2 : path_depth(own);
	for (size_t i = 0; i < n; i++)
		org_row(r, &v[i], base);
}

static void
org_page(struct req *r, const struct kvlist *f)
{
	struct buf *b = &r->body;
	struct org_unit *v = NULL;
	size_t n = 0;
	struct list_page pg;
	if (!list_params(r, &pg))
		return;
	enum ts_err e = org_list_page(r->app, &r->sess.who, &pg, r->a, &v, &n,
				      &r->diags);
	page_begin(r, "Cây đơn vị");
	unit_form(r, f);
	list_search_form(r, "/admin/org",
			 "Tìm theo tên hoặc mã đơn vị (có dấu "
			 "hay không dấu đều được)",
			 &pg);
	list_nav(r, "/admin/org", &pg, n);
	buf_puts(b, "<div class=\"scroll\" tabindex=\"0\">"
		    "<table><thead><tr><th>Mã</th><th>Tên"
		    "</th><th>Loại</th><th>Cấp học</th><th>Trạng thái</th><th>"
		    "</th></tr></thead><tbody>");
	if (e == TS_OK)
		org_rows(r, v, n);
	buf_puts(b, "</tbody></table></div>");
	if (e == TS_OK && n > 0)
		list_nav(r, "/admin/org", &pg, n);
	page_end(r);
}

void
page_admin_org(struct req *r)
{
	if (!admin_only(r))
		return;
	if (kv_get(&r->query, "ok") != NULL)
		r->notice = "Đã cập nhật cây đơn vị.";
	org_page(r, NULL);
}

void
page_admin_org_add(struct req *r)
{
	struct org_new n = { .code = kv_get(&r->form, "code"),
			     .name = kv_get(&r->form, "name"),
			     .parent_code = kv_get(&r->form, "parent") };
	const char *kind = kv_get(&r->form, "kind");
	const char *lv = kv_get(&r->form, "levels");
	int64_t id;
	enum ts_err e = TS_EINVAL;
	if (!admin_only(r))
		return;
	if (kind == NULL || !org_kind_parse(kind, &n.kind))
		diags_add(&r->diags, "", "loại đơn vị không hợp lệ");
	else if (!school_levels_parse(lv ? lv : "", &n.levels))
		diags_add(&r->diags, "",
			  "cấp học không hợp lệ (MN, TH, THCS, "
			  "THPT, GDTX)");
	else
		e = org_add(r->app, &r->sess.who, &n, &id, &r->diags);
	if (e == TS_OK) {
		web_redirect(r, "/admin/org?ok=1");
		return;
	}
	r->status = web_status_for(e);
	org_page(r, &r->form);
}

void
page_admin_org_close(struct req *r)
{
	const char *code = kv_get(&r->form, "code");
	const char *day = kv_get(&r->form, "close_day");
	bool reopen = kv_get(&r->form, "reopen") != NULL;
	struct unit_errs err = { 0 };
	enum ts_err e = TS_EINVAL;
	if (!admin_only(r))
		return;
	if (day != NULL && day[0] == '\0')
		day = NULL;
	if (code != NULL && !reopen)
		err.close_day = org_close_day_check(r->app, &r->sess.who, code,
						    day, r->a);
	/* Closing is confirmed on the page (a ticked box); the API does not
	 * need it. */
	if (err.close_day != NULL)
		diags_add(&r->diags, code, "%s", err.close_day);
	else if (!reopen && kv_get(&r->form, "confirm") == NULL)
		diags_add(&r->diags, code ? code : "",
			  "hãy đánh dấu ô xác nhận "
			  "trước khi đóng đơn vị");
	else if (code != NULL)
		e = org_close(r->app, &r->sess.who, code, day, reopen,
			      &r->diags);
	if (e == TS_OK) {
		web_redirect(r, "/admin/org?ok=1");
		return;
	}
	r->status = web_status_for(e);
	/* A refused date or confirmation: back to the unit's form. */
	if (code != NULL && e == TS_EINVAL)
		admin_unit_page(r, code, &r->form, &err);
	else
		org_page(r, NULL);
}

void
page_admin_users(struct req *r)
{
	struct buf *b = &r->body;
	struct user_info *v = NULL;
	size_t n = 0;
	struct list_page pg;
	if (!admin_only(r) || !list_params(r, &pg))
		return;
	enum ts_err e = user_list_page(r->app, &r->sess.who, &pg, r->a, &v, &n,
				       &r->diags);
	if (kv_get(&r->query, "ok") != NULL)
		r->notice = "Đã thêm tài khoản.";
	page_begin(r, "Tài khoản");
	user_form(r, NULL);
	list_search_form(r, "/admin/users",
			 "Tìm theo tên đăng nhập, họ tên "
			 "hoặc đơn vị",
			 &pg);
	list_nav(r, "/admin/users", &pg, n);
	buf_puts(b, "<div class=\"scroll\" tabindex=\"0\">"
		    "<table><thead><tr><th>Tên đăng nhập"
		    "</th><th>Họ tên</th><th>Vai trò</th><th>Đơn vị</th><th>"
		    "Trạng thái</th></tr></thead><tbody>");
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		buf_puts(b, "<tr>");
		buf_puts(b, "<td>");
		edit_link(r, "/admin/users/", v[i].login, v[i].login);
		buf_puts(b, "</td>");
		h_elem(b, "td", v[i].full_name, NULL);
		h_elem(b, "td", role_name(v[i].role), NULL);
		h_elem(b, "td", v[i].unit_name, NULL);
		h_elem(b, "td", v[i].disabled ? "Đã khóa" : "Đang dùng", NULL);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	if (e == TS_OK && n > 0)
		list_nav(r, "/admin/users", &pg, n);
	page_end(r);
}

void
text_input(struct buf *b, const char *name, const char *label,
	   const char *value)
{
	h_elem(b, "label", label, "for", name, NULL);
	h_open(b, "input", "id", name, "name", name, "value",
	       value ? value : "", NULL);
}

void
page_admin_audit(struct req *r)
{
	struct buf *b = &r->body;
	struct audit_entry *v = NULL;
	size_t n = 0;
	struct audit_filter f = { .object = kv_get(&r->query, "object"),
				  .action = kv_get(&r->query, "action"),
				  .actor = kv_get(&r->query, "actor"),
				  .limit = 200 };
	/* An empty filter box means no filter. */
	const char **fields[] = { &f.object, &f.action, &f.actor };
	for (size_t i = 0; i < 3; i++)
		if (*fields[i] != NULL && (*fields[i])[0] == '\0')
			*fields[i] = NULL;
	if (!admin_only(r))
		return;
	enum ts_err e = audit_list(r->app, &r->sess.who, &f, r->a, &v, &n,
				   &r->diags);
	page_begin(r, "Nhật ký thao tác");
	buf_puts(
		b,
		"<form method=\"get\" action=\"/admin/audit\" class=\"card\">");
	text_input(b, "actor", "Người thực hiện (tên đăng nhập)", f.actor);
	text_input(b, "action", "Thao tác (bắt đầu bằng, ví dụ submission.)",
		   f.action);
	text_input(b, "object", "Đối tượng (bắt đầu bằng, ví dụ submission:1/)",
		   f.object);
	buf_puts(b,
		 " <button type=\"submit\">Lọc</button></form><div class="
		 "\"scroll\" tabindex=\"0\">"
		 "<table><thead><tr><th>Thời điểm (UTC)</th><th>"
		 "Người thực hiện</th><th>Thao tác</th><th>Đối tượng</th><th>"
		 "Chi tiết</th></tr></thead><tbody>");
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		buf_puts(b, "<tr>");
		h_elem(b, "td", v[i].at, NULL);
		h_elem(b, "td", v[i].actor, NULL);
		h_elem(b, "td", v[i].action, NULL);
		h_elem(b, "td", v[i].object, NULL);
		h_elem(b, "td", v[i].detail ? v[i].detail : "", NULL);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	page_end(r);
}

static void
import_form(struct req *r)
{
	struct buf *b = &r->body;
	buf_puts(b, "<form method=\"post\" action=\"/admin/import\" enctype="
		    "\"multipart/form-data\" class=\"card\">");
	h_csrf(r);
	buf_puts(b,
		 "<p>Tệp CSV (UTF-8) hoặc Excel (.xlsx). Dòng đầu là tên cột: "
		 "Mã đơn vị, Tên đơn vị, Loại, Mã đơn vị cấp trên, Cấp học. "
		 "Mã đã có thì cập nhật tên, cấp trên, cấp học.</p>"
		 "<input type=\"file\" name=\"file\" accept=\".csv,.xlsx\" "
		 "required aria-label=\"Tệp danh sách đơn vị\"><label><input "
		 "type=\"checkbox\" name=\"dry_run\" value=\"1\" checked> Chỉ "
		 "kiểm tra, chưa ghi</label><div class=\"actions\"><button "
		 "type=\"submit\">Nhập danh sách</button></div></form>");
}

void
page_admin_import(struct req *r)
{
	if (!admin_only(r))
		return;
	page_begin(r, "Nhập danh sách đơn vị");
	import_form(r);
	page_end(r);
}

void
page_admin_import_post(struct req *r)
{
	struct import_result res = { 0 };
	bool dry = kv_get(&r->form, "dry_run") != NULL;
	enum ts_err e = TS_EINVAL;
	if (!admin_only(r))
		return;
	if (r->upload_too_big)
		e = TS_ELIMIT;
	if (r->upload_too_big || r->upload_files != 1 || r->upload_path == NULL)
		diags_add(&r->diags, "",
			  "hãy chọn đúng một tệp (tối đa %zu MB)",
			  UPLOAD_LIMIT >> 20);
	else
		e = org_import(r->app, &r->sess.who, r->upload_path,
			       r->upload_name, dry, &res, &r->diags);
	if (e == TS_OK) {
		struct buf msg;
		buf_init(&msg, 1024);
		buf_printf(&msg,
			   "%s %zu dòng: %zu đơn vị mới, %zu cập nhật, %zu "
			   "không đổi.",
			   dry ? "Kiểm tra xong (chưa ghi gì):" : "Đã nhập",
			   res.rows, res.added, res.updated, res.unchanged);
		r->notice = arena_strdup(r->a, buf_str(&msg));
		buf_release(&msg);
	} else {
		r->status = web_status_for(e);
	}
	/* Each problem with its place ("tệp.xlsx: dòng 12, cột C"). */
	struct diags keep = r->diags;
	diags_init(&r->diags);
	page_begin(r, "Nhập danh sách đơn vị");
	if (e != TS_OK) {
		buf_puts(&r->body, "<div class=\"errors\" role=\"alert\"><p>");
		if (res.written > 0)
			h_textf(&r->body,
				"Đã ghi %zu dòng rồi dừng; hãy sửa "
				"các lỗi sau rồi chọn lại cả tệp:",
				res.written);
		else
			buf_puts(&r->body, "Không nhập gì; hãy sửa các lỗi sau "
					   "rồi chọn lại tệp:");
		buf_puts(&r->body, "</p><ul>");
		for (size_t i = 0; i < keep.n; i++) {
			buf_puts(&r->body, "<li>");
			h_textf(&r->body, "%s: %s", keep.v[i].where,
				keep.v[i].msg);
			buf_puts(&r->body, "</li>");
		}
		buf_puts(&r->body, "</ul></div>");
	}
	diags_release(&keep);
	import_form(r);
	page_end(r);
}

static void
user_form(struct req *r, const struct kvlist *f)
{
	struct buf *b = &r->body;
	const char *cur = f ? kv_get(f, "role") : NULL;
	buf_puts(b,
		 "<form method=\"post\" action=\"/admin/users\" class=\"card\">"
		 "<h2>Thêm tài khoản</h2>");
	h_csrf(r);
	text_input(b, "login",
		   "Tên đăng nhập (chữ thường không dấu, số, . _ -)",
		   f ? kv_get(f, "login") : NULL);
	text_input(b, "full_name", "Họ và tên",
		   f ? kv_get(f, "full_name") : NULL);
	text_input(b, "unit", "Mã đơn vị", f ? kv_get(f, "unit") : NULL);
	buf_puts(b, "<label for=\"role\">Vai trò</label><select id=\"role\" "
		    "name=\"role\">");
	for (int i = 0; i < ROLE_COUNT; i++) {
		const char *code = role_code((enum role)i);
		h_open(b, "option", "value", code, "selected",
		       cur && strcmp(cur, code) == 0 ? "selected" : NULL, NULL);
		h_text(b, role_name((enum role)i));
		h_close(b, "option");
	}
	buf_puts(
		b,
		"</select><label for=\"password\">Mật khẩu ban đầu (ít nhất 8 "
		"ký tự)</label><input id=\"password\" name=\"password\" "
		"type=\"password\" autocomplete=\"new-password\" minlength=\"8\" "
		"required><div class=\"actions\"><button type=\"submit\">Thêm "
		"tài khoản</button></div></form>");
}

void
page_admin_user_add(struct req *r)
{
	struct user_new u = { .login = kv_get(&r->form, "login"),
			      .full_name = kv_get(&r->form, "full_name"),
			      .unit_code = kv_get(&r->form, "unit"),
			      .password = kv_get(&r->form, "password") };
	const char *role = kv_get(&r->form, "role");
	enum ts_err e = TS_EINVAL;
	if (!admin_only(r))
		return;
	if (role == NULL || !role_parse(role, &u.role))
		diags_add(&r->diags, "", "vai trò không hợp lệ");
	else
		e = user_add(r->app, &r->sess.who, &u, &r->diags);
	if (e == TS_OK) {
		web_redirect(r, "/admin/users?ok=1");
		return;
	}
	r->status = web_status_for(e);
	page_begin(r, "Tài khoản");
	user_form(r, &r->form);
	page_end(r);
}
