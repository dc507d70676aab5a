/*
 * The org tree: Bộ → Sở → (Phòng or xã/phường) → trường / trung tâm, of any
 * depth, stored with materialized paths. Renames, moves and closures are
 * recorded in org_unit_history and the audit log; campaigns keep the paths
 * their units had, so last year's reports still add up.
 */
#ifndef TS_ORG_H
#define TS_ORG_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"

struct arena;

enum org_kind {
	KIND_BO,
	KIND_SO,
	KIND_PHONG,
	KIND_XA,
	KIND_TRUONG,
	KIND_TRUNG_TAM
};

struct org_unit {
	int64_t id;
	int64_t parent_id; /* 0 for a root */
	enum org_kind kind;
	const char *code;
	const char *name;
	const char *path;
	unsigned levels; /* enum school_level bits; schools only */
	const char *active_from;
	const char *active_to; /* NULL while open */
};

struct org_new {
	const char *code;
	const char *name;
	enum org_kind kind;
	const char *parent_code; /* NULL for a root (Bộ or a lone Sở) */
	unsigned levels;
	const char *active_from; /* YYYY-MM-DD; NULL = today */
};

#define ORG_CODE_MAX 64
/* Why code cannot be a unit code, or NULL. Codes are safe identifiers in
 * paths, file names and spreadsheets: ASCII letters, digits and - _ .,
 * starting with a letter or digit (never "/", "%", a space or ".."). */
const char *org_code_problem(const char *code);
/* Stored codes that break that rule (from before it), for `db check`. */
struct arena;
enum ts_err org_bad_codes(struct app *app, struct arena *a, const char ***codes,
			  size_t *n) TS_MUSTCHECK;

const char *org_kind_code(enum org_kind k); /* "truong" */
const char *org_kind_name(enum org_kind k); /* "Trường" */
/* Accepts codes and Vietnamese names, accent- and case-insensitively
 * ("Trường", "truong", "Phòng GD&ĐT", "xa", "Trung tâm"...). */
bool org_kind_parse(const char *s, enum org_kind *k);
bool org_kind_is_school(enum org_kind k);
/* "TH, THCS" / "Tiểu học; THCS" / "MN" -> bits; false if a part is
 * unknown. */
bool school_levels_parse(const char *s, unsigned *out);
/* "TH, THCS" */
void school_levels_format(unsigned levels, char *out, size_t size);
/* Why a unit of kind `child` cannot sit under `parent`, or NULL. */
const char *org_parent_problem(enum org_kind parent, enum org_kind child);

enum ts_err org_add(struct app *app, const struct actor *who,
		    const struct org_new *n, int64_t *id,
		    struct diags *d) TS_MUSTCHECK;
/* Looks a unit up by code (NULL-safe strings in the arena). */
enum ts_err org_find(struct app *app, const char *code, struct arena *a,
		     struct org_unit *out) TS_MUSTCHECK;
/* org_find for a code a user typed: when there is no such unit, the
 * problem "không có đơn vị mã …" goes into d, with the code that differs
 * only in letter case if there is one ("Có phải: 31DK018?"). */
enum ts_err org_find_named(struct app *app, const char *code, struct arena *a,
			   struct org_unit *out, struct diags *d) TS_MUSTCHECK;
enum ts_err org_get(struct app *app, int64_t id, struct arena *a,
		    struct org_unit *out) TS_MUSTCHECK;
enum ts_err org_rename(struct app *app, const struct actor *who,
		       const char *code, const char *name,
		       struct diags *d) TS_MUSTCHECK;
enum ts_err org_move(struct app *app, const struct actor *who, const char *code,
		     const char *parent_code, struct diags *d) TS_MUSTCHECK;
/* org_move from a given day (YYYY-MM-DD, not after today; NULL: today):
 * the tree's history (org_parent) records the unit under its old parent
 * until the day before, so campaigns opened before that day keep it
 * there, even ones created later. */
enum ts_err org_move_on(struct app *app, const struct actor *who,
			const char *code, const char *parent_code,
			const char *day, struct diags *d) TS_MUSTCHECK;
/* The id of u's parent on day (YYYY-MM-DD) by the tree's history; 0 for
 * a root. */
enum ts_err org_parent_at(struct app *app, const struct org_unit *u,
			  const char *day, int64_t *parent) TS_MUSTCHECK;
/* The day the unit came under its current parent (YYYY-MM-DD; "" if
 * the tree's history has no row for it). */
enum ts_err org_parent_since(struct app *app, int64_t unit,
			     char out[11]) TS_MUSTCHECK;
/* Why day cannot be a move's first day, or NULL (NULL day: today). */
const char *org_move_day_problem(const char *day);
enum ts_err org_set_levels(struct app *app, const struct actor *who,
			   const char *code, unsigned levels,
			   struct diags *d) TS_MUSTCHECK;
/* May the actor change this unit? Admins of a unit above it only: nobody
 * edits the unit they sit in. */
bool org_may_change(const struct actor *who, const struct org_unit *u);
/* Renames, moves and changes the cấp học of a unit in one transaction,
 * each part only if given and different (NULL name/parent_code, and
 * levels 0, leave that part as it is). Same rules and history as
 * org_rename, org_move and org_set_levels. */
enum ts_err org_edit(struct app *app, const struct actor *who, const char *code,
		     const char *name, const char *parent_code, unsigned levels,
		     struct diags *d) TS_MUSTCHECK;
/* org_edit with a move's first day (YYYY-MM-DD; NULL: today), checked
 * as org_move_on checks it. */
enum ts_err org_edit_on(struct app *app, const struct actor *who,
			const char *code, const char *name,
			const char *parent_code, unsigned levels,
			const char *day, struct diags *d) TS_MUSTCHECK;
/* For a form that shows a date's problem at its field before writing:
 * why the unit cannot move under parent_code from day (*why; NULL: it
 * can, or it does not move, or the actor may not move it, which the
 * write then says), and why it cannot close from day (NULL: it can).
 * The same rules as the writes, which check again. */
enum ts_err org_move_day_check(struct app *app, const struct actor *who,
			       const char *code, const char *parent_code,
			       const char *day, struct arena *a,
			       const char **why) TS_MUSTCHECK;
const char *org_close_day_check(struct app *app, const struct actor *who,
				const char *code, const char *day,
				struct arena *a);
/* Closes (date given, or today) or reopens (date NULL) a unit. */
enum ts_err org_close(struct app *app, const struct actor *who,
		      const char *code, const char *date, bool reopen,
		      struct diags *d) TS_MUSTCHECK;

/* Every unit under root (root included; NULL = the actor's subtree), in
 * tree order. *out is an arena array. */
enum ts_err org_list(struct app *app, const struct actor *who,
		     const char *root_code, struct arena *a,
		     struct org_unit **out, size_t *n,
		     struct diags *d) TS_MUSTCHECK;
/* Accent-insensitive search of names within the actor's subtree. */
enum ts_err org_search(struct app *app, const struct actor *who,
		       const char *text, struct arena *a, struct org_unit **out,
		       size_t *n) TS_MUSTCHECK;

/* SQL: column col lies in the subtree whose path is the text parameter
 * p ("/1/4/" and every path under it), written as a range so the indexes
 * on (..., path) serve it: SQLite's LIKE is case-insensitive and never
 * uses them. '0' is the character after '/'. */
#define SQL_PATH_UNDER(col, p)                                                 \
	"(" col " >= " p " AND " col " < substr(" p ", 1, length(" p           \
	") - 1) || '0')"

#endif
