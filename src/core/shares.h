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
/* Decimals (0, 1 or 2) needed to print each of the n values exactly. */
int pts_decimals(const pts_t *v, size_t n);
/* pts_format_pct_vn with exactly `decimals` (0-2) decimals, so the cells
 * of one row read alike: "50,00%", "32,61%" (PTS_FMT_SIZE bytes). */
const char *pts_format_pct_fixed_vn(pts_t pct, int decimals, char *out);

#endif
