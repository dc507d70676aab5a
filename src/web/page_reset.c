/* Forgotten passwords: an admin makes a one-time code on the account's
 * page (or with `truongso user reset-password`), its owner sets a new
 * password with it at /reset. The rules are the app's (user_reset_*). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../app/user.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "page_admin.h"
#include "web.h"

static void
reset_form(struct req *r, const char *login)
{
	struct buf *b = &r->body;
	page_begin(r, "Đặt lại mật khẩu");
	buf_puts(b,
		 "<form method=\"post\" action=\"/reset\" class=\"card\"><p>"
		 "Nhập mã đặt lại mật khẩu do người quản trị đơn vị gửi (dùng "
		 "một lần, có hạn dùng) và mật khẩu mới.</p>"
		 "<label for=\"login\">Tên đăng nhập</label>");
	h_open(b, "input", "id", "login", "name", "login", "autocomplete",
	       "username", "required", "required", "value", login, NULL);
	buf_puts(b,
		 "<label for=\"code\">Mã đặt lại mật khẩu</label><input "
		 "id=\"code\" name=\"code\" autocomplete=\"one-time-code\" "
		 "required><label for=\"password\">Mật khẩu mới (ít nhất 8 ký "
		 "tự)</label><input id=\"password\" name=\"password\" type="
		 "\"password\" autocomplete=\"new-password\" minlength=\"8\" "
		 "required><div class=\"actions\"><button type=\"submit\">Đặt "
		 "mật khẩu mới</button></div></form>");
	page_end(r);
}

void
page_reset(struct req *r)
{
	reset_form(r, "");
}

void
page_reset_post(struct req *r)
{
	const char *login = kv_get(&r->form, "login");
	const char *code = kv_get(&r->form, "code");
	const char *pw = kv_get(&r->form, "password");
	if (login == NULL || code == NULL || pw == NULL || strlen(login) > 64 ||
	    strlen(code) > 64 || strlen(pw) > 256) {
		r->status = 400;
		diags_add(&r->diags, "",
			  "hãy nhập tên đăng nhập, mã và mật "
			  "khẩu mới");
		reset_form(r, "");
		return;
	}
	enum ts_err e = user_reset_finish(r->app, login, code, pw, r->client,
					  &r->slow_ms, &r->diags);
	if (e != TS_OK) {
		r->status = web_status_for(e);
		reset_form(r, login);
		return;
	}
	page_begin(r, "Đã đặt mật khẩu mới");
	buf_puts(&r->body, "<p>Đã đặt mật khẩu mới. Mọi phiên đăng nhập cũ của "
			   "tài khoản đã kết thúc.</p><p>");
	h_link(&r->body, "/login", "Đăng nhập");
	buf_puts(&r->body, "</p>");
	page_end(r);
}

void
page_admin_user_reset(struct req *r)
{
	const char *login = kv_get(&r->params, "login");
	char code[RESET_CODE_SIZE], iso[TS_TIME_SIZE], when[TS_TIME_SIZE];
	int64_t expires;
	if (!admin_only(r))
		return;
	enum ts_err e = user_reset_start(r->app, &r->sess.who, login, code,
					 &expires, &r->diags);
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không tạo được mã đặt lại mật khẩu.");
		return;
	}
	struct buf *b = &r->body;
	page_begin(r, "Mã đặt lại mật khẩu");
	buf_puts(b, "<div class=\"card\"><p>");
	h_textf(b, "Mã đặt lại mật khẩu của %s (chỉ hiện lần này):", login);
	buf_puts(b, "</p>");
	h_elem(b, "p", code, "class", "reset-code", NULL);
	buf_puts(b, "<p>");
	h_textf(b,
		"Mã dùng một lần, hết hạn lúc %s. Hãy gửi cho người dùng "
		"qua một kênh an toàn; họ mở trang /reset, nhập tên đăng nhập, "
		"mã này và mật khẩu mới.",
		ts_time_vn_text(ts_time_format(expires, iso), when));
	buf_puts(b, "</p></div>");
	page_end(r);
	sodium_memzero(code, sizeof(code));
}

void
api_user_reset(struct req *r)
{
	char code[RESET_CODE_SIZE], iso[TS_TIME_SIZE];
	int64_t expires;
	enum ts_err e = user_reset_start(r->app, &r->sess.who,
					 kv_get(&r->params, "login"), code,
					 &expires, &r->diags);
	api_result(r, e,
		   e == TS_OK
			   ? json_pack("{s:s, s:s}", "code", code, "expires_at",
				       ts_time_format(expires, iso))
			   : NULL);
	sodium_memzero(code, sizeof(code));
}
