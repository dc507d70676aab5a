/* The web pages of a statistics campaign (app/stats.h): the school's form
 * and its workflow steps (page_stats.c, page_stats_post.c) and the
 * office's dashboard and own answers (page_stats_office.c). The CĐS
 * routes hand a statistics campaign's requests here, so the two kinds of
 * campaign never show each other's form. */
#ifndef TS_STATS_WEB_H
#define TS_STATS_WEB_H

#include "../app/evidence.h"
#include "../app/stats.h"
#include "web.h"

struct sv_evidence;

/* The campaign of the request's :id is a statistics campaign. */
bool ps_is_stats(struct req *r);

/* What one statistics form page shows, loaded once per request. */
struct ps_view {
	struct stats_view sv;
	struct review_info *notes;
	size_t nnotes;
	bool can_edit, can_submit, can_review, can_publish;
	char base[256];
	/* Re-showing a post: the typed values, and per indicator idx why
	 * one was refused (NULL: fine). */
	const struct kvlist *posted;
	const char **errors;
	int64_t stale_base; /* >= 0: a save at this revision lost a race */
	/* Evidence linked to the report, by indicator code (evidence.c),
	 * and the evidence step of the post re-shown (may be NULL). */
	struct evidence_item *ev;
	size_t nev;
	const struct sv_evidence *evidence;
};
enum ts_err ps_load(struct req *r, struct ps_view *v);
void ps_unload(struct ps_view *v);
void ps_render(struct req *r, struct ps_view *v);
/* The posted form as a values document (valid fields over the stored
 * ones, arena); errors[idx] says why a field was refused. */
char *ps_form_values(struct req *r, const struct ps_view *v,
		     const char **errors, size_t *nbad);
/* "f-CODE": the id of an indicator's control; "e-CODE": its message. */
const char *ps_field_id(struct req *r, const char *kind,
			const struct indicator *it);

/* The form again after a refused post: the typed values (when typed),
 * the refusals at their fields, the evidence step's outcome (may be
 * NULL) at its indicator. */
void ps_reshow(struct req *r, enum ts_err e, const char **errors, int64_t base,
	       bool typed, const struct sv_evidence *ev);

/* Once per page, before the fields: the hidden words that name each
 * indicator's evidence controls with its label (aria-labelledby). */
void ps_evidence_names(struct req *r, const struct ps_view *v);
/* Evidence of one indicator beside its value, and for the school the
 * controls to attach a file, a link or a fact, and to remove one
 * (page_stats_evidence.c). */
void ps_evidence_block(struct req *r, const struct ps_view *v,
		       const struct indicator *it);
/* An evidence step refused for a code that is no indicator of the form
 * (a script's post), at the top of the page. */
void ps_evidence_alert(struct req *r, const struct ps_view *v);
/* POST …/evidence of a statistics report: the typed values saved first
 * as "Lưu bản nháp" would, then the evidence step. */
void ps_evidence(struct req *r);

void ps_page(struct req *r);
void ps_save(struct req *r);
void ps_preview(struct req *r);
void ps_check(struct req *r);
void ps_act(struct req *r);

/* A fieldset per section, a field per indicator that applies. */
void ps_fields(struct req *r, const struct ps_view *v);
/* The check panel (errors, warnings to confirm, confirmed ones). */
void ps_check_panel(struct req *r, const struct ps_view *v);
/* The office's dashboard below the completeness table: the indicators
 * rolled up by bậc học over ?unit= (page_stats_office.c). */
void ps_rollup(struct req *r, const struct campaign *c);
/* ?chi_so=CODE on the dashboard: that indicator by sub-unit and the
 * schools missing it (page_stats_drill.c). */
void ps_drill(struct req *r, const struct campaign *c, const char *code);
/* The office's own answers to the office set (Có/Không questions, work
 * files, the narrative sections): GET and POST /campaigns/:id/office,
 * ?unit= an office of the campaign (default: the user's own). */
void page_stats_office(struct req *r);
void page_stats_office_save(struct req *r);

/* The JSON API of a statistics campaign (api_stats.c): a school's report
 * as the form shows it (GET /api/campaigns/:id/units/:code), and the
 * roll-up by bậc học (GET /api/campaigns/:id/stats). */
void api_stats_view(struct req *r);
void api_stats_rollup(struct req *r);

#endif
