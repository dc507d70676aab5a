/*
 * The admin lists of accounts and units one page at a time, optionally
 * narrowed by a search (issue 17, item 9): a province has thousands of
 * each, too many for one page.
 */
#ifndef TS_ADMIN_LIST_H
#define TS_ADMIN_LIST_H

#include "org.h"
#include "user.h"

/* In: which rows (offset, at most limit) and the search text (NULL or ""
 * for all). Out: how many rows there are in all (with the search). */
struct list_page {
	const char *q;
	size_t offset, limit;
	size_t total;
};

/* Accounts of units in the actor's subtree, by unit then login; q matches
 * word prefixes (core/search.h) of the login, name, unit code and unit
 * name. */
enum ts_err user_list_page(struct app *app, const struct actor *who,
			   struct list_page *pg, struct arena *a,
			   struct user_info **out, size_t *n,
			   struct diags *d) TS_MUSTCHECK;

/* Units of the actor's subtree in tree order; q matches word prefixes of
 * the name or the code. */
enum ts_err org_list_page(struct app *app, const struct actor *who,
			  struct list_page *pg, struct arena *a,
			  struct org_unit **out, size_t *n,
			  struct diags *d) TS_MUSTCHECK;

#endif
