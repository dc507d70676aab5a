/* The fields a unit types into its documents (doc_field table). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "campaign.h"
#include "docfield_int.h"
#include "org.h"
#include "report.h"

const char *
doc_field(const struct doc_fields *f, const char *name)
{
	for (size_t i = 0; f && i < f->n; i++)
		if (strcmp(f->names[i], name) == 0)
			return f->values[i][0] ? f->values[i] : NULL;
	return NULL;
}

/* The unit: unit_code, or the actor's own (the owner's for the
 * operator). */
static enum ts_err
find_unit(struct app *app, const struct actor *who, const char *unit_code,
	  struct arena *a, struct doc_target *t, struct diags *d)
{
	const char *code = unit_code;
	if (code == NULL)
		code = who->unit_id ? NULL : t->campaign.owner_code;
	if (code != NULL)
		return org_find_named(app, code, a, &t->unit, d);
	if (org_get(app, who->unit_id, a, &t->unit) != TS_OK) {
		diags_add(d, "đơn vị", "không có đơn vị này");
		return TS_ENOTFOUND;
	}
	return TS_OK;
}

/* The path the policy judges by, and whether the unit takes part: a
 * school's documents follow its submission, so the path the campaign
 * froze for it decides (campaign_scope_path); an office's is its own,
 * under the campaign's owner. */
static enum ts_err
target_path(struct app *app, const struct actor *who, int64_t cid,
	    struct arena *a, struct doc_target *t, bool *in, struct diags *d)
{
	t->path = t->unit.path;
	*in = true;
	if (!t->school) {
		*in = scope_of(t->campaign.owner_path, t->unit.path) !=
		      SCOPE_OUTSIDE;
		return TS_OK;
	}
	const char *frozen = NULL;
	enum ts_err e = campaign_scope_path(app, who, cid, t->unit.id, a,
					    &frozen);
	if (e == TS_EDB)
		return app_db_error(app, d, "đọc đơn vị tham gia");
	if (e == TS_ENOMEM)
		return e;
	*in = e == TS_OK;
	if (*in)
		t->path = frozen;
	return TS_OK;
}

/* Which documents: a statistics campaign has its own office report;
 * otherwise the rubric's shape decides (report_kinds.c). */
static void
list_kinds(struct app *app, struct doc_target *t)
{
	const struct rubric *r = app_rubric(app, t->campaign.rubric_id,
					    t->campaign.rubric_version);
	t->rubric = r;
	if (strcmp(t->campaign.kind, "thong-ke") == 0) {
		if (!t->school)
			t->kinds[t->nkinds++] = report_kind_get(RK_STATS_PL2);
		/* QĐ 131's report is the Sở's, over its province. */
		if (t->unit.kind == KIND_SO)
			t->kinds[t->nkinds++] = report_kind_get(RK_STATS_PL6);
	} else if (t->school) {
		t->kinds[0] = report_school_kind(r);
		t->nkinds = t->kinds[0] != NULL;
		if (t->nkinds)
			t->nkinds += report_companion_kinds(
				r, t->kinds + 1,
				sizeof(t->kinds) / sizeof(*t->kinds) - 1);
	} else {
		t->kinds[t->nkinds++] = report_kind_get(RK_LEVELS);
		t->kinds[t->nkinds++] = report_kind_get(RK_LISTING);
		t->kinds[t->nkinds++] = report_kind_get(RK_CHASE);
		t->kinds[t->nkinds++] = report_kind_get(RK_GUIDANCE);
	}
}

enum ts_err
doc_target_open(struct app *app, const struct actor *who, int64_t cid,
		const char *unit_code, bool edit, struct arena *a,
		struct doc_target *t, struct diags *d)
{
	memset(t, 0, sizeof(*t));
	bool in = true;
	enum ts_err e = campaign_get(app, who, cid, a, &t->campaign, d);
	if (e == TS_OK)
		e = find_unit(app, who, unit_code, a, t, d);
	if (e != TS_OK)
		return e;
	t->school = org_kind_is_school(t->unit.kind);
	enum pol_kind kind = t->school ? PK_SCHOOL_REPORT : PK_OFFICE_REPORT;
	if ((e = target_path(app, who, cid, a, t, &in, d)) != TS_OK ||
	    (e = actor_may(who, kind, t->path, PA_VIEW, t->unit.code, d)) !=
		    TS_OK)
		return e;
	if (!in) {
		diags_add(d, t->unit.code,
			  "đơn vị không tham gia đợt đánh giá "
			  "này");
		return TS_ENOTFOUND;
	}
	/* The unit itself edits (policy_allows). */
	e = actor_may(who, kind, t->path, PA_CHANGE, t->unit.code,
		      edit ? d : NULL);
	t->can_edit = e == TS_OK;
	if (edit && !t->can_edit)
		return e;
	list_kinds(app, t);
	return TS_OK;
}

static const char SQL_LOAD[] =
	"SELECT name, value FROM doc_field WHERE campaign_id = ? AND "
	"unit_id = ? ORDER BY name";

struct kv {
	const char *name, *value;
};

static void
fill_kv(struct db_stmt *st, struct arena *a, void *p)
{
	struct kv *kv = p;
	kv->name = db_col_dup(st, 0, a);
	kv->value = db_col_dup(st, 1, a);
}

/* Fields typed once and kept: a campaign where the unit has not typed
 * them reuses the latest value it typed in any campaign (the steering
 * committee's members do not change every year, nor the abbreviation of
 * the unit that drafts its documents). */
static const char *const CARRIED[] = { "bcd_thanh_vien", "luu_don_vi" };

static const char SQL_CARRIED[] =
	"SELECT value FROM doc_field WHERE unit_id = ?1 AND name = ?2 AND "
	"value <> '' ORDER BY updated_at DESC, campaign_id DESC LIMIT 1";

static enum ts_err
carried(struct app *app, int64_t unit_id, const char *name, struct arena *a,
	const char **out, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_CARRIED);
	*out = NULL;
	if (st == NULL)
		return app_db_error(app, d, "đọc nội dung báo cáo");
	db_bind_int(st, 1, unit_id);
	db_bind_text(st, 2, name);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		*out = db_col_dup(st, 0, a);
	db_done(st);
	if (r == DB_ERROR)
		return app_db_error(app, d, "đọc nội dung báo cáo");
	return r == DB_ROW && *out == NULL ? TS_ENOMEM : TS_OK;
}

static bool
has_name(const struct doc_fields *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->names[i], name) == 0 && f->values[i][0])
			return true;
	return false;
}

static enum ts_err
add_carried(struct app *app, int64_t unit_id, struct arena *a,
	    struct doc_fields *f, struct diags *d)
{
	for (size_t i = 0; i < sizeof(CARRIED) / sizeof(*CARRIED); i++) {
		const char *v = NULL;
		if (has_name(f, CARRIED[i]))
			continue;
		enum ts_err e = carried(app, unit_id, CARRIED[i], a, &v, d);
		if (e != TS_OK)
			return e;
		if (v == NULL)
			continue;
		/* names/values have room for the carried fields (read). */
		f->names[f->n] = CARRIED[i];
		f->values[f->n++] = v;
	}
	return TS_OK;
}

enum ts_err
doc_fields_read(struct app *app, int64_t cid, int64_t unit_id, struct arena *a,
		struct doc_fields *out, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_LOAD);
	struct kv *v = NULL;
	size_t n = 0;
	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return app_db_error(app, d, "đọc nội dung báo cáo");
	db_bind_int(st, 1, cid);
	db_bind_int(st, 2, unit_id);
	enum ts_err e = db_collect(st, a, sizeof(*v), (void **)&v, &n, fill_kv);
	if (e == TS_EDB)
		return app_db_error(app, d, "đọc nội dung báo cáo");
	if (e != TS_OK)
		return e;
	size_t room = n + 1 + sizeof(CARRIED) / sizeof(*CARRIED);
	out->names = arena_calloc(a, room, sizeof(*out->names));
	out->values = arena_calloc(a, room, sizeof(*out->values));
	if (out->names == NULL || out->values == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		out->names[i] = v[i].name ? v[i].name : "";
		out->values[i] = v[i].value ? v[i].value : "";
	}
	out->n = n;
	return add_carried(app, unit_id, a, out, d);
}

/* Why kind k is refused (*why, NULL when it is not), as report_build
 * would say it. */
static enum ts_err
refusal(struct app *app, const struct doc_target *t,
	const struct report_kind_info *k, const struct doc_fields *all,
	struct arena *a, const char **why, struct diags *d)
{
	struct doc_fields own;
	struct diags said;
	diags_init(&said);
	enum ts_err e = rb_own_fields(k, all, a, &own);
	if (e == TS_OK)
		e = rb_refusal(app, t, k, &own, &said);
	*why = NULL;
	if (e == TS_EINVAL && said.n > 0) {
		*why = arena_strdup(a, said.v[0].msg);
		e = *why ? TS_OK : TS_ENOMEM;
	} else if (e != TS_OK && said.n > 0) {
		diags_add(d, said.v[0].where, "%s", said.v[0].msg);
	}
	diags_release(&said);
	return e;
}

/* ket-qua.xlsx goes with the listing (results_export refuses it when
 * the listing is refused). */
static bool
listing_offered(const struct report_target *t)
{
	for (size_t i = 0; i < t->nkinds; i++)
		if (t->kinds[i]->kind == RK_LISTING)
			return t->refused[i] == NULL;
	return false;
}

enum ts_err
report_target_open(struct app *app, const struct actor *who, int64_t cid,
		   const char *unit_code, struct arena *a,
		   struct report_target *out, struct diags *d)
{
	struct doc_target t;
	memset(out, 0, sizeof(*out));
	enum ts_err e = doc_target_open(app, who, cid, unit_code, false, a, &t,
					d);
	if (e == TS_OK)
		e = doc_fields_read(app, cid, t.unit.id, a, &out->fields, d);
	if (e != TS_OK)
		return e;
	out->can_edit = t.can_edit;
	out->unit_code = t.unit.code;
	out->unit_name = t.unit.name;
	out->school = t.school;
	out->charts = t.nkinds ? report_charts(t.kinds[0], t.rubric, a,
					       &out->chart_list)
			       : 0;
	out->nkinds = t.nkinds;
	memcpy(out->kinds, t.kinds, sizeof(out->kinds));
	for (size_t i = 0; e == TS_OK && i < t.nkinds; i++)
		e = refusal(app, &t, t.kinds[i], &out->fields, a,
			    &out->refused[i], d);
	if (e != TS_OK)
		return e;
	out->results = t.rubric && results_export_fits(t.rubric) &&
		       listing_offered(out);
	return TS_OK;
}
