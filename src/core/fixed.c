#include "fixed.h"

#include <math.h>

/* The digits of s from *i: the whole part (at least one digit, within
 * the limit); false if there is none or it is too large. */
static bool
whole_part(const char *s, size_t n, size_t *i, pts_t *whole)
{
	size_t digits = 0;
	*whole = 0;
	for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++, digits++) {
		*whole = *whole * 10 + (s[*i] - '0');
		if (*whole * PTS_ONE > PTS_LIMIT)
			return false;
	}
	return digits > 0;
}

/* ".d" or ".dd" from *i, in hundredths (nothing there: 0); false for a
 * dot without digits or a third decimal. */
static bool
frac_part(const char *s, size_t n, size_t *i, pts_t *frac)
{
	size_t fd = 0;
	*frac = 0;
	if (*i >= n || s[*i] != '.')
		return true;
	for ((*i)++; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++, fd++) {
		if (fd >= 2)
			return false;
		*frac = *frac * 10 + (s[*i] - '0');
	}
	if (fd == 1)
		*frac *= 10;
	return fd > 0;
}

bool
pts_parse(const char *s, size_t n, pts_t *out)
{
	size_t i = 0;
	bool neg = n > 0 && s[0] == '-';
	pts_t whole, frac;
	i += neg;
	if (!whole_part(s, n, &i, &whole) || !frac_part(s, n, &i, &frac) ||
	    i != n)
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

const char *
pts_format_vn(pts_t v, char *out)
{
	pts_format(v, out);
	for (char *p = out; *p; p++)
		if (*p == '.')
			*p = ',';
	return out;
}

pts_t
pts_percent(int64_t part, int64_t whole)
{
	if (whole <= 0)
		return 0;
	/* hundredths of a percent = part * 10000 / whole, rounded half up */
	return (part * 10000 * 2 + whole) / (whole * 2);
}

const char *
pts_format_pct_vn(pts_t pct, char *out)
{
	pts_format_vn(pct, out);
	size_t n = 0;
	while (out[n])
		n++;
	out[n] = '%';
	out[n + 1] = '\0';
	return out;
}

const char *
size_format_vn(int64_t bytes, char *out)
{
	static const char *const unit[] = { " byte", " KB", " MB" };
	int64_t div = 1;
	size_t u = 0;
	if (bytes < 0)
		bytes = 0;
	while (u < 2 && bytes >= div * 1024) {
		div *= 1024;
		u++;
	}
	/* tenths, rounded half up, as hundredths for pts_format_vn */
	pts_format_vn(u == 0 ? bytes * 100
			     : (bytes * 20 + div) / (div * 2) * 10,
		      out);
	size_t n = 0;
	while (out[n])
		n++;
	for (const char *p = unit[u]; *p; p++)
		out[n++] = *p;
	out[n] = '\0';
	return out;
}

/* Digits, then optionally one separator and more digits: a decimal
 * written with too many decimals rather than not a number at all. */
static bool
too_many_decimals(const char *s, size_t n)
{
	size_t i = 0, fd = 0;
	if (i < n && s[i] == '-')
		i++;
	size_t start = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == start || i == n || (s[i] != '.' && s[i] != ','))
		return false;
	for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		fd++;
	return i == n && fd > 2;
}

bool
pts_parse_input(const char *s, size_t n, pts_t *out, const char **why)
{
	char tmp[64];
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	*why = "không phải là một số";
	if (n >= sizeof(tmp))
		return false;
	if (too_many_decimals(s, n)) {
		*why = "có nhiều hơn 2 chữ số thập phân";
		return false;
	}
	for (size_t i = 0; i < n; i++)
		tmp[i] = s[i] == ',' ? '.' : s[i];
	return pts_parse(tmp, n, out);
}

double
pts_to_double(pts_t v)
{
	return (double)v / PTS_ONE;
}

const char *
int_format_vn(int64_t v, char *out)
{
	char digits[PTS_FMT_SIZE];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int n = 0;
	do { /* least significant first, reversed below */
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	for (int i = 0; i < n / 2; i++) {
		char t = digits[i];
		digits[i] = digits[n - 1 - i];
		digits[n - 1 - i] = t;
	}
	size_t o = 0;
	if (v < 0)
		out[o++] = '-';
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return out;
}

const char *
num_format_vn(pts_t v, char *out)
{
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t frac = u % PTS_ONE;
	size_t o = 0;
	if (v < 0)
		out[o++] = '-';
	int_format_vn((int64_t)(u / PTS_ONE), out + o);
	while (out[o])
		o++;
	if (frac != 0) {
		out[o++] = ',';
		out[o++] = (char)('0' + frac / 10);
		if (frac % 10 != 0)
			out[o++] = (char)('0' + frac % 10);
	}
	out[o] = '\0';
	return out;
}
