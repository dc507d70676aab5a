/* The contact card of a unit's and an account's admin page (issue 17
 * item 7): phone and e-mail, posted to …/contact. */
#include <string.h>

#include "../app/contact.h"
#include "page_admin.h"

void
contact_form(struct req *r, const char *action, const struct contact *cur)
{
	struct buf *b = &r->body;
	/* After a refused post the values as typed, else the stored ones. */
	bool posted = kv_get(&r->form, "email") || kv_get(&r->form, "phone");
	const char *phone = posted ? kv_get(&r->form, "phone") : cur->phone;
	const char *email = posted ? kv_get(&r->form, "email") : cur->email;
	h_open(b, "form", "method", "post", "action", action, "class", "card",
	       "id", "contact", NULL);
	buf_puts(b, "<h2>Liên hệ</h2>");
	h_csrf(r);
	buf_puts(b, "<label for=\"phone\">Số điện thoại</label>");
	h_open(b, "input", "id", "phone", "name", "phone", "type", "tel",
	       "autocomplete", "off", "value", phone ? phone : "", NULL);
	buf_puts(b, "<label for=\"email\">Thư điện tử (nhận thư nhắc hạn nộp)"
		    "</label>");
	h_open(b, "input", "id", "email", "name", "email", "type", "email",
	       "autocomplete", "off", "value", email ? email : "", NULL);
	buf_puts(b, "<p class=\"muted\">Để trống một ô để xóa.</p><div "
		    "class=\"actions\"><button type=\"submit\">Lưu liên hệ"
		    "</button></div></form>");
}

/* The posted contact: both fields always present ("" removes). */
static struct contact
posted(struct req *r)
{
	const char *p = kv_get(&r->form, "phone");
	const char *m = kv_get(&r->form, "email");
	return (struct contact){ p ? p : "", m ? m : "" };
}

enum ts_err
contact_save(struct req *r, bool account, const char *key)
{
	struct contact c = posted(r);
	return account ? user_set_contact(r->app, &r->sess.who, key, &c,
					  &r->diags)
		       : org_set_contact(r->app, &r->sess.who, key, &c,
					 &r->diags);
}
