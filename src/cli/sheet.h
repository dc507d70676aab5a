/* Text renderings for the terminal: the score sheet (laid out like Phụ lục
 * 1 of seed 003) and the rubric table of `truongso rubric show`. */
#ifndef TS_SHEET_H
#define TS_SHEET_H

#include "../core/score.h"
#include "../util/buf.h"

void sheet_score_text(const struct score *s, struct buf *out);
/* The per-group lines ("Nhóm tiêu chí 1 ...: 73/100 điểm - đạt Mức độ 2")
 * with advice, as under the score sheet. */
void sheet_group_summary(const struct score *s, struct buf *out);
struct sub_diff;
/* What changed between two versions, item by item, and group totals. */
void sheet_diff_text(const struct sub_diff *df, int v1, int v2,
		     struct buf *out);
/* The official six-column table; sources adds where each unverified
 * rule comes from and the file's provenance notes (maintainers only:
 * `rubric show --sources`). */
void sheet_rubric_text(const struct rubric *r, bool sources, struct buf *out);
/* "Mức độ 1: dưới 50; Mức độ 2: từ 50 đến 75; ..." */
void sheet_levels_words(const struct level_band *v, size_t n, pts_t top,
			const char *prefix, struct buf *out);

#endif
