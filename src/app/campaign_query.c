/* Reading campaigns: list, get, completeness, and their rubric. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "campaign.h"
#include "org.h"
#include "results_cache.h"

/* A participant is in the actor's scope by the path the campaign froze
 * for it (campaign_scope), and a school always sees its own. */
#define IN_SCOPE "(" SQL_PATH_UNDER("cu.path", "?1") " OR cu.unit_id = ?3)"

#define CAMPAIGN_BASE_COLS                                                     \
	"c.id, c.owner_unit_id, o.code, o.name, o.path, c.rubric_id, "         \
	"c.rubric_version, c.school_year, c.title, c.legal_basis, "            \
	"c.school_levels, c.opens_at, c.due_at, c.review_due_at, "             \
	"c.review_by, "
/* The participants are counted apart (expected_in_scope): counted here
 * for every campaign on every list, they were most of a dashboard's
 * time (its years section lists the campaigns). */
#define CAMPAIGN_COLS CAMPAIGN_BASE_COLS "0, c.kind"

/* Visible: run by a unit in the actor's subtree, or with a participant
 * there (a school sees the campaigns it must answer). Latest to open
 * first: a past year's round entered later still lists after today's. */
static const char SQL_LIST[] =
	"SELECT " CAMPAIGN_COLS " FROM campaign c JOIN org_unit o ON "
	"o.id = c.owner_unit_id WHERE " SQL_PATH_UNDER(
		"o.path",
		"?1") " OR EXISTS (SELECT 1 "
		      "FROM campaign_unit cu WHERE cu.campaign_id = c.id AND " IN_SCOPE
		      ") ORDER BY c.opens_at DESC, c.id DESC";
/* The participants counted apart (expected_in_scope). */
static const char SQL_GET[] =
	"SELECT " CAMPAIGN_BASE_COLS
	"0, c.kind FROM campaign c JOIN org_unit o ON "
	"o.id = c.owner_unit_id WHERE c.id = ?2 AND (" SQL_PATH_UNDER(
		"o.path",
		"?1") " OR "
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
	const char *by = db_col_text(st, 14);
	c->review_by_owner = by != NULL && strcmp(by, "owner") == 0;
	c->expected = db_col_int(st, 15);
	c->kind = db_col_dup(st, 16, a);
}

static void
bind_scope(struct db_stmt *st, const struct actor *who)
{
	db_bind_text(st, 1, who->path);
	db_bind_int(st, 3, who->unit_id ? who->unit_id : -1);
}

static void
fill_campaign(struct db_stmt *st, struct arena *a, void *p)
{
	read_campaign(st, a, p);
}

/* The count of expected_in_scope() from the database, kept in the
 * results cache under key for generation gen. */
static enum ts_err
count_expected(struct app *app, const struct actor *who, int64_t id,
	       const char *key, int64_t gen, int64_t *out)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM campaign_unit cu WHERE "
		"cu.campaign_id = ?2 AND " SQL_PATH_UNDER(
			"cu.path",
			"?1") ") + "
			      "(SELECT count(*) FROM campaign_unit cu WHERE cu.campaign_id = "
			      "?2 AND cu.unit_id = ?3 AND NOT " SQL_PATH_UNDER(
				      "cu.path", "?1") ")";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	bind_scope(st, who);
	db_bind_int(st, 2, id);
	enum ts_err e = db_step(st) == DB_ROW ? TS_OK : TS_EDB;
	*out = e == TS_OK ? db_col_int(st, 0) : 0;
	db_done(st);
	if (e == TS_OK)
		results_cache_put(app, id, key, RC_EXPECTED, gen, out,
				  sizeof(*out));
	return e;
}

/* Participants in the actor's scope: counted once per results
 * generation (every page of a campaign shows it; a Sở's count reads
 * thousands of index entries). */
static enum ts_err
expected_in_scope(struct app *app, const struct actor *who, int64_t id,
		  int64_t *out)
{
	char key[PATH_MAX_LEN + 32];
	struct arena *a = arena_new();
	int64_t gen, *v = NULL;
	size_t size = 0;
	snprintf(key, sizeof(key), "%s#%lld", who->path,
		 (long long)(who->unit_id ? who->unit_id : -1));
	enum ts_err e = a ? results_gen(app, id, &gen) : TS_ENOMEM;
	if (e == TS_OK)
		v = results_cache_get(app, id, key, RC_EXPECTED, gen, &size, a);
	if (e == TS_OK && v == NULL)
		e = count_expected(app, who, id, key, gen, out);
	if (v != NULL && size == sizeof(*v))
		*out = *v;
	arena_free(a);
	return e;
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
	for (size_t i = 0; e == TS_OK && i < *n; i++)
		e = expected_in_scope(app, who, (*out)[i].id,
				      &(*out)[i].expected);
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
	if (r == DB_ERROR)
		return app_db_error(app, d, "đọc đợt đánh giá");
	if (r == DB_ROW &&
	    expected_in_scope(app, who, id, &out->expected) != TS_OK)
		return app_db_error(app, d, "đếm đơn vị của đợt");
	if (r != DB_ROW) {
		char where[32];
		snprintf(where, sizeof(where), "đợt %lld", (long long)id);
		diags_add(d, where,
			  "không có đợt đánh giá này trong phạm vi "
			  "của tài khoản");
		return TS_ENOTFOUND;
	}
	return TS_OK;
}

bool
campaign_is_stats(struct app *app, int64_t id)
{
	struct db_stmt *st = db_prep(app->db,
				     "SELECT kind FROM campaign WHERE id = ?");
	if (st == NULL)
		return false;
	db_bind_int(st, 1, id);
	bool stats = db_step(st) == DB_ROW && db_col_text(st, 0) &&
		     strcmp(db_col_text(st, 0), "thong-ke") == 0;
	db_done(st);
	return stats;
}

static const char SQL_STATUS[] =
	"SELECT cu.path, coalesce(s.state, ?3), coalesce(s.late, 0) "
	"FROM campaign_unit cu LEFT JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ?1 "
	"AND " SQL_PATH_UNDER("cu.path", "?2") " ORDER BY cu.path";

static void
fill_status(struct db_stmt *st, struct arena *a, void *p)
{
	struct unit_status *u = p;
	u->path = db_col_dup(st, 0, a);
	sub_state_parse(db_col_text(st, 1), &u->state);
	u->late = db_col_int(st, 2) != 0;
}

static enum ts_err
read_status_rows(struct app *app, int64_t id, const char *root, struct arena *a,
		 struct unit_status **out, size_t *n)
{
	struct db_stmt *st = db_prep(app->db, SQL_STATUS);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, root);
	db_bind_text(st, 3, sub_state_code(ST_NONE));
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

/* The root's children today, read at once: a row's unit is almost
 * always one of them (prefix_unit finds those moved since). */
struct child {
	int64_t id;
	const char *code, *name;
	enum org_kind kind;
};

static void
fill_child(struct db_stmt *st, struct arena *a, void *p)
{
	struct child *c = p;
	c->id = db_col_int(st, 0);
	c->code = db_col_dup(st, 1, a);
	c->name = db_col_dup(st, 2, a);
	org_kind_parse(db_col_text(st, 3), &c->kind);
}

static int
child_cmp(const void *a, const void *b)
{
	const struct child *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static enum ts_err
read_children(struct app *app, int64_t root, struct arena *a,
	      struct child **out, size_t *n)
{
	static const char sql[] = "SELECT id, code, name, kind FROM org_unit "
				  "WHERE parent_id = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, root);
	enum ts_err e = db_collect(st, a, sizeof(**out), (void **)out, n,
				   fill_child);
	if (e == TS_OK && *n > 1)
		qsort(*out, *n, sizeof(**out), child_cmp); /* for child_unit */
	return e;
}

/* v sorted by id (child_cmp): a binary search, not a scan per row. */
static bool
child_unit(const struct child *v, size_t n, const char *prefix,
	   struct org_unit *u)
{
	size_t len = strlen(prefix);
	const char *p = prefix + len - 1;
	while (p > prefix && p[-1] != '/')
		p--;
	struct child key = { .id = strtoll(p, NULL, 10) };
	const struct child *c = n ? bsearch(&key, v, n, sizeof(*v), child_cmp)
				  : NULL;
	if (c == NULL)
		return false;
	memset(u, 0, sizeof(*u));
	u->id = c->id;
	u->code = c->code;
	u->name = c->name;
	u->kind = c->kind;
	return true;
}

/* One status row with its sort keys, for sort_rows. */
struct status_sort {
	struct completeness_row row;
	const char *name, *code;
	bool school;
};

static int
status_cmp(const void *a, const void *b)
{
	const struct status_sort *x = a, *y = b;
	if (x->school != y->school)
		return x->school ? 1 : -1;
	return strcmp(x->code, y->code);
}

/* Offices (Phòng, xã) first, then schools directly under the root; each
 * by code, as offices list them. One qsort: the rows were sorted by
 * insertion before, quadratic in the 139 Phòng of a large Sở. Codes are
 * unique, so the order is the same as that stable sort's. */
static enum ts_err
sort_rows(struct campaign_status *st, bool *school, const char **code,
	  struct arena *a)
{
	struct status_sort *v = arena_calloc(a, st->nrows + 1, sizeof(*v));
	if (v == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < st->nrows; i++)
		v[i] = (struct status_sort){ st->rows[i], st->row_names[i],
					     code[i], school[i] };
	qsort(v, st->nrows, sizeof(*v), status_cmp);
	for (size_t i = 0; i < st->nrows; i++) {
		st->rows[i] = v[i].row;
		st->row_names[i] = v[i].name;
		code[i] = v[i].code;
		school[i] = v[i].school;
	}
	return TS_OK;
}

/* [total][rows...] under root, counted. */
static enum ts_err
status_full(struct app *app, int64_t id, const char *root, struct arena *a,
	    struct completeness_row **v, size_t *size)
{
	struct unit_status *rows = NULL;
	size_t n = 0;
	enum ts_err e = read_status_rows(app, id, root, a, &rows, &n);
	*v = e == TS_OK ? arena_calloc(a, n + 2, sizeof(**v)) : NULL;
	if (e == TS_OK && *v == NULL)
		e = TS_ENOMEM;
	if (e == TS_OK)
		*size = (1 + completeness_count(rows, n, root, *v + 1, n,
						&(*v)[0])) *
			sizeof(**v);
	return e;
}

/* The row of v (nrows after the total) whose prefix is the child of
 * root that path is under, counted again; TS_ESTALE when there is no
 * such row (count everything again). done: rows already counted. */
static enum ts_err
status_part(struct app *app, int64_t id, const char *root, const char *path,
	    struct arena *a, struct completeness_row *v, size_t nrows,
	    bool *done)
{
	char prefix[256];
	size_t i = 0, n = 0;
	if (!results_child(root, path, prefix))
		return TS_ESTALE;
	while (i < nrows && strcmp(v[1 + i].prefix, prefix) != 0)
		i++;
	if (i == nrows || done[i])
		return i == nrows ? TS_ESTALE : TS_OK;
	struct unit_status *rows = NULL;
	struct completeness_row one, total;
	enum ts_err e = read_status_rows(app, id, prefix, a, &rows, &n);
	if (e == TS_OK &&
	    completeness_count(rows, n, root, &one, 1, &total) != 1)
		e = TS_ESTALE;
	if (e == TS_OK)
		v[1 + i] = one;
	done[i] = true;
	return e;
}

/* v (kept at generation from) brought to generation to: the rows the
 * changes since are under counted again, the total summed. */
static enum ts_err
status_update(struct app *app, int64_t id, const char *root, int64_t from,
	      int64_t to, struct arena *a, struct completeness_row *v,
	      size_t nrows)
{
	const char **paths = NULL;
	size_t n = 0;
	bool *done = arena_calloc(a, nrows + 1, sizeof(*done));
	enum ts_err e = done ? results_changes(app, id, root, from, to, a,
					       &paths, &n)
			     : TS_ENOMEM;
	for (size_t k = 0; e == TS_OK && k < n; k++)
		e = status_part(app, id, root, paths[k], a, v, nrows, done);
	if (e != TS_OK)
		return e;
	memset(&v[0], 0, sizeof(v[0]));
	for (size_t i = 0; i < nrows; i++) {
		v[0].expected += v[1 + i].expected;
		v[0].late += v[1 + i].late;
		for (size_t s = 0; s < ST_COUNT; s++)
			v[0].by_state[s] += v[1 + i].by_state[s];
	}
	return TS_OK;
}

/* The rows and total of out, counted, or kept from an earlier count and
 * brought up to date by counting again only the rows under the units
 * changed since (results_cache.h): [total][rows...]. */
static enum ts_err
count_status(struct app *app, int64_t id, const char *root, struct arena *a,
	     struct campaign_status *out)
{
	size_t size = 0;
	int64_t gen, had = -1;
	enum ts_err e = results_gen(app, id, &gen);
	struct completeness_row *v =
		e == TS_OK ? results_cache_latest(app, id, root, RC_STATUS,
						  &had, &size, a)
			   : NULL;
	if (e != TS_OK)
		return e;
	e = v != NULL && had <= gen && size >= sizeof(*v) ? TS_OK : TS_ESTALE;
	if (e == TS_OK && had < gen)
		e = status_update(app, id, root, had, gen, a, v,
				  size / sizeof(*v) - 1);
	if (e == TS_ESTALE) {
		had = -1;
		e = status_full(app, id, root, a, &v, &size);
	}
	if (e != TS_OK)
		return e;
	if (had != gen)
		results_cache_put(app, id, root, RC_STATUS, gen, v, size);
	out->total = v[0];
	out->rows = v + 1;
	out->nrows = size / sizeof(*v) - 1;
	return TS_OK;
}

static enum ts_err
status_root(struct app *app, const struct actor *who, const struct campaign *c,
	    const char *root_code, struct arena *a, struct org_unit *root,
	    struct diags *d)
{
	if (root_code == NULL)
		return org_get(app,
			       who->unit_id ? who->unit_id : c->owner_unit_id,
			       a, root);
	enum ts_err e = org_find_named(app, root_code, a, root, d);
	if (e != TS_OK)
		return e;
	return actor_may(who, PK_UNIT, root->path, PA_VIEW, root_code, d);
}

enum ts_err
campaign_status(struct app *app, const struct actor *who, int64_t id,
		const char *root_code, struct arena *a,
		struct campaign_status *out, struct diags *d)
{
	struct campaign c;
	struct org_unit root;
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	if (e == TS_OK)
		e = status_root(app, who, &c, root_code, a, &root, d);
	if (e != TS_OK)
		return e;
	memset(out, 0, sizeof(*out));
	out->root_name = root.name;
	if (count_status(app, id, root.path, a, out) != TS_OK)
		return app_db_error(app, d, "đọc tình hình nộp");
	out->row_names = arena_calloc(a, out->nrows + 1,
				      sizeof(*out->row_names));
	if (out->row_names == NULL)
		return TS_ENOMEM;
	bool *school = arena_calloc(a, out->nrows + 1, sizeof(*school));
	const char **code = arena_calloc(a, out->nrows + 1, sizeof(*code));
	if (school == NULL || code == NULL)
		return TS_ENOMEM;
	struct child *kids = NULL;
	size_t nkids = 0;
	if (read_children(app, root.id, a, &kids, &nkids) != TS_OK)
		return app_db_error(app, d, "đọc đơn vị trực thuộc");
	for (size_t i = 0; i < out->nrows; i++) {
		struct org_unit u;
		bool ok = child_unit(kids, nkids, out->rows[i].prefix, &u) ||
			  prefix_unit(app, out->rows[i].prefix, a, &u);
		out->row_names[i] = ok ? u.name : out->rows[i].prefix;
		code[i] = ok ? u.code : out->rows[i].prefix;
		school[i] = ok && org_kind_is_school(u.kind);
	}
	if (sort_rows(out, school, code, a) != TS_OK)
		return TS_ENOMEM;
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
	struct rubric_entry *v = r ? realloc(s->v, (s->n + 1) * sizeof(*v))
				   : NULL;
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
