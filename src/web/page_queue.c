/* The reviewer's work queue (issue 17, item 4): a campaign's schools,
 * filtered by state, lateness, cấp học and sub-unit, sorted, 100 a page.
 * Every filter is a GET parameter, so a queue is a link. */
#include <stdio.h>
#include <string.h>

#include "../app/work_queue.h"
#include "../util/timeutil.h"
#include "page_admin.h"

struct queue_params {
	struct queue_filter f;
	struct list_page pg;
	const char *state, *late, *level, *under, *sort, *signed_copy;
};

static const char *const SORTS[] = { "ma", "ngay-nop", "diem" };

/* state, late and level into q->f. Returns the message for the last
 * of them that is not valid, or NULL. */
static const char *
read_filters(struct queue_params *q)
{
	enum sub_state st;
	const char *bad = NULL;
	if (q->state && q->state[0] && !sub_state_parse(q->state, &st))
		bad = "Trạng thái (state) không hợp lệ.";
	else if (q->state && q->state[0])
		q->f.state = (int)st;
	if (q->late && q->late[0] && strcmp(q->late, "1") && strcmp(q->late, "0"))
		bad = "Nộp muộn (late) phải là 1 hoặc 0.";
	else if (q->late && q->late[0])
		q->f.late = q->late[0] == '1';
	if (q->level && q->level[0] &&
	    (!school_levels_parse(q->level, &q->f.levels) || !q->f.levels))
		bad = "Cấp học (level) không hợp lệ (MN, TH, THCS, THPT, GDTX).";
	return bad;
}

/* signed (1: sent its signed copy, 0: not yet) into q->f. */
static const char *
read_signed(struct queue_params *q)
{
	const char *sc = q->signed_copy;
	if (sc && sc[0] && strcmp(sc, "1") && strcmp(sc, "0"))
		return "Bản đã ký (signed) phải là 1 hoặc 0.";
	if (sc && sc[0])
		q->f.signed_copy = sc[0] == '1' ? 1 : 2;
	return NULL;
}

/* sort ("-" first: descending) into q->f; the message when it is none
 * of SORTS, else NULL. */
static const char *
read_sort(struct queue_params *q)
{
	const char *s = q->sort ? q->sort : "ma";
	q->f.desc = s[0] == '-';
	s += q->f.desc;
	size_t k = 0;
	while (k < 3 && strcmp(s, SORTS[k]) != 0)
		k++;
	q->f.sort = k < 3 ? (enum queue_sort)k : QS_CODE;
	if (k < 3)
		return NULL;
	return "Cách sắp xếp (sort) không hợp lệ (ma, ngay-nop, diem).";
}

/* Reads the filters; a value outside its list is a 400 naming it. */
static bool
queue_params(struct req *r, struct queue_params *q)
{
	memset(q, 0, sizeof(*q));
	if (!list_params(r, &q->pg))
		return false;
	q->f.state = -1;
	q->f.late = -1;
	q->state = kv_get(&r->query, "state");
	q->late = kv_get(&r->query, "late");
	q->level = kv_get(&r->query, "level");
	q->under = kv_get(&r->query, "unit");
	q->sort = kv_get(&r->query, "sort");
	q->signed_copy = kv_get(&r->query, "signed");
	q->f.under = q->under && q->under[0] ? q->under : NULL;
	const char *bad = read_filters(q);
	const char *bad_signed = read_signed(q);
	if (bad_signed != NULL)
		bad = bad_signed;
	const char *bad_sort = read_sort(q);
	if (bad_sort != NULL)
		bad = bad_sort;
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

static void
filter_form(struct req *r, long long id, const struct queue_params *q)
{
	struct buf *b = &r->body;
	char action[64];
	snprintf(action, sizeof(action), "/campaigns/%lld/queue", id);
	h_open(b, "form", "method", "get", "action", action, "class", "card",
	       NULL);
	buf_puts(b, "<label for=\"state\">Trạng thái</label><select id=\"state\" "
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
	buf_puts(b, "</select> <label for=\"signed\">Bản đã ký</label><select "
		    "id=\"signed\" name=\"signed\">");
	option(b, "", "Tất cả", q->signed_copy);
	option(b, "1", "Đã gửi bản đã ký", q->signed_copy);
	option(b, "0", "Chưa gửi bản đã ký", q->signed_copy);
	buf_puts(b, "</select> <label for=\"level\">Cấp học</label><select "
		    "id=\"level\" name=\"level\">");
	option(b, "", "Tất cả", q->level);
	static const char *const lv[] = { "MN", "TH", "THCS", "THPT", "GDTX" };
	for (size_t i = 0; i < 5; i++)
		option(b, lv[i], lv[i], q->level);
	buf_puts(b, "</select> <label for=\"unit\">Mã đơn vị trực thuộc</label>");
	h_open(b, "input", "id", "unit", "name", "unit", "value",
	       q->under ? q->under : "", NULL);
	buf_puts(b, " <label for=\"sort\">Sắp xếp</label><select id=\"sort\" "
		    "name=\"sort\">");
	option(b, "ma", "Theo mã đơn vị", q->sort);
	option(b, "ngay-nop", "Ngày nộp, sớm trước", q->sort);
	option(b, "-ngay-nop", "Ngày nộp, muộn trước", q->sort);
	option(b, "-diem", "Điểm sau đánh giá, cao trước", q->sort);
	option(b, "diem", "Điểm sau đánh giá, thấp trước", q->sort);
	buf_puts(b, "</select> <button type=\"submit\">Lọc</button></form>");
}

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

static void
queue_row_html(struct req *r, long long id, const struct queue_row *v,
	       size_t ngroups)
{
	struct buf *b = &r->body, href;
	buf_init(&href, 1024);
	buf_printf(&href, "/campaigns/%lld/units/", id);
	url_escape(&href, v->code);
	buf_puts(b, "<tr><td>");
	h_link(b, buf_str(&href), v->name);
	buf_puts(b, "</td>");
	h_elem(b, "td", v->parent_name, NULL);
	h_elem(b, "td", sub_state_name(v->state), NULL);
	h_elem(b, "td", v->late ? "Nộp muộn" : "", NULL);
	date_cell(b, v->first_submitted_at);
	date_cell(b, v->updated_at);
	bool started = v->state != ST_NONE;
	levels_cell(b, v->self_level, ngroups, started);
	levels_cell(b, v->reviewed_level, ngroups,
		    v->state == ST_APPROVED || v->state == ST_PUBLISHED);
	char at[TS_TIME_SIZE];
	h_elem(b, "td", v->signed_at ? ts_time_vn_text(v->signed_at, at) : "",
	       NULL);
	buf_puts(b, "</tr>");
	buf_release(&href);
}

/* The filters as "&name=value..." for the links between pages. */
static void
queue_filters(const struct queue_params *q, struct buf *out)
{
	static const char *const names[] = { "state", "late", "level", "unit",
					     "sort", "signed" };
	const char *vals[] = { q->state, q->late, q->level, q->under, q->sort,
			       q->signed_copy };
	for (size_t i = 0; i < 6; i++)
		if (vals[i] && vals[i][0]) {
			buf_printf(out, "&%s=", names[i]);
			url_escape(out, vals[i]);
		}
}

void
page_queue(struct req *r)
{
	long long id = web_param_id(r, "id");
	struct queue_params q;
	struct queue_row *v = NULL;
	size_t n = 0;
	struct campaign c;
	enum role role = r->sess.who.role;
	if (role == ROLE_SCHOOL_EDITOR || role == ROLE_SCHOOL_HEAD) {
		web_error(r, 403, "Hàng đợi là của cán bộ Phòng, Sở.");
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
	filter_form(r, id, &q);
	struct buf extra;
	char path[64];
	buf_init(&extra, 4096);
	queue_filters(&q, &extra);
	snprintf(path, sizeof(path), "/campaigns/%lld/queue", id);
	list_nav_with(r, path, buf_str(&extra), &q.pg, n);
	buf_puts(&r->body, "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Đơn vị"
		    "</th><th>Trực thuộc</th><th>Trạng thái</th><th>Muộn</th>"
		    "<th>Nộp lần đầu</th><th>Cập nhật</th><th>Mức tự đánh giá"
		    "</th><th>Mức sau đánh giá</th><th>Bản đã ký</th></tr>"
		    "</thead><tbody>");
	for (size_t i = 0; i < n; i++)
		queue_row_html(r, id, &v[i], rb->ngroups);
	buf_puts(&r->body, "</tbody></table></div>");
	if (n > 0)
		list_nav_with(r, path, buf_str(&extra), &q.pg, n);
	buf_release(&extra);
	page_end(r);
}
