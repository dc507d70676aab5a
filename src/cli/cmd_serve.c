/* truongso serve [--port N] [--listen ADDR] [--connections N] [--secure]
 * [--session-idle MINUTES] [--session-max HOURS] */
#include <stdio.h>
#include <stdlib.h>

#include "../web/router.h"
#include "../web/server.h"
#include "cli.h"
#include "opts.h"

int
cmd_serve(struct cli *c, int argc, char **argv)
{
	const char *port = "8080", *listen = "127.0.0.1", *conns = "32";
	const char *idle = "60", *max = "12";
	bool secure = false, routes = false;
	const struct opt opts[] = {
		{ "port", &port, NULL },	   { "listen", &listen, NULL },
		{ "connections", &conns, NULL }, { "secure", NULL, &secure },
		{ "list-routes", NULL, &routes },
		{ "session-idle", &idle, NULL }, { "session-max", &max, NULL },
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
	long im = strtol(idle, &end, 10);
	if (*end != '\0' || im < 3 || im > 24 * 60)
		return cli_usage("--session-idle phải là số phút từ 3 đến 1440");
	long mh = strtol(max, &end, 10);
	if (*end != '\0' || mh < 1 || mh > 24 * 30 || mh * 60 < im)
		return cli_usage("--session-max phải là số giờ từ 1 đến 720, "
				 "không ngắn hơn --session-idle");
	struct server_opts o = { .db_path = c->db_path, .data_dir = c->data_dir,
				 .listen = listen, .port = (uint16_t)p,
				 .connections = (unsigned)n,
				 .secure_cookies = secure,
				 .session_idle = (int)im * 60,
				 .session_max = (int)mh * 3600 };
	struct diags d;
	diags_init(&d);
	int rc = server_run(&o, &d);
	cli_print_diags(&d);
	diags_release(&d);
	return rc;
}
