/* Shared by the cmd_stats*.c files only. */
#ifndef TS_CLI_STATS_H
#define TS_CLI_STATS_H

#include "../app/stats.h"
#include "cli.h"

/* truongso stats table ID [--unit MÃ] [--submitted] */
int stats_table_cmd(struct app *app, const struct actor *who, long long cid,
		    int argc, char **argv);
/* truongso stats targets ID [--unit MÃ] [--office TỆP.json] [--submitted] */
int stats_targets_cmd(struct cli *c, struct app *app, const struct actor *who,
		      long long cid, int argc, char **argv);
/* truongso stats typed MÃ NĂM_HỌC [TỆP] */
int stats_typed_cmd(struct app *app, const struct actor *who,
		    const char *data_dir, int argc, char **argv);

#endif
