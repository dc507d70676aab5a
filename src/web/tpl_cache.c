#include "tpl_cache.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"

struct tpl_set {
	char *key;
	struct tpl *v;
	size_t n;
	struct tpl_set *next;
};

/* Pushed at the head with compare-and-swap; entries are never removed,
 * so a reader walks the list without a lock. */
static _Atomic(struct tpl_set *) sets;

bool
tpl_make(struct tpl *t, const char *markup, size_t holes)
{
	size_t hl = strlen(TPL_HOLE), n = 0, len = 0;
	memset(t, 0, sizeof(*t));
	t->text = malloc(strlen(markup) + 1);
	t->cut = calloc(holes + 1, sizeof(*t->cut));
	if (t->text == NULL || t->cut == NULL) {
		tpl_clear(t);
		return false;
	}
	for (const char *p = markup;;) {
		const char *h = strstr(p, TPL_HOLE);
		size_t k = h ? (size_t)(h - p) : strlen(p);
		memcpy(t->text + len, p, k);
		len += k;
		if (h == NULL)
			break;
		if (n == holes) {
			n++;
			break;
		}
		t->cut[n++] = len;
		p = h + hl;
	}
	t->text[len] = '\0';
	t->len = len;
	t->ncut = n;
	if (n != holes) {
		tpl_clear(t);
		return false;
	}
	return true;
}

void
tpl_put(struct buf *b, const struct tpl *t, const char *s)
{
	size_t at = 0;
	for (size_t i = 0; i < t->ncut; i++) {
		buf_put(b, t->text + at, t->cut[i] - at);
		html_escape(b, s);
		at = t->cut[i];
	}
	buf_put(b, t->text + at, t->len - at);
}

const struct tpl *
tpl_find(const char *key, size_t *n)
{
	for (struct tpl_set *s =
		     atomic_load_explicit(&sets, memory_order_acquire);
	     s != NULL; s = s->next)
		if (strcmp(s->key, key) == 0) {
			*n = s->n;
			return s->v;
		}
	*n = 0;
	return NULL;
}

const struct tpl *
tpl_publish(const char *key, struct tpl *v, size_t n)
{
	struct tpl_set *s = calloc(1, sizeof(*s));
	size_t found;
	if (s == NULL || (s->key = strdup(key)) == NULL) {
		free(s);
		tpl_free(v, n);
		return tpl_find(key, &found);
	}
	s->v = v;
	s->n = n;
	struct tpl_set *head = atomic_load_explicit(&sets,
						    memory_order_acquire);
	do {
		/* Someone published it meanwhile: theirs stays. */
		for (struct tpl_set *o = head; o != NULL; o = o->next)
			if (strcmp(o->key, key) == 0) {
				tpl_free(v, n);
				free(s->key);
				free(s);
				return o->v;
			}
		s->next = head;
	} while (!atomic_compare_exchange_weak_explicit(
		&sets, &head, s, memory_order_release, memory_order_acquire));
	return v;
}

void
tpl_clear(struct tpl *t)
{
	free(t->text);
	free(t->cut);
	memset(t, 0, sizeof(*t));
}

void
tpl_free(struct tpl *v, size_t n)
{
	for (size_t i = 0; v != NULL && i < n; i++)
		tpl_clear(&v[i]);
	free(v);
}
