/* The documents truongso prints and the fields each one asks the unit to
 * type. Field names are shared between documents where the meaning is the
 * same (kho_khan, de_xuat, the header and signature fields). */
#include <string.h>

#include "../core/rubric.h"
#include "../util/arena.h"
#include "report.h"

/* Header and signature fields every official document has (NĐ 30). */
#define HEADER_FIELDS                                                      \
	{ "co_quan_chu_quan", "Cơ quan chủ quản", DF_LINE,                 \
	  "Để trống: tự xác định theo cây đơn vị và ngày ban hành" },      \
	{ "so_ky_hieu", "Số, ký hiệu văn bản", DF_LINE,                   \
	  "Ví dụ: 05/BC-THCSLL. Để trống: in dòng chấm để điền tay" },      \
	{ "dia_danh", "Địa danh", DF_LINE, "Ví dụ: Dương Kinh" },         \
	{ "ngay_ban_hanh", "Ngày ban hành", DF_DATE,                       \
	  "Để trống: in dòng chấm để điền tay" }
#define SIGN_FIELDS                                                        \
	{ "chuc_vu_ky", "Chức vụ người ký", DF_LINE,                       \
	  "Ví dụ: HIỆU TRƯỞNG, KT. HIỆU TRƯỞNG" },                         \
	{ "nguoi_ky", "Họ và tên người ký", DF_LINE, NULL },               \
	{ "noi_nhan", "Nơi nhận", DF_TEXT,                                 \
	  "Mỗi dòng một nơi nhận, ví dụ: Sở GD&ĐT (b/c)" }

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
	{ "mn_chi_dao", "Công tác tổ chức, chỉ đạo, điều hành thực hiện "
	  "nhiệm vụ chuyển đổi số", DF_TEXT,
	  "Kiểm tra cụ thể nội dung của Kế hoạch trong đó có Căn cứ pháp lý, "
	  "có phân tích thực trạng, có mục tiêu/chỉ tiêu cụ thể, có tổ "
	  "chức/phân công thực hiện; quyết định Ban chỉ đạo phải đúng và đủ "
	  "thành phần, có phân công nhiệm vụ cụ thể của các thành viên trong "
	  "ban chỉ đạo chuyển đổi số, các biên bản triển khai của ban chỉ "
	  "đạo" },
	{ "mn_truc_tuyen", "Công tác quản lý dạy và học trực tuyến; xây dựng "
	  "và sử dụng học liệu số", DF_TEXT,
	  "Kiểm tra cụ thể nội dung của Kế hoạch trong đó có Căn cứ pháp lý, "
	  "có phân tích thực trạng, có mục tiêu/chỉ tiêu cụ thể, có tổ "
	  "chức/phân công thực hiện; quyết định Ban chỉ đạo phải đúng và đủ "
	  "thành phần, có phân công nhiệm vụ cụ thể của các thành viên trong "
	  "ban chỉ đạo dạy và học trực tuyến, các biên bản triển khai của ban "
	  "chỉ đạo, kho học liệu số mà trường xây dựng phải đúng và đủ nội "
	  "dung theo quy định" },
	{ "mn_tuyen_truyen", "Công tác thông tin, tuyên truyền trên môi "
	  "trường mạng, trao đổi công việc bằng thư điện tử công vụ", DF_TEXT,
	  NULL },
	{ "mn_phan_mem", "Công tác triển khai thực hiện nhiệm vụ tuyển sinh "
	  "đầu cấp trực tuyến; dữ liệu và phần mềm kiểm định chất lượng giáo "
	  "dục, các phần mềm khác đang sử dụng trong nhà trường", DF_TEXT,
	  "Liệt kê cụ thể các phần mềm tên gì, sử dụng cho mục đích gì, có "
	  "thu phí không, thu phí bao nhiêu" },
	{ "mn_du_lieu", "Công tác cập nhật dữ liệu (cơ sở dữ liệu Ngành) theo "
	  "chỉ đạo của Ngành và Đề án 06, dữ liệu bản đồ GIS", DF_TEXT,
	  "Có quyết định phân công nhân sự phụ trách công tác cơ sở dữ liệu "
	  "Ngành, có quy trình làm việc cụ thể" },
	{ "mn_kinh_phi", "Kế hoạch bố trí kinh phí phục vụ các hoạt động "
	  "chuyển đổi số", DF_TEXT, NULL },
	{ "de_xuat", "III. Kiến nghị", DF_TEXT, NULL },
	SIGN_FIELDS,
};

static const struct df_def F_TDM[] = {
	HEADER_FIELDS,
	{ "can_cu", "Căn cứ", DF_TEXT,
	  "Để trống: dùng căn cứ của đợt đánh giá" },
	{ "tdm_day_hoc", "1. Ứng dụng CNTT trong đổi mới phương pháp dạy - "
	  "học và kiểm tra, đánh giá", DF_TEXT, NULL },
	{ "tdm_quan_ly", "2. Ứng dụng CNTT trong công tác quản lý, điều hành",
	  DF_TEXT, NULL },
	{ "tdm_thong_tin", "3. Ứng dụng CNTT trong công tác thông tin",
	  DF_TEXT, NULL },
	{ "tdm_4a", "4a. Kết quả thực hiện kế hoạch đô thị thông minh",
	  DF_TEXT, NULL },
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

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* School kinds by the rubric's shape (rubric_shape): groups with levels
 * and no grade make the QĐ 4725 report, a mầm non rubric the seed 004
 * self-inspection with its staff section, a grade over the total the
 * seed 001 report with its Xếp loại. Office kinds fit every rubric; what
 * their summary shows follows the shape too (report_levels.c). */
#define SHAPE_ALL (RS_LEVELS | RS_GRADE | RS_MN)
static const struct report_kind_info KINDS[] = {
	{ RK_SELF_4725, "tu-danh-gia",
	  "Báo cáo công tác triển khai tự đánh giá mức độ chuyển đổi số",
	  false, SHAPE_ALL, RS_LEVELS, F_4725, N(F_4725) },
	{ RK_SELF_MN, "tu-kiem-tra", "Báo cáo tự kiểm tra", false,
	  RS_GRADE | RS_MN, RS_MN, F_MN, N(F_MN) },
	{ RK_TDM, "cntt", "Báo cáo công tác ứng dụng công nghệ thông tin",
	  false, RS_GRADE | RS_MN, RS_GRADE, F_TDM, N(F_TDM) },
	{ RK_LEVELS, "phu-luc-3",
	  "Tổng hợp kết quả đánh giá theo cấp học (Phụ lục 3)", true, 0, 0,
	  F_LEVELS, N(F_LEVELS) },
	{ RK_LISTING, "danh-sach", "Danh sách kết quả từng đơn vị", true,
	  0, 0, F_LISTING, N(F_LISTING) },
	{ RK_CHASE, "chua-nop", "Danh sách đơn vị chưa nộp, kèm liên hệ",
	  true, 0, 0, F_LISTING, N(F_LISTING) },
	/* Statistics campaigns only (doc_target_open asks campaign.kind). */
	{ RK_STATS_PL2, "phu-luc-2", "Báo cáo ứng dụng CNTT, chuyển đổi số và "
	  "thống kê giáo dục (Phụ lục 2)", true, 0, 0, F_STATS_PL2,
	  N(F_STATS_PL2) },
	{ RK_STATS_PL6, "phu-luc-6", "Báo cáo tổng kết thực hiện Quyết định "
	  "131/QĐ-TTg (Phụ lục 6)", true, 0, 0, F_STATS_PL2, N(F_STATS_PL2) },
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
		if (!KINDS[i].office && report_kind_fits(&KINDS[i], r))
			return &KINDS[i];
	return NULL;
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
			while (m < *n && strcmp(out[m]->name,
						k[i]->fields[j].name) != 0)
				m++;
			if (m == *n)
				out[(*n)++] = &k[i]->fields[j];
		}
	return out;
}
