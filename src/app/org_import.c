#include "org_import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/sheet_read.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/vnstr.h"
#include "door.h"
#include "fileio.h"
#include "org.h"
#include "org_int.h"

enum col {
	COL_CODE,
	COL_NAME,
	COL_KIND,
	COL_PARENT,
	COL_LEVELS,
	NCOLS
};

static const char *const COL_LABEL[NCOLS] = {
	"Mã đơn vị",	      "Tên đơn vị", "Loại đơn vị",
	"Mã đơn vị cấp trên", "Cấp học",
};

/* Folded header texts each column answers to. */
static const struct {
	const char *key;
	enum col col;
} HEADERS[] = {
	{ "ma don vi", COL_CODE },
	{ "ma truong", COL_CODE },
	{ "ma", COL_CODE },
	{ "ma dv", COL_CODE },
	{ "code", COL_CODE },
	{ "ten don vi", COL_NAME },
	{ "ten truong", COL_NAME },
	{ "ten", COL_NAME },
	{ "name", COL_NAME },
	{ "loai", COL_KIND },
	{ "loai don vi", COL_KIND },
	{ "kind", COL_KIND },
	{ "ma don vi cap tren", COL_PARENT },
	{ "don vi cap tren", COL_PARENT },
	{ "ma cap tren", COL_PARENT },
	{ "cap tren", COL_PARENT },
	{ "parent", COL_PARENT },
	{ "cap hoc", COL_LEVELS },
	{ "bac hoc", COL_LEVELS },
	{ "levels", COL_LEVELS },
};

struct row {
	size_t line;
	struct org_new n;
	const char *path; /* the unit's path once imported (new: placeholder) */
	bool exists;
	bool changed;
	bool bad; /* a problem was reported for this row */
};

struct ctx {
	struct app *app;
	const struct actor *who;
	const char *name; /* file name for messages */
	struct arena *a;
	struct diags *d;
	int cols[NCOLS]; /* sheet column of each field, -1 if absent */
	struct row *rows;
	size_t n;
	struct row **order; /* parents before children (by in-file depth) */
	size_t norder;
	int bad;
	int forbidden; /* rows the actor may not write: 403, not 422 */
};

static void row_err(struct ctx *c, size_t line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
row_err(struct ctx *c, size_t line, int col, const char *fmt, ...)
{
	char where[512], msg[512];
	va_list ap;
	if (col >= 0)
		snprintf(where, sizeof(where), "%s: dòng %zu, cột %c", c->name,
			 line, (char)('A' + col % 26));
	else
		snprintf(where, sizeof(where), "%s: dòng %zu", c->name, line);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diags_add(c->d, where, "%s", msg);
	c->bad++;
}

#define NHEADERS (sizeof(HEADERS) / sizeof(*HEADERS))

/* The HEADERS entry a header cell names (accent- and case-insensitive),
 * or NHEADERS. */
static size_t
header_index(struct ctx *c, const char *text)
{
	const char *key = vn_fold_key(c->a, text);
	size_t k = 0;
	while (key && k < NHEADERS && strcmp(key, HEADERS[k].key) != 0)
		k++;
	return key ? k : NHEADERS;
}

/* A column the import does not read, listed for the user. */
static void
note_ignored(struct import_result *r, const char *text)
{
	size_t o = strlen(r->ignored);
	if (text[0] != '\0' && o + 4 < sizeof(r->ignored))
		snprintf(r->ignored + o, sizeof(r->ignored) - o, "%s%s",
			 o ? ", " : "", text);
}

static bool
map_header(struct ctx *c, const struct sheet_row *h, struct import_result *r)
{
	for (int i = 0; i < NCOLS; i++)
		c->cols[i] = -1;
	for (size_t j = 0; j < h->ncells; j++) {
		size_t k = header_index(c, h->cells[j]);
		if (k == NHEADERS) {
			note_ignored(r, h->cells[j]);
			continue;
		}
		enum col f = HEADERS[k].col;
		if (c->cols[f] >= 0)
			row_err(c, h->line, (int)j, "hai cột cùng là \"%s\"",
				COL_LABEL[f]);
		c->cols[f] = (int)j;
	}
	for (int f = 0; f < NCOLS; f++)
		if (c->cols[f] < 0 && f != COL_LEVELS)
			row_err(c, h->line, -1,
				"thiếu cột \"%s\" ở dòng tiêu đề",
				COL_LABEL[f]);
	return c->bad == 0;
}

static const char *
cell(const struct ctx *c, const struct sheet_row *r, enum col f)
{
	int j = c->cols[f];
	return j >= 0 && (size_t)j < r->ncells ? r->cells[j] : "";
}

static void
read_row(struct ctx *c, const struct sheet_row *sr, struct row *out)
{
	int before = c->bad;
	out->line = sr->line;
	out->n.code = cell(c, sr, COL_CODE);
	out->n.name = cell(c, sr, COL_NAME);
	out->n.parent_code = cell(c, sr, COL_PARENT);
	const char *kind = cell(c, sr, COL_KIND);
	const char *lv = cell(c, sr, COL_LEVELS);
	if (org_code_problem(out->n.code) != NULL)
		row_err(c, sr->line, c->cols[COL_CODE], "\"%s\": %s",
			out->n.code, org_code_problem(out->n.code));
	if (out->n.name[0] == '\0')
		row_err(c, sr->line, c->cols[COL_NAME], "%s",
			"tên đơn vị trống");
	if (!org_kind_parse(kind, &out->n.kind))
		row_err(c, sr->line, c->cols[COL_KIND],
			"loại đơn vị \"%s\" không "
			"hợp lệ (Sở, Phòng, Xã/Phường, Trường, Trung tâm)",
			kind);
	if (!school_levels_parse(lv, &out->n.levels))
		row_err(c, sr->line, c->cols[COL_LEVELS],
			"cấp học \"%s\" không "
			"hợp lệ (MN, TH, THCS, THPT, GDTX)",
			lv);
	out->bad = c->bad > before;
}

static int
cmp_code(const void *x, const void *y)
{
	const struct row *a = *(const struct row *const *)x;
	const struct row *b = *(const struct row *const *)y;
	return strcmp(a->n.code, b->n.code);
}

/* Sorted index of rows by code; reports duplicates. */
static struct row **
index_codes(struct ctx *c)
{
	struct row **ix = arena_calloc(c->a, c->n + 1, sizeof(*ix));
	if (ix == NULL)
		return NULL;
	for (size_t i = 0; i < c->n; i++)
		ix[i] = &c->rows[i];
	qsort(ix, c->n, sizeof(*ix), cmp_code);
	for (size_t i = 1; i < c->n; i++)
		if (ix[i]->n.code[0] &&
		    strcmp(ix[i]->n.code, ix[i - 1]->n.code) == 0) {
			{
				row_err(c, ix[i]->line, c->cols[COL_CODE],
					"mã \"%s\" trùng với dòng %zu",
					ix[i]->n.code, ix[i - 1]->line);
				ix[i]->bad = true;
			}
		}
	return ix;
}

static struct row *
lookup(struct ctx *c, struct row **ix, const char *code)
{
	struct row key = { .n.code = code }, *kp = &key;
	struct row **hit = bsearch(&kp, ix, c->n, sizeof(*ix), cmp_code);
	return hit ? *hit : NULL;
}

/* Kind of the unit `code`: from the file, else from the database. */
static bool
kind_of(struct ctx *c, struct row **ix, const char *code, enum org_kind *k)
{
	struct row *p = lookup(c, ix, code);
	struct org_unit u;
	if (p != NULL) {
		*k = p->n.kind;
		return true;
	}
	if (org_find(c->app, code, c->a, &u) != TS_OK)
		return false;
	*k = u.kind;
	return true;
}

/* Cấp học against the kind, the parent against the tree, and the kind of
 * a unit that already exists: each problem at its own column. */
static void
check_links(struct ctx *c, struct row **ix, struct row *r)
{
	int before = c->bad;
	bool school = org_kind_is_school(r->n.kind);
	struct org_unit u;
	enum org_kind pk;
	if (school != (r->n.levels != 0))
		row_err(c, r->line, c->cols[COL_LEVELS], "%s",
			school ? "trường, trung tâm phải có ít nhất một cấp học"
			       : "chỉ trường, trung tâm mới có cấp học");
	if (org_find(c->app, r->n.code, c->a, &u) == TS_OK &&
	    u.kind != r->n.kind)
		row_err(c, r->line, c->cols[COL_KIND],
			"đơn vị %s đã có trong hệ "
			"thống với loại \"%s\"",
			r->n.code, org_kind_name(u.kind));
	const char *parent = r->n.parent_code;
	const char *why = NULL;
	if (parent[0] == '\0' && r->n.kind != KIND_BO && r->n.kind != KIND_SO)
		why = "đơn vị này cần có mã đơn vị cấp trên";
	else if (parent[0] != '\0' && !kind_of(c, ix, parent, &pk))
		row_err(c, r->line, c->cols[COL_PARENT],
			"không có đơn vị cấp "
			"trên mã \"%s\" trong tệp hay trong hệ thống",
			parent);
	else if (parent[0] != '\0')
		why = org_parent_problem(pk, r->n.kind);
	if (why != NULL)
		row_err(c, r->line, c->cols[COL_PARENT], "%s", why);
	if (c->bad > before)
		r->bad = true;
}

/* Depth of a row's chain of parents inside the file (0: parent in the
 * database or none); -1 for a cycle. */
static int
depth(struct ctx *c, struct row **ix, struct row *r)
{
	int d = 0;
	for (struct row *p = r; p && p->n.parent_code[0]; d++) {
		if (d > (int)c->n)
			return -1;
		p = lookup(c, ix, p->n.parent_code);
	}
	return d;
}

/* Rewrites the location of problems added since `from` to the row. */
static void
retag(struct ctx *c, size_t from, const struct row *r)
{
	for (size_t i = from; i < c->d->n; i++) {
		char where[512];
		snprintf(where, sizeof(where), "%s: dòng %zu (mã %s)", c->name,
			 r->line, r->n.code);
		char *w = strdup(where);
		if (w != NULL) {
			free(c->d->v[i].where);
			c->d->v[i].where = w;
		}
	}
}

static enum ts_err
update_row(struct ctx *c, struct row *r, const struct org_unit *u)
{
	struct org_unit p = { 0 };
	enum ts_err e = TS_OK;
	if (u->parent_id && org_get(c->app, u->parent_id, c->a, &p) != TS_OK)
		return TS_EDB;
	if (strcmp(u->name, r->n.name) != 0 &&
	    !vn_nfc_equal(u->name, r->n.name)) {
		r->changed = true;
		e = org_rename_tx(c->app, c->who, r->n.code, r->n.name, c->d);
	}
	if (e == TS_OK && r->n.parent_code[0] &&
	    (p.code == NULL || strcmp(p.code, r->n.parent_code) != 0)) {
		r->changed = true;
		e = org_move_tx(c->app, c->who, r->n.code, r->n.parent_code,
				NULL, c->d);
	}
	if (e == TS_OK && r->n.levels && r->n.levels != u->levels) {
		r->changed = true;
		e = org_set_levels_tx(c->app, c->who, r->n.code, r->n.levels,
				      c->d);
	}
	return e;
}

/* A row under a parent row that has problems is not tried: one message
 * pointing at the parent says more than a cascade of "no such parent". */
static bool
parent_failed(struct ctx *c, struct row **ix, struct row *r)
{
	struct row *p = r->n.parent_code[0] ? lookup(c, ix, r->n.parent_code)
					    : NULL;
	if (p == NULL || !p->bad)
		return false;
	row_err(c, r->line, c->cols[COL_PARENT],
		"đơn vị cấp trên \"%s\" "
		"(dòng %zu) có lỗi",
		p->n.code, p->line);
	r->bad = true;
	return true;
}

/* A refusal of org_require_admin, as a problem of the row. */
static void
check_admin(struct ctx *c, struct row *r, const char *path, bool own_ok)
{
	struct diags tmp;
	diags_init(&tmp);
	if (org_require_admin(c->who, path, own_ok, r->n.code, &tmp) != TS_OK) {
		row_err(c, r->line, -1, "%s", tmp.n ? tmp.v[0].msg : "");
		c->forbidden++;
	}
	diags_release(&tmp);
}

static const char *
join_path(struct ctx *c, struct row *r, const char *parent, const char *seg)
{
	char buf[PATH_MAX_LEN + 32];
	snprintf(buf, sizeof(buf), "%s%s/", parent, seg);
	char *p = arena_strdup(c->a, buf);
	if (p != NULL && strlen(p) >= PATH_MAX_LEN)
		row_err(c, r->line, c->cols[COL_PARENT], "%s",
			"cây đơn vị quá sâu");
	return p;
}

/* Changes to a unit that exists: the checks org_rename_tx, org_move_tx
 * and org_set_levels_tx make, read-only. */
static void
plan_update(struct ctx *c, struct row *r, const struct org_unit *u,
	    const char *ppath)
{
	struct org_unit p = { 0 };
	bool move = false;
	if (u->parent_id && org_get(c->app, u->parent_id, c->a, &p) != TS_OK)
		p.code = NULL;
	r->exists = true;
	r->changed = (strcmp(u->name, r->n.name) != 0 &&
		      !vn_nfc_equal(u->name, r->n.name)) ||
		     (r->n.levels && r->n.levels != u->levels);
	if (ppath != NULL &&
	    (p.code == NULL || strcmp(p.code, r->n.parent_code) != 0))
		r->changed = move = true;
	r->path = u->path;
	if (r->changed)
		check_admin(c, r, u->path, false);
	if (move) {
		check_admin(c, r, ppath, true);
		if (scope_of(u->path, ppath) != SCOPE_OUTSIDE)
			row_err(c, r->line, c->cols[COL_PARENT], "%s",
				"không thể chuyển một đơn vị vào bên trong "
				"chính nó");
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)u->id);
		r->path = join_path(c, r, ppath, id);
	}
}

/* The path of r's parent: a row of the file (as planned) or a stored
 * unit; NULL if neither. */
static const char *
parent_path(struct ctx *c, struct row **ix, const struct row *r)
{
	struct org_unit pu;
	struct row *p = lookup(c, ix, r->n.parent_code);
	if (p != NULL)
		return p->path;
	if (org_find(c->app, r->n.parent_code, c->a, &pu) == TS_OK)
		return pu.path;
	return NULL;
}

/* What writing the row would check and the path it would give the unit,
 * without writing: parents come first, so a parent row's planned path
 * stands for the one it will have. (A unit whose ancestor moves in the
 * same file keeps its old path here; the write checks again.) */
static void
plan_row(struct ctx *c, struct row **ix, struct row *r, size_t i)
{
	int before = c->bad;
	struct org_unit u;
	const char *ppath = NULL;
	if (r->bad || parent_failed(c, ix, r))
		return;
	if (r->n.parent_code[0] && (ppath = parent_path(c, ix, r)) == NULL) {
		r->bad = true; /* checked already: not reached */
		return;
	}
	if (org_find(c->app, r->n.code, c->a, &u) == TS_OK) {
		plan_update(c, r, &u, ppath);
	} else if (ppath == NULL && actor_may(c->who, PK_UNIT, NULL, PA_CREATE,
					      NULL, NULL) != TS_OK) {
		row_err(c, r->line, c->cols[COL_PARENT], "%s",
			"chỉ người quản "
			"trị máy chủ mới tạo được đơn vị gốc");
		c->forbidden++;
	} else {
		char seg[24];
		snprintf(seg, sizeof(seg), "n%zu", i);
		if (ppath != NULL)
			check_admin(c, r, ppath, true);
		r->path = join_path(c, r, ppath ? ppath : "/", seg);
	}
	if (c->bad > before || r->path == NULL)
		r->bad = true;
}

/* Orders the rows parents first and plans each; false when out of
 * memory. */
static bool
plan_all(struct ctx *c, struct row **ix)
{
	int maxd = 0;
	int *dep = arena_calloc(c->a, c->n + 1, sizeof(*dep));
	c->order = arena_calloc(c->a, c->n + 1, sizeof(*c->order));
	if (dep == NULL || c->order == NULL)
		return false;
	for (size_t i = 0; i < c->n; i++) {
		dep[i] = depth(c, ix, &c->rows[i]);
		if (dep[i] < 0) {
			row_err(c, c->rows[i].line, c->cols[COL_PARENT],
				"đơn vị cấp trên \"%s\" tạo thành vòng lặp",
				c->rows[i].n.parent_code);
			c->rows[i].bad = true;
		}
		if (dep[i] > maxd)
			maxd = dep[i];
	}
	/* Rows with problems are skipped, the others still checked, so one
	 * run lists every problem of the file. */
	for (int level = 0; level <= maxd; level++)
		for (size_t i = 0; i < c->n; i++)
			if (dep[i] == level) {
				plan_row(c, ix, &c->rows[i], i);
				c->order[c->norder++] = &c->rows[i];
			}
	return true;
}

static enum ts_err
write_row(struct ctx *c, struct row *r)
{
	struct org_unit u;
	size_t before = c->d->n;
	enum ts_err e;
	r->n.parent_code = r->n.parent_code[0] ? r->n.parent_code : NULL;
	if (org_find(c->app, r->n.code, c->a, &u) == TS_OK) {
		r->n.parent_code = r->n.parent_code ? r->n.parent_code : "";
		e = update_row(c, r, &u);
	} else {
		int64_t id;
		e = org_add_tx(c->app, c->who, &r->n, &id, c->d);
		r->n.parent_code = r->n.parent_code ? r->n.parent_code : "";
	}
	if (e != TS_OK) {
		if (c->d->n == before)
			diags_add(c->d, "", "lỗi cơ sở dữ liệu: %s",
				  db_errmsg(c->app->db));
		retag(c, before, r);
		c->bad++;
	}
	return e;
}

static int
cmp_line(const void *x, const void *y)
{
	size_t a = (*(const struct row *const *)x)->line;
	size_t b = (*(const struct row *const *)y)->line;
	return a < b ? -1 : a > b;
}

/* Says which lines were written before the import stopped, as ranges in
 * file order ("2–501, 505"). */
static void
report_written(struct ctx *c, size_t nwritten)
{
	struct buf lines;
	struct row **w = arena_calloc(c->a, nwritten + 1, sizeof(*w));
	if (w == NULL)
		return;
	memcpy(w, c->order, nwritten * sizeof(*w));
	qsort(w, nwritten, sizeof(*w), cmp_line);
	buf_init(&lines, 1u << 20);
	for (size_t i = 0; i < nwritten;) {
		size_t k = i;
		while (k + 1 < nwritten && w[k + 1]->line == w[k]->line + 1)
			k++;
		buf_printf(&lines, "%s%zu", i ? ", " : "", w[i]->line);
		if (k > i)
			buf_printf(&lines, "–%zu", w[k]->line);
		i = k + 1;
	}
	diags_add(c->d, c->name,
		  "đã ghi %zu trong %zu dòng trước khi dừng: "
		  "dòng %s; các dòng khác chưa ghi. Sửa lỗi rồi nhập lại cả "
		  "tệp: các dòng đã ghi sẽ được tính là không đổi",
		  nwritten, c->n, buf_str(&lines));
	buf_release(&lines);
}

/* Rows per write transaction: each holds the write lock only as long as
 * a few hundred inserts take (milliseconds). Between two, the importer
 * pauses longer than a waiting writer polls for the lock (db_sqlite.c),
 * so schools' saves go in between instead of waiting for the end. */
enum {
	BATCH_ROWS = 256,
	BATCH_PAUSE_NS = 3000000
};

struct batch {
	struct ctx *c;
	size_t from, to;
};

/* A batch acts on the tree as a whole; each row is its own use case
 * (org_add_tx, org_rename_tx, ...), checked and audited one by one. */
static enum ts_err
batch_resolve(struct door_ctx *dc, struct door_target *t)
{
	*t = (struct door_target){ PK_UNIT, NULL, POL_ANY_STATE, NULL };
	(void)dc;
	return TS_OK;
}

static enum ts_err
batch_body(struct door_ctx *dc)
{
	struct batch *b = dc->in;
	enum ts_err e = TS_OK;
	for (size_t k = b->from; e == TS_OK && k < b->to; k++)
		e = write_row(b->c, b->c->order[k]);
	return e;
}

static const struct door IMPORT_BATCH = {
	"org.import", PA_VIEW,	     "ghi dữ liệu nhập",
	NULL,	      batch_resolve, batch_body,
};

/* Writes the checked rows, parents first, in short transactions. If one
 * fails (a database error, or a concurrent change the write re-checks),
 * its batch is rolled back, the batches before it stay, and the
 * problems say exactly which lines were written. */
static enum ts_err
write_all(struct ctx *c, struct import_result *r)
{
	enum ts_err e = TS_OK;
	size_t i = 0;
	while (e == TS_OK && i < c->norder) {
		size_t end = i + BATCH_ROWS < c->norder ? i + BATCH_ROWS
							: c->norder;
		struct batch b = { c, i, end };
		if ((e = door_run(c->app, c->who, &IMPORT_BATCH, &b, NULL,
				  c->d)) != TS_OK)
			break;
		i = end;
		if (i < c->norder) {
			struct timespec pause = { 0, BATCH_PAUSE_NS };
			nanosleep(&pause, NULL);
		}
	}
	r->written = i;
	if (e != TS_OK && i > 0)
		report_written(c, i);
	return e;
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static enum ts_err
read_sheet(struct ctx *c, const char *path, struct sheet *sh)
{
	char *buf = NULL;
	size_t len = 0;
	enum ts_err e = file_read_all(path, SHEET_MAX_BYTES, &buf, &len, c->d);
	if (e != TS_OK && c->d->n > 0) {
		/* file_read_all names the path; users know the file name. */
		char *w = strdup(c->name);
		if (w != NULL) {
			free(c->d->v[c->d->n - 1].where);
			c->d->v[c->d->n - 1].where = w;
		}
	}
	if (e == TS_OK)
		e = sheet_read(buf, len, SHEET_AUTO, c->name, c->a, sh, c->d);
	free(buf);
	return e;
}

static void
count(const struct ctx *c, struct import_result *r)
{
	r->rows = c->n;
	for (size_t i = 0; i < c->n; i++) {
		if (!c->rows[i].exists)
			r->added++;
		else if (c->rows[i].changed)
			r->updated++;
		else
			r->unchanged++;
	}
}

/* What the checks found: a row out of the actor's scope makes the file
 * not allowed (403) rather than wrong (422). */
static enum ts_err
checked(const struct ctx *c)
{
	return c->forbidden > 0 ? TS_EFORBIDDEN
	       : c->bad > 0	? TS_EINVAL
				: TS_OK;
}

static enum ts_err
run(struct ctx *c, const struct sheet *sh, bool dry_run,
    struct import_result *r)
{
	if (!map_header(c, &sh->rows[0], r))
		return TS_EINVAL;
	c->n = sh->nrows - 1;
	c->rows = arena_calloc(c->a, c->n + 1, sizeof(*c->rows));
	if (c->rows == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < c->n; i++)
		read_row(c, &sh->rows[i + 1], &c->rows[i]);
	struct row **ix = index_codes(c);
	if (ix == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < c->n; i++)
		if (!c->rows[i].bad)
			check_links(c, ix, &c->rows[i]);
	if (c->n == 0) {
		row_err(c, sh->rows[0].line, -1, "%s",
			"tệp chỉ có dòng tiêu đề");
		return TS_EINVAL;
	}
	if (!plan_all(c, ix))
		return TS_ENOMEM;
	count(c, r);
	/* Checked, nothing written yet: a dry run stops here without ever
	 * taking the write lock, and so does a file with problems. */
	if (c->bad > 0 || dry_run)
		return checked(c);
	return write_all(c, r);
}

static size_t
line_of(const struct diag *g)
{
	const char *p = strstr(g->where, ": dòng ");
	return p ? strtoul(p + strlen(": dòng "), NULL, 10) : 0;
}

/* Problems in file order, so a user fixes the file from top to bottom. */
static void
sort_by_line(struct diags *d, size_t from)
{
	for (size_t i = from + 1; i < d->n; i++)
		for (size_t k = i;
		     k > from && line_of(&d->v[k - 1]) > line_of(&d->v[k]);
		     k--) {
			struct diag t = d->v[k];
			d->v[k] = d->v[k - 1];
			d->v[k - 1] = t;
		}
}

enum ts_err
org_import(struct app *app, const struct actor *who, const char *path,
	   const char *name, bool dry_run, struct import_result *r,
	   struct diags *d)
{
	size_t first = d->n;
	struct ctx c = { .app = app,
			 .who = who,
			 .name = name ? name : base_name(path),
			 .d = d };
	struct sheet sh;
	memset(r, 0, sizeof(*r));
	if ((c.a = arena_new()) == NULL)
		return TS_ENOMEM;
	enum ts_err e = read_sheet(&c, path, &sh);
	if (e == TS_OK)
		e = run(&c, &sh, dry_run, r);
	sort_by_line(d, first);
	arena_free(c.a);
	return e;
}
