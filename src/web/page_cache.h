/*
 * Whole rendered pages kept per process, found by a key that holds every
 * input the page was made from (the caller writes them all into it: a
 * different input is a different key, so a page is never served stale and
 * nothing needs to be invalidated; an entry whose inputs changed is simply
 * never found again and ages out). The session's CSRF token is cut out
 * when a page is kept and the asking session's put back when it is sent,
 * so one user's sessions share an entry and no session's token is given
 * to another.
 *
 * Bounded: at most PC_BYTES of pages (keys included), the least recently
 * used dropped first; a page over PC_ENTRY_MAX is not kept. One mutex
 * guards the table for a lookup or an insert only: pages are rendered and
 * copied out with no lock held (entries are reference-counted).
 */
#ifndef TS_WEB_PAGE_CACHE_H
#define TS_WEB_PAGE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

#define PC_BYTES     ((size_t)24 << 20)
#define PC_ENTRY_MAX ((size_t)512 << 10)

/* The key: every input of the page, each written with its length so two
 * different lists of inputs never read as the same bytes. */
void pc_key_s(struct buf *k, const char *s); /* NULL differs from "" */
void pc_key_i(struct buf *k, int64_t v);

/* Appends the page kept under key to out with csrf where the keeping
 * session's token was; false (out untouched) when there is none. */
bool pc_get(const struct buf *key, const char *csrf, struct buf *out);
/* The same page as one gzip member (Content-Encoding: gzip): the page's
 * pieces are compressed once, the first time one is asked for, and the
 * token put between them uncompressed; false (out untouched) when there
 * is none or it could not be compressed. */
bool pc_get_gz(const struct buf *key, const char *csrf, struct buf *out);
/* Keeps page (len bytes, with the session's token csrf in it) under key. */
void pc_put(const struct buf *key, const char *page, size_t len,
	    const char *csrf);
/* Pages found and kept so far, and the bytes held now (tests). */
void pc_stats(uint64_t *hits, uint64_t *puts, size_t *bytes);

#endif
