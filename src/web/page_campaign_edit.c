/* Admins change a campaign's title, basis and dates from the web. */
#include <stdio.h>
#include <string.h>

#include "../app/campaign.h"
#include "../util/timeutil.h"
#include "page_admin.h"
#include "web.h"

static void
date_input(struct buf *b, const char *name, const char *label,
	   const char *value)
{
	h_elem(b, "label", label, "for", name, NULL);
	h_open(b, "input", "id", name, "name", name, "type", "date", "value",
	       value, NULL);
}

static void
edit_form(struct req *r, const struct campaign *c, const struct kvlist *f)
{
	struct buf *b = &r->body;
	char days[3][11], action[64];
	campaign_day(c->opens_at, days[0]);
	campaign_day(c->due_at, days[1]);
	campaign_day(c->review_due_at, days[2]);
	snprintf(action, sizeof(action), "/admin/campaigns/%lld",
		 (long long)c->id);
	page_begin(r, "Sửa đợt đánh giá");
	buf_puts(b, "<p class=\"muted\">");
	h_textf(b,
		"Đợt số %lld · Năm học %s · Chủ trì: %s · %lld đơn vị tham "
		"gia (chốt lúc tạo; trước hạn nộp có thể thêm đơn vị lập sau) · ",
		(long long)c->id, c->school_year, c->owner_name,
		(long long)c->expected);
	h_link(b, action + strlen("/admin"), "Xem tình hình nộp");
	buf_puts(b, "</p>");
	h_open(b, "form", "method", "post", "action", action, "class", "card",
	       NULL);
	h_csrf(r);
	text_input(b, "title", "Tên đợt đánh giá",
		   f ? kv_get(f, "title") : c->title);
	text_input(b, "basis", "Căn cứ",
		   f ? kv_get(f, "basis") : c->legal_basis);
	date_input(b, "opens", "Ngày mở", f ? kv_get(f, "opens") : days[0]);
	date_input(b, "due",
		   "Hạn nộp (tính hết ngày; các bản đã nộp giữ "
		   "nguyên đánh dấu nộp muộn)",
		   f ? kv_get(f, "due") : days[1]);
	date_input(b, "review_due", "Hạn xem xét (để trống: không có)",
		   f ? kv_get(f, "review_due") : days[2]);
	buf_puts(b, "<div class=\"actions\"><button type=\"submit\">Lưu thay "
		    "đổi</button></div></form>");
	campaign_join_section(r, c);
	page_end(r);
}

/* The campaign, if the actor is an admin who can see it. */
static bool
load(struct req *r, struct campaign *c)
{
	long long id = web_param_id(r, "id");
	struct diags d;
	diags_init(&d);
	enum ts_err e = id ? campaign_get(r->app, &r->sess.who, id, r->a, c, &d)
			   : TS_ENOTFOUND;
	diags_release(&d);
	if (e != TS_OK)
		web_error(r, web_status_for(e),
			  "Không có đợt đánh giá này trong "
			  "phạm vi của tài khoản.");
	else if (!campaign_may_edit(&r->sess.who, c))
		web_error(r, 403,
			  "Chỉ quản trị của đơn vị chủ trì (hoặc cấp "
			  "trên) mới sửa được đợt đánh giá này.");
	return e == TS_OK && campaign_may_edit(&r->sess.who, c);
}

void
page_campaign_edit(struct req *r)
{
	struct campaign c;
	if (!admin_only(r) || !load(r, &c))
		return;
	const char *ok = kv_get(&r->query, "ok");
	if (ok != NULL)
		r->notice = strcmp(ok, "join") == 0 ? "Đã thêm đơn vị vào đợt "
						      "đánh giá."
						    : "Đã lưu thay đổi.";
	edit_form(r, &c, NULL);
}

void
page_campaign_save(struct req *r)
{
	const struct kvlist *f = &r->form;
	struct campaign c;
	if (!admin_only(r) || !load(r, &c))
		return;
	struct campaign_edit ed = {
		.title = kv_get(f, "title"),
		.legal_basis = kv_get(f, "basis"),
		.opens = kv_get(f, "opens"),
		.due = kv_get(f, "due"),
		.review_due = kv_get(f, "review_due"),
	};
	enum ts_err e = campaign_update(r->app, &r->sess.who, c.id, &ed,
					&r->diags);
	if (e == TS_OK) {
		web_redirect(r, "/admin/campaigns/%lld?ok=1", (long long)c.id);
		return;
	}
	r->status = web_status_for(e);
	edit_form(r, &c, f);
}

void
page_campaign_add_unit(struct req *r)
{
	struct campaign c;
	if (!admin_only(r) || !load(r, &c))
		return;
	enum ts_err e = campaign_join(r->app, &r->sess.who, c.id,
				      kv_get(&r->form, "unit"), NULL,
				      &r->diags);
	if (e == TS_OK) {
		web_redirect(r, "/admin/campaigns/%lld?ok=join",
			     (long long)c.id);
		return;
	}
	r->status = web_status_for(e);
	edit_form(r, &c, NULL);
}
