/* Shared by the CLI command files (git builtin/ style: one file per
 * command, each a thin translation over app/ and core/). */
#ifndef TS_CLI_H
#define TS_CLI_H

#include <stdbool.h>

#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/err.h"

/* Exit statuses. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,
	EXIT_INPUT = 2
};

struct cli {
	const char *data_dir;
	const char *db_path; /* --db, default ./truongso.db */
	const char *as;	     /* --as LOGIN: act as that user */
	bool create;	     /* --create, or a command that makes a database */
};

struct app;
struct actor;

int cmd_rubric(struct cli *c, int argc, char **argv);
int cmd_score(struct cli *c, int argc, char **argv);
int cmd_db(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);
/* db copy (copy true) and db verify, cmd_db_copy.c. */
int cmd_db_copy(struct cli *c, bool copy, int argc, char **argv);
int cmd_org(struct cli *c, int argc, char **argv);
int cmd_user(struct cli *c, int argc, char **argv);
int cmd_campaign(struct cli *c, int argc, char **argv);
int cmd_submission(struct cli *c, int argc, char **argv);
int cmd_evidence(struct cli *c, int argc, char **argv);
int cmd_signed(struct cli *c, int argc, char **argv);
int cmd_software(struct cli *c, int argc, char **argv);
int cmd_plan(struct cli *c, int argc, char **argv);
int cmd_audit(struct cli *c, int argc, char **argv);
int cmd_demo(struct cli *c, int argc, char **argv);
int cmd_serve(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);
int cmd_indicators(struct cli *c, int argc, char **argv);
int cmd_stats(struct cli *c, int argc, char **argv);
int cmd_remind(struct cli *c, int argc, char **argv);

/* Opens the database (migrating it) and resolves the actor: --as LOGIN,
 * or the local operator. Problems go to stderr. */
int cli_open(struct cli *c, struct app *app, struct actor *who);
/* Prints problems and returns the exit status for e. */
int cli_fail(enum ts_err e, struct diags *d);
/* Parses a positive integer id; prints an error and returns 0 if bad. */
long long cli_id(const char *s, const char *what);

/* One operation of a subcommand on a campaign's unit ("plan set ID UNIT
 * ..."): argv[0] the operation, argv[1] the campaign's id. */
typedef enum ts_err (*cli_campaign_fn)(struct app *app, const struct actor *who,
				       long long cid, int argc, char **argv,
				       struct diags *d);
/* Parses argv[1] as the campaign's id, opens the database as the actor,
 * runs fn and reports its problems: the shape every such subcommand
 * shares, in one place. Returns the exit status. */
int cli_on_campaign(struct cli *c, int argc, char **argv, cli_campaign_fn fn);

struct rubric_set;
/* Loads every rubric of the data directory; problems go to stderr. */
int cli_load_rubrics(struct cli *c, struct rubric_set *set);
/* Prints every problem to stderr, one per line, then a count. */
void cli_print_diags(const struct diags *d);
/* Exit status for an error code. */
int cli_exit_for(enum ts_err e);
/* Writes the buffer to stdout; EXIT_FAIL if that fails. */
int cli_flush(struct buf *b);
/* org contact / user contact (cmd_contact.c). */
int contact_cmd(struct app *app, const struct actor *who, bool account,
		int argc, char **argv);
struct review_reason;
#define CLI_REASONS_MAX 64
/* The "--reason CODE=TEXT" pairs of a return (CODE named `code` in the
 * usage message, "*" for the whole submission), pointing into argv (each
 * "=" is cut) into r[CLI_REASONS_MAX]: EXIT_OK with *n of them, or the
 * usage error's status. */
int cli_reasons(int argc, char **argv, const char *code,
		struct review_reason *r, size_t *n);
/* Usage error: message on stderr, returns EXIT_INPUT. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
