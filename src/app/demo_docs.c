/* Seed 003 in the demo: the Dương Kinh centre answers as in its real
 * report and has typed the report's narrative, so the demo's documents
 * can be checked against the seed line by line. */
#include "demo_docs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "report.h"
#include "rubric_set.h"

char *
demo_seed_answers(const char *rubric_id)
{
	if (strncmp(rubric_id, "qd4725", 6) != 0)
		return NULL;
	char path[4096];
	snprintf(path, sizeof(path), "%s/demo/duongkinh-4725.json",
		 app_data_dir());
	struct diags d;
	diags_init(&d);
	char *text = NULL;
	size_t len;
	if (file_read_all(path, INPUT_FILE_LIMIT, &text, &len, &d) != TS_OK)
		text = NULL;
	diags_release(&d);
	return text;
}

static const char *const FIELDS[][2] = {
	{ "co_quan_chu_quan", "Ủy ban nhân dân quận Dương Kinh" },
	{ "dia_danh", "Dương Kinh" },
	{ "can_cu", "Thực hiện Kế hoạch số 45/KH-SGDĐT ngày 20/02/2026 của "
		    "Sở Giáo dục và Đào tạo Hải Phòng về việc triển khai đánh "
		    "giá mức độ chuyển đổi số trong các cơ sở giáo dục phổ "
		    "thông và giáo dục thường xuyên năm học 2025-2026;" },
	{ "thuan_loi", "- Sở Giáo dục và Đào tạo đã có các văn bản triển "
		       "khai, hướng dẫn chi tiết các nhiệm vụ cụ thể về ứng "
		       "dụng CNTT và CĐS cho các trường học.\n- Ủy ban nhân dân "
		       "quận Dương Kinh tăng cường các điều kiện cơ sở vật "
		       "chất, trang thiết bị để đảm bảo triển khai nhiệm vụ ứng "
		       "dụng CNTT và CĐS trong các trường học." },
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
	{ "de_xuat", "Trung tâm kính mong Sở Giáo dục và Đào tạo Hải Phòng, "
		     "Ủy ban nhân dân quận Dương Kinh quan tâm tạo điều kiện "
		     "hỗ trợ lắp đặt cho Trung tâm một phòng tin học." },
	{ "chuc_vu_ky", "GIÁM ĐỐC" },
	{ "nguoi_ky", "Lưu Thị Thuận" },
	{ "noi_nhan", "Sở GD&ĐT (b/c);\nLưu: VT." },
};

enum ts_err
demo_seed_fields(struct app *app, const struct actor *editor, int64_t cid,
		 struct diags *d)
{
	enum { N = sizeof(FIELDS) / sizeof(FIELDS[0]) };
	const char *names[N], *values[N];
	for (size_t i = 0; i < N; i++) {
		names[i] = FIELDS[i][0];
		values[i] = FIELDS[i][1];
	}
	return docfield_save(app, editor, cid, DEMO_SEED_UNIT, names, values,
			     N, d);
}
