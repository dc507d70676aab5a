#include "err.h"

const char *
ts_err_name(enum ts_err e)
{
	switch (e) {
	case TS_OK: return "ok";
	case TS_ENOMEM: return "out of memory";
	case TS_EINVAL: return "invalid input";
	case TS_ENOTFOUND: return "not found";
	case TS_ECONFLICT: return "conflict";
	case TS_EFORBIDDEN: return "forbidden";
	case TS_ELIMIT: return "too large";
	case TS_ERATE: return "too many attempts";
	case TS_EDB: return "database error";
	case TS_EIO: return "i/o error";
	}
	return "unknown error";
}
