/* Schools of the demo that play a seed: the Dương Kinh centre answers as
 * in seed 003's real report and types its narrative; a mầm non school
 * types the staff figures and parts of seed 004's "Báo cáo tự kiểm tra";
 * a THCS school answers and types seed 001's report. So every school
 * document of the demo can be read against its seed line by line. */
#include "demo_docs.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "report.h"
#include "rubric_set.h"

/* The centre's report of 2022-2023 retold for 2025-2026: the centre is
 * the Sở's since 1/7/2025, so its header takes the default cơ quan chủ
 * quản (the Sở) and the text no longer names the district. */
static const char *const SEED003[][2] = {
	{ "dia_danh", "Dương Kinh" },
	{ "can_cu", "Thực hiện Kế hoạch số 45/KH-SGDĐT ngày 20/02/2026 của "
		    "Sở Giáo dục và Đào tạo Hải Phòng về việc triển khai đánh "
		    "giá mức độ chuyển đổi số trong các cơ sở giáo dục phổ "
		    "thông và giáo dục thường xuyên năm học 2025-2026;" },
	{ "thuan_loi",
	  "- Sở Giáo dục và Đào tạo đã có các văn bản triển "
	  "khai, hướng dẫn chi tiết các nhiệm vụ cụ thể về ứng "
	  "dụng CNTT và CĐS cho các trường học.\n- Ủy ban nhân dân "
	  "thành phố tăng cường các điều kiện cơ sở vật chất, "
	  "trang thiết bị để đảm bảo triển khai nhiệm vụ ứng dụng "
	  "CNTT và CĐS trong các trường học." },
	{ "kho_khan", "- Trung tâm không có phòng tin học phải hợp đồng với "
		      "trường liên kết để tổ chức hoạt động giáo dục khi cần "
		      "nên chưa được chủ động trong việc triển khai ứng dụng "
		      "CNTT và CĐS." },
	{ "chi_dao", "- Ban Giám đốc Trung tâm đã nghiêm túc chỉ đạo, quán "
		     "triệt, tuyên truyền, gương mẫu thực hiện công tác chuyển "
		     "đổi số trong đơn vị.\n- Ban chỉ đạo và đại diện các tổ "
		     "chức nhà trường tiến hành tự đánh giá dựa trên các hồ "
		     "sơ, minh chứng cụ thể và ghi chép biên bản đầy đủ, đúng "
		     "quy định." },
	{ "uu_diem", "Công tác chuyển đổi số của trung tâm đã được chỉ đạo, "
		     "quán triệt, đầu tư, thực hiện hiệu quả." },
	{ "ton_tai", "Cơ sở vật chất của trung tâm còn hạn chế, chưa có "
		     "riêng phòng Tin học." },
	{ "de_xuat", "Trung tâm kính mong Sở Giáo dục và Đào tạo Hải Phòng "
		     "quan tâm tạo điều kiện hỗ trợ lắp đặt cho Trung tâm một "
		     "phòng tin học." },
	{ "chuc_vu_ky", "GIÁM ĐỐC" },
	{ "nguoi_ky", "Lưu Thị Thuận" },
	{ "noi_nhan", "Sở GD&ĐT (b/c);\nLưu: VT." },
};

/* Staff figures that add up (3 + 26 + 9 = 38; 1 + 2 = 3; 4 + 5 = 9).
 * No cơ quan chủ quản typed: in 2026 the school's is its UBND phường. */
static const char *const SEED004[][2] = {
	{ "so_ky_hieu", "12/BC-MNHS" },
	{ "dia_danh", "Dương Kinh" },
	{ "ngay_ban_hanh", "2026-04-20" },
	{ "can_cu", "Thực hiện Kế hoạch số 52/KH-SGDĐT ngày 10/03/2026 của "
		    "Sở Giáo dục và Đào tạo Hải Phòng về kiểm tra công tác ứng "
		    "dụng công nghệ thông tin và chuyển đổi số ngành Giáo dục "
		    "và Đào tạo năm 2026." },
	{ "tong_cbgvcnv", "38" },
	{ "cbql", "3" },
	{ "hieu_truong", "1" },
	{ "pho_hieu_truong", "2" },
	{ "giao_vien", "26" },
	{ "gv_thua", "0" },
	{ "gv_thieu", "2" },
	{ "nhan_vien", "9" },
	{ "nv_bien_che", "4" },
	{ "nv_hop_dong", "5" },
	{ "mn_chi_dao", "- Kế hoạch số 15/KH-MNHS ngày 05/9/2025 về ứng dụng "
			"công nghệ thông tin và chuyển đổi số năm học "
			"2025-2026 có căn cứ pháp lý, phân tích thực trạng, "
			"chỉ tiêu cụ thể và phân công thực hiện.\n- Quyết định "
			"số 16/QĐ-MNHS ngày 05/9/2025 thành lập Ban chỉ đạo "
			"chuyển đổi số gồm 7 thành viên, có phân công nhiệm vụ "
			"từng thành viên; Ban chỉ đạo họp và lập biên bản hằng "
			"quý." },
	{ "mn_truc_tuyen", "- Giáo viên xây dựng 48 clip hoạt động giáo dục, "
			   "được tổ chuyên môn thông qua và Hiệu trưởng phê "
			   "duyệt, lưu trong kho học liệu số của trường.\n- "
			   "Phụ huynh xem clip và tương tác qua nhóm Zalo của "
			   "12/12 lớp." },
	{ "mn_tuyen_truyen",
	  "- Trang thông tin điện tử của trường đăng 56 "
	  "tin bài trong năm học.\n- 100% cán bộ, giáo viên "
	  "dùng thư điện tử công vụ để trao đổi công việc." },
	{ "mn_phan_mem", "- Tuyển sinh trẻ 3 tuổi trực tuyến trên cổng tuyển "
			 "sinh của thành phố: 100% hồ sơ.\n- Phần mềm quản lý "
			 "trường học (trẻ, đội ngũ, cơ sở vật chất, y tế): "
			 "không thu phí.\n- Phần mềm kiểm định chất lượng "
			 "giáo dục của Bộ GD&ĐT: không thu phí.\n- Phần mềm "
			 "xây dựng thực đơn dinh dưỡng: 1.500.000 đồng/năm, "
			 "chi từ ngân sách nhà trường." },
	{ "mn_du_lieu",
	  "- Quyết định số 17/QĐ-MNHS ngày 06/9/2025 phân công "
	  "Phó Hiệu trưởng và 01 nhân viên văn phòng phụ trách "
	  "cơ sở dữ liệu ngành, có quy trình cập nhật hằng "
	  "tháng.\n- Đã rà soát số định danh cá nhân của trẻ theo "
	  "Đề án 06 và cập nhật vị trí trường trên bản đồ GIS." },
	{ "mn_kinh_phi", "Kế hoạch số 31/KH-MNHS ngày 20/9/2025 bố trí "
			 "45.000.000 đồng cho thiết bị trình chiếu và bản "
			 "quyền phần mềm." },
	{ "de_xuat", "Đề nghị Sở Giáo dục và Đào tạo tổ chức tập huấn xây "
		     "dựng học liệu số cho giáo viên mầm non và hỗ trợ trang "
		     "bị thêm 02 tivi thông minh cho các lớp mẫu giáo." },
	{ "nguoi_ky", "Nguyễn Thị Hoa" },
};

/* The cơ quan chủ quản and the Căn cứ are left blank on purpose: the
 * document then takes the parent unit and the campaign's basis. */
static const char *const SEED001[][2] = {
	{ "so_ky_hieu", "21/BC-THCSTHĐ" },
	{ "dia_danh", "Dương Kinh" },
	{ "ngay_ban_hanh", "2026-06-05" },
	{ "tdm_day_hoc",
	  "- 100% cán bộ quản lý, giáo viên sử dụng thành thạo "
	  "máy tính, phần mềm trình chiếu trong giảng dạy; 28/28 "
	  "phòng học có tivi kết nối Internet.\n- Tổ chức kiểm "
	  "tra trắc nghiệm trực tuyến môn Tin học và Tiếng Anh "
	  "khối 6, 7." },
	{ "tdm_quan_ly", "- Cập nhật đầy đủ, đúng hạn cơ sở dữ liệu ngành; "
			 "dùng sổ điểm điện tử, học bạ điện tử cho 100% lớp.\n"
			 "- Phần mềm quản lý trường học kết nối phụ huynh qua "
			 "ứng dụng và nhóm Zalo lớp." },
	{ "tdm_thong_tin", "Cổng thông tin điện tử của trường đăng 32 tin bài "
			   "trong năm học; có chuyên mục công khai theo Thông "
			   "tư 36/2017/TT-BGDĐT." },
	{ "tdm_4a", "Xây dựng kế hoạch và báo cáo định kỳ; lắp camera an ninh "
		    "và Wifi phủ toàn trường." },
	{ "tdm_4b", "Ban hành kế hoạch chuyển đổi số giai đoạn 2021-2025; 85% "
		    "học sinh nộp các khoản phí không dùng tiền mặt." },
	{ "tdm_4c",
	  "- Nâng tỷ lệ thanh toán không dùng tiền mặt lên 100%.\n- "
	  "Đăng tối thiểu 40 tin bài trên cổng thông tin của trường." },
	{ "nguoi_ky", "Trần Văn Minh" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* duongkinh-4725.json is examples/qd4725-gdtx-duongkinh-2022-2023.json
 * without the notes that say how the example was reconstructed from the
 * report ("… giả định để dựng lại ví dụ"): those are about the example,
 * not the centre's evidence, and would print in its documents. */
static const struct {
	const char *unit, *rubric_prefix;
	const char *answers; /* file under data/demo, or NULL */
	const char *const (*fields)[2];
	size_t nfields;
} SEEDS[] = {
	{ DEMO_SEED_UNIT, "qd4725", "duongkinh-4725.json", SEED003,
	  N(SEED003) },
	{ DEMO_MN_UNIT, "q7-mn", NULL, SEED004, N(SEED004) },
	{ DEMO_TDM_UNIT, "tdm-cntt", "tdm-cntt-2022.json", SEED001,
	  N(SEED001) },
};

static int
seed_of(const char *rubric_id, const char *unit)
{
	for (size_t i = 0; i < N(SEEDS); i++)
		if (strcmp(unit, SEEDS[i].unit) == 0 &&
		    strncmp(rubric_id, SEEDS[i].rubric_prefix,
			    strlen(SEEDS[i].rubric_prefix)) == 0)
			return (int)i;
	return -1;
}

char *
demo_seed_answers(const char *rubric_id, const char *unit)
{
	int i = seed_of(rubric_id, unit);
	if (i < 0 || SEEDS[i].answers == NULL)
		return NULL;
	char path[4096];
	snprintf(path, sizeof(path), "%s/demo/%s", app_data_dir(),
		 SEEDS[i].answers);
	struct diags d;
	diags_init(&d);
	char *text = NULL;
	size_t len;
	if (file_read_all(path, INPUT_FILE_LIMIT, &text, &len, &d) != TS_OK)
		text = NULL;
	diags_release(&d);
	/* The seeds are real records of other schools and years, reused as
	 * the demo school's answers: drop the "unit" and "school_year" that
	 * say whose they were, or saving them would (rightly) be refused. */
	json_t *root = text ? json_loadb(text, len, 0, NULL) : NULL;
	free(text);
	json_object_del(root, "unit");
	json_object_del(root, "school_year");
	text = root ? json_dumps(root, JSON_INDENT(2)) : NULL;
	json_decref(root);
	return text;
}

enum ts_err
demo_seed_fields(struct app *app, const struct actor *editor, int64_t cid,
		 const char *rubric_id, const char *unit, struct diags *d)
{
	int s = seed_of(rubric_id, unit);
	if (s < 0)
		return TS_OK;
	enum {
		MAX = 32
	};
	const char *names[MAX], *values[MAX];
	size_t n = SEEDS[s].nfields < MAX ? SEEDS[s].nfields : MAX;
	for (size_t i = 0; i < n; i++) {
		names[i] = SEEDS[s].fields[i][0];
		values[i] = SEEDS[s].fields[i][1];
	}
	return docfield_save(app, editor, cid, unit, names, values, n, d);
}
