/* Saving what a unit typed into its documents: everything is checked
 * before anything is written, then one audited transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "docfield_int.h"
#include "door.h"
#include "text.h"

#define FIELD_MAX_CHARS 20000
#define FIELD_MAX_INT	1000000

static const struct df_def *
find_def(const struct df_def *const *defs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(defs[i]->name, name) == 0)
			return defs[i];
	return NULL;
}

static bool
valid_int(const char *s)
{
	if (*s == '\0' || strlen(s) > 7)
		return false;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return strtol(s, NULL, 10) <= FIELD_MAX_INT;
}

static bool
valid_date(const char *s)
{
	int64_t t;
	return strlen(s) == 10 && ts_time_parse(s, &t);
}

/* Checks one value; returns its NFC copy (trimmed of surrounding blanks)
 * or NULL with a message naming the field. */
static const char *
check_value(const struct df_def *def, const char *raw, struct arena *a,
	    struct diags *d)
{
	const char *checked = raw;
	const struct text_field tf[] = {
		/* Line breaks pass here: surrounding ones are trimmed
		 * below, then one-line fields refuse what is left. */
		{ def->label, &checked, FIELD_MAX_CHARS, TEXT_MULTILINE },
	};
	if (text_check(a, tf, 1, d) != TS_OK)
		return NULL;
	char *v = arena_strdup(a, checked);
	if (v == NULL)
		return NULL;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	size_t n = strlen(v);
	while (n && strchr(" \t\r\n", v[n - 1]))
		v[--n] = '\0';
	if (def->kind == DF_SIGNER)
		return docfield_signer(def, v, a, d);
	if (def->kind != DF_TEXT && strchr(v, '\n')) {
		diags_add(d, def->label, "chỉ được nhập một dòng");
		return NULL;
	}
	if (vn_width(v) > FIELD_MAX_CHARS) {
		diags_add(d, def->label, "dài quá %d ký tự", FIELD_MAX_CHARS);
		return NULL;
	}
	if (n && def->kind == DF_INT && !valid_int(v)) {
		diags_add(d, def->label,
			  "phải là số nguyên từ 0 đến %d "
			  "(đã nhập \"%s\")",
			  FIELD_MAX_INT, v);
		return NULL;
	}
	if (n && def->kind == DF_DATE && !valid_date(v)) {
		diags_add(d, def->label,
			  "ngày không hợp lệ \"%s\" (dạng "
			  "YYYY-MM-DD)",
			  v);
		return NULL;
	}
	return v;
}

static const char SQL_PUT[] =
	"INSERT INTO doc_field(campaign_id, unit_id, name, value, updated_by, "
	"updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, "
	"unit_id, name) DO UPDATE SET value = excluded.value, updated_by = "
	"excluded.updated_by, updated_at = excluded.updated_at";
static const char SQL_DEL[] =
	"DELETE FROM doc_field WHERE campaign_id = ? AND unit_id = ? AND "
	"name = ?";

static enum ts_err
put(struct app *app, const struct actor *who, int64_t cid, int64_t uid,
    const char *name, const char *value)
{
	char now[TS_TIME_SIZE];
	struct db_stmt *st = db_prep(app->db, value[0] ? SQL_PUT : SQL_DEL);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, cid);
	db_bind_int(st, 2, uid);
	db_bind_text(st, 3, name);
	if (value[0]) {
		db_bind_text(st, 4, value);
		db_bind_text(st, 5, who->login);
		db_bind_text(st, 6, ts_time_format(ts_time_now(), now));
	}
	return db_exec_stmt(st);
}

/* A save of a unit's document fields: the door's input. */
struct df_job {
	int64_t cid;
	const char *unit;
	const char *const *names, *const *values;
	size_t n;
	struct doc_target t;
	char obj[64];
};

/* The unit and campaign, inside the transaction; doc_target_open words
 * a refusal and the door finds the same policy allows. */
static enum ts_err
df_resolve(struct door_ctx *c, struct door_target *t)
{
	struct df_job *j = c->in;
	enum ts_err e = doc_target_open(c->app, c->who, j->cid, j->unit, true,
					c->a, &j->t, c->d);
	*t = (struct door_target){ j->t.school ? PK_SCHOOL_REPORT
					       : PK_OFFICE_REPORT,
				   j->t.path, POL_ANY_STATE, j->t.unit.code };
	return e;
}

/* Every value checked, as its clean copy in clean[]; problems in d. */
static enum ts_err
check_all(struct df_job *j, struct arena *a, const char **clean,
	  struct diags *d)
{
	size_t ndefs = 0, before = diags_count(d);
	const struct df_def **defs = docfield_defs(j->t.kinds, j->t.nkinds, a,
						   &ndefs);
	if (defs == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < j->n; i++) {
		const struct df_def *def = find_def(defs, ndefs, j->names[i]);
		if (def == NULL) {
			diags_add(d, j->names[i],
				  "báo cáo của đơn vị này không "
				  "có mục này");
			continue;
		}
		clean[i] = check_value(def, j->values[i], a, d);
	}
	if (diags_count(d) > before)
		return TS_EINVAL;
	for (size_t i = 0; i < j->n; i++)
		if (clean[i] == NULL)
			return TS_ENOMEM;
	return TS_OK;
}

static enum ts_err
df_body(struct door_ctx *c)
{
	struct df_job *j = c->in;
	const char **clean = arena_calloc(c->a, j->n + 1, sizeof(*clean));
	enum ts_err e = clean ? check_all(j, c->a, clean, c->d) : TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < j->n; i++)
		e = put(c->app, c->who, j->cid, j->t.unit.id, j->names[i],
			clean[i]);
	snprintf(j->obj, sizeof(j->obj), "campaign:%lld/%s", (long long)j->cid,
		 j->t.unit.code);
	c->object = j->obj;
	return e;
}

static const struct door DF_SAVE = {
	"report.fields", PA_CHANGE, "lưu nội dung báo cáo", NULL,
	df_resolve,	 df_body,
};

enum ts_err
docfield_save(struct app *app, const struct actor *who, int64_t cid,
	      const char *unit_code, const char *const *names,
	      const char *const *values, size_t n, struct diags *d)
{
	struct df_job j = { .cid = cid,
			    .unit = unit_code,
			    .names = names,
			    .values = values,
			    .n = n };
	return door_run(app, who, &DF_SAVE, &j, NULL, d);
}
