#include "timeutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int64_t pinned;

void
ts_time_pin(int64_t t)
{
	pinned = t;
}

/* $TRUONGSO_NOW is a test hook: in the build users run, an environment
 * variable must not move lateness, session expiry or sign-in limits, so
 * only builds compiled with TS_TEST_HOOKS (mk/build.mk: asan, tsan, clang)
 * read it. tests/cli/clock-hook.sh checks both sides. */
static bool
clock_hook(int64_t *t)
{
#ifdef TS_TEST_HOOKS
	const char *fake = getenv("TRUONGSO_NOW");
	return fake != NULL && ts_time_parse(fake, t);
#else
	(void)t;
	return false;
#endif
}

int64_t
ts_time_now(void)
{
	if (pinned != 0)
		return pinned;
	int64_t t;
	if (clock_hook(&t))
		return t;
	return (int64_t)time(NULL);
}

const char *
ts_time_format(int64_t t, char *out)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, TS_TIME_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, TS_TIME_SIZE, "invalid");
	return out;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static bool
valid_date(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m != 2 || d <= 28 || leap;
}

bool
ts_time_parse(const char *s, int64_t *out)
{
	int y, m, d, hh = 0, mm = 0, ss = 0, n = 0;
	size_t len = strlen(s);
	if (len == 10) {
		if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
			return false;
	} else if (len == 20) {
		if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &m, &d, &hh,
			   &mm, &ss, &n) != 6 ||
		    n != 20)
			return false;
	} else {
		return false;
	}
	if (!valid_date(y, m, d) || hh > 23 || mm > 59 || ss > 59 || hh < 0 ||
	    mm < 0 || ss < 0)
		return false;
	int64_t t = days_from_civil(y, (unsigned)m, (unsigned)d) * 86400 +
		    hh * 3600 + mm * 60 + ss;
	/* A bare date is a day in Vietnam: it starts at 00:00 UTC+7. */
	*out = len == 10 ? t - TS_VN_OFFSET : t;
	return true;
}

/* Floor division, so times before the epoch fall on the day before. */
static int64_t
vn_day(int64_t t)
{
	int64_t s = t + TS_VN_OFFSET;
	return s / 86400 - (s % 86400 < 0);
}

int64_t
ts_time_vn_days(int64_t from, int64_t to)
{
	return vn_day(to) - vn_day(from);
}

const char *
ts_time_vn_date(int64_t t, char *out)
{
	time_t tt = (time_t)(t + TS_VN_OFFSET);
	struct tm tm;
	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, TS_TIME_SIZE, "%d/%m/%Y", &tm) == 0)
		snprintf(out, TS_TIME_SIZE, "?");
	return out;
}

const char *
ts_day_vn(const char *day, char out[TS_TIME_SIZE])
{
	int64_t t;
	char d[11];
	snprintf(d, sizeof(d), "%.10s", day ? day : "");
	if (strlen(d) == 10 && ts_time_parse(d, &t))
		snprintf(out, TS_TIME_SIZE, "%.2s/%.2s/%.4s", d + 8, d + 5, d);
	else
		snprintf(out, TS_TIME_SIZE, "%s", day ? day : "");
	return out;
}

const char *
ts_time_vn_text(const char *iso, char *out)
{
	int64_t t;
	struct tm tm;
	time_t tt;
	if (iso == NULL || !ts_time_parse(iso, &t)) {
		snprintf(out, TS_TIME_SIZE, "?");
		return out;
	}
	tt = (time_t)(t + TS_VN_OFFSET);
	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, TS_TIME_SIZE, "%H:%M %d/%m/%Y", &tm) == 0)
		snprintf(out, TS_TIME_SIZE, "?");
	return out;
}
