/* The late-joiner section of a campaign's edit page (issue 17 item 8):
 * the owner picks from the units that may still join (app
 * campaign_joiners), searchable by name when the list is long; the POST
 * goes through campaign_join, which checks every rule again. */
#include <stdio.h>
#include <string.h>

#include "../app/campaign.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "page_admin.h"
#include "web.h"

/* More than this many eligible units: a search box above the list. */
#define JOIN_SEARCH_FROM 10
/* At most this many rows shown; the search narrows the rest. */
#define JOIN_SHOWN	 50

static void
join_intro(struct buf *b)
{
	buf_puts(b,
		 "<h2>Thêm đơn vị lập sau khi mở đợt</h2><p class=\"muted\">"
		 "Trường hoặc trung tâm thuộc đơn vị chủ trì, dạy cấp học của "
		 "đợt, được thêm vào cây đơn vị sau khi mở đợt. Ngày tham gia "
		 "được ghi vào nhật ký; sau hạn nộp danh sách đã chốt, không "
		 "thêm được.</p>");
}

static void
join_search(struct req *r, const struct campaign *c, const char *q)
{
	char action[64];
	snprintf(action, sizeof(action), "/admin/campaigns/%lld#join",
		 (long long)c->id);
	h_open(&r->body, "form", "method", "get", "action", action, "role",
	       "search", NULL);
	h_elem(&r->body, "label", "Tìm theo tên hoặc mã đơn vị", "for", "q",
	       NULL);
	h_open(&r->body, "input", "id", "q", "name", "q", "value", q ? q : "",
	       NULL);
	buf_puts(&r->body, " <button type=\"submit\">Tìm</button></form>");
}

static void
join_row(struct buf *b, const struct joiner *j, bool first)
{
	buf_puts(b, "<tr><td class=\"pick\">");
	h_open(b, "input", "type", "radio", "name", "unit", "value", j->code,
	       "id", j->code, "required", first ? "required" : NULL, NULL);
	buf_puts(b, "</td><td>");
	h_elem(b, "label", j->name, "for", j->code, NULL);
	buf_puts(b, "</td><td>");
	h_text(b, j->code);
	buf_puts(b, "</td><td>");
	h_text(b, j->parent_name);
	buf_puts(b, "</td></tr>");
}

static void
join_list(struct req *r, const struct campaign *c, const struct joiner *v,
	  size_t n, size_t total)
{
	struct buf *b = &r->body;
	char action[80];
	snprintf(action, sizeof(action), "/admin/campaigns/%lld/units",
		 (long long)c->id);
	h_open(b, "form", "method", "post", "action", action, NULL);
	h_csrf(r);
	if (total > n) {
		buf_puts(b, "<p>");
		h_textf(b, "Hiện %zu trong %zu đơn vị; gõ tên để tìm.", n,
			total);
		buf_puts(b, "</p>");
	}
	buf_puts(
		b,
		"<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th class=\"pick\">Chọn</th>"
		"<th>Tên đơn vị</th><th>Mã</th><th>Đơn vị cấp trên</th>"
		"</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		join_row(b, &v[i], i == 0);
	buf_puts(b, "</tbody></table></div><div class=\"actions\"><button "
		    "type=\"submit\">Thêm vào đợt</button></div></form>");
}

/* Nothing to pick: said in words, not an empty form. */
static void
join_none(struct buf *b, const char *q)
{
	buf_puts(b, "<p>");
	if (q && q[0])
		h_textf(b, "Không có đơn vị nào có thể thêm khớp với \"%s\".",
			q);
	else
		buf_puts(b, "Chưa có đơn vị nào có thể thêm: không có trường "
			    "hoặc trung tâm nào thuộc đơn vị chủ trì, dạy cấp "
			    "học của đợt, được lập sau khi mở đợt mà chưa tham "
			    "gia.");
	buf_puts(b, "</p>");
}

static void
join_closed(struct buf *b, int64_t due)
{
	char day[TS_TIME_SIZE];
	h_textf(b,
		"Đợt đã hết hạn nộp (%s): danh sách đơn vị tham gia đã chốt, "
		"không thêm được.",
		ts_time_vn_date(due, day));
}

void
campaign_join_section(struct req *r, const struct campaign *c)
{
	struct buf *b = &r->body;
	const char *q = kv_get(&r->query, "q");
	struct joiner *v = NULL;
	size_t n = 0, total = 0, all = 0;
	int64_t due = 0;
	buf_puts(b, "<section class=\"card\" id=\"join\">");
	join_intro(b);
	if (ts_time_parse(c->due_at, &due) && ts_time_now() > due) {
		/* Closed: campaign_join refuses; say so instead of a form. */
		join_closed(b, due);
	} else if (campaign_joiners(r->app, c->id, NULL, 0, r->a, &v, &n,
				    &all) != TS_OK ||
		   campaign_joiners(r->app, c->id, q, JOIN_SHOWN, r->a, &v, &n,
				    &total) != TS_OK) {
		buf_puts(b, "<p>Không đọc được danh sách đơn vị (lỗi cơ sở dữ "
			    "liệu).</p>");
	} else {
		if (all > JOIN_SEARCH_FROM)
			join_search(r, c, q);
		if (n == 0)
			join_none(b, q);
		else
			join_list(r, c, v, n, total);
	}
	buf_puts(b, "</section>");
}
