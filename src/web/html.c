/* The HTML builder: every piece of text and every attribute value goes
 * through html_escape; markup itself comes only from literals here and in
 * the page files. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "web.h"

void
h_text(struct buf *b, const char *s)
{
	if (s != NULL)
		html_escape(b, s);
}

void
h_textf(struct buf *b, const char *fmt, ...)
{
	/* Most are a few words: formatted on the stack, no allocation. */
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof(small)) {
		html_escape(b, small);
		return;
	}
	struct buf tmp;
	buf_init(&tmp, 1 << 20);
	va_start(ap, fmt);
	buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	html_escape(b, buf_str(&tmp));
	buf_release(&tmp);
}

void
h_texts(struct buf *b, ...)
{
	va_list ap;
	const char *s;
	va_start(ap, b);
	while ((s = va_arg(ap, const char *)) != NULL)
		html_escape(b, s);
	va_end(ap);
}

static void
attrs(struct buf *b, va_list ap)
{
	const char *name;
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *value = va_arg(ap, const char *);
		if (value == NULL)
			continue;
		buf_putc(b, ' ');
		buf_puts(b, name);
		buf_put(b, "=\"", 2);
		html_escape(b, value);
		buf_putc(b, '"');
	}
}

void
h_open(struct buf *b, const char *tag, ...)
{
	va_list ap;
	buf_putc(b, '<');
	buf_puts(b, tag);
	va_start(ap, tag);
	attrs(b, ap);
	va_end(ap);
	buf_putc(b, '>');
}

void
h_close(struct buf *b, const char *tag)
{
	buf_put(b, "</", 2);
	buf_puts(b, tag);
	buf_putc(b, '>');
}

void
h_elem(struct buf *b, const char *tag, const char *text, ...)
{
	va_list ap;
	buf_putc(b, '<');
	buf_puts(b, tag);
	va_start(ap, text);
	attrs(b, ap);
	va_end(ap);
	buf_putc(b, '>');
	h_text(b, text);
	h_close(b, tag);
}

void
h_link(struct buf *b, const char *href, const char *text)
{
	h_elem(b, "a", text, "href", href, NULL);
}

void
h_csrf(struct req *r)
{
	h_open(&r->body, "input", "type", "hidden", "name", "_csrf", "value",
	       r->sess.csrf, NULL);
}

static void
header(struct req *r)
{
	struct buf *b = &r->body;
	buf_puts(b, "<header class=\"top\"><a class=\"brand\" href=\"/\">"
		    "truongso</a>");
	if (r->authed) {
		buf_puts(b, "<nav><a href=\"/campaigns\">Đợt đánh giá</a>"
			    "<a href=\"/rubrics\">Bộ chỉ số</a>");
		if (actor_may(&r->sess.who, PK_DESK, NULL, PA_VIEW, NULL,
			      NULL) == TS_OK)
			buf_puts(b, "<a href=\"/search\">Tìm đơn vị</a>");
		if (actor_may(&r->sess.who, PK_ADMIN_AREA, NULL, PA_VIEW, NULL,
			      NULL) == TS_OK)
			buf_puts(b, "<a href=\"/admin/org\">Đơn vị</a><a href="
				    "\"/admin/users\">Tài khoản</a><a href="
				    "\"/admin/import\">Nhập danh sách</a><a "
				    "href=\"/admin/audit\">Nhật ký</a>");
		buf_puts(b, "</nav><div class=\"who\">");
		h_elem(b, "span", r->sess.full_name, "title", r->sess.unit_name,
		       NULL);
		buf_puts(b, " <a href=\"/password\">Đổi mật khẩu</a>");
		buf_puts(
			b,
			"<form method=\"post\" action=\"/logout\" class=\"inline\">");
		h_csrf(r);
		buf_puts(
			b,
			"<button type=\"submit\">Đăng xuất</button></form></div>");
	}
	buf_puts(b, "</header>");
}

static void
messages(struct req *r)
{
	struct buf *b = &r->body;
	if (r->notice != NULL)
		h_elem(b, "p", r->notice, "class", "notice", "role", "status",
		       NULL);
	if (r->diags.n == 0)
		return;
	buf_puts(b,
		 "<div class=\"errors\" role=\"alert\"><p>Chưa thực hiện được:"
		 "</p><ul>");
	for (size_t i = 0; i < r->diags.n; i++) {
		/* Where, as the CLI prints it: the field, unit or item. */
		const char *w = r->diags.v[i].where;
		buf_puts(b, "<li>");
		if (w != NULL && w[0] != '\0')
			h_textf(b, "%s: ", w);
		h_text(b, r->diags.v[i].msg);
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul></div>");
}

void
page_begin(struct req *r, const char *title)
{
	struct buf *b = &r->body;
	buf_puts(
		b,
		"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
		"<meta name=\"viewport\" content=\"width=device-width, "
		"initial-scale=1\"><title>");
	h_text(b, title);
	buf_printf(b,
		   " · truongso</title><link rel=\"stylesheet\" "
		   "href=\"/static/app.css?v=%s\"></head><body>",
		   web_css_version());
	/* First stop of the keyboard on every page (WCAG 2.4.1). */
	buf_puts(b, "<a class=\"skip\" href=\"#main\">Bỏ qua, đến nội dung "
		    "chính</a>");
	header(r);
	if (r->authed) {
		/* app.js warns two minutes before the session's idle limit. */
		char idle[24];
		snprintf(idle, sizeof(idle), "%d", session_idle_of(r->app));
		h_open(b, "main", "id", "main", "tabindex", "-1", "data-idle",
		       idle, NULL);
	} else {
		buf_puts(b, "<main id=\"main\" tabindex=\"-1\">");
	}
	h_elem(b, "h1", title, NULL);
	messages(r);
}

void
page_end(struct req *r)
{
	buf_printf(&r->body,
		   "</main><footer>truongso — tự đánh giá, duyệt và "
		   "báo cáo chuyển đổi số ngành giáo dục</footer><script "
		   "src=\"/static/app.js?v=%s\" defer></script></body></html>",
		   web_js_version());
}
