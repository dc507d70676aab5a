/* A fixed set of opened apps (each with its own database connection),
 * handed out one per request thread. */
#ifndef TS_POOL_H
#define TS_POOL_H

#include <pthread.h>
#include <stdbool.h>

#include "../app/app.h"

struct pool {
	pthread_mutex_t m;
	pthread_cond_t cv;
	struct app *apps;
	bool *busy;
	size_t n;
};

enum ts_err pool_open(struct pool *p, size_t n, const char *db_path,
		      const char *data_dir, struct diags *d) TS_MUSTCHECK;
/* The apps of a read-only replica (server --db-read): no migration, no
 * key made; the CSRF key is the primary's. */
enum ts_err pool_open_replica(struct pool *p, size_t n, const char *url,
			      const char *data_dir, const unsigned char key[32],
			      struct diags *d) TS_MUSTCHECK;
void pool_close(struct pool *p);
struct app *pool_take(struct pool *p);
void pool_give(struct pool *p, struct app *a);

#endif
