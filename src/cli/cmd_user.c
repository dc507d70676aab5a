/* truongso user add|disable|enable|set|reset-password (a new password is
 * read from standard input) */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../app/user.h"
#include "../util/timeutil.h"
#include "cli.h"
#include "opts.h"

#define USAGE                                                                  \
	"cách dùng: truongso user add --login TÊN --name HỌ_TÊN "        \
	"--unit MÃ --role VAI_TRÒ | user disable|enable TÊN | "             \
	"user set TÊN [--role VAI_TRÒ] [--unit MÃ] | "                      \
	"user reset-password TÊN | user contact TÊN [--phone SỐ] "         \
	"[--email ĐỊA_CHỈ]"

/* One line from stdin, without its newline; NULL if none. */
static char *
read_password(char *buf, size_t n)
{
	if (fgets(buf, (int)n, stdin) == NULL)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf;
}

static int
user_add_cmd(struct app *app, const struct actor *who, int argc, char **argv)
{
	const char *login = NULL, *name = NULL, *unit = NULL, *role = NULL;
	const struct opt opts[] = {
		{ "login", &login, NULL }, { "name", &name, NULL },
		{ "unit", &unit, NULL },   { "role", &role, NULL },
		{ NULL, NULL, NULL },
	};
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	struct user_new u = { .login = login,
			      .full_name = name,
			      .unit_code = unit };
	if (role == NULL || !role_parse(role, &u.role))
		return cli_usage("--role phải là school_editor, school_head, "
				 "reviewer, admin hoặc observer");
	char pw[256];
	u.password = read_password(pw, sizeof(pw));
	if (u.password == NULL)
		return cli_usage("nhập mật khẩu (một dòng) qua đầu vào chuẩn");
	struct diags d;
	diags_init(&d);
	enum ts_err e = user_add(app, who, &u, &d);
	sodium_memzero(pw, sizeof(pw));
	if (e == TS_OK)
		printf("Đã tạo tài khoản %s (%s) tại đơn vị %s.\n", login,
		       role_name(u.role), unit);
	return cli_fail(e, &d);
}

static int
user_change_cmd(struct app *app, const struct actor *who, const char *verb,
		int argc, char **argv)
{
	struct user_change c = { .disabled = -1 };
	const struct opt opts[] = {
		{ "role", &c.role, NULL },
		{ "unit", &c.unit_code, NULL },
		{ NULL, NULL, NULL },
	};
	const char *pos[1];
	int npos;
	if (opts_parse(argc, argv, opts, pos, 1, &npos) != EXIT_OK)
		return EXIT_INPUT;
	if (npos != 1)
		return cli_usage(USAGE);
	c.login = pos[0];
	if (strcmp(verb, "disable") == 0 || strcmp(verb, "enable") == 0)
		c.disabled = verb[0] == 'd';
	struct diags d;
	diags_init(&d);
	enum ts_err e = user_update(app, who, &c, &d);
	if (e == TS_OK)
		printf("Đã %s tài khoản %s.\n",
		       c.disabled == 1	 ? "khóa"
		       : c.disabled == 0 ? "mở khóa"
					 : "cập nhật",
		       c.login);
	return cli_fail(e, &d);
}

/* Prints the one-time code: the only time anyone sees it. */
static int
user_reset_cmd(struct app *app, const struct actor *who, int argc, char **argv)
{
	char code[RESET_CODE_SIZE], iso[TS_TIME_SIZE], when[TS_TIME_SIZE];
	int64_t expires;
	if (argc != 1)
		return cli_usage(USAGE);
	struct diags d;
	diags_init(&d);
	enum ts_err e = user_reset_start(app, who, argv[0], code, &expires, &d);
	if (e == TS_OK)
		printf("Mã đặt lại mật khẩu của %s: %s\nMã dùng một lần, hết hạn "
		       "lúc %s (giờ Việt Nam). Người dùng mở trang /reset, nhập "
		       "tên đăng nhập, mã này và mật khẩu mới.\n",
		       argv[0], code,
		       ts_time_vn_text(ts_time_format(expires, iso), when));
	sodium_memzero(code, sizeof(code));
	return cli_fail(e, &d);
}

int
cmd_user(struct cli *c, int argc, char **argv)
{
	static const char *const verbs[] = {
		"add", "disable", "enable", "set", "reset-password", "contact"
	};
	size_t v = 0;
	while (argc >= 1 && v < 6 && strcmp(argv[0], verbs[v]) != 0)
		v++;
	if (argc < 1 || v == 6)
		return cli_usage(USAGE);
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	rc = v == 0   ? user_add_cmd(&app, &who, argc - 1, argv + 1)
	     : v == 4 ? user_reset_cmd(&app, &who, argc - 1, argv + 1)
	     : v == 5
		     ? contact_cmd(&app, &who, true, argc - 1, argv + 1)
		     : user_change_cmd(&app, &who, argv[0], argc - 1, argv + 1);
	app_close(&app);
	return rc;
}
