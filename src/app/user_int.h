/* Rules on accounts shared by adding and changing them. */
#ifndef TS_USER_INT_H
#define TS_USER_INT_H

#include "org.h"
#include "user.h"

/* Why an account with this role cannot sit at this unit, or NULL. */
const char *user_role_problem(enum role role, const struct org_unit *unit);

/* An existing account, for changing it. */
struct user_target {
	int64_t id;
	enum role role;
	bool disabled;
	struct org_unit unit;
};
struct arena;
/* TS_ENOTFOUND (with a message) if there is no such login. */
enum ts_err user_target_load(struct app *app, const char *login,
			     struct arena *a, struct user_target *t,
			     struct diags *d) TS_MUSTCHECK;
/* policy_allows for `act` on an account with this role at this unit
 * (PA_CREATE: add or place one there; PA_CHANGE: change this one):
 * TS_OK or TS_EFORBIDDEN with the reason in d at `login`. */
enum ts_err user_may(const struct actor *who, enum role role,
		     const struct org_unit *u, enum pol_action act,
		     const char *login, struct diags *d) TS_MUSTCHECK;
struct db_stmt;
/* db_collect's fill for a struct user_info from columns login, full
 * name, role, unit code, unit name, disabled (user_list, the paged
 * admin list). */
void user_info_fill(struct db_stmt *st, struct arena *a, void *p);

#endif
