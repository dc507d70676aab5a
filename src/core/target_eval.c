/* Evaluating targets: đạt / không đạt / tiến độ from exact fractions. */
#include "target.h"

static const char *const RESULT_NAMES[] = {
	[TARGET_NO_DATA] = "chưa có số liệu",
	[TARGET_MET] = "đạt",
	[TARGET_NOT_MET] = "không đạt",
	[TARGET_PROGRESS] = "tiến độ",
};

const char *
target_result_name(enum target_result r)
{
	return RESULT_NAMES[r];
}

bool
target_past_deadline(const struct target_set *t, int year, int month, int day)
{
	long now = (long)year * 10000 + month * 100 + day;
	long by = (long)t->by_year * 10000 + t->by_month * 100 + t->by_day;
	return now > by;
}

/* The rate of an office's own values: its yes/no, percentage or part of
 * a whole. */
static struct agg_rate
office_rate(const struct measure *m, const struct ind_values *office)
{
	struct agg_cell c = { 0 };
	struct agg_unit u = { .levels = ~0u, .values = office };
	if (office != NULL)
		agg_cell_over(m->indicator, &u, 1, ~0u, &c);
	return agg_cell_rate(m->indicator, &c);
}

static bool
meets(const struct measure *m, struct agg_rate r)
{
	/* rate = num/den ≥ value  ⇔  num ≥ value·den (den > 0) */
	int64_t want = (int64_t)m->value * r.den;
	return m->op == TARGET_GE ? r.num >= want : r.num > want;
}

/* Fewest more units (each worth 10000 in num) that meet the target. */
static int64_t
short_by(const struct measure *m, struct agg_rate r)
{
	int64_t missing = (int64_t)m->value * r.den - r.num;
	if (m->indicator->type == IND_PERCENT)
		return -1;
	if (m->op == TARGET_GE)
		return (missing + 9999) / 10000;
	return missing / 10000 + 1;
}

struct measure_eval
target_measure(const struct measure *m, const struct agg_unit *u, size_t n,
	       const struct ind_values *office, bool past_deadline)
{
	struct measure_eval e = { .result = TARGET_NO_DATA, .short_by = -1 };
	if (m->office) {
		e.rate = office_rate(m, office);
		e.units = 1;
		e.answered = office != NULL &&
			     ind_values_get(office, m->indicator->code) != NULL;
	} else {
		struct agg_cell c;
		agg_cell_over(m->indicator, u, n, m->school_levels, &c);
		e.rate = agg_cell_rate(m->indicator, &c);
		e.units = c.units;
		e.answered = c.answered;
	}
	if (m->manual) {
		const struct ind_value *x =
			office ? ind_values_get(office, m->indicator->code)
			       : NULL;
		if (x != NULL)
			e.result = x->yes ? TARGET_MET : TARGET_NOT_MET;
		return e;
	}
	if (e.rate.den <= 0)
		return e;
	if (meets(m, e.rate)) {
		e.result = TARGET_MET;
		return e;
	}
	e.result = past_deadline ? TARGET_NOT_MET : TARGET_PROGRESS;
	e.gap = m->value - agg_rate_value(e.rate);
	if (e.gap <= 0) /* 49,996% shows as 50% yet is below 50% */
		e.gap = 1;
	e.short_by = short_by(m, e.rate);
	return e;
}

enum target_result
target_combine(const struct measure_eval *m, size_t n)
{
	enum target_result r = TARGET_MET;
	for (size_t i = 0; i < n; i++) {
		if (m[i].result == TARGET_NOT_MET)
			return TARGET_NOT_MET;
		if (m[i].result == TARGET_PROGRESS)
			r = TARGET_PROGRESS;
		else if (m[i].result == TARGET_NO_DATA && r == TARGET_MET)
			r = TARGET_NO_DATA;
	}
	return r;
}
