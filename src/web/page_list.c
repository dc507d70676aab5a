/* Paging and searching the admin lists: the page number and search text
 * from the query, the search form, and the links between pages. */
#include <stdlib.h>
#include <string.h>

#include "page_admin.h"

bool
list_params(struct req *r, struct list_page *pg)
{
	const char *q = kv_get(&r->query, "q");
	const char *p = kv_get(&r->query, "page");
	char *end = NULL;
	long long n = p ? strtoll(p, &end, 10) : 1;
	memset(pg, 0, sizeof(*pg));
	if (p != NULL && (*p == '\0' || *end != '\0' || n < 1 || n > 1000000)) {
		web_error(r, 400,
			  "Số trang (page) phải là một số nguyên dương.");
		return false;
	}
	pg->q = q && q[0] ? q : NULL;
	pg->limit = LIST_PAGE_ROWS;
	pg->offset = (size_t)(n - 1) * LIST_PAGE_ROWS;
	return true;
}

void
list_search_form(struct req *r, const char *action, const char *label,
		 const struct list_page *pg)
{
	struct buf *b = &r->body;
	h_open(b, "form", "method", "get", "action", action, "class", "card",
	       NULL);
	h_elem(b, "label", label, "for", "q", NULL);
	h_open(b, "input", "id", "q", "name", "q", "value", pg->q ? pg->q : "",
	       NULL);
	buf_puts(b, " <button type=\"submit\">Tìm</button></form>");
}

static void
page_link(struct req *r, const char *action, const char *extra,
	  const struct list_page *pg, size_t page, const char *text)
{
	struct buf href;
	buf_init(&href, 4096);
	buf_printf(&href, "%s?page=%zu", action, page);
	if (pg->q != NULL) {
		buf_puts(&href, "&q=");
		url_escape(&href, pg->q);
	}
	if (extra != NULL)
		buf_puts(&href, extra);
	h_link(&r->body, buf_str(&href), text);
	buf_release(&href);
}

void
list_nav(struct req *r, const char *action, const struct list_page *pg,
	 size_t shown)
{
	list_nav_with(r, action, NULL, pg, shown);
}

void
list_nav_with(struct req *r, const char *action, const char *extra,
	      const struct list_page *pg, size_t shown)
{
	struct buf *b = &r->body;
	size_t page = pg->offset / LIST_PAGE_ROWS + 1;
	size_t pages = (pg->total + LIST_PAGE_ROWS - 1) / LIST_PAGE_ROWS;
	buf_puts(b, "<p class=\"muted\">");
	if (pg->total == 0)
		h_text(b, pg->q ? "Không có kết quả nào." : "Danh sách trống.");
	else if (shown == 0)
		h_textf(b, "Trang %zu không có dòng nào (có %zu trang). ", page,
			pages);
	else
		h_textf(b, "Dòng %zu–%zu trong %zu · Trang %zu/%zu ",
			pg->offset + 1, pg->offset + shown, pg->total, page,
			pages);
	if (page > 1 && pages > 0)
		page_link(r, action, extra, pg,
			  page - 1 < pages ? page - 1 : pages, "« Trang trước");
	if (page < pages) {
		buf_puts(b, " ");
		page_link(r, action, extra, pg, page + 1, "Trang sau »");
	}
	buf_puts(b, "</p>");
}
