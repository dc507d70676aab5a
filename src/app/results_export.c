/* The results of every unit under an office in a campaign as one XLSX
 * table (issue 17 item 3): one row per unit with its state, lateness
 * and, per group, the self-assessed and reviewed points and levels,
 * read from the stored score summaries (score_summary.c, never
 * re-scored) in path order and written row by row (report/xstream.h),
 * so time and memory do not depend on what a whole listing would hold.
 * Unlike the NĐ 30 listing (report_listing.c) it has no subtotals and
 * no header block: a data export for a spreadsheet, not a document. */
#include <stdio.h>
#include <string.h>

#include "../report/xstream.h"
#include "../util/arena.h"
#include "docfield_int.h"
#include "org.h"
#include "report.h"
#include "submission.h"

static const char SQL_ROWS[] =
	"SELECT cu.unit_id, o.code, o.name, p.name, cu.school_levels, "
	"s.state, coalesce(s.late, 0), g.grp, g.self_points, g.self_level, "
	"g.reviewed_points, g.reviewed_level FROM campaign_unit cu JOIN "
	"org_unit o ON o.id = cu.unit_id LEFT JOIN org_unit p ON p.id = "
	"o.parent_id LEFT JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id LEFT JOIN "
	"submission_score g ON g.submission_id = s.id WHERE cu.campaign_id "
	"= ?1 AND " SQL_PATH_UNDER("cu.path", "?2") " ORDER BY cu.path, g.grp";

enum {
	RX_FIXED = 7,
	RX_PER_GROUP = 4
};

static struct rp_xcol *
columns(const struct rubric *r, struct arena *a, size_t *n)
{
	static const struct rp_xcol fixed[RX_FIXED] = {
		{ "STT", 7 },	      { "Mã đơn vị", 14 },
		{ "Tên đơn vị", 36 }, { "Đơn vị quản lý", 30 },
		{ "Cấp học", 12 },    { "Trạng thái", 16 },
		{ "Nộp muộn", 9 },
	};
	/* The listing's words (report_listing_cols.c), one header row. */
	static const char *const what[RX_PER_GROUP] = {
		"Điểm tự đánh giá",
		"Mức tự đánh giá",
		"Điểm sau kiểm tra",
		"Mức sau kiểm tra",
	};
	*n = RX_FIXED + RX_PER_GROUP * r->ngroups;
	struct rp_xcol *c = arena_calloc(a, *n, sizeof(*c));
	if (c == NULL)
		return NULL;
	memcpy(c, fixed, sizeof(fixed));
	for (size_t g = 0; g < r->ngroups; g++)
		for (size_t k = 0; k < RX_PER_GROUP; k++) {
			struct rp_xcol *x = &c[RX_FIXED + g * RX_PER_GROUP + k];
			char h[512];
			snprintf(h, sizeof(h), "Nhóm tiêu chí %s: %s - %s",
				 r->groups[g].id, r->groups[g].title, what[k]);
			x->head = arena_strdup(a, h);
			x->width = 14;
		}
	return c;
}

/* The unit's own cells, from the first row of its rows. */
static void
unit_cells(struct rp_xstream *x, struct db_stmt *st, size_t stt,
	   enum sub_state *state)
{
	char lv[64];
	school_levels_format((unsigned)db_col_int(st, 4), lv, sizeof(lv));
	*state = ST_NONE;
	if (db_col_text(st, 5))
		sub_state_parse(db_col_text(st, 5), state);
	rp_xstream_num(x, 0, (double)stt);
	rp_xstream_text(x, 1, db_col_text(st, 1));
	rp_xstream_text(x, 2, db_col_text(st, 2));
	rp_xstream_text(x, 3, db_col_text(st, 3));
	rp_xstream_text(x, 4, lv);
	rp_xstream_text(x, 5, sub_state_name(*state));
	rp_xstream_text(x, 6, db_col_int(st, 6) ? "Có" : "");
}

/* One group's four cells: points and level, self and, once the result
 * is final (wf_reviewed), reviewed; none for drafts or no result. */
static void
group_cells(struct rp_xstream *x, struct db_stmt *st, size_t ngroups,
	    enum sub_state state)
{
	int64_t g = db_col_int(st, 7);
	if (db_col_text(st, 8) == NULL || g < 0 || (size_t)g >= ngroups ||
	    state == ST_NONE || state == ST_DRAFT)
		return;
	size_t c = RX_FIXED + (size_t)g * RX_PER_GROUP;
	rp_xstream_num(x, c, (double)db_col_int(st, 8) / 100);
	if (db_col_int(st, 9) > 0)
		rp_xstream_num(x, c + 1, (double)db_col_int(st, 9));
	if (!wf_reviewed(state))
		return;
	rp_xstream_num(x, c + 2, (double)db_col_int(st, 10) / 100);
	if (db_col_int(st, 11) > 0)
		rp_xstream_num(x, c + 3, (double)db_col_int(st, 11));
}

static enum ts_err
write_rows(struct app *app, const struct doc_target *t, struct rp_xstream *x,
	   const struct report_opts *o, size_t *rows, struct diags *d)
{
	struct db_stmt *st = db_prep(app->db, SQL_ROWS);
	if (st == NULL)
		return app_db_error(app, d, "đọc kết quả các đơn vị");
	db_bind_int(st, 1, t->campaign.id);
	db_bind_text(st, 2, t->unit.path);
	int64_t last = 0;
	enum sub_state state = ST_NONE;
	enum ts_err e = TS_OK;
	int rc = DB_DONE;
	while (e == TS_OK && (rc = db_step(st)) == DB_ROW) {
		int64_t unit = db_col_int(st, 0);
		if (unit != last) {
			if (last != 0)
				rp_xstream_next(x);
			e = ts_cancelled(o->cancel) ? TS_ECANCELED : TS_OK;
			unit_cells(x, st, ++*rows, &state);
			last = unit;
		}
		group_cells(x, st, t->rubric->ngroups, state);
	}
	db_done(st);
	if (e == TS_OK && rc != DB_DONE)
		e = app_db_error(app, d, "đọc kết quả các đơn vị");
	return e;
}

/* Group levels without a grade (QĐ 4725): the stored summary holds
 * every column then. Totals and grades are the listing's (danh-sach). */
bool
results_export_fits(const struct rubric *r)
{
	return (rubric_shape(r) & (RS_LEVELS | RS_GRADE)) == RS_LEVELS &&
	       !rubric_has_total(r);
}

/* The unit the actor may see, in a campaign results_export_fits. */
static enum ts_err
target(struct app *app, const struct actor *who, int64_t cid,
       const char *unit_code, struct arena *a, struct doc_target *t,
       struct diags *d)
{
	enum ts_err e = doc_target_open(app, who, cid, unit_code, false, a, t,
					d);
	if (e == TS_OK && t->rubric == NULL)
		return TS_ENOTFOUND;
	if (e == TS_OK && !results_export_fits(t->rubric)) {
		diags_add(d, "ket-qua",
			  "bảng kết quả từng đơn vị dành cho bộ "
			  "chỉ số xếp mức theo nhóm tiêu chí (như QĐ 4725); "
			  "với bộ chỉ số %s của đợt này hãy dùng báo cáo "
			  "danh-sach",
			  t->rubric->id);
		return TS_EINVAL;
	}
	/* Refused like its listing (rb_refusal): a unit with no listing,
	 * or nothing under it taking part, has no results to export; an
	 * empty workbook read as "no unit has a result". */
	static const struct doc_fields none;
	if (e == TS_OK)
		e = rb_refusal(app, t, report_kind_get(RK_LISTING), &none, d);
	return e;
}

enum ts_err
results_export(struct app *app, const struct actor *who, int64_t cid,
	       const char *unit_code, const struct report_opts *o,
	       const char *path, size_t *rows, struct diags *d)
{
	static const struct report_opts none;
	struct arena *a = arena_new();
	struct doc_target t;
	*rows = 0;
	enum ts_err e = a ? target(app, who, cid, unit_code, a, &t, d)
			  : TS_ENOMEM;
	size_t ncols = 0;
	const struct rp_xcol *cols = e == TS_OK ? columns(t.rubric, a, &ncols)
						: NULL;
	char err[512] = "";
	struct rp_xstream *x = cols ? rp_xstream_open(path, "Kết quả", cols,
						      ncols, err, sizeof(err))
				    : NULL;
	if (e == TS_OK && x == NULL)
		e = cols ? TS_EIO : TS_ENOMEM;
	if (e == TS_OK)
		e = write_rows(app, &t, x, o ? o : &none, rows, d);
	if (e == TS_OK)
		e = rp_xstream_close(x, err, sizeof(err));
	else
		rp_xstream_abort(x);
	if (e == TS_EIO)
		diags_add(d, path, "%s", err[0] ? err : "không ghi được tệp");
	arena_free(a);
	return e;
}
