/* The office's statistics dashboard: under the completeness table (who
 * has and has not submitted, page_campaign.c), every indicator rolled up
 * by bậc học over the office's subtree (stats_rollup_open), with how many
 * schools answered each figure; a school that has not reported is
 * missing, never a zero. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/indicator_set.h"
#include "../util/arena.h"
#include "stats_web.h"

static const char *const LEVEL_NAMES[AGG_ROWS] = { "MN",   "TH",   "THCS",
						   "THPT", "GDTX", "Tổng" };

/* The indicator's label, linked to its drill-down under the same root. */
static void
row_label(struct req *r, const struct stats_rollup *ru,
	  const struct indicator *it)
{
	struct buf to;
	const char *unit = kv_get(&r->query, "unit");
	buf_init(&to, 256);
	buf_printf(&to, "/campaigns/%lld?chi_so=", (long long)ru->campaign.id);
	url_escape(&to, it->code);
	if (unit) {
		buf_puts(&to, "&unit=");
		url_escape(&to, unit);
	}
	buf_puts(&to, "#chi-so"); /* below the completeness table */
	h_link(&r->body, buf_str(&to), it->label);
	buf_release(&to);
}

static void
row(struct req *r, const struct stats_rollup *ru, const struct indicator *it,
    const bool *cols)
{
	struct buf *b = &r->body;
	buf_puts(b, "<tr><th scope=\"row\">");
	row_label(r, ru, it);
	buf_puts(b, "</th>");
	for (size_t k = 0; k < AGG_ROWS; k++) {
		if (!cols[k])
			continue;
		const struct agg_cell *c = ind_agg_cell(ru->agg, it, k);
		buf_puts(b, "<td class=\"num\">");
		if (c->units == 0) {
			buf_puts(b, "–</td>");
			continue;
		}
		h_text(b, stats_cell_text(r->a, it, c));
		h_elem(b, "span",
		       arena_printf(r->a, "%zu/%zu CSGD", c->answered,
				    c->units),
		       "class", "muted block", NULL);
		buf_puts(b, "</td>");
	}
	buf_puts(b, "</tr>");
}

static void
head(struct req *r, const struct stats_rollup *ru, const bool *cols)
{
	struct buf *b = &r->body;
	buf_puts(b, "<thead><tr><th>Chỉ số</th>");
	for (size_t k = 0; k < AGG_ROWS; k++)
		if (cols[k])
			h_elem(b, "th", LEVEL_NAMES[k], "class", "num", NULL);
	buf_puts(b, "</tr><tr><th>Số CSGD đã báo cáo (được duyệt)</th>");
	for (size_t k = 0; k < AGG_ROWS; k++)
		if (cols[k])
			h_elem(b, "td",
			       arena_printf(r->a, "%zu/%zu",
					    ru->agg->reported[k],
					    ru->agg->units[k]),
			       "class", "num", NULL);
	buf_puts(b, "</tr></thead>");
}

static void
table(struct req *r, const struct stats_rollup *ru)
{
	struct buf *b = &r->body;
	const struct ind_set *s = ru->info.set;
	bool cols[AGG_ROWS];
	for (size_t k = 0; k < AGG_ROWS; k++)
		cols[k] = ru->agg->units[k] > 0;
	for (size_t i = 0; i < s->nsections; i++) {
		const struct ind_section *sec = &s->sections[i];
		h_elem(b, "h3", sec->title, NULL);
		buf_puts(b, "<div class=\"scroll\" tabindex=\"0\"><table "
			    "class=\"stats\">");
		head(r, ru, cols);
		buf_puts(b, "<tbody>");
		for (size_t k = 0; k < sec->n; k++)
			if (sec->v[k].type != IND_TEXT)
				row(r, ru, &sec->v[k], cols);
		buf_puts(b, "</tbody></table></div>");
	}
}

void
ps_rollup(struct req *r, const struct campaign *c)
{
	struct buf *b = &r->body;
	struct stats_rollup ru;
	bool with_submitted = kv_get(&r->query, "gom") != NULL;
	const char *code = kv_get(&r->query, "chi_so");
	if (code != NULL) {
		ps_drill(r, c, code);
		return;
	}
	enum ts_err e = stats_rollup_open(r->app, &r->sess.who, c->id,
					  kv_get(&r->query, "unit"),
					  with_submitted, r->a, &ru, &r->diags);
	h_elem(b, "h2", "Số liệu thống kê theo bậc học", NULL);
	if (e != TS_OK) {
		h_elem(b, "p",
		       r->diags.n ? r->diags.v[0].msg : "Không tổng hợp được.",
		       NULL);
		return;
	}
	buf_puts(b, "<p class=\"muted\">");
	h_text(b, with_submitted
			  ? "Gồm cả số liệu đã nộp nhưng chưa phê duyệt. "
			  : "Chỉ gồm số liệu đã được phê duyệt hoặc công bố; "
			    "đơn vị chưa báo cáo không được tính là 0. ");
	h_link(b,
	       arena_printf(r->a, "/campaigns/%lld%s", (long long)c->id,
			    with_submitted ? "" : "?gom=nop"),
	       with_submitted ? "Chỉ tính số liệu đã duyệt"
			      : "Tính cả số liệu đã nộp");
	buf_puts(b, "</p>");
	table(r, &ru);
	stats_rollup_release(&ru);
	h_elem(b, "h2", "Câu trả lời của cơ quan", NULL);
	h_link(b,
	       arena_printf(r->a, "/campaigns/%lld/office", (long long)c->id),
	       "Câu hỏi Có/Không, hồ sơ công việc và phần lời của báo cáo");
}

#define OFFICE_SET "thong-ke-cds-co-quan"

/* The office whose answers the request is about: ?unit=, else the
 * user's own unit. */
static const char *
office_code(struct req *r)
{
	const char *code = kv_get(&r->query, "unit");
	struct org_unit u;
	if (code == NULL)
		code = kv_get(&r->form, "unit");
	if (code == NULL && r->sess.who.unit_id != 0 &&
	    org_get(r->app, r->sess.who.unit_id, r->a, &u) == TS_OK)
		code = u.code;
	return code;
}

/* ?nam=2022-2023: the office's figures of a school year before
 * truongso (Phụ lục 6, section III) instead of this round's answers. */
static const char *
typed_year(struct req *r)
{
	const char *y = kv_get(&r->query, "nam");
	return y ? y : kv_get(&r->form, "nam");
}

/* The stored answers (or typed figures) and their set's ref. */
static enum ts_err
office_json(struct req *r, const char *code, const char **json,
	    const char **ref)
{
	const char *year = typed_year(r);
	struct stats_typed t;
	*ref = year ? STATS_TYPED_SET : OFFICE_SET;
	if (year == NULL)
		return stats_office_get(r->app, &r->sess.who,
					web_param_id(r, "id"), code, r->a, json,
					&r->diags);
	enum ts_err e = stats_typed_get(r->app, &r->sess.who, code, year, r->a,
					&t, &r->diags);
	*json = t.json;
	return e;
}

/* The office's stored answers in a view the form renderers take: no
 * pre-fill, no previous report, no workflow. */
static enum ts_err
office_view(struct req *r, const char *code, struct ind_sets *sets,
	    struct ps_view *v)
{
	const char *json = NULL, *ref = OFFICE_SET;
	long long cid = web_param_id(r, "id");
	memset(v, 0, sizeof(*v));
	v->stale_base = -1;
	enum ts_err e = office_json(r, code, &json, &ref);
	const char *dir = arena_printf(r->a, "%s/indicators", r->app->data_dir);
	if (e == TS_OK)
		e = ind_sets_load(dir, sets, &r->diags);
	const struct ind_set *s = e == TS_OK ? ind_sets_find(sets, ref) : NULL;
	if (e == TS_OK && s == NULL)
		e = TS_ENOTFOUND;
	struct ind_values *vals = NULL;
	if (e == TS_OK)
		e = json ? ind_values_parse(s, json, strlen(json), code, &vals,
					    &r->diags)
			 : ((vals = ind_values_new(s)) ? TS_OK : TS_ENOMEM);
	for (size_t i = 0; s && i < sets->n; i++)
		if (sets->v[i] == s)
			v->sv.info.set = sets->v[i];
	v->sv.values = vals;
	v->sv.sub.answers = json;
	ind_check_init(&v->sv.check);
	v->can_edit = e == TS_OK && r->sess.who.unit_id != 0 &&
		      actor_may(&r->sess.who, PK_OFFICE_REPORT,
				r->sess.who.path, PA_CHANGE, NULL,
				NULL) == TS_OK;
	snprintf(v->base, sizeof(v->base), "/campaigns/%lld", cid);
	return e;
}

static void
office_release(struct ps_view *v, struct ind_sets *sets)
{
	ind_values_free(v->sv.values);
	ind_check_release(&v->sv.check);
	ind_sets_release(sets);
}

/* Links to the figures of the years before this round's, which only
 * the office types (Phụ lục 6, section III). */
static void
year_links(struct req *r, const char *code)
{
	struct buf *b = &r->body;
	struct campaign c;
	int last = 0;
	if (campaign_get(r->app, &r->sess.who, web_param_id(r, "id"), r->a, &c,
			 &r->diags) != TS_OK ||
	    sscanf(c.school_year, "%d", &last) != 1)
		return;
	h_elem(b, "h2", "Số liệu các năm học trước (Phụ lục 6, mục III)", NULL);
	h_elem(b, "p",
	       "Năm học chưa có đợt thống kê trên phần mềm: cơ quan nhập số "
	       "liệu toàn tỉnh một lần; năm học đã có đợt thống kê lấy số "
	       "liệu đã được phê duyệt.",
	       "class", "muted", NULL);
	buf_puts(b, "<ul>");
	for (int y = 2022; y < last; y++) {
		struct buf to;
		buf_init(&to, 256);
		buf_printf(&to, "/campaigns/%lld/office?nam=%d-%d&unit=",
			   (long long)c.id, y, y + 1);
		url_escape(&to, code);
		buf_puts(b, "<li>");
		h_link(b, buf_str(&to),
		       arena_printf(r->a, "Năm học %d-%d", y, y + 1));
		buf_puts(b, "</li>");
		buf_release(&to);
	}
	buf_puts(b, "</ul>");
}

static void
office_form_open(struct req *r, const struct ps_view *v, const char *code)
{
	struct buf *b = &r->body;
	const char *year = typed_year(r);
	h_open(b, "form", "method", "post", "action",
	       arena_printf(r->a, "%s/office", v->base), "id", "office", NULL);
	h_csrf(r);
	h_open(b, "input", "type", "hidden", "name", "unit", "value", code,
	       NULL);
	if (year)
		h_open(b, "input", "type", "hidden", "name", "nam", "value",
		       year, NULL);
}

static void
office_render(struct req *r, const struct ps_view *v, const char *code)
{
	struct buf *b = &r->body;
	const char *year = typed_year(r);
	page_begin(r, year ? arena_printf(r->a, "Số liệu năm học %s", year)
			   : "Câu trả lời của cơ quan");
	h_elem(b, "p",
	       arena_printf(r->a, "%s — đơn vị %s", v->sv.info.set->title,
			    code),
	       NULL);
	if (v->can_edit)
		office_form_open(r, v, code);
	ps_fields(r, v);
	if (v->can_edit)
		buf_puts(b, "<div class=\"actions\"><button type=\"submit\">Lưu"
			    "</button></div></form>");
	if (year == NULL)
		year_links(r, code);
	h_link(b, v->base, "Về trang đợt thống kê");
	page_end(r);
}

void
page_stats_office(struct req *r)
{
	struct ps_view v;
	struct ind_sets sets = { 0 };
	const char *code = office_code(r);
	enum ts_err e = code ? office_view(r, code, &sets, &v) : TS_ENOTFOUND;
	const char *ok = kv_get(&r->query, "ok");
	if (ok != NULL)
		r->notice = "Đã lưu câu trả lời của cơ quan.";
	if (e == TS_OK)
		office_render(r, &v, code);
	else
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không có câu trả lời của cơ quan này.");
	if (code)
		office_release(&v, &sets);
}

/* Back to the page when saved; else the form again with what was typed
 * and why it was refused. */
static void
office_answer(struct req *r, enum ts_err e, size_t nbad, struct ps_view *v,
	      const char **errors, const char *code)
{
	if (e == TS_OK && nbad == 0) {
		struct buf to;
		buf_init(&to, 512);
		buf_printf(&to, "%s/office?ok=save&unit=", v->base);
		url_escape(&to, code);
		if (typed_year(r)) {
			buf_puts(&to, "&nam=");
			url_escape(&to, typed_year(r));
		}
		web_redirect(r, "%s", buf_str(&to));
		buf_release(&to);
	} else if (code && v->sv.info.set) {
		r->status = e == TS_OK ? 422 : web_status_for(e);
		v->posted = &r->form;
		v->errors = errors;
		office_render(r, v, code);
	} else {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg : "Không lưu được.");
	}
}

void
page_stats_office_save(struct req *r)
{
	struct ps_view v;
	struct ind_sets sets = { 0 };
	size_t nbad = 0;
	const char *code = office_code(r);
	enum ts_err e = code ? office_view(r, code, &sets, &v) : TS_ENOTFOUND;
	const char **errors = e == TS_OK
				      ? arena_calloc(r->a, v.sv.info.set->n + 1,
						     sizeof(*errors))
				      : NULL;
	char *json = errors ? ps_form_values(r, &v, errors, &nbad) : NULL;
	if (e == TS_OK && json == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK && nbad == 0)
		e = typed_year(r)
			    ? stats_typed_save(r->app, &r->sess.who,
					       r->app->data_dir, code,
					       typed_year(r), json, &r->diags)
			    : stats_office_save(r->app, &r->sess.who,
						r->app->data_dir,
						web_param_id(r, "id"), code,
						OFFICE_SET, json, &r->diags);
	office_answer(r, e, nbad, &v, errors, code);
	if (code)
		office_release(&v, &sets);
}
