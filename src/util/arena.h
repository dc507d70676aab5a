/*
 * Arena allocator: chained blocks, everything freed at once by arena_free().
 * Used for a loaded rubric, a parsed answers file, a score result, and later
 * one arena per HTTP request. Nothing inside is freed individually.
 */
#ifndef TS_ARENA_H
#define TS_ARENA_H

#include <stddef.h>

struct arena;

/* Returns NULL when out of memory. */
struct arena *arena_new(void);
void arena_free(struct arena *a);

/* Zeroed, 16-byte aligned memory; NULL on out-of-memory or overflow. */
void *arena_alloc(struct arena *a, size_t size);
/* Zeroed array of n elements of size each; NULL on overflow. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Formatted text in the arena ("" when out of memory, never NULL). */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for tests and benchmarks). */
size_t arena_used(const struct arena *a);

#endif
