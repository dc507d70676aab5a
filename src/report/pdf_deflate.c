/*
 * The deflate level of the PDFs' streams. cairo 1.16 deflates every stream
 * it writes (page contents, font subsets) at zlib's default level, 6, and
 * has no setting for it; that was a quarter of the CPU time of a school's
 * report (issue 17 item 3, docs/performance.md). At level 1 the same
 * streams inflate to the same bytes (same text, same pages), the files
 * are about 7 % larger and a report takes about 13 % less CPU.
 *
 * cairo opens each stream with zlib.h's deflateInit, the function
 * deflateInit_ of libz. This definition in the executable comes first in
 * the dynamic linker's lookup, so cairo's calls land here: while this
 * thread writes a PDF (pdf_deflate_fast) a stream asking for the default
 * level gets level 1; every other call is zlib's own deflateInit_, which
 * is deflateInit2_ with these same defaults (zlib's deflate.c). Nobody
 * else in truongso calls deflateInit_ (web/gzip.c, libzip and
 * libxlsxwriter call deflateInit2_ with a level of their own).
 */
#include <stdbool.h>
#include <zlib.h>

#include "pdf_int.h"

#define PDF_DEFLATE_LEVEL 1

/* This thread is writing a PDF. */
static _Thread_local bool fast;

void
pdf_deflate_fast(bool on)
{
	fast = on;
}

int
deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	if (fast && level == Z_DEFAULT_COMPRESSION)
		level = PDF_DEFLATE_LEVEL;
	return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS,
			     MAX_MEM_LEVEL > 8 ? 8 : MAX_MEM_LEVEL,
			     Z_DEFAULT_STRATEGY, version, stream_size);
}
