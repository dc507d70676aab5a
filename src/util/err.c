#include "err.h"

#include <errno.h>
#include <stdio.h>

const char *
ts_err_name(enum ts_err e)
{
	switch (e) {
	case TS_OK: return "ok";
	case TS_ENOMEM: return "out of memory";
	case TS_EINVAL: return "invalid input";
	case TS_ENOTFOUND: return "not found";
	case TS_ECONFLICT: return "conflict";
	case TS_ESTALE: return "changed meanwhile";
	case TS_EFORBIDDEN: return "forbidden";
	case TS_ELIMIT: return "too large";
	case TS_ERATE: return "too many attempts";
	case TS_EDB: return "database error";
	case TS_EIO: return "i/o error";
	case TS_ERETRY: return "transient database conflict";
	case TS_ECANCELED: return "cancelled";
	}
	return "unknown error";
}

static const struct {
	int no;
	const char *text;
} ERRNO_TEXT[] = {
	{ ENOENT, "không có tệp hoặc thư mục này" },
	{ EACCES, "không có quyền truy cập" },
	{ EPERM, "không được phép thực hiện" },
	{ EISDIR, "đây là một thư mục, không phải tệp" },
	{ ENOTDIR, "một phần của đường dẫn không phải là thư mục" },
	{ ENOSPC, "ổ đĩa đã hết chỗ trống" },
	{ EDQUOT, "đã dùng hết hạn mức dung lượng đĩa" },
	{ EROFS, "ổ đĩa chỉ cho phép đọc" },
	{ EEXIST, "tệp đã tồn tại" },
	{ EMFILE, "chương trình đang mở quá nhiều tệp" },
	{ ENFILE, "hệ thống đang mở quá nhiều tệp" },
	{ EIO, "lỗi đọc/ghi thiết bị lưu trữ" },
	{ ENAMETOOLONG, "tên tệp hoặc đường dẫn quá dài" },
	{ ELOOP, "đường dẫn có quá nhiều liên kết vòng" },
	{ ENOMEM, "không đủ bộ nhớ" },
	{ EFBIG, "tệp quá lớn" },
	{ EBUSY, "tệp đang được sử dụng" },
	{ ETXTBSY, "tệp đang được sử dụng" },
	{ EXDEV, "không chuyển được tệp sang ổ đĩa khác" },
	{ EINVAL, "tham số không hợp lệ" },
	{ ENXIO, "không có thiết bị này" },
	{ EAGAIN, "tạm thời không thực hiện được, hãy thử lại" },
	{ EINTR, "bị ngắt giữa chừng" },
	{ EPIPE, "nơi nhận dữ liệu đã đóng" },
};

const char *
ts_errno_text(int errnum, char buf[TS_ERRNO_TEXT_SIZE])
{
	for (size_t i = 0; i < sizeof(ERRNO_TEXT) / sizeof(*ERRNO_TEXT); i++)
		if (ERRNO_TEXT[i].no == errnum)
			return ERRNO_TEXT[i].text;
	snprintf(buf, TS_ERRNO_TEXT_SIZE, "lỗi hệ thống (errno %d)", errnum);
	return buf;
}
