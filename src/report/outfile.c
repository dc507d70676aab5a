/* realpath() is XSI, beyond the POSIX base the build asks for; syncfs()
 * is Linux's. */
#define _GNU_SOURCE

#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/tmpfile.h"

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

/* A destination that exists and is not a regular file is written as a
 * stream; a symlink to a regular file is resolved so rename keeps the link. */
static enum ts_err
out_target(struct rp_out *o, const char *path, char *err, size_t errlen)
{
	struct stat st;
	o->stream = 0;
	if (stat(path, &st) != 0) {
		snprintf(o->real, sizeof o->real, "%s", path);
		return TS_OK; /* a new file: errors come when it is created */
	}
	if (S_ISDIR(st.st_mode)) {
		rp_errf(err, errlen,
			"không ghi được tệp %s: đây là một thư mục", path);
		return TS_EIO;
	}
	if (!S_ISREG(st.st_mode)) {
		o->stream = 1;
		snprintf(o->real, sizeof o->real, "%s", path);
		return TS_OK;
	}
	char buf[PATH_MAX];
	if (!realpath(path, buf) || strlen(buf) >= sizeof o->real) {
		snprintf(o->real, sizeof o->real, "%s", path);
		return TS_OK;
	}
	memcpy(o->real, buf, strlen(buf) + 1);
	return TS_OK;
}

enum ts_err
rp_out_begin(struct rp_out *o, const char *path, char *err, size_t errlen)
{
	o->path = path;
	o->tmp[0] = '\0';
	enum ts_err e = out_target(o, path, err, errlen);
	if (e != TS_OK)
		return e;
	if (o->stream) {
		int fd = ts_mkstemp(o->tmp, sizeof o->tmp, "out");
		if (fd < 0) {
			char t[TS_ERRNO_TEXT_SIZE];
			rp_errf(err, errlen, "không tạo được tệp tạm: %s",
				ts_errno_text(errno, t));
			return TS_EIO;
		}
		close(fd);
		return TS_OK;
	}
	int n = snprintf(o->tmp, sizeof o->tmp, "%s.part-%ld", o->real,
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
	if (o->tmp[0])
		unlink(o->tmp);
}

/* Writes all n bytes of p to fd, retrying short writes and EINTR.
 * Returns 0 or an errno value. */
static int
write_all(int fd, const char *p, size_t n)
{
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(fd, p + off, n - off);
		if (w >= 0)
			off += (size_t)w;
		else if (errno != EINTR)
			return errno;
	}
	return 0;
}

/* Copies in to out until end of file. Returns 0 or an errno value. */
static int
copy_fd(int in, int out)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n == 0)
			return 0;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		int e = write_all(out, buf, (size_t)n);
		if (e)
			return e;
	}
}

/* Copies the finished temp file into a device or pipe. Returns 0 or an
 * errno value. */
static int
copy_into(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return errno;
	int out = open(to, O_WRONLY | O_CLOEXEC);
	if (out < 0) {
		int e = errno;
		close(in);
		return e;
	}
	int e = copy_fd(in, out);
	close(in);
	if (close(out) != 0 && !e)
		e = errno;
	return e;
}

/* A batch on this thread (rp_out_batch): no fsync per file. */
static _Thread_local int batch;

void
rp_out_batch(int on)
{
	batch = on;
}

enum ts_err
rp_out_sync(const char *dir, char *err, size_t errlen)
{
	char tmp[TS_ERRNO_TEXT_SIZE];
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || syncfs(fd) != 0) {
		rp_errf(err, errlen, "không ghi được xuống đĩa %s: %s", dir,
			ts_errno_text(errno, tmp));
		if (fd >= 0)
			close(fd);
		return TS_EIO;
	}
	close(fd);
	return TS_OK;
}

/* fsyncs the temp file unless a batch syncs once at its end. */
static int
sync_tmp(const struct rp_out *o)
{
	if (batch)
		return 0;
	int fd = open(o->tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	int e = fsync(fd) != 0 ? errno : 0;
	close(fd);
	return e;
}

enum ts_err
rp_out_commit(struct rp_out *o, char *err, size_t errlen)
{
	char tmp[TS_ERRNO_TEXT_SIZE];
	if (o->stream) {
		int e = copy_into(o->tmp, o->real);
		rp_out_abort(o);
		if (e != 0) {
			rp_errf(err, errlen, "không ghi được tệp %s: %s",
				o->path, ts_errno_text(e, tmp));
			return TS_EIO;
		}
		return TS_OK;
	}
	int e = sync_tmp(o);
	if (e != 0) {
		rp_errf(err, errlen, "không ghi được tệp %s: %s", o->path,
			ts_errno_text(e, tmp));
		rp_out_abort(o);
		return TS_EIO;
	}
	if (rename(o->tmp, o->real) != 0) {
		rp_errf(err, errlen, "không ghi được tệp %s: %s", o->path,
			ts_errno_text(errno, tmp));
		rp_out_abort(o);
		return TS_EIO;
	}
	return TS_OK;
}
