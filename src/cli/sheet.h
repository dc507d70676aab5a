/* Text renderings for the terminal: the score sheet (laid out like Phụ lục
 * 1 of seed 003) and the rubric table of `truongso rubric show`. */
#ifndef TS_SHEET_H
#define TS_SHEET_H

#include "../core/score.h"
#include "../util/buf.h"

void sheet_score_text(const struct score *s, struct buf *out);
void sheet_rubric_text(const struct rubric *r, struct buf *out);
/* "Mức độ 1: dưới 50; Mức độ 2: từ 50 đến 75; ..." */
void sheet_levels_words(const struct level_band *v, size_t n, pts_t top,
			const char *prefix, struct buf *out);

#endif
