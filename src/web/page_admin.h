/* Helpers shared by the administration pages. */
#ifndef TS_PAGE_ADMIN_H
#define TS_PAGE_ADMIN_H

#include "../app/admin_list.h"
#include "web.h"

/* True for an admin; otherwise answers 403 and returns false. */
bool admin_only(struct req *r);
/* <label> and a text <input> named `name`, prefilled with value. */
void text_input(struct buf *b, const char *name, const char *label,
		const char *value);

/* A unit's page (page_admin_unit.c); after a refused post, f is the
 * posted form and each error shows at its date field too. */
struct unit_errs {
	const char *move_day, *close_day;
};
void admin_unit_page(struct req *r, const char *code, const struct kvlist *f,
		     const struct unit_errs *err);

/* The contact card (page_contact.c): phone and e-mail of a unit or an
 * account, posted to action; after a refused post, the values typed. */
struct contact;
void contact_form(struct req *r, const char *action, const struct contact *cur);
/* Saves the posted contact of the account (or unit) `key`. */
enum ts_err contact_save(struct req *r, bool account, const char *key);

/* The late-joiner section of a campaign's edit page
 * (page_campaign_join.c). */
struct campaign;
void campaign_join_section(struct req *r, const struct campaign *c);

#define LIST_PAGE_ROWS 100

/* The admin lists' paging (page_list.c): ?page= (1, 2, ...) and ?q= into
 * pg, or a 400 page and false for a bad page number. */
bool list_params(struct req *r, struct list_page *pg);
/* A GET form searching the list at action. */
void list_search_form(struct req *r, const char *action, const char *label,
		      const struct list_page *pg);
/* "Dòng a–b trong n · Trang x/y" with links to the pages around. */
void list_nav(struct req *r, const char *action, const struct list_page *pg,
	      size_t shown);
/* The same with more of the query ("&name=value...", escaped) kept in
 * the links. */
void list_nav_with(struct req *r, const char *action, const char *extra,
		   const struct list_page *pg, size_t shown);

#endif
