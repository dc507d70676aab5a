/*
 * A one-sheet XLSX table written row by row in constant memory
 * (libxlsxwriter's constant_memory mode flushes each row as the next one
 * starts), for exports of any size: one header row (bold, frozen,
 * repeated on print), then data rows of text and numbers. No merged
 * cells, so no row is kept. Written to a temp file renamed into place
 * (outfile.h) by rp_xstream_close.
 */
#ifndef TS_REPORT_XSTREAM_H
#define TS_REPORT_XSTREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/err.h"

struct rp_xstream;

struct rp_xcol {
	const char *head; /* header text */
	double width;	  /* Excel character units */
};

/* NULL with err set when the file cannot be started. */
struct rp_xstream *rp_xstream_open(const char *path, const char *sheet,
				   const struct rp_xcol *cols, size_t ncols,
				   char *err, size_t errlen);
/* Cells of the current row, any column order, each at most once. */
void rp_xstream_text(struct rp_xstream *x, size_t col, const char *s);
void rp_xstream_num(struct rp_xstream *x, size_t col, double v);
/* Ends the current row. */
void rp_xstream_next(struct rp_xstream *x);
/* Finishes the file and renames it into place; frees x. */
enum ts_err rp_xstream_close(struct rp_xstream *x, char *err, size_t errlen);
/* Drops the file; frees x. NULL is fine. */
void rp_xstream_abort(struct rp_xstream *x);

#endif
