/* Helpers shared by the administration pages. */
#ifndef TS_PAGE_ADMIN_H
#define TS_PAGE_ADMIN_H

#include "web.h"

/* True for an admin; otherwise answers 403 and returns false. */
bool admin_only(struct req *r);
/* <label> and a text <input> named `name`, prefilled with value. */
void text_input(struct buf *b, const char *name, const char *label,
		const char *value);

#endif
