/* truongso audit [--object X] [--limit N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/audit_query.h"
#include "../util/arena.h"
#include "cli.h"
#include "opts.h"

int
cmd_audit(struct cli *c, int argc, char **argv)
{
	const char *object = NULL, *action = NULL, *actor = NULL, *limit = "50";
	const struct opt opts[] = {
		{ "object", &object, NULL }, { "action", &action, NULL },
		{ "actor", &actor, NULL },   { "limit", &limit, NULL },
		{ NULL, NULL, NULL },
	};
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	long long n = cli_id(limit, "--limit");
	if (n == 0)
		return EXIT_INPUT;
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	struct arena *a = arena_new();
	struct audit_entry *v = NULL;
	size_t cnt = 0;
	struct diags d;
	diags_init(&d);
	struct audit_filter f = { .object = object,
				  .action = action,
				  .actor = actor,
				  .limit = (size_t)n };
	enum ts_err e = a ? audit_list(&app, &who, &f, a, &v, &cnt, &d)
			  : TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < cnt; i++)
		printf("%s  %-12s %-26s %s%s%s\n", v[i].at, v[i].actor,
		       v[i].action, v[i].object, v[i].detail ? "  " : "",
		       v[i].detail ? v[i].detail : "");
	arena_free(a);
	app_close(&app);
	return cli_fail(e, &d);
}
