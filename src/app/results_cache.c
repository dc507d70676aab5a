/* The process's cache of dashboard counts: a few slots under one mutex,
 * the least recently used one replaced. Entries are byte copies. */
#include "results_cache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "org.h"

#define RC_SLOTS    64
#define RC_MAX_SIZE ((size_t)1 << 20)

struct rc_slot {
	char key[600]; /* database, campaign, root, kind */
	int64_t gen;
	void *data;
	size_t size;
	uint64_t used; /* tick of the last use; 0: empty */
};

static pthread_mutex_t rc_m = PTHREAD_MUTEX_INITIALIZER;
static struct rc_slot rc[RC_SLOTS];
static uint64_t rc_tick;

static const char SQL_GEN[] =
	"SELECT gen FROM campaign_results WHERE campaign_id = ?";
static const char SQL_BUMP[] =
	"INSERT INTO campaign_results(campaign_id, gen) VALUES (?, 1) ON "
	"CONFLICT (campaign_id) DO UPDATE SET gen = campaign_results.gen + 1";

enum ts_err
results_gen(struct app *app, int64_t campaign, int64_t *gen)
{
	struct db_stmt *st = db_prep(app->db, SQL_GEN);
	*gen = 0;
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, campaign);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		*gen = db_col_int(st, 0);
	db_done(st);
	return r == DB_ERROR ? TS_EDB : TS_OK;
}

enum ts_err
results_gen_bump(struct app *app, int64_t campaign)
{
	struct db_stmt *st = db_prep(app->db, SQL_BUMP);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, campaign);
	return db_exec_stmt(st);
}

static const char SQL_LOG[] =
	"INSERT INTO results_change(campaign_id, gen, path) SELECT ?1, "
	"r.gen, cu.path FROM campaign_results r JOIN campaign_unit cu ON "
	"cu.campaign_id = r.campaign_id WHERE r.campaign_id = ?1 AND "
	"cu.unit_id = ?2";
/* Named apart: clang takes two adjacent literals in an array for a
 * missing comma (-Wstring-concatenation). */
static const char SQL_FLOOR[] =
	"UPDATE campaign_results SET changes_floor = ?2 WHERE campaign_id = "
	"?1";
static const char *const SQL_PRUNE[] = {
	"DELETE FROM results_change WHERE campaign_id = ?1 AND gen <= ?2",
	"DELETE FROM gap_delta WHERE campaign_id = ?1 AND gen <= ?2",
	SQL_FLOOR,
};

/* Every RESULTS_KEEP generations, the changes older than that go. */
static enum ts_err
prune(struct app *app, int64_t campaign)
{
	int64_t gen;
	enum ts_err e = results_gen(app, campaign, &gen);
	if (e != TS_OK || gen % RESULTS_KEEP != 0)
		return e;
	for (size_t i = 0; e == TS_OK && i < 3; i++) {
		struct db_stmt *st = db_prep(app->db, SQL_PRUNE[i]);
		if (st == NULL)
			return TS_EDB;
		db_bind_int(st, 1, campaign);
		db_bind_int(st, 2, gen - RESULTS_KEEP);
		e = db_exec_stmt(st);
	}
	return e;
}

enum ts_err
results_changed(struct app *app, int64_t campaign, int64_t unit_id)
{
	enum ts_err e = results_gen_bump(app, campaign);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, SQL_LOG) : NULL;
	if (e != TS_OK || st == NULL)
		return e != TS_OK ? e : TS_EDB;
	db_bind_int(st, 1, campaign);
	db_bind_int(st, 2, unit_id);
	e = db_exec_stmt(st);
	return e == TS_OK ? prune(app, campaign) : e;
}

static void
fill_path(struct db_stmt *st, struct arena *a, void *p)
{
	*(const char **)p = db_col_dup(st, 0, a);
}

enum ts_err
results_changes(struct app *app, int64_t campaign, const char *root,
		int64_t from, int64_t to, struct arena *a, const char ***paths,
		size_t *n)
{
	static const char sql[] =
		"SELECT CAST(NULL AS TEXT) FROM campaign_results WHERE "
		"campaign_id = ?1 AND changes_floor > ?2 "
		"UNION ALL SELECT path FROM results_change WHERE campaign_id = "
		"?1 AND gen > ?2 AND gen <= ?3 AND " SQL_PATH_UNDER("path",
								    "?4");
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, campaign);
	db_bind_int(st, 2, from);
	db_bind_int(st, 3, to);
	db_bind_text(st, 4, root);
	enum ts_err e = db_collect(st, a, sizeof(**paths), (void **)paths, n,
				   fill_path);
	for (size_t i = 0; e == TS_OK && i < *n; i++)
		if ((*paths)[i] == NULL)
			e = TS_ESTALE; /* the floor is past from */
	return e;
}

bool
results_child(const char *root, const char *path, char out[256])
{
	size_t rlen = strlen(root);
	if (strncmp(root, path, rlen) != 0 || path[rlen] == '\0')
		return false;
	const char *slash = strchr(path + rlen, '/');
	size_t len = slash ? (size_t)(slash - path) + 1 : strlen(path);
	if (len >= 256)
		return false;
	memcpy(out, path, len);
	out[len] = '\0';
	return true;
}

void
results_sum(void *dst, const void *src, size_t size)
{
	for (size_t off = 0; off + sizeof(size_t) <= size;
	     off += sizeof(size_t)) {
		size_t a, b;
		memcpy(&a, (char *)dst + off, sizeof(a));
		memcpy(&b, (const char *)src + off, sizeof(b));
		a += b;
		memcpy((char *)dst + off, &a, sizeof(a));
	}
}

static bool
make_key(struct app *app, int64_t campaign, const char *root, enum rc_kind kind,
	 char key[600])
{
	int n = snprintf(key, 600, "%s\n%lld\n%s\n%d", db_path(app->db),
			 (long long)campaign, root, (int)kind);
	return n > 0 && n < 600;
}

/* The entry of key, of generation gen or (gen < 0) of any, copied into
 * a; its generation in *got. */
static void *
cache_copy(const char *key, int64_t gen, int64_t *got, size_t *size,
	   struct arena *a)
{
	void *out = NULL;
	pthread_mutex_lock(&rc_m);
	for (size_t i = 0; i < RC_SLOTS && out == NULL; i++) {
		struct rc_slot *s = &rc[i];
		if (s->used == 0 || (gen >= 0 && s->gen != gen) ||
		    strcmp(s->key, key) != 0)
			continue;
		out = arena_alloc(a, s->size ? s->size : 1);
		if (out != NULL) {
			memcpy(out, s->data, s->size);
			*size = s->size;
			*got = s->gen;
			s->used = ++rc_tick;
		}
	}
	pthread_mutex_unlock(&rc_m);
	return out;
}

void *
results_cache_get(struct app *app, int64_t campaign, const char *root,
		  enum rc_kind kind, int64_t gen, size_t *size, struct arena *a)
{
	char key[600];
	int64_t got;
	if (!make_key(app, campaign, root, kind, key))
		return NULL;
	return cache_copy(key, gen, &got, size, a);
}

void *
results_cache_latest(struct app *app, int64_t campaign, const char *root,
		     enum rc_kind kind, int64_t *gen, size_t *size,
		     struct arena *a)
{
	char key[600];
	if (!make_key(app, campaign, root, kind, key))
		return NULL;
	return cache_copy(key, -1, gen, size, a);
}

/* The slot holding key (any generation), else the least recently used. */
static struct rc_slot *
slot_for(const char *key)
{
	struct rc_slot *old = &rc[0];
	for (size_t i = 0; i < RC_SLOTS; i++) {
		if (rc[i].used != 0 && strcmp(rc[i].key, key) == 0)
			return &rc[i];
		if (rc[i].used < old->used)
			old = &rc[i];
	}
	return old;
}

void
results_cache_put(struct app *app, int64_t campaign, const char *root,
		  enum rc_kind kind, int64_t gen, const void *data, size_t size)
{
	char key[600];
	void *copy = size <= RC_MAX_SIZE ? malloc(size ? size : 1) : NULL;
	if (copy == NULL || !make_key(app, campaign, root, kind, key)) {
		free(copy);
		return;
	}
	if (size > 0) /* nothing to copy: data may be NULL */
		memcpy(copy, data, size);
	pthread_mutex_lock(&rc_m);
	struct rc_slot *s = slot_for(key);
	/* A slower thread may come with counts of an older generation. */
	if (s->used != 0 && strcmp(s->key, key) == 0 && s->gen > gen) {
		pthread_mutex_unlock(&rc_m);
		free(copy);
		return;
	}
	free(s->data);
	snprintf(s->key, sizeof(s->key), "%s", key);
	s->gen = gen;
	s->data = copy;
	s->size = size;
	s->used = ++rc_tick;
	pthread_mutex_unlock(&rc_m);
}

void
results_cache_forget(struct app *app)
{
	char prefix[300];
	int n = snprintf(prefix, sizeof(prefix), "%s\n", db_path(app->db));
	if (n <= 0 || (size_t)n >= sizeof(prefix))
		return;
	pthread_mutex_lock(&rc_m);
	for (size_t i = 0; i < RC_SLOTS; i++)
		if (rc[i].used != 0 &&
		    strncmp(rc[i].key, prefix, (size_t)n) == 0) {
			free(rc[i].data);
			memset(&rc[i], 0, sizeof(rc[i]));
		}
	pthread_mutex_unlock(&rc_m);
}
