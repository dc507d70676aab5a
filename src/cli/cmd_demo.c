/* truongso demo: a realistic demo database (see src/app/demo.c). */
#include <stdio.h>

#include "../app/demo.h"
#include "cli.h"

int
cmd_demo(struct cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc != 0)
		return cli_usage("cách dùng: truongso [--db TỆP] demo");
	struct app app;
	struct actor who;
	c->create = true;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct demo_result r;
	struct diags d;
	diags_init(&d);
	enum ts_err e = demo_create(&app, &r, &d);
	if (e == TS_OK)
		printf("Đã tạo dữ liệu mẫu trong %s: %zu đơn vị (%zu trường), %zu "
		       "tài khoản, %zu đợt đánh giá, %zu bản tự đánh giá.\n"
		       "Mật khẩu của mọi tài khoản mẫu: %s\n",
		       c->db_path, r.units, r.schools, r.users, r.campaigns,
		       r.submissions, DEMO_PASSWORD);
	app_close(&app);
	return cli_fail(e, &d);
}
