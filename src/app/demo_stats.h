/* The demo's statistics campaigns (demo_stats.c). */
#ifndef TS_DEMO_STATS_H
#define TS_DEMO_STATS_H

#include "app.h"

/* Adds the statistics campaigns and their submissions to the demo
 * database demo_create has just built (its units and users). */
enum ts_err demo_stats_create(struct app *app, size_t *campaigns,
			      size_t *submissions,
			      struct diags *d) TS_MUSTCHECK;

#endif
