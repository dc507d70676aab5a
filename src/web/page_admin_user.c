/* One account: role and unit, lock and unlock. The rules (subtree, not
 * oneself, never the last admin) are the app's (user_update). */
#include <stdio.h>
#include <string.h>

#include "../app/contact.h"
#include "../app/user.h"
#include "../util/arena.h"
#include "page_admin.h"
#include "web.h"

static const char *
user_href(struct req *r, const char *login)
{
	struct buf h;
	buf_init(&h, 512);
	buf_puts(&h, "/admin/users/");
	url_escape(&h, login);
	const char *s = arena_strdup(r->a, buf_str(&h));
	buf_release(&h);
	return s;
}

static void
role_form(struct req *r, const struct user_info *u, const struct kvlist *f)
{
	struct buf *b = &r->body;
	const char *cur = f && kv_get(f, "role") ? kv_get(f, "role")
						 : role_code(u->role);
	h_open(b, "form", "method", "post", "action", user_href(r, u->login),
	       "class", "card", NULL);
	buf_puts(b, "<h2>Vai trò và đơn vị</h2>");
	h_csrf(r);
	buf_puts(b, "<label for=\"role\">Vai trò</label><select id=\"role\" "
		    "name=\"role\">");
	for (int i = ROLE_SCHOOL_EDITOR; i < ROLE_COUNT; i++) {
		const char *code = role_code((enum role)i);
		h_open(b, "option", "value", code, "selected",
		       strcmp(cur, code) == 0 ? "selected" : NULL, NULL);
		h_text(b, role_name((enum role)i));
		h_close(b, "option");
	}
	buf_puts(b, "</select>");
	text_input(b, "unit", "Mã đơn vị",
		   f ? kv_get(f, "unit") : u->unit_code);
	buf_puts(b, "<div class=\"actions\"><button type=\"submit\">Lưu thay "
		    "đổi</button></div></form>");
}

/* Locking takes a ticked box: the person is signed out at once. */
static void
lock_form(struct req *r, const struct user_info *u)
{
	struct buf *b = &r->body;
	h_open(b, "form", "method", "post", "action", user_href(r, u->login),
	       "class", "card", NULL);
	h_elem(b, "h2", u->disabled ? "Mở khóa tài khoản" : "Khóa tài khoản",
	       NULL);
	h_csrf(r);
	h_open(b, "input", "type", "hidden", "name", "disabled", "value",
	       u->disabled ? "0" : "1", NULL);
	if (!u->disabled)
		buf_puts(b, "<label><input type=\"checkbox\" name=\"confirm\" "
			    "value=\"1\" required> Tôi xác nhận khóa tài khoản "
			    "này (người dùng bị đăng xuất ngay)</label>");
	h_elem(b, "button", u->disabled ? "Mở khóa" : "Khóa tài khoản", "type",
	       "submit", "class", u->disabled ? NULL : "danger", NULL);
	buf_puts(b, "</form>");
}

/* A one-time code for a forgotten password (shown once, on its page). */
static void
reset_form(struct req *r, const struct user_info *u)
{
	struct buf *b = &r->body;
	struct buf href;
	buf_init(&href, 600);
	buf_printf(&href, "%s/reset", user_href(r, u->login));
	h_open(b, "form", "method", "post", "action", buf_str(&href), "class",
	       "card", NULL);
	buf_release(&href);
	buf_puts(b,
		 "<h2>Quên mật khẩu</h2><p class=\"muted\">Tạo một mã dùng "
		 "một lần (hết hạn sau 24 giờ) để người dùng tự đặt mật khẩu "
		 "mới ở trang /reset.</p>");
	h_csrf(r);
	buf_puts(b, "<button type=\"submit\">Tạo mã đặt lại mật khẩu</button>"
		    "</form>");
}

static void
user_page(struct req *r, const char *login, const struct kvlist *f)
{
	struct user_info *v = NULL, *u = NULL;
	size_t n = 0;
	struct diags keep = r->diags;
	diags_init(&r->diags);
	enum ts_err e = user_list(r->app, &r->sess.who, r->a, &v, &n,
				  &r->diags);
	for (size_t i = 0; e == TS_OK && i < n && u == NULL; i++)
		if (strcmp(v[i].login, login) == 0)
			u = &v[i];
	diags_release(&r->diags);
	r->diags = keep;
	if (u == NULL) {
		/* A refused change keeps its status (403, not 404). */
		web_error(
			r,
			e != TS_OK	   ? web_status_for(e)
			: r->status >= 400 ? r->status
					   : 404,
			"Không có tài khoản này trong phạm vi của tài khoản.");
		return;
	}
	page_begin(r, u->full_name);
	buf_puts(&r->body, "<p class=\"muted\">");
	h_textf(&r->body, "Tên đăng nhập %s · %s · %s · %s", u->login,
		role_name(u->role), u->unit_name,
		u->disabled ? "Đã khóa" : "Đang dùng");
	buf_puts(&r->body, " · ");
	h_link(&r->body, "/admin/users", "Về danh sách tài khoản");
	buf_puts(&r->body, "</p>");
	role_form(r, u, f);
	struct contact ct = { 0 };
	char action[300];
	if (user_contact(r->app, u->login, r->a, &ct) != TS_OK)
		ct = (struct contact){ 0 };
	snprintf(action, sizeof(action), "%s/contact", user_href(r, u->login));
	contact_form(r, action, &ct);
	lock_form(r, u);
	reset_form(r, u);
	page_end(r);
}

void
page_admin_user(struct req *r)
{
	if (!admin_only(r))
		return;
	if (kv_get(&r->query, "ok") != NULL)
		r->notice = "Đã lưu thay đổi.";
	user_page(r, kv_get(&r->params, "login"), NULL);
}

void
page_admin_user_save(struct req *r)
{
	const char *login = kv_get(&r->params, "login");
	const char *dis = kv_get(&r->form, "disabled");
	struct user_change c = { .login = login, .disabled = -1 };
	enum ts_err e = TS_EINVAL;
	if (!admin_only(r))
		return;
	if (dis != NULL)
		c.disabled = strcmp(dis, "1") == 0;
	else {
		c.role = kv_get(&r->form, "role");
		c.unit_code = kv_get(&r->form, "unit");
	}
	if (c.disabled == 1 && kv_get(&r->form, "confirm") == NULL)
		diags_add(&r->diags, login,
			  "hãy đánh dấu ô xác nhận trước khi "
			  "khóa tài khoản");
	else
		e = user_update(r->app, &r->sess.who, &c, &r->diags);
	if (e == TS_OK) {
		web_redirect(r, "%s?ok=1", user_href(r, login));
		return;
	}
	r->status = web_status_for(e);
	user_page(r, login, dis ? NULL : &r->form);
}

void
page_admin_user_contact(struct req *r)
{
	const char *login = kv_get(&r->params, "login");
	if (!admin_only(r))
		return;
	enum ts_err e = contact_save(r, true, login);
	if (e == TS_OK) {
		web_redirect(r, "%s?ok=1", user_href(r, login));
		return;
	}
	r->status = web_status_for(e);
	user_page(r, login, NULL);
}
