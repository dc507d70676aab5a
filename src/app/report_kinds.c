/* The documents truongso prints and the fields each one asks the unit to
 * type. Field names are shared between documents where the meaning is the
 * same (kho_khan, de_xuat, the header and signature fields). */
#include <string.h>

#include "../core/rubric.h"
#include "../util/arena.h"
#include "report.h"

/* The drafting unit's abbreviation for the last line of Nơi nhận (NĐ 30
 * Phụ lục I: "- Lưu: VT, tên viết tắt đơn vị soạn thảo"): one per unit,
 * typed once and reused by every document and campaign (docfield.c). */
#define LUU_FIELD                                                                                             \
	{                                                                                                     \
		"luu_don_vi", "Đơn vị soạn thảo (viết tắt, in ở dòng Lưu)",                                   \
			DF_LINE,                                                                              \
			"Ví dụ: GDPT, VHXH: dòng cuối Nơi nhận in \"- Lưu: VT, GDPT.\". "           \
			"Nhập một lần, các văn bản sau dùng lại; để trống: \"- Lưu: VT.\"" \
	}

/* Every signer's title (DF_SIGNER): how to type a deputy's two lines. */
#define SIGNER_HINT                                                                      \
	"Một hoặc hai dòng. Cấp phó ký thay: dòng 1 thẩm quyền ký (KT., " \
	"TM., Q., TL., TUQ.), dòng 2 chức vụ, ví dụ: KT. HIỆU TRƯỞNG / "    \
	"PHÓ HIỆU TRƯỞNG"

/* Header and signature fields every official document has (NĐ 30). */
#define HEADER_FIELDS                                                          \
	{ "co_quan_chu_quan", "Cơ quan chủ quản", DF_LINE,                     \
	  "Để trống: tự xác định theo cây đơn vị và ngày ban hành" },          \
		{ "so_ky_hieu", "Số, ký hiệu văn bản", DF_LINE,                \
		  "Ví dụ: 05/BC-THCSLL. Để trống: in dòng chấm để điền tay" }, \
		{ "dia_danh", "Địa danh", DF_LINE, "Ví dụ: Dương Kinh" },      \
	{                                                                      \
		"ngay_ban_hanh", "Ngày ban hành", DF_DATE,                     \
			"Để trống: in dòng chấm để điền tay"     \
	}
#define SIGN_FIELDS                                                            \
	{ "chuc_vu_ky", "Chức vụ người ký", DF_SIGNER, SIGNER_HINT },          \
		{ "nguoi_ky", "Họ và tên người ký", DF_LINE, NULL },           \
		{ "noi_nhan", "Nơi nhận", DF_TEXT,                             \
		  "Mỗi dòng một nơi nhận, ví dụ: Sở GD&ĐT (b/c)" },            \
		LUU_FIELD

static const struct df_def F_4725[] = {
	HEADER_FIELDS,
	{ "can_cu", "Căn cứ / thực hiện văn bản", DF_TEXT,
	  "Để trống: dùng căn cứ của đợt đánh giá" },
	{ "thuan_loi", "I.1. Thuận lợi", DF_TEXT, NULL },
	{ "kho_khan", "I.2. Khó khăn", DF_TEXT, NULL },
	{ "chi_dao", "II.1. Công tác chỉ đạo điều hành", DF_TEXT,
	  "Kế hoạch, quyết định, quy trình tự đánh giá, lưu hồ sơ minh chứng" },
	{ "uu_diem", "II.3. Đánh giá chung: ưu điểm", DF_TEXT, NULL },
	{ "ton_tai", "II.3. Đánh giá chung: tồn tại, hạn chế", DF_TEXT, NULL },
	{ "de_xuat", "III. Đề xuất, kiến nghị", DF_TEXT, NULL },
	SIGN_FIELDS,
};

static const struct df_def F_MN[] = {
	HEADER_FIELDS,
	{ "can_cu", "Thực hiện kế hoạch", DF_TEXT,
	  "Để trống: dùng căn cứ của đợt kiểm tra" },
	{ "tong_cbgvcnv", "Tổng số CB-GV-CNV", DF_INT, NULL },
	{ "cbql", "Cán bộ quản lý", DF_INT, NULL },
	{ "hieu_truong", "Hiệu trưởng", DF_INT, NULL },
	{ "pho_hieu_truong", "Phó Hiệu trưởng", DF_INT, NULL },
	{ "giao_vien", "Giáo viên", DF_INT, NULL },
	{ "gv_thua", "Giáo viên thừa", DF_INT, NULL },
	{ "gv_thieu", "Giáo viên thiếu", DF_INT, NULL },
	{ "nhan_vien", "Nhân viên", DF_INT, NULL },
	{ "nv_bien_che", "Nhân viên hợp đồng trong chỉ tiêu biên chế", DF_INT,
	  NULL },
	{ "nv_hop_dong", "Nhân viên hợp đồng trường", DF_INT, NULL },
	/* The six parts of seed 004's II.1, in its own words; the builder
	 * prints the label as the heading and, while blank, the hint. */
	{ "mn_chi_dao",
	  "Công tác tổ chức, chỉ đạo, điều hành thực hiện "
	  "nhiệm vụ chuyển đổi số",
	  DF_TEXT,
	  "Kiểm tra cụ thể nội dung của Kế hoạch trong đó có Căn cứ pháp lý, "
	  "có phân tích thực trạng, có mục tiêu/chỉ tiêu cụ thể, có tổ "
	  "chức/phân công thực hiện; quyết định Ban chỉ đạo phải đúng và đủ "
	  "thành phần, có phân công nhiệm vụ cụ thể của các thành viên trong "
	  "ban chỉ đạo chuyển đổi số, các biên bản triển khai của ban chỉ "
	  "đạo" },
	{ "mn_truc_tuyen",
	  "Công tác quản lý dạy và học trực tuyến; xây dựng "
	  "và sử dụng học liệu số",
	  DF_TEXT,
	  "Kiểm tra cụ thể nội dung của Kế hoạch trong đó có Căn cứ pháp lý, "
	  "có phân tích thực trạng, có mục tiêu/chỉ tiêu cụ thể, có tổ "
	  "chức/phân công thực hiện; quyết định Ban chỉ đạo phải đúng và đủ "
	  "thành phần, có phân công nhiệm vụ cụ thể của các thành viên trong "
	  "ban chỉ đạo dạy và học trực tuyến, các biên bản triển khai của ban "
	  "chỉ đạo, kho học liệu số mà trường xây dựng phải đúng và đủ nội "
	  "dung theo quy định" },
	{ "mn_tuyen_truyen",
	  "Công tác thông tin, tuyên truyền trên môi "
	  "trường mạng, trao đổi công việc bằng thư điện tử công vụ",
	  DF_TEXT, NULL },
	{ "mn_phan_mem",
	  "Công tác triển khai thực hiện nhiệm vụ tuyển sinh "
	  "đầu cấp trực tuyến; dữ liệu và phần mềm kiểm định chất lượng giáo "
	  "dục, các phần mềm khác đang sử dụng trong nhà trường",
	  DF_TEXT,
	  "Liệt kê cụ thể các phần mềm tên gì, sử dụng cho mục đích gì, có "
	  "thu phí không, thu phí bao nhiêu" },
	{ "mn_du_lieu",
	  "Công tác cập nhật dữ liệu (cơ sở dữ liệu Ngành) theo "
	  "chỉ đạo của Ngành và Đề án 06, dữ liệu bản đồ GIS",
	  DF_TEXT,
	  "Có quyết định phân công nhân sự phụ trách công tác cơ sở dữ liệu "
	  "Ngành, có quy trình làm việc cụ thể" },
	{ "mn_kinh_phi",
	  "Kế hoạch bố trí kinh phí phục vụ các hoạt động "
	  "chuyển đổi số",
	  DF_TEXT, NULL },
	{ "de_xuat", "III. Kiến nghị", DF_TEXT, NULL },
	SIGN_FIELDS,
};

static const struct df_def F_TDM[] = {
	HEADER_FIELDS,
	{ "can_cu", "Căn cứ", DF_TEXT,
	  "Để trống: dùng căn cứ của đợt đánh giá" },
	{ "tdm_day_hoc",
	  "1. Ứng dụng CNTT trong đổi mới phương pháp dạy - "
	  "học và kiểm tra, đánh giá",
	  DF_TEXT, NULL },
	{ "tdm_quan_ly", "2. Ứng dụng CNTT trong công tác quản lý, điều hành",
	  DF_TEXT, NULL },
	{ "tdm_thong_tin", "3. Ứng dụng CNTT trong công tác thông tin", DF_TEXT,
	  NULL },
	{ "tdm_4a", "4a. Kết quả thực hiện kế hoạch đô thị thông minh", DF_TEXT,
	  NULL },
	{ "tdm_4b", "4b. Kết quả thực hiện kế hoạch chuyển đổi số của Ngành",
	  DF_TEXT, NULL },
	{ "tdm_4c", "4c. Phương hướng triển khai các kế hoạch năm học tới",
	  DF_TEXT, NULL },
	SIGN_FIELDS,
};

static const struct df_def F_LEVELS[] = {
	HEADER_FIELDS,
	{ "kho_khan", "3. Khó khăn, vướng mắc", DF_TEXT, NULL },
	{ "de_xuat", "4. Kiến nghị, đề xuất", DF_TEXT, NULL },
	SIGN_FIELDS,
};

/* Phụ lục 2 of a statistics campaign: its narrative sections are the
 * office's own answers (stats_office_save); only the NĐ 30 parts here. */
static const struct df_def F_STATS_PL2[] = {
	HEADER_FIELDS,
	{ "can_cu", "Căn cứ / thực hiện văn bản", DF_TEXT,
	  "Để trống: dùng căn cứ của đợt thống kê" },
	SIGN_FIELDS,
};

/* The listing is sent as the office's own document (NĐ 30). */
static const struct df_def F_LISTING[] = {
	HEADER_FIELDS,
	SIGN_FIELDS,
};

/* The office's guidance letter keeps its own số, date, signer and Nơi
 * nhận ("cv_…", field_prefix) apart from its Phụ lục 3 of the same
 * campaign; cơ quan chủ quản and địa danh are the unit's. */
static const struct df_def F_GUIDANCE[] = {
	{ "co_quan_chu_quan", "Cơ quan chủ quản", DF_LINE,
	  "Để trống: tự xác định theo cây đơn vị và ngày ban hành" },
	{ "dia_danh", "Địa danh", DF_LINE, "Ví dụ: Dương Kinh" },
	{ "cv_so_ky_hieu", "Công văn hướng dẫn: số, ký hiệu", DF_LINE,
	  "Ví dụ: 719/SGDĐT-VP. Để trống: in dòng chấm để điền tay" },
	{ "cv_ngay_ban_hanh", "Công văn hướng dẫn: ngày ban hành", DF_DATE,
	  "Để trống: ngày in, không sau ngày mở đợt" },
	{ "cv_trich_yeu", "Công văn hướng dẫn: trích yếu (V/v …)", DF_LINE,
	  "Để trống: V/v hướng dẫn và tên đợt đánh giá" },
	{ "cv_kinh_gui", "Công văn hướng dẫn: Kính gửi", DF_TEXT,
	  "Mỗi dòng một nơi gửi. Để trống: thủ trưởng các đơn vị tham gia, "
	  "theo cấp học" },
	{ "cv_can_cu", "Công văn hướng dẫn: căn cứ", DF_TEXT,
	  "Để trống: dùng căn cứ của đợt đánh giá" },
	{ "cv_dia_chi", "Công văn hướng dẫn: địa chỉ truongso để nộp", DF_LINE,
	  "Ví dụ: https://truongso.haiphong.edu.vn" },
	{ "cv_noi_dung", "Công văn hướng dẫn: yêu cầu khác", DF_TEXT,
	  "In thành mục 4 sau thời hạn nộp; để trống thì không in" },
	{ "cv_lien_he", "Công văn hướng dẫn: người liên hệ", DF_LINE,
	  "Ví dụ: bà Nguyễn Thị A, chuyên viên, điện thoại 0225 3xxx xxx" },
	{ "cv_chuc_vu_ky", "Công văn hướng dẫn: chức vụ người ký", DF_SIGNER,
	  SIGNER_HINT },
	{ "cv_nguoi_ky", "Công văn hướng dẫn: họ và tên người ký", DF_LINE,
	  NULL },
	{ "cv_noi_nhan", "Công văn hướng dẫn: nơi nhận", DF_TEXT,
	  "Mỗi dòng một nơi nhận. Để trống: Như trên; Lưu: VT" },
	LUU_FIELD,
};

/* The school's decisions and meeting record (seed 003), each with its
 * own số, date and signer. The committee's members ("bcd_thanh_vien")
 * are typed once: a campaign without them reuses the latest list the
 * school typed (docfield.c). */
#define CARRIED_HINT                                                                          \
	"Mỗi người một dòng: Họ và tên; chức vụ; nhiệm vụ trong Ban; "    \
	"email; điện thoại. Nhập một lần: các năm sau để trống thì dùng " \
	"danh sách đã nhập gần nhất"
static const struct df_def F_COMMITTEE[] = {
	{ "co_quan_chu_quan", "Cơ quan chủ quản", DF_LINE,
	  "Để trống: tự xác định theo cây đơn vị và ngày ban hành" },
	{ "dia_danh", "Địa danh", DF_LINE, "Ví dụ: Dương Kinh" },
	{ "bcd_so_ky_hieu", "Quyết định thành lập Ban chỉ đạo: số, ký hiệu",
	  DF_LINE, "Ví dụ: 108/QĐ-THCSLL" },
	{ "bcd_ngay_ban_hanh",
	  "Quyết định thành lập Ban chỉ đạo: ngày ban "
	  "hành",
	  DF_DATE, "Để trống: ngày in, không sau ngày mở đợt" },
	{ "bcd_can_cu", "Quyết định thành lập Ban chỉ đạo: căn cứ", DF_TEXT,
	  "Để trống: Điều lệ nhà trường, QĐ 4725 và căn cứ của đợt" },
	{ "bcd_thanh_vien", "Thành viên Ban chỉ đạo chuyển đổi số", DF_TEXT,
	  CARRIED_HINT },
	{ "bcd_nhiem_vu",
	  "Quyết định thành lập Ban chỉ đạo: nhiệm vụ của Ban "
	  "(Điều 2)",
	  DF_TEXT, "Để trống: nhiệm vụ chung theo mẫu" },
	{ "bcd_chuc_vu_ky",
	  "Quyết định thành lập Ban chỉ đạo: chức vụ người "
	  "ký",
	  DF_SIGNER, SIGNER_HINT },
	{ "bcd_nguoi_ky", "Quyết định thành lập Ban chỉ đạo: người ký", DF_LINE,
	  NULL },
	{ "bcd_noi_nhan", "Quyết định thành lập Ban chỉ đạo: nơi nhận", DF_TEXT,
	  "Để trống: Như Điều 3; cơ quan chủ trì (b/c); Lưu: VT" },
	LUU_FIELD,
};

static const struct df_def F_MEETING[] = {
	{ "co_quan_chu_quan", "Cơ quan chủ quản", DF_LINE,
	  "Để trống: tự xác định theo cây đơn vị và ngày ban hành" },
	{ "dia_danh", "Địa danh", DF_LINE, "Ví dụ: Dương Kinh" },
	{ "bb_so_ky_hieu", "Biên bản họp tự đánh giá: số, ký hiệu", DF_LINE,
	  NULL },
	{ "bb_ngay_ban_hanh", "Biên bản họp tự đánh giá: ngày họp", DF_DATE,
	  "Để trống: ngày in, không sau hạn nộp" },
	{ "bb_thoi_gian", "Biên bản: giờ bắt đầu", DF_LINE,
	  "Ví dụ: 14 giờ 00 phút" },
	{ "bb_dia_diem", "Biên bản: địa điểm", DF_LINE,
	  "Ví dụ: phòng họp Hội đồng sư phạm" },
	{ "bb_chu_tri", "Biên bản: chủ trì", DF_LINE, "Họ và tên, chức vụ" },
	{ "bb_thu_ky", "Biên bản: thư ký", DF_LINE, "Họ và tên, chức vụ" },
	{ "bcd_thanh_vien", "Thành viên Ban chỉ đạo chuyển đổi số", DF_TEXT,
	  CARRIED_HINT },
	{ "bb_vang", "Biên bản: vắng mặt", DF_LINE, "Để trống: không" },
	{ "bb_y_kien", "Biên bản: ý kiến thảo luận", DF_TEXT, NULL },
	{ "bb_ket_luan", "Biên bản: kết luận của chủ trì", DF_TEXT, NULL },
	{ "bb_ket_thuc", "Biên bản: giờ kết thúc", DF_LINE,
	  "Ví dụ: 16 giờ 30 phút" },
};

static const struct df_def F_APPROVAL[] = {
	{ "co_quan_chu_quan", "Cơ quan chủ quản", DF_LINE,
	  "Để trống: tự xác định theo cây đơn vị và ngày ban hành" },
	{ "dia_danh", "Địa danh", DF_LINE, "Ví dụ: Dương Kinh" },
	{ "pd_so_ky_hieu", "Quyết định phê duyệt kết quả: số, ký hiệu", DF_LINE,
	  "Ví dụ: 112/QĐ-THCSLL" },
	{ "pd_ngay_ban_hanh", "Quyết định phê duyệt kết quả: ngày ban hành",
	  DF_DATE, "Để trống: ngày in, không sau hạn nộp" },
	{ "pd_can_cu", "Quyết định phê duyệt kết quả: căn cứ", DF_TEXT,
	  "Để trống: Điều lệ nhà trường, QĐ 4725, căn cứ của đợt, quyết định "
	  "thành lập Ban chỉ đạo và biên bản họp" },
	{ "bcd_so_ky_hieu", "Quyết định thành lập Ban chỉ đạo: số, ký hiệu",
	  DF_LINE, "Ví dụ: 108/QĐ-THCSLL" },
	{ "bcd_ngay_ban_hanh",
	  "Quyết định thành lập Ban chỉ đạo: ngày ban "
	  "hành",
	  DF_DATE, "Để trống: ngày in, không sau ngày mở đợt" },
	{ "bb_ngay_ban_hanh", "Biên bản họp tự đánh giá: ngày họp", DF_DATE,
	  "Để trống: ngày in, không sau hạn nộp" },
	{ "pd_chuc_vu_ky", "Quyết định phê duyệt kết quả: chức vụ người ký",
	  DF_SIGNER, SIGNER_HINT },
	{ "pd_nguoi_ky", "Quyết định phê duyệt kết quả: người ký", DF_LINE,
	  NULL },
	{ "pd_noi_nhan", "Quyết định phê duyệt kết quả: nơi nhận", DF_TEXT,
	  "Để trống: Như Điều 3; cơ quan xem xét (b/c); Lưu: VT" },
	LUU_FIELD,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* School kinds by the rubric's shape (rubric_shape): groups with levels
 * and no grade make the QĐ 4725 report, a mầm non rubric the seed 004
 * self-inspection with its staff section, a grade over the total the
 * seed 001 report with its Xếp loại. Office kinds fit every rubric; what
 * their summary shows follows the shape too (report_levels.c). */
#define SHAPE_ALL (RS_LEVELS | RS_GRADE | RS_MN)
static const struct report_kind_info KINDS[] = {
	{ RK_SELF_4725, "tu-danh-gia",
	  "Báo cáo công tác triển khai tự đánh giá mức độ chuyển đổi số", false,
	  SHAPE_ALL, RS_LEVELS, F_4725, N(F_4725), NULL, false },
	{ RK_SELF_MN, "tu-kiem-tra", "Báo cáo tự kiểm tra", false,
	  RS_GRADE | RS_MN, RS_MN, F_MN, N(F_MN), NULL, false },
	{ RK_TDM, "cntt", "Báo cáo công tác ứng dụng công nghệ thông tin",
	  false, RS_GRADE | RS_MN, RS_GRADE, F_TDM, N(F_TDM), NULL, false },
	{ RK_LEVELS, "phu-luc-3",
	  "Tổng hợp kết quả đánh giá theo cấp học (Phụ lục 3)", true, 0, 0,
	  F_LEVELS, N(F_LEVELS), NULL, false },
	{ RK_LISTING, "danh-sach", "Danh sách kết quả từng đơn vị", true, 0, 0,
	  F_LISTING, N(F_LISTING), NULL, false },
	{ RK_GUIDANCE, "cong-van", "Công văn hướng dẫn tự đánh giá", true, 0, 0,
	  F_GUIDANCE, N(F_GUIDANCE), "cv_", false },
	{ RK_COMMITTEE, "qd-ban-chi-dao",
	  "Quyết định thành lập Ban chỉ đạo chuyển đổi số", false, 0, 0,
	  F_COMMITTEE, N(F_COMMITTEE), "bcd_", true },
	{ RK_MEETING, "bien-ban", "Biên bản họp tự đánh giá", false, 0, 0,
	  F_MEETING, N(F_MEETING), "bb_", true },
	/* QĐ 4725 khoản 6 Điều 1: the head approves before reporting. */
	{ RK_APPROVAL, "qd-phe-duyet",
	  "Quyết định phê duyệt kết quả tự đánh giá", false, SHAPE_ALL,
	  RS_LEVELS, F_APPROVAL, N(F_APPROVAL), "pd_", true },
	{ RK_CHASE, "chua-nop", "Danh sách đơn vị chưa nộp, kèm liên hệ", true,
	  0, 0, F_LISTING, N(F_LISTING), NULL, false },
	/* Statistics campaigns only (doc_target_open asks campaign.kind). */
	{ RK_STATS_PL2, "phu-luc-2",
	  "Báo cáo ứng dụng CNTT, chuyển đổi số và "
	  "thống kê giáo dục (Phụ lục 2)",
	  true, 0, 0, F_STATS_PL2, N(F_STATS_PL2), NULL, false },
	{ RK_STATS_PL6, "phu-luc-6",
	  "Báo cáo tổng kết thực hiện Quyết định "
	  "131/QĐ-TTg (Phụ lục 6)",
	  true, 0, 0, F_STATS_PL2, N(F_STATS_PL2), NULL, false },
};

const struct report_kind_info *
report_kinds(size_t *n)
{
	*n = N(KINDS);
	return KINDS;
}

const struct report_kind_info *
report_kind_find(const char *code)
{
	for (size_t i = 0; code && i < N(KINDS); i++)
		if (strcmp(KINDS[i].code, code) == 0)
			return &KINDS[i];
	return NULL;
}

const struct report_kind_info *
report_kind_get(enum report_kind k)
{
	for (size_t i = 0; i < N(KINDS); i++)
		if (KINDS[i].kind == k)
			return &KINDS[i];
	return NULL;
}

bool
report_kind_fits(const struct report_kind_info *k, const struct rubric *r)
{
	if (k->shape_mask == 0)
		return true;
	return r && (rubric_shape(r) & k->shape_mask) == k->shape_need;
}

const struct report_kind_info *
report_school_kind(const struct rubric *r)
{
	for (size_t i = 0; i < N(KINDS); i++)
		if (!KINDS[i].office && !KINDS[i].companion &&
		    report_kind_fits(&KINDS[i], r))
			return &KINDS[i];
	return NULL;
}

size_t
report_companion_kinds(const struct rubric *r,
		       const struct report_kind_info **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < N(KINDS) && n < max; i++)
		if (KINDS[i].companion && report_kind_fits(&KINDS[i], r))
			out[n++] = &KINDS[i];
	return n;
}

const struct df_def **
docfield_defs(const struct report_kind_info *const *k, size_t nk,
	      struct arena *a, size_t *n)
{
	size_t max = 0;
	for (size_t i = 0; i < nk; i++)
		max += k[i]->nfields;
	const struct df_def **out = arena_calloc(a, max + 1, sizeof(*out));
	*n = 0;
	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < nk; i++)
		for (size_t j = 0; j < k[i]->nfields; j++) {
			size_t m = 0;
			while (m < *n &&
			       strcmp(out[m]->name, k[i]->fields[j].name) != 0)
				m++;
			if (m == *n)
				out[(*n)++] = &k[i]->fields[j];
		}
	return out;
}
