/*
 * `truongso demo`: one province (Sở) with Phòng GD&ĐT and communes, about
 * 150 schools across every cấp học (some liên cấp), users for every role,
 * a QĐ 4725 campaign and a mầm non campaign of the Sở, a seed 001
 * (Thủ Dầu Một) campaign of one Phòng, and submissions in every state
 * (not started, draft, submitted, returned, resubmitted, approved with
 * external scores, published, late), so every screen and report has
 * real data. Deterministic: the same database every time.
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
