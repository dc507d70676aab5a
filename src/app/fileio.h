/* Reading whole input files with a size cap, with Vietnamese messages. */
#ifndef TS_FILEIO_H
#define TS_FILEIO_H

#include <stddef.h>

#include "../util/diag.h"
#include "../util/err.h"

#define INPUT_FILE_LIMIT ((size_t)4 << 20)

/* Reads path ("-" for stdin) into a malloc'd NUL-terminated buffer. Files
 * over `limit` bytes are refused without being read whole. */
enum ts_err file_read_all(const char *path, size_t limit, char **out,
			  size_t *len, struct diags *d) TS_MUSTCHECK;

#endif
