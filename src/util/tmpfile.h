/* Private temporary files under $TMPDIR (else /tmp), so a server or a test
 * can keep them on its own disk or directory. */
#ifndef TS_TMPFILE_H
#define TS_TMPFILE_H

#include <stddef.h>

/* Creates "<dir>/truongso-<what>-XXXXXX" with mkstemp; the path goes to
 * out (size bytes). Returns the open descriptor, or -1. */
int ts_mkstemp(char *out, size_t size, const char *what);

#endif
