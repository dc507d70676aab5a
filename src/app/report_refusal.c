/* The documents a unit cannot have in a campaign, and why. One check:
 * report_build runs it before building, and report_target_open runs it
 * for the report page (report_target.refused), so the page never links
 * a file its download refuses, and says the same reason. */
#include <string.h>

#include "../util/arena.h"
#include "org.h"
#include "report_int.h"

static const char SQL_ANY_UNIT[] =
	"SELECT 1 FROM campaign_unit cu WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path", "?2") " LIMIT 1";

static bool
kind_listed(const struct doc_target *t, const struct report_kind_info *k)
{
	for (size_t i = 0; i < t->nkinds; i++)
		if (t->kinds[i] == k)
			return true;
	return false;
}

/* Is any unit under t's unit taking part in the campaign? */
static enum ts_err
any_unit(struct app *app, const struct doc_target *t, bool *any,
	 struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_ANY_UNIT);
	if (st == NULL)
		return app_db_error(app, d, "đọc đơn vị tham gia");
	db_bind_int(st, 1, t->campaign.id);
	db_bind_text(st, 2, t->unit.path);
	enum db_step r = db_step(st);
	db_done(st);
	if (r == DB_ERROR)
		return app_db_error(app, d, "đọc đơn vị tham gia");
	*any = r == DB_ROW;
	return TS_OK;
}

/* An office's documents made of the units taking part under it: with
 * none, a commune office opened on 1/7/2025 printed "0/0 CSGD" over
 * empty tables for an earlier round (issue 18), and a Phòng closed on
 * 30/6/2025 a Phụ lục 2 of 2025-2026 whose tables had no figure column,
 * only TT and Nội dung. A guidance letter whose
 * recipients are typed still goes to them: a ward before 1/7/2025, its
 * schools under the Phòng, wrote to the Sở. */
static bool
made_of_units(const struct report_kind_info *k, const struct doc_fields *f)
{
	switch (k->kind) {
	case RK_LEVELS:
	case RK_LISTING:
	case RK_CHASE:
	case RK_STATS_PL2:
	case RK_STATS_PL6: return true;
	case RK_GUIDANCE: return doc_field(f, "kinh_gui") == NULL;
	default: return false;
	}
}

static void
no_units(const struct doc_target *t, const struct report_kind_info *k,
	 struct diags *d)
{
	if (k->kind == RK_LEVELS || k->kind == RK_STATS_PL2 ||
	    k->kind == RK_STATS_PL6)
		diags_add(d, k->code,
			  "đơn vị %s không có cơ sở giáo dục nào tham gia đợt "
			  "này (năm học %s): không có số liệu để lập %s",
			  t->unit.code, t->campaign.school_year, k->name);
	else
		diags_add(d, k->code,
			  "%s không có đơn vị nào tham gia đợt này: %s",
			  t->unit.name,
			  k->kind == RK_GUIDANCE
				  ? "không có nơi để gửi công văn hướng dẫn"
				  : "không có đơn vị nào để lập danh sách");
}

enum ts_err
rb_refusal(struct app *app, const struct doc_target *t,
	   const struct report_kind_info *k, const struct doc_fields *f,
	   struct diags *d)
{
	if (!kind_listed(t, k)) {
		diags_add(d, k->code, "đơn vị %s không lập %s trong đợt này",
			  t->unit.code, k->name);
		return TS_EINVAL;
	}
	bool any = true;
	enum ts_err e = made_of_units(k, f) ? any_unit(app, t, &any, d) : TS_OK;
	if (e == TS_OK && !any) {
		no_units(t, k, d);
		e = TS_EINVAL;
	}
	return e;
}

/* The fields kind k reads: with its own prefix, "<prefix>x" as "x" and
 * only the fields it declares (its số ký hiệu or date never comes from
 * the unit's other documents of the campaign); the shared ones as
 * they are. */
enum ts_err
rb_own_fields(const struct report_kind_info *k, const struct doc_fields *all,
	      struct arena *a, struct doc_fields *out)
{
	const char *pre = k->field_prefix;
	size_t np = pre ? strlen(pre) : 0, n = 0;
	*out = *all;
	if (pre == NULL)
		return TS_OK;
	out->names = arena_calloc(a, k->nfields + 1, sizeof(char *));
	out->values = arena_calloc(a, k->nfields + 1, sizeof(char *));
	if (out->names == NULL || out->values == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < k->nfields; i++) {
		const char *name = k->fields[i].name;
		const char *v = doc_field(all, name);
		if (v == NULL)
			continue;
		out->names[n] = strncmp(name, pre, np) == 0 ? name + np : name;
		out->values[n++] = v;
	}
	out->n = n;
	return TS_OK;
}
