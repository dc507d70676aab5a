/*
 * Campaigns (đợt đánh giá / kế hoạch): a rubric version, a school year,
 * which units and cấp học take part, and the dates. The expected
 * participants are fixed at creation (campaign_unit) with their place in
 * the tree, so completeness and reports keep their denominators.
 */
#ifndef TS_CAMPAIGN_H
#define TS_CAMPAIGN_H

#include "../core/completeness.h"
#include "app.h"

struct arena;

struct campaign_new {
	const char *owner_code;	 /* the Phòng/Sở that runs it */
	const char *rubric_ref;	 /* "qd4725-2022-pt" or "id@version" */
	const char *school_year; /* "2025-2026" */
	const char *title;
	const char *legal_basis; /* "Kế hoạch số 128/KH-SGDĐT-VP ngày ..." */
	unsigned levels;	 /* 0: every level the rubric covers */
	const char *opens;	 /* YYYY-MM-DD */
	const char *due;	 /* YYYY-MM-DD, inclusive (end of day) */
	const char *review_due; /* optional */
	/* A statistics campaign (kind "thong-ke") adds its own rows in the
	 * creating transaction through this hook; NULL for a CĐS one. */
	enum ts_err (*in_tx)(struct app *app, int64_t id, const void *ctx,
			     struct diags *d);
	const void *in_tx_ctx;
	/* Who reviews the schools: false, the unit each sits under in the
	 * tree on the opening day (a commune office for MN/TH/THCS, the Sở
	 * for THPT/GDTX); true, the owner unit for all of them. */
	bool review_by_owner;
};

/* "tree" (or NULL, or "") -> false, "owner" -> true; false if neither. */
bool campaign_review_by_parse(const char *s, bool *by_owner);

struct campaign {
	int64_t id;
	int64_t owner_unit_id;
	const char *owner_code;
	const char *owner_name;
	const char *owner_path;
	const char *rubric_id;
	int rubric_version;
	const char *school_year;
	const char *title;
	const char *legal_basis;
	unsigned levels;
	const char *opens_at;
	const char *due_at;
	const char *review_due_at;
	bool review_by_owner; /* campaign_new.review_by_owner */
	int64_t expected;     /* participating units */
	const char *kind;     /* "cds" or "thong-ke" (statistics, stats.h) */
};

enum ts_err campaign_create(struct app *app, const struct actor *who,
			    const struct campaign_new *c, int64_t *id,
			    struct diags *d) TS_MUSTCHECK;
/* Campaigns the actor takes part in or oversees. */
enum ts_err campaign_list(struct app *app, const struct actor *who,
			  struct arena *a, struct campaign **out, size_t *n,
			  struct diags *d) TS_MUSTCHECK;
enum ts_err campaign_get(struct app *app, const struct actor *who, int64_t id,
			 struct arena *a, struct campaign *out,
			 struct diags *d) TS_MUSTCHECK;
/* Whether campaign id is a statistics round (kind "thong-ke"): one row
 * read by its key, no scope and no counts, for choosing which handler
 * serves a URL; the handler then checks the actor's access itself. An
 * unknown id or a database error is false (the handler reports it). */
bool campaign_is_stats(struct app *app, int64_t id);
struct door_ctx;
struct door_target;
/* The resolver of a write to campaign id (door.h), for the use cases
 * that change one: the campaign as the actor sees it in *cur, its audit
 * name "campaign:ID" in obj, the policy's target its owner unit. */
enum ts_err campaign_door_target(struct door_ctx *c, int64_t id,
				 struct campaign *cur, char obj[32],
				 struct door_target *t) TS_MUSTCHECK;

/* Where the participant unit_id of campaign cid is seen from the actor,
 * by the path the campaign froze for it (TS_ENOTFOUND: not a
 * participant). Every permission on a campaign's submission uses it. */
enum ts_err campaign_scope(struct app *app, const struct actor *who,
			   int64_t cid, int64_t unit_id,
			   enum scope *out) TS_MUSTCHECK;
/* The path campaign_scope judges by, for policy_allows: the actor's own
 * when the unit is the actor's, else the one the campaign froze (in a). */
struct arena;
enum ts_err campaign_scope_path(struct app *app, const struct actor *who,
				int64_t cid, int64_t unit_id, struct arena *a,
				const char **out) TS_MUSTCHECK;

/* SQL: joins org_unit o, the office that reviews participant cu in its
 * campaign: the campaign froze cu.path as the reviewer's path plus the
 * unit (review_by). One join for campaign_reviewer_name and the letter. */
#define SQL_REVIEWER_OF_CU "org_unit o ON cu.path = o.path || cu.unit_id || '/'"

/* The name of the office directly above participant unit_id in campaign
 * cid, by the path the campaign froze for it (who reviews it first), in
 * *out; NULL when there is none. TS_EDB (no message: the caller words
 * it) when the database fails. */
enum ts_err campaign_reviewer_name(struct app *app, int64_t cid,
				   int64_t unit_id, struct arena *a,
				   const char **out) TS_MUSTCHECK;

/* Completeness under root_code (NULL: the actor's unit, or the campaign
 * owner for the operator), per direct child and in total. */
struct campaign_status {
	const char *root_name;
	struct completeness_row *rows;
	const char **row_names; /* unit name of each row's prefix */
	const char **row_codes; /* and its code */
	bool *row_school;	/* the row is one school, not an office */
	size_t nrows;
	struct completeness_row total;
};
enum ts_err campaign_status(struct app *app, const struct actor *who,
			    int64_t id, const char *root_code, struct arena *a,
			    struct campaign_status *out,
			    struct diags *d) TS_MUSTCHECK;

/* Levels reached per group and cấp học (Phụ lục 3) over the units under
 * root_code whose result is approved or published, scored live with the
 * external scores laid over the school's. */
enum ts_err campaign_levels(struct app *app, const struct actor *who,
			    int64_t id, const char *root_code,
			    struct level_counts *out,
			    struct diags *d) TS_MUSTCHECK;

/* The same with options: include_submitted also counts results submitted
 * but not yet approved (their self-scores); part, when not NULL, receives
 * the participation (quy mô) under the root. */
enum ts_err campaign_levels_opt(struct app *app, const struct actor *who,
				int64_t id, const char *root_code,
				bool include_submitted,
				struct level_counts *out,
				struct participation *part,
				struct diags *d) TS_MUSTCHECK;
/* The same for a rubric whose groups have no levels: grades (Xếp loại),
 * gates met and points per group and cấp học. */
enum ts_err campaign_grades(struct app *app, const struct actor *who,
			    int64_t id, const char *root_code,
			    bool include_submitted, struct grade_counts *out,
			    struct participation *part,
			    struct diags *d) TS_MUSTCHECK;
/* The path to count under: root_code's if in the actor's scope, else the
 * actor's unit, or the campaign owner's for the operator. */
enum ts_err campaign_root_path(struct app *app, const struct actor *who,
			       const char *root_code, const struct campaign *c,
			       struct arena *a, const char **path,
			       struct diags *d) TS_MUSTCHECK;
/* A change to a campaign's wording and dates; NULL fields stay as they
 * are, an empty review_due removes it. Participants are not changed (they
 * were fixed at creation), nor are lateness flags already recorded. */
struct campaign_edit {
	const char *title;
	const char *legal_basis;
	const char *opens;	/* YYYY-MM-DD */
	const char *due;	/* YYYY-MM-DD, inclusive */
	const char *review_due; /* YYYY-MM-DD or "" */
};
/* Admins of the owner unit or above only. */
bool campaign_may_edit(const struct actor *who, const struct campaign *c);
enum ts_err campaign_update(struct app *app, const struct actor *who,
			    int64_t id, const struct campaign_edit *c,
			    struct diags *d) TS_MUSTCHECK;
/* The Vietnam date "YYYY-MM-DD" of a stored timestamp ("" if bad): what
 * the dates of a campaign were given as. */
void campaign_day(const char *iso, char out[11]);

/* Late joiners (issue 17 item 8): the campaign owner's admins (and those
 * above) add a school created after the campaign was opened, under the
 * owner and teaching one of its cấp học, with today as the day it joined
 * (audited as "campaign.join"). A campaign past its deadline is closed:
 * refused, so its denominators never change. *joined receives the
 * timestamp (may be NULL). */
enum ts_err campaign_join(struct app *app, const struct actor *who, int64_t id,
			  const char *unit_code, char *joined,
			  struct diags *d) TS_MUSTCHECK;

/* The units campaign id may still take (the rules of campaign_join, but
 * its deadline): schools under its owner created after it opened, not
 * yet participants, by name. text (may be NULL or "") keeps those whose
 * code it is or whose name its words begin (core/search.c). At most max
 * in *out; *total counts every match. */
struct joiner {
	const char *code;
	const char *name;
	const char *parent_name;
};
enum ts_err campaign_joiners(struct app *app, int64_t id, const char *text,
			     size_t max, struct arena *a, struct joiner **out,
			     size_t *n, size_t *total) TS_MUSTCHECK;

/* The rubric the actor's unit runs its CĐS campaigns with: the one of
 * most of them, the latest on a tie (a Sở with yearly QĐ 4725 rounds and
 * a yearly mầm non round keeps QĐ 4725). *out NULL if none, or for the
 * operator. The new-campaign form's default. */
enum ts_err campaign_last_rubric(struct app *app, const struct actor *who,
				 struct arena *a,
				 const char **out) TS_MUSTCHECK;

/* The rubric a campaign was created with (from the rubric files, or the
 * copy stored in the database if the file is gone). */
const struct rubric *app_rubric(struct app *app, const char *id, int version);

#endif
