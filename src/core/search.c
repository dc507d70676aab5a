/* Word-prefix matching of folded names. */
#include "search.h"

#include <string.h>

static bool
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/* The next word at or after *p: its start, and its length in *n; NULL at
 * the end. *p moves past it. */
static const char *
next_word(const char **p, size_t *n)
{
	const char *s = *p;
	while (*s && !word_byte((unsigned char)*s))
		s++;
	if (*s == '\0')
		return NULL;
	const char *e = s;
	while (*e && word_byte((unsigned char)*e))
		e++;
	*p = e;
	*n = (size_t)(e - s);
	return s;
}

/* Index of the first word of name not yet used that begins with w, or -1. */
static int
claim(const char *name, const char *w, size_t wn, unsigned long long *used)
{
	const char *p = name, *s;
	size_t n;
	for (int i = 0; i < SEARCH_MAX_WORDS && (s = next_word(&p, &n)); i++)
		if (!(*used >> i & 1u) && n >= wn && memcmp(s, w, wn) == 0) {
			*used |= 1ull << i;
			return i;
		}
	return -1;
}

bool
search_match(const char *query_key, const char *name_key)
{
	struct {
		const char *w;
		size_t n;
	} q[SEARCH_MAX_WORDS];
	const char *p = query_key, *w;
	size_t n, nq = 0;
	unsigned long long used = 0;
	while (nq < SEARCH_MAX_WORDS && (w = next_word(&p, &n)) != NULL) {
		/* Longest first, so "d duong" cannot spend the name's
		 * "duong" on "d" and leave nothing for "duong". */
		size_t k = nq++;
		for (; k > 0 && q[k - 1].n < n; k--)
			q[k] = q[k - 1];
		q[k].w = w;
		q[k].n = n;
	}
	for (size_t i = 0; i < nq; i++)
		if (claim(name_key, q[i].w, q[i].n, &used) < 0)
			return false;
	return nq > 0;
}

const char *
search_longest_word(const char *query_key, size_t *n)
{
	const char *p = query_key, *w, *best = NULL;
	size_t wn;
	*n = 0;
	while ((w = next_word(&p, &wn)) != NULL)
		if (wn > *n) {
			best = w;
			*n = wn;
		}
	return best;
}
