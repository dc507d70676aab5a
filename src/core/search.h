/*
 * Finding units by name (issue 17, item 6): every word typed must begin a
 * word of the name, each a different one, in any order. Works on folded
 * keys (vn_fold_key: lower case, no diacritics, đ → d, as org_unit.name_key
 * stores them), so "truong tieu hoc nguyen du" finds "Trường Tiểu học
 * Nguyễn Du" and "ng du" does not find "Hướng Dương".
 */
#ifndef TS_SEARCH_H
#define TS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* Words are runs of letters and digits (any byte >= 0x80 counts as a
 * letter); everything else separates them. At most SEARCH_MAX_WORDS words
 * of a name take part (the rest are ignored). */
#define SEARCH_MAX_WORDS 64

/* True when every word of query_key begins a distinct word of name_key.
 * A query with no word matches nothing. */
bool search_match(const char *query_key, const char *name_key);

/* The longest word of query_key (for a coarse SQL filter): *n bytes from
 * the returned pointer; NULL when the query has no word. */
const char *search_longest_word(const char *query_key, size_t *n);

#endif
