/*
 * Finding units by name or code (issue 17, item 6): the search page's
 * results, each with its kind, its parent and, in a campaign, its part
 * and state there.
 */
#ifndef TS_UNIT_SEARCH_H
#define TS_UNIT_SEARCH_H

#include "../core/workflow.h"
#include "org.h"

struct unit_hit {
	const char *code, *name, *parent_name; /* parent "" for the root */
	enum org_kind kind;
	bool in_campaign;     /* takes part in the campaign searched in */
	enum sub_state state; /* its submission there; ST_NONE: none */
};

/* Units of the actor's subtree whose name matches text word by word
 * (core/search.h: accent- and case-insensitive word prefixes) or whose
 * code is text, by name; at most max of them, *more when there were
 * others. campaign_id > 0 also gives each unit's part and state in that
 * campaign. *out is an arena array. */
enum ts_err unit_search(struct app *app, const struct actor *who,
			const char *text, int64_t campaign_id, size_t max,
			struct arena *a, struct unit_hit **out, size_t *n,
			bool *more) TS_MUSTCHECK;

/* The coarse SQL filter of a search: text folded as name_key is (*key)
 * and "%WORD%" of its longest word (*pattern, "%" when it has none), in
 * the arena. TS_EINVAL for text that is not UTF-8. */
enum ts_err unit_search_keys(const char *text, struct arena *a,
			     const char **key,
			     const char **pattern) TS_MUSTCHECK;

#endif
