/* Data files a campaign is scored or counted with (rubrics, indicator
 * sets) are stored in the database once per id and version, with their
 * SHA-256, so old results never shift under a file edited in place. */
#ifndef TS_APP_STORED_FILE_H
#define TS_APP_STORED_FILE_H

#include <stddef.h>

#include "app.h"

enum stored_table {
	STORED_RUBRIC,
	STORED_INDICATOR_SET
};

/* Stores body under (id, version) in the table, inside the caller's
 * transaction; the same id and version with another body is refused
 * (TS_ECONFLICT, the message names path), a database failure is TS_EDB. */
enum ts_err stored_file_put(struct app *app, enum stored_table t,
			    const char *id, int version, const char *body,
			    size_t len, const char *path, struct diags *d);

#endif
