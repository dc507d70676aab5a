/* Placeholder until the pdf writer lands (work in progress this session). */
#include "report.h"

#include <stdio.h>

enum ts_err
rp_write_pdf(const struct rp_doc *d, const char *path, char *err,
	size_t errlen)
{
	(void)d;
	(void)path;
	if (err)
		snprintf(err, errlen, "chưa hỗ trợ định dạng pdf");
	return TS_EINVAL;
}
