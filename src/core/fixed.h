/*
 * Fixed-point points: integer hundredths. Every score, bound and answer value
 * goes through this type so totals match the paper forms exactly; no binary
 * floating point is ever summed.
 */
#ifndef TS_FIXED_H
#define TS_FIXED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t pts_t;

#define PTS_ONE 100
/* Largest magnitude accepted from input: 10^12 units. Sums of a few
 * thousand such values still fit in int64. */
#define PTS_LIMIT ((pts_t)100000000000000)
#define PTS_FMT_SIZE 32

/* Parses "12", "12.5", "-3.25" (at most two decimals, no exponent, no
 * spaces). Returns false if the text is anything else or out of range. */
bool pts_parse(const char *s, size_t n, pts_t *out);
/* Converts a JSON real; false unless it has at most two decimals. */
bool pts_from_double(double d, pts_t *out);
/* Converts a JSON integer; false if out of range. */
bool pts_from_int(long long v, pts_t *out);
/* Writes "12", "12.5", "3.25", "-0.5" into out (PTS_FMT_SIZE bytes). */
const char *pts_format(pts_t v, char *out);
/* Exact value as a double, for JSON output only (never summed). */
double pts_to_double(pts_t v);

#endif
