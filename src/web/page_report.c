/* A unit's documents in a campaign: download each in every format, and
 * fill the parts the unit types itself (narrative, staff numbers, header
 * and signature fields). Numbers are never typed: they come from the
 * results when the document is built. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../app/export_job.h"
#include "../app/report.h"
#include "../core/fixed.h"
#include "../core/shares.h"
#include "../report/chart.h"
#include "../util/arena.h"
#include "jobs_web.h"
#include "report_web.h"
#include "web.h"

static const enum rp_format FORMATS[] = { RP_DOCX, RP_PDF, RP_XLSX, RP_CSV };

void
report_base_href(struct req *r, struct buf *b)
{
	buf_printf(b, "/campaigns/%lld/units/", web_param_id(r, "id"));
	url_escape(b, kv_get(&r->params, "code"));
	buf_puts(b, "/report");
}

static void
download_links(struct req *r, const struct report_kind_info *k, bool submitted)
{
	struct buf *b = &r->body;
	for (size_t f = 0; f < sizeof(FORMATS) / sizeof(*FORMATS); f++) {
		struct buf href;
		buf_init(&href, 1024);
		report_base_href(r, &href);
		buf_printf(&href, "/%s.%s%s", k->code,
			   rp_format_ext(FORMATS[f]),
			   submitted ? "?submitted=1" : "");
		char label[16];
		const char *ext = rp_format_ext(FORMATS[f]);
		size_t i = 0;
		for (; ext[i] && i + 1 < sizeof(label); i++)
			label[i] = (char)(ext[i] - 'a' + 'A');
		label[i] = '\0';
		buf_puts(b, " ");
		h_open(b, "a", "class", "button", "href", buf_str(&href), NULL);
		h_text(b, label);
		buf_puts(b, "</a>");
		buf_release(&href);
	}
}

/* One number of a chart: points as drawn; a stacked chart's counts with
 * the share of their bar, as its labels show it. */
static void
chart_cell(struct buf *b, const struct rp_chart *c, size_t s, size_t i)
{
	char v[PTS_FMT_SIZE], pct[PTS_FMT_SIZE];
	double x = c->values[s * c->ncats + i];
	pts_t p = 0;
	if (!pts_from_double(x, &p))
		p = 0;
	buf_puts(b, "<td class=\"num\">");
	if (isnan(x)) {
		/* No bar: the chart says why ("Chưa trả lời"). */
		h_text(b, c->no_value ? c->no_value : "");
	} else if (c->kind == RP_CHART_STACKED) {
		int64_t share[64] = { 0 };
		if (s >= 64 || !rp_chart_shares(c, i, share))
			share[0] = 0;
		h_textf(b, "%s (%s)", pts_format_vn(p, v),
			pts_format_rate_vn(s < 64 ? share[s] : 0, pct));
	} else {
		h_text(b, pts_format_vn(p, v));
	}
	buf_puts(b, "</td>");
}

/* A chart's text as text: its title and its numbers in a table, beside
 * the SVG (whose letters cairo draws as outlines a screen reader cannot
 * read, and which cannot be zoomed as text). */
static void
chart_table(struct buf *b, const struct rp_chart *c)
{
	buf_puts(b, "<div class=\"scroll\" tabindex=\"0\"><table class=\""
		    "chart-data\"><caption>");
	h_textf(b, "Số liệu của biểu đồ “%s”%s", c->title,
		c->kind == RP_CHART_STACKED ? " (số cơ sở giáo dục và tỷ lệ)"
					    : "");
	buf_puts(b, "</caption><thead><tr>");
	h_elem(b, "th", c->x_label ? c->x_label : "Mục", "scope", "col", NULL);
	for (size_t s = 0; s < c->nseries; s++)
		h_elem(b, "th", c->series[s], "scope", "col", "class", "num",
		       NULL);
	buf_puts(b, "</tr></thead><tbody>");
	for (size_t i = 0; i < c->ncats; i++) {
		buf_puts(b, "<tr>");
		h_elem(b, "th", c->cats[i], "scope", "row", NULL);
		for (size_t s = 0; s < c->nseries; s++)
			chart_cell(b, c, s, i);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
}

/* Chart n (1-based) of the document, as report_send numbers them. */
static const struct rp_chart *
nth_chart(const struct rp_doc *doc, size_t n)
{
	for (size_t k = 0; doc && k < doc->nsections; k++)
		for (size_t i = 0; i < doc->sections[k]->nblocks; i++)
			if (doc->sections[k]->blocks[i].kind == RP_B_CHART &&
			    --n == 0)
				return doc->sections[k]->blocks[i].chart;
	return NULL;
}

static void
charts(struct req *r, const struct report_target *t,
       const struct report_kind_info *k)
{
	struct buf *b = &r->body;
	struct rp_doc *doc = NULL;
	struct report_opts o = { .include_submitted = false };
	struct diags d;
	diags_init(&d);
	/* The numbers the SVG is drawn from, built the same way. */
	if (report_build(r->app, &r->sess.who, k, web_param_id(r, "id"),
			 kv_get(&r->params, "code"), &o, r->a, &doc,
			 &d) != TS_OK)
		doc = NULL;
	diags_release(&d);
	/* Only the charts this document has: an office with no earlier
	 * school year has no comparison across years (report_send serves
	 * no SVG for the others). A build that failed shows none. */
	const struct rp_chart *c;
	for (size_t g = 1; g <= t->charts && (c = nth_chart(doc, g)); g++) {
		struct buf src;
		buf_init(&src, 1024);
		report_base_href(r, &src);
		buf_printf(&src, "/bieu-do-%zu.svg", g);
		/* The text is the document's own chart title (report_charts). */
		char alt[400];
		snprintf(alt, sizeof(alt), "%s (số liệu ở bảng dưới)",
			 t->chart_list[g - 1].title);
		buf_puts(b, "<figure class=\"chart\">");
		/* <img>, not inline SVG: cairo reuses glyph ids per file. */
		h_open(b, "img", "src", buf_str(&src), "class", "chart", "alt",
		       alt, NULL);
		chart_table(b, c);
		buf_puts(b, "</figure>");
		buf_release(&src);
	}
}

/* The streamed export of every unit's results (results_export). */
static void
results_link(struct req *r)
{
	struct buf *b = &r->body;
	struct buf href;
	buf_init(&href, 1024);
	report_base_href(r, &href);
	buf_puts(&href, "/ket-qua.xlsx");
	buf_puts(b, "<p>");
	h_text(b, "Bảng dữ liệu kết quả, một dòng mỗi đơn vị, không có dòng "
		  "cộng (nhanh cả với hàng chục nghìn đơn vị):");
	buf_puts(b, " ");
	h_elem(b, "a", "XLSX", "class", "button", "href", buf_str(&href), NULL);
	buf_puts(b, "</p>");
	buf_release(&href);
}

/* A listing too large for a request thread (jobs_web.h): built as a
 * job, "Tạo tệp", never downloaded at once. */
static void
job_card(struct req *r, const struct report_target *t, int64_t units)
{
	static const char *const listing[] = { "danh-sach.xlsx",
					       "danh-sach.pdf",
					       "danh-sach.docx",
					       "danh-sach.csv" };
	static const char *const results[] = { "ket-qua.xlsx" };
	struct buf *b = &r->body;
	long long id = web_param_id(r, "id");
	buf_puts(b, "<p>");
	h_textf(b,
		"Danh sách gồm %lld đơn vị: tệp được tạo ở chế độ nền, "
		"trang việc xuất tệp cho thấy tiến độ và nút tải về.",
		(long long)units);
	buf_puts(b, "</p>");
	jobs_form(r, id, t->unit_code, listing, 4, true);
	if (t->results) {
		h_elem(b, "p",
		       "Bảng dữ liệu kết quả, một dòng mỗi đơn vị, không có "
		       "dòng cộng:",
		       NULL);
		jobs_form(r, id, t->unit_code, results, 1, true);
	}
	buf_puts(b, "<p><a href=\"/jobs\">Các việc xuất tệp của tôi</a></p>");
}

/* Every school's report as one ZIP: always a job (a PDF per school). */
static void
zip_form(struct req *r, const struct report_target *t)
{
	static const char *const zip[] = { JOB_ZIP_FILE };
	if (t->nkinds == 0 || t->kinds[0]->kind != RK_LEVELS)
		return;
	h_elem(&r->body, "p",
	       "Báo cáo tự đánh giá của từng trường, mỗi trường một tệp PDF, "
	       "gộp trong một tệp ZIP (tạo ở chế độ nền):",
	       NULL);
	jobs_form(r, web_param_id(r, "id"), t->unit_code, zip, 1, false);
}

static void
kind_card(struct req *r, const struct report_target *t,
	  const struct report_kind_info *k, int64_t large)
{
	struct buf *b = &r->body;
	buf_puts(b, "<section class=\"card\">");
	h_elem(b, "h2", k->name, NULL);
	if (k->kind == RK_LISTING && large > 0) {
		job_card(r, t, large);
		zip_form(r, t);
		buf_puts(b, "</section>");
		return;
	}
	bool counts = k->kind == RK_LEVELS || k->kind == RK_LISTING;
	buf_puts(b, "<p>");
	h_text(b, counts ? "Tính từ kết quả đã phê duyệt:" : "Tải về:");
	download_links(r, k, false);
	buf_puts(b, "</p>");
	if (counts) {
		buf_puts(b, "<p>");
		h_text(b, "Tính cả kết quả đã nộp, chưa phê duyệt:");
		download_links(r, k, true);
		buf_puts(b, "</p>");
	}
	if (k->kind == RK_LISTING && t->results)
		results_link(r);
	if (k->kind == RK_LISTING)
		zip_form(r, t);
	if (k == t->kinds[0] && t->charts > 0)
		charts(r, t, k);
	buf_puts(b, "</section>");
}

/* The unit's documents that cannot be built now, greyed, each with the
 * reason its download would give (report_target.refused): the page
 * links only what builds. */
static void
refused_card(struct req *r, const struct report_target *t)
{
	struct buf *b = &r->body;
	size_t n = 0;
	for (size_t i = 0; i < t->nkinds; i++)
		n += t->refused[i] != NULL;
	if (n == 0)
		return;
	buf_puts(b, "<section class=\"card\"><h2>Chưa lập được trong đợt "
		    "này</h2><ul class=\"refused\">");
	for (size_t i = 0; i < t->nkinds; i++) {
		if (t->refused[i] == NULL)
			continue;
		buf_puts(b, "<li class=\"muted\"><strong>");
		h_text(b, t->kinds[i]->name);
		buf_puts(b, "</strong>: ");
		h_textf(b, "%s.", t->refused[i]);
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul></section>");
}

/* What a refused save said about field f (diags name it by its label),
 * or NULL. */
static const char *
field_problem(const struct req *r, const struct df_def *f)
{
	for (size_t i = 0; i < r->diags.n; i++)
		if (r->diags.v[i].where &&
		    strcmp(r->diags.v[i].where, f->label) == 0)
			return r->diags.v[i].msg;
	return NULL;
}

/* The box for field f, named name; marked invalid and pointing at its
 * problem err_id when that is not NULL. A signer's title has two rows:
 * the authority line, then the title. */
static void
field_control(struct buf *b, const struct df_def *f, const char *name,
	      const char *value, const char *err_id)
{
	const char *invalid = err_id ? "true" : NULL;
	if (f->kind == DF_TEXT || f->kind == DF_SIGNER) {
		h_open(b, "textarea", "id", name, "name", name, "rows",
		       f->kind == DF_SIGNER ? "2" : "4", "aria-invalid",
		       invalid, "aria-describedby", err_id, NULL);
		h_text(b, value ? value : "");
		buf_puts(b, "</textarea>");
		return;
	}
	const char *type = f->kind == DF_INT	? "number"
			   : f->kind == DF_DATE ? "date"
						: "text";
	h_open(b, "input", "id", name, "name", name, "type", type, "min",
	       f->kind == DF_INT ? "0" : NULL, "value", value ? value : "",
	       "aria-invalid", invalid, "aria-describedby", err_id, NULL);
}

/* One field; after a refused save, marked and with its problem under
 * it. */
static void
field_input(struct req *r, const struct df_def *f, const char *value)
{
	struct buf *b = &r->body;
	char name[80], err_id[90];
	snprintf(name, sizeof(name), "f:%s", f->name);
	snprintf(err_id, sizeof(err_id), "%s-loi", name);
	const char *err = field_problem(r, f);
	h_elem(b, "label", f->label, "for", name, NULL);
	field_control(b, f, name, value, err ? err_id : NULL);
	if (err)
		h_elem(b, "p", err, "class", "field-error", "id", err_id,
		       "role", "alert", NULL);
	if (f->hint)
		h_elem(b, "p", f->hint, "class", "muted", NULL);
}

/* The typed fields: what was posted back (after an error) or stored. */
static void
fields_form(struct req *r, const struct report_target *t, bool posted)
{
	struct buf *b = &r->body;
	size_t n = 0;
	const struct df_def **defs = docfield_defs(t->kinds, t->nkinds, r->a,
						   &n);
	if (defs == NULL || n == 0)
		return;
	struct buf action;
	buf_init(&action, 1024);
	report_base_href(r, &action);
	buf_puts(b, "<section class=\"card\"><h2>Nội dung đơn vị tự nhập</h2>");
	if (!t->can_edit)
		h_elem(b, "p",
		       "Chỉ đơn vị lập báo cáo mới sửa được các mục "
		       "này.",
		       "class", "muted", NULL);
	h_open(b, "form", "method", "post", "action", buf_str(&action), NULL);
	h_csrf(r);
	buf_puts(b, t->can_edit ? "<fieldset>" : "<fieldset disabled>");
	for (size_t i = 0; i < n; i++) {
		char key[80];
		snprintf(key, sizeof(key), "f:%s", defs[i]->name);
		const char *v = posted ? kv_get(&r->form, key)
				       : doc_field(&t->fields, defs[i]->name);
		field_input(r, defs[i], v);
	}
	buf_puts(b, "</fieldset>");
	if (t->can_edit)
		buf_puts(b, "<p><button type=\"submit\">Lưu nội dung báo cáo"
			    "</button></p>");
	buf_puts(b, "</form></section>");
	buf_release(&action);
}

/* A card for each document that builds, then the refused ones. */
static void
documents(struct req *r, const struct report_target *t, long long id)
{
	int64_t units = 0;
	bool large = !t->school && jobs_large(r, id, t->unit_code, &units);
	for (size_t i = 0; i < t->nkinds; i++)
		if (t->refused[i] == NULL)
			kind_card(r, t, t->kinds[i], large ? units : 0);
	refused_card(r, t);
}

static void
render(struct req *r, bool posted)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	struct report_target t;
	enum ts_err e = id ? report_target_open(r->app, &r->sess.who, id, code,
						r->a, &t, &r->diags)
			   : TS_ENOTFOUND;
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  "Không có báo cáo của đơn vị "
			  "này trong phạm vi của tài khoản.");
		return;
	}
	const char *ok = kv_get(&r->query, "ok");
	if (ok)
		r->notice = strcmp(ok, "signed") == 0 ? "Đã lưu bản đã ký làm "
							"bản chính thức."
			    : strcmp(ok, "software") == 0
				    ? "Đã lưu danh sách phần mềm."
				    : "Đã lưu nội dung báo "
				      "cáo.";
	page_begin(r, "Báo cáo");
	h_elem(&r->body, "p", t.unit_name, "class", "muted", NULL);
	if (t.nkinds == 0)
		h_elem(&r->body, "p",
		       "Bộ chỉ số của đợt này chưa có mẫu báo "
		       "cáo của trường.",
		       NULL);
	documents(r, &t, id);
	if (t.school)
		report_signed_card(r, t.can_edit);
	report_software_card(r, t.school, t.can_edit);
	fields_form(r, &t, posted);
	page_end(r);
}

void
page_report(struct req *r)
{
	render(r, false);
}

void
page_report_save(struct req *r)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	size_t n = 0;
	const char **names = arena_calloc(r->a, r->form.n + 1, sizeof(*names));
	const char **values = arena_calloc(r->a, r->form.n + 1,
					   sizeof(*values));
	for (size_t i = 0; names && values && i < r->form.n; i++)
		if (strncmp(r->form.v[i].key, "f:", 2) == 0) {
			names[n] = r->form.v[i].key + 2;
			values[n++] = r->form.v[i].value;
		}
	enum ts_err e = names && values && id
				? docfield_save(r->app, &r->sess.who, id, code,
						names, values, n, &r->diags)
				: TS_EINVAL;
	if (e == TS_OK) {
		struct buf back;
		buf_init(&back, 1024);
		report_base_href(r, &back);
		web_redirect(r, "%s?ok=1", buf_str(&back));
		buf_release(&back);
		return;
	}
	r->status = web_status_for(e);
	render(r, true);
	if (r->status == 200)
		r->status = web_status_for(e);
}
