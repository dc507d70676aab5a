/* Reading the append-only audit log (nhật ký thao tác), newest first. */
#ifndef TS_AUDIT_QUERY_H
#define TS_AUDIT_QUERY_H

#include "app.h"

struct arena;

struct audit_entry {
	int64_t id;
	const char *at;
	const char *actor;
	const char *action;
	const char *object;
	const char *detail; /* may be NULL */
};

struct audit_filter {
	const char *object; /* prefix, e.g. "submission:3/" */
	const char *action; /* prefix, e.g. "submission." */
	const char *actor;  /* exact login */
	size_t limit;
};

/* Admins only. The operator sees everything; an admin sees what accounts
 * of their subtree did. */
enum ts_err audit_list(struct app *app, const struct actor *who,
		       const struct audit_filter *f, struct arena *a,
		       struct audit_entry **out, size_t *n,
		       struct diags *d) TS_MUSTCHECK;

#endif
