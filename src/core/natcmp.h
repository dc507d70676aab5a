/* Natural order of unit codes: digit runs compare as numbers, so
 * "31DK001" < "31DK002" < "31DK010" and "31DK9" < "31DK10". */
#ifndef TS_NATCMP_H
#define TS_NATCMP_H

/* Negative, zero or positive as a sorts before, with or after b. Digit
 * runs compare by value, then (equal value) the shorter run first, so
 * "7" < "07" and the order is total; other bytes compare as unsigned
 * bytes. NULL sorts before any string. */
int natcmp(const char *a, const char *b);

#endif
