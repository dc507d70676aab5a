/*
 * One report that uses every feature of the model, shared by the writer
 * tests: NĐ 30 header, subject, Kính gửi, headings, body with mixed runs,
 * hostile characters, a table with merged header cells and every value
 * kind, a chart, the signature with Nơi nhận, and a landscape appendix
 * whose long table must split across pages with its header repeated.
 */
#ifndef TS_TEST_REPORT_FIXTURE_H
#define TS_TEST_REPORT_FIXTURE_H

#include "../../src/report/report.h"

/* Strings the tests look for in every format. */
#define FIX_HOSTILE    "<script>&\"'</script>"
#define FIX_SCORE_LINE "73/100 điểm - đạt Mức độ 2"
#define FIX_LONG_ROWS  60

static inline struct rp_doc *
report_fixture(struct arena *a)
{
	struct rp_doc *d = rp_doc_new(a);
	if (!d)
		return NULL;
	struct rp_header *h = arena_alloc(a, sizeof *h);
	if (!h)
		return NULL;
	h->parent_org = "ỦY BAN NHÂN DÂN QUẬN DƯƠNG KINH";
	h->org = "TRUNG TÂM GDNN-GDTX QUẬN DƯƠNG KINH";
	h->symbol = "BC-GDNN-GDTX";
	h->place = "Dương Kinh";
	h->year = 2023;
	h->month = 1;
	h->day = 5;
	d->header = h;
	d->kind = "BÁO CÁO";
	rp_subject_add(d,
		       "Công tác triển khai tự đánh giá mức độ chuyển đổi số");
	rp_subject_add(d, "năm học 2022-2023");
	rp_to_add(d, "Sở Giáo dục và Đào tạo Hải Phòng.");
	d->title = "Báo cáo tự đánh giá mức độ chuyển đổi số";
	d->author = "truongso";
	d->filename = "bao-cao-fixture";

	struct rp_section *s = rp_section0(d);
	rp_heading(d, s, 1, "I. TÌNH HÌNH CHUNG");
	rp_heading(d, s, 2, "1. Thuận lợi");
	rp_body(d, s, 0,
		"- Sở Giáo dục và Đào tạo đã có các văn bản triển khai, "
		"hướng dẫn chi tiết các nhiệm vụ cụ thể về ứng dụng CNTT và "
		"CĐS cho các trường học; tên lạ: " FIX_HOSTILE ".");
	struct rp_para *p = rp_body(d, s, 0, "- Nhóm tiêu chí 1 ");
	rp_run_add(d, p, RP_BOLD, "“Chuyển đổi số trong dạy, học”");
	rp_run_add(d, p, 0, ": " FIX_SCORE_LINE);
	rp_heading(d, s, 3, "a) Tồn tại, hạn chế");
	rp_body(d, s, RP_ITALIC, "Dòng một\nDòng hai sau ngắt dòng.");

	static const int w[] = { 8, 50, 12, 12, 12 };
	struct rp_table *t = rp_table_add(d, s, 5, w);
	t->caption = "Kết quả tự đánh giá";
	t->header_rows = 2;
	size_t r0 = rp_row_add(d, t), r1 = rp_row_add(d, t);
	rp_cell_text(d, t, r0, 0, RP_BOLD, "STT")->shade = true;
	rp_cell_span(d, t, r0, 0, 1, 2);
	rp_cell_text(d, t, r0, 1, RP_BOLD, "Nhóm tiêu chí")->shade = true;
	rp_cell_span(d, t, r0, 1, 1, 2);
	rp_cell_text(d, t, r0, 2, RP_BOLD, "Điểm tối đa")->shade = true;
	rp_cell_span(d, t, r0, 2, 1, 2);
	rp_cell_text(d, t, r0, 3, RP_BOLD, "Tự đánh giá")->shade = true;
	rp_cell_span(d, t, r0, 3, 2, 1);
	rp_cell_text(d, t, r1, 3, RP_BOLD, "Điểm")->shade = true;
	rp_cell_text(d, t, r1, 4, RP_BOLD, "Tỷ lệ")->shade = true;
	size_t r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, 0, "1");
	rp_cell_text(d, t, r, 1, 0, "Chuyển đổi số trong dạy, học");
	rp_cell_int(d, t, r, 2, 100);
	rp_cell_pts(d, t, r, 3, 7300);
	rp_cell_pct(d, t, r, 4, 7300);
	r = rp_row_add(d, t);
	rp_cell_text(d, t, r, 0, 0, "2");
	struct rp_cell *c = rp_cell_text(d, t, r, 1, 0,
					 "Chuyển đổi số trong "
					 "quản trị cơ sở giáo dục");
	rp_cell_para(d, c, RP_LEFT, RP_ITALIC, "- Quản trị: " FIX_HOSTILE);
	rp_cell_int(d, t, r, 2, 100);
	rp_cell_pts(d, t, r, 3, 1250);
	rp_cell_pct(d, t, r, 4, 4567);

	struct rp_chart *ch = rp_chart_add(d, s, RP_CHART_GROUPED, 3, 2);
	if (ch) {
		ch->title = "Điểm theo tiêu chí";
		ch->y_label = "Điểm";
		ch->cats[0] = "1.3";
		ch->cats[1] = "1.4";
		ch->cats[2] = "1.5";
		ch->series[0] = "Điểm tối đa";
		ch->series[1] = "Tự đánh giá";
		double v[] = { 30, 10, 20, 21, 10, 12 };
		for (size_t i = 0; i < 6; i++)
			ch->values[i] = v[i];
	}

	struct rp_signature *sig = arena_alloc(a, sizeof *sig);
	if (!sig)
		return NULL;
	sig->title = "GIÁM ĐỐC";
	sig->note = "(Ký tên và đóng dấu)";
	sig->name = "Lưu Thị Thuận";
	d->sig = sig;
	rp_recipient_add(d, "- Sở GD&ĐT (b/c);");
	rp_recipient_add(d, "- Lưu: VT.");

	struct rp_section *ap = rp_section_add(d, true);
	ap->heading = "Phụ lục 1";
	ap->title = "BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ";
	ap->subtitle = "(Kèm theo Báo cáo số …/BC-GDNN-GDTX ngày 05 tháng 01 "
		       "năm 2023)";
	ap->sheet_name = "Phụ lục 1";
	static const int w2[] = { 8, 60, 10, 10, 10, 40 };
	struct rp_table *t2 = rp_table_add(d, ap, 6, w2);
	t2->header_rows = 1;
	size_t h0 = rp_row_add(d, t2);
	static const char *heads[] = { "STT",	      "Tiêu chí",
				       "Điểm tối đa", "Điểm tự đánh giá",
				       "Mức",	      "Minh chứng" };
	for (size_t i = 0; i < 6; i++)
		rp_cell_text(d, t2, h0, i, RP_BOLD, heads[i])->shade = true;
	for (int i = 0; i < FIX_LONG_ROWS; i++) {
		r = rp_row_add(d, t2);
		rp_cell_text(d, t2, r, 0, 0, rp_printf(d, "1.%d", i + 1));
		rp_cell_text(d, t2, r, 1, 0,
			     "Số lượng học liệu được số hóa (đã "
			     "được tổ chuyên môn thông qua)");
		rp_cell_int(d, t2, r, 2, 10);
		rp_cell_pts(d, t2, r, 3, (pts_t)(i % 11) * 100 + 50);
		rp_cell_text(d, t2, r, 4, 0, "Mức 3");
		rp_cell_text(d, t2, r, 5, 0, "Địa chỉ: Cổng TTĐT đơn vị");
	}
	return d;
}

#endif
