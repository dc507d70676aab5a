/* Phụ lục 3: counts of units per level, group and cấp học, and the
 * participation (quy mô triển khai) they are a share of. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "campaign.h"
#include "org.h"
#include "submission.h"

/* Approved results are scored with the đánh giá ngoài laid over; merely
 * submitted ones (when asked for) with the school's own scores. */
static const char SQL_RESULTS[] =
	"SELECT cu.school_levels, s.answers, CASE WHEN s.state IN "
	"('approved', 'published') THEN s.external END FROM campaign_unit cu "
	"JOIN submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
	"cu.unit_id WHERE cu.campaign_id = ? AND cu.path LIKE ? AND (s.state "
	"IN ('approved', 'published') OR (? AND s.state = 'submitted'))";

static const char SQL_PARTICIPATION[] =
	"SELECT cu.school_levels, s.first_submitted_at IS NOT NULL FROM "
	"campaign_unit cu LEFT JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ? "
	"AND cu.path LIKE ?";

/* Scores one stored result and counts it. */
static void
count_one(struct db_stmt *st, const struct rubric *r, struct level_counts *out)
{
	struct answers *a = NULL;
	struct score *s = NULL;
	struct diags d;
	int lv[LC_GROUPS] = { 0 };
	diags_init(&d);
	if (sub_score(r, db_col_text(st, 1), db_col_text(st, 2), &a, &s, &d) ==
	    TS_OK) {
		for (size_t g = 0; g < r->ngroups && g < LC_GROUPS; g++)
			lv[g] = s->groups[g].level ? s->groups[g].level->level : 0;
		level_counts_add(out, (unsigned)db_col_int(st, 0), lv, r->ngroups);
	}
	score_free(s);
	answers_free(a);
	diags_release(&d);
}

enum ts_err
campaign_root_path(struct app *app, const struct actor *who, const char *root_code,
	  const struct campaign *c, struct arena *a, const char **path,
	  struct diags *d)
{
	struct org_unit root;
	*path = who->unit_id ? who->path : c->owner_path;
	if (root_code == NULL)
		return TS_OK;
	enum ts_err e = org_find_named(app, root_code, a, &root, d);
	if (e != TS_OK)
		return e;
	if (scope_of(who->path, root.path) == SCOPE_OUTSIDE) {
		diags_add(d, root_code, "đơn vị không thuộc phạm vi");
		return TS_EFORBIDDEN;
	}
	*path = root.path;
	return TS_OK;
}

static enum ts_err
count_levels(struct app *app, int64_t id, const char *like,
	     const struct rubric *r, bool submitted, struct level_counts *out,
	     struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_RESULTS);
	if (st == NULL)
		return app_db_error(app, d, "đọc kết quả");
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, like);
	db_bind_int(st, 3, submitted);
	while (db_step(st) == DB_ROW)
		count_one(st, r, out);
	db_done(st);
	return TS_OK;
}

static enum ts_err
count_participation(struct app *app, int64_t id, const char *like,
		    struct participation *p, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_PARTICIPATION);
	if (st == NULL)
		return app_db_error(app, d, "đọc danh sách đơn vị");
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, like);
	while (db_step(st) == DB_ROW)
		participation_add(p, (unsigned)db_col_int(st, 0),
				  db_col_int(st, 1) != 0);
	db_done(st);
	return TS_OK;
}

enum ts_err
campaign_levels_opt(struct app *app, const struct actor *who, int64_t id,
		    const char *root_code, bool include_submitted,
		    struct level_counts *out, struct participation *part,
		    struct diags *d)
{
	struct arena *a = arena_new();
	struct campaign c;
	const char *path = NULL;
	memset(out, 0, sizeof(*out));
	if (part)
		memset(part, 0, sizeof(*part));
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	if (e == TS_OK)
		e = campaign_root_path(app, who, root_code, &c, a, &path, d);
	const struct rubric *r = e == TS_OK ? app_rubric(app, c.rubric_id,
							 c.rubric_version)
					    : NULL;
	if (e == TS_OK && r == NULL) {
		diags_add(d, c.rubric_id, "không tìm thấy bộ chỉ số của đợt");
		e = TS_ENOTFOUND;
	}
	char like[PATH_MAX_LEN + 2];
	if (e == TS_OK) {
		snprintf(like, sizeof(like), "%s%%", path);
		e = count_levels(app, id, like, r, include_submitted, out, d);
	}
	if (e == TS_OK && part)
		e = count_participation(app, id, like, part, d);
	arena_free(a);
	return e;
}

enum ts_err
campaign_levels(struct app *app, const struct actor *who, int64_t id,
		const char *root_code, struct level_counts *out,
		struct diags *d)
{
	return campaign_levels_opt(app, who, id, root_code, false, out, NULL,
				   d);
}
