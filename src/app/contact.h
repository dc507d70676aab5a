/*
 * Contact details (issue 17 item 7): a phone number and an e-mail address
 * for each unit and each account, set by the admins who may change that
 * unit or account (core/policy.c), checked by core/contact.c, audited.
 */
#ifndef TS_APP_CONTACT_H
#define TS_APP_CONTACT_H

#include "app.h"

struct contact {
	const char *phone; /* NULL: leave as is; "": remove */
	const char *email;
};

/* The unit `code`'s contact; the unit's own admins cannot (like a
 * rename: an admin changes the units below their own). */
enum ts_err org_set_contact(struct app *app, const struct actor *who,
			    const char *code, const struct contact *c,
			    struct diags *d) TS_MUSTCHECK;
/* The account `login`'s contact, by an admin above it (or of its unit). */
enum ts_err user_set_contact(struct app *app, const struct actor *who,
			     const char *login, const struct contact *c,
			     struct diags *d) TS_MUSTCHECK;
/* The stored contact of a unit or an account (arena strings, NULL: none). */
struct arena;
enum ts_err org_contact(struct app *app, int64_t unit_id, struct arena *a,
			struct contact *out) TS_MUSTCHECK;
enum ts_err user_contact(struct app *app, const char *login, struct arena *a,
			 struct contact *out) TS_MUSTCHECK;

#endif
