/* truongso: command-line entry point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/rubric_set.h"
#include "cli.h"

#ifndef TS_VERSION
#define TS_VERSION "0.1.0"
#endif

static const char USAGE[] =
	"truongso — tự đánh giá, duyệt và báo cáo chuyển đổi số ngành giáo dục\n"
	"\n"
	"Cách dùng: truongso [--db TỆP] [--create] [--as TÊN_ĐĂNG_NHẬP] [--data THƯ_MỤC]\n"
	"                    LỆNH ...\n"
	"\n"
	"Bộ chỉ số và chấm điểm:\n"
	"  rubric list | show MÃ[@PHIÊN_BẢN] | check TỆP...\n"
	"  score --rubric MÃ TỆP_TRẢ_LỜI [--format text|json]\n"
	"  indicators list | show MÃ | check TỆP...   chỉ số thống kê\n"
	"Dữ liệu:\n"
	"  db migrate | status | check      nâng cấp / xem phiên bản lược đồ /\n"
	"                                   tìm dữ liệu sai quy tắc (mã đơn vị)\n"
	"  db copy|verify --from DB --to DB chép sang nơi trống / so\n"
	"  backup TỆP                       sao lưu trực tuyến và kiểm tra bản sao\n"
	"  demo                             tạo cơ sở dữ liệu mẫu (một tỉnh, ~150 trường)\n"
	"  serve [--port 8080] [--listen 127.0.0.1] [--connections 256] [--per-address 32]\n"
	"        [--request-timeout 20] [--trusted-proxy ADDR] [--secure]\n"
	"        [--session-idle PHÚT] [--session-max GIỜ] [--db-read URL]\n"
	"        [--job-workers N] [--job-threshold SỐ_ĐƠN_VỊ]\n"
	"                                   chạy giao diện web\n";

/* Two literals: one would pass the 4095 bytes C17 promises to support. */
static const char USAGE_REST[] =
	"Đơn vị và tài khoản:\n"
	"  org tree [MÃ] | search CHỮ\n"
	"  org add --code MÃ --name TÊN --kind LOẠI [--parent MÃ] [--levels TH,THCS]\n"
	"  org import TỆP.csv|xlsx [--dry-run]\n"
	"  org rename MÃ TÊN | move MÃ MÃ_CẤP_TRÊN | levels MÃ CẤP_HỌC\n"
	"  org close MÃ [YYYY-MM-DD] | reopen MÃ\n"
	"  user add --login TÊN --name HỌ_TÊN --unit MÃ --role VAI_TRÒ   (mật khẩu: stdin)\n"
	"  user reset-password TÊN          mã dùng một lần để đặt mật khẩu mới\n"
	"Đợt đánh giá và bản tự đánh giá:\n"
	"  campaign create --owner MÃ --rubric MÃ --year 2025-2026 --title TÊN\n"
	"                  --opens NGÀY --due NGÀY [--basis CĂN_CỨ] [--levels ...]\n"
	"  campaign list | status ID [--unit MÃ]\n"
	"  submission show|history ID MÃ_ĐƠN_VỊ\n"
	"  submission save ID MÃ_ĐƠN_VỊ TỆP.json | submit ID MÃ_ĐƠN_VỊ\n"
	"  submission return ID MÃ_ĐƠN_VỊ --reason TIÊU_CHÍ=LÝ_DO [--reason ...]\n"
	"  submission external ID MÃ_ĐƠN_VỊ TỆP.json | approve | publish ID MÃ_ĐƠN_VỊ\n"
	"  submission diff ID MÃ_ĐƠN_VỊ PHIÊN_BẢN_1 PHIÊN_BẢN_2\n"
	"Đợt thống kê (chỉ số thống kê, docs/indicator-format.md):\n"
	"  stats create --owner MÃ --rubric MÃ --indicators MÃ --period dau-nam\n"
	"               --year 2025-2026 --title TÊN --opens NGÀY --due NGÀY [--as-of NGÀY]\n"
	"  stats show|submit|approve ID MÃ_ĐƠN_VỊ | save ID MÃ_ĐƠN_VỊ TỆP.json\n"
	"  stats return ID MÃ_ĐƠN_VỊ --reason MÃ_CHỈ_SỐ=LÝ_DO [--reason ...]\n"
	"  stats table|targets ID [--unit MÃ] | office ID MÃ_CƠ_QUAN TỆP.json\n"
	"  evidence add ID MÃ_ĐƠN_VỊ TIÊU_CHÍ TỆP | list ID MÃ_ĐƠN_VỊ\n"
	"  signed put ID MÃ_ĐƠN_VỊ TỆP.pdf | show ID MÃ_ĐƠN_VỊ   (bản đã ký)\n"
	"  software set ID MÃ_ĐƠN_VỊ TỆP | list ID MÃ_ĐƠN_VỊ | summary ID [MÃ]\n"
	"  plan show ID MÃ_ĐƠN_VỊ | set ID MÃ_ĐƠN_VỊ [NỘI_DUNG[=GHI_CHÚ] ...]\n"
	"                                   kế hoạch cải thiện năm học sau\n"
	"  audit [--object ĐỐI_TƯỢNG] [--limit N]\n"
	"Báo cáo và xuất dữ liệu:\n"
	"  report list                      các loại báo cáo\n"
	"  report LOẠI --campaign ID [--unit MÃ] --format docx|pdf|xlsx|csv\n"
	"              -o TỆP [--submitted]\n"
	"  report LOẠI --campaign ID [--unit MÃ] --format ... --each -o THƯ_MỤC\n"
	"              [--jobs N]  báo cáo của từng trường dưới đơn vị, mỗi\n"
	"              trường một tệp (N luồng làm song song, mặc định 1)\n"
	"  report ket-qua --campaign ID [--unit MÃ] -o TỆP.xlsx\n"
	"              kết quả từng đơn vị, một dòng mỗi đơn vị (mọi cỡ)\n"
	"  report fields --campaign ID [--unit MÃ] [--all]   (--all: mọi mục)\n"
	"  report set --campaign ID [--unit MÃ] TÊN=GIÁ_TRỊ|TÊN=@TỆP ...\n"
	"\n"
	"  remind --campaign ID[,ID] [--unit MÃ] --smtp smtp://MÁY:CỔNG --from ĐỊA_CHỈ\n"
	"         [--from-name TÊN] [--url https://...] [--starttls]\n"
	"  version | help\n"
	"\n"
	"Mã thoát: 0 thành công; 2 dữ liệu vào không hợp lệ hoặc không được phép;\n"
	"1 lỗi khác. Cơ sở dữ liệu mặc định: $TRUONGSO_DB, rồi ./truongso.db.\n"
	"Chỉ demo, db migrate hoặc --create mới tạo cơ sở dữ liệu mới.\n"
	"Thư mục dữ liệu mặc định: $TRUONGSO_DATA, ./data, rồi thư mục cài đặt.\n";

static const struct {
	const char *name;
	int (*fn)(struct cli *, int, char **);
} COMMANDS[] = {
	{ "rubric", cmd_rubric },
	{ "score", cmd_score },
	{ "db", cmd_db },
	{ "backup", cmd_backup },
	{ "org", cmd_org },
	{ "user", cmd_user },
	{ "campaign", cmd_campaign },
	{ "submission", cmd_submission },
	{ "evidence", cmd_evidence },
	{ "audit", cmd_audit },
	{ "demo", cmd_demo },
	{ "serve", cmd_serve },
	{ "report", cmd_report },
	{ "indicators", cmd_indicators },
	{ "stats", cmd_stats },
	{ "remind", cmd_remind },
	{ "signed", cmd_signed },
	{ "software", cmd_software },
	{ "plan", cmd_plan },
};

/* The options before the command (--create, --data, --db, --as); returns
 * the index of the command. */
static int
global_options(int argc, char **argv, struct cli *c)
{
	int i = 1;
	while (i + 1 < argc && argv[i][0] == '-' && argv[i][1] == '-') {
		if (strcmp(argv[i], "--create") == 0) {
			c->create = true;
			i++;
			continue;
		}
		if (strcmp(argv[i], "--data") == 0)
			c->data_dir = argv[i + 1];
		else if (strcmp(argv[i], "--db") == 0)
			c->db_path = argv[i + 1];
		else if (strcmp(argv[i], "--as") == 0)
			c->as = argv[i + 1];
		else
			break;
		i += 2;
	}
	return i;
}

int
main(int argc, char **argv)
{
	struct cli c = { .data_dir = NULL, .db_path = NULL, .as = NULL };
	int i = global_options(argc, argv, &c);
	if (c.db_path == NULL)
		c.db_path = getenv("TRUONGSO_DB");
	if (c.db_path == NULL)
		c.db_path = "truongso.db";
	if (c.data_dir == NULL)
		c.data_dir = app_data_dir();
	if (i >= argc || strcmp(argv[i], "help") == 0 ||
	    strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
		FILE *to = i >= argc ? stderr : stdout;
		fputs(USAGE, to);
		fputs(USAGE_REST, to);
		return i >= argc ? EXIT_INPUT : EXIT_OK;
	}
	if (strcmp(argv[i], "version") == 0 ||
	    strcmp(argv[i], "--version") == 0) {
		printf("truongso %s\n", TS_VERSION);
		return EXIT_OK;
	}
	for (size_t k = 0; k < sizeof(COMMANDS) / sizeof(*COMMANDS); k++)
		if (strcmp(argv[i], COMMANDS[k].name) == 0)
			return COMMANDS[k].fn(&c, argc - i - 1, argv + i + 1);
	return cli_usage("không có lệnh \"%s\"", argv[i]);
}
