/* The list of units that have not submitted yet, with their contacts
 * (issue 17 item 7): every participant under the office whose result is
 * not started, a draft or returned, in natural code order, with the
 * unit's phone and e-mail and its head's (hiệu trưởng), so an officer
 * can call or write before the deadline. Exported like every document
 * (CSV, XLSX, PDF, DOCX). */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "report_int.h"
#include "submission.h"

/* The unit's first enabled head by login. States are bound (?4: none,
 * ?5 draft, ?6 returned), never written here. */
static const char SQL_CHASE[] =
	"SELECT o.code, o.name, coalesce(p.name, ''), coalesce(s.state, ?4), "
	"coalesce(o.phone, ''), coalesce(o.email, ''), coalesce(h.full_name, "
	"''), coalesce(h.phone, ''), coalesce(h.email, '') FROM campaign_unit "
	"cu JOIN org_unit o ON o.id = cu.unit_id LEFT JOIN org_unit p ON "
	"p.id = o.parent_id LEFT JOIN submission s ON s.campaign_id = "
	"cu.campaign_id AND s.unit_id = cu.unit_id LEFT JOIN app_user h ON "
	"h.id = (SELECT min(u.id) FROM app_user u WHERE u.org_unit_id = o.id "
	"AND u.role = ?3 AND u.disabled = 0) WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path", "?2") " AND coalesce(s.state, ?4) IN (?4, "
				 "?5, ?6) ORDER BY o.code";

#define CH_COLS 10

static void
head(struct rb *b, struct rp_table *t)
{
	static const char *const names[CH_COLS] = {
		"STT",
		"Mã đơn vị",
		"Tên đơn vị",
		"Trực thuộc",
		"Trạng thái",
		"Điện thoại đơn vị",
		"Thư điện tử đơn vị",
		"Hiệu trưởng",
		"Điện thoại hiệu trưởng",
		"Thư điện tử hiệu trưởng",
	};
	rp_head_row(b->doc, t, names);
}

static void
row(struct rb *b, struct rp_table *t, struct db_stmt *st, int stt)
{
	size_t r = rp_row_add(b->doc, t);
	enum sub_state state = ST_NONE;
	sub_state_parse(db_col_text(st, 3), &state);
	rp_cell_int(b->doc, t, r, 0, stt);
	for (int c = 0; c < 3; c++)
		rp_cell_text(b->doc, t, r, (size_t)c + 1, 0,
			     rp_strdup(b->doc, db_col_text(st, c)));
	rp_cell_text(b->doc, t, r, 4, 0, sub_state_name(state));
	for (int c = 4; c < 9; c++)
		rp_cell_text(b->doc, t, r, (size_t)c + 1, 0,
			     rp_strdup(b->doc, db_col_text(st, c)));
}

static enum ts_err
rows(struct rb *b, struct rp_table *t, int *n)
{
	struct db_stmt *st = db_prep(b->app->db, SQL_CHASE);
	if (st == NULL)
		return app_db_error(b->app, b->d, "đọc danh sách chưa nộp");
	db_bind_int(st, 1, b->t.campaign.id);
	db_bind_text(st, 2, b->t.unit.path);
	db_bind_text(st, 3, role_code(ROLE_SCHOOL_HEAD));
	db_bind_text(st, 4, sub_state_code(ST_NONE));
	db_bind_text(st, 5, sub_state_code(ST_DRAFT));
	db_bind_text(st, 6, sub_state_code(ST_RETURNED));
	enum db_step r;
	*n = 0;
	while ((r = db_step(st)) == DB_ROW && !b->doc->oom)
		row(b, t, st, ++*n);
	db_done(st);
	return r == DB_ERROR ? app_db_error(b->app, b->d,
					    "đọc danh sách chưa "
					    "nộp")
			     : TS_OK;
}

enum ts_err
rb_chase(struct rb *b)
{
	static const int w[CH_COLS] = { 5, 10, 24, 18, 12, 12, 18, 15, 12, 18 };
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	char day[TS_TIME_SIZE];
	int64_t due = 0;
	s->landscape = true;
	s->sheet_name = "Chưa nộp";
	rb_header(b);
	d->kind = "DANH SÁCH";
	rp_subject_add(d, "Đơn vị chưa nộp bản tự đánh giá");
	rp_subject_add(d, b->t.campaign.title);
	d->title = rp_printf(d, "Đơn vị chưa nộp - %s", b->t.unit.name);
	struct rp_table *t = rp_table_add(d, s, CH_COLS, w);
	if (t == NULL)
		return TS_ENOMEM;
	t->caption = "Đơn vị chưa nộp";
	head(b, t);
	int n = 0;
	enum ts_err e = rows(b, t, &n);
	if (!ts_time_parse(b->t.campaign.due_at, &due))
		due = 0;
	ts_time_vn_date(due, day);
	rp_body(d, s, 0,
		rp_printf(d,
			  "Tổng số: %d đơn vị chưa nộp (chưa bắt "
			  "đầu, bản nháp hoặc bị trả lại). Hạn nộp: "
			  "%s.",
			  n, day));
	const char *deflt[] = { "- Như trên;", "- Lưu: VT." };
	rb_closing(b, deflt, 2);
	rb_filename(b, "chua-nop");
	return e;
}
