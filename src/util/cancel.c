#include "cancel.h"

#include <stddef.h>

bool
ts_cancelled(struct ts_cancel *c)
{
	if (c == NULL || c->gone == NULL)
		return false;
	if (c->cancelled)
		return true;
	unsigned every = c->every ? c->every : 1;
	if (c->calls++ % every == 0)
		c->cancelled = c->gone(c->arg);
	return c->cancelled;
}
