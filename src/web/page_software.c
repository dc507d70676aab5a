/* The software inventory on the report page: a school's own table (a
 * form for the school, read-only above it), and for an office the sum
 * per software over its schools (app/software.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/software.h"
#include "../core/fixed.h"
#include "../util/arena.h"
#include "report_web.h"
#include "web.h"

#define BLANK_ROWS 3

static void
cell_input(struct buf *b, size_t i, const char *part, const char *label,
	   const char *value, const char *type)
{
	char name[48];
	snprintf(name, sizeof(name), "sw:%zu:%s", i, part);
	buf_puts(b, "<td>");
	h_open(b, "input", "name", name, "type", type, "aria-label", label,
	       "min", strcmp(type, "number") == 0 ? "0" : NULL, "value",
	       value ? value : "", NULL);
	buf_puts(b, "</td>");
}

static void
cell_select(struct buf *b, size_t i, const char *part, const char *label,
	    bool yes, const char *yes_text, const char *no_text)
{
	char name[48];
	snprintf(name, sizeof(name), "sw:%zu:%s", i, part);
	buf_puts(b, "<td>");
	h_open(b, "select", "name", name, "aria-label", label, NULL);
	h_open(b, "option", "value", "1", "selected", yes ? "" : NULL, NULL);
	h_text(b, yes_text);
	buf_puts(b, "</option>");
	h_open(b, "option", "value", "0", "selected", yes ? NULL : "", NULL);
	h_text(b, no_text);
	buf_puts(b, "</option></select></td>");
}

static void
form_row(struct buf *b, size_t i, const struct software *s)
{
	char total[32] = "";
	if (s && s->paid)
		snprintf(total, sizeof(total), "%lld",
			 (long long)s->parents_total);
	buf_puts(b, "<tr>");
	cell_input(b, i, "ten", "Tên phần mềm", s ? s->name : "", "text");
	cell_input(b, i, "muc_dich", "Mục đích sử dụng", s ? s->purpose : "",
		   "text");
	cell_input(b, i, "nha_cung_cap", "Nhà cung cấp", s ? s->vendor : "",
		   "text");
	cell_select(b, i, "trong_nuoc", "Trong nước hay nước ngoài",
		    !s || s->domestic, "Trong nước", "Nước ngoài");
	cell_select(b, i, "thu_phi", "Có thu phí không", s && s->paid, "Có",
		    "Không");
	cell_input(b, i, "muc_phi", "Mức phí", s ? s->fee : "", "text");
	cell_input(b, i, "tong_tien", "Tổng tiền đã thu (đồng)", total,
		   "number");
	buf_puts(b, "</tr>");
}

static void
view_row(struct buf *b, const struct software *s)
{
	char money[PTS_FMT_SIZE];
	buf_puts(b, "<tr>");
	h_elem(b, "td", s->name, NULL);
	h_elem(b, "td", s->purpose, NULL);
	h_elem(b, "td", s->vendor, NULL);
	h_elem(b, "td", s->domestic ? "Trong nước" : "Nước ngoài", NULL);
	h_elem(b, "td", s->paid ? "Có" : "Không", NULL);
	h_elem(b, "td", s->fee, NULL);
	h_elem(b, "td", s->paid ? int_format_vn(s->parents_total, money) : "",
	       "class", "num", NULL);
	buf_puts(b, "</tr>");
}

static void
table_head(struct buf *b)
{
	buf_puts(b,
		 "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr>"
		 "<th>Tên phần mềm</th><th>Mục đích sử dụng</th><th>Nhà cung "
		 "cấp</th><th>Trong nước / nước ngoài</th><th>Thu phí</th>"
		 "<th>Mức phí</th><th class=\"num\">Đã thu của cha mẹ trong "
		 "năm học (đồng)</th></tr></thead><tbody>");
}

static void
school_card(struct req *r, bool can_edit)
{
	struct software *v = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	enum ts_err e =
		software_list(r->app, &r->sess.who, web_param_id(r, "id"),
			      kv_get(&r->params, "code"), r->a, &v, &n, &d);
	diags_release(&d);
	if (e != TS_OK)
		return;
	struct buf *b = &r->body, action;
	buf_init(&action, 1024);
	report_base_href(r, &action);
	buf_puts(&action, "/phan-mem");
	buf_puts(b, "<section class=\"card\" id=\"phan-mem\"><h2>Phần mềm đang "
		    "sử dụng</h2>");
	if (can_edit) {
		h_open(b, "form", "method", "post", "action", buf_str(&action),
		       NULL);
		h_csrf(r);
	}
	table_head(b);
	for (size_t i = 0; i < n + (can_edit ? BLANK_ROWS : 0); i++) {
		if (can_edit)
			form_row(b, i, i < n ? &v[i] : NULL);
		else
			view_row(b, &v[i]);
	}
	buf_puts(b, "</tbody></table></div>");
	if (!can_edit && n == 0)
		h_elem(b, "p", "Đơn vị chưa kê khai phần mềm nào.", NULL);
	if (can_edit)
		buf_puts(b,
			 "<p class=\"muted\">Để trống tên để bỏ một dòng; lưu "
			 "xong có thêm dòng trống.</p><p><button type=\""
			 "submit\">Lưu danh sách phần mềm</button></p></form>");
	buf_puts(b, "</section>");
	buf_release(&action);
}

static void
office_card(struct req *r)
{
	struct software_sum *v = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	enum ts_err e =
		software_summary(r->app, &r->sess.who, web_param_id(r, "id"),
				 kv_get(&r->params, "code"), r->a, &v, &n, &d);
	diags_release(&d);
	if (e != TS_OK)
		return;
	struct buf *b = &r->body;
	char money[PTS_FMT_SIZE];
	int64_t total = 0;
	buf_puts(b,
		 "<section class=\"card\" id=\"phan-mem\"><h2>Phần mềm các "
		 "trường đang sử dụng</h2><div class=\"scroll\" tabindex=\"0\">"
		 "<table><thead><tr><th>Phần mềm</th><th>Trong nước / nước "
		 "ngoài</th><th class=\"num\">Số trường dùng</th><th class=\""
		 "num\">Số trường thu phí</th><th class=\"num\">Cha mẹ đã nộp "
		 "(đồng)</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		buf_puts(b, "<tr>");
		h_elem(b, "td", v[i].name, NULL);
		h_elem(b, "td", v[i].domestic ? "Trong nước" : "Nước ngoài",
		       NULL);
		buf_printf(b,
			   "<td class=\"num\">%zu</td><td class=\"num\">"
			   "%zu</td>",
			   v[i].schools, v[i].paying);
		h_elem(b, "td", int_format_vn(v[i].parents_total, money),
		       "class", "num", NULL);
		buf_puts(b, "</tr>");
		total += v[i].parents_total;
	}
	buf_puts(b, "</tbody><tfoot><tr><th colspan=\"4\">Tổng số tiền cha mẹ "
		    "học sinh đã nộp</th>");
	h_elem(b, "td", int_format_vn(total, money), "class", "num", NULL);
	buf_puts(b, "</tr></tfoot></table></div></section>");
}

void
report_software_card(struct req *r, bool school, bool can_edit)
{
	if (school)
		school_card(r, can_edit);
	else
		office_card(r);
}

/* Row i of the posted form, or false when the row is left empty. */
static bool
posted_row(struct req *r, size_t i, struct software *s, const char **bad)
{
	char key[48];
	const char *f[7];
	static const char *const part[7] = { "ten",	     "muc_dich",
					     "nha_cung_cap", "trong_nuoc",
					     "thu_phi",	     "muc_phi",
					     "tong_tien" };
	bool any = false;
	for (size_t k = 0; k < 7; k++) {
		snprintf(key, sizeof(key), "sw:%zu:%s", i, part[k]);
		f[k] = kv_get(&r->form, key);
		f[k] = f[k] ? f[k] : "";
		any |= (k < 3 || k >= 5) && f[k][0] != '\0';
	}
	char *end = NULL;
	long long total = f[6][0] ? strtoll(f[6], &end, 10) : 0;
	if (f[6][0] && (*end != '\0' || total < 0))
		*bad = "tổng tiền đã thu phải là số đồng, chỉ gồm chữ số";
	*s = (struct software){ f[0],
				f[1],
				f[2],
				strcmp(f[3], "0") != 0,
				strcmp(f[4], "1") == 0,
				f[5],
				total };
	return any;
}

void
page_software_save(struct req *r)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	struct software *rows = arena_calloc(
		r->a, SOFTWARE_MAX + BLANK_ROWS + 1, sizeof(*rows));
	size_t n = 0;
	const char *bad = NULL;
	for (size_t i = 0; rows && i < SOFTWARE_MAX + BLANK_ROWS && !bad; i++)
		if (posted_row(r, i, &rows[n], &bad))
			n++;
	enum ts_err e = rows == NULL ? TS_ENOMEM : TS_EINVAL;
	if (bad)
		diags_add(&r->diags, "", "%s", bad);
	else if (rows)
		e = software_save(r->app, &r->sess.who, id, code, rows, n,
				  &r->diags);
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không lưu được danh sách phần mềm.");
		return;
	}
	struct buf to;
	buf_init(&to, 1024);
	report_base_href(r, &to);
	buf_puts(&to, "?ok=software#phan-mem");
	web_redirect(r, "%s", buf_str(&to));
	buf_release(&to);
}
