/* The rubrics (bộ chỉ số): list and the official six-column table. */
#include <stdio.h>
#include <string.h>

#include "web.h"

void
page_rubrics(struct req *r)
{
	struct buf *b = &r->body;
	const struct rubric_set *set = &r->app->rubrics;
	page_begin(r, "Bộ chỉ số");
	buf_puts(b, "<ul>");
	for (size_t i = 0; i < set->n; i++) {
		const struct rubric *rb = set->v[i].rubric;
		char href[160];
		snprintf(href, sizeof(href), "/rubrics/%s@%d", rb->id,
			 rb->version);
		buf_puts(b, "<li>");
		h_link(b, href, rb->title);
		h_textf(b, " — %s, phiên bản %d", rb->source.decision,
			rb->version);
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul>");
	page_end(r);
}

static void
levels_text(struct buf *b, const struct level_band *v, size_t n, pts_t top)
{
	char w[128];
	for (size_t i = 0; i < n; i++)
		h_textf(b, "%sMức %d: %s", i ? "; " : "", v[i].level,
			range_words(&v[i].range, top, w));
}

/* An item's row, after its heading's if it has one. */
static void
item_rows(struct buf *b, const struct item *it)
{
	char p[PTS_FMT_SIZE];
	if (it->heading != NULL) {
		buf_puts(b, "<tr><td></td>");
		h_elem(b, "td", it->heading, NULL);
		buf_puts(b, "<td></td><td></td><td></td>");
		h_elem(b, "td", "Không chấm điểm", NULL);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "<tr><td></td>");
	h_elem(b, "td", it->text, NULL);
	buf_puts(b, "<td></td>");
	h_elem(b, "td",
	       it->kind == ITEM_GATE ? "BB" : pts_format_vn(it->max, p),
	       "class", "num", NULL);
	buf_puts(b, "<td></td>");
	/* Where an unverified rule comes from is for maintainers
	 * (`rubric show --sources`), not for this page. */
	const char *hint = it->evidence.hint;
	buf_puts(b, "<td>");
	h_text(b, hint ? hint : "");
	if (!it->verified)
		h_text(b, hint ? " (chưa xác minh)" : "Chưa xác minh");
	buf_puts(b, "</td>");
	buf_puts(b, "</tr>");
}

static void
criterion_rows(struct buf *b, const struct criterion *c)
{
	char mx[PTS_FMT_SIZE];
	buf_puts(b, "<tr>");
	h_elem(b, "td", c->id, NULL);
	h_elem(b, "td", c->title, NULL);
	h_elem(b, "td",
	       c->max ? pts_format_vn(c->max, mx) : "Điều kiện bắt buộc",
	       "class", "num", NULL);
	buf_puts(b, "<td></td><td>");
	levels_text(b, c->levels, c->nlevels, c->max);
	if (c->nlevels && !c->levels_verified)
		h_text(b, " (suy luận)");
	buf_puts(b, "</td>");
	h_elem(b, "td", c->evidence.hint ? c->evidence.hint : "", NULL);
	buf_puts(b, "</tr>");
	for (size_t i = 0; c->max && i < c->nitems; i++)
		item_rows(b, &c->items[i]);
}

void
page_rubric(struct req *r)
{
	struct buf *b = &r->body;
	const struct rubric *rb = rubric_set_find(&r->app->rubrics,
						  kv_get(&r->params, "id"));
	char mx[PTS_FMT_SIZE];
	if (rb == NULL) {
		web_error(r, 404, "Không có bộ chỉ số này.");
		return;
	}
	page_begin(r, rb->title);
	buf_puts(b, "<p class=\"muted\">");
	h_textf(b, "Căn cứ: %s. Mã %s, phiên bản %d.", rb->source.decision,
		rb->id, rb->version);
	buf_puts(
		b,
		"</p><div class=\"scroll\" tabindex=\"0\">"
		"<table><thead><tr><th>STT</th>"
		"<th>Tiêu chí</th><th class=\"num\">Điểm tối đa</th><th "
		"class=\"num\">Điểm thành phần</th><th>Mức độ</th><th>Ghi chú, "
		"minh chứng</th></tr></thead><tbody>");
	for (size_t g = 0; g < rb->ngroups; g++) {
		const struct group *gr = &rb->groups[g];
		buf_puts(b, "<tr class=\"group\">");
		h_elem(b, "td", gr->id, NULL);
		h_elem(b, "td", gr->title, NULL);
		h_elem(b, "td", pts_format_vn(gr->max, mx), "class", "num",
		       NULL);
		buf_puts(b, "<td></td><td colspan=\"2\">");
		levels_text(b, gr->levels, gr->nlevels, gr->max);
		buf_puts(b, "</td></tr>");
		for (size_t c = 0; c < gr->ncriteria; c++)
			criterion_rows(b, &gr->criteria[c]);
	}
	buf_puts(b, "</tbody></table></div>");
	page_end(r);
}
