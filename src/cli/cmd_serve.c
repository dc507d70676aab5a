/* truongso serve [--port N] [--listen ADDR] [--connections N] [--secure] */
#include <stdio.h>
#include <stdlib.h>

#include "../app/app.h"
#include "../web/router.h"
#include "../web/server.h"
#include "cli.h"
#include "opts.h"

int
cmd_serve(struct cli *c, int argc, char **argv)
{
	const char *port = "8080", *listen = "127.0.0.1", *conns = "32";
	bool secure = false, routes = false;
	const struct opt opts[] = {
		{ "port", &port, NULL },	   { "listen", &listen, NULL },
		{ "connections", &conns, NULL }, { "secure", NULL, &secure },
		{ "list-routes", NULL, &routes },
		{ NULL, NULL, NULL },
	};
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	if (routes) {
		router_print();
		return EXIT_OK;
	}
	char *end = NULL;
	long p = strtol(port, &end, 10), n = strtol(conns, NULL, 10);
	if (*end != '\0' || p < 0 || p > 65535)
		return cli_usage("--port phải là số từ 0 đến 65535");
	if (n < 1 || n > 1024)
		return cli_usage("--connections phải từ 1 đến 1024");
	/* Opened once here so a missing database is refused (or created
	 * with --create) and migrated before any worker opens it. */
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	app_close(&app);
	struct server_opts o = { .db_path = c->db_path, .data_dir = c->data_dir,
				 .listen = listen, .port = (uint16_t)p,
				 .connections = (unsigned)n,
				 .secure_cookies = secure };
	struct diags d;
	diags_init(&d);
	rc = server_run(&o, &d);
	cli_print_diags(&d);
	diags_release(&d);
	return rc;
}
