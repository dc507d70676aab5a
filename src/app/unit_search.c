/* Finding units: a coarse LIKE on the stored name key, then the word
 * matcher of core/search.c on each candidate. */
#include "unit_search.h"

#include <string.h>

#include "../core/search.h"
#include "../util/arena.h"
#include "../util/vnstr.h"

static const char SQL_FIND[] =
	"SELECT o.code, o.name, o.kind, coalesce(p.name, ''), o.name_key, "
	"cu.unit_id IS NOT NULL, coalesce(s.state, ?5) FROM org_unit o "
	"LEFT JOIN org_unit p ON p.id = o.parent_id LEFT JOIN campaign_unit "
	"cu ON cu.campaign_id = ?2 AND cu.unit_id = o.id LEFT JOIN "
	"submission s ON s.campaign_id = ?2 AND s.unit_id = o.id WHERE " SQL_PATH_UNDER(
		"o.path", "?1") " AND (o.name_key LIKE ?3 OR o.code "
				"= ?4) ORDER BY o.name_key, o.code";

enum ts_err
unit_search_keys(const char *text, struct arena *a, const char **key,
		 const char **pattern)
{
	size_t n;
	*key = vn_fold_key(a, text);
	if (*key == NULL)
		return TS_EINVAL;
	const char *w = search_longest_word(*key, &n);
	char *p = arena_alloc(a, n + 3);
	if (p == NULL)
		return TS_ENOMEM;
	p[0] = '%';
	memcpy(p + 1, w ? w : "", n);
	p[n + 1] = w ? '%' : '\0';
	p[n + 2] = '\0';
	*pattern = p;
	return TS_OK;
}

static void
read_hit(struct db_stmt *st, struct arena *a, struct unit_hit *h)
{
	h->code = db_col_dup(st, 0, a);
	h->name = db_col_dup(st, 1, a);
	org_kind_parse(db_col_text(st, 2), &h->kind);
	h->parent_name = db_col_dup(st, 3, a);
	h->in_campaign = db_col_int(st, 5) != 0;
	sub_state_parse(db_col_text(st, 6), &h->state);
}

enum ts_err
unit_search(struct app *app, const struct actor *who, const char *text,
	    int64_t campaign_id, size_t max, struct arena *a,
	    struct unit_hit **out, size_t *n, bool *more)
{
	const char *key, *pattern;
	*n = 0;
	*more = false;
	enum ts_err e = unit_search_keys(text, a, &key, &pattern);
	struct db_stmt *st = e == TS_OK ? db_prep(app->db, SQL_FIND) : NULL;
	*out = arena_calloc(a, max + 1, sizeof(**out));
	if (e != TS_OK || *out == NULL)
		return e != TS_OK ? e : TS_ENOMEM;
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, who->path);
	db_bind_int(st, 2, campaign_id);
	db_bind_text(st, 3, pattern);
	db_bind_text(st, 4, text);
	db_bind_text(st, 5, sub_state_code(ST_NONE));
	while (db_step(st) == DB_ROW) {
		if (strcmp(db_col_text(st, 0), text) != 0 &&
		    !search_match(key, db_col_text(st, 4)))
			continue;
		if (*n == max) {
			*more = true;
			break;
		}
		read_hit(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}
