/* The org tree changes without their own transaction, for callers that
 * make several in one (the importer). */
#ifndef TS_ORG_INT_H
#define TS_ORG_INT_H

#include "org.h"

enum ts_err org_add_tx(struct app *app, const struct actor *who,
		       const struct org_new *n, int64_t *id, struct diags *d);
enum ts_err org_rename_tx(struct app *app, const struct actor *who,
			  const char *code, const char *name, struct diags *d);
enum ts_err org_move_tx(struct app *app, const struct actor *who,
			const char *code, const char *parent_code,
			struct diags *d);
enum ts_err org_set_levels_tx(struct app *app, const struct actor *who,
			      const char *code, unsigned levels,
			      struct diags *d);

/* TS_OK if the actor may change the unit at path (own_ok: or add under
 * its own unit), else TS_EFORBIDDEN with the reason in d. */
enum ts_err org_require_admin(const struct actor *who, const char *path,
			      bool own_ok, const char *code,
			      struct diags *d);

#endif
