/* Largest-remainder shares and their uniform formatting (shares.h). */
#include "shares.h"

bool
pts_shares(const int64_t *part, size_t n, pts_t *out)
{
	int64_t whole = 0;
	for (size_t i = 0; i < n; i++)
		whole += part[i];
	for (size_t i = 0; i < n; i++)
		out[i] = 0;
	if (whole <= 0)
		return false;
	pts_t given = 0;
	for (size_t i = 0; i < n; i++) {
		out[i] = part[i] * 10000 / whole;
		given += out[i];
	}
	/* Fewer than n hundredths are missing: hand them out one by one to
	 * the largest remainder not served yet. */
	bool served[64] = { false };
	for (; given < 10000; given++) {
		size_t best = n;
		int64_t rem = -1;
		for (size_t i = 0; i < n && i < 64; i++) {
			int64_t r = part[i] * 10000 % whole;
			if (!served[i] && r > rem) {
				rem = r;
				best = i;
			}
		}
		if (best == n)
			break;
		served[best] = true;
		out[best]++;
	}
	return true;
}

#define RATE_DECIMALS 2

const char *
pts_format_rate_vn(pts_t pct, char *out)
{
	pts_format_vn(pct, out);
	size_t n = 0, comma = 0;
	for (; out[n]; n++)
		if (out[n] == ',')
			comma = n;
	int have = comma ? (int)(n - comma - 1) : 0;
	if (!comma)
		out[n++] = ',';
	for (; have < RATE_DECIMALS && n + 2 < PTS_FMT_SIZE; have++)
		out[n++] = '0';
	out[n++] = '%';
	out[n] = '\0';
	return out;
}
