/* Administration (read-only for now): the org tree, accounts, the audit
 * log with filters, and the rubrics. Changes are made with the CLI. */
#include <stdio.h>
#include <string.h>

#include "../app/audit_query.h"
#include "../app/org.h"
#include "../app/user.h"
#include "web.h"

static bool
admin_only(struct req *r)
{
	if (r->sess.who.role == ROLE_ADMIN)
		return true;
	web_error(r, 403, "Chỉ tài khoản quản trị mới xem được trang này.");
	return false;
}

void
page_admin_org(struct req *r)
{
	struct buf *b = &r->body;
	struct org_unit *v = NULL;
	size_t n = 0;
	if (!admin_only(r))
		return;
	enum ts_err e = org_list(r->app, &r->sess.who, NULL, r->a, &v, &n,
				 &r->diags);
	page_begin(r, "Cây đơn vị");
	buf_puts(b, "<div class=\"scroll\"><table><thead><tr><th>Mã</th><th>Tên"
		    "</th><th>Loại</th><th>Cấp học</th><th>Trạng thái</th></tr>"
		    "</thead><tbody>");
	int base = -1;
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		char lv[64];
		int depth = 0;
		for (const char *p = v[i].path; *p; p++)
			depth += *p == '/';
		if (base < 0)
			base = depth;
		school_levels_format(v[i].levels, lv, sizeof(lv));
		buf_puts(b, "<tr>");
		h_elem(b, "td", v[i].code, NULL);
		buf_printf(b, "<td style=\"padding-left:%dem\">", depth - base + 1);
		h_text(b, v[i].name);
		buf_puts(b, "</td>");
		h_elem(b, "td", org_kind_name(v[i].kind), NULL);
		h_elem(b, "td", lv, NULL);
		h_elem(b, "td", v[i].active_to ? "Đã đóng" : "Đang hoạt động", NULL);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	page_end(r);
}

void
page_admin_users(struct req *r)
{
	struct buf *b = &r->body;
	struct user_info *v = NULL;
	size_t n = 0;
	if (!admin_only(r))
		return;
	enum ts_err e = user_list(r->app, &r->sess.who, r->a, &v, &n, &r->diags);
	page_begin(r, "Tài khoản");
	buf_puts(b, "<div class=\"scroll\"><table><thead><tr><th>Tên đăng nhập"
		    "</th><th>Họ tên</th><th>Vai trò</th><th>Đơn vị</th><th>"
		    "Trạng thái</th></tr></thead><tbody>");
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		buf_puts(b, "<tr>");
		h_elem(b, "td", v[i].login, NULL);
		h_elem(b, "td", v[i].full_name, NULL);
		h_elem(b, "td", role_name(v[i].role), NULL);
		h_elem(b, "td", v[i].unit_name, NULL);
		h_elem(b, "td", v[i].disabled ? "Đã khóa" : "Đang dùng", NULL);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	page_end(r);
}

static void
filter_input(struct buf *b, const char *name, const char *label,
	     const char *value)
{
	h_elem(b, "label", label, "for", name, NULL);
	h_open(b, "input", "id", name, "name", name, "value", value ? value : "",
	       NULL);
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
	buf_puts(b, "<form method=\"get\" action=\"/admin/audit\" class=\"card\">");
	filter_input(b, "actor", "Người thực hiện (tên đăng nhập)", f.actor);
	filter_input(b, "action", "Thao tác (bắt đầu bằng, ví dụ submission.)",
		     f.action);
	filter_input(b, "object", "Đối tượng (bắt đầu bằng, ví dụ submission:1/)",
		     f.object);
	buf_puts(b, " <button type=\"submit\">Lọc</button></form><div class="
		    "\"scroll\"><table><thead><tr><th>Thời điểm (UTC)</th><th>"
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
