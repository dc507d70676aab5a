/* "Kế hoạch cải thiện năm học sau" (issue 16): once its result is
 * approved, the school ticks the items of its advice (what is missing for
 * the next level) it will work on next year, each with a note. A refused
 * post is shown again with everything ticked and typed. */
#include <stdio.h>
#include <string.h>

#include "../app/plan.h"
#include "../util/arena.h"
#include "submission_view.h"

/* What the form shows ticked and typed: the saved plan, or the post. */
struct plan_shown {
	struct plan_item *v;
	size_t n;
	const char *error; /* the post's refusal, or NULL */
	const char *bad;   /* the item it names, or NULL */
};

static const struct plan_item *
find(const struct plan_shown *p, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].item_id, id) == 0)
			return &p->v[i];
	return NULL;
}

/* One item: its box, its text and what it adds, and its note. */
static void
item_row(struct buf *b, const struct plan_shown *p, const struct item *it,
	 const char *why)
{
	const struct plan_item *got = find(p, it->id);
	char box[160], note[160];
	snprintf(box, sizeof(box), "plan-%s", it->id);
	snprintf(note, sizeof(note), "note:%s", it->id);
	bool bad = p->bad && strcmp(p->bad, it->id) == 0;
	buf_puts(b, "<li class=\"plan-item\">");
	h_open(b, "input", "type", "checkbox", "name", "plan", "value", it->id,
	       "id", box, "checked", got ? "" : NULL, NULL);
	h_open(b, "label", "for", box, NULL);
	h_textf(b, "%s. %s (%s)", it->id, it->text, why);
	buf_puts(b, "</label> ");
	char nid[170];
	snprintf(nid, sizeof(nid), "n-%s", it->id);
	h_open(b, "label", "for", nid, "class", "plan-note", NULL);
	buf_puts(b, "Việc sẽ làm (không bắt buộc)</label>");
	h_open(b, "input", "type", "text", "name", note, "id", nid, "value",
	       got ? got->note : "", "maxlength", "500", "aria-invalid",
	       bad ? "true" : NULL, NULL);
	if (bad)
		h_elem(b, "p", p->error, "class", "field-error", NULL);
	buf_puts(b, "</li>");
}

/* A group's advice: its failed gates, then what could add points; false
 * when it has none (at its top level, gates met). */
static bool
group_items(struct buf *b, const struct plan_shown *p, const struct score *s,
	    size_t g)
{
	const struct group *gr = &s->rubric->groups[g];
	const struct advice *ad = &s->groups[g].advice;
	char need[PTS_FMT_SIZE], gain[PTS_FMT_SIZE + 16];
	if (ad->next == NULL && ad->ngates == 0)
		return false;
	buf_puts(b, "<fieldset><legend>");
	h_textf(b, "Nhóm tiêu chí %s “%s”", gr->id, gr->title);
	if (ad->next != NULL)
		h_textf(b, ": để đạt Mức độ %d cần thêm %s điểm",
			ad->next->level, pts_format_vn(ad->needed, need));
	buf_puts(b, "</legend><ul>");
	for (size_t i = 0; i < ad->ngates; i++)
		item_row(b, p, ad->gates[i], "điều kiện bắt buộc chưa đạt");
	for (size_t i = 0; ad->next != NULL && i < ad->n; i++) {
		char g2[PTS_FMT_SIZE];
		snprintf(gain, sizeof(gain), "thêm tối đa %s điểm",
			 pts_format_vn(ad->v[i].gain, g2));
		item_row(b, p, ad->v[i].item, gain);
	}
	buf_puts(b, "</ul></fieldset>");
	return true;
}

/* Is item id one the advice offers (group_items shows it)? */
static bool
offered(const struct score *s, const char *id)
{
	for (size_t g = 0; g < s->rubric->ngroups; g++) {
		const struct advice *ad = &s->groups[g].advice;
		for (size_t i = 0; i < ad->ngates; i++)
			if (strcmp(ad->gates[i]->id, id) == 0)
				return true;
		for (size_t i = 0; ad->next != NULL && i < ad->n; i++)
			if (strcmp(ad->v[i].item->id, id) == 0)
				return true;
	}
	return false;
}

/* Ticked items the advice does not offer (saved before, or posted):
 * shown too, so nothing ticked or typed is lost. */
static void
others(struct buf *b, const struct plan_shown *p, const struct score *s)
{
	bool any = false;
	for (size_t i = 0; i < p->n; i++) {
		const struct item *it = rubric_find_item(s->rubric,
							 p->v[i].item_id);
		if (it == NULL || offered(s, it->id))
			continue;
		if (!any)
			buf_puts(b, "<fieldset><legend>Nội dung khác đã chọn"
				    "</legend><ul>");
		any = true;
		item_row(b, p, it, "đã chọn");
	}
	if (any)
		buf_puts(b, "</ul></fieldset>");
}

static void
saved_list(struct buf *b, const struct rubric *r, const struct plan_shown *p)
{
	if (p->n == 0) {
		h_elem(b, "p", "Chưa lập kế hoạch cải thiện.", NULL);
		return;
	}
	buf_puts(b, "<ul>");
	for (size_t i = 0; i < p->n; i++) {
		const struct item *it = rubric_find_item(r, p->v[i].item_id);
		buf_puts(b, "<li>");
		h_textf(b, "%s. %s%s%s", p->v[i].item_id, it ? it->text : "",
			p->v[i].note[0] ? " — " : "", p->v[i].note);
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul>");
}

static void
render(struct req *r, struct view *v, const struct plan_shown *p)
{
	struct buf *b = &r->body;
	const struct score *s = v->has_ext ? v->reviewed : v->score;
	bool may = wf_reviewed(v->s.state) &&
		   actor_may(&r->sess.who, PK_SCHOOL_REPORT, v->s.scope_path,
			     PA_CHANGE, NULL, NULL) == TS_OK;
	page_begin(r, arena_printf(r->a, "%s: kế hoạch cải thiện",
				   v->s.unit.name));
	buf_puts(b, "<p>");
	h_link(b, v->base, "Về bản tự đánh giá");
	h_textf(b, " · %s", v->s.campaign.title);
	/* The year, unless the title already says it. */
	if (strstr(v->s.campaign.title, v->s.campaign.school_year) == NULL)
		h_textf(b, " · năm học %s", v->s.campaign.school_year);
	buf_puts(b, "</p>");
	if (!may) {
		if (!wf_reviewed(v->s.state))
			h_elem(b, "p",
			       "Kế hoạch cải thiện lập được khi kết quả đã "
			       "được phê duyệt.",
			       NULL);
		saved_list(b, v->s.rubric, p);
		page_end(r);
		return;
	}
	char action[300];
	snprintf(action, sizeof(action), "%s/plan", v->base);
	buf_puts(b, "<p>Chọn những nội dung nhà trường sẽ cải thiện trong năm "
		    "học sau. Năm sau, bản tự đánh giá hiện kế hoạch này bên "
		    "cạnh từng nội dung đã chọn.</p>");
	h_open(b, "form", "method", "post", "action", action, "id", "plan",
	       NULL);
	h_csrf(r);
	bool any = false;
	for (size_t g = 0; g < s->rubric->ngroups; g++)
		any |= group_items(b, p, s, g);
	if (!any)
		h_elem(b, "p",
		       "Mọi nhóm tiêu chí đã đạt mức cao nhất và đủ điều kiện "
		       "bắt buộc: không còn nội dung thiếu để lên mức.",
		       NULL);
	others(b, p, s);
	buf_puts(b, "<p><button type=\"submit\">Lưu kế hoạch</button></p>"
		    "</form>");
	page_end(r);
}

void
page_plan(struct req *r)
{
	struct view v;
	struct plan_shown p = { 0 };
	enum ts_err e = sv_load(r, &v);
	if (e == TS_OK)
		e = plan_list(r->app, &r->sess.who, v.s.campaign.id,
			      v.s.unit.code, r->a, &p.v, &p.n, &r->diags);
	if (e != TS_OK)
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không mở được kế hoạch cải thiện.");
	else {
		if (kv_get(&r->query, "ok") != NULL)
			r->notice = "Đã lưu kế hoạch cải thiện.";
		render(r, &v, &p);
	}
	sv_unload(&v);
}

/* The ticked items with their notes, in the order posted. */
static void
posted(struct req *r, struct plan_shown *p)
{
	p->v = arena_calloc(r->a, r->form.n + 1, sizeof(*p->v));
	for (size_t i = 0; p->v && i < r->form.n; i++) {
		if (strcmp(r->form.v[i].key, "plan") != 0 || p->n >= PLAN_MAX)
			continue;
		const char *id = r->form.v[i].value;
		const char *note = kv_get(&r->form,
					  arena_printf(r->a, "note:%s", id));
		p->v[p->n++] = (struct plan_item){ id, note ? note : "" };
	}
}

/* The refusal, "where: why", and the item it is about (an unknown item,
 * or a note: "ghi chú kế hoạch cho nội dung 1.3a"). */
static void
refusal(struct req *r, const struct view *v, struct plan_shown *p)
{
	static const char NOTE[] = "ghi chú kế hoạch cho nội dung ";
	const struct diag *g = r->diags.n ? &r->diags.v[0] : NULL;
	const char *where = g && g->where ? g->where : "";
	p->error = g ? arena_printf(r->a, "%s%s%s", where, where[0] ? ": " : "",
				    g->msg)
		     : "Không lưu được kế hoạch cải thiện.";
	if (strncmp(where, NOTE, sizeof(NOTE) - 1) == 0)
		where += sizeof(NOTE) - 1;
	p->bad = rubric_find_item(v->s.rubric, where) ? where : NULL;
}

void
page_plan_save(struct req *r)
{
	struct view v;
	struct plan_shown p = { 0 };
	enum ts_err e = sv_load(r, &v);
	if (e != TS_OK) {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không mở được kế hoạch cải thiện.");
		sv_unload(&v);
		return;
	}
	posted(r, &p);
	e = p.v ? plan_save(r->app, &r->sess.who, v.s.campaign.id,
			    v.s.unit.code, p.v, p.n, &r->diags)
		: TS_ENOMEM;
	if (e == TS_OK) {
		web_redirect(r, "%s/plan?ok=1", v.base);
	} else if (e == TS_EINVAL || e == TS_ESTALE) {
		/* Everything ticked and typed stays; the refusal at its item. */
		r->status = web_status_for(e);
		refusal(r, &v, &p);
		render(r, &v, &p);
	} else {
		web_error(r, web_status_for(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "Không lưu được kế hoạch cải thiện.");
	}
	sv_unload(&v);
}
