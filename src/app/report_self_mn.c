/* Placeholder: this document's builder is being written this session. */
#include "report_int.h"

enum ts_err
rb_self_mn(struct rb *b)
{
	diags_add(b->d, b->t.unit.code, "mẫu báo cáo này chưa được hỗ trợ");
	return TS_EINVAL;
}
