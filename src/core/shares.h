/*
 * Percentages of a whole that add up to exactly 100 %: the shares of one
 * row of a table (Mức độ 1/2/3 of a cấp học), in hundredths of a percent.
 */
#ifndef TS_SHARES_H
#define TS_SHARES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fixed.h"

/* out[i] = part[i] of the parts' sum, in hundredths of a percent, by the
 * largest remainder method: each share rounded down, then the hundredths
 * still missing from 10000 go one each to the largest remainders (the
 * earlier part first on a tie), so the shares add up to 100 % exactly and
 * each is within 0,01 of its exact value. Parts must be >= 0. Returns
 * false, with every share 0, when the sum is 0 (nothing to share). */
bool pts_shares(const int64_t *part, size_t n, pts_t *out); /* n <= 64 */
/* A rate or share as every table prints it (documents, dashboards,
 * statistics cells): exactly two decimals, so a column and a row read
 * alike ("50,00%", "32,61%", "100,00%"). Two because the shares above are
 * exact to the hundredth and XLSX shows "0.00%" (PTS_FMT_SIZE bytes). */
const char *pts_format_rate_vn(pts_t pct, char *out);

#endif
