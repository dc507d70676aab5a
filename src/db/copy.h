/*
 * Moving a whole database to another backend (`truongso db copy`: a Sở
 * that outgrew SQLite to PostgreSQL, or back), then checking the copy
 * row by row: per table the number of rows and a checksum over a
 * canonical text form of every row, so the same data on either backend
 * gives the same numbers. Evidence files are not in the database: they
 * stay in the evidence directory (docs/deploy.md).
 */
#ifndef TS_DB_COPY_H
#define TS_DB_COPY_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

struct arena;

struct copy_table {
	const char *name;
	int64_t rows_from, rows_to;
	uint64_t sum_from, sum_to;
};

struct copy_result {
	struct copy_table *tables;
	size_t n;
	int64_t rows; /* rows copied (or compared) in all */
	bool same;    /* every table has the same rows on both */
	int schema;   /* the schema version of both */
};

/* Copies every table of `from` into `to`, parents before children, in one
 * transaction on `to`, then verifies (below). Both must be at the same
 * schema version and `to` must hold no rows yet (TS_EINVAL, a message at
 * `to`'s name). The statements' text lives in `a`, which must outlive
 * both connections (their statement caches are keyed by the text). */
enum ts_err db_copy_run(struct db *from, struct db *to, struct arena *a,
			struct copy_result *r, struct diags *d) TS_MUSTCHECK;
/* Only the verification: counts and checksums of every table on both;
 * TS_OK with r->same false when they differ. */
enum ts_err db_copy_verify(struct db *from, struct db *to, struct arena *a,
			   struct copy_result *r, struct diags *d) TS_MUSTCHECK;

#endif
