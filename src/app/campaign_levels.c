/* Phụ lục 3: counts of units per level, group and cấp học. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "campaign.h"
#include "org.h"
#include "submission.h"

static const char SQL_RESULTS[] =
	"SELECT cu.school_levels, s.answers, s.external FROM campaign_unit cu "
	"JOIN submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
	"cu.unit_id WHERE cu.campaign_id = ? AND cu.path LIKE ? AND s.state "
	"IN ('approved', 'published')";

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
campaign_levels(struct app *app, const struct actor *who, int64_t id,
		const char *root_code, struct level_counts *out,
		struct diags *d)
{
	struct arena *a = arena_new();
	struct campaign c;
	struct org_unit root;
	memset(out, 0, sizeof(*out));
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = campaign_get(app, who, id, a, &c, d);
	const char *path = who->unit_id ? who->path : c.owner_path;
	if (e == TS_OK && root_code != NULL) {
		if (org_find(app, root_code, a, &root) != TS_OK ||
		    scope_of(who->path, root.path) == SCOPE_OUTSIDE) {
			diags_add(d, root_code, "đơn vị không thuộc phạm vi");
			e = TS_EFORBIDDEN;
		} else {
			path = root.path;
		}
	}
	const struct rubric *r = e == TS_OK ? app_rubric(app, c.rubric_id,
							 c.rubric_version)
					    : NULL;
	struct db_stmt *st = r ? db_prep(app->db, SQL_RESULTS) : NULL;
	if (e == TS_OK && st == NULL)
		e = app_db_error(app, d, "đọc kết quả");
	if (e == TS_OK) {
		char like[PATH_MAX_LEN + 2];
		snprintf(like, sizeof(like), "%s%%", path);
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, like);
		while (db_step(st) == DB_ROW)
			count_one(st, r, out);
		db_done(st);
	}
	arena_free(a);
	return e;
}
