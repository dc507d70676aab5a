/*
 * Importing org units from the CSV or XLSX lists offices keep. The first
 * row names the columns (Vietnamese, any case or accents: "Mã đơn vị",
 * "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Cấp học"); extra columns
 * are ignored. Every row is checked first and every problem reported with
 * its line and column; nothing is imported until the whole file is clean.
 * A code that already exists updates that unit (rename, move, cấp học),
 * with history.
 */
#ifndef TS_ORG_IMPORT_H
#define TS_ORG_IMPORT_H

#include <stdbool.h>

#include "app.h"

struct import_result {
	size_t rows;
	size_t added;
	size_t updated;
	size_t unchanged;
	char ignored[256]; /* header names of ignored columns */
};

/* `name` is the file name messages show (NULL: the base name of path,
 * e.g. when path is an uploaded temp file). */
enum ts_err org_import(struct app *app, const struct actor *who,
		       const char *path, const char *name, bool dry_run,
		       struct import_result *r, struct diags *d) TS_MUSTCHECK;

#endif
