/* Bulk approve and publish from the work queue: one school at a time,
 * each through the single action's use case, so each is checked,
 * changed and audited on its own (issue 17, item 5). */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "campaign.h"
#include "submission.h"
#include "work_queue.h"

/* The first problem's message (arena), or `fallback`. */
static const char *
first_msg(const struct diags *d, struct arena *a, const char *fallback)
{
	return d->n > 0 ? arena_strdup(a, d->v[0].msg) : fallback;
}

/* Whether pick p may take the step now, by role, subtree, state and
 * the revision its row showed; fills o (name, state, why). */
static bool
check_pick(struct app *app, const struct actor *who, int64_t cid,
	   enum sub_action act, const struct bulk_pick *p, struct arena *a,
	   struct bulk_result *o)
{
	struct submission s;
	struct diags d;
	const char *why = NULL;
	char t[512];
	diags_init(&d);
	o->code = p->code;
	o->name = p->code;
	enum ts_err e = sub_open(app, who, cid, p->code, act, a, &s, &d);
	if (e == TS_OK) {
		o->name = s.unit.name;
		o->state = s.state;
		if (campaign_reviewer_name(app, cid, s.unit.id, a,
					   &o->parent) != TS_OK)
			e = app_db_error(app, &d, "đọc đơn vị phê duyệt");
	}
	if (e != TS_OK)
		o->why = first_msg(&d, a, "không đọc được bản tự đánh giá");
	else if (!sub_allowed(who, &s, act, (int)s.state, &why))
		snprintf(t, sizeof(t), "đang ở trạng thái “%s”: %s",
			 sub_state_name(s.state), why);
	else if (s.revision != p->revision)
		snprintf(
			t, sizeof(t),
			"đã thay đổi từ khi danh sách được hiển "
			"thị (lần sửa %lld, nay là lần sửa %lld); hãy mở trang "
			"của trường để xem lại",
			(long long)p->revision, (long long)s.revision);
	else
		t[0] = '\0';
	if (e == TS_OK && t[0])
		o->why = arena_strdup(a, t);
	diags_release(&d);
	return o->why == NULL;
}

/* The step itself; a lost race (the row changed after the check) is
 * skipped like a stale pick. */
static void
apply_pick(struct app *app, const struct actor *who, int64_t cid,
	   enum sub_action act, const struct bulk_pick *p, struct arena *a,
	   struct bulk_result *o)
{
	struct diags d;
	diags_init(&d);
	enum ts_err e =
		act == ACT_APPROVE
			? sub_approve(app, who, cid, p->code, p->revision, &d)
			: sub_publish(app, who, cid, p->code, p->revision, &d);
	if (e == TS_OK)
		o->state = act == ACT_APPROVE ? ST_APPROVED : ST_PUBLISHED;
	else if (e == TS_ESTALE)
		o->why = "vừa được người khác thay đổi; hãy mở trang của "
			 "trường để xem lại";
	else
		o->why = first_msg(&d, a, "không thực hiện được");
	diags_release(&d);
}

enum ts_err
work_queue_bulk(struct app *app, const struct actor *who, int64_t cid,
		enum sub_action act, const struct bulk_pick *p, size_t n,
		bool apply, struct arena *a, struct bulk_result *out)
{
	if (act != ACT_APPROVE && act != ACT_PUBLISH)
		return TS_EINVAL;
	for (size_t i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		if (check_pick(app, who, cid, act, &p[i], a, &out[i]) && apply)
			apply_pick(app, who, cid, act, &p[i], a, &out[i]);
		out[i].ok = out[i].why == NULL;
	}
	return TS_OK;
}
