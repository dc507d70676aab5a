/* truongso org contact MÃ / user contact TÊN [--phone SỐ] [--email ĐỊA_CHỈ]:
 * contact details (issue 17 item 7); "" removes one. */
#include <stdio.h>

#include "../app/contact.h"
#include "cli.h"
#include "opts.h"

int
contact_cmd(struct app *app, const struct actor *who, bool account, int argc,
	    char **argv)
{
	struct contact c = { 0 };
	const struct opt opts[] = {
		{ "phone", &c.phone, NULL },
		{ "email", &c.email, NULL },
		{ NULL, NULL, NULL },
	};
	const char *pos[1];
	int npos;
	if (opts_parse(argc, argv, opts, pos, 1, &npos) != EXIT_OK)
		return EXIT_INPUT;
	if (npos != 1 || (c.phone == NULL && c.email == NULL))
		return cli_usage(
			"cách dùng: truongso %s contact %s [--phone SỐ] "
			"[--email ĐỊA_CHỈ] (\"\" để xóa)",
			account ? "user" : "org",
			account ? "TÊN_ĐĂNG_NHẬP" : "MÃ_ĐƠN_VỊ");
	struct diags d;
	diags_init(&d);
	enum ts_err e = account ? user_set_contact(app, who, pos[0], &c, &d)
				: org_set_contact(app, who, pos[0], &c, &d);
	if (e == TS_OK)
		printf("Đã ghi liên hệ của %s.\n", pos[0]);
	return cli_fail(e, &d);
}
