/*
 * Importing org units from the CSV or XLSX lists offices keep. The first
 * row names the columns (Vietnamese, any case or accents: "Mã đơn vị",
 * "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Cấp học"); extra columns
 * are ignored. Every row is checked first and every problem reported with
 * its line and column; nothing is imported until the whole file is clean.
 * A code that already exists updates that unit (rename, move, cấp học),
 * with history.
 *
 * Reading and checking take no transaction (read-only queries), so a dry
 * run never holds the write lock. The import then writes parents first in
 * short transactions of a few hundred rows, so schools' saves go on in
 * between. If a write fails half-way (a database error, or a concurrent
 * change the write re-checks), the batches before it stay, the failing
 * one is rolled back, r->written counts the rows committed and a problem
 * lists their lines; re-running the file finishes it (written rows are
 * then unchanged).
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
	size_t written;	   /* rows committed (all of them on success) */
	char ignored[256]; /* header names of ignored columns */
};

/* `name` is the file name messages show (NULL: the base name of path,
 * e.g. when path is an uploaded temp file). TS_EFORBIDDEN when a row
 * touches a unit outside the actor's scope (every problem is still
 * listed, nothing written), TS_EINVAL for a file with only other
 * problems. */
enum ts_err org_import(struct app *app, const struct actor *who,
		       const char *path, const char *name, bool dry_run,
		       struct import_result *r, struct diags *d) TS_MUSTCHECK;

#endif
