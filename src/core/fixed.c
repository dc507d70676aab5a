#include "fixed.h"

#include <math.h>

bool
pts_parse(const char *s, size_t n, pts_t *out)
{
	size_t i = 0;
	bool neg = false;
	if (i < n && s[i] == '-') {
		neg = true;
		i++;
	}
	pts_t whole = 0;
	size_t digits = 0;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
		whole = whole * 10 + (s[i] - '0');
		if (whole * PTS_ONE > PTS_LIMIT)
			return false;
	}
	if (digits == 0)
		return false;
	pts_t frac = 0;
	if (i < n && s[i] == '.') {
		i++;
		size_t fd = 0;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, fd++) {
			if (fd >= 2)
				return false;
			frac = frac * 10 + (s[i] - '0');
		}
		if (fd == 0)
			return false;
		if (fd == 1)
			frac *= 10;
	}
	if (i != n)
		return false;
	pts_t v = whole * PTS_ONE + frac;
	if (v > PTS_LIMIT)
		return false;
	*out = neg ? -v : v;
	return true;
}

bool
pts_from_double(double d, pts_t *out)
{
	if (!isfinite(d) || fabs(d) * PTS_ONE > (double)PTS_LIMIT)
		return false;
	double scaled = d * PTS_ONE;
	double r = nearbyint(scaled);
	/* 1e-6 of a hundredth absorbs the binary representation error of
	 * a decimal literal like 3.25 or 0.1, and nothing coarser. */
	if (fabs(scaled - r) > 1e-6)
		return false;
	*out = (pts_t)r;
	return true;
}

bool
pts_from_int(long long v, pts_t *out)
{
	if (v > PTS_LIMIT / PTS_ONE || v < -(PTS_LIMIT / PTS_ONE))
		return false;
	*out = (pts_t)v * PTS_ONE;
	return true;
}

const char *
pts_format(pts_t v, char *out)
{
	char tmp[PTS_FMT_SIZE];
	size_t n = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t whole = u / PTS_ONE, frac = u % PTS_ONE;
	do {
		tmp[n++] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole > 0);
	size_t o = 0;
	if (v < 0)
		out[o++] = '-';
	while (n > 0)
		out[o++] = tmp[--n];
	if (frac != 0) {
		out[o++] = '.';
		out[o++] = (char)('0' + frac / 10);
		if (frac % 10 != 0)
			out[o++] = (char)('0' + frac % 10);
	}
	out[o] = '\0';
	return out;
}

double
pts_to_double(pts_t v)
{
	return (double)v / PTS_ONE;
}
