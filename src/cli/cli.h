/* Shared by the CLI command files (git builtin/ style: one file per
 * command, each a thin translation over app/ and core/). */
#ifndef TS_CLI_H
#define TS_CLI_H

#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/err.h"

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_INPUT = 2 };

struct cli {
	const char *data_dir;
};

int cmd_rubric(struct cli *c, int argc, char **argv);
int cmd_score(struct cli *c, int argc, char **argv);

struct rubric_set;
/* Loads every rubric of the data directory; problems go to stderr. */
int cli_load_rubrics(struct cli *c, struct rubric_set *set);
/* Prints every problem to stderr, one per line, then a count. */
void cli_print_diags(const struct diags *d);
/* Exit status for an error code. */
int cli_exit_for(enum ts_err e);
/* Writes the buffer to stdout; EXIT_FAIL if that fails. */
int cli_flush(struct buf *b);
/* Usage error: message on stderr, returns EXIT_INPUT. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
