/* The charts each document draws, listed once: the builders draw these
 * and the report page shows these (bieu-do-N.svg), so the page never
 * offers a chart the document does not have. */
#include <stdio.h>

#include "../core/completeness.h"
#include "../core/rubric.h"
#include "../util/arena.h"
#include "report.h"
#include "years.h"

/* Phụ lục 1: one chart per group that has scored criteria. */
static bool
scored(const struct group *g)
{
	for (size_t c = 0; c < g->ncriteria; c++)
		if (g->criteria[c].max > 0)
			return true;
	return false;
}

/* "Nhóm tiêu chí 1: <what>" */
static const char *
title(struct arena *a, const char *id, const char *what)
{
	char t[256];
	snprintf(t, sizeof(t), "Nhóm tiêu chí %s: %s", id, what);
	return arena_strdup(a, t);
}

/* The charts across years (issue 16), into c: Phụ lục 3's, one per
 * group with levels (report_years_office.c); the school's, one
 * (report_years.c). Returns how many. */
static size_t
years_charts(const struct report_kind_info *k, const struct rubric *r,
	     struct arena *a, struct report_chart *c)
{
	size_t n = 0;
	for (size_t g = 0; k->kind == RK_LEVELS && g < r->ngroups; g++)
		if (r->groups[g].nlevels > 0 && g < LC_GROUPS)
			c[n++] = (struct report_chart){
				(int)g,
				title(a, r->groups[g].id,
				      "tỷ lệ CSGD theo mức độ qua các năm học"),
				true
			};
	if (k->kind == RK_SELF_4725)
		c[n++] = (struct report_chart){ -2, YEARS_CHART_TITLE, false };
	return n;
}

size_t
report_charts(const struct report_kind_info *k, const struct rubric *r,
	      struct arena *a, const struct report_chart **out)
{
	*out = NULL;
	if (k == NULL || r == NULL)
		return 0;
	struct report_chart *c = arena_calloc(a, 2 * r->ngroups + 2,
					      sizeof(*c));
	if (c == NULL)
		return 0;
	size_t n = 0;
	unsigned shape = rubric_shape(r);
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group *gr = &r->groups[g];
		const char *t = NULL;
		if (k->kind == RK_SELF_4725 && scored(gr))
			t = title(a, gr->id,
				  "điểm từng tiêu chí so với điểm "
				  "tối đa");
		else if (k->kind == RK_LEVELS && gr->nlevels > 0 &&
			 g < LC_GROUPS)
			t = title(a, gr->id, "tỷ lệ CSGD theo mức độ");
		if (t)
			c[n++] = (struct report_chart){ (int)g, t, false };
	}
	n += years_charts(k, r, a, c + n);
	/* A graded rubric's office summary: one chart of the grades. */
	if (k->kind == RK_LEVELS && !(shape & RS_LEVELS) && (shape & RS_GRADE))
		c[n++] = (struct report_chart){ -1, "Tỷ lệ CSGD theo xếp loại",
						false };
	*out = c;
	return n;
}
