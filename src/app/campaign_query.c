/* Reading campaigns: list, get, completeness, and their rubric. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "campaign.h"
#include "org.h"

/* A participant is in the actor's scope by the path the campaign froze
 * for it (campaign_scope), and a school always sees its own. */
#define IN_SCOPE "(cu.path LIKE ?1 OR cu.unit_id = ?3)"

#define CAMPAIGN_COLS                                                       \
	"c.id, c.owner_unit_id, o.code, o.name, o.path, c.rubric_id, "       \
	"c.rubric_version, c.school_year, c.title, c.legal_basis, "          \
	"c.school_levels, c.opens_at, c.due_at, c.review_due_at, "           \
	"(SELECT count(*) FROM campaign_unit cu WHERE cu.campaign_id = c.id " \
	"AND " IN_SCOPE "), c.kind"

/* Visible: run by a unit in the actor's subtree, or with a participant
 * there (a school sees the campaigns it must answer). */
static const char SQL_LIST[] =
	"SELECT " CAMPAIGN_COLS " FROM campaign c JOIN org_unit o ON "
	"o.id = c.owner_unit_id WHERE o.path LIKE ?1 OR EXISTS (SELECT 1 "
	"FROM campaign_unit cu WHERE cu.campaign_id = c.id AND " IN_SCOPE
	") ORDER BY c.id DESC";
static const char SQL_GET[] =
	"SELECT " CAMPAIGN_COLS " FROM campaign c JOIN org_unit o ON "
	"o.id = c.owner_unit_id WHERE c.id = ?2 AND (o.path LIKE ?1 OR "
	"EXISTS (SELECT 1 FROM campaign_unit cu WHERE cu.campaign_id = c.id "
	"AND " IN_SCOPE "))";

static void
read_campaign(struct db_stmt *st, struct arena *a, struct campaign *c)
{
	c->id = db_col_int(st, 0);
	c->owner_unit_id = db_col_int(st, 1);
	c->owner_code = db_col_dup(st, 2, a);
	c->owner_name = db_col_dup(st, 3, a);
	c->owner_path = db_col_dup(st, 4, a);
	c->rubric_id = db_col_dup(st, 5, a);
	c->rubric_version = (int)db_col_int(st, 6);
	c->school_year = db_col_dup(st, 7, a);
	c->title = db_col_dup(st, 8, a);
	c->legal_basis = db_col_dup(st, 9, a);
	c->levels = (unsigned)db_col_int(st, 10);
	c->opens_at = db_col_dup(st, 11, a);
	c->due_at = db_col_dup(st, 12, a);
	c->review_due_at = db_col_dup(st, 13, a);
	c->expected = db_col_int(st, 14);
	c->kind = db_col_dup(st, 15, a);
}

static void
bind_scope(struct db_stmt *st, const struct actor *who)
{
	char like[PATH_MAX_LEN + 2];
	snprintf(like, sizeof(like), "%s%%", who->path);
	db_bind_text(st, 1, like);
	db_bind_int(st, 3, who->unit_id ? who->unit_id : -1);
}

static void
fill_campaign(struct db_stmt *st, struct arena *a, void *p)
{
	read_campaign(st, a, p);
}

enum ts_err
campaign_list(struct app *app, const struct actor *who, struct arena *a,
	      struct campaign **out, size_t *n, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_LIST);
	if (st == NULL)
		return app_db_error(app, d, "đọc danh sách đợt đánh giá");
	bind_scope(st, who);
	enum ts_err e = db_collect(st, a, sizeof(**out), (void **)out, n,
				   fill_campaign);
	return e == TS_EDB ? app_db_error(app, d, "đọc danh sách đợt") : e;
}

enum ts_err
campaign_get(struct app *app, const struct actor *who, int64_t id,
	     struct arena *a, struct campaign *out, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_GET);
	if (st == NULL)
		return app_db_error(app, d, "đọc đợt đánh giá");
	bind_scope(st, who);
	db_bind_int(st, 2, id);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		read_campaign(st, a, out);
	db_done(st);
	if (r != DB_ROW) {
		char where[32];
		snprintf(where, sizeof(where), "đợt %lld", (long long)id);
		diags_add(d, where, "không có đợt đánh giá này trong phạm vi "
			  "của tài khoản");
		return TS_ENOTFOUND;
	}
	return TS_OK;
}

static const char SQL_STATUS[] =
	"SELECT cu.path, coalesce(s.state, 'none'), coalesce(s.late, 0) "
	"FROM campaign_unit cu LEFT JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ? "
	"AND cu.path LIKE ? ORDER BY cu.path";

static void
fill_status(struct db_stmt *st, struct arena *a, void *p)
{
	struct unit_status *u = p;
	u->path = db_col_dup(st, 0, a);
	sub_state_parse(db_col_text(st, 1), &u->state);
	u->late = db_col_int(st, 2) != 0;
}

static enum ts_err
read_status_rows(struct app *app, int64_t id, const char *root,
		 struct arena *a, struct unit_status **out, size_t *n)
{
	struct db_stmt *st = db_prep(app->db, SQL_STATUS);
	if (st == NULL)
		return TS_EDB;
	char like[PATH_MAX_LEN + 2];
	snprintf(like, sizeof(like), "%s%%", root);
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, like);
	return db_collect(st, a, sizeof(**out), (void **)out, n, fill_status);
}

/* The unit whose path is prefix ("/1/4/" -> unit 4). */
static bool
prefix_unit(struct app *app, const char *prefix, struct arena *a,
	    struct org_unit *u)
{
	size_t n = strlen(prefix);
	const char *p = prefix + n - 1;
	while (p > prefix && p[-1] != '/')
		p--;
	return org_get(app, strtoll(p, NULL, 10), a, u) == TS_OK;
}

/* Offices (Phòng, xã) first, then schools directly under the root; each
 * by code, as offices list them. */
static void
sort_rows(struct campaign_status *st, bool *school, const char **code)
{
	for (size_t i = 1; i < st->nrows; i++)
		for (size_t k = i; k > 0 &&
				   (school[k - 1] > school[k] ||
				    (school[k - 1] == school[k] &&
				     strcmp(code[k - 1], code[k]) > 0));
		     k--) {
			struct completeness_row r = st->rows[k];
			st->rows[k] = st->rows[k - 1];
			st->rows[k - 1] = r;
			const char *t = st->row_names[k];
			st->row_names[k] = st->row_names[k - 1];
			st->row_names[k - 1] = t;
			bool b = school[k];
			school[k] = school[k - 1];
			school[k - 1] = b;
			t = code[k];
			code[k] = code[k - 1];
			code[k - 1] = t;
		}
}

static enum ts_err
status_root(struct app *app, const struct actor *who, const struct campaign *c,
	    const char *root_code, struct arena *a, struct org_unit *root,
	    struct diags *d)
{
	if (root_code == NULL)
		return org_get(app, who->unit_id ? who->unit_id : c->owner_unit_id,
			       a, root);
	enum ts_err e = org_find_named(app, root_code, a, root, d);
	if (e != TS_OK)
		return e;
	if (scope_of(who->path, root->path) == SCOPE_OUTSIDE) {
		diags_add(d, root_code, "đơn vị không thuộc phạm vi quản lý của "
			  "tài khoản");
		return TS_EFORBIDDEN;
	}
	return TS_OK;
}

enum ts_err
campaign_status(struct app *app, const struct actor *who, int64_t id,
		const char *root_code, struct arena *a,
		struct campaign_status *out, struct diags *d)
{
	struct campaign c;
	struct org_unit root;
	struct unit_status *rows = NULL;
	size_t n = 0;
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	if (e == TS_OK)
		e = status_root(app, who, &c, root_code, a, &root, d);
	if (e == TS_OK && (e = read_status_rows(app, id, root.path, a, &rows,
						&n)) != TS_OK)
		return app_db_error(app, d, "đọc tình hình nộp");
	if (e != TS_OK)
		return e;
	memset(out, 0, sizeof(*out));
	out->root_name = root.name;
	out->rows = arena_calloc(a, n + 1, sizeof(*out->rows));
	out->row_names = arena_calloc(a, n + 1, sizeof(*out->row_names));
	if (out->rows == NULL || out->row_names == NULL)
		return TS_ENOMEM;
	out->nrows = completeness_count(rows, n, root.path, out->rows, n,
					&out->total);
	bool *school = arena_calloc(a, out->nrows + 1, sizeof(*school));
	const char **code = arena_calloc(a, out->nrows + 1, sizeof(*code));
	if (school == NULL || code == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < out->nrows; i++) {
		struct org_unit u;
		bool ok = prefix_unit(app, out->rows[i].prefix, a, &u);
		out->row_names[i] = ok ? u.name : out->rows[i].prefix;
		code[i] = ok ? u.code : out->rows[i].prefix;
		school[i] = ok && org_kind_is_school(u.kind);
	}
	sort_rows(out, school, code);
	out->row_codes = code;
	out->row_school = school;
	return TS_OK;
}

/* Parses the stored body and keeps it for the life of the app. */
static const struct rubric *
load_stored(struct app *app, const char *id, int version)
{
	static const char sql[] =
		"SELECT body FROM rubric WHERE id = ? AND version = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return NULL;
	db_bind_text(st, 1, id);
	db_bind_int(st, 2, version);
	struct rubric *r = NULL;
	struct diags d;
	diags_init(&d);
	if (db_step(st) == DB_ROW) {
		const char *body = db_col_text(st, 0);
		if (rubric_parse(body, strlen(body), id, &r, &d) != TS_OK)
			r = NULL;
	}
	db_done(st);
	diags_release(&d);
	struct rubric_set *s = &app->db_rubrics;
	struct rubric_entry *v = r ? realloc(s->v, (s->n + 1) * sizeof(*v)) : NULL;
	if (v == NULL) {
		rubric_free(r);
		return NULL;
	}
	s->v = v;
	s->v[s->n].path = NULL;
	s->v[s->n++].rubric = r;
	return r;
}

/* Always the copy stored with the campaign, never the current file: a
 * result is scored by exactly the rubric it was made under. */
const struct rubric *
app_rubric(struct app *app, const char *id, int version)
{
	char ref[128];
	snprintf(ref, sizeof(ref), "%s@%d", id, version);
	const struct rubric *r = rubric_set_find(&app->db_rubrics, ref);
	return r ? r : load_stored(app, id, version);
}
