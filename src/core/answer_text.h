#ifndef TS_ANSWER_TEXT_H
#define TS_ANSWER_TEXT_H

#include "../util/buf.h"
#include "answers.h"

/* "Đạt", "12", "Có", an option's text, "kết nối; 5/6 phân hệ",
 * "(chưa trả lời)". */
void answer_text(const struct item *it, const struct answer *a,
		 struct buf *out);

/* A checklist answer as the score sheet explains it: the chosen base,
 * then the modules it lacks with the deduction ("...; 4/6 phân hệ. Còn
 * thiếu: A; B (−2 điểm)."). Other kinds: as answer_text. */
void answer_explain(const struct item *it, const struct answer *a,
		    struct buf *out);
/* The modules a checklist answer lacks, "A; B"; nothing if none. */
void answer_missing(const struct item *it, const struct answer *a,
		    struct buf *out);

#endif
