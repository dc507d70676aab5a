/* truongso serve [--port N] [--listen ADDR] [--connections N]
 * [--per-address N] [--request-timeout S] [--trusted-proxy ADDR] [--secure]
 * [--session-idle MINUTES] [--session-max HOURS] [--db-read URL]
 * [--job-workers N] [--job-threshold UNITS] */
#include <stdio.h>
#include <stdlib.h>

#include "../app/app.h"
#include "../web/router.h"
#include "../web/server.h"
#include "cli.h"
#include "opts.h"

/* A whole number in [lo, hi], or -1. */
static long
bounded(const char *s, long lo, long hi)
{
	char *end = NULL;
	long v = strtol(s, &end, 10);
	return *s && *end == '\0' && v >= lo && v <= hi ? v : -1;
}

/* The replica and the export jobs' options, checked (cmd_serve's tail). */
static int
later_options(const struct cli *c, const char **db_read, const char *jw,
	      const char *jt, long *nw, long *nt)
{
	if (*db_read != NULL && **db_read == '\0')
		*db_read = NULL;
	if (*db_read != NULL &&
	    (!db_is_postgres(*db_read) || !db_is_postgres(c->db_path)))
		return cli_usage("--db-read (bản sao chỉ đọc) chỉ dùng khi "
				 "--db và --db-read đều là PostgreSQL");
	*nw = bounded(jw, 0, 8);
	*nt = bounded(jt, 0, 100000000);
	if (*nw < 0)
		return cli_usage("--job-workers phải từ 0 đến 8");
	if (*nt < 0)
		return cli_usage("--job-threshold phải là số đơn vị từ 0");
	return EXIT_OK;
}

int
cmd_serve(struct cli *c, int argc, char **argv)
{
	const char *port = "8080", *listen = "127.0.0.1", *conns = "256",
		   *per = "32", *timeout = "20", *proxy = NULL;
	const char *idle = "60", *max = "12", *jw = "1",
		   *db_read = getenv("TRUONGSO_DB_READ");
	/* The environment's default lets the e2e tests lower it. */
	const char *jt = getenv("TRUONGSO_JOB_THRESHOLD");
	if (jt == NULL || !*jt)
		jt = "2000";
	bool secure = false, routes = false;
	const struct opt opts[] = {
		{ "port", &port, NULL },
		{ "listen", &listen, NULL },
		{ "connections", &conns, NULL },
		{ "per-address", &per, NULL },
		{ "request-timeout", &timeout, NULL },
		{ "trusted-proxy", &proxy, NULL },
		{ "secure", NULL, &secure },
		{ "list-routes", NULL, &routes },
		{ "session-idle", &idle, NULL },
		{ "session-max", &max, NULL },
		{ "db-read", &db_read, NULL },
		{ "job-workers", &jw, NULL },
		{ "job-threshold", &jt, NULL },
		{ NULL, NULL, NULL },
	};
	int npos;
	if (opts_parse(argc, argv, opts, NULL, 0, &npos) != EXIT_OK)
		return EXIT_INPUT;
	if (routes) {
		router_print();
		return EXIT_OK;
	}
	long p = bounded(port, 0, 65535), n = bounded(conns, 1, 4096),
	     a = bounded(per, 1, 4096), t = bounded(timeout, 1, 3600);
	if (p < 0)
		return cli_usage("--port phải là số từ 0 đến 65535");
	if (n < 0)
		return cli_usage("--connections phải từ 1 đến 4096");
	if (a < 0)
		return cli_usage("--per-address phải từ 1 đến 4096");
	if (t < 0)
		return cli_usage("--request-timeout phải từ 1 đến 3600 giây");
	long im = bounded(idle, 3, 24 * 60), mh = bounded(max, 1, 24 * 30);
	if (im < 0)
		return cli_usage(
			"--session-idle phải là số phút từ 3 đến 1440");
	if (mh < 0 || mh * 60 < im)
		return cli_usage("--session-max phải là số giờ từ 1 đến 720, "
				 "không ngắn hơn --session-idle");
	long nw = 0, nt = 0;
	int bad = later_options(c, &db_read, jw, jt, &nw, &nt);
	if (bad != EXIT_OK)
		return bad;
	/* Opened once here so a missing database is refused (or created
	 * with --create) and migrated before any worker opens it. */
	struct app app;
	struct actor who;
	int rc = cli_open(c, &app, &who);
	if (rc != EXIT_OK)
		return rc;
	app_close(&app);
	struct server_opts o = { .db_path = c->db_path,
				 .data_dir = c->data_dir,
				 .listen = listen,
				 .port = (uint16_t)p,
				 .connections = (unsigned)n,
				 .per_address = (unsigned)a,
				 .request_timeout = (unsigned)t,
				 .trusted_proxy = proxy,
				 .secure_cookies = secure,
				 .session_idle = (int)im * 60,
				 .session_max = (int)mh * 3600,
				 .db_read = db_read,
				 .job_workers = (unsigned)nw,
				 .job_threshold = nt };
	struct diags d;
	diags_init(&d);
	rc = server_run(&o, &d);
	cli_print_diags(&d);
	diags_release(&d);
	return rc;
}
