#include "text.h"

#include <string.h>
#include <utf8proc.h>

#include "../util/vnstr.h"

/* NULL, or why s (valid UTF-8) has a character it may not have. */
static const char *
bad_char(const char *s, unsigned flags, size_t *count)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	*count = 0;
	while (*p) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
		if (k <= 0)
			return "không phải văn bản UTF-8 hợp lệ";
		bool line = c == '\n' || c == '\r' || c == '\t';
		if ((c < 0x20 || (c >= 0x7f && c < 0xa0)) &&
		    !(line && (flags & TEXT_MULTILINE)))
			return line ? "chỉ được viết trên một dòng"
				    : "có ký tự điều khiển không được phép";
		p += k;
		(*count)++;
	}
	return NULL;
}

static enum ts_err
check_one(struct arena *a, const struct text_field *f, struct diags *d)
{
	const char *s = *f->value;
	if (s == NULL || s[0] == '\0') {
		if (!(f->flags & TEXT_REQUIRED))
			return TS_OK;
		diags_add(d, f->label, "không được để trống");
		return TS_EINVAL;
	}
	if (!vn_valid_utf8(s, strlen(s))) {
		diags_add(d, f->label, "không phải văn bản UTF-8 hợp lệ");
		return TS_EINVAL;
	}
	const char *nfc = vn_nfc(a, s);
	if (nfc == NULL)
		return TS_ENOMEM;
	size_t n;
	const char *why = bad_char(nfc, f->flags, &n);
	if (why == NULL && n > f->max) {
		diags_add(d, f->label, "dài quá %zu ký tự", f->max);
		return TS_EINVAL;
	}
	if (why != NULL) {
		diags_add(d, f->label, "%s", why);
		return TS_EINVAL;
	}
	*f->value = nfc;
	return TS_OK;
}

enum ts_err
text_check(struct arena *a, const struct text_field *f, size_t n,
	   struct diags *d)
{
	enum ts_err e = TS_OK;
	for (size_t i = 0; i < n; i++) {
		enum ts_err r = check_one(a, &f[i], d);
		if (r == TS_ENOMEM)
			return r;
		if (r != TS_OK)
			e = r;
	}
	return e;
}
