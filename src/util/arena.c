#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks start small and double: a score or an answers set needs a few
 * KiB, and tens of thousands of them live at once in a national roll-up. */
#define ARENA_FIRST 2048
#define ARENA_BLOCK 65536
#define ARENA_ALIGN 16

struct block {
	struct block *next;
	size_t size;
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
	struct block *head;
	size_t total;
	size_t next_block; /* size of the next block to allocate */
};

struct arena *
arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	struct block *b = a->head;
	while (b != NULL) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

static struct block *
block_new(struct arena *a, size_t need)
{
	if (a->next_block == 0)
		a->next_block = ARENA_FIRST;
	size_t size = need > a->next_block ? need : a->next_block;
	if (a->next_block < ARENA_BLOCK)
		a->next_block *= 2;
	struct block *b = malloc(sizeof(*b) + size);
	if (b == NULL)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	if (size > SIZE_MAX / 2)
		return NULL;
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (rounded == 0)
		rounded = ARENA_ALIGN;
	struct block *b = a->head;
	if (b == NULL || b->size - b->used < rounded) {
		b = block_new(a, rounded);
		if (b == NULL)
			return NULL;
		/* A big one-off block goes second so the current block's
		 * free tail stays usable for small allocations. */
		if (a->head != NULL && b->size == rounded &&
		    a->head->size - a->head->used > ARENA_FIRST / 4) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->used;
	b->used += rounded;
	a->total += size;
	memset(p, 0, size);
	return p;
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / 2 / size)
		return NULL;
	return arena_alloc(a, n * size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *out = n >= 0 ? arena_alloc(a, (size_t)n + 1) : NULL;
	static char empty[1];
	if (out == NULL)
		return empty;
	va_start(ap, fmt);
	vsnprintf(out, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return out;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
