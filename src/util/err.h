/*
 * Error codes shared by every layer. Fallible functions return enum ts_err
 * and give results through out-parameters; human-readable detail goes into
 * a struct diags (see diag.h).
 */
#ifndef TS_ERR_H
#define TS_ERR_H

enum ts_err {
	TS_OK = 0,
	TS_ENOMEM,
	TS_EINVAL, /* invalid input, named in the diags */
	TS_ENOTFOUND,
	TS_ECONFLICT, /* stored data conflicts: already exists (UNIQUE or
		       * PRIMARY KEY), a newer schema, a changed rubric */
	TS_ESTALE,    /* lost a race: the row changed meanwhile (its revision
		       * or state moved since it was read); reload, retry */
	TS_EFORBIDDEN,
	TS_ELIMIT, /* a size cap: input, file, buffer (HTTP 413) */
	TS_ERATE,  /* too many attempts; try again later (HTTP 429) */
	TS_EDB,
	TS_EIO,
	TS_ERETRY,    /* transient: the database gave up this transaction
			* (PostgreSQL serialization failure 40001 or
			* deadlock 40P01); the write door runs the whole
			* transaction again, callers never do (db.h) */
	TS_ECANCELED, /* abandoned: nobody waits for the result any more
		       * (util/cancel.h) */
};

#define TS_MUSTCHECK __attribute__((warn_unused_result))

const char *ts_err_name(enum ts_err e);

#define TS_ERRNO_TEXT_SIZE 64

/* Vietnamese reason for a system error number (errno), for every message
 * a user reads about a file; callers keep the path beside it. Unknown
 * numbers are written into buf as "lỗi hệ thống (errno N)". */
const char *ts_errno_text(int errnum, char buf[TS_ERRNO_TEXT_SIZE]);

#endif
