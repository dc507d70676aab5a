/* libFuzzer target: the small text parsers (intervals, fixed-point
 * numbers) and their formatters, with round-trip checks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/range.h"
#include "fz_input.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[256];
	if (!fz_cstr(data, size, s, sizeof(s)))
		return 0;
	pts_t v;
	if (pts_parse(s, size, &v)) {
		char out[PTS_FMT_SIZE];
		pts_t back;
		pts_format(v, out);
		if (!pts_parse(out, strlen(out), &back) || back != v)
			abort();
	}
	struct range r, r2;
	const char *why;
	if (range_parse(s, &r, &why)) {
		char out[80], words[160];
		range_format(&r, out);
		if (!range_parse(out, &r2, &why) || memcmp(&r, &r2, sizeof(r)))
			abort();
		range_words(&r, r.hi, words);
		(void)range_contains(&r, r.lo);
		(void)range_join(&r, &r2);
	}
	return 0;
}
