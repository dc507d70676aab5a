#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void
rp_errf(char *err, size_t errlen, const char *fmt, ...)
{
	if (!err || !errlen)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

enum ts_err
rp_out_begin(struct rp_out *o, const char *path, char *err,
	size_t errlen)
{
	o->path = path;
	int n = snprintf(o->tmp, sizeof o->tmp, "%s.part-%ld", path,
		(long)getpid());
	if (n < 0 || (size_t)n >= sizeof o->tmp) {
		rp_errf(err, errlen, "đường dẫn tệp quá dài: %s", path);
		return TS_EINVAL;
	}
	return TS_OK;
}

void
rp_out_abort(struct rp_out *o)
{
	unlink(o->tmp);
}

enum ts_err
rp_out_commit(struct rp_out *o, char *err, size_t errlen)
{
	char tmp[TS_ERRNO_TEXT_SIZE];
	int fd = open(o->tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0) {
		rp_errf(err, errlen, "không ghi được tệp %s: %s", o->path,
			ts_errno_text(errno, tmp));
		if (fd >= 0)
			close(fd);
		rp_out_abort(o);
		return TS_EIO;
	}
	close(fd);
	if (rename(o->tmp, o->path) != 0) {
		rp_errf(err, errlen, "không ghi được tệp %s: %s", o->path,
			ts_errno_text(errno, tmp));
		rp_out_abort(o);
		return TS_EIO;
	}
	return TS_OK;
}
