/* UTC timestamps as ISO-8601 text ("2026-05-31T16:59:59Z"), the storage
 * form in every backend; dates as "YYYY-MM-DD". Display in Asia/Ho_Chi_Minh
 * (UTC+7, no DST) is done by the caller with ts_time_local_date(). */
#ifndef TS_TIMEUTIL_H
#define TS_TIMEUTIL_H

#include <stdbool.h>
#include <stdint.h>

#define TS_TIME_SIZE 32
#define TS_VN_OFFSET (7 * 3600)

/* Seconds since the epoch. In test builds (TS_TEST_HOOKS) $TRUONGSO_NOW
 * (ISO-8601) overrides the clock, so tests are reproducible; a release
 * build ignores it. */
int64_t ts_time_now(void);
/* Pins the clock (demo data and tests dated in the past); 0 unpins. Not
 * thread-safe: for single-threaded tools only. */
void ts_time_pin(int64_t t);
const char *ts_time_format(int64_t t, char *out);
/* Parses "YYYY-MM-DD" (start of that day in Vietnam time) or
 * "YYYY-MM-DDTHH:MM:SSZ"; false if invalid. */
bool ts_time_parse(const char *s, int64_t *out);
/* Calendar days from the Vietnam day of `from` to that of `to` (the day
 * changes at midnight in Vietnam, not after 24 hours): 0 on the same day,
 * negative when `to` is an earlier day. */
int64_t ts_time_vn_days(int64_t from, int64_t to);
/* "dd/mm/yyyy" of t in Vietnam time. */
const char *ts_time_vn_date(int64_t t, char *out);
/* "dd/mm/yyyy" of a stored day ("YYYY-MM-DD", or the date part of a
 * timestamp), as users read dates; anything else is copied as it is. */
const char *ts_day_vn(const char *day, char out[TS_TIME_SIZE]);
/* "HH:MM dd/mm/yyyy" in Vietnam time of an ISO timestamp ("?" if bad). */
const char *ts_time_vn_text(const char *iso, char *out);

#endif
