/* Placeholder until the docx writer lands (work in progress this session). */
#include "report.h"

#include <stdio.h>

enum ts_err
rp_write_docx(const struct rp_doc *d, const char *path, char *err,
	size_t errlen)
{
	(void)d;
	(void)path;
	if (err)
		snprintf(err, errlen, "chưa hỗ trợ định dạng docx");
	return TS_EINVAL;
}
