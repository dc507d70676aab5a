/* sheet_read(): format dispatch, and the grid builder both formats feed. */
#include "sheet_read.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/vnstr.h"
#include "sheet_int.h"

const char sheet_empty[] = "";

bool
sb_init(struct sheet_build *b, struct arena *a, struct diags *d,
	const char *name)
{
	memset(b, 0, sizeof(*b));
	b->a = a;
	b->d = d;
	b->name = name != NULL ? name : "tệp";
	b->cur = calloc(SHEET_MAX_COLS, sizeof(*b->cur));
	return b->cur != NULL;
}

void
sb_release(struct sheet_build *b)
{
	free(b->rows);
	free(b->cur);
	b->rows = NULL;
	b->cur = NULL;
}

bool
sb_stopped(const struct sheet_build *b)
{
	return b->err != TS_OK;
}

void
sb_err(struct sheet_build *b, enum ts_err e, size_t line, const char *fmt, ...)
{
	if (e == TS_EINVAL)
		b->invalid++;
	else if (b->err == TS_OK || e == TS_ENOMEM)
		b->err = e;
	if (b->d->n >= DIAG_MAX) { /* full: count only, skip formatting */
		b->d->dropped++;
		return;
	}
	struct buf where;
	buf_init(&where, 4096);
	if (line > 0)
		buf_printf(&where, "%s: dòng %zu", b->name, line);
	else
		buf_puts(&where, b->name);
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(b->d, buf_str(&where), fmt, ap);
	va_end(ap);
	buf_release(&where);
}

static void
sb_oom(struct sheet_build *b)
{
	sb_err(b, TS_ENOMEM, 0, "không đủ bộ nhớ để đọc tệp");
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	       c == '\f';
}

static bool
is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* NFC copy of s[0..n) (valid UTF-8, no NUL) in the arena. */
static const char *
nfc_copy(struct sheet_build *b, const char *s, size_t n)
{
	if (is_ascii(s, n)) /* already NFC: one copy, no utf8proc */
		return arena_strndup(b->a, s, n);
	char *tmp = malloc(n + 1);
	if (tmp == NULL)
		return NULL;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	const char *r = vn_nfc(b->a, tmp);
	free(tmp);
	return r;
}

const char *
sb_text(struct sheet_build *b, const char *s, size_t n)
{
	if (n > SHEET_CELL_BYTES) {
		sb_err(b, TS_ELIMIT, b->line,
		       "một ô dài hơn %zu byte; không đọc tiếp",
		       SHEET_CELL_BYTES);
		return NULL;
	}
	while (n > 0 && is_blank(s[0])) {
		s++;
		n--;
	}
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	if (n == 0)
		return sheet_empty;
	if (memchr(s, '\0', n) != NULL) {
		sb_err(b, TS_EINVAL, b->line, "ô chứa ký tự NUL (mã 0)");
		return NULL;
	}
	if (!vn_valid_utf8(s, n)) {
		sb_err(b, TS_EINVAL, b->line, "ô không phải văn bản UTF-8");
		return NULL;
	}
	const char *r = nfc_copy(b, s, n);
	if (r == NULL)
		sb_oom(b);
	return r;
}

void
sheet_col_name(size_t col, char out[8])
{
	char tmp[8];
	size_t n = 0;
	for (col++; col > 0 && n < sizeof(tmp) - 1; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

void
sb_put(struct sheet_build *b, size_t col, const char *cell)
{
	if (cell == NULL || b->err != TS_OK)
		return;
	if (col >= SHEET_MAX_COLS) {
		if (cell[0] == '\0')
			return; /* formatted empty cells far right: harmless */
		char cn[8];
		sheet_col_name(col, cn);
		sb_err(b, TS_ELIMIT, b->line,
		       "có dữ liệu ở cột %s; chỉ đọc được %d cột đầu tiên", cn,
		       SHEET_MAX_COLS);
		return;
	}
	b->cur[col] = cell;
	if (cell[0] != '\0' && col >= b->ncur)
		b->ncur = col + 1;
}

static bool
rows_reserve(struct sheet_build *b)
{
	if (b->nrows < b->cap)
		return true;
	size_t cap = b->cap ? b->cap * 2 : 64;
	struct sheet_row *r = realloc(b->rows, cap * sizeof(*r));
	if (r == NULL)
		return false;
	b->rows = r;
	b->cap = cap;
	return true;
}

/* Row limits; true if the row may be stored. */
static bool
row_fits(struct sheet_build *b)
{
	if (b->nrows >= SHEET_MAX_ROWS) {
		sb_err(b, TS_ELIMIT, b->line,
		       "bảng có hơn %d dòng có dữ liệu; hãy chia nhỏ tệp",
		       SHEET_MAX_ROWS);
		return false;
	}
	if (b->ncur > SHEET_MAX_CELLS - b->total) {
		sb_err(b, TS_ELIMIT, b->line,
		       "bảng có hơn %zu ô; hãy chia nhỏ tệp", SHEET_MAX_CELLS);
		return false;
	}
	return true;
}

void
sb_end_row(struct sheet_build *b)
{
	size_t n = b->ncur;
	while (n > 0 && (b->cur[n - 1] == NULL || b->cur[n - 1][0] == '\0'))
		n--; /* a later empty value for a column overwrote data */
	b->ncur = n;
	if (n == 0 || b->err != TS_OK || !row_fits(b))
		goto reset;
	const char **cells = arena_calloc(b->a, n, sizeof(*cells));
	if (cells == NULL || !rows_reserve(b)) {
		sb_oom(b);
		goto reset;
	}
	for (size_t i = 0; i < n; i++)
		cells[i] = b->cur[i] != NULL ? b->cur[i] : sheet_empty;
	b->rows[b->nrows++] = (struct sheet_row){ .line = b->line,
						  .ncells = n,
						  .cells = cells };
	b->total += n;
reset:
	/* Every slot may have been written (empty cells do not move ncur). */
	memset(b->cur, 0, SHEET_MAX_COLS * sizeof(*b->cur));
	b->ncur = 0;
}

enum ts_err
sb_finish(struct sheet_build *b, struct sheet *out)
{
	if (b->err != TS_OK)
		return b->err;
	if (b->invalid > 0)
		return TS_EINVAL;
	if (b->nrows == 0) {
		sb_err(b, TS_EINVAL, 0,
		       "tệp không có dữ liệu (không có ô nào "
		       "khác rỗng)");
		return TS_EINVAL;
	}
	struct sheet_row *rows = arena_calloc(b->a, b->nrows, sizeof(*rows));
	if (rows == NULL) {
		sb_oom(b);
		return TS_ENOMEM;
	}
	memcpy(rows, b->rows, b->nrows * sizeof(*rows));
	out->rows = rows;
	out->nrows = b->nrows;
	return TS_OK;
}

static bool
has_prefix(const char *buf, size_t len, const char *p, size_t n)
{
	return len >= n && memcmp(buf, p, n) == 0;
}

/* Formats we recognise only to refuse them clearly. */
static bool
refuse_other(struct sheet_build *b, const char *buf, size_t len)
{
	if (has_prefix(buf, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		/* OLE2: .xls, and also every password-protected .xlsx. */
		sb_err(b, TS_EINVAL, 0,
		       "tệp Excel 97-2003 (.xls) hoặc tệp Excel có đặt mật "
		       "khẩu: chưa hỗ trợ; hãy mở bằng Excel, bỏ mật khẩu "
		       "nếu có, rồi lưu dạng .xlsx hoặc CSV UTF-8");
		return true;
	}
	return false;
}

static void
dispatch(struct sheet_build *b, const char *buf, size_t len,
	 enum sheet_format fmt)
{
	bool zip = has_prefix(buf, len, "PK\x03\x04", 4);
	if (refuse_other(b, buf, len))
		return;
	if (fmt == SHEET_XLSX || (fmt == SHEET_AUTO && zip)) {
		sheet_xlsx(b, buf, len);
		return;
	}
	if (zip) {
		sb_err(b, TS_EINVAL, 0,
		       "tệp này là tệp nén (có thể là Excel .xlsx), không "
		       "phải CSV; hãy chọn đúng loại tệp");
		return;
	}
	sheet_csv(b, buf, len);
}

enum ts_err
sheet_read(const char *buf, size_t len, enum sheet_format fmt, const char *name,
	   struct arena *a, struct sheet *out, struct diags *d)
{
	struct sheet_build b;
	if (!sb_init(&b, a, d, name)) {
		sb_oom(&b);
		return TS_ENOMEM;
	}
	if (buf == NULL)
		len = 0;
	if (len > SHEET_MAX_BYTES)
		sb_err(&b, TS_ELIMIT, 0,
		       "tệp quá lớn (%zu byte); tối đa %zu MB", len,
		       SHEET_MAX_BYTES >> 20);
	else
		dispatch(&b, buf != NULL ? buf : "", len, fmt);
	enum ts_err e = sb_finish(&b, out);
	sb_release(&b);
	return e;
}
