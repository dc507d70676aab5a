#include "tmpfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
ts_mkstemp(char *out, size_t size, const char *what)
{
	const char *dir = getenv("TMPDIR");
	if (dir == NULL || dir[0] == '\0')
		dir = "/tmp";
	int n = snprintf(out, size, "%s/truongso-%s-XXXXXX", dir, what);
	if (n < 0 || (size_t)n >= size)
		return -1;
	return mkstemp(out);
}
