#include "opts.h"

#include <string.h>

#include "cli.h"

static const struct opt *
find(const struct opt *opts, const char *name)
{
	for (; opts->name != NULL; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts;
	return NULL;
}

/* Option o, named by argv[*i] (its value, if it takes one, is the next
 * argument). */
static int
take_option(const struct opt *o, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	if (o == NULL)
		return cli_usage("không có tùy chọn \"%s\"", a);
	if (o->flag != NULL)
		*o->flag = true;
	else if (*i + 1 < argc)
		*o->value = argv[++*i];
	else
		return cli_usage("tùy chọn \"%s\" cần một giá trị", a);
	return EXIT_OK;
}

int
opts_parse(int argc, char **argv, const struct opt *opts, const char **pos,
	   int max, int *npos)
{
	*npos = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		/* "-o" is the one-letter form of an option named "o". */
		bool letter = a[0] == '-' && a[1] != '-' && a[1] != '\0' &&
			      a[2] == '\0';
		if (!letter && (a[0] != '-' || a[1] != '-' || a[2] == '\0')) {
			if (*npos >= max)
				return cli_usage("thừa tham số \"%s\"", a);
			pos[(*npos)++] = a;
			continue;
		}
		int rc = take_option(find(opts, a + (letter ? 1 : 2)), argc,
				     argv, &i);
		if (rc != EXIT_OK)
			return rc;
	}
	return EXIT_OK;
}
