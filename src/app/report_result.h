/* A school's result as the school documents print it. */
#ifndef TS_REPORT_RESULT_H
#define TS_REPORT_RESULT_H

#include "evidence.h"
#include "report_int.h"
#include "submission.h"

/* What a document prints for anything not answered yet. */
#define RB_UNANSWERED "Chưa trả lời"

struct result {
	struct submission sub;
	struct answers *ans;  /* the school's own answers */
	struct score *self;   /* their score (tự đánh giá) */
	struct answers *xans; /* with đánh giá ngoài laid over, or NULL */
	struct score *ext;    /* reviewed score when approved, or NULL */
	struct evidence_item *files;
	size_t nfiles;
};

enum ts_err rb_result_load(struct rb *b, struct result *r) TS_MUSTCHECK;
void rb_result_release(struct result *r);
/* Has the school scored anything in it yet? A blank printed form shows
 * no total rather than a misleading 0. */
bool rb_criterion_answered(const struct result *r, const struct criterion *c);
bool rb_group_answered(const struct result *r, const struct group *g);
/* "- Nhóm tiêu chí 1 “…”: 73/100 điểm - đạt Mức độ 2" per group. */
void rb_group_lines(struct rb *b, struct rp_section *s, const struct score *sc);
/* The reviewed result, when the submission is approved or published. */
void rb_external_lines(struct rb *b, struct rp_section *s,
		       const struct result *r);
/* "(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)". */
const char *rb_attached_to(struct rb *b);
/* An item, criterion, group or total with nothing answered yet, in the
 * points cell of every school document's table: said in words, never a
 * 0 or a blank that reads like a result. */
void rb_unanswered_cell(struct rb *b, struct rp_table *t, size_t row,
			size_t col);
/* STT | Tiêu chí | Điểm tối đa | Điểm tự đánh giá | [Mức] | Minh chứng,
 * one row per group, criterion and item. */
void rb_criteria_table(struct rb *b, struct rp_section *s,
		       const struct result *r, bool with_levels);
/* Seed 004's table: STT | Tiêu chí | Mức độ đánh giá (each item's rule
 * from the rubric) | Ghi chú, minh chứng | Kết quả đánh giá, with group
 * rows, capped criteria's counted totals and the grand total. */
void rb_rules_table(struct rb *b, struct rp_section *s, const struct result *r);
/* One grouped bar chart per group: each criterion's self-assessed
 * points vs its max; an unanswered criterion has no bar but "Chưa trả
 * lời" (a draft's never reads as 0). */
void rb_score_charts(struct rb *b, struct rp_section *s,
		     const struct result *res);
/* The evidence of a criterion as text lines (files, links, facts, notes). */
void rb_evidence_cell(struct rb *b, struct rp_cell *cell,
		      const struct result *r, const struct criterion *c);
/* The evidence of one item: its answer's evidence and note, the files
 * linked to it, and with_criterion also those linked to its criterion. */
void rb_item_evidence(struct rb *b, struct rp_cell *cell,
		      const struct result *r, const struct item *it,
		      bool with_criterion);

#endif
