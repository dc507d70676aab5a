/* Minimal "--name value" / "--flag" option parsing for the commands. */
#ifndef TS_OPTS_H
#define TS_OPTS_H

#include <stdbool.h>

struct opt {
	const char *name;   /* "unit" for --unit */
	const char **value; /* NULL for a flag */
	bool *flag;
};

/* Fills options and up to max positional arguments (*npos of them).
 * Returns 0, or prints a usage error and returns EXIT_INPUT. */
int opts_parse(int argc, char **argv, const struct opt *opts, const char **pos,
	       int max, int *npos);

#endif
