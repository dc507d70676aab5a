/* Roll-up of indicator values by bậc học (indicator_agg.h). */
#include <string.h>

#include "../util/arena.h"
#include "../util/vnstr.h"
#include "indicator_agg.h"
#include "rubric.h"

size_t
agg_row_of(unsigned level)
{
	size_t i = 0;
	while (i < AGG_ALL && (1u << i) != level)
		i++;
	return i;
}

const struct agg_cell *
ind_agg_cell(const struct ind_agg *a, const struct indicator *it, size_t row)
{
	return &a->cells[it->idx * AGG_ROWS + row];
}

static bool
add_name(struct arena *ar, struct agg_cell *c, const struct ind_name *nm)
{
	for (size_t i = 0; i < c->nnames; i++)
		if (vn_nfc_equal(c->names[i].name, nm->name)) {
			c->names[i].units++;
			return true;
		}
	if (c->nnames == c->names_cap) { /* grow by doubling in the arena */
		size_t cap = c->names_cap ? 2 * c->names_cap : 8;
		struct agg_name *v = arena_calloc(ar, cap, sizeof(*v));
		if (v == NULL)
			return false;
		if (c->nnames)
			memcpy(v, c->names, c->nnames * sizeof(*v));
		c->names = v;
		c->names_cap = cap;
	}
	c->names[c->nnames++] = (struct agg_name){ nm->name, nm->domestic, 1 };
	c->ndomestic += nm->domestic;
	return true;
}

/* Adds one school's value of `it` to the counts and sums of cell c;
 * returns the value, or NULL when the school has not entered it. */
static const struct ind_value *
add_scalar(const struct indicator *it, const struct ind_values *v,
	   struct agg_cell *c)
{
	const struct ind_value *x = v ? &v->v[it->idx] : NULL;
	c->units++;
	if (x == NULL || !x->present)
		return NULL;
	c->answered++;
	c->sum += x->num;
	c->yes += it->type == IND_YESNO && x->yes;
	if (it->whole != NULL && v->v[it->whole->idx].present) {
		c->part_sum += x->num;
		c->whole_sum += v->v[it->whole->idx].num;
		c->paired++;
	}
	return x;
}

/* Adds one school's value of `it` to cell c, options and names too. */
static bool
add_value(struct ind_agg *a, const struct indicator *it,
	  const struct ind_values *v, struct agg_cell *c)
{
	const struct ind_value *x = add_scalar(it, v, c);
	if (x == NULL)
		return true;
	for (size_t o = 0; it->type == IND_CHOICE && o < it->noptions; o++)
		c->options[o] += strcmp(x->text, it->options[o].id) == 0;
	for (size_t k = 0; k < x->nnames; k++)
		if (!add_name(a->arena, c, &x->names[k]))
			return false;
	return true;
}

void
agg_cell_over(const struct indicator *it, const struct agg_unit *u, size_t n,
	      unsigned levels, struct agg_cell *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t k = 0; k < n; k++)
		if (u[k].levels & levels & it->school_levels)
			add_scalar(it, u[k].values, out);
}

static enum ts_err
alloc_cells(struct ind_agg *a)
{
	const struct ind_set *s = a->set;
	a->cells = arena_calloc(a->arena, s->n * AGG_ROWS + 1,
				sizeof(*a->cells));
	if (a->cells == NULL)
		return TS_ENOMEM;
	for (size_t i = 0; i < s->n; i++)
		for (size_t r = 0; r < AGG_ROWS && s->v[i]->noptions; r++) {
			struct agg_cell *c = &a->cells[i * AGG_ROWS + r];
			c->options = arena_calloc(a->arena, s->v[i]->noptions,
						  sizeof(*c->options));
			if (c->options == NULL)
				return TS_ENOMEM;
		}
	return TS_OK;
}

/* The rows a school counts in: each of its levels, and all levels. */
static enum ts_err
add_unit(struct ind_agg *a, const struct agg_unit *u)
{
	const struct ind_set *s = a->set;
	for (size_t r = 0; r < AGG_ROWS; r++) {
		unsigned bit = r == AGG_ALL ? s->school_levels : 1u << r;
		if (!(u->levels & bit & s->school_levels))
			continue;
		a->units[r]++;
		a->reported[r] += u->values != NULL;
		for (size_t i = 0; i < s->n; i++) {
			const struct indicator *it = s->v[i];
			if (!(it->school_levels & u->levels & bit))
				continue;
			if (!add_value(a, it, u->values,
				       &a->cells[i * AGG_ROWS + r]))
				return TS_ENOMEM;
		}
	}
	return TS_OK;
}

enum ts_err
ind_agg_run(const struct ind_set *s, const struct agg_unit *u, size_t n,
	    struct ind_agg **out)
{
	struct arena *ar = arena_new();
	struct ind_agg *a = ar ? arena_calloc(ar, 1, sizeof(*a)) : NULL;
	if (a == NULL) {
		arena_free(ar);
		return TS_ENOMEM;
	}
	a->arena = ar;
	a->set = s;
	enum ts_err e = alloc_cells(a);
	for (size_t k = 0; e == TS_OK && k < n; k++)
		e = add_unit(a, &u[k]);
	if (e != TS_OK) {
		arena_free(ar);
		return e;
	}
	*out = a;
	return TS_OK;
}

void
ind_agg_free(struct ind_agg *a)
{
	if (a != NULL)
		arena_free(a->arena);
}

struct agg_rate
agg_cell_rate(const struct indicator *it, const struct agg_cell *c)
{
	struct agg_rate r = { 0, 0 };
	if (it->type == IND_YESNO) {
		r.num = (int64_t)c->yes * 10000;
		r.den = (int64_t)c->answered;
	} else if (it->type == IND_PERCENT) {
		r.num = c->sum;
		r.den = (int64_t)c->answered;
	} else if (it->type == IND_COUNT && it->whole != NULL) {
		r.num = c->part_sum / PTS_ONE * 10000;
		r.den = c->whole_sum / PTS_ONE;
	}
	return r;
}

pts_t
agg_rate_value(struct agg_rate r)
{
	if (r.den <= 0)
		return 0;
	return (r.num * 2 + r.den) / (r.den * 2);
}
