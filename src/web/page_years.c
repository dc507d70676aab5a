/* "Kết quả qua các năm học" (issue 16): a school's stored results across
 * the years of its rubric family, side by side, with the chart its
 * documents print (years_chart) and the chart's numbers as a table. The
 * app layer checks every year against the viewer (unit_years). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../app/years.h"
#include "../report/chart.h"
#include "../util/arena.h"
#include "web.h"

static enum ts_err
load(struct req *r, struct unit_years *u)
{
	enum ts_err e = unit_years(r->app, &r->sess.who, web_param_id(r, "id"),
				   kv_get(&r->params, "code"), r->a, u,
				   &r->diags);
	if (e != TS_OK)
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không đọc được kết quả các năm.");
	return e;
}

static void
head_row(struct buf *b, const struct unit_years *u)
{
	buf_puts(b, "<thead><tr><th scope=\"col\">TT</th><th scope=\"col\">"
		    "Nhóm tiêu chí, tiêu chí</th>");
	for (size_t i = 0; i < u->n; i++) {
		char h[96];
		year_heading(&u->y[i], h, sizeof(h));
		h_elem(b, "th", h, "scope", "col", "class", "num", NULL);
	}
	buf_puts(b, "</tr></thead>");
}

static void
body_row(struct buf *b, const struct unit_years *u, const char *id,
	 const char *title, size_t idx, bool group)
{
	h_open(b, "tr", "class", group ? "group" : NULL, NULL);
	h_elem(b, "td", id, NULL);
	h_elem(b, "th", title, "scope", "row", NULL);
	for (size_t i = 0; i < u->n; i++) {
		char c[96];
		if (group)
			year_group_cell(&u->y[i], idx, c, sizeof(c));
		else
			year_crit_cell(&u->y[i], idx, c, sizeof(c));
		h_elem(b, "td", c, "class", "num", NULL);
	}
	buf_puts(b, "</tr>");
}

/* The school's own result per year, as its documents compare it. */
static void
total_row(struct buf *b, const struct unit_years *u)
{
	buf_puts(b, "<tr class=\"group\"><td></td>");
	h_elem(b, "th", "Tổng cộng", "scope", "row", NULL);
	for (size_t i = 0; i < u->n; i++) {
		char c[96];
		year_total_cell(&u->y[i], u->rubric, ", ", c, sizeof(c));
		h_elem(b, "td", c, "class", "num", NULL);
	}
	buf_puts(b, "</tr>");
}

static void
years_table(struct buf *b, const struct unit_years *u)
{
	const struct rubric *r = u->rubric;
	buf_puts(b, "<div class=\"scroll\" tabindex=\"0\"><table id=\"years\">"
		    "<caption>Kết quả qua các năm học</caption>");
	head_row(b, u);
	buf_puts(b, "<tbody>");
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group *gr = &r->groups[g];
		body_row(b, u, gr->id, gr->title, g, true);
		for (size_t c = 0; c < gr->ncriteria; c++)
			if (gr->criteria[c].max > 0)
				body_row(b, u, gr->criteria[c].id,
					 gr->criteria[c].title,
					 gr->criteria[c].idx, false);
	}
	if (years_have_total(u))
		total_row(b, u);
	buf_puts(b, "</tbody></table></div>");
}

/* The chart's numbers, for those who cannot see the picture. */
static void
chart_data(struct buf *b, const struct rp_chart *c)
{
	char v[PTS_FMT_SIZE];
	buf_puts(b, "<div class=\"scroll\" tabindex=\"0\"><table class=\""
		    "chart-data\"><caption>");
	h_textf(b, "Số liệu của biểu đồ “%s”", c->title);
	buf_puts(b, "</caption><thead><tr>");
	h_elem(b, "th", c->x_label, "scope", "col", NULL);
	for (size_t s = 0; s < c->nseries; s++)
		h_elem(b, "th", c->series[s], "scope", "col", "class", "num",
		       NULL);
	buf_puts(b, "</tr></thead><tbody>");
	for (size_t i = 0; i < c->ncats; i++) {
		buf_puts(b, "<tr>");
		h_elem(b, "th", c->cats[i], "scope", "row", NULL);
		for (size_t s = 0; s < c->nseries; s++) {
			double x = c->values[s * c->ncats + i];
			pts_t p = 0;
			if (!pts_from_double(x, &p))
				p = 0;
			/* No bar: the chart's words ("Chưa trả lời"). */
			h_elem(b, "td",
			       isnan(x) && c->no_value ? c->no_value
						       : pts_format_vn(p, v),
			       "class", "num", NULL);
		}
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
}

static void
chart(struct req *r, const struct unit_years *u)
{
	struct buf *b = &r->body;
	struct rp_doc *doc = rp_doc_new(r->a);
	const struct rp_chart *c = doc ? years_chart(doc, rp_section0(doc), u)
				       : NULL;
	char src[200];
	snprintf(src, sizeof(src), "/campaigns/%lld/units/%s/years/bieu-do.svg",
		 web_param_id(r, "id"), kv_get(&r->params, "code"));
	buf_puts(b, "<figure class=\"chart\">");
	h_open(b, "img", "src", src, "class", "chart", "alt",
	       YEARS_CHART_TITLE " (số liệu ở bảng dưới)", NULL);
	if (c != NULL)
		chart_data(b, c);
	buf_puts(b, "</figure>");
}

void
page_years(struct req *r)
{
	struct unit_years u;
	if (load(r, &u) != TS_OK)
		return;
	struct buf *b = &r->body;
	char back[200];
	snprintf(back, sizeof(back), "/campaigns/%lld/units/%s",
		 web_param_id(r, "id"), kv_get(&r->params, "code"));
	page_begin(r, arena_printf(r->a, "%s: kết quả qua các năm học",
				   u.unit_name));
	buf_puts(b, "<p>");
	h_link(b, back, "Về bản tự đánh giá năm nay");
	buf_puts(b,
		 "</p><p>Chỉ tính kết quả đã được phê duyệt của các năm "
		 "học trước; năm chưa phê duyệt ghi rõ trạng thái. Điểm "
		 "nhóm và mức độ sau đánh giá ngoài; điểm tiêu chí là điểm "
		 "tự đánh giá của bản nộp sau cùng. “Không so sánh được”: "
		 "năm đó bộ chỉ số không có nhóm tiêu chí, tiêu chí này.</p>");
	years_table(b, &u);
	chart(r, &u);
	page_end(r);
}

void
page_years_chart(struct req *r)
{
	struct unit_years u;
	if (load(r, &u) != TS_OK)
		return;
	struct rp_doc *doc = rp_doc_new(r->a);
	const struct rp_chart *c = doc ? years_chart(doc, rp_section0(doc), &u)
				       : NULL;
	buf_reset(&r->body);
	if (c == NULL || rp_chart_svg(c, &r->body) != TS_OK) {
		web_error(r, 500, "Không vẽ được biểu đồ.");
		return;
	}
	r->content_type = "image/svg+xml";
	r->cache = "private, no-store";
}
