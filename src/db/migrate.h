/* Numbered schema migrations, applied in order at start-up inside one
 * transaction each and recorded in schema_migration. */
#ifndef TS_MIGRATE_H
#define TS_MIGRATE_H

#include "db.h"

/* One file src/db/sql/NNNN_name.sql each, compiled in by
 * tools/sql2c.sh as a NULL-terminated list of lines. */
struct migration {
	int version;
	const char *name;
	const char *const *lines;
};

extern const struct migration MIGRATIONS[];
extern const size_t NMIGRATIONS;

/* All migrations known to this binary, ascending. */
const struct migration *migrations(size_t *n);
/* Highest applied version (0 for an empty database); -1 on error. */
int migrate_current(struct db *db);
/* Applies every pending migration, or only up to `target` if > 0.
 * Refuses a database newer than this binary. */
enum ts_err migrate_up(struct db *db, int target, struct diags *d) TS_MUSTCHECK;

#endif
