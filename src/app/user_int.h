/* Rules on accounts shared by adding and changing them. */
#ifndef TS_USER_INT_H
#define TS_USER_INT_H

#include "org.h"
#include "user.h"

/* Why an account with this role cannot sit at this unit, or NULL. */
const char *user_role_problem(enum role role, const struct org_unit *unit);

#endif
