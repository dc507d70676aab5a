/* The improvement plan (issue 16): stored per campaign and school through
 * the write door, shown the next year; and the offices' common gaps, read
 * from the advice stored with each approved result. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "door.h"
#include "org.h"
#include "plan.h"
#include "submission.h"
#include "submission_int.h"

struct save_in {
	struct school_report r;	 /* first: school_report_resolve */
	struct plan_item *items; /* a copy: the door NFCs notes in place */
	size_t n;
};

/* Item i: a known item, not listed twice, its note within limits. */
static enum ts_err
check_item(struct door_ctx *c, struct save_in *x, size_t i)
{
	struct plan_item *p = &x->items[i];
	const char *id = p->item_id ? p->item_id : "";
	if (rubric_find_item(x->r.sub.rubric, id) == NULL) {
		diags_add(c->d, id, "không có nội dung này trong bộ chỉ số");
		return TS_EINVAL;
	}
	for (size_t k = 0; k < i; k++)
		if (strcmp(x->items[k].item_id, id) == 0) {
			diags_add(c->d, id, "nội dung được chọn hai lần");
			return TS_EINVAL;
		}
	char label[80];
	snprintf(label, sizeof(label), "ghi chú kế hoạch cho nội dung %s", id);
	struct text_field f = { label, &p->note, PLAN_NOTE_MAX,
				TEXT_MULTILINE };
	return text_check(c->a, &f, 1, c->d) == TS_OK ? TS_OK : TS_EINVAL;
}

static const char SQL_CLEAR[] = "DELETE FROM improvement_plan WHERE "
				"campaign_id = ? AND unit_id = ?";
static const char SQL_ADD[] =
	"INSERT INTO improvement_plan(campaign_id, unit_id, item_id, note) "
	"VALUES (?, ?, ?, ?)";

static enum ts_err
add_item(struct door_ctx *c, struct save_in *x, const struct plan_item *p)
{
	struct db_stmt *st = db_prep(c->app->db, SQL_ADD);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, x->r.cid);
	db_bind_int(st, 2, x->r.sub.unit.id);
	db_bind_text(st, 3, p->item_id);
	db_bind_text(st, 4, p->note ? p->note : "");
	return db_exec_stmt(st);
}

static enum ts_err
save_body(struct door_ctx *c)
{
	struct save_in *x = c->in;
	if (!wf_reviewed(x->r.sub.state)) {
		diags_add(c->d, x->r.code,
			  "chỉ lập kế hoạch cải thiện khi kết quả đã được phê "
			  "duyệt (trạng thái: %s)",
			  sub_state_name(x->r.sub.state));
		return TS_ESTALE;
	}
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && i < x->n; i++)
		e = check_item(c, x, i);
	struct db_stmt *st = e == TS_OK ? db_prep(c->app->db, SQL_CLEAR) : NULL;
	if (e == TS_OK && st == NULL)
		return TS_EDB;
	if (e != TS_OK)
		return e;
	db_bind_int(st, 1, x->r.cid);
	db_bind_int(st, 2, x->r.sub.unit.id);
	e = db_exec_stmt(st);
	for (size_t i = 0; e == TS_OK && i < x->n; i++)
		e = add_item(c, x, &x->items[i]);
	c->object = x->r.obj;
	c->detail = arena_printf(c->a, "%zu nội dung", x->n);
	return e;
}

static const struct door PLAN_SAVE = {
	"plan.save",	       PA_CHANGE, "lưu kế hoạch cải thiện", NULL,
	school_report_resolve, save_body,
};

enum ts_err
plan_save(struct app *app, const struct actor *who, int64_t cid,
	  const char *unit_code, const struct plan_item *items, size_t n,
	  struct diags *d)
{
	if (n > PLAN_MAX) {
		diags_add(d, unit_code, "tối đa %d nội dung", PLAN_MAX);
		return TS_EINVAL;
	}
	struct arena *a = arena_new();
	struct plan_item *copy = a ? arena_calloc(a, n + 1, sizeof(*copy))
				   : NULL;
	if (copy == NULL) {
		arena_free(a);
		return TS_ENOMEM;
	}
	if (n > 0)
		memcpy(copy, items, n * sizeof(*copy));
	struct save_in x = {
		.r = { .cid = cid, .code = unit_code, .what = "plan" },
		.items = copy,
		.n = n
	};
	enum ts_err e = door_run(app, who, &PLAN_SAVE, &x, NULL, d);
	arena_free(a);
	return e;
}

static const char SQL_LIST[] = "SELECT item_id, note FROM improvement_plan "
			       "WHERE campaign_id = ? AND unit_id = ?";

static size_t
item_pos(const struct rubric *r, const char *id)
{
	const struct item *it = rubric_find_item(r, id);
	return it ? it->idx : r->nitems;
}

/* Rubric order: the form's order. */
static void
sort_items(const struct rubric *r, struct plan_item *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && item_pos(r, v[j - 1].item_id) >
						    item_pos(r, v[j].item_id);
		     j--) {
			struct plan_item t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

static enum ts_err
read_plan(struct app *app, const struct submission *s, struct arena *a,
	  struct plan_item **out, size_t *n)
{
	struct db_stmt *st = db_prep(app->db, SQL_LIST);
	*n = 0;
	*out = arena_calloc(a, PLAN_MAX + 1, sizeof(**out));
	if (st == NULL || *out == NULL)
		return st == NULL ? TS_EDB : TS_ENOMEM;
	db_bind_int(st, 1, s->campaign.id);
	db_bind_int(st, 2, s->unit.id);
	int rc;
	while ((rc = db_step(st)) == DB_ROW && *n < PLAN_MAX)
		(*out)[(*n)++] = (struct plan_item){
			arena_strdup(a, db_col_text(st, 0)),
			arena_strdup(a, db_col_text(st, 1))
		};
	db_done(st);
	sort_items(s->rubric, *out, *n);
	return rc == DB_DONE || rc == DB_ROW ? TS_OK : TS_EDB;
}

enum ts_err
plan_list(struct app *app, const struct actor *who, int64_t cid,
	  const char *unit_code, struct arena *a, struct plan_item **out,
	  size_t *n, struct diags *d)
{
	struct submission s;
	*n = 0;
	*out = NULL;
	enum ts_err e = sub_open(app, who, cid, unit_code, ACT_VIEW, a, &s, d);
	if (e == TS_OK)
		e = read_plan(app, &s, a, out, n);
	return e == TS_EDB ? app_db_error(app, d, "đọc kế hoạch cải thiện") : e;
}

/* Earlier rounds of the family with a plan of the unit, latest first. */
static const char SQL_EARLIER[] =
	"SELECT DISTINCT c.id, c.school_year FROM campaign c JOIN "
	"improvement_plan p ON p.campaign_id = c.id JOIN org_unit o ON o.id "
	"= p.unit_id WHERE o.code = ?1 AND c.rubric_id = ?2 AND c.kind = "
	"'cds' AND c.school_year < ?3 ORDER BY c.school_year DESC, c.id DESC";

enum ts_err
plan_previous(struct app *app, const struct actor *who, int64_t cid,
	      const char *unit_code, struct arena *a, const char **year,
	      struct plan_item **out, size_t *n, struct diags *d)
{
	struct campaign now;
	*year = NULL;
	*n = 0;
	*out = NULL;
	enum ts_err e = campaign_get(app, who, cid, a, &now, d);
	return e == TS_OK ? plan_previous_in(app, who, &now, unit_code, a, year,
					     out, n, d)
			  : e;
}

enum ts_err
plan_previous_in(struct app *app, const struct actor *who,
		 const struct campaign *now, const char *unit_code,
		 struct arena *a, const char **year, struct plan_item **out,
		 size_t *n, struct diags *d)
{
	enum ts_err e = TS_OK;
	*year = NULL;
	*n = 0;
	*out = NULL;
	struct db_stmt *st = db_prep(app->db, SQL_EARLIER);
	if (st == NULL)
		return app_db_error(app, d, "đọc kế hoạch");
	db_bind_text(st, 1, unit_code);
	db_bind_text(st, 2, now->rubric_id);
	db_bind_text(st, 3, now->school_year);
	while (*n == 0 && e == TS_OK && db_step(st) == DB_ROW) {
		struct diags quiet;
		diags_init(&quiet);
		int64_t id = db_col_int(st, 0);
		const char *y = arena_strdup(a, db_col_text(st, 1));
		e = plan_list(app, who, id, unit_code, a, out, n, &quiet);
		diags_release(&quiet);
		if (e == TS_EFORBIDDEN || e == TS_ENOTFOUND)
			e = TS_OK; /* not the actor's to see: try older */
		*year = *n > 0 ? y : NULL;
	}
	if (db_finish(st) != TS_OK && e == TS_OK)
		e = app_db_error(app, d, "đọc kế hoạch");
	return e;
}
