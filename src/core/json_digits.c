#include "json_digits.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

struct scan {
	const char *s;
	size_t n, i;
	struct jd_frame f[JD_DEPTH];
	size_t depth; /* may exceed JD_DEPTH; frames beyond are not kept */
};

static struct jd_frame *
top(struct scan *k)
{
	return k->depth > 0 && k->depth <= JD_DEPTH ? &k->f[k->depth - 1]
						    : NULL;
}

static void
skip_string(struct scan *k)
{
	size_t start = ++k->i;
	while (k->i < k->n && k->s[k->i] != '"')
		k->i += k->s[k->i] == '\\' ? 2 : 1;
	struct jd_frame *t = top(k);
	if (t != NULL && t->object && t->want_key) {
		t->key = k->s + start;
		t->klen = (k->i < k->n ? k->i : k->n) - start;
		t->want_key = false;
	}
	k->i++;
}

static size_t
digits(struct scan *k, size_t *zeros)
{
	size_t d = 0;
	for (; k->i < k->n && k->s[k->i] >= '0' && k->s[k->i] <= '9'; k->i++) {
		d++;
		*zeros = k->s[k->i] == '0' ? *zeros + 1 : 0;
	}
	return d;
}

/* The signed exponent ("e-3": -3; none: 0), capped in size. */
static long
exponent(struct scan *k)
{
	long exp = 0, sign = 1;
	if (k->i >= k->n || (k->s[k->i] != 'e' && k->s[k->i] != 'E'))
		return 0;
	k->i++;
	if (k->i < k->n && (k->s[k->i] == '+' || k->s[k->i] == '-'))
		sign = k->s[k->i++] == '-' ? -1 : 1;
	for (; k->i < k->n && k->s[k->i] >= '0' && k->s[k->i] <= '9'; k->i++)
		if (exp < 100000)
			exp = exp * 10 + (k->s[k->i] - '0');
	return sign * exp;
}

/* Decimals of the value: fraction digits, less the exponent, less the
 * trailing zeros of all the digits ("1.50e1" = 15 has none). */
static long
number_decimals(struct scan *k)
{
	size_t zeros = 0, all, frac = 0;
	if (k->s[k->i] == '-')
		k->i++;
	all = digits(k, &zeros);
	if (k->i < k->n && k->s[k->i] == '.') {
		k->i++;
		frac = digits(k, &zeros);
		all += frac;
	}
	long exp = exponent(k);
	if (zeros == all)
		return 0; /* the value is 0 */
	return (long)frac - exp - (long)zeros;
}

/*
 * jansson writes a double with 17 significant digits, so answers stored
 * by earlier versions hold 12.35 as "12.350000000000001". That text is
 * exactly the double of a two-decimal value and passes; any other long
 * text ("9.999999999999999999", which is also the double 10) does not.
 */
static bool
stored_double_text(const char *num, size_t n)
{
	char tmp[64];
	if (n >= sizeof(tmp))
		return false;
	memcpy(tmp, num, n);
	tmp[n] = '\0';
	double d = strtod(tmp, NULL);
	if (!isfinite(d) || fabs(d) > 1e13)
		return false;
	double r = nearbyint(d * 100) / 100;
	struct buf b;
	buf_init(&b, 64);
	buf_printf(&b, "%.17g", r);
	bool same = strcmp(buf_str(&b), tmp) == 0;
	buf_release(&b);
	return same;
}

static void
push(struct scan *k, bool object)
{
	if (k->depth < JD_DEPTH)
		k->f[k->depth] = (struct jd_frame){ .object = object,
						    .want_key = object };
	k->depth++;
	k->i++;
}

static void
comma(struct scan *k)
{
	struct jd_frame *t = top(k);
	if (t != NULL && t->object)
		t->want_key = true;
	else if (t != NULL)
		t->idx++;
	k->i++;
}

/* One number at k: 1 (reported to bad) if it has too many decimals. */
static size_t
number(struct scan *k, const char *text, jd_bad_fn bad, void *ctx)
{
	size_t start = k->i, found = 0;
	if (number_decimals(k) > 2 &&
	    !stored_double_text(text + start, k->i - start)) {
		found = 1;
		bad(ctx, k->f, k->depth < JD_DEPTH ? k->depth : JD_DEPTH,
		    text + start, k->i - start);
	}
	if (k->i == start)
		k->i++;
	return found;
}

size_t
json_excess_decimals(const char *text, size_t len, jd_bad_fn bad, void *ctx)
{
	struct scan k = { .s = text, .n = len };
	size_t found = 0;
	while (k.i < k.n) {
		char c = k.s[k.i];
		if (c == '"') {
			skip_string(&k);
		} else if (c == '{' || c == '[') {
			push(&k, c == '{');
		} else if (c == '}' || c == ']') {
			k.depth -= k.depth > 0;
			k.i++;
		} else if (c == ',') {
			comma(&k);
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			found += number(&k, text, bad, ctx);
		} else {
			k.i++;
		}
	}
	return found;
}
