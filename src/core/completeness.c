#include "completeness.h"
#include "rubric.h"

#include <string.h>

/* Length of the child-of-root prefix of path ("/1/4/" under "/1/" for
 * "/1/4/17/"), or 0 when path is not under root. */
static size_t
child_prefix_len(const char *root, size_t rlen, const char *path)
{
	if (strncmp(root, path, rlen) != 0)
		return 0;
	const char *slash = strchr(path + rlen, '/');
	return slash ? (size_t)(slash - path) + 1 : strlen(path);
}

static void
add(struct completeness_row *r, const struct unit_status *u)
{
	r->expected++;
	r->by_state[u->state]++;
	if (u->late)
		r->late++;
}

size_t
completeness_count(const struct unit_status *rows, size_t n,
		   const char *root_path, struct completeness_row *out,
		   size_t max, struct completeness_row *total)
{
	size_t rlen = strlen(root_path), nout = 0;
	memset(total, 0, sizeof(*total));
	struct completeness_row *cur = NULL;
	const char *last = NULL; /* prefix of the current group */
	size_t last_len = 0;
	for (size_t i = 0; i < n; i++) {
		size_t plen = child_prefix_len(root_path, rlen, rows[i].path);
		if (plen == 0 || plen >= sizeof(out->prefix))
			continue;
		if (last == NULL || last_len != plen ||
		    strncmp(last, rows[i].path, plen) != 0) {
			last = rows[i].path;
			last_len = plen;
			cur = nout < max ? &out[nout] : NULL;
			nout++;
			if (cur != NULL) {
				memset(cur, 0, sizeof(*cur));
				memcpy(cur->prefix, rows[i].path, plen);
			}
		}
		if (cur != NULL)
			add(cur, &rows[i]);
		add(total, &rows[i]);
	}
	return nout;
}

/* More than one cấp học bit: a liên cấp school. */
static bool
several(unsigned school_levels)
{
	return (school_levels & (school_levels - 1)) != 0;
}

unsigned
csgd_kinds(unsigned school_levels)
{
	unsigned k = 0;
	if (school_levels & LEVEL_MN)
		k |= 1u << CSGD_MN;
	if (school_levels & (LEVEL_TH | LEVEL_THCS | LEVEL_THPT))
		k |= 1u << CSGD_PT;
	if (school_levels & LEVEL_GDTX)
		k |= 1u << CSGD_TX;
	return k;
}

void
level_counts_add(struct level_counts *c, unsigned school_levels,
		 const int *group_level, size_t ngroups)
{
	c->units_all++;
	c->multi += several(school_levels);
	for (size_t g = 0; g < ngroups && g < LC_GROUPS; g++)
		if (group_level[g] >= 1 && group_level[g] < LC_MUC)
			c->all[g][group_level[g]]++;
	for (size_t l = 0; l < LC_LEVELS; l++) {
		if (!(school_levels & (1u << l)))
			continue;
		c->units[l]++;
		for (size_t g = 0; g < ngroups && g < LC_GROUPS; g++)
			if (group_level[g] >= 1 && group_level[g] < LC_MUC)
				c->n[g][l][group_level[g]]++;
	}
}

void
grade_counts_add(struct grade_counts *c, unsigned school_levels, int grade,
		 const bool *gates_met, const int64_t *points, size_t ngroups)
{
	bool graded = grade >= 1 && grade <= GC_GRADES;
	c->units_all++;
	c->multi += several(school_levels);
	if (graded)
		c->all[grade - 1]++;
	for (size_t g = 0; g < ngroups && g < LC_GROUPS; g++) {
		c->gates_all[g] += gates_met[g];
		c->points_all[g] += points[g];
	}
	for (size_t l = 0; l < LC_LEVELS; l++) {
		if (!(school_levels & (1u << l)))
			continue;
		c->units[l]++;
		if (graded)
			c->n[l][grade - 1]++;
		for (size_t g = 0; g < ngroups && g < LC_GROUPS; g++) {
			c->gates[g][l] += gates_met[g];
			c->points[g][l] += points[g];
		}
	}
}

void
participation_add(struct participation *p, unsigned school_levels,
		  bool took_part)
{
	p->expected_all++;
	p->took_part_all += took_part;
	if (several(school_levels)) {
		p->multi_expected++;
		p->multi_took_part += took_part;
	}
	unsigned kinds = csgd_kinds(school_levels);
	for (size_t k = 0; k < CSGD_KINDS; k++)
		if (kinds & (1u << k)) {
			p->kind_expected[k]++;
			p->kind_took_part[k] += took_part;
		}
	for (size_t l = 0; l < LC_LEVELS; l++)
		if (school_levels & (1u << l)) {
			p->expected[l]++;
			p->took_part[l] += took_part;
		}
}
