/*
 * Numbers in JSON text with more than two decimals. A JSON number reaches
 * us as a double, and 9.999999999999999999 is the double 10: only the text
 * shows that it was not a two-decimal value, so the text is scanned before
 * parsing, with the JSON path of every such number.
 */
#ifndef TS_JSON_DIGITS_H
#define TS_JSON_DIGITS_H

#include <stdbool.h>
#include <stddef.h>

/* One level of the path: an object member (key as written, escapes
 * kept) or an array element. */
struct jd_frame {
	bool object;
	bool want_key;
	const char *key;
	size_t klen;
	size_t idx;
};

#define JD_DEPTH 16

/* Called for each offending number; frames[0..depth) is its path (depth
 * is capped at JD_DEPTH), num/nlen the number as written. */
typedef void (*jd_bad_fn)(void *ctx, const struct jd_frame *frames,
			  size_t depth, const char *num, size_t nlen);

/* Scans text (valid JSON or not: jansson judges that) and returns how
 * many numbers have a value with more than two decimals ("7.500" is 7.5
 * and passes; "9.999", "1e-3" do not). */
size_t json_excess_decimals(const char *text, size_t len, jd_bad_fn bad,
			    void *ctx);

#endif
