/* The record of the self-assessment meeting (biên bản) and the head's
 * decision approving the result, which QĐ 4725 requires before the
 * result is reported (khoản 6 Điều 1). Both print the result the school
 * is about to submit, scored by score_compute like every document. */
#include <stdio.h>
#include <string.h>

#include "../core/score.h"
#include "../util/arena.h"
#include "report_int.h"
#include "report_result.h"

/* A result with every item answered is what the head approves before
 * submitting: no "DỰ THẢO" on it. Open items keep the stamp. */
static void
stamp_if_open(struct rb *b, const struct result *r)
{
	if (r->self->unanswered == 0)
		b->doc->stamp = NULL;
}

/* "ngày 12 tháng 5 năm 2026" of a typed date; NULL when untyped. */
/* "ngày DD/MM/YYYY" of a YYYY-MM-DD day. */
static const char *
day_text(struct rb *b, const char *v)
{
	return rp_printf(b->doc, "ngày %.2s/%.2s/%.4s", v + 8, v + 5, v);
}

static const char *
typed_date(struct rb *b, const char *field)
{
	const char *v = doc_field(&b->f, field);
	if (v == NULL || strlen(v) != 10)
		return NULL;
	return day_text(b, v);
}

/* Another document's date as that document prints it: typed, else its
 * default day (rb_default_day), so the approval decision cites the day
 * the committee decision and the meeting record carry, not "ngày ……". */
static const char *
cited_date(struct rb *b, const char *field, enum report_kind kind)
{
	const char *v = typed_date(b, field);
	if (v)
		return v;
	char d[11];
	rb_default_day(b, kind, d);
	return day_text(b, d);
}

static const char *
or_blank(const char *v)
{
	return v ? v : RP_BLANK;
}

/* Chủ trì (right) and thư ký (left) sign a biên bản side by side. */
static void
meeting_signatures(struct rb *b, struct rp_section *s)
{
	static const int w[] = { 1, 1 };
	struct rp_table *t = rp_table_add(b->doc, s, 2, w);
	if (t == NULL)
		return;
	t->borders = false;
	size_t row = rp_row_add(b->doc, t);
	const char *who[2] = { doc_field(&b->f, "thu_ky"),
			       doc_field(&b->f, "chu_tri") };
	static const char *const role[2] = { "THƯ KÝ", "CHỦ TRÌ" };
	for (size_t c = 0; c < 2; c++) {
		struct rp_cell *cell = rp_cell_text(b->doc, t, row, c, RP_BOLD,
						    role[c]);
		rp_cell_align(cell, RP_CENTER);
		rp_cell_para(b->doc, cell, RP_CENTER, 0, "\n\n\n");
		rp_cell_para(b->doc, cell, RP_CENTER, RP_BOLD,
			     or_blank(who[c]));
	}
}

/* The meeting's day: the record's own date, typed or not. The record
 * is drawn up at the meeting, so an untyped date is the header's
 * (rb_header: today, within the campaign); the body said "ngày ……"
 * under a header dated "ngày 20 tháng 6 năm 2026". */
static const char *
meeting_day(struct rb *b)
{
	const char *day = typed_date(b, "ngay_ban_hanh");
	const struct rp_header *h = b->doc->header;
	if (day || h == NULL || h->year <= 0)
		return day ? day : "ngày " RP_BLANK;
	return rp_printf(b->doc, "ngày %02d/%02d/%04d", h->day, h->month,
			 h->year);
}

static void
meeting_body(struct rb *b, struct rp_section *s, const struct result *r)
{
	struct rp_doc *d = b->doc;
	rp_body(d, s, 0,
		rp_printf(
			d,
			"Vào lúc %s, %s, tại %s, %s tổ chức họp "
			"Ban chỉ đạo chuyển đổi số để tự đánh giá mức độ chuyển đổi số "
			"năm học %s.",
			or_blank(doc_field(&b->f, "thoi_gian")), meeting_day(b),
			or_blank(doc_field(&b->f, "dia_diem")), b->t.unit.name,
			b->t.campaign.school_year));
	rp_heading(d, s, 2, "I. Thành phần");
	rp_body(d, s, 0,
		rp_printf(d, "- Chủ trì: %s;",
			  or_blank(doc_field(&b->f, "chu_tri"))));
	rp_body(d, s, 0,
		rp_printf(d, "- Thư ký: %s;",
			  or_blank(doc_field(&b->f, "thu_ky"))));
	rp_body(d, s, 0, "- Các thành viên Ban chỉ đạo chuyển đổi số:");
	rb_members_table(b, s, doc_field(&b->f, "bcd_thanh_vien"));
	const char *absent = doc_field(&b->f, "vang");
	rp_body(d, s, 0,
		rp_printf(d, "- Vắng mặt: %s.", absent ? absent : "không"));
	rp_heading(d, s, 2, "II. Nội dung");
	rp_body(d, s, 0,
		rp_printf(d,
			  "1. Ban chỉ đạo tự đánh giá theo %s, dựa "
			  "trên hồ sơ, minh chứng của từng tiêu chí. Kết quả:",
			  r->sub.rubric->title));
	rb_group_lines(b, s, r->self);
	rp_body(d, s, 0, "2. Ý kiến thảo luận của các thành viên:");
	rb_text(b, s, "y_kien");
	rp_body(d, s, 0, "3. Kết luận của chủ trì:");
	rb_text(b, s, "ket_luan");
	rp_body(d, s, 0,
		rp_printf(
			d,
			"Cuộc họp kết thúc lúc %s cùng ngày. "
			"Biên bản đã được đọc lại trước cuộc họp và các thành viên "
			"thống nhất thông qua./.",
			or_blank(doc_field(&b->f, "ket_thuc"))));
	meeting_signatures(b, s);
}

enum ts_err
rb_meeting(struct rb *b)
{
	struct result res;
	enum ts_err e = rb_result_load(b, &res);
	if (e != TS_OK)
		return e;
	stamp_if_open(b, &res);
	struct rp_doc *d = b->doc;
	rb_header(b);
	if (d->header)
		d->header->symbol = "BB-……";
	d->kind = "BIÊN BẢN";
	rp_subject_add(d, "Họp tự đánh giá mức độ chuyển đổi số");
	rp_subject_add(d,
		       rp_printf(d, "năm học %s", b->t.campaign.school_year));
	d->title = rp_printf(d, "Biên bản họp tự đánh giá - %s",
			     b->t.unit.name);
	meeting_body(b, rp_section0(d), &res);
	rb_filename(b, "bien-ban");
	rb_result_release(&res);
	return TS_OK;
}

/* "Căn cứ Quyết định số …/QĐ-… ngày … về việc thành lập Ban chỉ đạo …;
 * Căn cứ Biên bản họp … ngày …," from what the school typed for them,
 * their dates as those documents print them (cited_date). */
static const char *
approval_basis(struct rb *b)
{
	const char *no = doc_field(&b->f, "bcd_so_ky_hieu");
	const char *on = cited_date(b, "bcd_ngay_ban_hanh", RK_COMMITTEE);
	const char *met = cited_date(b, "bb_ngay_ban_hanh", RK_MEETING);
	return rp_printf(
		b->doc,
		"Căn cứ Quyết định số %s %s về việc thành "
		"lập Ban chỉ đạo chuyển đổi số năm học %s;\nCăn cứ Biên bản họp "
		"tự đánh giá mức độ chuyển đổi số %s của Ban chỉ đạo,",
		no ? no : RP_BLANK "/QĐ-……", on, b->t.campaign.school_year,
		met);
}

enum ts_err
rb_approval(struct rb *b)
{
	struct result res;
	enum ts_err e = rb_result_load(b, &res);
	if (e != TS_OK)
		return e;
	stamp_if_open(b, &res);
	struct rp_doc *d = b->doc;
	rb_header(b);
	rp_subject_add(d, rp_printf(d,
				    "Về việc phê duyệt kết quả tự đánh giá "
				    "mức độ chuyển đổi số năm học %s",
				    b->t.campaign.school_year));
	d->title = rp_printf(d, "Quyết định phê duyệt kết quả tự đánh giá - %s",
			     b->t.unit.name);
	struct rp_section *s = rp_section0(d);
	rb_decision_open(b, s, approval_basis(b));
	rb_article(b, s, 1,
		   rp_printf(d,
			     "Phê duyệt kết quả tự đánh giá mức "
			     "độ chuyển đổi số năm học %s của %s như sau:",
			     b->t.campaign.school_year, b->t.unit.name));
	rb_group_lines(b, s, res.self);
	rp_body(d, s, RP_ITALIC,
		"(Chi tiết tại Báo cáo công tác triển khai tự "
		"đánh giá mức độ chuyển đổi số và Phụ lục 1 kèm theo.)");
	rb_article(
		b, s, 2,
		rp_printf(
			d,
			"Giao Ban chỉ đạo chuyển đổi số hoàn "
			"thiện hồ sơ, báo cáo kết quả về %s và công khai trên cổng thông "
			"tin điện tử của đơn vị.",
			rb_reviewer(b)));
	rb_article(b, s, 3,
		   "Quyết định có hiệu lực kể từ ngày ký. Các thành "
		   "viên Ban chỉ đạo chuyển đổi số và các bộ phận có liên quan "
		   "chịu trách nhiệm thi hành Quyết định này./.");
	const char *deflt[] = { "- Như Điều 3;",
				rp_printf(d, "- %s (b/c);", rb_reviewer(b)),
				"- Lưu: VT." };
	rb_closing(b, deflt, 3);
	rb_filename(b, "qd-phe-duyet");
	rb_result_release(&res);
	return TS_OK;
}
