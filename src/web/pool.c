#include "pool.h"

#include <stdlib.h>
#include <string.h>

#include "../app/session.h"

static enum ts_err
pool_alloc(struct pool *p, size_t n)
{
	memset(p, 0, sizeof(*p));
	p->apps = calloc(n, sizeof(*p->apps));
	p->busy = calloc(n, sizeof(*p->busy));
	if (p->apps == NULL || p->busy == NULL) {
		free(p->apps);
		free(p->busy);
		return TS_ENOMEM;
	}
	pthread_mutex_init(&p->m, NULL);
	pthread_cond_init(&p->cv, NULL);
	return TS_OK;
}

enum ts_err
pool_open(struct pool *p, size_t n, const char *db_path, const char *data_dir,
	  struct diags *d)
{
	enum ts_err e = pool_alloc(p, n);
	if (e != TS_OK)
		return e;
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		e = app_open(&p->apps[i], db_path, data_dir, false, d);
		if (e == TS_OK)
			p->n++;
		if (e == TS_OK && (e = session_init_key(&p->apps[i])) != TS_OK)
			diags_add(d, db_path, "không tạo được khóa máy chủ");
	}
	if (e != TS_OK)
		pool_close(p);
	return e;
}

enum ts_err
pool_open_replica(struct pool *p, size_t n, const char *url,
		  const char *data_dir, const unsigned char key[32],
		  struct diags *d)
{
	enum ts_err e = pool_alloc(p, n);
	for (size_t i = 0; e == TS_OK && i < n; i++) {
		e = app_open_replica(&p->apps[i], url, data_dir, d);
		if (e == TS_OK) {
			memcpy(p->apps[i].csrf_key, key,
			       sizeof(p->apps[i].csrf_key));
			p->n++;
		}
	}
	if (e != TS_OK && p->apps != NULL)
		pool_close(p);
	return e;
}

void
pool_close(struct pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		app_close(&p->apps[i]);
	free(p->apps);
	free(p->busy);
	pthread_mutex_destroy(&p->m);
	pthread_cond_destroy(&p->cv);
	memset(p, 0, sizeof(*p));
}

struct app *
pool_take(struct pool *p)
{
	pthread_mutex_lock(&p->m);
	for (;;) {
		for (size_t i = 0; i < p->n; i++)
			if (!p->busy[i]) {
				p->busy[i] = true;
				pthread_mutex_unlock(&p->m);
				return &p->apps[i];
			}
		pthread_cond_wait(&p->cv, &p->m);
	}
}

void
pool_give(struct pool *p, struct app *a)
{
	pthread_mutex_lock(&p->m);
	p->busy[a - p->apps] = false;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->m);
}
