/* Admins open a campaign (đợt đánh giá) from the web. */
#include <stdio.h>
#include <string.h>

#include "../app/campaign.h"
#include "../app/org.h"
#include "../util/arena.h"
#include "web.h"

static void
field(struct buf *b, const char *name, const char *label, const char *type,
      const struct kvlist *f)
{
	h_elem(b, "label", label, "for", name, NULL);
	h_open(b, "input", "id", name, "name", name, "type", type, "value",
	       f ? kv_get(f, name) : NULL, "required",
	       strcmp(name, "review_due") && strcmp(name, "basis") ? "required"
								   : NULL,
	       NULL);
}

static void
levels_boxes(struct buf *b, const struct kvlist *f)
{
	buf_puts(b, "<fieldset><legend>Cấp học tham gia (để trống: mọi cấp học "
		    "của bộ chỉ số)</legend>");
	for (unsigned l = LEVEL_MN; l <= LEVEL_GDTX; l <<= 1) {
		const char *code = school_level_code((enum school_level)l);
		bool on = false;
		for (size_t i = 0; f && i < f->n; i++)
			on |= strcmp(f->v[i].key, "levels") == 0 &&
			      strcmp(f->v[i].value, code) == 0;
		buf_puts(b, "<label class=\"inline\">");
		h_open(b, "input", "type", "checkbox", "name", "levels",
		       "value", code, "checked", on ? "checked" : NULL, NULL);
		h_text(b, school_level_name((enum school_level)l));
		buf_puts(b, "</label> ");
	}
	buf_puts(b, "</fieldset>");
}

/* Who reviews the schools, chosen per campaign (issue 16). */
static void
review_by_choice(struct buf *b, const struct kvlist *f)
{
	static const char *const opt[][2] = {
		{ "tree",
		  "Đơn vị quản lý trực tiếp của từng trường (UBND "
		  "xã/phường với trường mầm non, tiểu học, THCS; Sở với "
		  "THPT, GDTX)" },
		{ "owner", "Đơn vị chủ trì xem xét trực tiếp mọi trường" },
	};
	const char *cur = f ? kv_get(f, "review_by") : NULL;
	buf_puts(b,
		 "<fieldset><legend>Đơn vị xem xét bản tự đánh giá (đơn "
		 "vị chủ trì và cấp trên luôn xem được mọi trường)</legend>");
	for (size_t i = 0; i < 2; i++) {
		bool on = cur ? strcmp(cur, opt[i][0]) == 0 : i == 0;
		buf_puts(b, "<label class=\"inline\">");
		h_open(b, "input", "type", "radio", "name", "review_by",
		       "value", opt[i][0], "checked", on ? "checked" : NULL,
		       NULL);
		h_text(b, opt[i][1]);
		buf_puts(b, "</label> ");
	}
	buf_puts(b, "</fieldset>");
}

/* One rubric's option: its name, version and the cấp học it is for. */
static void
rubric_option(struct buf *b, const struct rubric *rb, const char *sel)
{
	char lv[64];
	school_levels_format(rb->school_levels, lv, sizeof lv);
	h_open(b, "option", "value", rb->id, "selected",
	       sel && strcmp(sel, rb->id) == 0 ? "selected" : NULL, NULL);
	h_textf(b, "%s (phiên bản %d; %s)", rb->short_title, rb->version, lv);
	h_close(b, "option");
}

/* The rubric selected when the form opens: the one the office used for
 * its last round, else the first national one (never a local variant
 * picked by list order). */
static const char *
default_rubric(struct req *r, struct arena *a)
{
	const struct rubric_set *s = &r->app->rubrics;
	const char *last = NULL;
	if (campaign_last_rubric(r->app, &r->sess.who, a, &last) == TS_OK &&
	    last && rubric_set_find(s, last))
		return last;
	for (size_t i = 0; i < s->n; i++)
		if (rubric_is_national(s->v[i].rubric))
			return s->v[i].rubric->id;
	return s->n ? s->v[0].rubric->id : NULL;
}

/* National rubrics first, then local ones, each in file order. */
static void
rubric_select(struct req *r, const struct kvlist *f)
{
	struct buf *b = &r->body;
	struct arena *a = arena_new();
	const char *sel = f ? kv_get(f, "rubric") : NULL;
	if (sel == NULL && a)
		sel = default_rubric(r, a);
	buf_puts(b,
		 "<label for=\"rubric\">Bộ chỉ số</label><select id=\"rubric\" "
		 "name=\"rubric\">");
	for (int national = 1; national >= 0; national--)
		for (size_t i = 0; i < r->app->rubrics.n; i++) {
			const struct rubric *rb = r->app->rubrics.v[i].rubric;
			if (rubric_is_national(rb) == (national == 1))
				rubric_option(b, rb, sel);
		}
	buf_puts(b, "</select>");
	arena_free(a);
}

/* The owner code field, filled with the officer's own unit when the
 * form opens: most rounds are opened by the office that runs them. */
static void
owner_field(struct req *r, const struct kvlist *f)
{
	struct arena *a = arena_new();
	struct org_unit u = { 0 };
	const char *v = f ? kv_get(f, "owner") : NULL;
	if (f == NULL && a && r->sess.who.unit_id &&
	    org_get(r->app, r->sess.who.unit_id, a, &u) == TS_OK)
		v = u.code;
	h_elem(&r->body, "label", "Mã đơn vị chủ trì (Sở hoặc UBND xã/phường)",
	       "for", "owner", NULL);
	h_open(&r->body, "input", "id", "owner", "name", "owner", "type",
	       "text", "value", v, "required", "required", NULL);
	arena_free(a);
}

static void
new_form(struct req *r, const struct kvlist *f)
{
	struct buf *b = &r->body;
	page_begin(r, "Tạo đợt đánh giá");
	buf_puts(b, "<form method=\"post\" action=\"/admin/campaigns\" "
		    "class=\"card\">");
	h_csrf(r);
	field(b, "title", "Tên đợt đánh giá", "text", f);
	field(b, "basis",
	      "Căn cứ (ví dụ: Kế hoạch số 128/KH-SGDĐT ngày "
	      "12/10/2025)",
	      "text", f);
	owner_field(r, f);
	rubric_select(r, f);
	field(b, "year", "Năm học (ví dụ 2025-2026)", "text", f);
	levels_boxes(b, f);
	field(b, "opens", "Ngày mở", "date", f);
	field(b, "due", "Hạn nộp (tính hết ngày)", "date", f);
	field(b, "review_due", "Hạn xem xét (không bắt buộc)", "date", f);
	review_by_choice(b, f);
	buf_puts(b,
		 "<div class=\"actions\"><button type=\"submit\">Tạo đợt đánh "
		 "giá</button></div></form>");
	page_end(r);
}

void
page_campaign_new(struct req *r)
{
	if (actor_may(&r->sess.who, PK_CAMPAIGN, NULL, PA_CREATE, NULL, NULL) !=
	    TS_OK) {
		web_error(r, 403,
			  "Chỉ tài khoản quản trị mới tạo được đợt đánh giá.");
		return;
	}
	new_form(r, NULL);
}

static unsigned
posted_levels(const struct kvlist *f)
{
	unsigned bits = 0, one;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].key, "levels") == 0 &&
		    school_levels_parse(f->v[i].value, &one))
			bits |= one;
	return bits;
}

void
page_campaign_create(struct req *r)
{
	const struct kvlist *f = &r->form;
	const char *review = kv_get(f, "review_due");
	struct campaign_new n = {
		.owner_code = kv_get(f, "owner"),
		.rubric_ref = kv_get(f, "rubric"),
		.school_year = kv_get(f, "year"),
		.title = kv_get(f, "title"),
		.legal_basis = kv_get(f, "basis"),
		.levels = posted_levels(f),
		.opens = kv_get(f, "opens"),
		.due = kv_get(f, "due"),
		.review_due = review && review[0] ? review : NULL,
	};
	int64_t id = 0;
	enum ts_err e = TS_OK;
	if (!campaign_review_by_parse(kv_get(f, "review_by"),
				      &n.review_by_owner)) {
		diags_add(&r->diags, "đơn vị xem xét",
			  "chọn một trong hai cách "
			  "xem xét");
		e = TS_EINVAL;
	}
	if (e == TS_OK)
		e = campaign_create(r->app, &r->sess.who, &n, &id, &r->diags);
	if (e == TS_OK) {
		web_redirect(r, "/campaigns/%lld", (long long)id);
		return;
	}
	r->status = web_status_for(e);
	new_form(r, f);
}
