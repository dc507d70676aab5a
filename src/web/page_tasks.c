/* The landing page's task list (app/tasks.c): a school's state in each
 * open campaign with the days left and, flagged first, a returned result
 * with its criteria and reasons; what waits for an office; and the list
 * of units in one state that an office's counts link to. */
#include <stdio.h>
#include <string.h>

#include "../app/notify.h"
#include "../app/tasks.h"
#include "../util/timeutil.h"
#include "web.h"

/* "còn 3 ngày", "hôm nay là hạn cuối", "quá hạn 2 ngày". */
static const char *
days_text(int64_t d, char out[64])
{
	if (d > 0)
		snprintf(out, 64, "còn %lld ngày", (long long)d);
	else if (d == 0)
		snprintf(out, 64, "hôm nay là hạn cuối");
	else
		snprintf(out, 64, "quá hạn %lld ngày", (long long)-d);
	return out;
}

static void
due_line(struct buf *b, const struct campaign *c, int64_t days, bool open)
{
	char due[TS_TIME_SIZE], left[64];
	int64_t t;
	if (!ts_time_parse(c->due_at, &t))
		return;
	ts_time_vn_date(t, due);
	h_textf(b, "Hạn nộp %s", due);
	if (open)
		buf_puts(b, " · ");
	if (open)
		h_elem(b, "strong", days_text(days, left), "class",
		       days <= TASK_NEAR_DAYS ? "due near" : "due", NULL);
}

static void
unit_href(struct buf *href, long long id, const char *code)
{
	buf_printf(href, "/campaigns/%lld/units/", id);
	url_escape(href, code);
}

/* A returned result at the top: each returned criterion, linked to its
 * place on the form, with the reviewer's reason. */
static void
returned_card(struct buf *b, const struct school_task *t)
{
	struct buf href;
	buf_init(&href, 1024);
	buf_puts(b, "<section class=\"card returned\" aria-labelledby=");
	buf_printf(b, "\"ret-%lld\">", (long long)t->c.id);
	char hid[32];
	snprintf(hid, sizeof(hid), "ret-%lld", (long long)t->c.id);
	h_elem(b, "h2", "Bản tự đánh giá bị trả lại, cần sửa và nộp lại", "id",
	       hid, NULL);
	buf_puts(b, "<p>");
	h_text(b, t->c.title);
	buf_puts(b, " · ");
	due_line(b, &t->c, t->days_left, true);
	buf_puts(b, "</p><ul class=\"reasons\">");
	for (size_t i = 0; i < t->nreasons; i++) {
		const char *crit = t->reasons[i].criterion_id;
		bool whole = strcmp(crit, "*") == 0;
		char label[160];
		snprintf(label, sizeof(label),
			 whole ? "Toàn bộ bản tự đánh giá" : "Tiêu chí %s",
			 crit);
		buf_reset(&href);
		unit_href(&href, t->c.id, t->unit_code);
		if (!whole) {
			buf_puts(&href, "#c-");
			url_escape(&href, crit);
		}
		buf_puts(b, "<li>");
		h_link(b, buf_str(&href), label);
		buf_puts(b, ": ");
		h_text(b, t->reasons[i].text);
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul><p>");
	buf_reset(&href);
	unit_href(&href, t->c.id, t->unit_code);
	h_elem(b, "a", "Sửa và nộp lại", "class", "button", "href",
	       buf_str(&href), NULL);
	buf_puts(b, "</p></section>");
	buf_release(&href);
}

static const char *
next_step(enum sub_state s)
{
	switch (s) {
	case ST_NONE: return "Bắt đầu tự đánh giá";
	case ST_DRAFT: return "Tiếp tục và nộp";
	case ST_SUBMITTED: return "Xem (chờ cấp trên xem xét)";
	case ST_RETURNED: return "Sửa và nộp lại";
	case ST_APPROVED:
	case ST_PUBLISHED: return "Xem kết quả";
	}
	return "Mở";
}

static void
school_row(struct buf *b, const struct school_task *t)
{
	bool open = t->state == ST_NONE || t->state == ST_DRAFT ||
		    t->state == ST_RETURNED;
	struct buf href;
	buf_init(&href, 1024);
	unit_href(&href, t->c.id, t->unit_code);
	buf_puts(b, "<li class=\"task\">");
	h_elem(b, "strong", t->c.title, NULL);
	buf_puts(b, "<br>Trạng thái: ");
	h_elem(b, "span", sub_state_name(t->state), "class", "state", NULL);
	if (t->late)
		buf_puts(b, " (nộp muộn)");
	buf_puts(b, " · ");
	due_line(b, &t->c, t->days_left, open);
	buf_puts(b, "<br>");
	h_link(b, buf_str(&href), next_step(t->state));
	buf_puts(b, "</li>");
	buf_release(&href);
}

/* One notification: what happened (or is near), the campaign, when. */
static void
notice_line(struct buf *b, const struct notice *x)
{
	static const char *const did[] = {
		"đã trả lại bản tự đánh giá, yêu cầu bổ sung",
		"đã phê duyệt bản tự đánh giá",
		"đã công bố kết quả",
	};
	char left[64], when[TS_TIME_SIZE];
	struct buf href;
	buf_init(&href, 1024);
	unit_href(&href, x->c->id, x->unit_code);
	buf_puts(b,
		 x->kind == NOTICE_DEADLINE ? "<li class=\"near\">" : "<li>");
	if (x->kind == NOTICE_DEADLINE)
		h_textf(b, "Hạn nộp: %s — ", days_text(x->days_left, left));
	else
		h_textf(b, "%s: %s %s — ", ts_time_vn_text(x->at, when), x->by,
			did[x->kind]);
	h_link(b, buf_str(&href), x->c->title);
	buf_puts(b, "</li>");
	buf_release(&href);
}

/* "Thông báo": the office's steps on the school's results and the
 * deadlines near (app/notify.c). */
static void
notices_card(struct req *r, const struct task_list *l)
{
	struct notice *v = NULL;
	size_t n = 0;
	struct buf *b = &r->body;
	if (notices_of(r->app, l, r->a, &v, &n) != TS_OK)
		return;
	buf_puts(
		b,
		"<section class=\"card notices\" aria-labelledby=\"notices-h\">"
		"<h2 id=\"notices-h\">Thông báo</h2>");
	if (n == 0)
		buf_puts(b, "<p>Không có thông báo mới.</p>");
	else
		buf_puts(b, "<ul>");
	for (size_t i = 0; i < n; i++)
		notice_line(b, &v[i]);
	buf_puts(b, n ? "</ul></section>" : "</section>");
}

static void
school_tasks(struct req *r, const struct task_list *l)
{
	struct buf *b = &r->body;
	for (size_t i = 0; i < l->nschool; i++)
		if (l->school[i].state == ST_RETURNED)
			returned_card(b, &l->school[i]);
	notices_card(r, l);
	size_t open = 0;
	for (size_t i = 0; i < l->nschool; i++)
		open += !l->school[i].past;
	buf_puts(b, "<section class=\"card\"><h2>Đợt đánh giá đang mở</h2>");
	if (open == 0)
		buf_puts(b, "<p>Đơn vị chưa có đợt đánh giá nào đang mở.</p>");
	else
		buf_puts(b, "<ul class=\"tasks\">");
	for (size_t i = 0; i < l->nschool; i++)
		if (!l->school[i].past)
			school_row(b, &l->school[i]);
	buf_puts(b, open ? "</ul></section>" : "</section>");
}

/* One count linked to the list of those units, when there are any. */
static void
count_item(struct buf *b, long long id, size_t n, enum sub_state s,
	   const char *what, const char *cls)
{
	char href[64], text[200];
	if (n == 0)
		return;
	snprintf(href, sizeof(href), "/campaigns/%lld?state=%s", id,
		 sub_state_code(s));
	snprintf(text, sizeof(text), "%zu %s", n, what);
	buf_puts(b, cls ? "<li class=\"near\">" : "<li>");
	h_link(b, href, text);
	buf_puts(b, "</li>");
}

static void
office_row(struct buf *b, const struct office_task *t)
{
	long long id = (long long)t->c.id;
	bool near = t->days_left <= TASK_NEAR_DAYS && t->not_started > 0;
	char href[64];
	snprintf(href, sizeof(href), "/campaigns/%lld", id);
	buf_puts(b, "<li class=\"task\">");
	h_elem(b, "a", t->c.title, "href", href, "class", "title", NULL);
	buf_puts(b, "<br>");
	due_line(b, &t->c, t->days_left, true);
	h_textf(b, " · %zu đơn vị tham gia", t->expected);
	buf_puts(b, "<ul>");
	count_item(b, id, t->waiting, ST_SUBMITTED,
		   "bản tự đánh giá chờ xem xét", NULL);
	count_item(b, id, t->returned, ST_RETURNED,
		   "bản đã trả lại, chờ đơn vị nộp lại", NULL);
	count_item(b, id, t->not_started, ST_NONE, "đơn vị chưa bắt đầu",
		   near ? "near" : NULL);
	if (t->waiting + t->returned + t->not_started == 0)
		buf_puts(b, "<li>Không có việc đang chờ.</li>");
	buf_puts(b, "</ul></li>");
}

static void
admin_links(struct buf *b)
{
	buf_puts(b, "<section class=\"card\"><h2>Việc quản trị</h2><ul>"
		    "<li><a href=\"/admin/campaigns/new\">Tạo đợt đánh giá</a>"
		    "</li><li><a href=\"/admin/org\">Đơn vị</a></li><li><a "
		    "href=\"/admin/users\">Tài khoản</a></li><li><a href="
		    "\"/admin/import\">Nhập danh sách đơn vị</a></li><li><a "
		    "href=\"/admin/audit\">Nhật ký thao tác</a></li></ul>"
		    "</section>");
}

static void
office_tasks(struct req *r, const struct task_list *l)
{
	struct buf *b = &r->body;
	buf_puts(b, "<section class=\"card\"><h2>Việc đang chờ</h2>");
	if (l->noffice == 0)
		buf_puts(b, "<p>Chưa có đợt đánh giá nào đang mở.</p>");
	else
		buf_puts(b, "<ul class=\"tasks\">");
	for (size_t i = 0; i < l->noffice; i++)
		office_row(b, &l->office[i]);
	buf_puts(b, l->noffice ? "</ul></section>" : "</section>");
	if (actor_may(&r->sess.who, PK_ADMIN_AREA, NULL, PA_VIEW, NULL, NULL) ==
	    TS_OK)
		admin_links(b);
}

void
tasks_section(struct req *r)
{
	struct task_list l;
	if (tasks_of(r->app, &r->sess.who, r->a, &l, &r->diags) != TS_OK)
		return;
	if (l.desk)
		office_tasks(r, &l);
	else
		school_tasks(r, &l);
}

static void
unit_line(struct buf *b, long long id, const struct unit_row *u)
{
	struct buf href;
	char when[TS_TIME_SIZE];
	buf_init(&href, 1024);
	unit_href(&href, id, u->code);
	buf_puts(b, "<tr>");
	h_elem(b, "td", u->code, NULL);
	buf_puts(b, "<td>");
	h_link(b, buf_str(&href), u->name);
	buf_puts(b, "</td>");
	h_elem(b, "td",
	       u->updated_at ? ts_time_vn_text(u->updated_at, when)
			     : "Chưa cập nhật",
	       NULL);
	h_elem(b, "td", u->late ? "Nộp muộn" : "", NULL);
	buf_puts(b, "</tr>");
	buf_release(&href);
}

void
tasks_unit_list(struct req *r, long long id)
{
	struct buf *b = &r->body;
	const char *code = kv_get(&r->query, "state");
	enum sub_state s;
	struct unit_row *v = NULL;
	size_t n = 0;
	if (code == NULL || !sub_state_parse(code, &s) ||
	    campaign_units(r->app, &r->sess.who, id, s, r->a, &v, &n,
			   &r->diags) != TS_OK)
		return;
	buf_puts(b, "<section class=\"card\" id=\"units\"><h2>");
	h_textf(b, "Đơn vị ở trạng thái %s: %zu", sub_state_name(s), n);
	buf_puts(b, "</h2>");
	if (n > 0)
		buf_puts(
			b,
			"<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Mã"
			"</th><th>Đơn vị</th><th>Cập nhật</th><th>Ghi chú"
			"</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		unit_line(b, id, &v[i]);
	if (n > 0)
		buf_puts(b, "</tbody></table></div>");
	buf_puts(b, "</section>");
}
