/* libFuzzer target: the rubric loader (jansson parse + full validation). */
#include <stddef.h>
#include <stdint.h>

#include "../../src/core/rubric.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct rubric *r = NULL;
	if (rubric_parse((const char *)data, size, "fuzz", &r, &d) == TS_OK)
		rubric_free(r);
	diags_release(&d);
	return 0;
}
