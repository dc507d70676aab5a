/*
 * Cơ quan chủ quản: the first line of an NĐ 30 header, the body a unit
 * answers to (rules.md §12). Pure: which body, from the unit's kind, its
 * cấp học and the document's date; the app layer finds that body in the
 * org tree and words it.
 */
#ifndef TS_GOVERNING_H
#define TS_GOVERNING_H

/* The unit a document is issued by. */
enum gov_unit {
	GOV_U_SCHOOL,
	GOV_U_PHONG,
	GOV_U_XA,
	GOV_U_SO,
	GOV_U_BO
};

enum gov_body {
	GOV_NONE,   /* no line: the unit heads its own branch (a UBND, Bộ) */
	GOV_PARENT, /* the unit managing it in the org tree */
	GOV_UBND, /* the UBND of its own quận/huyện or tỉnh/thành phố */
	GOV_COMMUNE, /* the UBND xã/phường above it */
	GOV_SO,	     /* the Sở GD&ĐT above it */
};

/* From this day (yyyymmdd) there is no district level: MN/TH/THCS
 * schools answer to their UBND xã/phường, THPT/GDTX to the Sở. */
#define GOV_TWO_TIER 20250701

/* school_levels: enum school_level bits (rubric.h); date: yyyymmdd of
 * the document (0 = unknown: taken as today's shape, two-tier). */
enum gov_body governing_body(enum gov_unit u, unsigned school_levels,
			     long date);

#endif
