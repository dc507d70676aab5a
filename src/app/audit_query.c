#include "audit_query.h"

#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "org.h"

/* The actor's subtree, as an index range (org.h). */
#define ACTOR_UNDER SQL_PATH_UNDER("o.path", "?1")

static const char SQL_AUDIT[] =
	"SELECT a.id, a.at, a.actor, a.action, a.object, a.detail FROM audit a "
	"WHERE (?1 = '/' OR a.actor IN (SELECT u.login FROM app_user u JOIN "
	"org_unit o ON o.id = u.org_unit_id WHERE " ACTOR_UNDER ")) "
	"AND (?2 IS NULL OR a.object LIKE ?2 || '%') "
	"AND (?3 IS NULL OR a.action LIKE ?3 || '%') "
	"AND (?4 IS NULL OR a.actor = ?4) ORDER BY a.id DESC LIMIT ?5";

enum ts_err
audit_list(struct app *app, const struct actor *who,
	   const struct audit_filter *f, struct arena *a,
	   struct audit_entry **out, size_t *n, struct diags *d)
{
	*n = 0;
	if (actor_may(who, PK_AUDIT, NULL, PA_VIEW, who->login, d) != TS_OK)
		return TS_EFORBIDDEN;
	struct db_stmt *st = db_prep(app->db, SQL_AUDIT);
	size_t limit = f->limit ? f->limit : 50;
	struct audit_entry *v = arena_calloc(a, limit, sizeof(*v));
	if (st == NULL || v == NULL)
		return st ? TS_ENOMEM : app_db_error(app, d, "đọc nhật ký");
	db_bind_text(st, 1, who->path);
	db_bind_text(st, 2, f->object);
	db_bind_text(st, 3, f->action);
	db_bind_text(st, 4, f->actor);
	db_bind_int(st, 5, (int64_t)limit);
	while (*n < limit && db_step(st) == DB_ROW) {
		struct audit_entry *e = &v[(*n)++];
		e->id = db_col_int(st, 0);
		e->at = db_col_dup(st, 1, a);
		e->actor = db_col_dup(st, 2, a);
		e->action = db_col_dup(st, 3, a);
		e->object = db_col_dup(st, 4, a);
		e->detail = db_col_dup(st, 5, a);
	}
	if (db_finish(st) != TS_OK)
		return app_db_error(app, d, "đọc nhật ký");
	*out = v;
	return TS_OK;
}
