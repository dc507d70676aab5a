/* A school's result as the school documents print it. */
#ifndef TS_REPORT_RESULT_H
#define TS_REPORT_RESULT_H

#include "evidence.h"
#include "report_int.h"
#include "submission.h"

struct result {
	struct submission sub;
	struct answers *ans;   /* the school's own answers */
	struct score *self;    /* their score (tự đánh giá) */
	struct answers *xans;  /* with đánh giá ngoài laid over, or NULL */
	struct score *ext;     /* reviewed score when approved, or NULL */
	struct evidence_item *files;
	size_t nfiles;
};

enum ts_err rb_result_load(struct rb *b, struct result *r) TS_MUSTCHECK;
void rb_result_release(struct result *r);
/* "- Nhóm tiêu chí 1 “…”: 73/100 điểm - đạt Mức độ 2" per group. */
void rb_group_lines(struct rb *b, struct rp_section *s,
		    const struct score *sc);
/* The reviewed result, when the submission is approved or published. */
void rb_external_lines(struct rb *b, struct rp_section *s,
		       const struct result *r);
/* "(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)". */
const char *rb_attached_to(struct rb *b);
/* STT | Tiêu chí | Điểm tối đa | Điểm tự đánh giá | [Mức] | Minh chứng,
 * one row per group, criterion and item. */
void rb_criteria_table(struct rb *b, struct rp_section *s,
		       const struct result *r, bool with_levels);
/* One grouped bar chart per group: each criterion's points vs its max. */
void rb_score_charts(struct rb *b, struct rp_section *s,
		     const struct score *sc);
/* The evidence of a criterion as text lines (files, links, facts, notes). */
void rb_evidence_cell(struct rb *b, struct rp_cell *cell,
		      const struct result *r, const struct criterion *c);

#endif
