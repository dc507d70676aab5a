/* Bulk approve and publish from the work queue (issue 17, item 5): the
 * picked rows (each "REVISION:CODE", the revision its row showed), a
 * confirmation page listing them, then the result: done and skipped,
 * each skip with its reason. Plain forms: works without JavaScript. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "queue_view.h"

#define BULK_MAX 500 /* picks in one post (a queue page shows 100) */

struct bulk {
	long long id;
	enum sub_action act;
	const char *action; /* "approve" or "publish" */
	struct bulk_pick *p;
	size_t n;
};

/* "12:31DK001" into p; false when it does not read as one. */
static bool
read_pick(const char *v, struct bulk_pick *p)
{
	char *end = NULL;
	long long rev = *v >= '0' && *v <= '9' ? strtoll(v, &end, 10) : -1;
	if (rev < 0 || end == NULL || *end != ':' || end[1] == '\0')
		return false;
	p->revision = rev;
	p->code = end + 1;
	return true;
}

/* Every "pick" of the form into k->p; a 400 at the first bad one. */
static bool
read_picks(struct req *r, struct bulk *k)
{
	for (size_t i = 0; i < r->form.n; i++) {
		const struct kv *f = &r->form.v[i];
		if (strcmp(f->key, "pick") != 0)
			continue;
		if (k->n == BULK_MAX) {
			web_error(r, 400,
				  "Chọn nhiều nhất 500 trường một lần.");
			return false;
		}
		if (!read_pick(f->value, &k->p[k->n++])) {
			web_error(r, 400,
				  "Ô chọn (pick) không hợp lệ. Hãy tải "
				  "lại hàng đợi rồi chọn lại.");
			return false;
		}
	}
	if (k->n == 0)
		web_error(r, 400,
			  "Chưa chọn trường nào. Hãy đánh dấu ở cột "
			  "“Chọn” của hàng đợi rồi thử lại.");
	return k->n > 0;
}

/* The step and the picks of the post; a 400 naming what is wrong. */
static bool
bulk_read(struct req *r, struct bulk *k)
{
	const char *act = kv_get(&r->form, "action");
	k->id = web_param_id(r, "id");
	k->action = act ? act : "";
	k->act = strcmp(k->action, "publish") == 0 ? ACT_PUBLISH : ACT_APPROVE;
	if (strcmp(k->action, "approve") && strcmp(k->action, "publish")) {
		web_error(r, 400,
			  "Thao tác (action) phải là approve hoặc "
			  "publish.");
		return false;
	}
	k->p = arena_calloc(r->a, r->form.n + 1, sizeof(*k->p));
	if (k->p == NULL) {
		web_error(r, 500, "Máy chủ không đủ bộ nhớ. Hãy thử lại sau.");
		return false;
	}
	return read_picks(r, k);
}

static void
queue_link(struct req *r, long long id, const char *text)
{
	const char *q = queue_of(r);
	struct buf href;
	buf_init(&href, 1024);
	buf_printf(&href, "/campaigns/%lld/queue", id);
	if (q != NULL && q[0] && strlen(q) <= 200)
		buf_printf(&href, "?%s", q);
	h_link(&r->body, buf_str(&href), text);
	buf_release(&href);
}

static void
school_link(struct req *r, long long id, const struct bulk_result *o)
{
	struct buf href;
	buf_init(&href, 1024);
	buf_printf(&href, "/campaigns/%lld/units/", id);
	url_escape(&href, o->code);
	h_link(&r->body, buf_str(&href), o->name);
	buf_release(&href);
	/* Names repeat across a province: the code and the office tell
	 * the three "Trường THCS Nguyễn Bỉnh Khiêm" apart. */
	buf_puts(&r->body, " <span class=\"muted\">");
	h_textf(&r->body, "(%s%s%s)", o->code, o->parent ? " · " : "",
		o->parent ? o->parent : "");
	buf_puts(&r->body, "</span>");
}

/* One list of the results: those with ok == want. */
static void
result_list(struct req *r, const struct bulk *k, const struct bulk_result *o,
	    bool want, const char *title, const char *cls)
{
	struct buf *b = &r->body;
	size_t m = 0;
	for (size_t i = 0; i < k->n; i++)
		m += o[i].ok == want;
	if (m == 0)
		return;
	h_open(b, "section", "class", cls, NULL);
	h_elem(b, "h2", title, NULL);
	buf_puts(b, "<ul>");
	for (size_t i = 0; i < k->n; i++) {
		if (o[i].ok != want)
			continue;
		buf_puts(b, "<li>");
		school_link(r, k->id, &o[i]);
		if (!want)
			h_textf(b, " — %s", o[i].why);
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul></section>");
}

/* The form that applies exactly the picks shown. */
static void
confirm_form(struct req *r, const struct bulk *k, size_t will)
{
	struct buf *b = &r->body;
	char action[64], label[128];
	snprintf(action, sizeof(action), "/campaigns/%lld/queue/bulk", k->id);
	h_open(b, "form", "method", "post", "action", action, "class",
	       "actions", NULL);
	h_csrf(r);
	queue_hidden(r);
	h_open(b, "input", "type", "hidden", "name", "action", "value",
	       k->action, NULL);
	for (size_t i = 0; i < k->n; i++) {
		char v[300];
		snprintf(v, sizeof(v), "%lld:%s", (long long)k->p[i].revision,
			 k->p[i].code);
		h_open(b, "input", "type", "hidden", "name", "pick", "value", v,
		       NULL);
	}
	buf_puts(b, "<input type=\"hidden\" name=\"confirm\" value=\"1\">");
	snprintf(label, sizeof(label), "%s %zu trường",
		 k->act == ACT_APPROVE ? "Xác nhận phê duyệt"
				       : "Xác nhận công bố kết quả",
		 will);
	if (will > 0)
		h_elem(b, "button", label, "type", "submit", NULL);
	queue_link(r, k->id, "Quay lại hàng đợi");
	buf_puts(b, "</form>");
}

static void
confirm_page(struct req *r, const struct bulk *k, const struct bulk_result *o)
{
	size_t will = 0;
	for (size_t i = 0; i < k->n; i++)
		will += o[i].ok;
	page_begin(r, k->act == ACT_APPROVE ? "Xác nhận phê duyệt nhiều trường"
					    : "Xác nhận công bố nhiều trường");
	h_elem(&r->body, "p",
	       k->act == ACT_APPROVE
		       ? "Mỗi trường dưới đây sẽ được phê duyệt riêng, ghi nhật ký "
			 "riêng: trường không còn sửa được bản tự đánh giá và không "
			 "trả lại được nữa. Sau khi phê duyệt không thể hoàn tác."
		       : "Kết quả của mỗi trường dưới đây sẽ được công bố riêng, ghi "
			 "nhật ký riêng. Sau khi công bố không thể hoàn tác.",
	       "class", "reason", NULL);
	result_list(r, k, o, true,
		    k->act == ACT_APPROVE ? "Sẽ phê duyệt" : "Sẽ công bố",
		    "card");
	result_list(r, k, o, false, "Sẽ bỏ qua", "card");
	confirm_form(r, k, will);
	page_end(r);
}

static void
result_page(struct req *r, const struct bulk *k, const struct bulk_result *o)
{
	size_t done = 0;
	for (size_t i = 0; i < k->n; i++)
		done += o[i].ok;
	page_begin(r, k->act == ACT_APPROVE ? "Kết quả phê duyệt"
					    : "Kết quả công bố");
	buf_puts(&r->body, "<p class=\"notice\" role=\"status\">");
	h_textf(&r->body, "%s %zu trường, bỏ qua %zu.",
		k->act == ACT_APPROVE ? "Đã phê duyệt" : "Đã công bố", done,
		k->n - done);
	buf_puts(&r->body, "</p>");
	result_list(r, k, o, true,
		    k->act == ACT_APPROVE ? "Đã phê duyệt" : "Đã công bố",
		    "card");
	result_list(r, k, o, false, "Bỏ qua", "card");
	buf_puts(&r->body, "<p>");
	queue_link(r, k->id, "Quay lại hàng đợi");
	buf_puts(&r->body, "</p>");
	page_end(r);
}

void
page_queue_bulk(struct req *r)
{
	struct bulk k = { 0 };
	if (actor_may(&r->sess.who, PK_DESK, NULL, PA_VIEW, NULL, NULL) !=
	    TS_OK) {
		web_error(r, 403, "Hàng đợi là của cán bộ Phòng, Sở.");
		return;
	}
	if (!bulk_read(r, &k))
		return;
	bool apply = kv_get(&r->form, "confirm") != NULL;
	struct campaign c;
	struct bulk_result *o = arena_calloc(r->a, k.n, sizeof(*o));
	enum ts_err e = o ? campaign_get(r->app, &r->sess.who, k.id, r->a, &c,
					 &r->diags)
			  : TS_ENOMEM;
	if (e == TS_OK)
		e = work_queue_bulk(r->app, &r->sess.who, k.id, k.act, k.p, k.n,
				    apply, r->a, o);
	if (e != TS_OK)
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không có đợt đánh giá này.");
	else if (apply)
		result_page(r, &k, o);
	else
		confirm_page(r, &k, o);
}
