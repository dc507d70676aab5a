/* The office dashboard's Phụ lục 3 across years (issue 16): per group, a
 * row per year and cấp học with the count and share at each level, then
 * the charts of its Phụ lục 3 document across years, each with its
 * numbers (the same office_years as the document). */
#include <stdio.h>
#include <string.h>

#include "../app/plan.h"
#include "../app/report.h"
#include "../app/years.h"
#include "../core/shares.h"
#include "../util/arena.h"
#include "web.h"

/* Count and share of each level, the shares adding up to 100 %. */
static void
level_cells(struct buf *b, const size_t *n, size_t units)
{
	int64_t part[3] = { (int64_t)n[1], (int64_t)n[2], (int64_t)n[3] };
	pts_t share[3] = { 0, 0, 0 };
	if (units > 0 && !pts_shares(part, 3, share))
		memset(share, 0, sizeof(share));
	for (int m = 0; m < 3; m++) {
		char s[PTS_FMT_SIZE];
		snprintf(s, sizeof(s), "%lld", (long long)part[m]);
		h_elem(b, "td", s, "class", "num", NULL);
		h_elem(b, "td", pts_format_rate_vn(share[m], s), "class", "num",
		       NULL);
	}
}

static void
row(struct buf *b, const char *year, const char *what, const size_t *n,
    size_t units, bool total)
{
	h_open(b, "tr", "class", total ? "group" : NULL, NULL);
	h_elem(b, "th", year, "scope", "row", NULL);
	buf_puts(b, "<td>");
	h_textf(b, "%s", what);
	buf_puts(b, "</td>");
	level_cells(b, n, units);
	buf_puts(b, "</tr>");
}

static void
year_rows(struct buf *b, const struct office_year *y, size_t g)
{
	char what[96];
	snprintf(what, sizeof(what), "Tổng số (%zu CSGD)", y->lc.units_all);
	row(b, y->school_year, what, y->lc.all[g], y->lc.units_all, true);
	for (size_t l = 0; l < LC_LEVELS; l++) {
		if (y->lc.units[l] == 0)
			continue;
		snprintf(what, sizeof(what), "CSGD %s (%zu)",
			 school_level_name((enum school_level)(1u << l)),
			 y->lc.units[l]);
		row(b, "", what, y->lc.n[g][l], y->lc.units[l], false);
	}
}

static void
group_table(struct buf *b, const struct office_years *o, size_t g)
{
	const struct group *gr = &o->rubric->groups[g];
	buf_puts(b, "<div class=\"scroll\" tabindex=\"0\"><table class=\""
		    "years\"><caption>");
	h_textf(b, "Nhóm tiêu chí %s: %s qua các năm học", gr->id, gr->title);
	buf_puts(b, "</caption><thead><tr><th scope=\"col\">Năm học</th>"
		    "<th scope=\"col\">Cấp học</th>");
	for (int m = 1; m <= 3; m++) {
		h_open(b, "th", "scope", "col", "class", "num", NULL);
		h_textf(b, "Mức độ %d", m);
		buf_puts(b, "</th><th scope=\"col\" class=\"num\">Tỷ lệ</th>");
	}
	buf_puts(b, "</tr></thead><tbody>");
	for (size_t i = 0; i < o->n; i++)
		year_rows(b, &o->y[i], g);
	buf_puts(b, "</tbody></table></div>");
}

/* The office's Phụ lục 3 charts across years (bieu-do-N.svg of its main
 * document, numbered as report_charts lists them). */
static void
charts(struct req *r, const struct office_years *o, long long id,
       const char *code)
{
	const struct report_chart *list;
	size_t n = report_charts(report_kind_get(RK_LEVELS), o->rubric, r->a,
				 &list);
	for (size_t k = 0; code != NULL && k < n; k++) {
		if (!list[k].years)
			continue;
		struct buf src;
		buf_init(&src, 1024);
		buf_printf(&src, "/campaigns/%lld/units/", id);
		url_escape(&src, code);
		buf_printf(&src, "/report/bieu-do-%zu.svg", k + 1);
		char alt[400];
		snprintf(alt, sizeof(alt), "%s (số liệu ở bảng trên)",
			 list[k].title);
		buf_puts(&r->body, "<figure class=\"chart\">");
		h_open(&r->body, "img", "src", buf_str(&src), "class", "chart",
		       "alt", alt, NULL);
		buf_puts(&r->body, "</figure>");
		buf_release(&src);
	}
}

void
campaign_years_section(struct req *r, long long id, const char *code)
{
	struct office_years o;
	struct diags quiet;
	diags_init(&quiet);
	enum ts_err e = office_years(r->app, &r->sess.who, id,
				     kv_get(&r->query, "unit"), r->a, &o,
				     &quiet);
	diags_release(&quiet);
	if (e != TS_OK || !(rubric_shape(o.rubric) & RS_LEVELS))
		return;
	struct buf *b = &r->body;
	buf_puts(b,
		 "<section id=\"qua-cac-nam\"><h2>Kết quả theo mức qua các "
		 "năm học</h2><p class=\"muted\">Mỗi năm học tính từ kết "
		 "quả đã được phê duyệt của các đơn vị tham gia đợt đánh giá "
		 "năm đó, theo địa bàn quản lý khi mở đợt; tỷ lệ tính trên "
		 "số đơn vị có kết quả.</p>");
	for (size_t g = 0; g < o.rubric->ngroups && g < LC_GROUPS; g++)
		if (o.rubric->groups[g].nlevels > 0)
			group_table(b, &o, g);
	charts(r, &o, id, code);
	buf_puts(b, "</section>");
}

/* The items most schools under the shown root still lack for their next
 * level (their approved results' advice), with how many schools. */
void
campaign_gaps_section(struct req *r, long long id, const struct rubric *rb)
{
	struct gap_count *g = NULL;
	size_t n = 0, schools = 0;
	struct diags quiet;
	diags_init(&quiet);
	enum ts_err e = plan_gaps(r->app, &r->sess.who, id,
				  kv_get(&r->query, "unit"), 10, r->a, &g, &n,
				  &schools, &quiet);
	diags_release(&quiet);
	if (e != TS_OK || n == 0)
		return;
	struct buf *b = &r->body;
	buf_puts(b, "<section id=\"thieu-nhieu\"><h2>" GAPS_TITLE
		    "</h2><div class=\"scroll\" "
		    "tabindex=\"0\"><table><thead><tr><th scope=\"col\">Nội "
		    "dung</th><th scope=\"col\" class=\"num\">Số trường còn "
		    "thiếu</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct item *it = rubric_find_item(rb, g[i].item_id);
		char c[32];
		buf_puts(b, "<tr>");
		h_open(b, "th", "scope", "row", NULL);
		h_textf(b, "%s. %s", g[i].item_id, it ? it->text : "");
		buf_puts(b, "</th>");
		snprintf(c, sizeof(c), "%zu", g[i].schools);
		h_elem(b, "td", c, "class", "num", NULL);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div><p class=\"muted\">" GAPS_NOTE
		    "</p></section>");
}
