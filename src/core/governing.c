/* Cơ quan chủ quản by unit kind, cấp học and date (rules.md §12). */
#include "governing.h"

#include "rubric.h"

enum gov_body
governing_body(enum gov_unit u, unsigned school_levels, long date)
{
	bool two_tier = date == 0 || date >= GOV_TWO_TIER;
	switch (u) {
	case GOV_U_SCHOOL:
		if (!two_tier)
			return GOV_PARENT;
		/* A school teaching THPT or GDTX is the Sở's. */
		return school_levels & (LEVEL_THPT | LEVEL_GDTX) ? GOV_SO
								 : GOV_COMMUNE;
	case GOV_U_PHONG:
	case GOV_U_SO: return GOV_UBND;
	case GOV_U_XA:
	case GOV_U_BO: return GOV_NONE;
	}
	return GOV_PARENT;
}
