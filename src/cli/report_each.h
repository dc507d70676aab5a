/* report KIND --each -o DIR [--jobs N] (cmd_report_each.c): every
 * school's document under unit, one file each, in one process with N
 * worker threads (jobs NULL: one). */
#ifndef TS_CLI_REPORT_EACH_H
#define TS_CLI_REPORT_EACH_H

#include "../app/report.h"
#include "cli.h"

int report_each(struct cli *c, const struct report_kind_info *k, long long cid,
		const char *unit, enum rp_format f, const char *dir,
		const char *jobs);

#endif
