#ifndef TS_ANSWER_TEXT_H
#define TS_ANSWER_TEXT_H

#include "../util/buf.h"
#include "answers.h"

/* "Đạt", "12", "Có", an option's text, "kết nối; 5/6 phân hệ",
 * "(chưa trả lời)". */
void answer_text(const struct item *it, const struct answer *a,
		 struct buf *out);

#endif
