/* Writers produce a whole file beside its destination and rename it into
 * place, so nobody ever opens half a document. A destination that is not a
 * regular file (/dev/null, /dev/stdout, a pipe) is never replaced: the
 * document is built in a private temp file and copied into it. A symlink to
 * a file keeps its link: the file it points to is replaced. */
#ifndef TS_REPORT_OUTFILE_H
#define TS_REPORT_OUTFILE_H

#include <stddef.h>

#include "../util/err.h"

struct rp_out {
	char tmp[4096];
	char real[4096];  /* the destination, symlinks resolved */
	const char *path; /* as the user named it, for messages */
	int stream; /* destination is a device or pipe: copy, don't rename */
};

/* Chooses the temp name "<path>.part-<pid>" (or a private temp file for a
 * device or pipe); refuses a directory. */
enum ts_err rp_out_begin(struct rp_out *o, const char *path, char *err,
			 size_t errlen);
/* fsyncs the temp file (not inside a batch, rp_out_batch), renames it
 * onto path. Removes it on failure. */
enum ts_err rp_out_commit(struct rp_out *o, char *err, size_t errlen);
/* From rp_out_batch(true) to rp_out_batch(false), files committed on this
 * thread are renamed into place without an fsync each (about 6 ms of
 * waiting per file on a busy disk): whoever runs the batch syncs once at
 * its end (rp_out_sync), or does not need the files to outlive a crash
 * (the scratch PDFs of a ZIP). Nobody still sees half a file. */
void rp_out_batch(int on);
/* Flushes the file system that holds dir to disk (syncfs): the files of
 * a batch written there are then as durable as after an fsync each. */
enum ts_err rp_out_sync(const char *dir, char *err, size_t errlen);
void rp_out_abort(struct rp_out *o);
/* Writes err (if any) as snprintf does. */
void rp_errf(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
