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

/* The kind of the marker at p (0..TPL_KINDS-1), or -1 if none. */
static int
marker_at(const char *p)
{
	static const char del[] = "\x7F\x7F";
	if (strncmp(p, del, 2) != 0 || p[2] < '0' || p[2] >= '0' + TPL_KINDS ||
	    strncmp(p + 3, del, 2) != 0)
		return -1;
	return p[2] - '0';
}

bool
tpl_make(struct tpl *t, const char *markup, size_t holes)
{
	size_t n = 0, len = 0;
	memset(t, 0, sizeof(*t));
	t->text = malloc(strlen(markup) + 1);
	t->cut = calloc(holes + 1, sizeof(*t->cut));
	t->kind = calloc(holes + 1, 1);
	if (t->text == NULL || t->cut == NULL || t->kind == NULL) {
		tpl_clear(t);
		return false;
	}
	for (const char *p = markup; *p != '\0' && n <= holes;) {
		int k = marker_at(p);
		if (k < 0) {
			t->text[len++] = *p++;
			continue;
		}
		if (n < holes) {
			t->cut[n] = len;
			t->kind[n] = (unsigned char)k;
		}
		n++;
		p += 5;
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
tpl_put_v(struct buf *b, const struct tpl *t, const char *const *s,
	  unsigned raw)
{
	size_t at = 0;
	for (size_t i = 0; i < t->ncut; i++) {
		unsigned k = t->kind[i];
		buf_put(b, t->text + at, t->cut[i] - at);
		if (raw & (1u << k))
			buf_puts(b, s[k]);
		else
			html_escape(b, s[k]);
		at = t->cut[i];
	}
	buf_put(b, t->text + at, t->len - at);
}

void
tpl_put(struct buf *b, const struct tpl *t, const char *s)
{
	const char *v[TPL_KINDS] = { s, s, s, s };
	tpl_put_v(b, t, v, 0);
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
	free(t->kind);
	memset(t, 0, sizeof(*t));
}

void
tpl_free(struct tpl *v, size_t n)
{
	for (size_t i = 0; v != NULL && i < n; i++)
		tpl_clear(&v[i]);
	free(v);
}
