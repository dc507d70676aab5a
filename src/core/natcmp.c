/* Natural order of codes (natcmp.h). Pure: no allocation, no locale. */
#include "natcmp.h"

#include <stddef.h>

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Compares the digit runs at *pa and *pb by value and advances both past
 * them; *tie gets the run-length order for equal values. */
static int
digits(const char **pa, const char **pb, int *tie)
{
	const char *a = *pa, *b = *pb;
	while (*a == '0' && is_digit(a[1]))
		a++;
	while (*b == '0' && is_digit(b[1]))
		b++;
	size_t na = 0, nb = 0;
	while (is_digit(a[na]))
		na++;
	while (is_digit(b[nb]))
		nb++;
	int r = na < nb ? -1 : na > nb;
	for (size_t i = 0; r == 0 && i < na; i++)
		r = a[i] < b[i] ? -1 : a[i] > b[i];
	if (*tie == 0)
		*tie = (int)(a - *pa) - (int)(b - *pb);
	*pa = a + na;
	*pb = b + nb;
	return r;
}

/* One step of the walk: a digit run against a digit run, else one
 * character against one. Returns the order found, or 0 to go on. */
static int
step(const char **pa, const char **pb, int *tie)
{
	const char *a = *pa, *b = *pb;
	if (is_digit(*a) && is_digit(*b))
		return digits(pa, pb, tie);
	if (*a != *b)
		return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
	*pa = a + 1;
	*pb = b + 1;
	return 0;
}

int
natcmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	int tie = 0;
	while (*a && *b) {
		int r = step(&a, &b, &tie);
		if (r)
			return r;
	}
	if (*a || *b)
		return *a ? 1 : -1;
	return tie;
}
