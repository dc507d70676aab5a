/* The software inventory of a school (software.h): parsed and checked
 * before anything is written, replaced as a whole through the write
 * door, and summed per software for an office. */
#include "software.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/vnstr.h"
#include "campaign.h"
#include "door.h"
#include "submission.h"
#include "submission_int.h"

/* The parts of one line, trimmed; at most max. */
static size_t
split(struct arena *a, const char *line, const char **part, size_t max)
{
	size_t n = 0;
	while (n < max) {
		size_t k = strcspn(line, ";\t");
		size_t i = 0, j = k;
		while (i < j && line[i] == ' ')
			i++;
		while (j > i && strchr(" \r\n", line[j - 1]))
			j--;
		part[n++] = arena_strndup(a, line + i, j - i);
		if (line[k] == '\0')
			break;
		line += k + 1;
	}
	return n;
}

/* "có"/"không", "trong nước"/"nước ngoài": true, false, or -1. */
static int
choice(const char *s, const char *yes, const char *no)
{
	const char *v = s ? s : "";
	return strcmp(v, yes) == 0 ? 1 : strcmp(v, no) == 0 ? 0 : -1;
}

static bool
whole_number(const char *s, int64_t *out)
{
	char *end = NULL;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (s[0] == '\0' || *end != '\0' || errno != 0 || v < 0)
		return false;
	*out = v;
	return true;
}

enum ts_err
software_parse_line(struct arena *a, const char *line, struct software *out,
		    const char **why)
{
	const char *p[7] = { NULL };
	size_t n = split(a, line, p, 7);
	memset(out, 0, sizeof(*out));
	*why = NULL;
	int dom = choice(n > 3 ? p[3] : NULL, "trong nước", "nước ngoài");
	int paid = choice(n > 4 ? p[4] : NULL, "có", "không");
	if (n < 5)
		*why = "cần ít nhất 5 phần: tên; mục đích; nhà cung cấp; trong "
		       "nước hoặc nước ngoài; có hoặc không thu phí";
	else if (dom < 0)
		*why = "phần thứ tư phải là \"trong nước\" hoặc \"nước ngoài\"";
	else if (paid < 0)
		*why = "phần thứ năm (thu phí) phải là \"có\" hoặc \"không\"";
	else if (n > 6 && !whole_number(p[6], &out->parents_total))
		*why = "tổng tiền thu phải là số đồng, chỉ gồm chữ số";
	if (*why)
		return TS_EINVAL;
	out->name = p[0];
	out->purpose = p[1];
	out->vendor = p[2];
	out->domestic = dom == 1;
	out->paid = paid == 1;
	out->fee = n > 5 ? p[5] : "";
	return TS_OK;
}

/* What is wrong with row i, or NULL. Text is checked by the door. */
static const char *
row_problem(const struct software *r)
{
	if (r->name == NULL || r->name[0] == '\0')
		return "chưa có tên phần mềm";
	if (!r->paid && ((r->fee && r->fee[0]) || r->parents_total))
		return "phần mềm không thu phí thì không có mức phí, tổng tiền";
	if (r->parents_total < 0)
		return "tổng tiền thu không được âm";
	return NULL;
}

struct save_in {
	struct school_report r; /* first: school_report_resolve */
	struct software *rows;	/* a copy: the door NFCs its text in place */
	size_t n;
};

/* Every row's text (NFC, no control characters, lengths) and rules. */
static enum ts_err
check_rows(struct door_ctx *c, struct save_in *x)
{
	for (size_t i = 0; i < x->n; i++) {
		struct software *r = &x->rows[i];
		struct text_field f[] = {
			{ "tên phần mềm", &r->name, 200, TEXT_REQUIRED },
			{ "mục đích sử dụng", &r->purpose, 500, 0 },
			{ "nhà cung cấp", &r->vendor, 200, 0 },
			{ "mức phí", &r->fee, 200, 0 },
		};
		const char *why = row_problem(r);
		char where[48];
		snprintf(where, sizeof(where), "phần mềm %zu", i + 1);
		if (why) {
			diags_add(c->d, where, "%s", why);
			return TS_EINVAL;
		}
		if (text_check(c->a, f, 4, c->d) != TS_OK)
			return TS_EINVAL;
	}
	return TS_OK;
}

static const char SQL_CLEAR[] =
	"DELETE FROM software WHERE campaign_id = ? AND unit_id = ?";
static const char SQL_ADD[] =
	"INSERT INTO software(campaign_id, unit_id, pos, name, name_key, "
	"purpose, vendor, domestic, paid, fee, parents_total) VALUES "
	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

static enum ts_err
add_row(struct door_ctx *c, struct save_in *x, size_t i)
{
	const struct software *r = &x->rows[i];
	struct db_stmt *st = db_prep(c->app->db, SQL_ADD);
	const char *key = vn_fold_key(c->a, r->name);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, x->r.cid);
	db_bind_int(st, 2, x->r.sub.unit.id);
	db_bind_int(st, 3, (int64_t)i);
	db_bind_text(st, 4, r->name);
	db_bind_text(st, 5, key ? key : r->name);
	db_bind_text(st, 6, r->purpose ? r->purpose : "");
	db_bind_text(st, 7, r->vendor ? r->vendor : "");
	db_bind_int(st, 8, r->domestic);
	db_bind_int(st, 9, r->paid);
	db_bind_text(st, 10, r->fee ? r->fee : "");
	db_bind_int(st, 11, r->parents_total);
	return db_exec_stmt(st);
}

static enum ts_err
save_body(struct door_ctx *c)
{
	struct save_in *x = c->in;
	enum ts_err e = check_rows(c, x);
	if (e != TS_OK)
		return e;
	struct db_stmt *st = db_prep(c->app->db, SQL_CLEAR);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, x->r.cid);
	db_bind_int(st, 2, x->r.sub.unit.id);
	e = db_exec_stmt(st);
	for (size_t i = 0; e == TS_OK && i < x->n; i++)
		e = add_row(c, x, i);
	c->object = x->r.obj;
	char *detail = arena_alloc(c->a, 32);
	if (detail)
		snprintf(detail, 32, "%zu phần mềm", x->n);
	c->detail = detail;
	return e;
}

static const struct door SOFTWARE_SAVE = {
	"software.save",       PA_CHANGE, "lưu danh sách phần mềm", NULL,
	school_report_resolve, save_body,
};

enum ts_err
software_save(struct app *app, const struct actor *who, int64_t cid,
	      const char *unit_code, const struct software *rows, size_t n,
	      struct diags *d)
{
	if (n > SOFTWARE_MAX) {
		diags_add(d, unit_code, "tối đa %d phần mềm", SOFTWARE_MAX);
		return TS_EINVAL;
	}
	struct arena *a = arena_new();
	struct software *copy = a ? arena_calloc(a, n + 1, sizeof(*copy))
				  : NULL;
	if (copy == NULL) {
		arena_free(a);
		return TS_ENOMEM;
	}
	if (n > 0) /* rows may be NULL then: memcpy's is undefined */
		memcpy(copy, rows, n * sizeof(*copy));
	struct save_in x = {
		.r = { .cid = cid, .code = unit_code, .what = "software" },
		.rows = copy,
		.n = n
	};
	enum ts_err e = door_run(app, who, &SOFTWARE_SAVE, &x, NULL, d);
	arena_free(a);
	return e;
}
