/*
 * The page stamps of a participant's form page (migration 0027): counters
 * every write that changes what the page shows raises in its own
 * transaction (by triggers, so in any process, on both backends). Equal
 * stamps read in one snapshot mean the page's inputs are as they were.
 */
#ifndef TS_APP_PAGE_STAMP_H
#define TS_APP_PAGE_STAMP_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"

/* -1 for a stamp with no row yet (never raised since the migration). */
struct page_stamps {
	int64_t unit_id;
	int64_t owner_id;    /* the unit running the campaign */
	int64_t participant; /* (campaign, unit) */
	int64_t campaign;    /* (campaign, 0) */
	int64_t unit;	     /* (0, unit) */
	int64_t owner;	     /* (0, owner) */
};

/* The stamps of campaign cid's page of the unit with this code: false
 * when there is no such campaign or unit code, or the read failed (the
 * caller then loads the page the long way, which reports why). */
bool page_stamps_get(struct app *app, int64_t cid, const char *unit_code,
		     struct page_stamps *out);

#endif
