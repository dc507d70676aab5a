/* Shared by the submission page files: what one submission page shows,
 * loaded once per request. */
#ifndef TS_SUBMISSION_VIEW_H
#define TS_SUBMISSION_VIEW_H

#include "../app/evidence.h"
#include "../app/plan.h"
#include "../app/submission.h"
#include "form_answers.h"
#include "queue_view.h"
#include "web.h"

/* An evidence step (attach or remove) of a post, shown at its criterion:
 * e != TS_OK with `message` when it failed. */
struct sv_evidence {
	enum ts_err e;
	const char *crit;
	const char *kind; /* "file", "link", "fact" or "remove" */
	const char *message;
};

struct view {
	struct submission s;
	struct answers *ans;
	struct score *score;
	struct review_info *notes;
	size_t nnotes;
	struct snapshot_info *snaps;
	size_t nsnaps;
	struct evidence_item *ev;
	size_t nev;
	struct answers *ext; /* đánh giá ngoài (empty if none yet) */
	bool has_ext;
	struct answers *rev_ans; /* the school's answers with ext laid over */
	struct score *reviewed;	 /* their score */
	enum scope scope; /* the viewer's, by the campaign's frozen path */
	bool can_edit, can_submit, can_review, can_external, can_publish;
	bool partial;	/* a part could not be read: not a page to cache */
	char base[256]; /* "/campaigns/1/units/31DK001" */
	/* Re-showing a post (each may be NULL): per item idx, show the
	 * posted value; why it was refused; the other change it clashes
	 * with. The reviewer's posted reasons and external scores. */
	const bool *use_posted;
	const char **errors;
	const char **x_errors; /* the same for the external scores */
	const struct sub_change **conflicts;
	const struct kvlist *posted_review;
	int64_t stale_base; /* >= 0: list what changed after this revision */
	const struct sv_evidence *evidence; /* may be NULL */
	/* The plan the school made after its previous round of the rubric
	 * family (plan_previous): shown beside each planned item. */
	const char *plan_year; /* NULL: none */
	struct plan_item *plan;
	size_t nplan;
};

/* The answers of a post saved as "Lưu bản nháp" saves them. */
struct sv_saved {
	enum ts_err e;
	struct sub_merge m;
	const char **msg; /* per item idx: why refused (NULL: fine) */
	size_t nbad;
	const struct rubric *rb;
};
/* Saves the posted answers against revision `base` (merged field by
 * field; refused fields kept out); true when all of it was saved. */
bool sv_save_posted(struct req *r, int64_t base, struct sv_saved *sv);
/* The page after a save that was not whole (refused fields, conflicts),
 * with the evidence step `ev` of the same post (may be NULL). */
void sv_reshow(struct req *r, const struct sv_saved *sv,
	       const struct sv_evidence *ev);
/* "Kiểm tra trước khi nộp": every answer by criterion with "Sửa" links,
 * blanks and missing evidence first, the confirm form (with the revision
 * shown) only when nothing is blank. stale_base >= 0: a submit at that
 * revision was refused; what changed since is listed. */
void sv_check_page(struct req *r, struct view *v, int64_t stale_base);
/* "Đã thay đổi từ khi bạn mở trang", when v->stale_base >= 0. */
void sv_stale_since(struct req *r, const struct view *v);
/* "Đã gắn minh chứng vào tiêu chí 1.3." (arena), said at the criterion. */
const char *sv_evidence_done(struct req *r, bool removed, const char *crit);
/* One piece of evidence: a file to download, a link out or a fact. */
void sv_evidence_line(struct buf *b, const struct evidence_item *e);
/* The evidence step of an evidence post (attach or remove, as the form's
 * button says), its problems kept apart from the page's. */
void sv_evidence_step(struct req *r, long long id, const char *code,
		      struct sv_evidence *ev);
/* The evidence of one criterion as a line each (no controls). */
void sv_evidence_lines(struct buf *b, const struct view *v, const char *crit);

/* Loads the submission of the request's :id/:code with its scores,
 * history, evidence and what the user may do. */
enum ts_err sv_load(struct req *r, struct view *v);
/* sv_load in two steps: everything but the scores (the answers parsed
 * and scored, the external scores), then the scores. The form page keys
 * its cache on the first (submission_key.c) and needs the second only to
 * render. */
enum ts_err sv_load_base(struct req *r, struct view *v);
enum ts_err sv_load_scores(struct req *r, struct view *v);
/* Whether the page of this request may come from the page cache: a plain
 * GET of the form (no notice, no queue, nothing re-shown) by a signed-in
 * user whose load went without a problem. */
bool sv_cacheable(const struct req *r);
/* The cache key of the form page asked for, for this viewer: the page
 * stamps of its inputs (submission_key.c); false when they could not be
 * read (the page is then rendered and not kept). Read in the page's
 * snapshot before any of its inputs. */
bool sv_page_key(const struct req *r, struct buf *k);
/* 303 to the page with ?ok=`ok`, keeping the queue it came from. */
void sv_redirect_done(struct req *r, const struct view *v, const char *ok);
/* Frees what sv_load allocated; safe to call twice. */
void sv_unload(struct view *v);
/* The whole page; `posted` re-shows refused input (nothing typed lost). */
void sv_render(struct req *r, struct view *v, const struct kvlist *posted);
/* The revision a form post was made at: its "rev" field (-1 without one).
 * A malformed value answers 400 and returns false. */
bool sv_form_rev(struct req *r, int64_t *rev);
/* <input type=hidden name=rev>: the revision this page shows. */
void sv_hidden_rev(struct req *r, const struct view *v);
/* The "Kết quả tự đánh giá" panel (also the live preview fragment). */
void sv_score_panel(struct buf *b, const struct view *v, const struct score *s);

/* The page again after a refusal, `posted` kept (the school's answers;
 * the reviewer's fields come from the request); a stale post (TS_ESTALE
 * with base >= 0) lists what changed since. */
void sv_refused(struct req *r, enum ts_err e, const struct kvlist *posted,
		int64_t base);
/* Return with the reasons of the form ("r:<criterion>", "r:*"). */
enum ts_err sv_return(struct req *r, const struct view *v, int64_t rev);
/* A confirmation page: `title`, the scores (with the posted external
 * scores laid over when `ext_json` is given), then one more click on
 * `button`, posting again to `action` with everything posted so far. */
void sv_confirm_page(struct req *r, struct view *v, const char *action,
		     const char *title, const char *button,
		     const char *ext_json);
/* The reviewer's one decision form (page_decision.c). */
void sv_decide(struct req *r, struct view *v, int64_t rev);
/* The external scores alone (an approved result): the valid ones saved,
 * each refused one marked at its field with everything typed kept. */
void sv_external(struct req *r, struct view *v, int64_t rev);
/* Finding one's way in the form (submission_nav.c). The index of
 * criteria with each one's status (chưa trả lời / đã trả lời / bị trả
 * lại), the bar that stays on screen (score, save status, link to the
 * index), the group and criterion headings with their scores: from score
 * s (the saved answers on the page). */
void sv_index(struct buf *b, const struct view *v, const struct score *s);
void sv_status_bar(struct buf *b, const struct view *v, const struct score *s);
void sv_group_heading(struct buf *b, const struct view *v,
		      const struct score *s, size_t g);
/* Group g's points as the form shows them (issue 18 item 6): "chưa trả
 * lời"; in a draft with open items "tạm tính 35/100 điểm, còn 5 nội dung
 * chưa trả lời, chưa xác định mức độ" (brief: "tạm tính 35/100"); else
 * "73/100 điểm" and true: the level may follow. The rule is the
 * reports' (score_group_settled). */
bool sv_group_points(struct buf *b, const struct score *s, size_t g, bool draft,
		     bool brief);
void sv_crit_heading(struct buf *b, const struct score *s,
		     const struct criterion *cr);
/* The same fragments (by id, marked data-live) scored from the answers
 * being typed, for the live preview. */
void sv_live_parts(struct buf *b, const struct view *v, const struct score *s);
/* The criterion has one item: the heading asks it (its title is the
 * item's text, or a shorter form of it). */
bool sv_sole_item(const struct criterion *cr);
/* The last return gave a reason for criterion crit. */
bool sv_returned(const struct view *v, const char *crit);
/* "Kết quả sau đánh giá ngoài". */
void sv_reviewed_panel(struct buf *b, const struct score *s);

#endif
