/* truongso evidence add CAMPAIGN UNIT CRITERION FILE */
#include <stdio.h>
#include <string.h>

#include "../app/evidence.h"
#include "cli.h"

int
cmd_evidence(struct cli *c, int argc, char **argv)
{
	if (argc != 5 || strcmp(argv[0], "add") != 0)
		return cli_usage("cách dùng: truongso evidence add ID MÃ_ĐƠN_VỊ "
				 "TIÊU_CHÍ TỆP");
	long long cid = cli_id(argv[1], "số đợt đánh giá");
	if (cid == 0)
		return EXIT_INPUT;
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct evidence_added ev;
	struct diags d;
	diags_init(&d);
	enum ts_err e = evidence_add(&app, &who, cid, argv[2], argv[3], argv[4],
				     &ev, &d);
	if (e == TS_OK)
		printf("Đã gắn minh chứng %s (%s, %zu byte) vào tiêu chí %s%s.\n"
		       "SHA-256: %s\n", argv[4], ev.mime, ev.size, argv[3],
		       ev.reused ? "; tệp này đơn vị đã có, không lưu lại" : "",
		       ev.sha256);
	app_close(&app);
	return cli_fail(e, &d);
}
