/* libFuzzer target: the indicator-set loader (jansson parse + full
 * validation, references resolved). */
#include <stddef.h>
#include <stdint.h>

#include "../../src/core/indicator.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct ind_set *s = NULL;
	if (ind_set_parse((const char *)data, size, "fuzz", &s, &d) == TS_OK)
		ind_set_free(s);
	diags_release(&d);
	return 0;
}
