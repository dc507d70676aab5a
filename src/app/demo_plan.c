/* The demo's improvement plans (issue 16): a few schools whose 2024-2025
 * result was approved and whose 2025-2026 form is still a draft planned,
 * after their approval, to work on the first items their advice names
 * (gates first, then the cheapest items towards the next level), so the
 * 2025-2026 form shows "Kế hoạch năm trước" beside them. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "demo_plan.h"
#include "plan.h"
#include "submission.h"

#define DEMO_PLANS	6 /* schools */
#define DEMO_PLAN_ITEMS 2 /* items per group */

/* Approved in 2024-2025 (?3..), a draft (?8) in 2025-2026, both QĐ 4725
 * rounds of the Sở. */
static const char SQL_SCHOOLS[] =
	"SELECT o.code, c.id, s.answers, s.external FROM submission s JOIN "
	"campaign c ON c.id = s.campaign_id JOIN org_unit o ON o.id = "
	"s.unit_id JOIN submission n ON n.unit_id = s.unit_id JOIN campaign "
	"cn ON cn.id = n.campaign_id WHERE c.rubric_id = ?1 AND c.kind = "
	"'cds' AND c.school_year = '2024-2025' AND cn.rubric_id = ?1 AND "
	"cn.kind = 'cds' AND cn.school_year = '2025-2026' AND s.state IN "
	"(?3, ?4, ?5, ?6, ?7) AND n.state = ?2 ORDER BY o.code LIMIT ?8";

static const char *const NOTES[] = {
	"Xây dựng kế hoạch và bổ sung minh chứng trong học kỳ I",
	"",
	"Đề xuất kinh phí, triển khai trước tháng 3",
};

static void
add(struct plan_item *v, size_t *n, const struct item *it)
{
	v[*n] = (struct plan_item){ it->id, NOTES[*n % 3] };
	(*n)++;
}

/* Up to DEMO_PLAN_ITEMS items of each group's advice into v (max in
 * all): its failed gates first, then the cheapest items. */
static size_t
pick_items(const struct score *s, struct plan_item *v, size_t max)
{
	size_t n = 0;
	for (size_t g = 0; g < s->rubric->ngroups; g++) {
		const struct advice *ad = &s->groups[g].advice;
		size_t first = n;
		for (size_t i = 0;
		     i < ad->ngates && n < max && n - first < DEMO_PLAN_ITEMS;
		     i++)
			add(v, &n, ad->gates[i]);
		for (size_t i = 0; ad->next && i < ad->n && n < max &&
				   n - first < DEMO_PLAN_ITEMS;
		     i++)
			add(v, &n, ad->v[i].item);
	}
	return n;
}

static enum ts_err
plan_one(struct app *app, struct db_stmt *st, struct diags *d)
{
	char login[64];
	snprintf(login, sizeof(login), "ht.%s", db_col_text(st, 0));
	for (char *p = login; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	struct actor head;
	struct campaign c;
	struct answers *a = NULL;
	struct score *s = NULL;
	struct arena *ar = arena_new();
	struct plan_item v[16];
	enum ts_err e = ar ? actor_load(app, login, &head, d) : TS_ENOMEM;
	if (e == TS_OK)
		e = campaign_get(app, &head, db_col_int(st, 1), ar, &c, d);
	const struct rubric *r = e == TS_OK ? app_rubric(app, c.rubric_id,
							 c.rubric_version)
					    : NULL;
	if (e == TS_OK && r == NULL)
		e = TS_ENOTFOUND;
	if (e == TS_OK)
		e = sub_score(r, db_col_text(st, 2), db_col_text(st, 3), &a, &s,
			      d);
	if (e == TS_OK)
		e = plan_save(app, &head, c.id, db_col_text(st, 0), v,
			      pick_items(s, v, 16), d);
	score_free(s);
	answers_free(a);
	arena_free(ar);
	return e;
}

enum ts_err
demo_plans(struct app *app, struct diags *d)
{
	const char *reviewed[WF_CODES_MAX];
	wf_reviewed_codes(reviewed);
	struct db_stmt *st = db_prep(app->db, SQL_SCHOOLS);
	if (st == NULL)
		return app_db_error(app, d, "đọc kết quả năm 2024-2025");
	db_bind_text(st, 1, "qd4725-2022-pt");
	db_bind_text(st, 2, sub_state_code(ST_DRAFT));
	sub_bind_states(st, 3, reviewed);
	db_bind_int(st, 8, DEMO_PLANS);
	int64_t t = 0;
	ts_time_parse("2025-06-25", &t);
	ts_time_pin(t + 3600);
	enum ts_err e = TS_OK;
	/* The rows first: plan_save opens its own statements. */
	while (e == TS_OK && db_step(st) == DB_ROW)
		e = plan_one(app, st, d);
	db_done(st);
	ts_time_pin(0);
	return e;
}
