/* Sign-in, sign-out and password change. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "web.h"

/* Where to go after signing in: the page the user was on, if it is a
 * path of this site (http_safe_next), else the campaigns. */
static const char *
next_of(const struct kvlist *l)
{
	const char *n = kv_get(l, "next");
	return http_safe_next(n) ? n : NULL;
}

static void
login_form(struct req *r, const char *login)
{
	struct buf *b = &r->body;
	const char *next = next_of(r->form.n ? &r->form : &r->query);
	page_begin(r, "Đăng nhập");
	buf_puts(b, "<form method=\"post\" action=\"/login\" class=\"card\">");
	if (next != NULL)
		h_open(b, "input", "type", "hidden", "name", "next", "value",
		       next, NULL);
	buf_puts(b, "<label for=\"login\">Tên đăng nhập</label>");
	h_open(b, "input", "id", "login", "name", "login", "autocomplete",
	       "username", "required", "required", "value", login, NULL);
	buf_puts(
		b,
		"<label for=\"password\">Mật khẩu</label><input id=\"password\" "
		"name=\"password\" type=\"password\" autocomplete="
		"\"current-password\" required><div class=\"actions\">"
		"<button type=\"submit\">Đăng nhập</button></div></form>"
		"<p class=\"muted\">Quên mật khẩu? Nhờ người quản trị đơn vị "
		"tạo mã đặt lại mật khẩu, rồi nhập ở trang "
		"<a href=\"/reset\">Đặt lại mật khẩu</a>.</p>");
	page_end(r);
}

void
page_login(struct req *r)
{
	if (r->authed) {
		const char *next = next_of(&r->query);
		web_redirect(r, "%s", next ? next : "/campaigns");
		return;
	}
	login_form(r, "");
}

void
page_login_post(struct req *r)
{
	const char *login = kv_get(&r->form, "login");
	const char *pw = kv_get(&r->form, "password");
	char token[SESSION_TOKEN_SIZE];
	if (login == NULL || pw == NULL || strlen(login) > 64 ||
	    strlen(pw) > 256) {
		r->status = 400;
		diags_add(&r->diags, "", "hãy nhập tên đăng nhập và mật khẩu");
		login_form(r, "");
		return;
	}
	enum ts_err e = session_login(r->app, login, pw, r->client, token,
				      &r->slow_ms, &r->diags);
	if (e != TS_OK) {
		r->status = e == TS_ERATE ? 429 : 403;
		login_form(r, login);
		return;
	}
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 "ts_session=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s",
		 token, session_max_of(r->app), r->secure ? "; Secure" : "");
	sodium_memzero(token, sizeof(token));
	const char *next = next_of(&r->form);
	web_redirect(r, "%s", next ? next : "/campaigns");
}

void
page_logout(struct req *r)
{
	if (session_logout(r->app, r->token) != TS_OK) {
		web_error(r, 500, "Không đăng xuất được; hãy thử lại.");
		return;
	}
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 "ts_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0%s",
		 r->secure ? "; Secure" : "");
	web_redirect(r, "/login");
}

static void
password_form(struct req *r)
{
	struct buf *b = &r->body;
	page_begin(r, "Đổi mật khẩu");
	buf_puts(b,
		 "<form method=\"post\" action=\"/password\" class=\"card\">");
	h_csrf(r);
	buf_puts(
		b,
		"<label for=\"current\">Mật khẩu hiện tại</label><input "
		"id=\"current\" name=\"current\" type=\"password\" autocomplete="
		"\"current-password\" required><label for=\"next\">Mật khẩu "
		"mới (ít nhất 8 ký tự)</label><input id=\"next\" name=\"next\" "
		"type=\"password\" autocomplete=\"new-password\" minlength=\"8\" "
		"required><div class=\"actions\"><button type=\"submit\">Đổi "
		"mật khẩu</button></div></form>");
	page_end(r);
}

void
page_password(struct req *r)
{
	password_form(r);
}

void
page_password_post(struct req *r)
{
	enum ts_err e = session_change_password(
		r->app, &r->sess, kv_get(&r->form, "current"),
		kv_get(&r->form, "next"), &r->diags);
	if (e == TS_OK)
		r->notice = "Đã đổi mật khẩu.";
	else
		r->status = web_status_for(e);
	password_form(r);
}

void
page_home(struct req *r)
{
	web_redirect(r, r->authed ? "/campaigns" : "/login");
}
