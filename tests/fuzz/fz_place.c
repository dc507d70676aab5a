/* libFuzzer target: the địa danh read from a unit's name (core/place.c),
 * for every unit kind and form, into buffers of every small size: the
 * place is never cut, never blank, never carries the comma or bracket
 * it stops at, and fits its buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/place.h"
#include "fz_input.h"

static void
check(enum gov_unit u, const char *name, enum place_form f, size_t n)
{
	char *out = malloc(n ? n : 1);
	if (out == NULL)
		return;
	bool ok = place_of(u, name, f, out, n);
	if (ok) {
		size_t len = strlen(out);
		if (len == 0 || len >= n || out[0] == ' ' ||
		    out[len - 1] == ' ' || strpbrk(out, ",(") != NULL)
			abort();
	} else if (n > 0 && out[0] != '\0') {
		abort();
	}
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[256];
	if (!fz_cstr(data, size, s, sizeof(s)))
		return 0;
	static const enum gov_unit units[] = { GOV_U_SCHOOL, GOV_U_PHONG,
					       GOV_U_XA, GOV_U_SO, GOV_U_BO };
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		for (size_t n = 0; n < 24; n += 7) {
			check(units[i], s, PLACE_DATE_LINE, n);
			check(units[i], s, PLACE_UNIT, n);
		}
	check(GOV_U_PHONG, s, PLACE_DATE_LINE, 256);
	check(GOV_U_SO, s, PLACE_DATE_LINE, 256);
	check(GOV_U_XA, s, PLACE_UNIT, 256);
	return 0;
}
