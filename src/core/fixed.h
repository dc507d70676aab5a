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

#define PTS_ONE	     100
/* Largest magnitude accepted from input: 10^12 units. Sums of a few
 * thousand such values still fit in int64. */
#define PTS_LIMIT    ((pts_t)100000000000000)
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
/* The same digits the Vietnamese way, decimal comma: "12", "12,5",
 * "3,25", "-0,5". For every text a person reads (pages, CLI text,
 * documents); JSON and rubric notation keep pts_format. */
const char *pts_format_vn(pts_t v, char *out);
/* A whole number with Vietnamese thousands dots ("1.020.600.000"), for
 * money in đồng; out holds PTS_FMT_SIZE bytes. */
const char *int_format_vn(int64_t v, char *out);
/* Any figure a person reads in statistics pages and documents: thousands
 * dots and a decimal comma ("3.050", "3.050,5", "-12,25"); out holds
 * PTS_FMT_SIZE bytes. CSV keeps pts_format's raw digits instead. */
const char *num_format_vn(pts_t v, char *out);
/* part of whole in hundredths of a percent (a pts_t read as percent),
 * rounded half up; 0 when whole is 0 or less. */
pts_t pts_percent(int64_t part, int64_t whole);
/* "45,67%", "78,7%", "100%" (PTS_FMT_SIZE bytes). */
const char *pts_format_pct_vn(pts_t pct, char *out);
/* A file size as people read it: "45 byte", "1,5 KB", "12,3 MB" (one
 * decimal, 1 KB = 1024 byte; PTS_FMT_SIZE bytes). */
const char *size_format_vn(int64_t bytes, char *out);

/*
 * A number a person typed: "7,5" and "7.5" alike (one decimal separator,
 * at most two decimals), spaces around it ignored. On failure returns
 * false and sets *why to the Vietnamese reason ("có nhiều hơn 2 chữ số
 * thập phân" or "không phải là một số").
 */
bool pts_parse_input(const char *s, size_t n, pts_t *out, const char **why);

/* Exact value as a double, for JSON output only (never summed). */
double pts_to_double(pts_t v);

#endif
