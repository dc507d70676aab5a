/* truongso db copy / db verify (copy.h). */
#include "copy.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "migrate.h"

/* Every table, parents before children (PostgreSQL checks foreign keys
 * at each statement), each read in the order given: org_unit by path, a
 * parent's path being a prefix of its children's. A table the database
 * has and this list lacks is refused, so a new migration's table is
 * never left behind silently. schema_migration is not copied: the
 * target's own migrations wrote it, and the versions must be equal. */
static const struct {
	const char *name, *order;
} TABLES[] = {
	{ "app_secret", "name" },
	{ "audit", "id" },
	{ "door_once", "actor, action, request_key" },
	{ "indicator_set", "id, version" },
	{ "login_failure", "id" },
	{ "org_unit", "path" },
	{ "app_user", "id" },
	{ "evidence", "id" },
	{ "org_parent", "unit_id, valid_from" },
	{ "org_unit_history", "id" },
	{ "password_reset", "user_id" },
	{ "reminder", "unit_id, day" },
	{ "rubric", "id, version" },
	{ "campaign", "id" },
	{ "campaign_results", "campaign_id" },
	{ "results_change", "campaign_id, gen" },
	{ "campaign_unit", "campaign_id, unit_id" },
	{ "doc_field", "campaign_id, unit_id, name" },
	{ "export_job", "id" },
	{ "improvement_plan", "campaign_id, unit_id, item_id" },
	{ "session", "token_hash" },
	{ "software", "campaign_id, unit_id, pos" },
	{ "stats_campaign", "campaign_id" },
	{ "stats_office", "campaign_id, unit_id" },
	{ "stats_typed", "unit_id, school_year" },
	{ "submission", "id" },
	{ "evidence_link", "evidence_id, submission_id, criterion_id" },
	{ "review_note", "id" },
	{ "signed_copy", "id" },
	{ "snapshot", "submission_id, version" },
	{ "submission_revision", "submission_id, revision" },
	{ "submission_score", "submission_id, grp" },
	{ "submission_gap", "submission_id, item" },
	{ "gap_delta", "campaign_id, gen, path, item" },
	{ "stats_summary", "submission_id" },
	{ "stats_value", "submission_id, code, seq" },
};
#define NTABLES (sizeof(TABLES) / sizeof(*TABLES))
static const char SCHEMA_TABLE[] = "schema_migration";
/* Not copied: the target's triggers write it while the rows above go in
 * (the form pages' stamps, migration 0027; a fresh database's page caches
 * are empty, so its own counts are as good). */
static const char STAMP_TABLE[] = "page_stamp";

/* One (table, column) of a catalog, tables contiguous. */
struct col {
	const char *table, *name;
};

struct catalog {
	struct col *c;
	size_t n;
};

/* The statements of one table, built from the source's columns. */
struct plan {
	const char *name;
	const char *select, *insert, *count;
	int ncols;
};

static void
fill_col(struct db_stmt *st, struct arena *a, void *out)
{
	struct col *c = out;
	c->table = db_col_dup(st, 0, a);
	c->name = db_col_dup(st, 1, a);
}

static enum ts_err
db_fail(struct db *db, struct diags *d, const char *what)
{
	diags_add(d, db_path(db), "%s: %s", what, db_errmsg(db));
	return TS_EDB;
}

static enum ts_err
catalog_load(struct db *db, struct arena *a, struct catalog *cat,
	     struct diags *d)
{
	struct db_stmt *st = db_prep(db, db_catalog_sql(db));
	void *v = NULL;
	enum ts_err e = st ? db_collect(st, a, sizeof(struct col), &v, &cat->n,
					fill_col)
			   : TS_EDB;
	cat->c = v;
	return e == TS_EDB ? db_fail(db, d, "không đọc được danh sách bảng")
			   : e;
}

/* The columns of `table` in cat: the first, and how many (0: none). */
static size_t
columns_of(const struct catalog *cat, const char *table, size_t *first)
{
	size_t n = 0;
	for (size_t i = 0; i < cat->n; i++)
		if (strcmp(cat->c[i].table, table) == 0 && n++ == 0)
			*first = i;
	return n;
}

static bool
has_column(const struct catalog *cat, const char *table, const char *col)
{
	for (size_t i = 0; i < cat->n; i++)
		if (strcmp(cat->c[i].table, table) == 0 &&
		    strcmp(cat->c[i].name, col) == 0)
			return true;
	return false;
}

static bool
listed(const char *table)
{
	for (size_t i = 0; i < NTABLES; i++)
		if (strcmp(TABLES[i].name, table) == 0)
			return true;
	return strcmp(table, SCHEMA_TABLE) == 0 ||
	       strcmp(table, STAMP_TABLE) == 0;
}

/* Every table of cat is one the copy knows. */
static enum ts_err
check_known(struct db *db, const struct catalog *cat, struct diags *d)
{
	enum ts_err e = TS_OK;
	for (size_t i = 0; i < cat->n; i++)
		if ((i == 0 || strcmp(cat->c[i].table, cat->c[i - 1].table)) &&
		    !listed(cat->c[i].table)) {
			diags_add(d, db_path(db),
				  "bảng %s không có trong danh sách sao chép "
				  "của chương trình (db/copy.c)",
				  cat->c[i].table);
			e = TS_EINVAL;
		}
	return e;
}

/* The same columns, by name, on both sides. */
static enum ts_err
check_columns(struct db *to, const struct catalog *from,
	      const struct catalog *tc, const char *table, struct diags *d)
{
	size_t first = 0, n = columns_of(from, table, &first);
	size_t tfirst = 0, tn = columns_of(tc, table, &tfirst);
	bool same = n > 0 && n == tn;
	for (size_t i = first; same && i < first + n; i++)
		same = has_column(tc, table, from->c[i].name);
	if (same)
		return TS_OK;
	diags_add(d, db_path(to),
		  "bảng %s không có cùng các cột ở nguồn (%zu cột) và đích "
		  "(%zu cột)",
		  table, n, tn);
	return TS_EINVAL;
}

static const char *
build_select(struct arena *a, const struct catalog *cat, size_t first, size_t n,
	     size_t t)
{
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "SELECT ");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s\"%s\"", i ? ", " : "",
			   cat->c[first + i].name);
	buf_printf(&b, " FROM \"%s\" ORDER BY %s", TABLES[t].name,
		   TABLES[t].order);
	const char *s = arena_strdup(a, buf_str(&b));
	buf_release(&b);
	return s;
}

static const char *
build_insert(struct arena *a, const struct catalog *cat, size_t first, size_t n,
	     const char *table)
{
	struct buf b;
	buf_init(&b, 1024);
	buf_printf(&b, "INSERT INTO \"%s\" (", table);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s\"%s\"", i ? ", " : "",
			   cat->c[first + i].name);
	buf_puts(&b, ") VALUES (");
	for (size_t i = 0; i < n; i++)
		buf_puts(&b, i ? ", ?" : "?");
	buf_puts(&b, ")");
	const char *s = arena_strdup(a, buf_str(&b));
	buf_release(&b);
	return s;
}

/* The statements of every table, from the source's columns; refuses
 * what the copy does not know or the two sides do not share. */
static enum ts_err
plan_all(struct db *from, struct db *to, struct arena *a, struct plan *p,
	 struct diags *d)
{
	struct catalog fc = { 0 }, tc = { 0 };
	enum ts_err e = catalog_load(from, a, &fc, d);
	if (e == TS_OK)
		e = catalog_load(to, a, &tc, d);
	if (e == TS_OK && check_known(from, &fc, d) == TS_OK &&
	    check_known(to, &tc, d) == TS_OK)
		for (size_t t = 0; t < NTABLES; t++)
			if (check_columns(to, &fc, &tc, TABLES[t].name, d) !=
			    TS_OK)
				e = TS_EINVAL;
	if (e == TS_OK && diags_count(d) > 0)
		e = TS_EINVAL;
	for (size_t t = 0; e == TS_OK && t < NTABLES; t++) {
		size_t first = 0, n = columns_of(&fc, TABLES[t].name, &first);
		p[t].name = TABLES[t].name;
		p[t].ncols = (int)n;
		p[t].select = build_select(a, &fc, first, n, t);
		p[t].insert = build_insert(a, &fc, first, n, TABLES[t].name);
		p[t].count = arena_printf(a, "SELECT count(*) FROM \"%s\"",
					  TABLES[t].name);
		if (!p[t].select || !p[t].insert || !p[t].count)
			e = TS_ENOMEM;
	}
	return e;
}

/* A row's canonical text (each value as S<bytes>:<text>; or N; for
 * NULL), hashed: the same on both backends for the same values. */
static uint64_t
row_hash(struct db_stmt *st, int ncols)
{
	crypto_generichash_state h;
	unsigned char out[crypto_generichash_BYTES_MIN];
	crypto_generichash_init(&h, NULL, 0, sizeof(out));
	for (int i = 0; i < ncols; i++) {
		const char *v = db_col_text(st, i);
		char head[32];
		int n = v ? snprintf(head, sizeof(head), "S%zu:", strlen(v))
			  : snprintf(head, sizeof(head), "N;");
		crypto_generichash_update(&h, (const unsigned char *)head,
					  (size_t)n);
		if (v != NULL) {
			crypto_generichash_update(&h, (const unsigned char *)v,
						  strlen(v));
			crypto_generichash_update(
				&h, (const unsigned char *)";", 1);
		}
	}
	crypto_generichash_final(&h, out, sizeof(out));
	uint64_t x;
	memcpy(&x, out, sizeof(x));
	return x;
}

/* Rows and the sum of their hashes (any order gives the same sum). */
static enum ts_err
table_sum(struct db *db, const struct plan *p, int64_t *rows, uint64_t *sum,
	  struct diags *d)
{
	struct db_stmt *st = db_prep(db, p->select);
	enum db_step r = st ? DB_ROW : DB_ERROR;
	*rows = 0;
	*sum = 0;
	while (st != NULL && (r = db_step(st)) == DB_ROW) {
		*sum += row_hash(st, p->ncols);
		(*rows)++;
	}
	db_done(st);
	return r == DB_ERROR ? db_fail(db, d, p->name) : TS_OK;
}

static enum ts_err
verify_all(struct db *from, struct db *to, struct arena *a,
	   const struct plan *p, struct copy_result *r, struct diags *d)
{
	r->tables = arena_calloc(a, NTABLES, sizeof(*r->tables));
	if (r->tables == NULL)
		return TS_ENOMEM;
	r->n = NTABLES;
	r->same = true;
	r->rows = 0;
	enum ts_err e = TS_OK;
	for (size_t t = 0; e == TS_OK && t < NTABLES; t++) {
		struct copy_table *ct = &r->tables[t];
		ct->name = p[t].name;
		e = table_sum(from, &p[t], &ct->rows_from, &ct->sum_from, d);
		if (e == TS_OK)
			e = table_sum(to, &p[t], &ct->rows_to, &ct->sum_to, d);
		r->same = r->same && ct->rows_from == ct->rows_to &&
			  ct->sum_from == ct->sum_to;
		r->rows += ct->rows_from;
	}
	return e;
}

/* Both at one schema version (the target migrated by the caller). */
static enum ts_err
check_schema(struct db *from, struct db *to, struct copy_result *r,
	     struct diags *d)
{
	int f = migrate_current(from), t = migrate_current(to);
	r->schema = f;
	if (f > 0 && f == t)
		return TS_OK;
	diags_add(d, db_path(to),
		  "nguồn ở phiên bản lược đồ %d, đích ở phiên bản %d: chạy "
		  "truongso --db ... db migrate cho cả hai trước",
		  f, t);
	return TS_EINVAL;
}

static enum ts_err
check_empty(struct db *to, const struct plan *p, struct diags *d)
{
	for (size_t t = 0; t < NTABLES; t++) {
		struct db_stmt *st = db_prep(to, p[t].count);
		if (st == NULL || db_step(st) != DB_ROW) {
			db_done(st);
			return db_fail(to, d, p[t].name);
		}
		int64_t n = db_col_int(st, 0);
		db_done(st);
		if (n > 0) {
			diags_add(d, db_path(to),
				  "cơ sở dữ liệu đích đã có dữ liệu (bảng %s "
				  "có %lld dòng): chỉ sao chép vào một cơ sở "
				  "dữ liệu mới tạo, chưa có gì",
				  p[t].name, (long long)n);
			return TS_EINVAL;
		}
	}
	return TS_OK;
}

/* Binds the source row's values, as text, to the insert. */
static enum ts_err
copy_row(struct db_stmt *src, struct db_stmt *ins, int ncols)
{
	for (int i = 0; i < ncols; i++)
		db_bind_text(ins, i + 1, db_col_text(src, i));
	return db_exec_stmt(ins);
}

static enum ts_err
copy_table(struct db *from, struct db *to, const struct plan *p,
	   struct diags *d)
{
	struct db_stmt *src = db_prep(from, p->select);
	if (src == NULL)
		return db_fail(from, d, p->name);
	enum db_step r;
	enum ts_err e = TS_OK;
	while (e == TS_OK && (r = db_step(src)) == DB_ROW) {
		struct db_stmt *ins = db_prep(to, p->insert);
		e = ins ? copy_row(src, ins, p->ncols) : TS_EDB;
		if (e != TS_OK)
			(void)db_fail(to, d, p->name);
	}
	if (e == TS_OK && r == DB_ERROR)
		e = db_fail(from, d, p->name);
	db_done(src);
	return e;
}

static enum ts_err
copy_all(struct db *from, struct db *to, const struct plan *p, struct diags *d)
{
	enum ts_err e = db_begin(to);
	if (e != TS_OK)
		return db_fail(to, d, "không bắt đầu được giao dịch");
	e = check_empty(to, p, d);
	for (size_t t = 0; e == TS_OK && t < NTABLES; t++)
		e = copy_table(from, to, &p[t], d);
	if (e == TS_OK && db_reset_ids(to) != TS_OK)
		e = db_fail(to, d, "không đặt lại được bộ đếm mã");
	if (e == TS_OK && db_commit(to) != TS_OK)
		e = db_fail(to, d, "không ghi được giao dịch");
	if (e != TS_OK)
		db_rollback(to);
	return e;
}

/* The plan, with the source read in one transaction for a consistent
 * view (and none of its writers in between, on SQLite). */
static enum ts_err
prepare_both(struct db *from, struct db *to, struct arena *a, struct plan *p,
	     struct copy_result *r, struct diags *d)
{
	memset(r, 0, sizeof(*r));
	enum ts_err e = check_schema(from, to, r, d);
	if (e == TS_OK)
		e = plan_all(from, to, a, p, d);
	return e;
}

enum ts_err
db_copy_run(struct db *from, struct db *to, struct arena *a,
	    struct copy_result *r, struct diags *d)
{
	struct plan p[NTABLES];
	enum ts_err e = prepare_both(from, to, a, p, r, d);
	if (e == TS_OK && db_begin(from) != TS_OK)
		e = db_fail(from, d, "không bắt đầu được giao dịch");
	if (e != TS_OK)
		return e;
	e = copy_all(from, to, p, d);
	if (e == TS_OK)
		e = verify_all(from, to, a, p, r, d);
	db_rollback(from);
	return e;
}

enum ts_err
db_copy_verify(struct db *from, struct db *to, struct arena *a,
	       struct copy_result *r, struct diags *d)
{
	struct plan p[NTABLES];
	enum ts_err e = prepare_both(from, to, a, p, r, d);
	return e == TS_OK ? verify_all(from, to, a, p, r, d) : e;
}
