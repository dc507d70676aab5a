/* The reviewer's work queue (issue 17, item 4): a campaign's schools,
 * filtered by state, lateness, cấp học and sub-unit, sorted, 100 a page.
 * Every filter is a GET parameter, so a queue is a link. A statistics
 * campaign's queue is this one with its own column (warnings confirmed)
 * in place of the CĐS levels, signed copy and score sort. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "queue_view.h"

/* Reads the page, filters and sort; a value outside its list is a 400
 * naming it. */
static bool
queue_params(struct req *r, struct queue_params *q)
{
	memset(q, 0, sizeof(*q));
	if (!list_params(r, &q->pg))
		return false;
	const char *bad = queue_read(&r->query, q);
	if (bad != NULL)
		web_error(r, 400, bad);
	return bad == NULL;
}

static void
option(struct buf *b, const char *value, const char *text, const char *cur)
{
	bool sel = (cur ? cur : "")[0] == value[0] &&
		   strcmp(cur ? cur : "", value) == 0;
	h_open(b, "option", "value", value, "selected", sel ? "" : NULL, NULL);
	h_text(b, text);
	buf_puts(b, "</option>");
}

/* The signed copy and the score are the CĐS report's: a statistics
 * campaign's queue offers neither. */
static void
cds_filters(struct buf *b, const struct queue_params *q)
{
	buf_puts(b, "</select> <label for=\"signed\">Bản đã ký</label><select "
		    "id=\"signed\" name=\"signed\">");
	option(b, "", "Tất cả", q->signed_copy);
	option(b, "1", "Đã gửi bản đã ký", q->signed_copy);
	option(b, "0", "Chưa gửi bản đã ký", q->signed_copy);
}

/* The sub-unit filter: a list of the offices directly under the
 * actor's unit by name (a Sở officer knows "UBND xã An Lão", not its
 * code), read from the campaign's completeness table (kept per results
 * generation); the code box when the actor has no office below. */
static void
unit_field(struct req *r, long long id, const struct queue_params *q)
{
	struct buf *b = &r->body;
	struct campaign_status st;
	struct diags quiet;
	size_t offices = 0;
	bool listed = q->under == NULL || q->under[0] == '\0';
	diags_init(&quiet);
	if (campaign_status(r->app, &r->sess.who, id, NULL, r->a, &st,
			    &quiet) != TS_OK)
		st.nrows = 0;
	diags_release(&quiet);
	for (size_t i = 0; i < st.nrows; i++)
		offices += !st.row_school[i];
	if (offices == 0) {
		buf_puts(b, "<label for=\"unit\">Mã đơn vị trực thuộc</label>");
		h_open(b, "input", "id", "unit", "name", "unit", "value",
		       q->under ? q->under : "", NULL);
		return;
	}
	buf_puts(b, "<label for=\"unit\">Đơn vị trực thuộc</label><select "
		    "id=\"unit\" name=\"unit\">");
	option(b, "", "Tất cả", q->under);
	for (size_t i = 0; i < st.nrows; i++) {
		if (st.row_school[i])
			continue;
		listed |= q->under && strcmp(q->under, st.row_codes[i]) == 0;
		option(b, st.row_codes[i], st.row_names[i], q->under);
	}
	/* A deeper unit reached by a link stays chosen. */
	if (!listed)
		option(b, q->under, q->under, q->under);
	buf_puts(b, "</select>");
}

static void
filter_form(struct req *r, long long id, const struct queue_params *q,
	    bool stats)
{
	struct buf *b = &r->body;
	char action[64];
	snprintf(action, sizeof(action), "/campaigns/%lld/queue", id);
	h_open(b, "form", "method", "get", "action", action, "class", "card",
	       NULL);
	buf_puts(b,
		 "<label for=\"state\">Trạng thái</label><select id=\"state\" "
		 "name=\"state\">");
	option(b, "", "Tất cả", q->state);
	for (int s = ST_NONE; s <= ST_PUBLISHED; s++)
		option(b, sub_state_code((enum sub_state)s),
		       sub_state_name((enum sub_state)s), q->state);
	buf_puts(b, "</select> <label for=\"late\">Nộp muộn</label><select "
		    "id=\"late\" name=\"late\">");
	option(b, "", "Tất cả", q->late);
	option(b, "1", "Nộp muộn", q->late);
	option(b, "0", "Không muộn", q->late);
	if (!stats)
		cds_filters(b, q);
	buf_puts(b, "</select> <label for=\"level\">Cấp học</label><select "
		    "id=\"level\" name=\"level\">");
	option(b, "", "Tất cả", q->level);
	static const char *const lv[] = { "MN", "TH", "THCS", "THPT", "GDTX" };
	for (size_t i = 0; i < 5; i++)
		option(b, lv[i], lv[i], q->level);
	buf_puts(b, "</select> ");
	unit_field(r, id, q);
	buf_puts(b, " <label for=\"sort\">Sắp xếp</label><select id=\"sort\" "
		    "name=\"sort\">");
	option(b, "ma", "Theo mã đơn vị", q->sort);
	option(b, "ngay-nop", "Ngày nộp, sớm trước", q->sort);
	option(b, "-ngay-nop", "Ngày nộp, muộn trước", q->sort);
	if (!stats) {
		option(b, "-diem", "Điểm sau đánh giá, cao trước", q->sort);
		option(b, "diem", "Điểm sau đánh giá, thấp trước", q->sort);
	}
	buf_puts(b, "</select> <button type=\"submit\">Lọc</button></form>");
}

/* A draft's stored levels count its unanswered criteria as 0 points:
 * "Mức 1" there would pass for a result (issue 18 item 6), so a draft
 * says it has none yet, as its form does until every item is answered. */
static void
levels_cell(struct buf *b, const int *lv, size_t ngroups, bool any)
{
	static const char *const muc[] = { "-", "Mức 1", "Mức 2", "Mức 3" };
	struct buf t;
	buf_init(&t, 256);
	for (size_t g = 0; any && g < ngroups && g < LC_GROUPS; g++)
		buf_printf(&t, "%sNhóm %zu: %s", g ? " · " : "", g + 1,
			   muc[lv[g] >= 0 && lv[g] <= 3 ? lv[g] : 0]);
	h_elem(b, "td", any ? buf_str(&t) : "", NULL);
	buf_release(&t);
}

static void
date_cell(struct buf *b, const char *iso)
{
	char s[TS_TIME_SIZE];
	h_elem(b, "td", iso ? ts_time_vn_text(iso, s) : "", NULL);
}

/* A box to pick the row for a bulk step (approve a submitted one,
 * publish an approved one), carrying the revision the row showed. */
static void
pick_cell(struct buf *b, const struct queue_row *v, bool all)
{
	char val[300], label[600];
	buf_puts(b, "<td class=\"pick\">");
	if (v->revision >= 0 &&
	    (v->state == ST_SUBMITTED || v->state == ST_APPROVED)) {
		snprintf(val, sizeof(val), "%lld:%s", (long long)v->revision,
			 v->code);
		snprintf(label, sizeof(label), "Chọn %s", v->name);
		h_open(b, "input", "type", "checkbox", "name", "pick", "value",
		       val, "aria-label", label, "checked", all ? "" : NULL,
		       NULL);
	}
	buf_puts(b, "</td>");
}

/* The CĐS report's levels (self and reviewed) and its signed copy. */
static void
cds_cells(struct buf *b, const struct queue_row *v, size_t ngroups)
{
	if (v->state == ST_DRAFT)
		h_elem(b, "td", "Chưa có (bản nháp)", NULL);
	else
		levels_cell(b, v->self_level, ngroups, v->state != ST_NONE);
	levels_cell(b, v->reviewed_level, ngroups,
		    v->state == ST_APPROVED || v->state == ST_PUBLISHED);
	char at[TS_TIME_SIZE];
	h_elem(b, "td", v->signed_at ? ts_time_vn_text(v->signed_at, at) : "",
	       NULL);
}

/* A statistics report's warnings the school confirmed (values far from
 * its previous report), for the reviewer to look at first. */
static void
confirmed_cell(struct req *r, const struct queue_row *v)
{
	h_elem(&r->body, "td",
	       v->state == ST_NONE || v->confirmed == 0
		       ? ""
		       : arena_printf(r->a, "%d cảnh báo", v->confirmed),
	       "class", "num", NULL);
}

static void
queue_row_html(struct req *r, long long id, const struct queue_row *v,
	       size_t ngroups, const char *query)
{
	struct buf *b = &r->body, href, rid;
	buf_init(&href, 1024);
	buf_init(&rid, 300);
	buf_printf(&href, "/campaigns/%lld/units/", id);
	url_escape(&href, v->code);
	buf_puts(&href, "?queue=");
	url_escape(&href, query);
	buf_puts(&rid, "u-");
	url_escape(&rid, v->code);
	h_open(b, "tr", "id", buf_str(&rid), NULL);
	pick_cell(b, v, kv_get(&r->query, "all") != NULL);
	buf_puts(b, "<td>");
	h_link(b, buf_str(&href), v->name);
	buf_puts(b, "</td>");
	h_elem(b, "td", v->parent_name, NULL);
	h_elem(b, "td", sub_state_name(v->state), NULL);
	h_elem(b, "td", v->late ? "Nộp muộn" : "", NULL);
	date_cell(b, v->first_submitted_at);
	date_cell(b, v->updated_at);
	if (v->confirmed >= 0)
		confirmed_cell(r, v);
	else
		cds_cells(b, v, ngroups);
	buf_puts(b, "</tr>");
	buf_release(&href);
	buf_release(&rid);
}

/* "Chọn tất cả trên trang này" (or "Bỏ chọn"): the same page with every
 * box ticked, so it works without JavaScript. */
static void
select_all_link(struct req *r, long long id, const char *query)
{
	bool all = kv_get(&r->query, "all") != NULL;
	struct buf href;
	buf_init(&href, 1024);
	buf_printf(&href, "/campaigns/%lld/queue?%s%s", id, query,
		   all ? "" : (query[0] ? "&all=1" : "all=1"));
	buf_puts(&r->body, "<p>");
	h_link(&r->body, buf_str(&href),
	       all ? "Bỏ chọn tất cả" : "Chọn tất cả trên trang này");
	buf_puts(&r->body, "</p>");
	buf_release(&href);
}

/* The bulk steps under the table: each picked school goes through a
 * confirmation page (POST …/queue/bulk) before anything changes. */
static void
bulk_buttons(struct req *r, const char *query)
{
	struct buf *b = &r->body;
	h_open(b, "input", "type", "hidden", "name", "queue", "value", query,
	       NULL);
	buf_puts(b, "<div class=\"actions\"><button type=\"submit\" "
		    "name=\"action\" value=\"approve\">Phê duyệt các trường "
		    "đã chọn…</button><button type=\"submit\" name=\"action\" "
		    "value=\"publish\" class=\"secondary\">Công bố kết quả các "
		    "trường đã chọn…</button></div>");
}

static void
queue_table(struct req *r, long long id, const struct queue_row *v, size_t n,
	    size_t ngroups, const char *query, bool stats)
{
	struct buf *b = &r->body;
	char action[64];
	snprintf(action, sizeof(action), "/campaigns/%lld/queue/bulk", id);
	select_all_link(r, id, query);
	h_open(b, "form", "method", "post", "action", action, "id", "bulk",
	       NULL);
	h_csrf(r);
	buf_puts(
		b,
		"<div class=\"scroll\" tabindex=\"0\"><table class=\"queue\">"
		"<thead><tr><th class=\"pick\">Chọn</th><th>Đơn vị</th><th>Trực thuộc</th><th>Trạng "
		"thái</th><th>Muộn</th><th>Nộp lần đầu</th><th>Cập nhật</th>");
	buf_puts(b, stats ? "<th class=\"num\">Cảnh báo đã xác nhận</th>"
			  : "<th>Mức tự đánh giá</th><th>Mức sau đánh giá</th>"
			    "<th>Bản đã ký</th>");
	buf_puts(b, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		queue_row_html(r, id, &v[i], ngroups, query);
	buf_puts(b, "</tbody></table></div>");
	bulk_buttons(r, query);
	buf_puts(b, "</form>");
}

/* The units under the queue's root that have not submitted, with their
 * contacts, as the "chua-nop" document (CSV, XLSX) of that office. */
static void
chase_links(struct req *r, const struct campaign *c, const char *under)
{
	struct org_unit u;
	const char *root = under ? under : c->owner_code;
	if (under == NULL && r->sess.who.unit_id &&
	    org_get(r->app, r->sess.who.unit_id, r->a, &u) == TS_OK)
		root = u.code;
	struct buf *b = &r->body, href;
	buf_init(&href, 1024);
	buf_puts(b, "<p>Đơn vị chưa nộp, kèm số điện thoại và thư điện tử: ");
	for (int i = 0; i < 2; i++) {
		buf_reset(&href);
		buf_printf(&href, "/campaigns/%lld/units/", (long long)c->id);
		url_escape(&href, root);
		buf_puts(&href,
			 i ? "/report/chua-nop.xlsx" : "/report/chua-nop.csv");
		buf_puts(b, i ? " · " : "");
		h_link(b, buf_str(&href), i ? "tải XLSX" : "tải CSV");
	}
	buf_puts(b, "</p>");
	buf_release(&href);
}

/* The rows of the page with its page links, or why there are none. */
static void
queue_body(struct req *r, long long id, const struct queue_params *q,
	   const struct queue_row *v, size_t n, size_t ngroups, bool stats)
{
	struct buf extra, query;
	char path[64];
	buf_init(&extra, 4096);
	buf_init(&query, 4096);
	queue_filters(q, &extra);
	queue_query(q, &query);
	snprintf(path, sizeof(path), "/campaigns/%lld/queue", id);
	if (q->pg.total == 0) {
		/* No empty table, no "select all" and bulk buttons for it. */
		h_elem(&r->body, "p",
		       buf_str(&extra)[0]
			       ? "Không có trường nào khớp bộ lọc "
				 "này."
			       : "Không có trường nào trong hàng đợi.",
		       "class", "muted", NULL);
	} else {
		list_nav_with(r, path, buf_str(&extra), &q->pg, n);
		queue_table(r, id, v, n, ngroups, buf_str(&query), stats);
	}
	if (n > 0)
		list_nav_with(r, path, buf_str(&extra), &q->pg, n);
	buf_release(&extra);
	buf_release(&query);
}

void
page_queue(struct req *r)
{
	long long id = web_param_id(r, "id");
	struct queue_params q;
	struct queue_row *v = NULL;
	size_t n = 0;
	struct campaign c;
	if (actor_may(&r->sess.who, PK_DESK, NULL, PA_VIEW, NULL, NULL) !=
	    TS_OK) {
		web_error(
			r, 403,
			"Hàng đợi là của cán bộ cơ quan quản lý (Sở, UBND xã/phường).");
		return;
	}
	if (!queue_params(r, &q))
		return;
	enum ts_err e = id ? work_queue(r->app, &r->sess.who, id, &q.f, &q.pg,
					r->a, &v, &n, &r->diags)
			   : TS_ENOTFOUND;
	if (e == TS_OK)
		e = campaign_get(r->app, &r->sess.who, id, r->a, &c, &r->diags);
	const struct rubric *rb = e == TS_OK ? app_rubric(r->app, c.rubric_id,
							  c.rubric_version)
					     : NULL;
	if (e != TS_OK || rb == NULL) {
		web_error(r, e != TS_OK ? web_status_for(e) : 404,
			  r->diags.n ? r->diags.v[0].msg
				     : "Không có đợt đánh giá này.");
		return;
	}
	page_begin(r, "Hàng đợi xem xét");
	buf_puts(&r->body, "<p class=\"muted\">");
	h_text(&r->body, c.title);
	buf_puts(&r->body, "</p>");
	bool stats = strcmp(c.kind, "thong-ke") == 0;
	filter_form(r, id, &q, stats);
	queue_body(r, id, &q, v, n, rb->ngroups, stats);
	chase_links(r, &c, q.f.under);
	page_end(r);
}
