/* A statistics report through the workflow: save, submit, return, the
 * steps every submission shares (submission_door.c), with what a report
 * does its own way (struct sub_kind). Approve and publish are the CĐS
 * ones (sub_approve, sub_publish). */
#include "stats.h"
#include "stats_int.h"
#include "submission_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "text.h"

/* The campaign's indicator set beside the row (malloc'd: it outlives the
 * door's arena until close). */
static enum ts_err
open_set(struct sub_job *j, struct diags *d)
{
	struct stats_info *info = calloc(1, sizeof(*info));
	if (info == NULL)
		return TS_ENOMEM;
	j->extra = info;
	return stats_info_get(j->app, j->cid, j->a, info, d);
}

static void
close_set(struct sub_job *j)
{
	struct stats_info *info = j->extra;
	if (info != NULL)
		ind_set_free(info->set);
	free(info);
	j->extra = NULL;
}

static char *
values_text(const struct ind_values *v)
{
	json_t *j = ind_values_to_json(v);
	char *t = j ? json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(j);
	return t;
}

static enum ts_err
stats_draft(struct sub_job *j, char **text, struct diags *d)
{
	const struct stats_info *info = j->extra;
	struct ind_values *v = NULL;
	enum ts_err e = ind_values_parse(info->set, j->json, strlen(j->json),
					 j->unit, &v, d);
	if (e == TS_OK && (*text = values_text(v)) == NULL)
		e = TS_ENOMEM;
	ind_values_free(v);
	return e;
}

/* Every error and unconfirmed warning, named by indicator, in d. */
static enum ts_err
refuse(const struct ind_check *c, const char *unit, struct diags *d)
{
	for (size_t i = 0; i < c->errors.n; i++)
		diags_add(d, unit, "%s: %s", c->errors.v[i].where,
			  c->errors.v[i].msg);
	for (size_t i = 0; i < c->unconfirmed.n; i++)
		diags_add(d, unit, "%s: %s", c->unconfirmed.v[i].where,
			  c->unconfirmed.v[i].msg);
	return TS_EINVAL;
}

/* The check's warnings, for the reviewer, as the snapshot's "score". */
static char *
check_text(const struct ind_check *c)
{
	json_t *w = json_array();
	for (size_t i = 0; w && i < c->confirmed.n; i++)
		json_array_append_new(w, json_pack("{s:s,s:s}", "indicator",
						   c->confirmed.v[i].where,
						   "message",
						   c->confirmed.v[i].msg));
	json_t *j = json_pack("{s:o}", "warnings", w);
	char *t = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	return t;
}

/* The values as submitted: stored ones with the CĐS facts laid in, and
 * the check's warnings. */
static enum ts_err
checked(struct sub_job *j, struct ind_values *v, char **values, char **check,
	struct diags *d)
{
	const struct stats_info *info = j->extra;
	struct ind_prefill_line *lines;
	size_t n;
	int64_t cds;
	struct ind_values *prev = NULL;
	unsigned levels = 0;
	enum ts_err e = stats_prefill_into(j->app, &j->s, v, j->a, &lines, &n,
					   &cds);
	if (e == TS_OK)
		e = stats_previous(j->app, &j->s, info, &prev);
	if (e == TS_OK)
		e = stats_unit_levels(j->app, &j->s, &levels);
	if (e != TS_OK)
		return e;
	struct ind_check c;
	ind_check_init(&c);
	ind_check_run(v, levels, prev, &c);
	ind_values_free(prev);
	e = ind_check_submittable(&c) ? TS_OK : refuse(&c, j->unit, d);
	*values = e == TS_OK ? values_text(v) : NULL;
	*check = e == TS_OK ? check_text(&c) : NULL;
	ind_check_release(&c);
	if (e == TS_OK && (*values == NULL || *check == NULL))
		e = TS_ENOMEM;
	return e;
}

static enum ts_err
stats_content(struct sub_job *j, char **values, char **check, struct diags *d)
{
	const struct stats_info *info = j->extra;
	struct ind_values *v = NULL;
	enum ts_err e = stats_load_values(&j->s, info->set, &v, d);
	if (e == TS_OK)
		e = checked(j, v, values, check, d);
	ind_values_free(v);
	return e;
}

static bool
known_indicator(const struct sub_job *j, const char *id, const char **set)
{
	const struct ind_set *s = ((const struct stats_info *)j->extra)->set;
	*set = s->id;
	return id != NULL && ind_find(s, id) != NULL;
}

static const struct sub_kind STATS = {
	"stats.save",
	"stats.submit",
	NULL,
	"stats.return",
	"chưa có số liệu thống kê để nộp",
	"chỉ số",
	"",
	open_set,
	close_set,
	stats_draft,
	stats_content,
	known_indicator,
};

enum ts_err
stats_save(struct app *app, const struct actor *who, int64_t cid,
	   const char *unit, const char *json, int64_t expect, struct diags *d)
{
	struct sub_job j = { .k = &STATS,
			     .act = ACT_SAVE,
			     .cid = cid,
			     .unit = unit,
			     .expect = expect,
			     .json = json };
	return sub_job_run(app, who, &j, NULL, d);
}

enum ts_err
stats_submit(struct app *app, const struct actor *who, int64_t cid,
	     const char *unit, int64_t expect, int *version, struct diags *d)
{
	struct sub_job j = { .k = &STATS,
			     .act = ACT_SUBMIT,
			     .cid = cid,
			     .unit = unit,
			     .expect = expect };
	return sub_job_run(app, who, &j, version, d);
}

enum ts_err
stats_return(struct app *app, const struct actor *who, int64_t cid,
	     const char *unit, const struct review_reason *r, size_t n,
	     int64_t expect, struct diags *d)
{
	struct sub_job j = { .k = &STATS,
			     .act = ACT_RETURN,
			     .cid = cid,
			     .unit = unit,
			     .expect = expect,
			     .r = r,
			     .n = n };
	return sub_job_run(app, who, &j, NULL, d);
}
