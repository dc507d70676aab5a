/* truongso remind --campaign ID[,ID...] [--unit MÃ] --smtp URL --from
 * ĐỊA_CHỈ [--from-name TÊN] [--url GỐC] [--starttls]: one reminder digest
 * per unit not yet submitted, per day (issue 17 item 7). The relay's
 * login comes from $TRUONGSO_SMTP_USER / $TRUONGSO_SMTP_PASSWORD, never
 * from the command line (other users can read it in ps). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/reminder.h"
#include "../core/contact.h"
#include "../util/arena.h"
#include "cli.h"
#include "opts.h"

#define USAGE                                                                  \
	"cách dùng: truongso remind --campaign ID[,ID...] [--unit MÃ] "     \
	"--smtp smtp://MÁY:CỔNG --from ĐỊA_CHỈ [--from-name TÊN] "    \
	"[--url https://...] [--starttls]"
#define MAX_CAMPAIGNS 16

/* "1,3" into ids; false when a part is not a positive number. */
static bool
campaign_list(const char *s, int64_t *ids, size_t *n)
{
	*n = 0;
	while (s && *s && *n < MAX_CAMPAIGNS) {
		char *end = NULL;
		long long v = strtoll(s, &end, 10);
		if (v <= 0 || end == s || (*end != ',' && *end != '\0'))
			return false;
		ids[(*n)++] = v;
		s = *end ? end + 1 : end;
	}
	return *n > 0 && (s == NULL || *s == '\0');
}

static void
print_report(const struct remind_report *r)
{
	printf("Đơn vị chưa nộp: %zu. Đã gửi %zu thư nhắc; %zu đơn vị đã được "
	       "nhắc hôm nay (không gửi lại); %zu thư không gửi được; %zu đơn "
	       "vị chưa có địa chỉ thư điện tử.\n",
	       r->units, r->sent, r->already, r->failed, r->nno_address);
	for (size_t i = 0; i < r->nno_address; i++)
		printf("Chưa có địa chỉ thư điện tử: %s\n", r->no_address[i]);
}

static int
run(struct app *app, const struct actor *who, struct remind_opts *o)
{
	struct arena *a = arena_new();
	struct remind_report r;
	struct diags d;
	if (a == NULL)
		return EXIT_FAIL;
	diags_init(&d);
	enum ts_err e = remind_run(app, who, o, a, &r, &d);
	if (e == TS_OK)
		print_report(&r);
	int rc = cli_fail(e, &d); /* prints each relay refusal, by unit */
	if (e == TS_OK && r.failed)
		rc = EXIT_FAIL;
	arena_free(a);
	return rc;
}

int
cmd_remind(struct cli *c, int argc, char **argv)
{
	const char *ids = NULL, *unit = NULL, *base = NULL;
	struct mail_relay relay = { 0 };
	bool starttls = false;
	const struct opt opts[] = {
		{ "campaign", &ids, NULL },
		{ "unit", &unit, NULL },
		{ "smtp", &relay.url, NULL },
		{ "from", &relay.from, NULL },
		{ "from-name", &relay.from_name, NULL },
		{ "url", &base, NULL },
		{ "starttls", NULL, &starttls },
		{ NULL, NULL, NULL },
	};
	int64_t list[MAX_CAMPAIGNS];
	size_t n = 0;
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	if (!campaign_list(ids, list, &n) || relay.url == NULL ||
	    relay.from == NULL)
		return cli_usage(USAGE);
	if (contact_email_problem(relay.from) != NULL)
		return cli_usage("--from: %s",
				 contact_email_problem(relay.from));
	relay.starttls = starttls;
	relay.user = getenv("TRUONGSO_SMTP_USER");
	relay.password = getenv("TRUONGSO_SMTP_PASSWORD");
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct remind_opts o = { list, n, unit, &relay, base };
	rc = run(&app, &who, &o);
	app_close(&app);
	return rc;
}
