/* The fuzz input as a C string, for the targets that read text. */
#ifndef TS_FZ_INPUT_H
#define TS_FZ_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* data into s (cap bytes), ended by a NUL; false when it does not fit:
 * the input is left alone (the parsers read short text). */
static inline bool
fz_cstr(const uint8_t *data, size_t size, char *s, size_t cap)
{
	if (size >= cap)
		return false;
	memcpy(s, data, size);
	s[size] = '\0';
	return true;
}

/* data as a malloc'd string of any length; NULL when out of memory. */
static inline char *
fz_strdup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s != NULL && fz_cstr(data, size, s, size + 1))
		return s;
	free(s);
	return NULL;
}

#endif
