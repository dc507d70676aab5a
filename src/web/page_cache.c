/* The process's cache of rendered pages (page_cache.h): a hash table of
 * entries on one least-recently-used list, under one mutex held only to
 * find, insert or drop an entry. */
#define _GNU_SOURCE /* memmem */
#include "page_cache.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

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
	size_t bytes; /* what the entry holds, counted against PC_BYTES */
	int refs;     /* the table's (while in it) and readers' */
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
entry_free(struct pc_entry *e)
{
	if (e == NULL)
		return;
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
	return --e->refs == 0;
}

bool
pc_get(const struct buf *key, const char *csrf, struct buf *out)
{
	if (key->err != TS_OK || key->len == 0)
		return false;
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
	pc_puts++;
	pthread_mutex_unlock(&pc_m);
	while (gone != NULL) {
		struct pc_entry *n = gone->next;
		entry_free(gone);
		gone = n;
	}
}

void
pc_stats(uint64_t *hits, uint64_t *puts)
{
	pthread_mutex_lock(&pc_m);
	*hits = pc_hits;
	*puts = pc_puts;
	pthread_mutex_unlock(&pc_m);
}
