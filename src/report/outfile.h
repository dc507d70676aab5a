/* Writers produce a whole file beside its destination and rename it into
 * place, so nobody ever opens half a document. */
#ifndef TS_REPORT_OUTFILE_H
#define TS_REPORT_OUTFILE_H

#include <stddef.h>

#include "../util/err.h"

struct rp_out {
	char tmp[4096];
	const char *path;
};

/* Chooses the temp name "<path>.part-<pid>". */
enum ts_err rp_out_begin(struct rp_out *o, const char *path, char *err,
	size_t errlen);
/* fsyncs the temp file, renames it onto path. Removes it on failure. */
enum ts_err rp_out_commit(struct rp_out *o, char *err, size_t errlen);
void rp_out_abort(struct rp_out *o);
/* Writes err (if any) as snprintf does. */
void rp_errf(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
