/* The units of an office's listings (danh-sach, chua-nop), one rule for
 * both: read under the office, grouped by the office's sub-unit they
 * belong to (a Phòng, a xã; the office's own units first), ordered by
 * unit code in natural order (31DK001 before 31DK010), each group under
 * a heading row "I", "II", … and closed by a subtotal row, a grand
 * total when there is more than one group. */
#include <stdlib.h>
#include <string.h>

#include "../core/natcmp.h"
#include "../util/arena.h"
#include "report_listing_int.h"

/* The sub-unit is the office's child on the unit's path: the path
 * segment after the office's own path. ?1 campaign, ?2 office path,
 * ?3 its length + 1, ?4 the state of a unit with no submission. */
#define SQL_UNITS_COLS                                                         \
	"SELECT o.code, o.name, cu.school_levels, coalesce(s.state, ?4), "     \
	"coalesce(s.late, 0), s.answers, s.external, g.id = o.id, g.code, "    \
	"g.name, o.kind"
#define SQL_UNITS_FROM                                                         \
	" FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id LEFT "    \
	"JOIN org_unit g ON g.id = CAST(substr(cu.path, ?3, "                  \
	"instr(substr(cu.path, ?3), '/') - 1) AS INTEGER) LEFT JOIN "          \
	"submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "      \
	"cu.unit_id"
#define SQL_UNITS_WHERE                                                        \
	" WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER("cu.path", "?2")

static const char SQL_UNITS[] = SQL_UNITS_COLS SQL_UNITS_FROM SQL_UNITS_WHERE;

/* The chase list: only units not submitted (?4 none, ?6 draft, ?7
 * returned; states bound, never written here), with the unit's contacts
 * and those of its first enabled head (?5) by login. */
static const char SQL_CHASE[] = SQL_UNITS_COLS
	", coalesce(o.phone, ''), coalesce(o.email, ''), "
	"coalesce(h.full_name, ''), coalesce(h.phone, ''), "
	"coalesce(h.email, '')" SQL_UNITS_FROM
	" LEFT JOIN app_user h ON h.id = (SELECT u.id FROM "
	"app_user u WHERE u.org_unit_id = o.id AND u.role = ?5 "
	"AND u.disabled = 0 ORDER BY u.login LIMIT "
	"1)" SQL_UNITS_WHERE " AND coalesce(s.state, ?4) IN "
	"(?4, ?6, ?7)";

static int
unit_cmp(const void *pa, const void *pb)
{
	const struct ls_unit *a = pa, *b = pb;
	if ((a->group_code == NULL) != (b->group_code == NULL))
		return a->group_code == NULL ? -1 : 1;
	int r = a->group_code ? natcmp(a->group_code, b->group_code) : 0;
	return r ? r : natcmp(a->code, b->code);
}

static void
unit_read(struct rb *b, struct db_stmt *st, bool chase, struct ls_unit *u)
{
	struct rp_doc *d = b->doc;
	u->code = rp_strdup(d, db_col_text(st, 0));
	u->name = rp_strdup(d, db_col_text(st, 1));
	u->levels = (unsigned)db_col_int(st, 2);
	u->state = ST_NONE;
	sub_state_parse(db_col_text(st, 3), &u->state);
	u->late = db_col_int(st, 4) != 0;
	u->answers = rp_strdup(d, db_col_text(st, 5));
	u->external = rp_strdup(d, db_col_text(st, 6));
	bool own = db_col_int(st, 7) != 0 || db_col_text(st, 8) == NULL;
	u->group_code = own ? NULL : rp_strdup(d, db_col_text(st, 8));
	u->group_name = own ? NULL : rp_strdup(d, db_col_text(st, 9));
	u->kind = KIND_TRUONG;
	org_kind_parse(db_col_text(st, 10), &u->kind);
	for (int i = 0; i < LS_CONTACTS; i++)
		u->contact[i] = chase ? rp_strdup(d, db_col_text(st, 11 + i))
				      : "";
}

static struct db_stmt *
units_query(struct rb *b, bool chase)
{
	struct db_stmt *st = db_prep(b->app->db, chase ? SQL_CHASE : SQL_UNITS);
	if (st == NULL)
		return NULL;
	db_bind_int(st, 1, b->t.campaign.id);
	db_bind_text(st, 2, b->t.unit.path);
	db_bind_int(st, 3, (int64_t)strlen(b->t.unit.path) + 1);
	db_bind_text(st, 4, sub_state_code(ST_NONE));
	if (chase) {
		db_bind_text(st, 5, role_code(ROLE_SCHOOL_HEAD));
		db_bind_text(st, 6, sub_state_code(ST_DRAFT));
		db_bind_text(st, 7, sub_state_code(ST_RETURNED));
	}
	return st;
}

/* v grown to hold one more unit (arena memory: the old copy stays). */
static struct ls_unit *
units_grow(struct rb *b, struct ls_unit *v, size_t n, size_t *cap)
{
	if (n < *cap)
		return v;
	struct ls_unit *w = arena_alloc(b->a, 2 * *cap * sizeof(*w));
	if (w)
		memcpy(w, v, n * sizeof(*w));
	*cap *= 2;
	return w;
}

enum ts_err
ls_units_load(struct rb *b, bool chase, struct ls_unit **out, size_t *n)
{
	const char *what = chase ? "đọc danh sách chưa nộp"
				 : "đọc danh sách đơn vị";
	struct db_stmt *st = units_query(b, chase);
	if (st == NULL)
		return app_db_error(b->app, b->d, what);
	size_t cap = 64;
	struct ls_unit *v = arena_alloc(b->a, cap * sizeof(*v));
	*n = 0;
	int rc = DB_DONE;
	while (v && (rc = db_step(st)) == DB_ROW && !b->doc->oom) {
		v = units_grow(b, v, *n, &cap);
		if (v)
			unit_read(b, st, chase, &v[(*n)++]);
	}
	db_done(st);
	if (v == NULL || b->doc->oom)
		return TS_ENOMEM;
	if (rc != DB_DONE)
		return app_db_error(b->app, b->d, what);
	qsort(v, *n, sizeof(*v), unit_cmp);
	*out = v;
	return TS_OK;
}

/* "I", "II", … for the group rows (STT column). */
static const char *
roman(struct rb *b, size_t n)
{
	static const char *const r[] = { "I",  "II",  "III",  "IV", "V",
					 "VI", "VII", "VIII", "IX", "X" };
	return n < 10 ? r[n] : rp_printf(b->doc, "%zu", n + 1);
}

static void
group_row(struct rb *b, struct rp_table *t, size_t gi, const char *name)
{
	size_t row = rp_row_add(b->doc, t);
	rp_cell_align(rp_cell_text(b->doc, t, row, 0, RP_BOLD, roman(b, gi)),
		      RP_CENTER);
	rp_cell_text(b->doc, t, row, 1, RP_BOLD, name);
	rp_cell_span(b->doc, t, row, 1, (int)t->ncols - 1, 1);
}

static bool
same_group(const struct ls_unit *a, const struct ls_unit *b)
{
	return (a->group_code == NULL && b->group_code == NULL) ||
	       (a->group_code && b->group_code &&
		strcmp(a->group_code, b->group_code) == 0);
}

/* The group of units from u[i] on, gi-th of the table: its heading
 * row unless it is the only group, its units, its subtotal. Returns
 * the index past the group. */
static size_t
group_rows(struct rb *b, struct rp_table *t, const struct ls_unit *u, size_t n,
	   size_t i, size_t gi, bool one, const struct ls_rows *w)
{
	size_t end = i;
	while (end < n && same_group(&u[i], &u[end]))
		end++;
	if (!one)
		group_row(b, t, gi,
			  u[i].group_name
				  ? u[i].group_name
				  : rp_printf(b->doc, "Đơn vị trực thuộc %s",
					      b->t.unit.name));
	for (size_t k = i; k < end && !ts_cancelled(b->opts->cancel); k++)
		w->unit(b, t, &u[k], (int)(k - i + 1), w->ctx);
	/* A group's heading keeps its first unit, its subtotal its last. */
	if (!one)
		rp_row_keep_prev(t, t->nrows - (end - i));
	w->total(b, t, one ? "Tổng cộng" : "Cộng", false, w->ctx);
	rp_row_keep_prev(t, t->nrows - 1);
	return end;
}

enum ts_err
ls_rows_grouped(struct rb *b, struct rp_table *t, const struct ls_unit *u,
		size_t n, const struct ls_rows *w)
{
	bool one = n == 0 || same_group(&u[0], &u[n - 1]);
	for (size_t i = 0, gi = 0; i < n; gi++)
		i = group_rows(b, t, u, n, i, gi, one, w);
	if (n == 0)
		w->total(b, t, "Tổng cộng", false, w->ctx);
	else if (!one) {
		w->total(b, t, "Tổng cộng", true, w->ctx);
		rp_row_keep_prev(t, t->nrows - 1);
	}
	return ts_cancelled(b->opts->cancel) ? TS_ECANCELED : TS_OK;
}

void
ls_header(struct rb *b)
{
	rb_header(b);
	b->doc->kind = "DANH SÁCH";
	/* NĐ 30, Phụ lục III: a danh sách's symbol is DS. */
	if (b->doc->header)
		b->doc->header->symbol = "DS-……";
}
