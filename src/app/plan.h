/*
 * The improvement plan (issue 16): once its result of a campaign is
 * approved, a school picks the items it will work on in the next school
 * year (the advice "what is missing for the next level" offers them),
 * each with an optional note; the next round of the same rubric family
 * shows them beside those items. Offices see the most common gaps of
 * their schools.
 */
#ifndef TS_PLAN_H
#define TS_PLAN_H

#include "app.h"

struct arena;

#define PLAN_MAX      200 /* items in one plan */
#define PLAN_NOTE_MAX 500 /* characters of a note */

struct plan_item {
	const char *item_id; /* "1.3a" */
	const char *note;    /* "" when none */
};

/* Replaces the unit's plan for campaign cid (n 0: clears it). Only the
 * school's own users, only once its result is approved or published;
 * every item must be a scored item or a gate of the campaign's rubric.
 * Through the write door, audited. */
enum ts_err plan_save(struct app *app, const struct actor *who, int64_t cid,
		      const char *unit_code, const struct plan_item *items,
		      size_t n, struct diags *d) TS_MUSTCHECK;
/* The unit's plan for campaign cid, in rubric item order, for whoever
 * may view its submission. */
enum ts_err plan_list(struct app *app, const struct actor *who, int64_t cid,
		      const char *unit_code, struct arena *a,
		      struct plan_item **out, size_t *n,
		      struct diags *d) TS_MUSTCHECK;
/* The plan made in the latest earlier round of cid's rubric family (the
 * one the actor may view): *year its school year (NULL, *n 0: none). */
enum ts_err plan_previous(struct app *app, const struct actor *who, int64_t cid,
			  const char *unit_code, struct arena *a,
			  const char **year, struct plan_item **out, size_t *n,
			  struct diags *d) TS_MUSTCHECK;
struct campaign;
/* The same for a campaign the caller read (campaign_get). */
enum ts_err plan_previous_in(struct app *app, const struct actor *who,
			     const struct campaign *now, const char *unit_code,
			     struct arena *a, const char **year,
			     struct plan_item **out, size_t *n,
			     struct diags *d) TS_MUSTCHECK;

/* How many schools under an office lack an item (its advice lists it). */
struct gap_count {
	const char *item_id;
	size_t schools;
};
/* Over the approved and published results under root_code (NULL: the
 * actor's unit) in campaign cid, from the advice stored with each
 * result's latest submitted version: the items most schools could still
 * gain points on (or whose gate they miss), most schools first, at most
 * top of them; *schools: how many results were read (the share's
 * denominator). The dashboard and the office's Phụ lục 3 both list it. */
enum ts_err plan_gaps(struct app *app, const struct actor *who, int64_t cid,
		      const char *root_code, size_t top, struct arena *a,
		      struct gap_count **out, size_t *n, size_t *schools,
		      struct diags *d) TS_MUSTCHECK;

/* The list's heading and note, the same on the dashboard and in the
 * office's Phụ lục 3. */
#define GAPS_TITLE "Những nội dung nhiều trường còn thiếu để lên mức"
#define GAPS_NOTE                                                                                          \
	"Tính từ kết quả đã được phê duyệt: điều kiện bắt buộc chưa đạt và " \
	"nội dung còn có thể thêm điểm ở nhóm tiêu chí chưa đạt mức cao nhất."

#endif
