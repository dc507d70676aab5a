/* truongso: command-line entry point. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../app/rubric_set.h"
#include "cli.h"

#ifndef TS_VERSION
#define TS_VERSION "0.1.0"
#endif

static const char USAGE[] =
	"truongso — tự đánh giá, duyệt và báo cáo chuyển đổi số ngành giáo dục\n"
	"\n"
	"Cách dùng: truongso [--data THƯ_MỤC] LỆNH ...\n"
	"\n"
	"Lệnh:\n"
	"  rubric list                       liệt kê các bộ chỉ số có sẵn\n"
	"  rubric show MÃ[@PHIÊN_BẢN]        xem bảng tiêu chí và điểm tối đa\n"
	"  rubric check TỆP...               kiểm tra tệp bộ chỉ số (JSON)\n"
	"  score --rubric MÃ TỆP_TRẢ_LỜI [--format text|json]\n"
	"                                    chấm điểm một bản tự đánh giá\n"
	"  version                           in phiên bản\n"
	"  help                              in hướng dẫn này\n"
	"\n"
	"Mã thoát: 0 thành công; 2 dữ liệu vào không hợp lệ; 1 lỗi khác.\n"
	"Thư mục dữ liệu mặc định: $TRUONGSO_DATA, ./data, rồi thư mục cài đặt.\n";

void
cli_print_diags(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "%s: %s\n", d->v[i].where, d->v[i].msg);
	if (d->dropped > 0)
		fprintf(stderr, "... và %zu lỗi khác.\n", d->dropped);
	if (diags_count(d) > 1)
		fprintf(stderr, "Tổng cộng %zu lỗi.\n", diags_count(d));
}

int
cli_load_rubrics(struct cli *c, struct rubric_set *set)
{
	struct diags d;
	diags_init(&d);
	struct buf dir;
	buf_init(&dir, 4096);
	buf_printf(&dir, "%s/rubrics", c->data_dir);
	enum ts_err e = rubric_set_load(buf_str(&dir), set, &d);
	buf_release(&dir);
	cli_print_diags(&d);
	diags_release(&d);
	return cli_exit_for(e);
}

int
cli_exit_for(enum ts_err e)
{
	switch (e) {
	case TS_OK:
		return EXIT_OK;
	case TS_EINVAL:
	case TS_ENOTFOUND:
	case TS_ELIMIT:
		return EXIT_INPUT;
	default:
		return EXIT_FAIL;
	}
}

int
cli_flush(struct buf *b)
{
	if (b->err != TS_OK) {
		fprintf(stderr, "truongso: %s\n", ts_err_name(b->err));
		return EXIT_FAIL;
	}
	if (fwrite(buf_str(b), 1, b->len, stdout) != b->len ||
	    fflush(stdout) != 0) {
		perror("truongso: stdout");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int
cli_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("truongso: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\nXem: truongso help\n", stderr);
	va_end(ap);
	return EXIT_INPUT;
}

static const struct {
	const char *name;
	int (*fn)(struct cli *, int, char **);
} COMMANDS[] = {
	{ "rubric", cmd_rubric },
	{ "score", cmd_score },
};

int
main(int argc, char **argv)
{
	struct cli c = { .data_dir = NULL };
	int i = 1;
	if (i + 1 < argc && strcmp(argv[i], "--data") == 0) {
		c.data_dir = argv[i + 1];
		i += 2;
	}
	if (c.data_dir == NULL)
		c.data_dir = app_data_dir();
	if (i >= argc || strcmp(argv[i], "help") == 0 ||
	    strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
		fputs(USAGE, i >= argc ? stderr : stdout);
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
