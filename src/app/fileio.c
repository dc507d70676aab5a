#include "fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

enum ts_err
file_read_all(const char *path, size_t limit, char **out, size_t *len,
	      struct diags *d)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		int no = errno;
		char tmp[TS_ERRNO_TEXT_SIZE];
		diags_add(d, path, "không mở được tệp: %s",
			  ts_errno_text(no, tmp));
		return no == ENOENT ? TS_ENOTFOUND : TS_EIO;
	}
	struct buf b;
	errno = 0;
	buf_init(&b, limit + 1);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_put(&b, chunk, n);
		if (b.err != TS_OK)
			break;
	}
	int rerr = ferror(f) ? (errno ? errno : EIO) : 0;
	if (f != stdin)
		fclose(f);
	enum ts_err e = b.err;
	if (e == TS_ELIMIT)
		diags_add(d, path, "tệp quá lớn (giới hạn %zu MB)",
			  limit >> 20);
	else if (e != TS_OK)
		diags_add(d, path, "không đủ bộ nhớ để đọc tệp");
	else if (rerr) {
		char tmp[TS_ERRNO_TEXT_SIZE];
		diags_add(d, path, "lỗi khi đọc tệp: %s",
			  ts_errno_text(rerr, tmp));
		e = TS_EIO;
	}
	if (e != TS_OK) {
		buf_release(&b);
		return e;
	}
	*len = b.len;
	*out = buf_take(&b);
	return TS_OK;
}
