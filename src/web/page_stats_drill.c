/* The drill-down of one indicator on the office's statistics dashboard
 * (/campaigns/{id}?chi_so=CODE&unit=ROOT): its roll-up by bậc học for
 * each sub-unit of the office, each linked one level down, and the
 * schools that have not answered it, with their state and contact
 * (stats_drill_open). */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "stats_web.h"

static const char *const LEVEL_NAMES[AGG_ROWS] = { "MN",   "TH",   "THCS",
						   "THPT", "GDTX", "Tổng" };

static const char *
drill_href(struct req *r, int64_t cid, const char *code, const char *unit)
{
	struct buf to;
	buf_init(&to, 256);
	buf_printf(&to, "/campaigns/%lld?chi_so=", (long long)cid);
	url_escape(&to, code);
	if (unit) {
		buf_puts(&to, "&unit=");
		url_escape(&to, unit);
	}
	buf_puts(&to, "#chi-so"); /* below the completeness table */
	const char *s = arena_strdup(r->a, buf_str(&to));
	buf_release(&to);
	return s;
}

static void
child_row(struct req *r, const struct stats_drill *dr,
	  const struct stats_drill_child *c, const bool *cols)
{
	struct buf *b = &r->body;
	buf_puts(b, "<tr><th scope=\"row\">");
	if (c->code)
		h_link(b,
		       drill_href(r, dr->ru.campaign.id, dr->it->code, c->code),
		       c->name);
	else
		h_text(b, "Trường trực thuộc");
	h_elem(b, "span",
	       arena_printf(r->a, "%zu/%zu CSGD đã báo cáo", c->nreported,
			    c->nunits),
	       "class", "muted block", NULL);
	buf_puts(b, "</th>");
	for (size_t k = 0; k < AGG_ROWS; k++) {
		if (!cols[k])
			continue;
		const struct agg_cell *x = &c->cells[k];
		buf_puts(b, "<td class=\"num\">");
		if (x->units == 0) {
			buf_puts(b, "–</td>");
			continue;
		}
		h_text(b, dr->it->type == IND_NAMES
				  ? arena_printf(r->a, "%zu CSGD trả lời",
						 x->answered)
				  : stats_cell_text(r->a, dr->it, x));
		h_elem(b, "span",
		       arena_printf(r->a, "%zu/%zu CSGD", x->answered,
				    x->units),
		       "class", "muted block", NULL);
		buf_puts(b, "</td>");
	}
	buf_puts(b, "</tr>");
}

static void
children(struct req *r, const struct stats_drill *dr, const bool *cols)
{
	struct buf *b = &r->body;
	h_elem(b, "h3", "Theo đơn vị cấp dưới", NULL);
	buf_puts(b, "<div class=\"scroll\" tabindex=\"0\"><table class=\""
		    "stats\"><thead><tr><th>Đơn vị</th>");
	for (size_t k = 0; k < AGG_ROWS; k++)
		if (cols[k])
			h_elem(b, "th", LEVEL_NAMES[k], "class", "num", NULL);
	buf_puts(b, "</tr></thead><tbody>");
	for (size_t i = 0; i < dr->nchildren; i++)
		child_row(r, dr, &dr->children[i], cols);
	buf_puts(b, "</tbody></table></div>");
}

static const char *
state_text(const char *code)
{
	enum sub_state s;
	if (code == NULL)
		return "Chưa bắt đầu";
	return sub_state_parse(code, &s) ? sub_state_name(s) : code;
}

static void
contact_cell(struct req *r, const struct stats_unit_info *u)
{
	struct buf *b = &r->body;
	buf_puts(b, "<td>");
	if (u->phone && *u->phone)
		h_link(b, arena_printf(r->a, "tel:%s", u->phone), u->phone);
	if (u->email && *u->email) {
		buf_puts(b, " ");
		h_link(b, arena_printf(r->a, "mailto:%s", u->email), u->email);
	}
	if (!(u->phone && *u->phone) && !(u->email && *u->email))
		h_elem(b, "span", "chưa có", "class", "muted", NULL);
	buf_puts(b, "</td>");
}

/* The reviewer's queue of the same office, to chase them from. */
static void
queue_link(struct req *r, const struct stats_drill *dr)
{
	struct buf q;
	const char *unit = kv_get(&r->query, "unit");
	buf_init(&q, 256);
	buf_printf(&q, "/campaigns/%lld/queue", (long long)dr->ru.campaign.id);
	if (unit) {
		buf_puts(&q, "?unit=");
		url_escape(&q, unit);
	}
	buf_puts(&r->body, "<p>");
	h_link(&r->body, buf_str(&q), "Mở hàng đợi xem xét của đơn vị này");
	buf_puts(&r->body, "</p>");
	buf_release(&q);
}

static void
missing_row(struct req *r, const struct stats_drill *dr,
	    const struct stats_unit_info *u)
{
	struct buf *b = &r->body, to;
	buf_init(&to, 256);
	buf_printf(&to, "/campaigns/%lld/units/",
		   (long long)dr->ru.campaign.id);
	url_escape(&to, u->code);
	buf_puts(b, "<tr><td>");
	h_link(b, buf_str(&to), u->name);
	buf_release(&to);
	h_elem(b, "span", u->code, "class", "muted block", NULL);
	buf_puts(b, "</td>");
	h_elem(b, "td", state_text(u->state), NULL);
	contact_cell(r, u);
	buf_puts(b, "</tr>");
}

static void
missing(struct req *r, const struct stats_drill *dr)
{
	struct buf *b = &r->body;
	h_elem(b, "h3",
	       arena_printf(r->a, "Trường chưa có số liệu chỉ số này (%zu)",
			    dr->nmissing),
	       NULL);
	if (dr->nmissing == 0) {
		h_elem(b, "p", "Mọi trường đã có số liệu được duyệt.", NULL);
		return;
	}
	queue_link(r, dr);
	buf_puts(b,
		 "<div class=\"scroll\" tabindex=\"0\"><table class=\"stats\">"
		 "<thead><tr>"
		 "<th>Trường</th><th>Trạng thái</th><th>Liên hệ</th>"
		 "</tr></thead><tbody>");
	for (size_t i = 0; i < dr->nmissing; i++)
		missing_row(r, dr, dr->missing[i]);
	buf_puts(b, "</tbody></table></div>");
}

void
ps_drill(struct req *r, const struct campaign *c, const char *code)
{
	struct buf *b = &r->body;
	struct stats_drill dr;
	bool with_submitted = kv_get(&r->query, "gom") != NULL;
	enum ts_err e = stats_drill_open(r->app, &r->sess.who, c->id,
					 kv_get(&r->query, "unit"), code,
					 with_submitted, r->a, &dr, &r->diags);
	if (e != TS_OK) {
		r->status = web_status_for(e);
		h_elem(b, "h2", "Số liệu thống kê theo bậc học", NULL);
		h_elem(b, "p",
		       r->diags.n ? r->diags.v[0].msg : "Không tổng hợp được.",
		       NULL);
		return;
	}
	h_elem(b, "h2", dr.it->label, "id", "chi-so", NULL);
	struct buf back;
	const char *unit = kv_get(&r->query, "unit");
	buf_init(&back, 256);
	buf_printf(&back, "/campaigns/%lld", (long long)c->id);
	if (unit) {
		buf_puts(&back, "?unit=");
		url_escape(&back, unit);
	}
	buf_puts(b, "<p>");
	h_link(b, buf_str(&back), "Về bảng số liệu theo bậc học");
	buf_puts(b, "</p>");
	buf_release(&back);
	bool cols[AGG_ROWS];
	for (size_t k = 0; k < AGG_ROWS; k++)
		cols[k] = dr.ru.agg->units[k] > 0;
	children(r, &dr, cols);
	missing(r, &dr);
	stats_drill_release(&dr);
}
