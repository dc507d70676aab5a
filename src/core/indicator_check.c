/* The rules of an indicator set applied to a unit's values: what blocks
 * submission and what asks the unit to confirm. */
#include <string.h>

#include "indicator_values.h"

void
ind_check_init(struct ind_check *c)
{
	diags_init(&c->errors);
	diags_init(&c->unconfirmed);
	diags_init(&c->confirmed);
}

void
ind_check_release(struct ind_check *c)
{
	diags_release(&c->errors);
	diags_release(&c->unconfirmed);
	diags_release(&c->confirmed);
}

bool
ind_check_submittable(const struct ind_check *c)
{
	return diags_count(&c->errors) == 0 &&
	       diags_count(&c->unconfirmed) == 0;
}

/* Entered, and for a list at least one name. */
static bool
filled(const struct indicator *it, const struct ind_value *x)
{
	return x->present && (it->type != IND_NAMES || x->nnames > 0);
}

static bool
required_now(const struct ind_values *v, const struct indicator *it)
{
	if (it->required)
		return true;
	if (it->required_if == NULL)
		return false;
	const struct ind_value *c = &v->v[it->required_if->idx];
	return c->present && c->yes;
}

static void
check_presence(const struct ind_values *v, const struct indicator *it,
	       unsigned levels, struct ind_check *out)
{
	const struct ind_value *x = &v->v[it->idx];
	bool applies = (it->school_levels & levels) != 0;
	if (!applies && x->present)
		diags_add(&out->errors, it->code,
			  "“%s” không áp dụng cho cấp "
			  "học của đơn vị; hãy bỏ trống",
			  it->label);
	else if (applies && !filled(it, x) && required_now(v, it))
		diags_add(&out->errors, it->code, "“%s” chưa được nhập%s",
			  it->label,
			  it->required_if ? " (bắt buộc khi đã chọn "
					    "có ở chỉ số trên)"
					  : "");
}

static void
check_part(const struct ind_values *v, const struct indicator *it,
	   struct ind_check *out)
{
	char a[PTS_FMT_SIZE], b[PTS_FMT_SIZE];
	const struct ind_value *x = &v->v[it->idx];
	if (it->whole == NULL || !x->present)
		return;
	const struct ind_value *w = &v->v[it->whole->idx];
	if (w->present && x->num > w->num)
		diags_add(&out->errors, it->code,
			  "“%s” (%s) lớn hơn “%s” "
			  "(%s)",
			  it->label, pts_format_vn(x->num, a), it->whole->label,
			  pts_format_vn(w->num, b));
}

/* |new − old| more than warn_change percent of old; from 0, any change. */
static bool
far_from(pts_t now, pts_t old, pts_t warn_change)
{
	pts_t delta = now > old ? now - old : old - now;
	if (old == 0)
		return delta != 0;
	/* delta / old · 100 > warn_change / 100, in integers */
	return delta * 10000 > warn_change * old;
}

static void
check_change(const struct ind_values *v, const struct indicator *it,
	     const struct ind_values *prev, struct ind_check *out)
{
	char a[PTS_FMT_SIZE], b[PTS_FMT_SIZE], w[PTS_FMT_SIZE];
	const struct ind_value *x = &v->v[it->idx];
	const struct ind_value *p = prev ? ind_values_get(prev, it->code)
					 : NULL;
	if (it->warn_change == 0 || !x->present || p == NULL ||
	    !far_from(x->num, p->num, it->warn_change))
		return;
	bool done = x->confirmed != NULL;
	const char *why = done ? x->confirmed : "";
	diags_add(done ? &out->confirmed : &out->unconfirmed, it->code,
		  "“%s”: %s, kỳ trước %s (lệch quá %s%%); %s%s%s", it->label,
		  pts_format_vn(x->num, a), pts_format_vn(p->num, b),
		  pts_format_vn(it->warn_change, w),
		  done ? "đơn vị đã xác nhận" : "cần xác nhận số liệu",
		  why[0] ? ": " : "", why);
}

void
ind_check_run(const struct ind_values *v, unsigned levels,
	      const struct ind_values *prev, struct ind_check *out)
{
	for (size_t i = 0; i < v->set->n; i++) {
		const struct indicator *it = v->set->v[i];
		check_presence(v, it, levels, out);
		check_part(v, it, out);
		check_change(v, it, prev, out);
	}
}
