#include "jread.h"

#include <stdarg.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/vnstr.h"
#include "json_digits.h"

void
jread_init(struct jread *j, struct arena *a, struct diags *d, const char *name)
{
	memset(j, 0, sizeof(*j));
	j->arena = a;
	j->diags = d;
	j->name = name != NULL ? name : "(input)";
	size_t n = strlen(j->name);
	if (n > JREAD_PATH_MAX / 2)
		n = JREAD_PATH_MAX / 2;
	memcpy(j->path, j->name, n);
	memcpy(j->path + n, ": $", 4);
	j->plen = n + 3;
}

const char *
jread_where(const struct jread *j)
{
	return j->path;
}

static void jread_verr(struct jread *j, const char *suffix, const char *fmt,
		       va_list ap) __attribute__((format(printf, 3, 0)));

static void
jread_verr(struct jread *j, const char *suffix, const char *fmt, va_list ap)
{
	struct buf where;
	buf_init(&where, 4096);
	buf_printf(&where, "%s%s%s", j->path, suffix != NULL ? "." : "",
		   suffix != NULL ? suffix : "");
	diags_vadd(j->diags, buf_str(&where), fmt, ap);
	buf_release(&where);
	j->errors++;
}

void
jread_err(struct jread *j, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	jread_verr(j, NULL, fmt, ap);
	va_end(ap);
}

void
jread_err_at(struct jread *j, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	jread_verr(j, key, fmt, ap);
	va_end(ap);
}

/* A number with more than two decimals, named by its JSON path; under
 * j->items_key the member name is an item id and the message names it. */
static void
excess_decimals(void *ctx, const struct jd_frame *f, size_t depth,
		const char *num, size_t nlen)
{
	struct jread *j = ctx;
	struct buf where;
	buf_init(&where, 4096);
	buf_puts(&where, j->path);
	for (size_t i = 0; i < depth; i++)
		if (f[i].object)
			buf_printf(&where, ".%.*s", (int)f[i].klen, f[i].key);
		else
			buf_printf(&where, "[%zu]", f[i].idx);
	if (nlen > 40)
		nlen = 40;
	if (j->items_key != NULL && depth >= 2 && f[0].object && f[1].object &&
	    f[0].klen == strlen(j->items_key) &&
	    memcmp(f[0].key, j->items_key, f[0].klen) == 0)
		diags_add(j->diags, buf_str(&where),
			  "nội dung %.*s: giá trị "
			  "%.*s có nhiều hơn 2 chữ số thập phân (chỉ nhận tối "
			  "đa 2, ví dụ 7.25)",
			  (int)f[1].klen, f[1].key, (int)nlen, num);
	else
		diags_add(j->diags, buf_str(&where),
			  "số %.*s có nhiều hơn 2 "
			  "chữ số thập phân (chỉ nhận tối đa 2, ví dụ 7.25)",
			  (int)nlen, num);
	buf_release(&where);
	j->errors++;
}

/* jansson's English syntax messages (load.c), all json_error_invalid_syntax,
 * told apart by their start. */
static const struct {
	const char *en;
	const char *vi;
} SYNTAX_VI[] = {
	{ "unexpected newline", "xuống dòng giữa một chuỗi (thiếu dấu \" "
				"đóng?)" },
	{ "control character", "có ký tự điều khiển trong chuỗi" },
	{ "invalid escape", "chuỗi thoát sau dấu \\ không hợp lệ" },
	{ "invalid Unicode", "mã Unicode \\u không hợp lệ" },
	{ "invalid token", "ký hiệu không hợp lệ (chuỗi cần dấu \", "
			   "true/false/null viết thường)" },
	{ "string or '}' expected", "cần tên khóa trong dấu \" hoặc dấu } "
				    "(thừa dấu phẩy?)" },
	{ "':' expected", "thiếu dấu : sau tên khóa" },
	{ "'}' expected", "thiếu dấu phẩy hoặc dấu }" },
	{ "']' expected", "thiếu dấu phẩy hoặc dấu ]" },
	{ "'[' or '{' expected", "nội dung phải bắt đầu bằng { hoặc [" },
	{ "unexpected token", "ký hiệu không đúng chỗ (thừa dấu phẩy?)" },
};

static const char *
json_reason(const json_error_t *e)
{
	switch (json_error_code(e)) {
	case json_error_out_of_memory: return "không đủ bộ nhớ";
	case json_error_stack_overflow: return "lồng nhau quá nhiều tầng";
	case json_error_invalid_utf8: return "không phải văn bản UTF-8 hợp lệ";
	case json_error_premature_end_of_input:
		return "nội dung kết thúc khi JSON chưa đóng (thiếu \", } "
		       "hoặc ]?)";
	case json_error_end_of_input_expected:
		return "còn nội dung thừa sau khi JSON đã đóng";
	case json_error_null_character:
	case json_error_null_byte_in_key:
		return "chuỗi chứa ký tự NUL (\\u0000)";
	case json_error_duplicate_key: return "khóa xuất hiện hơn một lần";
	case json_error_numeric_overflow: return "số quá lớn";
	case json_error_invalid_syntax:
		for (size_t i = 0; i < sizeof(SYNTAX_VI) / sizeof(*SYNTAX_VI);
		     i++)
			if (strncmp(e->text, SYNTAX_VI[i].en,
				    strlen(SYNTAX_VI[i].en)) == 0)
				return SYNTAX_VI[i].vi;
		return "sai cú pháp JSON";
	default: return "sai cú pháp JSON";
	}
}

/* The token jansson quotes after " near '" (at most 20 bytes), or "" */
static void
json_near(const json_error_t *e, char out[32])
{
	const char *p = strstr(e->text, " near '");
	size_t n = p ? strlen(p + 7) : 0;
	if (n > 0 && n <= 31 && p[7 + n - 1] == '\'')
		n--;
	else
		n = 0;
	memcpy(out, p ? p + 7 : "", n);
	out[n] = '\0';
}

json_t *
jread_load(struct jread *j, const char *buf, size_t len)
{
	json_error_t e;
	json_excess_decimals(buf, len, excess_decimals, j);
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &e);
	if (root == NULL) {
		char near[32];
		json_near(&e, near);
		diags_add(j->diags, j->name,
			  "JSON không hợp lệ ở dòng %d, cột %d (byte thứ %d): "
			  "%s%s%s%s",
			  e.line, e.column, e.position, json_reason(&e),
			  near[0] ? ", gần “" : "", near, near[0] ? "”" : "");
		j->errors++;
	}
	return root;
}

static size_t
path_append(struct jread *j, const char *s, size_t n)
{
	size_t mark = j->plen;
	if (j->plen + n + 1 >= JREAD_PATH_MAX)
		n = JREAD_PATH_MAX - j->plen - 1;
	memcpy(j->path + j->plen, s, n);
	j->plen += n;
	j->path[j->plen] = '\0';
	return mark;
}

size_t
jread_key(struct jread *j, const char *key)
{
	size_t mark = path_append(j, ".", 1);
	path_append(j, key, strlen(key));
	return mark;
}

size_t
jread_idx(struct jread *j, size_t i)
{
	char tmp[32];
	size_t n = 0, o = 0;
	char digits[24];
	do {
		digits[n++] = (char)('0' + i % 10);
		i /= 10;
	} while (i > 0);
	tmp[o++] = '[';
	while (n > 0)
		tmp[o++] = digits[--n];
	tmp[o++] = ']';
	return path_append(j, tmp, o);
}

void
jread_pop(struct jread *j, size_t mark)
{
	j->plen = mark;
	j->path[mark] = '\0';
}

static bool
key_allowed(const char *key, const char *const *allowed)
{
	for (; *allowed != NULL; allowed++)
		if (strcmp(key, *allowed) == 0)
			return true;
	return false;
}

void
jread_keys(struct jread *j, json_t *obj, const char *const *allowed)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		if (!key_allowed(key, allowed))
			jread_err_at(j, key,
				     "trường \"%s\" không được hỗ trợ "
				     "(sai chính tả?)",
				     key);
	}
}

bool
jread_is_object(struct jread *j, json_t *v)
{
	if (json_is_object(v))
		return true;
	jread_err(j, "phải là một đối tượng JSON {...}");
	return false;
}

const char *
jread_text(struct jread *j, json_t *v)
{
	const char *s = vn_nfc(j->arena, json_string_value(v));
	if (s == NULL)
		j->oom = 1;
	return s;
}

const char *
jread_str(struct jread *j, json_t *obj, const char *key, bool required)
{
	json_t *v = json_object_get(obj, key);
	if (v == NULL) {
		if (required)
			jread_err_at(j, key, "thiếu trường bắt buộc \"%s\"",
				     key);
		return NULL;
	}
	if (!json_is_string(v)) {
		jread_err_at(j, key, "phải là chuỗi văn bản");
		return NULL;
	}
	if (required && json_string_length(v) == 0) {
		jread_err_at(j, key, "không được để trống");
		return NULL;
	}
	if (strlen(json_string_value(v)) != json_string_length(v)) {
		jread_err_at(j, key, "chứa ký tự NUL");
		return NULL;
	}
	return jread_text(j, v);
}

bool
jread_number(json_t *v, pts_t *out)
{
	if (json_is_integer(v))
		return pts_from_int(json_integer_value(v), out);
	if (json_is_real(v))
		return pts_from_double(json_real_value(v), out);
	return false;
}

bool
jread_reported(const struct jread *j, const char *key)
{
	struct buf where;
	buf_init(&where, 4096);
	buf_printf(&where, "%s%s%s", j->path, key ? "." : "", key ? key : "");
	size_t n = where.len;
	bool found = false;
	for (size_t i = 0; !found && i < j->diags->n; i++) {
		const char *w = j->diags->v[i].where;
		found = strncmp(w, buf_str(&where), n) == 0 &&
			(w[n] == '\0' || w[n] == '.');
	}
	buf_release(&where);
	return found;
}

bool
jread_pts(struct jread *j, json_t *obj, const char *key, bool required,
	  pts_t *out)
{
	json_t *v = json_object_get(obj, key);
	if (v == NULL) {
		if (required)
			jread_err_at(j, key, "thiếu trường bắt buộc \"%s\"",
				     key);
		return false;
	}
	if (!jread_number(v, out)) {
		/* Too many decimals was said already, from the text. */
		if (!jread_reported(j, key))
			jread_err_at(j, key,
				     "phải là số, tối đa 2 chữ số thập "
				     "phân");
		return false;
	}
	return true;
}

bool
jread_int(struct jread *j, json_t *obj, const char *key, bool required,
	  long long *out)
{
	json_t *v = json_object_get(obj, key);
	if (v == NULL) {
		if (required)
			jread_err_at(j, key, "thiếu trường bắt buộc \"%s\"",
				     key);
		return false;
	}
	if (!json_is_integer(v)) {
		jread_err_at(j, key, "phải là số nguyên");
		return false;
	}
	*out = json_integer_value(v);
	return true;
}

bool
jread_bool(struct jread *j, json_t *obj, const char *key, bool dflt)
{
	json_t *v = json_object_get(obj, key);
	if (v == NULL)
		return dflt;
	if (!json_is_boolean(v)) {
		jread_err_at(j, key, "phải là true hoặc false");
		return dflt;
	}
	return json_is_true(v);
}

bool
jread_range(struct jread *j, json_t *obj, const char *key, struct range *out)
{
	const char *s = jread_str(j, obj, key, true);
	if (s == NULL)
		return false;
	const char *why = NULL;
	if (!range_parse(s, out, &why)) {
		jread_err_at(j, key, "khoảng \"%s\" không hợp lệ: %s", s, why);
		return false;
	}
	return true;
}

json_t *
jread_arr(struct jread *j, json_t *obj, const char *key, bool required)
{
	json_t *v = json_object_get(obj, key);
	if (v == NULL) {
		if (required)
			jread_err_at(j, key, "thiếu trường bắt buộc \"%s\"",
				     key);
		return NULL;
	}
	if (!json_is_array(v)) {
		jread_err_at(j, key, "phải là danh sách [...]");
		return NULL;
	}
	if (required && json_array_size(v) == 0) {
		jread_err_at(j, key, "danh sách không được rỗng");
		return NULL;
	}
	return v;
}

static bool
valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

void
jread_data_head(struct jread *j, json_t *root, const char **id, int *version)
{
	jread_data_head_of(j, root, "bộ chỉ số", id, version);
}

void
jread_data_head_of(struct jread *j, json_t *root, const char *kind,
		   const char **id, int *version)
{
	long long fmt = 0, ver = 0;
	if (jread_int(j, root, "format", true, &fmt) && fmt != 1)
		jread_err_at(j, "format", "chỉ hỗ trợ format 1");
	*id = jread_str(j, root, "id", true);
	if (*id != NULL && !valid_id(*id))
		jread_err_at(j, "id",
			     "mã %s chỉ gồm chữ thường không dấu, "
			     "chữ số và dấu gạch ngang (tối đa 64 ký tự)",
			     kind);
	if (jread_int(j, root, "version", true, &ver) &&
	    (ver < 1 || ver > 1000000))
		jread_err_at(j, "version", "phiên bản phải là số nguyên dương");
	*version = (int)ver;
}
