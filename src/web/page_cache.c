/* The process's cache of rendered pages (page_cache.h): a hash table of
 * entries on one least-recently-used list, under one mutex held only to
 * find, insert or drop an entry. */
#define _GNU_SOURCE /* memmem */
#include "page_cache.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define PC_BUCKETS 1024

struct pc_entry {
	struct pc_entry *next;		/* in its bucket */
	struct pc_entry *newer, *older; /* the LRU list */
	uint64_t hash;
	char *key; /* klen bytes */
	size_t klen;
	char *text; /* the page without the token, len bytes */
	size_t len;
	size_t *cut; /* where the token goes, ascending */
	size_t ncut;
	size_t bytes;	  /* what the entry holds, counted against PC_BYTES */
	int refs;	  /* the table's (while in it) and readers' */
	bool listed;	  /* in the table (its bytes counted) */
	struct pc_gz *gz; /* the pieces compressed, once asked for */
};

/* The page's pieces compressed on their own (raw deflate, each ended by
 * a sync flush: byte-aligned, not final, referring to nothing before it),
 * so a gzip stream is the pieces with the session's token between them
 * as stored blocks (pc_get_gz). */
struct pc_gz {
	unsigned char *data;
	size_t *end;	/* where piece i's compressed bytes end */
	uLong *crc;	/* CRC-32 of piece i */
	uLong *op;	/* crc32_combine_gen of piece i's length */
	size_t npieces; /* ncut + 1 */
	size_t bytes;
};

static pthread_mutex_t pc_m = PTHREAD_MUTEX_INITIALIZER;
static struct pc_entry *pc_bucket[PC_BUCKETS];
static struct pc_entry *pc_newest, *pc_oldest;
static size_t pc_total;
static uint64_t pc_hits, pc_puts;

void
pc_key_s(struct buf *k, const char *s)
{
	int64_t n = s ? (int64_t)strlen(s) : -1;
	buf_put(k, &n, sizeof(n));
	if (s != NULL)
		buf_put(k, s, (size_t)n);
}

void
pc_key_i(struct buf *k, int64_t v)
{
	buf_put(k, &v, sizeof(v));
}

static uint64_t
key_hash(const struct buf *key)
{
	/* Only spreads the buckets: keys are compared whole. */
	static const unsigned char salt[crypto_shorthash_KEYBYTES] = { 0 };
	unsigned char h[crypto_shorthash_BYTES];
	uint64_t v;
	crypto_shorthash(h, (const unsigned char *)key->p, key->len, salt);
	memcpy(&v, h, sizeof(v));
	return v;
}

static void
gz_free(struct pc_gz *g)
{
	if (g == NULL)
		return;
	free(g->data);
	free(g->end);
	free(g->crc);
	free(g->op);
	free(g);
}

static void
entry_free(struct pc_entry *e)
{
	if (e == NULL)
		return;
	gz_free(e->gz);
	free(e->key);
	free(e->text);
	free(e->cut);
	free(e);
}

/* Drops one reference; the last one frees (outside the lock is fine:
 * nobody else can reach an entry with no references). */
static void
entry_unref(struct pc_entry *e)
{
	pthread_mutex_lock(&pc_m);
	bool last = --e->refs == 0;
	pthread_mutex_unlock(&pc_m);
	if (last)
		entry_free(e);
}

static void
lru_unlink(struct pc_entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		pc_newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		pc_oldest = e->newer;
	e->newer = e->older = NULL;
}

static void
lru_push(struct pc_entry *e)
{
	e->older = pc_newest;
	e->newer = NULL;
	if (pc_newest)
		pc_newest->newer = e;
	pc_newest = e;
	if (pc_oldest == NULL)
		pc_oldest = e;
}

/* The entry under key in the table, or NULL; under the lock. */
static struct pc_entry *
find_locked(const struct buf *key, uint64_t h)
{
	for (struct pc_entry *e = pc_bucket[h % PC_BUCKETS]; e; e = e->next)
		if (e->hash == h && e->klen == key->len &&
		    memcmp(e->key, key->p, key->len) == 0)
			return e;
	return NULL;
}

/* Takes e out of the table; returns true when that was its last
 * reference (the caller frees it after unlocking). Under the lock. */
static bool
remove_locked(struct pc_entry *e)
{
	struct pc_entry **p = &pc_bucket[e->hash % PC_BUCKETS];
	while (*p != e)
		p = &(*p)->next;
	*p = e->next;
	e->next = NULL;
	lru_unlink(e);
	pc_total -= e->bytes;
	e->listed = false;
	return --e->refs == 0;
}

/* The entry under key with a reference for the caller, or NULL. */
static struct pc_entry *
acquire(const struct buf *key)
{
	if (key->err != TS_OK || key->len == 0)
		return NULL;
	uint64_t h = key_hash(key);
	pthread_mutex_lock(&pc_m);
	struct pc_entry *e = find_locked(key, h);
	if (e != NULL) {
		e->refs++;
		lru_unlink(e);
		lru_push(e);
		pc_hits++;
	}
	pthread_mutex_unlock(&pc_m);
	return e;
}

bool
pc_get(const struct buf *key, const char *csrf, struct buf *out)
{
	struct pc_entry *e = acquire(key);
	if (e == NULL)
		return false;
	size_t at = 0, tl = strlen(csrf);
	for (size_t i = 0; i < e->ncut; i++) {
		buf_put(out, e->text + at, e->cut[i] - at);
		buf_put(out, csrf, tl);
		at = e->cut[i];
	}
	buf_put(out, e->text + at, e->len - at);
	entry_unref(e);
	return true;
}

/* Piece i of the page, [*from, *to) of its text. */
static void
piece(const struct pc_entry *e, size_t i, size_t *from, size_t *to)
{
	*from = i == 0 ? 0 : e->cut[i - 1];
	*to = i < e->ncut ? e->cut[i] : e->len;
}

/* Compresses len bytes of text to out (room for cap); the bytes written,
 * or 0 if zlib fails or they do not fit. */
static size_t
gz_piece(unsigned char *out, size_t cap, const char *text, size_t len)
{
	z_stream z = { 0 };
	if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)(uintptr_t)text;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	bool ok = deflate(&z, Z_SYNC_FLUSH) == Z_OK && z.avail_in == 0 &&
		  z.avail_out > 0;
	size_t n = ok ? z.total_out : 0;
	deflateEnd(&z);
	return n;
}

static bool
gz_alloc(struct pc_gz *g, size_t n, size_t cap)
{
	g->npieces = n;
	g->data = malloc(cap);
	g->end = calloc(n, sizeof(*g->end));
	g->crc = calloc(n, sizeof(*g->crc));
	g->op = calloc(n, sizeof(*g->op));
	g->bytes = sizeof(*g) + cap + n * (sizeof(size_t) + 2 * sizeof(uLong));
	return g->data && g->end && g->crc && g->op;
}

/* The compressed pieces of e, or NULL. */
static struct pc_gz *
gz_make(const struct pc_entry *e)
{
	struct pc_gz *g = calloc(1, sizeof(*g));
	size_t n = e->ncut + 1, cap = 0, at = 0, from, to;
	for (size_t i = 0; i < n; i++) {
		piece(e, i, &from, &to);
		cap += compressBound((uLong)(to - from)) + 16;
	}
	bool ok = g != NULL && gz_alloc(g, n, cap);
	for (size_t i = 0; ok && i < n; i++) {
		piece(e, i, &from, &to);
		size_t w = gz_piece(g->data + at, cap - at, e->text + from,
				    to - from);
		ok = w > 0;
		at = g->end[i] = at + w;
		g->crc[i] = crc32(0L, (const unsigned char *)e->text + from,
				  (uInt)(to - from));
		g->op[i] = crc32_combine_gen((z_off_t)(to - from));
	}
	/* Kept at its size: about a seventh of the page's. */
	unsigned char *fit = ok ? realloc(g->data, at ? at : 1) : NULL;
	if (fit == NULL) {
		gz_free(g);
		return NULL;
	}
	g->data = fit;
	g->bytes -= cap - at;
	return g;
}

/* e's compressed pieces, made by the first request that wants them (two
 * at once: one's are kept, the other's dropped). */
static const struct pc_gz *
gz_of(struct pc_entry *e)
{
	pthread_mutex_lock(&pc_m);
	struct pc_gz *g = e->gz;
	pthread_mutex_unlock(&pc_m);
	if (g != NULL)
		return g;
	struct pc_gz *made = gz_make(e), *gone = NULL;
	if (made == NULL)
		return NULL;
	pthread_mutex_lock(&pc_m);
	if (e->gz == NULL) {
		e->gz = made;
		if (e->listed) {
			e->bytes += made->bytes;
			pc_total += made->bytes;
		}
	} else {
		gone = made;
	}
	g = e->gz;
	pthread_mutex_unlock(&pc_m);
	gz_free(gone);
	return g;
}

/* The little-endian 32 bits of v. */
static void
put_le32(struct buf *out, uLong v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			       (unsigned char)(v >> 16),
			       (unsigned char)(v >> 24) };
	buf_put(out, b, 4);
}

/* The token as a stored block (not final): at a byte boundary, a header
 * byte, LEN and its complement, the bytes. */
static void
stored_block(struct buf *out, const char *s, size_t n)
{
	unsigned char h[5] = { 0, (unsigned char)n, (unsigned char)(n >> 8),
			       (unsigned char)~n, (unsigned char)(~n >> 8) };
	buf_put(out, h, sizeof(h));
	buf_put(out, s, n);
}

static void
gz_write(struct buf *out, const struct pc_entry *e, const struct pc_gz *g,
	 const char *csrf)
{
	/* gzip's header as zlib writes it at level 6 (no name, no time). */
	static const unsigned char head[10] = { 0x1f, 0x8b, 8, 0, 0,
						0,    0,    0, 0, 3 };
	/* The last block: empty, stored, final. */
	static const unsigned char last[5] = { 1, 0, 0, 0xff, 0xff };
	size_t tl = strlen(csrf), at = 0;
	uLong tcrc = crc32(0L, (const unsigned char *)csrf, (uInt)tl);
	uLong top = crc32_combine_gen((z_off_t)tl), crc = g->crc[0];
	buf_put(out, head, sizeof(head));
	for (size_t i = 0; i < g->npieces; i++) {
		buf_put(out, g->data + at, g->end[i] - at);
		at = g->end[i];
		if (i + 1 == g->npieces)
			break;
		stored_block(out, csrf, tl);
		crc = crc32_combine_op(crc, tcrc, top);
		crc = crc32_combine_op(crc, g->crc[i + 1], g->op[i + 1]);
	}
	buf_put(out, last, sizeof(last));
	put_le32(out, crc);
	put_le32(out, (uLong)(e->len + e->ncut * tl));
}

bool
pc_get_gz(const struct buf *key, const char *csrf, struct buf *out)
{
	struct pc_entry *e = acquire(key);
	if (e == NULL)
		return false;
	const struct pc_gz *g = gz_of(e);
	if (g != NULL)
		gz_write(out, e, g, csrf);
	entry_unref(e);
	return g != NULL;
}

/* The page without the token, cut where it was; NULL if out of memory
 * (or there is no token to cut out). */
static struct pc_entry *
entry_make(const struct buf *key, const char *page, size_t len,
	   const char *csrf)
{
	size_t tl = strlen(csrf), n = 0;
	struct pc_entry *e = calloc(1, sizeof(*e));
	if (e == NULL || tl == 0)
		goto fail;
	for (const char *p = page;
	     (p = memmem(p, len - (size_t)(p - page), csrf, tl)) != NULL;
	     p += tl)
		n++;
	e->key = malloc(key->len);
	e->text = malloc(len - n * tl + 1);
	e->cut = calloc(n + 1, sizeof(*e->cut));
	if (e->key == NULL || e->text == NULL || e->cut == NULL)
		goto fail;
	memcpy(e->key, key->p, key->len);
	e->klen = key->len;
	for (const char *p = page, *q; p <= page + len; p = q + tl) {
		q = memmem(p, len - (size_t)(p - page), csrf, tl);
		size_t piece = (q ? q : page + len) - p;
		memcpy(e->text + e->len, p, piece);
		e->len += piece;
		if (q == NULL)
			break;
		e->cut[e->ncut++] = e->len;
	}
	e->bytes = sizeof(*e) + e->klen + e->len + (n + 1) * sizeof(*e->cut);
	e->refs = 1;
	return e;
fail:
	entry_free(e);
	return NULL;
}

/* Drops the oldest entries until `need` more bytes fit; those with no
 * reader left are chained on *gone for the caller to free. */
static void
evict_locked(size_t need, struct pc_entry **gone)
{
	while (pc_oldest != NULL && pc_total + need > PC_BYTES) {
		struct pc_entry *o = pc_oldest;
		if (remove_locked(o)) {
			o->next = *gone;
			*gone = o;
		}
	}
}

void
pc_put(const struct buf *key, const char *page, size_t len, const char *csrf)
{
	if (key->err != TS_OK || key->len == 0 || len > PC_ENTRY_MAX)
		return;
	struct pc_entry *e = entry_make(key, page, len, csrf), *gone = NULL;
	if (e == NULL)
		return;
	e->hash = key_hash(key);
	pthread_mutex_lock(&pc_m);
	/* Another request made the same page meanwhile: the same bytes. */
	struct pc_entry *old = find_locked(key, e->hash);
	if (old != NULL && remove_locked(old))
		gone = old;
	evict_locked(e->bytes, &gone);
	e->next = pc_bucket[e->hash % PC_BUCKETS];
	pc_bucket[e->hash % PC_BUCKETS] = e;
	lru_push(e);
	pc_total += e->bytes;
	e->listed = true;
	pc_puts++;
	pthread_mutex_unlock(&pc_m);
	while (gone != NULL) {
		struct pc_entry *n = gone->next;
		entry_free(gone);
		gone = n;
	}
}

void
pc_stats(uint64_t *hits, uint64_t *puts, size_t *bytes)
{
	pthread_mutex_lock(&pc_m);
	*hits = pc_hits;
	*puts = pc_puts;
	*bytes = pc_total;
	pthread_mutex_unlock(&pc_m);
}
