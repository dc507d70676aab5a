/*
 * `truongso demo`: one province (Sở) in both administrative shapes: five
 * district Phòng GD&ĐT until 30/6/2025, then five commune-level offices
 * (UBND phường/xã) that took over their MN/TH/THCS schools, the Sở
 * keeping THPT and GDTX (rules.md §12; the tree's history records the
 * move). About 150 schools across every cấp học (some liên cấp), users
 * for every role (an observer at the Sở), the 2025-2026 rounds: a QĐ 4725
 * campaign reviewed by the commune offices, a mầm non campaign the Sở
 * reviews itself, a seed 001 (Thủ Dầu Một) campaign of one commune
 * office, with submissions in every state (not started, draft, submitted,
 * returned, resubmitted, approved with external scores, published,
 * late); and the QĐ 4725 rounds of 2022-2023 to 2024-2025, reviewed by
 * the Phòng, every result approved, for year-over-year comparison.
 * Deterministic: the same database every time.
 */
#ifndef TS_DEMO_H
#define TS_DEMO_H

#include "app.h"

#define DEMO_PASSWORD "truongso-demo"

struct demo_result {
	size_t units, schools, users, campaigns, submissions;
};

/* Refuses a database that already has org units. */
enum ts_err demo_create(struct app *app, struct demo_result *r,
			struct diags *d) TS_MUSTCHECK;

#endif
