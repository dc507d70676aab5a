/* Backend-independent helpers over db.h. */
#include <string.h>

#include "../util/arena.h"
#include "db.h"

const char *
db_col_dup(struct db_stmt *st, int i, struct arena *a)
{
	const char *s = db_col_text(st, i);
	return s ? arena_strdup(a, s) : NULL;
}

enum ts_err
db_collect(struct db_stmt *st, struct arena *a, size_t elem, void **out,
	   size_t *n, void (*fill)(struct db_stmt *, struct arena *, void *))
{
	size_t cap = 16;
	unsigned char *v = arena_calloc(a, cap, elem);
	enum db_step r = DB_DONE;
	*n = 0;
	while (v != NULL && (r = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			/* Arena memory is not freed one by one: doubling
			 * wastes at most the size of the final array. */
			unsigned char *nv = arena_calloc(a, cap * 2, elem);
			if (nv != NULL)
				memcpy(nv, v, cap * elem);
			v = nv;
			cap *= 2;
			if (v == NULL)
				break;
		}
		fill(st, a, v + elem * (*n)++);
	}
	db_done(st);
	*out = v;
	return v == NULL ? TS_ENOMEM : r == DB_ERROR ? TS_EDB : TS_OK;
}
