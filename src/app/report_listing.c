/* The per-unit listing of a campaign's results under an office: every
 * expected unit with its state, lateness, and per criteria group the
 * self-score and level and, once approved, the reviewed ones. A plain
 * export (no NĐ 30 header) for XLSX/CSV, printable too. */
#include <stdio.h>
#include <string.h>

#include "../core/score.h"
#include "../util/arena.h"
#include "report_int.h"
#include "submission.h"

static const char SQL_UNITS[] =
	"SELECT o.code, o.name, coalesce(p.name, ''), cu.school_levels, "
	"coalesce(s.state, ?3), coalesce(s.late, 0), s.answers, "
	"s.external FROM campaign_unit cu JOIN org_unit o ON o.id = "
	"cu.unit_id LEFT JOIN org_unit p ON p.id = o.parent_id LEFT JOIN "
	"submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
	"cu.unit_id WHERE cu.campaign_id = ?1 AND cu.path LIKE ?2 ORDER BY "
	"cu.path";

#define FIXED_COLS 7

static void
head(struct rb *b, struct rp_table *t, const struct rubric *r)
{
	static const char *const names[FIXED_COLS] = { "STT", "Mã đơn vị",
		"Tên đơn vị", "Trực thuộc", "Cấp học", "Trạng thái",
		"Nộp muộn" };
	size_t r0 = rp_row_add(b->doc, t), r1 = rp_row_add(b->doc, t);
	for (size_t c = 0; c < FIXED_COLS; c++) {
		rp_cell_text(b->doc, t, r0, c, RP_BOLD, names[c]);
		rp_cell_span(b->doc, t, r0, c, 1, 2);
	}
	for (size_t g = 0; g < r->ngroups; g++) {
		size_t c = FIXED_COLS + g * 4;
		rp_cell_text(b->doc, t, r0, c, RP_BOLD, rp_printf(b->doc,
			     "Nhóm tiêu chí %s: %s", r->groups[g].id,
			     r->groups[g].title));
		rp_cell_span(b->doc, t, r0, c, 4, 1);
		rp_cell_text(b->doc, t, r1, c, RP_BOLD, "Điểm tự đánh giá");
		rp_cell_text(b->doc, t, r1, c + 1, RP_BOLD, "Mức");
		rp_cell_text(b->doc, t, r1, c + 2, RP_BOLD, "Điểm sau kiểm tra");
		rp_cell_text(b->doc, t, r1, c + 3, RP_BOLD, "Mức");
	}
	rp_head_rows(t, r1);
}

/* Points and level of each group from one score into columns col, col+1
 * of every group block. */
static void
score_cells(struct rb *b, struct rp_table *t, size_t row, size_t off,
	    const struct score *s)
{
	for (size_t g = 0; s && g < s->rubric->ngroups; g++) {
		size_t c = FIXED_COLS + g * 4 + off;
		rp_cell_pts(b->doc, t, row, c, s->groups[g].points);
		if (s->groups[g].level)
			rp_cell_int(b->doc, t, row, c + 1,
				    s->groups[g].level->level);
	}
}

static void
unit_row(struct rb *b, struct rp_table *t, struct db_stmt *st,
	 const struct rubric *r, int stt)
{
	size_t row = rp_row_add(b->doc, t);
	char lv[64];
	enum sub_state state = ST_NONE;
	sub_state_parse(db_col_text(st, 4), &state);
	school_levels_format((unsigned)db_col_int(st, 3), lv, sizeof(lv));
	rp_cell_int(b->doc, t, row, 0, stt);
	rp_cell_text(b->doc, t, row, 1, 0, db_col_text(st, 0));
	rp_cell_text(b->doc, t, row, 2, 0, db_col_text(st, 1));
	rp_cell_text(b->doc, t, row, 3, 0, db_col_text(st, 2));
	rp_cell_text(b->doc, t, row, 4, 0, lv);
	rp_cell_text(b->doc, t, row, 5, 0, sub_state_name(state));
	rp_cell_text(b->doc, t, row, 6, 0, db_col_int(st, 5) ? "Có" : "");
	if (state == ST_NONE || state == ST_DRAFT)
		return;
	struct answers *a = NULL, *xa = NULL;
	struct score *s = NULL, *x = NULL;
	struct diags d;
	diags_init(&d);
	if (sub_score(r, db_col_text(st, 6), NULL, &a, &s, &d) == TS_OK)
		score_cells(b, t, row, 0, s);
	bool reviewed = wf_reviewed(state);
	if (reviewed && sub_score(r, db_col_text(st, 6), db_col_text(st, 7),
				  &xa, &x, &d) == TS_OK)
		score_cells(b, t, row, 2, x);
	score_free(s);
	score_free(x);
	answers_free(a);
	answers_free(xa);
	diags_release(&d);
}

static enum ts_err
rows(struct rb *b, struct rp_table *t, const struct rubric *r)
{
	struct db_stmt *st = db_prep(b->app->db, SQL_UNITS);
	if (st == NULL)
		return app_db_error(b->app, b->d, "đọc danh sách đơn vị");
	char like[PATH_MAX_LEN + 2];
	snprintf(like, sizeof(like), "%s%%", b->t.unit.path);
	db_bind_int(st, 1, b->t.campaign.id);
	db_bind_text(st, 2, like);
	db_bind_text(st, 3, sub_state_code(ST_NONE));
	int stt = 0;
	while (db_step(st) == DB_ROW && !b->doc->oom)
		unit_row(b, t, st, r, ++stt);
	db_done(st);
	return TS_OK;
}

enum ts_err
rb_listing(struct rb *b)
{
	const struct rubric *r = app_rubric(b->app, b->t.campaign.rubric_id,
					    b->t.campaign.rubric_version);
	if (r == NULL)
		return TS_ENOTFOUND;
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	s->landscape = true;
	s->sheet_name = "Danh sách";
	d->kind = "DANH SÁCH KẾT QUẢ ĐÁNH GIÁ";
	rp_subject_add(d, b->t.campaign.title);
	rp_subject_add(d, rp_printf(d, "Đơn vị: %s", b->t.unit.name));
	d->title = rp_printf(d, "Danh sách kết quả - %s", b->t.unit.name);
	size_t ncols = FIXED_COLS + r->ngroups * 4;
	int *w = arena_calloc(b->a, ncols, sizeof(*w));
	if (w == NULL)
		return TS_ENOMEM;
	static const int fixed[FIXED_COLS] = { 9, 16, 26, 16, 8, 11, 10 };
	for (size_t c = 0; c < ncols; c++)
		w[c] = c < FIXED_COLS ? fixed[c] : 9;
	struct rp_table *t = rp_table_add(d, s, ncols, w);
	if (t == NULL)
		return TS_ENOMEM;
	t->caption = "Danh sách kết quả từng đơn vị";
	head(b, t, r);
	enum ts_err e = rows(b, t, r);
	rb_filename(b, "danh-sach");
	return e;
}
