/* The org tree changes without their own transaction, for callers that
 * make several in one (the importer). */
#ifndef TS_ORG_INT_H
#define TS_ORG_INT_H

#include "org.h"

enum ts_err org_add_tx(struct app *app, const struct actor *who,
		       const struct org_new *n, int64_t *id, struct diags *d);
enum ts_err org_rename_tx(struct app *app, const struct actor *who,
			  const char *code, const char *name, struct diags *d);
/* day: the first day under the new parent (NULL: today). */
enum ts_err org_move_tx(struct app *app, const struct actor *who,
			const char *code, const char *parent_code,
			const char *day, struct diags *d);

/* The tree over time (org_parent.c, migration 0012). */
void org_today(char day[11]); /* today in Việt Nam, YYYY-MM-DD */
/* A new unit under parent (0: a root) from day. */
enum ts_err org_parent_start(struct app *app, int64_t unit, int64_t parent,
			     const char *day);
/* The unit moves under parent from day (checked by org_move_day_why
 * first): its current row ends the day before. */
enum ts_err org_parent_change(struct app *app, const struct org_unit *u,
			      int64_t parent, const char *day);
/* Why u cannot sit under p from day (NULL: today), in *why (NULL: it
 * can): a malformed or future day, a day before u or p started, or before
 * u came under its current parent. */
enum ts_err org_move_day_why(struct app *app, const struct org_unit *u,
			     const struct org_unit *p, const char *day,
			     struct arena *a, const char **why);
enum ts_err org_set_levels_tx(struct app *app, const struct actor *who,
			      const char *code, unsigned levels,
			      struct diags *d);

/* TS_OK if the actor may change the unit at path (own_ok: or add under
 * its own unit), else TS_EFORBIDDEN with the reason in d. */
enum ts_err org_require_admin(const struct actor *who, const char *path,
			      bool own_ok, const char *code, struct diags *d);

#endif
