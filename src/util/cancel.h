/*
 * Abandoning long work whose result nobody will take: a builder asks
 * ts_cancelled() as it goes (per row, per page) and stops with
 * TS_ECANCELED when it says so. What "nobody" means is the caller's: the
 * web server asks whether the client closed its connection. The question
 * is put every `every` calls (the first call always asks), since asking
 * may be a system call; once true it stays true.
 */
#ifndef TS_CANCEL_H
#define TS_CANCEL_H

#include <stdbool.h>

struct ts_cancel {
	bool (*gone)(void *arg); /* true: stop */
	void *arg;
	unsigned every; /* ask every N calls; 0 counts as 1 */
	unsigned calls;
	bool cancelled;
};

/* False for NULL (work nobody can cancel). */
bool ts_cancelled(struct ts_cancel *c);

#endif
