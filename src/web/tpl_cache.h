/*
 * Markup that is the same on every view of a rubric version but for one
 * string, rendered once by the page's own code with a marker where that
 * string goes and split there: a view writes the pieces and the string
 * (escaped) between them, so the bytes are the uncached renderer's.
 * Sets of templates live until the process ends and are never changed
 * after they are published; finding one takes no lock.
 */
#ifndef TS_WEB_TPL_CACHE_H
#define TS_WEB_TPL_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

/* The markers a renderer is given for the strings: DEL bytes, which
 * html_escape copies and rubric texts do not hold, around the string's
 * number (up to TPL_KINDS kinds of hole in one template). */
#define TPL_HOLE_N(k) "\x7F\x7F" k "\x7F\x7F"
#define TPL_HOLE      TPL_HOLE_N("0")
#define TPL_KINDS     4

struct tpl {
	char *text;	     /* the markup without the markers */
	size_t *cut;	     /* where each hole was, ascending */
	unsigned char *kind; /* which string goes there */
	size_t ncut;
	size_t len;
};

/* Splits rendered markup at each marker; false (t left empty) when it
 * does not hold exactly `holes` of them or memory runs out. */
bool tpl_make(struct tpl *t, const char *markup, size_t holes);
/* The markup with s, escaped, in each hole. */
void tpl_put(struct buf *b, const struct tpl *t, const char *s);
/* The markup with s[kind] in each hole: as it is where raw has bit
 * 1 << kind (markup the page made), else escaped. */
void tpl_put_v(struct buf *b, const struct tpl *t, const char *const *s,
	       unsigned raw);

/* n templates published under key (a rubric's id and version and what
 * they are); NULL when none yet. */
const struct tpl *tpl_find(const char *key, size_t *n);
/* Publishes v (n, taken over, including on failure) under key and
 * returns the set now found under it: the first published wins. */
const struct tpl *tpl_publish(const char *key, struct tpl *v, size_t n);
/* Frees one template's contents; an array of n and the array. */
void tpl_clear(struct tpl *t);
void tpl_free(struct tpl *v, size_t n);

#endif
