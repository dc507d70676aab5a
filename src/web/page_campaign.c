/* Campaign list and the reviewer's dashboard (completeness per unit). */
#include <stdio.h>
#include <string.h>

#include "../app/campaign.h"
#include "../app/org.h"
#include "../app/unit_search.h"
#include "../util/timeutil.h"
#include "stats_web.h"
#include "web.h"

static void
due_text(const char *iso, char *out)
{
	int64_t t;
	if (iso && ts_time_parse(iso, &t))
		ts_time_vn_date(t, out);
	else
		out[0] = '\0'; /* left out, never shown as "-" */
}

void
page_campaigns(struct req *r)
{
	struct buf *b = &r->body;
	struct campaign *v = NULL;
	size_t n = 0;
	enum ts_err e = campaign_list(r->app, &r->sess.who, r->a, &v, &n,
				      &r->diags);
	page_begin(r, "Việc cần làm");
	tasks_section(r);
	buf_puts(b, "<h2>Các đợt đánh giá</h2>");
	if (actor_may(&r->sess.who, PK_CAMPAIGN, NULL, PA_CREATE, NULL, NULL) ==
	    TS_OK)
		buf_puts(b,
			 "<p><a class=\"button\" href=\"/admin/campaigns/new\">"
			 "Tạo đợt đánh giá</a></p>");
	if (e == TS_OK && n == 0)
		buf_puts(b, "<p>Chưa có đợt đánh giá nào.</p>");
	if (e == TS_OK && n > 0)
		buf_puts(
			b,
			"<div class=\"scroll\" tabindex=\"0\">"
			"<table><thead><tr><th>Đợt đánh "
			"giá</th><th>Năm học</th><th>Chủ trì</th><th>Hạn nộp"
			"</th><th class=\"num\">Đơn vị</th></tr></thead><tbody>");
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		char href[64], due[TS_TIME_SIZE], cnt[24];
		snprintf(href, sizeof(href), "/campaigns/%lld",
			 (long long)v[i].id);
		snprintf(cnt, sizeof(cnt), "%lld", (long long)v[i].expected);
		due_text(v[i].due_at, due);
		buf_puts(b, "<tr><td>");
		h_link(b, href, v[i].title);
		buf_puts(b, "</td>");
		h_elem(b, "td", v[i].school_year, NULL);
		h_elem(b, "td", v[i].owner_name, NULL);
		h_elem(b, "td", due, NULL);
		h_elem(b, "td", cnt, "class", "num", NULL);
		buf_puts(b, "</tr>");
	}
	if (e == TS_OK && n > 0)
		buf_puts(b, "</tbody></table></div>");
	page_end(r);
}

/* The same bytes as h_elem(b, "td", "%zu", "class", "num"), without
 * printf: a Sở's table at 8,000 schools has 1,400 of these cells. */
static void
count_cell(struct buf *b, size_t v)
{
	char s[24];
	size_t i = sizeof(s);
	do
		s[--i] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	buf_puts(b, "<td class=\"num\">");
	buf_put(b, s + i, sizeof(s) - i);
	buf_puts(b, "</td>");
}

static void
status_row(struct req *r, long long id, const char *name, const char *code,
	   bool school, const struct completeness_row *row)
{
	struct buf *b = &r->body, href;
	buf_init(&href, 1024);
	size_t done = row->by_state[ST_SUBMITTED] + row->by_state[ST_RETURNED] +
		      row->by_state[ST_APPROVED] + row->by_state[ST_PUBLISHED];
	char pct[PTS_FMT_SIZE];
	pts_format_pct_vn(pts_percent((int64_t)done, (int64_t)row->expected),
			  pct);
	buf_puts(b, code ? "<tr><td>" : "<tr class=\"group\"><td>");
	if (code != NULL) {
		buf_printf(&href,
			   school ? "/campaigns/%lld/units/"
				  : "/campaigns/%lld?unit=",
			   id);
		url_escape(&href, code);
		h_link(b, buf_str(&href), name);
	} else {
		h_text(b, name);
	}
	buf_puts(b, "</td>");
	count_cell(b, row->expected);
	for (int s = ST_NONE; s <= ST_PUBLISHED; s++)
		count_cell(b, row->by_state[s]);
	count_cell(b, row->late);
	h_elem(b, "td", pct, "class", "num", NULL);
	buf_puts(b, "</tr>");
	buf_release(&href);
}

static void
level_cells(struct buf *b, size_t n, size_t total)
{
	char s[PTS_FMT_SIZE];
	snprintf(s, sizeof(s), "%zu", n);
	h_elem(b, "td", s, "class", "num", NULL);
	pts_format_pct_vn(pts_percent((int64_t)n, (int64_t)total), s);
	h_elem(b, "td", s, "class", "num", NULL);
}

/* Phụ lục 3 of seed 000: per group and cấp học, units at each level. */
static void
levels_table(struct req *r, const struct campaign *c, long long id)
{
	struct buf *b = &r->body;
	struct level_counts lc;
	const struct rubric *rb = app_rubric(r->app, c->rubric_id,
					     c->rubric_version);
	if (rb == NULL ||
	    campaign_levels(r->app, &r->sess.who, id, kv_get(&r->query, "unit"),
			    &lc, &r->diags) != TS_OK)
		return;
	buf_puts(b,
		 "<h2>Kết quả đánh giá theo mức (đơn vị đã được phê duyệt)"
		 "</h2><div class=\"scroll\" tabindex=\"0\">"
		 "<table><thead><tr><th rowspan="
		 "\"2\">Nhóm tiêu chí</th><th colspan=\"2\">Mức chưa đáp ứng "
		 "(Mức độ 1)</th><th colspan=\"2\">Mức đáp ứng cơ bản (Mức độ "
		 "2)</th><th colspan=\"2\">Mức đáp ứng tốt (Mức độ 3)</th></tr>"
		 "<tr><th class=\"num\">Số lượng</th><th class=\"num\">Tỷ lệ "
		 "%</th><th class=\"num\">Số lượng</th><th class=\"num\">Tỷ "
		 "lệ %</th><th class=\"num\">Số lượng</th><th class=\"num\">"
		 "Tỷ lệ %</th></tr></thead><tbody>");
	for (size_t g = 0; g < rb->ngroups && g < LC_GROUPS; g++) {
		buf_puts(b, "<tr class=\"group\"><td colspan=\"7\">");
		h_textf(b, "%s. %s", rb->groups[g].id, rb->groups[g].title);
		buf_puts(b, "</td></tr>");
		for (size_t l = 0; l < LC_LEVELS; l++) {
			if (!(c->levels & (1u << l)) || lc.units[l] == 0)
				continue;
			buf_puts(b, "<tr><td>");
			h_textf(b, "CSGD %s (%zu đơn vị)",
				school_level_name((enum school_level)(1u << l)),
				lc.units[l]);
			buf_puts(b, "</td>");
			for (int m = 1; m <= 3; m++)
				level_cells(b, lc.n[g][l][m], lc.units[l]);
			buf_puts(b, "</tr>");
		}
	}
	buf_puts(b, "</tbody></table></div>");
}

/* The schools one by one: the work queue under the shown root. */
static void
queue_link(struct req *r, long long id)
{
	const char *code = kv_get(&r->query, "unit");
	struct buf href;
	buf_init(&href, 1024);
	buf_printf(&href, "/campaigns/%lld/queue", id);
	if (code != NULL) {
		buf_puts(&href, "?unit=");
		url_escape(&href, code);
	}
	buf_puts(&r->body, "<p>");
	h_link(&r->body, buf_str(&href),
	       "Hàng đợi xem xét: từng đơn vị, lọc "
	       "theo trạng thái, nộp muộn, cấp học và sắp xếp");
	buf_puts(&r->body, "</p>");
	buf_release(&href);
}

/* The shown root's code: ?unit=, else the actor's unit (NULL: none). */
static const char *
root_code(struct req *r)
{
	const char *code = kv_get(&r->query, "unit");
	struct org_unit u;
	if (code == NULL &&
	    org_get(r->app, r->sess.who.unit_id, r->a, &u) == TS_OK)
		code = u.code;
	return code;
}

/* The office's own documents (Phụ lục 3, listing) for the shown root. */
static void
report_link(struct req *r, long long id, const char *text)
{
	const char *code = root_code(r);
	if (code == NULL)
		return;
	struct buf href;
	buf_init(&href, 1024);
	buf_printf(&href, "/campaigns/%lld/units/", id);
	url_escape(&href, code);
	buf_puts(&href, "/report");
	buf_puts(&r->body, "<p>");
	h_link(&r->body, buf_str(&href), text);
	buf_puts(&r->body, "</p>");
	buf_release(&href);
}

/* Năm học, căn cứ, hạn nộp under the title. A field left empty is left
 * out, never printed as "-"; the one who may edit is told the basis is
 * missing, next to the link that fills it in. */
static void
campaign_facts(struct req *r, const struct campaign *c, long long id)
{
	struct buf *b = &r->body;
	bool may_edit = campaign_may_edit(&r->sess.who, c);
	char due[TS_TIME_SIZE];
	due_text(c->due_at, due);
	buf_puts(b, "<p class=\"muted\">");
	h_textf(b, "Năm học %s", c->school_year);
	if (c->legal_basis[0])
		h_textf(b, " · Căn cứ: %s", c->legal_basis);
	else if (may_edit)
		h_text(b, " · Chưa nhập căn cứ");
	if (due[0])
		h_textf(b, " · Hạn nộp: %s", due);
	if (may_edit) {
		char href[64];
		snprintf(href, sizeof(href), "/admin/campaigns/%lld", id);
		buf_puts(b, " · ");
		h_link(b, href, "Sửa đợt đánh giá");
	}
	buf_puts(b, "</p>");
}

static void
dashboard(struct req *r, const struct campaign *c, long long id)
{
	struct buf *b = &r->body;
	struct campaign_status st;
	enum ts_err e = campaign_status(r->app, &r->sess.who, id,
					kv_get(&r->query, "unit"), r->a, &st,
					&r->diags);
	if (e != TS_OK)
		r->status = web_status_for(e);
	page_begin(r, c->title);
	campaign_facts(r, c, id);
	if (e != TS_OK) {
		page_end(r);
		return;
	}
	tasks_unit_list(r, id);
	h_elem(b, "h2", st.root_name, NULL);
	buf_puts(b,
		 "<div class=\"scroll\" tabindex=\"0\">"
		 "<table><thead><tr><th>Đơn vị</th>"
		 "<th class=\"num\">Số đơn vị</th><th class=\"num\">Chưa bắt "
		 "đầu</th><th class=\"num\">Bản nháp</th><th class=\"num\">"
		 "Đã nộp</th><th class=\"num\">Trả lại</th><th class=\"num\">"
		 "Đã phê duyệt</th><th class=\"num\">Đã công bố</th><th "
		 "class=\"num\">Nộp muộn</th><th class=\"num\">Tỷ lệ đã nộp"
		 "</th></tr></thead><tbody>");
	for (size_t i = 0; i < st.nrows; i++)
		status_row(r, id, st.row_names[i], st.row_codes[i],
			   st.row_school[i], &st.rows[i]);
	status_row(r, id, "Tổng cộng", NULL, false, &st.total);
	buf_puts(b, "</tbody></table></div>");
	if (strcmp(c->kind, "thong-ke") == 0) {
		ps_rollup(r, c); /* the figures by bậc học, not Phụ lục 3 */
		report_link(
			r, id,
			"Báo cáo ứng dụng CNTT, chuyển đổi số và "
			"thống kê giáo dục (Phụ lục 2): DOCX, PDF, XLSX, CSV");
		page_end(r);
		return;
	}
	levels_table(r, c, id);
	campaign_years_section(r, id, root_code(r));
	const struct rubric *rb = app_rubric(r->app, c->rubric_id,
					     c->rubric_version);
	if (rb != NULL)
		campaign_gaps_section(r, id, rb);
	queue_link(r, id);
	report_link(r, id,
		    "Báo cáo kết quả (Phụ lục 3) và danh sách kết quả "
		    "từng đơn vị: DOCX, PDF, XLSX, CSV");
	page_end(r);
}

static void
campaign_page(struct req *r)
{
	long long id = web_param_id(r, "id");
	struct campaign c;
	enum ts_err e = id ? campaign_get(r->app, &r->sess.who, id, r->a, &c,
					  &r->diags)
			   : TS_ENOTFOUND;
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  "Không có đợt đánh giá này trong "
			  "phạm vi của tài khoản.");
		return;
	}
	if (actor_may(&r->sess.who, PK_DESK, NULL, PA_VIEW, NULL, NULL) !=
	    TS_OK) {
		struct org_unit u;
		struct buf href;
		buf_init(&href, 1024);
		if (org_get(r->app, r->sess.who.unit_id, r->a, &u) == TS_OK) {
			buf_printf(&href, "/campaigns/%lld/units/", id);
			url_escape(&href, u.code);
			web_redirect(r, "%s", buf_str(&href));
		}
		buf_release(&href);
		return;
	}
	dashboard(r, &c, id);
}

void
page_campaign(struct req *r)
{
	/* The dashboard's thirty-odd reads from one snapshot: one read
	 * lock instead of one per statement (17 % of a view), and every
	 * count from the same results generation. */
	app_read_begin(r->app);
	campaign_page(r);
	app_read_end(r->app);
}

/* The campaign a search links into: ?campaign=, else the newest one the
 * actor sees; 0 when there is none. */
static const struct campaign *
search_campaign(struct req *r)
{
	struct campaign *v = NULL;
	size_t n = 0;
	const char *want = kv_get(&r->query, "campaign");
	if (campaign_list(r->app, &r->sess.who, r->a, &v, &n, &r->diags) !=
	    TS_OK)
		return NULL;
	for (size_t i = 0; want != NULL && i < n; i++) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)v[i].id);
		if (strcmp(id, want) == 0)
			return &v[i];
	}
	return n > 0 ? &v[0] : NULL; /* newest first */
}

/* A school's page in the campaign, or an office's dashboard there. */
static void
hit_link(struct req *r, const struct campaign *c, const struct unit_hit *h)
{
	struct buf href;
	bool school = org_kind_is_school(h->kind);
	if (c == NULL || (school && !h->in_campaign)) {
		h_text(&r->body, h->name);
		return;
	}
	buf_init(&href, 1024);
	buf_printf(&href,
		   school ? "/campaigns/%lld/units/" : "/campaigns/%lld?unit=",
		   (long long)c->id);
	url_escape(&href, h->code);
	h_link(&r->body, buf_str(&href), h->name);
	buf_release(&href);
}

static void
search_results(struct req *r, const struct campaign *c, const char *q)
{
	struct buf *b = &r->body;
	struct unit_hit *v = NULL;
	size_t n = 0;
	bool more = false;
	if (unit_search(r->app, &r->sess.who, q, c ? c->id : 0, 50, r->a, &v,
			&n, &more) != TS_OK ||
	    n == 0) {
		buf_puts(b, "<p>Không tìm thấy đơn vị nào.</p>");
		return;
	}
	buf_puts(
		b,
		"<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Đơn vị</th>"
		"<th>Mã</th><th>Loại</th><th>Trực thuộc</th><th>Trạng thái"
		"</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		bool school = org_kind_is_school(v[i].kind);
		buf_puts(b, "<tr><td>");
		hit_link(r, c, &v[i]);
		buf_puts(b, "</td>");
		h_elem(b, "td", v[i].code, NULL);
		h_elem(b, "td", org_kind_name(v[i].kind), NULL);
		h_elem(b, "td", v[i].parent_name, NULL);
		h_elem(b, "td",
		       !school		   ? ""
		       : !v[i].in_campaign ? "Không tham gia đợt này"
					   : sub_state_name(v[i].state),
		       NULL);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	if (more)
		buf_puts(b,
			 "<p class=\"muted\">Chỉ hiện 50 đơn vị đầu tiên; gõ "
			 "thêm chữ để thu hẹp kết quả.</p>");
}

void
page_search(struct req *r)
{
	struct buf *b = &r->body;
	const char *q = kv_get(&r->query, "q");
	const struct campaign *c = search_campaign(r);
	page_begin(r, "Tìm đơn vị");
	buf_puts(b,
		 "<form method=\"get\" action=\"/search\" class=\"card\">"
		 "<label for=\"q\">Tên hoặc mã đơn vị (gõ có dấu hay không dấu "
		 "đều được; mỗi từ là đầu một từ trong tên, ví dụ \"th ng "
		 "du\")</label>");
	h_open(b, "input", "id", "q", "name", "q", "value", q ? q : "", NULL);
	if (c != NULL) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)c->id);
		h_open(b, "input", "type", "hidden", "name", "campaign",
		       "value", id, NULL);
	}
	buf_puts(b, " <button type=\"submit\">Tìm</button></form>");
	if (c != NULL) {
		buf_puts(b, "<p class=\"muted\">");
		h_textf(b, "Kết quả dẫn tới trang của đơn vị trong đợt: %s",
			c->title);
		buf_puts(b, "</p>");
	}
	if (q != NULL && q[0] != '\0')
		search_results(r, c, q);
	page_end(r);
}
