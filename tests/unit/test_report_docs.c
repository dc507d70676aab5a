/* The school documents of seeds 004 (Báo cáo tự kiểm tra, mầm non) and
 * 001 (Báo cáo CNTT + Tiêu chuẩn đánh giá) built from the demo database,
 * read through the report model: every paragraph, heading, table row and
 * the signature is flattened to text lines, and the lines the seeds lay
 * out are looked for verbatim. (The CSV writer only shows tables; the
 * staff lines, the grade and the blanks are paragraphs.)
 * Set UT_DUMP=1 to print each document's lines. */
#include "ut.h"
#include "ut_app_db.h"
#include "ut_doc_text.h"

#include <unistd.h>

#include "../../src/app/app.h"
#include "../../src/app/demo.h"
#include "../../src/app/report.h"
#include "../../src/util/arena.h"
#include "../../src/util/buf.h"

static struct ut_app_db fx;

/* Builds document `code` of unit in campaign cid as the operator; the
 * lines go to out. Returns the builder's status. */
#define build(code, cid, unit, out) ut_doc_build_op(&fx, code, cid, unit, out)

/* The document's main part: its lines before the first appendix (the
 * years appendix, "So với năm học trước", prints earlier years' own
 * figures, 0 among them). */
static void
main_part(struct buf *b)
{
	const char *p = strstr(buf_str(b), "\n=== section");
	if (p != NULL) {
		b->len = (size_t)(p - buf_str(b)) + 1;
		b->p[b->len] = '\0';
	}
}

static enum ts_err
set_fields(const char *login, int64_t cid, const char *unit,
	   const char *const *names, const char *const *values, size_t n)
{
	struct actor who;
	struct diags d;
	diags_init(&d);
	enum ts_err e = actor_load(&fx.app, login, &who, &d);
	if (e == TS_OK)
		e = docfield_save(&fx.app, &who, cid, unit, names, values, n,
				  &d);
	diags_release(&d);
	return e;
}

static void
test_mn_filled(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("tu-kiem-tra", 2, "31DK001", &b), TS_OK);
	static const char *const lines[] = {
		"ỦY BAN NHÂN DÂN PHƯỜNG DƯƠNG KINH",
		"TRƯỜNG MẦM NON HOA SEN",
		"Số: 12/BC-MNHS",
		"Dương Kinh, ngày 20 tháng 4 năm 2026",
		"BÁO CÁO TỰ KIỂM TRA",
		"Thực hiện Kế hoạch số 52/KH-SGDĐT ngày 10/03/2026 của Sở Giáo "
		"dục và Đào tạo Hải Phòng về kiểm tra công tác ứng dụng công "
		"nghệ thông tin và chuyển đổi số ngành Giáo dục và Đào tạo năm "
		"2026.",
		"Trường Mầm non Hoa Sen báo cáo kết quả tự kiểm tra về việc tổ "
		"chức thực hiện công tác ứng dụng công nghệ thông tin và chuyển "
		"đổi số ngành Giáo dục và Đào tạo năm 2026, cụ thể như sau:",
		"I. Đặc điểm tình hình nhân sự",
		"- Tổng số CB-GV-CNV: 38 người",
		"Trong đó:",
		"+ Cán bộ Quản lý: 3 người (Hiệu trưởng: 1 người, Phó Hiệu "
		"trưởng: 2 người)",
		"+ Giáo viên: 26 người",
		"+ Thừa: 0 người",
		"+ Thiếu: 2 người",
		"- Nhân viên: 9 người",
		"+ Hợp đồng trong chỉ tiêu biên chế: 4 người",
		"+ Hợp đồng trường: 5 người",
		"II. Nội dung tự kiểm tra",
		"1. Công tác ứng dụng công nghệ thông tin và chuyển đổi số khác:",
		"- Công tác tổ chức, chỉ đạo, điều hành thực hiện nhiệm vụ "
		"chuyển đổi số:",
		"- Công tác quản lý dạy và học trực tuyến; xây dựng và sử dụng "
		"học liệu số:",
		"- Công tác thông tin, tuyên truyền trên môi trường mạng, trao "
		"đổi công việc bằng thư điện tử công vụ:",
		"- Công tác triển khai thực hiện nhiệm vụ tuyển sinh đầu cấp "
		"trực tuyến; dữ liệu và phần mềm kiểm định chất lượng giáo dục, "
		"các phần mềm khác đang sử dụng trong nhà trường:",
		"- Công tác cập nhật dữ liệu (cơ sở dữ liệu Ngành) theo chỉ đạo "
		"của Ngành và Đề án 06, dữ liệu bản đồ GIS:",
		"- Kế hoạch bố trí kinh phí phục vụ các hoạt động chuyển đổi số:",
		"- Phụ huynh xem clip và tương tác qua nhóm Zalo của 12/12 lớp.",
		"2. Kiểm tra các nội dung theo Bộ chỉ số đánh giá mức độ chuyển "
		"đổi số",
		"| STT | Tiêu chí | Mức độ đánh giá | Ghi chú, minh chứng | Kết "
		"quả đánh giá |",
		"| 1. | Chuyển đổi số trong dạy, học | Tối đa: 55 điểm |  | 38 |",
		"| 2. | Chuyển đổi số trong quản trị cơ sở giáo dục | Tối đa: 40 "
		"điểm |  | 26 |",
		"|  | Tổng cộng | Tối đa: 95 điểm |  | 64 |",
		"III. Kiến nghị",
		"[ký] HIỆU TRƯỞNG|(Ký tên và đóng dấu)|Nguyễn Thị Hoa",
	};
	has_lines(&b, lines);
	in_order(&b, "I. Đặc điểm", "II. Nội dung tự kiểm tra");
	in_order(&b, "| Tổng cộng |", "III. Kiến nghị");
	/* Typed parts replace the form's guidance; no remark: it adds up. */
	lacks(&b, "(Kiểm tra cụ thể nội dung");
	lacks(&b, "Lưu ý");
	lacks(&b, "[nhận]");
	/* One appendix: the years one (2024-2025 and 2025-2026). */
	in_order(&b, "=== section", "SO VỚI NĂM HỌC TRƯỚC");
	has_text(&b, "(năm học 2024-2025: ");
	main_part(&b);
	lacks(&b, "=== section");
	buf_release(&b);
}

/* The rule column prints the rubric's rules as seed 004 words them. */
static void
test_mn_rules(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("tu-kiem-tra", 2, "31DK001", &b), TS_OK);
	has_text(&b,
		 "| 1.1. | Có ban hành kế hoạch ứng dụng công nghệ thông "
		 "tin trong tổ chức hoạt động giáo dục. (kết hợp với dạy học "
		 "trực tiếp; ban hành riêng hoặc lồng ghép trong kế hoạch tổ "
		 "chức dạy học hằng năm) | Nếu không đạt thì không có điểm "
		 "của mục 1 | Văn bản | Đạt |");
	has_text(&b, "| Nếu không đạt thì không có điểm của mục 2 |");
	has_text(&b, "| Có triển khai phòng học, đồ dùng dạy học thông minh "
		     "| Tối đa: 15 điểm |");
	has_text(&b,
		 "- Phần mềm sử dụng các phân hệ riêng lẻ, không kết nối "
		 "với nhau (4 điểm).\n- Phần mềm có kết nối và trao đổi đầy đủ "
		 "dữ liệu giữa các phân hệ với nhau (6 điểm).\n* Thiếu 1 phân "
		 "hệ trừ 1 điểm (-1 điểm)\nTối đa phần 2.3: 10 điểm |");
	has_text(&b, "+ Sổ điểm điện tử, học bạ điện tử. |");
	has_text(&b, "| Cộng tiêu chí 2.3 | Tối đa: 10 điểm |  | 9 |");
	has_text(&b, "| 2.4. | Mức độ triển khai dịch vụ trực tuyến:\n- Có "
		     "triển khai ứng dụng kết nối giữa gia đình và nhà trường");
	buf_release(&b);
}

/* Rows of table t whose STT is bold (a group's row, "1.") and whose next
 * row does not keep with it: Writer ended page 2 of a mầm non report
 * with "1. Chuyển đổi số trong dạy, học" alone. */
static size_t
loose_groups(const struct rp_table *t)
{
	size_t n = 0;
	for (size_t r = t->header_rows; r + 1 < t->nrows; r++) {
		const struct rp_cell *c = &t->rows[r][0];
		if (c->kind == RP_V_TEXT && (c->style & RP_BOLD) &&
		    !c->covered && !rp_row_keeps_prev(t, r + 1)) {
			fprintf(stderr, "  row %zu: its group row is loose\n",
				r);
			n++;
		}
	}
	return n;
}

static void
test_mn_group_keeps_first(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *doc = NULL;
	struct diags d;
	diags_init(&d);
	assert_int_equal(report_build(&fx.app, &fx.op,
				      report_kind_find("tu-kiem-tra"), 2,
				      "31DK001", NULL, a, &doc, &d),
			 TS_OK);
	size_t tables = 0;
	for (size_t s = 0; s < doc->nsections; s++)
		for (size_t b = 0; b < doc->sections[s]->nblocks; b++) {
			const struct rp_block *bl =
				&doc->sections[s]->blocks[b];
			if (bl->kind != RP_B_TABLE)
				continue;
			tables++;
			assert_int_equal(loose_groups(bl->table), 0);
		}
	assert_true(tables > 0);
	diags_release(&d);
	arena_free(a);
}

/* Nothing typed: dotted blanks, never 0 or NULL; the form's guidance
 * and lines to write on; in 2026 the school's UBND phường as cơ quan
 * chủ quản (issue 18 item 10), never the Phòng closed on 30/6/2025. */
static void
test_mn_blank(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("tu-kiem-tra", 2, "31DK002", &b), TS_OK);
	static const char *const lines[] = {
		"ỦY BAN NHÂN DÂN PHƯỜNG DƯƠNG KINH",
		"TRƯỜNG MẦM NON HOA MAI",
		"Thực hiện Kế hoạch số 52/KH-SGDĐT ngày 10/03/2026 của Sở "
		"GD&ĐT.",
		"- Tổng số CB-GV-CNV: " RP_BLANK,
		"+ Cán bộ Quản lý: " RP_BLANK " người (Hiệu trưởng: " RP_BLANK
		" người, Phó Hiệu trưởng: " RP_BLANK " người)",
		"+ Giáo viên: " RP_BLANK,
		"+ Thừa: " RP_BLANK,
		"+ Thiếu: " RP_BLANK,
		"- Nhân viên:",
		"+ Hợp đồng trong chỉ tiêu biên chế: " RP_BLANK,
		"+ Hợp đồng trường: " RP_BLANK,
		"(Liệt kê cụ thể các phần mềm tên gì, sử dụng cho mục đích gì, "
		"có thu phí không, thu phí bao nhiêu)",
		"[ký] HIỆU TRƯỞNG|(Ký tên và đóng dấu)|",
	};
	has_lines(&b, lines);
	has_text(&b, "\n……………………");
	main_part(&b);
	lacks(&b, "NULL");
	lacks(&b, "(null)");
	lacks(&b, ": 0");
	lacks(&b, "Lưu ý");
	buf_release(&b);
}

/* Parts that do not add up are printed as a remark, not refused. */
static void
test_mn_mismatch(void **state)
{
	(void)state;
	static const char *const names[] = { "tong_cbgvcnv", "cbql",
					     "hieu_truong",  "pho_hieu_truong",
					     "giao_vien",    "nv_bien_che",
					     "nv_hop_dong" };
	static const char *const values[] = { "30", "3", "1", "1",
					      "20", "4", "5" };
	assert_int_equal(
		set_fields("cntt.31dk004", 2, "31DK004", names, values, 7),
		TS_OK);
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("tu-kiem-tra", 2, "31DK004", &b), TS_OK);
	has_line(&b, "(Lưu ý: số liệu nhân sự chưa khớp: Cán bộ quản lý 3 "
		     "người, nhưng Hiệu trưởng + Phó Hiệu trưởng = 1 + 1 = 2 "
		     "người; đề nghị kiểm tra lại.)");
	/* No staff total typed: its two parts (4 + 5) stand for it. */
	has_line(&b,
		 "(Lưu ý: số liệu nhân sự chưa khớp: Tổng số CB-GV-CNV 30 "
		 "người, nhưng Cán bộ quản lý + Giáo viên + Nhân viên = 3 + 20 "
		 "+ 9 = 32 người; đề nghị kiểm tra lại.)");
	has_line(&b, "- Nhân viên:");
	lacks(&b, "chưa khớp: Nhân viên");
	buf_release(&b);
}

/* A school that has not started: the table has the rules, and every
 * result says "Chưa trả lời" (never a 0 or a blank; issue 18 item 6). */
static void
test_mn_not_started(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("tu-kiem-tra", 2, "31LC002", &b), TS_OK);
	has_line(&b, "| 1. | Chuyển đổi số trong dạy, học | Tối đa: 55 điểm "
		     "|  | Chưa trả lời |");
	has_line(&b, "|  | Tổng cộng | Tối đa: 95 điểm |  | Chưa trả lời |");
	buf_release(&b);
}

static void
test_tdm_report(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("cntt", 3, "31DK023", &b), TS_OK);
	static const char *const lines[] = {
		"ỦY BAN NHÂN DÂN PHƯỜNG DƯƠNG KINH",
		"TRƯỜNG THCS TRẦN HƯNG ĐẠO",
		"Số: 21/BC-THCSTHĐ",
		"Dương Kinh, ngày 05 tháng 6 năm 2026",
		"BÁO CÁO",
		"Công tác ứng dụng công nghệ thông tin và thống kê giáo dục năm "
		"học 2025-2026",
		"Căn cứ Công văn số 215/UBND-VHXH ngày 20/4/2026 của UBND "
		"phường Dương Kinh về việc hướng dẫn đánh giá nhiệm vụ triển "
		"khai công nghệ thông tin và thống kê giáo dục năm học "
		"2025-2026.",
		"Qua quá trình thực hiện nhiệm vụ công nghệ thông tin (CNTT) "
		"trong năm học 2025-2026, trường THCS Trần Hưng Đạo báo cáo tổng "
		"kết việc thực hiện các nhiệm vụ về ứng dụng CNTT và thống kê "
		"giáo dục như sau:",
		"1. Ứng dụng CNTT trong đổi mới phương pháp dạy - học và kiểm "
		"tra, đánh giá:",
		"2. Ứng dụng CNTT trong công tác quản lý, điều hành:",
		"3. Ứng dụng CNTT trong công tác thông tin:",
		"4. Công tác tổ chức thực hiện nhiệm vụ CNTT:",
		"4a. Kết quả thực hiện các kế hoạch về xây dựng và phát triển "
		"thành phố Thủ Dầu Một theo hướng đô thị thông minh, giai đoạn "
		"2020-2025 và các năm tiếp theo, lĩnh vực giáo dục và đào tạo "
		"(KH 962/KH-PGDĐT ngày 27/8/2021 của Phòng GDĐT)",
		"4b. Kết quả thực hiện các kế hoạch triển khai chương trình "
		"chuyển đổi số của Ngành Giáo dục và Đào tạo thành phố Thủ Dầu "
		"Một giai đoạn 2021-2025, định hướng đến năm 2030 (KH "
		"456/KH-PGDĐT ngày 01/4/2022 của Phòng GDĐT)",
		"4c. Các phương hướng triển khai các Kế hoạch trong năm học "
		"2026-2027.",
		"- Đăng tối thiểu 40 tin bài trên cổng thông tin của trường.",
		"Trên đây là báo cáo tổng kết công tác ứng dụng công nghệ thông "
		"tin và thống kê giáo dục năm học 2025-2026 của trường THCS Trần "
		"Hưng Đạo./.",
		"[ký] HIỆU TRƯỞNG||Trần Văn Minh",
		"[nhận] - UBND phường Dương Kinh (b/c);",
		"[nhận] - Lưu: VT.",
	};
	has_lines(&b, lines);
	in_order(&b, "4c. Các phương", "Trên đây là báo cáo");
	buf_release(&b);
}

/* Issue 18 item 10 in the demo's two shapes: in 2025-2026 the centre's
 * cơ quan chủ quản is the Sở and a TH school's its UBND phường, never
 * the UBND quận; the same school's 2024-2025 report (dated within that
 * year) names the Phòng it was under then. */
static void
test_governing_by_year(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("tu-danh-gia", 1, "31GDTX1", &b), TS_OK);
	has_line(&b, "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HẢI PHÒNG");
	lacks(&b, "ỦY BAN NHÂN DÂN QUẬN");
	buf_reset(&b);
	assert_int_equal(build("tu-danh-gia", 1, "31DK018", &b), TS_OK);
	has_line(&b, "ỦY BAN NHÂN DÂN PHƯỜNG DƯƠNG KINH");
	buf_reset(&b);
	assert_int_equal(build("tu-danh-gia", 6, "31DK018", &b), TS_OK);
	has_line(&b, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN DƯƠNG KINH");
	has_text(&b, "ngày 20 tháng 6 năm 2025");
	buf_release(&b);
}

static void
test_tdm_appendix(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("cntt", 3, "31DK023", &b), TS_OK);
	static const char *const lines[] = {
		"=== section",
		"TIÊU CHUẨN ĐÁNH GIÁ NHIỆM VỤ CÔNG NGHỆ THÔNG TIN (CNTT)",
		"(Đối với các trường Tiểu học, THCS)",
		"Tiêu chuẩn: 100 điểm",
		"- Đơn vị: Trường THCS Trần Hưng Đạo",
		"| STT | NỘI DUNG | Điểm chuẩn | Tự chấm | Kèm minh chứng |",
		"| 1 | Ứng dụng CNTT trong đổi mới phương pháp dạy - học và kiểm "
		"tra, đánh giá | 20 | 19,5 |  |",
		"| 4 | Công tác tổ chức thực hiện nhiệm vụ CNTT | 30 | 24 |  |",
		"|  | Tổng cộng | 100 | 88,5 |  |",
		"* Kết quả:",
		"- Xuất sắc: từ 90 - 100 điểm",
		"- Tốt: từ 80 - 89 điểm",
		"- Khá: từ 70 - 79 điểm",
		"- Trung bình: từ 50 - 69 điểm",
		"- Yếu: dưới 50 điểm",
		"Xếp loại: Tốt (88,5 điểm)",
		"Kết quả sau khi UBND phường Dương Kinh kiểm tra, phê duyệt: "
		"Xếp loại: Tốt (85,5 điểm)",
	};
	has_lines(&b, lines);
	in_order(&b, "- Xuất sắc", "- Yếu");
	in_order(&b, "Xếp loại: Tốt",
		 "| Dương Kinh, ngày 05 tháng 6 năm 2026"
		 "\nHIỆU TRƯỞNG");
	has_text(&b, "HIỆU TRƯỞNG\n\n\n\n\nTrần Văn Minh |");
	buf_release(&b);
}

/* Not started: no grade, no total ("Chưa trả lời"), dotted lines for
 * every part. */
static void
test_tdm_blank(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("cntt", 3, "31DK015", &b), TS_OK);
	has_line(&b, "Xếp loại: " RP_BLANK);
	has_line(&b, "|  | Tổng cộng | 100 | Chưa trả lời |  |");
	has_line(&b,
		 "| 1.1 | Đảm bảo 100% cán bộ quản lý giáo dục, giáo viên "
		 "đơn vị biết sử dụng CNTT trong công tác. | 3 | Chưa trả lời "
		 "|  |");
	has_text(&b, "| 1.2 | Tổ chức tốt việc ứng dụng CNTT&TT");
	has_text(&b, "| 5 | Chưa trả lời | Kế hoạch, văn bản, hướng dẫn (file "
		     "PDF) |");
	has_text(&b, "\n……………………");
	lacks(&b, "Xếp loại: Yếu");
	buf_release(&b);
}

/* A mầm non school has no "cntt" document, a THCS school no "tu-kiem-tra"
 * in campaign 3. */
static void
test_wrong_kind(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("tu-kiem-tra", 3, "31DK023", &b), TS_EINVAL);
	assert_int_equal(build("cntt", 2, "31DK001", &b), TS_EINVAL);
	buf_release(&b);
}

UT_APP_DB_GROUP(fx, "ut-docs", UT_DEMO)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mn_filled),
		cmocka_unit_test(test_mn_rules),
		cmocka_unit_test(test_mn_group_keeps_first),
		cmocka_unit_test(test_mn_blank),
		cmocka_unit_test(test_mn_mismatch),
		cmocka_unit_test(test_mn_not_started),
		cmocka_unit_test(test_tdm_report),
		cmocka_unit_test(test_tdm_appendix),
		cmocka_unit_test(test_governing_by_year),
		cmocka_unit_test(test_tdm_blank),
		cmocka_unit_test(test_wrong_kind),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
