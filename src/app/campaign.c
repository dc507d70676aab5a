/* Campaign use cases: create (with its participants), list, get. */
#include "campaign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timeutil.h"
#include "door.h"
#include "fileio.h"
#include "org.h"
#include "stored_file.h"
#include "text.h"

struct times {
	char opens[TS_TIME_SIZE], due[TS_TIME_SIZE], review[TS_TIME_SIZE];
	bool has_review;
};

static bool
valid_year(const char *y)
{
	int a, b, n = 0;
	return y != NULL && sscanf(y, "%4d-%4d%n", &a, &b, &n) == 2 && n == 9 &&
	       strlen(y) == 9 && b == a + 1 && a >= 2000;
}

static const char *
check_dates(const struct campaign_new *c, struct times *t)
{
	int64_t o, du, r = 0;
	if (c->opens == NULL || !ts_time_parse(c->opens, &o) ||
	    strlen(c->opens) != 10)
		return "ngày mở đợt phải có dạng YYYY-MM-DD";
	if (c->due == NULL || !ts_time_parse(c->due, &du) ||
	    strlen(c->due) != 10)
		return "hạn nộp phải có dạng YYYY-MM-DD";
	du += 86400 - 1; /* "hạn nộp 31/5": the whole day counts */
	if (du < o)
		return "hạn nộp phải sau ngày mở đợt";
	t->has_review = c->review_due != NULL;
	if (t->has_review &&
	    (!ts_time_parse(c->review_due, &r) || strlen(c->review_due) != 10))
		return "hạn xem xét phải có dạng YYYY-MM-DD";
	if (t->has_review && (r += 86400 - 1) < du)
		return "hạn xem xét phải sau hạn nộp";
	ts_time_format(o, t->opens);
	ts_time_format(du, t->due);
	ts_time_format(r, t->review);
	return NULL;
}

static const char *
check_new(const struct campaign_new *c, const struct rubric *r,
	  unsigned *levels, struct times *t)
{
	if (r == NULL)
		return "không có bộ chỉ số này (xem: truongso rubric list)";
	if (!valid_year(c->school_year))
		return "năm học phải có dạng 2025-2026";
	*levels = c->levels ? c->levels : r->school_levels;
	if (*levels & ~r->school_levels)
		return "bộ chỉ số không dành cho cấp học đã chọn";
	return check_dates(c, t);
}

/* Stores the rubric body once per id+version; a file that changed
 * without a version bump is refused (old results would shift). */
static enum ts_err
store_rubric(struct app *app, const struct rubric *r, struct diags *d)
{
	const char *path = NULL;
	for (size_t i = 0; i < app->rubrics.n; i++)
		if (app->rubrics.v[i].rubric == r)
			path = app->rubrics.v[i].path;
	char *body = NULL;
	size_t len = 0;
	enum ts_err e = path ? file_read_all(path, INPUT_FILE_LIMIT, &body,
					     &len, d)
			     : TS_ENOTFOUND;
	if (e != TS_OK)
		return e;
	e = stored_file_put(app, STORED_RUBRIC, r->id, r->version, body, len,
			    path, d);
	free(body);
	return e;
}

static enum ts_err
insert_campaign(struct app *app, const struct actor *who,
		const struct campaign_new *c, const struct rubric *r,
		int64_t owner, unsigned levels, const struct times *t)
{
	static const char sql[] =
		"INSERT INTO campaign(owner_unit_id, rubric_id, rubric_version, "
		"school_year, title, legal_basis, school_levels, opens_at, "
		"due_at, review_due_at, created_at, created_by, kind, "
		"review_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	char now[TS_TIME_SIZE];
	db_bind_int(st, 1, owner);
	db_bind_text(st, 2, r->id);
	db_bind_int(st, 3, r->version);
	db_bind_text(st, 4, c->school_year);
	db_bind_text(st, 5, c->title);
	db_bind_text(st, 6, c->legal_basis ? c->legal_basis : "");
	db_bind_int(st, 7, levels);
	db_bind_text(st, 8, t->opens);
	db_bind_text(st, 9, t->due);
	db_bind_text(st, 10, t->has_review ? t->review : NULL);
	db_bind_text(st, 11, ts_time_format(ts_time_now(), now));
	db_bind_text(st, 12, who->login);
	db_bind_text(st, 13, c->in_tx ? "thong-ke" : "cds");
	db_bind_text(st, 14, c->review_by_owner ? "owner" : "tree");
	return db_exec_stmt(st);
}

/* The tree as at ?4: each unit under the parent its org_parent row of
 * that day names (a unit opened later: its first row; a unit with no
 * history at all: today's parent), walked down from the roots. */
#define SQL_TREE_AT                                                            \
	"WITH RECURSIVE at_d(id, parent_id) AS (SELECT o.id, CASE WHEN "       \
	"h.unit_id IS NULL THEN o.parent_id ELSE h.parent_id END FROM "        \
	"org_unit o LEFT JOIN org_parent h ON h.unit_id = o.id AND "           \
	"h.valid_from = coalesce((SELECT max(q.valid_from) FROM "              \
	"org_parent q WHERE q.unit_id = o.id AND q.valid_from <= ?4), "        \
	"(SELECT min(q.valid_from) FROM org_parent q WHERE q.unit_id = "       \
	"o.id))), t(id, path) AS (SELECT id, '/' || id || '/' FROM at_d "      \
	"WHERE parent_id IS NULL UNION ALL SELECT a.id, t.path || a.id || "    \
	"'/' FROM at_d a JOIN t ON a.parent_id = t.id) "

/* Every open school under the owner teaching one of the campaign's
 * levels takes part, where the tree had it on the opening day (so a
 * campaign of a past year, entered after schools moved, counts them
 * where they were); with review by the owner, each directly under the
 * owner's unit. */
static enum ts_err
add_participants(struct app *app, int64_t id, const struct org_unit *owner,
		 unsigned levels, const char *opens, bool by_owner, int64_t *n)
{
	static const char sql[] = SQL_TREE_AT
		"INSERT INTO campaign_unit(campaign_id, unit_id, path, "
		"school_levels) SELECT ?1, o.id, CASE WHEN ?5 <> 0 THEN "
		"ow.path || o.id || '/' ELSE t.path END, o.school_levels & ?2 "
		"FROM t JOIN t ow ON ow.id = ?3 JOIN org_unit o ON o.id = t.id "
		"WHERE t.id <> ?3 AND substr(t.path, 1, length(ow.path)) = "
		"ow.path AND o.kind IN ('truong', 'trung_tam') AND "
		"(o.school_levels & ?2) <> 0 AND (o.active_to IS NULL OR "
		"o.active_to > ?4)";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	char day[11]; /* the opening day in Việt Nam (opens is UTC) */
	campaign_day(opens, day);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, levels);
	db_bind_int(st, 3, owner->id);
	db_bind_text(st, 4, day);
	db_bind_int(st, 5, by_owner);
	enum ts_err e = db_exec_stmt(st);
	*n = db_changes(app->db);
	return e;
}

struct create_in {
	struct campaign_new c; /* title, basis and year: the NFC copies */
	struct org_unit owner;
	const struct rubric *r;
	unsigned levels;
	struct times t;
};

static size_t
create_texts(void *in, struct text_field *f)
{
	struct create_in *x = in;
	f[0] = (struct text_field){ "tên đợt đánh giá", &x->c.title, 500,
				    TEXT_REQUIRED };
	f[1] = (struct text_field){ "căn cứ", &x->c.legal_basis, 500, 0 };
	f[2] = (struct text_field){ "năm học", &x->c.school_year, 9,
				    TEXT_REQUIRED };
	return 3;
}

/* The owner unit: admins of it or above create the campaign. */
static enum ts_err
create_resolve(struct door_ctx *c, struct door_target *t)
{
	struct create_in *x = c->in;
	const char *code = x->c.owner_code;
	enum ts_err e = code ? org_find(c->app, code, c->a, &x->owner)
			     : TS_ENOTFOUND;
	if (e == TS_ENOTFOUND) {
		diags_add(c->d, code ? code : "",
			  "không có đơn vị chủ trì này");
		return TS_EINVAL;
	}
	x->r = x->c.rubric_ref
		       ? rubric_set_find(&c->app->rubrics, x->c.rubric_ref)
		       : NULL;
	const char *why = e == TS_OK ? check_new(&x->c, x->r, &x->levels, &x->t)
				     : NULL;
	if (why != NULL) {
		diags_add(c->d, x->c.title ? x->c.title : "", "%s", why);
		return TS_EINVAL;
	}
	*t = (struct door_target){ PK_CAMPAIGN, x->owner.path, POL_ANY_STATE,
				   code };
	return e;
}

static enum ts_err
create_body(struct door_ctx *c)
{
	struct create_in *x = c->in;
	int64_t n = 0, id = 0;
	enum ts_err e = store_rubric(c->app, x->r, c->d);
	if (e == TS_OK)
		e = insert_campaign(c->app, c->who, &x->c, x->r, x->owner.id,
				    x->levels, &x->t);
	if (e == TS_OK) {
		id = db_last_id(c->app->db);
		e = add_participants(c->app, id, &x->owner, x->levels,
				     x->t.opens, x->c.review_by_owner, &n);
	}
	/* A statistics campaign's own rows, in the same transaction. */
	if (e == TS_OK && x->c.in_tx != NULL)
		e = x->c.in_tx(c->app, id, x->c.in_tx_ctx, c->d);
	if (e == TS_OK && n == 0) {
		diags_add(c->d, x->owner.code,
			  "không có trường nào thuộc %s dạy "
			  "cấp học của đợt này",
			  x->owner.name);
		e = TS_EINVAL;
	}
	char *obj = arena_alloc(c->a, 32), *detail = arena_alloc(c->a, 64);
	if (e == TS_OK && (obj == NULL || detail == NULL))
		e = TS_ENOMEM;
	if (e != TS_OK)
		return e;
	snprintf(obj, 32, "campaign:%lld", (long long)id);
	snprintf(detail, 64, "%lld đơn vị", (long long)n);
	c->object = obj;
	c->detail = detail;
	*(int64_t *)c->out = id;
	return TS_OK;
}

static const struct door CAMPAIGN_CREATE = {
	"campaign.create", PA_CREATE,	   "tạo đợt đánh giá",
	create_texts,	   create_resolve, create_body,
};

enum ts_err
campaign_create(struct app *app, const struct actor *who,
		const struct campaign_new *c, int64_t *id, struct diags *d)
{
	/* Before the text is looked at: only admins create campaigns. */
	if (actor_may(who, PK_CAMPAIGN, NULL, PA_CREATE, who->login, d) !=
	    TS_OK)
		return TS_EFORBIDDEN;
	struct create_in x = { .c = *c };
	return door_run(app, who, &CAMPAIGN_CREATE, &x, id, d);
}

bool
campaign_review_by_parse(const char *s, bool *by_owner)
{
	*by_owner = s != NULL && strcmp(s, "owner") == 0;
	return s == NULL || *by_owner || s[0] == '\0' || strcmp(s, "tree") == 0;
}

void
campaign_day(const char *iso, char out[11])
{
	char buf[TS_TIME_SIZE];
	int64_t t;
	out[0] = '\0';
	if (iso != NULL && ts_time_parse(iso, &t))
		snprintf(out, 11, "%.10s",
			 ts_time_format(t + TS_VN_OFFSET, buf));
}

bool
campaign_may_edit(const struct actor *who, const struct campaign *c)
{
	return actor_may(who, PK_CAMPAIGN, c->owner_path, PA_CHANGE, NULL,
			 NULL) == TS_OK;
}

static enum ts_err
write_edit(struct app *app, int64_t id, const struct campaign_new *c,
	   const struct times *t)
{
	static const char sql[] =
		"UPDATE campaign SET title = ?, legal_basis = ?, opens_at = ?, "
		"due_at = ?, review_due_at = ? WHERE id = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, c->title);
	db_bind_text(st, 2, c->legal_basis);
	db_bind_text(st, 3, t->opens);
	db_bind_text(st, 4, t->due);
	db_bind_text(st, 5, t->has_review ? t->review : NULL);
	db_bind_int(st, 6, id);
	return db_exec_stmt(st);
}

/* The edit laid over the campaign's current values, checked by the same
 * rules as a new campaign. */
static const char *
merge_edit(const struct campaign *cur, const struct campaign_edit *c,
	   struct campaign_new *n, char days[3][11], struct times *t)
{
	campaign_day(cur->opens_at, days[0]);
	campaign_day(cur->due_at, days[1]);
	campaign_day(cur->review_due_at, days[2]);
	n->title = c->title ? c->title : cur->title;
	n->legal_basis = c->legal_basis ? c->legal_basis : cur->legal_basis;
	n->opens = c->opens ? c->opens : days[0];
	n->due = c->due ? c->due : days[1];
	n->review_due = c->review_due ? c->review_due : days[2];
	if (n->review_due[0] == '\0')
		n->review_due = NULL;
	if (n->title[0] == '\0' || strlen(n->title) > 500)
		return "tên đợt đánh giá phải có từ 1 đến 500 ký tự";
	return check_dates(n, t);
}

enum ts_err
campaign_door_target(struct door_ctx *c, int64_t id, struct campaign *cur,
		     char obj[32], struct door_target *t)
{
	enum ts_err e = campaign_get(c->app, c->who, id, c->a, cur, c->d);
	snprintf(obj, 32, "campaign:%lld", (long long)id);
	*t = (struct door_target){ PK_CAMPAIGN, cur->owner_path, POL_ANY_STATE,
				   obj };
	return e;
}

struct edit_in {
	int64_t id;
	struct campaign_edit e; /* title and basis: the NFC copies */
	struct campaign cur;
	char obj[32];
};

static size_t
edit_texts(void *in, struct text_field *f)
{
	struct edit_in *x = in;
	f[0] = (struct text_field){ "tên đợt đánh giá", &x->e.title, 500, 0 };
	f[1] = (struct text_field){ "căn cứ", &x->e.legal_basis, 500, 0 };
	return 2;
}

/* The campaign as it is, owned by a unit whose admins (and those above)
 * edit it. */
static enum ts_err
edit_resolve(struct door_ctx *c, struct door_target *t)
{
	struct edit_in *x = c->in;
	return campaign_door_target(c, x->id, &x->cur, x->obj, t);
}

static enum ts_err
edit_body(struct door_ctx *c)
{
	struct edit_in *x = c->in;
	struct campaign_new n = { 0 };
	struct times t;
	char days[3][11], *detail = arena_alloc(c->a, 600);
	const char *why = merge_edit(&x->cur, &x->e, &n, days, &t);
	if (why != NULL) {
		diags_add(c->d, x->obj, "%s", why);
		return TS_EINVAL;
	}
	if (detail == NULL)
		return TS_ENOMEM;
	enum ts_err e = write_edit(c->app, x->id, &n, &t);
	/* No review deadline is left out of the line, not written "-". */
	snprintf(detail, 600, "%s; mở %s, hạn nộp %s%s%s", n.title, n.opens,
		 n.due, n.review_due ? ", hạn xem xét " : "",
		 n.review_due ? n.review_due : "");
	c->object = x->obj;
	c->detail = detail;
	return e;
}

static const struct door CAMPAIGN_EDIT = {
	"campaign.edit", PA_CHANGE,    "sửa đợt đánh giá",
	edit_texts,	 edit_resolve, edit_body,
};

enum ts_err
campaign_update(struct app *app, const struct actor *who, int64_t id,
		const struct campaign_edit *c, struct diags *d)
{
	struct edit_in x = { .id = id, .e = *c };
	return door_run(app, who, &CAMPAIGN_EDIT, &x, NULL, d);
}
