/*
 * CSV through libcsv. The buffer is checked for encoding first (so every
 * bad line is reported, not only the first), then fed to libcsv one
 * physical line at a time: that is how each record learns the line it
 * starts on, which libcsv itself does not track.
 */
#include <csv.h>
#include <string.h>

#include "../util/vnstr.h"
#include "sheet_int.h"

/* libcsv 3.0.3's csv.c: pstate of a parser between records. */
#define CSV_ROW_NOT_BEGUN   0
/* Bytes fed to libcsv at once; a field is checked against the cell limit
 * between feeds, so a huge field never grows libcsv's buffer far. */
#define CSV_FEED	    ((size_t)64 << 10)
/* Bad-encoding lines reported one by one; the rest are counted. */
#define CSV_BAD_LINES_SHOWN 20

struct csv_state {
	struct sheet_build *b;
	size_t col;
	size_t rec_line; /* line where the current record started */
};

/* Length of the physical line at s, with its end (LF, CRLF or lone CR). */
static size_t
line_len(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return n;
}

static void
bad_line(struct sheet_build *b, size_t line, const char *s, size_t n,
	 size_t nbad)
{
	if (nbad > CSV_BAD_LINES_SHOWN)
		return;
	if (memchr(s, '\0', n) != NULL)
		sb_err(b, TS_EINVAL, line,
		       "có byte 0: tệp có thể được lưu dạng Unicode UTF-16; "
		       "hãy lưu lại dạng CSV UTF-8");
	else if (nbad == 1)
		sb_err(b, TS_EINVAL, line,
		       "không phải UTF-8; hãy lưu tệp dạng CSV UTF-8 (trong "
		       "Excel: File → Save As → «CSV UTF-8»). Bảng mã "
		       "Windows-1258, TCVN3 (ABC) và VNI không được hỗ trợ");
	else
		sb_err(b, TS_EINVAL, line, "không phải UTF-8");
}

/* Every line must be UTF-8 without NUL bytes. */
static bool
check_encoding(struct sheet_build *b, const char *s, size_t n)
{
	size_t nbad = 0;
	size_t line = 1;
	for (size_t off = 0; off < n; line++) {
		size_t k = line_len(s + off, n - off);
		if (memchr(s + off, '\0', k) != NULL ||
		    !vn_valid_utf8(s + off, k))
			bad_line(b, line, s + off, k, ++nbad);
		off += k;
	}
	if (nbad > CSV_BAD_LINES_SHOWN)
		sb_err(b, TS_EINVAL, 0,
		       "còn %zu dòng khác cũng không phải "
		       "UTF-8",
		       nbad - CSV_BAD_LINES_SHOWN);
	return nbad == 0;
}

/* The delimiter seen most often outside quotes in the first record
 * (blank lines before it skipped); ties go to ';' (Vietnamese-locale
 * Excel), then TAB, then ','. */
/* Counts each of cand[0..3) outside quotes on the first line of s. */
static void
count_unquoted(const char *s, size_t n, const char cand[3], size_t cnt[3])
{
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			return;
		for (size_t k = 0; k < 3 && !quoted; k++)
			cnt[k] += s[i] == cand[k];
	}
}

static char
pick_delim(const char *s, size_t n)
{
	static const char cand[3] = { ';', '\t', ',' };
	size_t cnt[3] = { 0, 0, 0 };
	while (n > 0 && (*s == '\r' || *s == '\n' || *s == ' ')) {
		s++;
		n--;
	}
	count_unquoted(s, n < CSV_FEED ? n : CSV_FEED, cand, cnt);
	size_t best = 2;
	for (size_t k = 0; k < 3; k++)
		if (cnt[k] > cnt[best] || (cnt[k] == cnt[best] && k < best))
			best = k;
	return cand[best];
}

/* Excel's "sep=;" first line: the delimiter, or 0 if there is none. */
static char
sep_line(const char *s, size_t n, size_t *skip)
{
	if (n < 5 || memcmp(s, "sep=", 4) != 0 || strchr(",;\t", s[4]) == NULL)
		return 0;
	size_t k = line_len(s, n);
	if (k != 5 && !(k >= 6 && (s[5] == '\n' || s[5] == '\r')))
		return 0;
	*skip = k;
	return s[4];
}

static void
on_field(void *s, size_t n, void *data)
{
	struct csv_state *st = data;
	struct sheet_build *b = st->b;
	if (sb_stopped(b))
		return;
	b->line = st->rec_line;
	sb_put(b, st->col, sb_text(b, s, n));
	st->col++;
}

static void
on_row(int c, void *data)
{
	(void)c;
	struct csv_state *st = data;
	st->b->line = st->rec_line;
	sb_end_row(st->b);
	st->col = 0;
}

static void
parse_failed(struct csv_state *st, struct csv_parser *p, size_t line)
{
	struct sheet_build *b = st->b;
	int e = csv_error(p);
	if (e == CSV_ENOMEM)
		sb_err(b, TS_ENOMEM, 0, "không đủ bộ nhớ để đọc tệp");
	else if (e == CSV_ETOOBIG)
		sb_err(b, TS_ELIMIT, line, "một ô quá dài; không đọc tiếp");
	else
		sb_err(b, TS_EINVAL, line,
		       "dấu ngoặc kép (\") đặt sai chỗ: ô có dấu \" phải "
		       "được bao cả ô trong \"…\", và mỗi dấu \" bên trong "
		       "viết thành \"\"");
}

/* Feeds one physical line in bounded pieces; false on a problem. */
static bool
feed_line(struct csv_state *st, struct csv_parser *p, const char *s, size_t n,
	  size_t line)
{
	for (size_t off = 0; off < n;) {
		size_t k = n - off < CSV_FEED ? n - off : CSV_FEED;
		if (csv_parse(p, s + off, k, on_field, on_row, st) != k) {
			parse_failed(st, p, line);
			return false;
		}
		if (sb_stopped(st->b))
			return false;
		if (p->entry_pos > SHEET_CELL_BYTES) {
			sb_err(st->b, TS_ELIMIT, line,
			       "một ô dài hơn %zu byte; không đọc tiếp",
			       SHEET_CELL_BYTES);
			return false;
		}
		off += k;
	}
	return true;
}

static void
feed_all(struct csv_state *st, struct csv_parser *p, const char *s, size_t n,
	 size_t line)
{
	for (size_t off = 0; off < n; line++) {
		size_t k = line_len(s + off, n - off);
		if (p->pstate == CSV_ROW_NOT_BEGUN)
			st->rec_line = line;
		if (!feed_line(st, p, s + off, k, line))
			return;
		off += k;
	}
	if (csv_fini(p, on_field, on_row, st) != 0) {
		if (csv_error(p) == CSV_EPARSE)
			sb_err(st->b, TS_EINVAL, st->rec_line,
			       "dấu ngoặc kép (\") mở ở đây không được đóng "
			       "cho đến hết tệp");
		else
			parse_failed(st, p, line);
	}
}

/* Reads a whole CSV buffer into b (see sheet_read.h for the rules). */
void
sheet_csv(struct sheet_build *b, const char *s, size_t n)
{
	if (n >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') ||
		       (s[0] == '\xFE' && s[1] == '\xFF'))) {
		sb_err(b, TS_EINVAL, 0,
		       "tệp được lưu dạng Unicode UTF-16; "
		       "hãy lưu lại dạng CSV UTF-8");
		return;
	}
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (!check_encoding(b, s, n))
		return;
	size_t skip = 0;
	char delim = sep_line(s, n, &skip);
	if (delim == 0)
		delim = pick_delim(s, n);
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		sb_err(b, TS_ENOMEM, 0, "không đủ bộ nhớ để đọc tệp");
		return;
	}
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_blk_size(&p, 4096);
	struct csv_state st = { .b = b, .col = 0, .rec_line = 1 };
	feed_all(&st, &p, s + skip, n - skip, skip > 0 ? 2 : 1);
	csv_free(&p);
}
