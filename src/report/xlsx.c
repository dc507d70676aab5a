/* XLSX writer: one worksheet per section, through libxlsxwriter. Numbers
 * are stored as numbers (points as decimals, percentages as fractions
 * shown with "0.00%"), merged cells follow the model's spans, the first
 * table's header rows are repeated on print. libxlsxwriter 1.1.4 can only
 * write to a path, so it writes the rp_out temp file, which is then
 * renamed into place. See docs/reports.md, "XLSX". */
#include "xlsx.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "outfile.h"

void
xlsx_check(struct xw *w, lxw_error e)
{
	if (e != LXW_NO_ERROR && w->err == LXW_NO_ERROR)
		w->err = e;
}

/* U+2060 WORD JOINER in UTF-8. */
#define XLSX_WORD_JOINER "\xE2\x81\xA0"

/* Width of s[a, b) in average letters: a capital counts 1.5 (Times'
 * capitals are about that much wider), so "TH-CS" in an upper-case
 * line is not taken for a short word. */
static double
letters(const char *s, size_t a, size_t b)
{
	double n = 0;
	while (a < b) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)s + a,
					 (utf8proc_ssize_t)(b - a), &cp);
		if (k <= 0) {
			k = 1;
			cp = 0;
		}
		n += utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ? 1.5 : 1;
		a += (size_t)k;
	}
	return n;
}

/* Whether the word ending at byte `end` of the n bytes at s may sit at
 * the end of a wrapped line: its paragraph (from the last '\n'),
 * wrapped between words at the writer's narrow estimate of `per` letters
 * a line with one to spare, wraps before it or at it. A word that
 * surely stays inside the paragraph's first line never needs a joiner
 * (a user searching "GDNN-GDTX" in Excel found nothing). */
static bool
may_wrap_at(const char *s, size_t n, size_t end, double per)
{
	size_t p = end;
	while (p > 0 && s[p - 1] != '\n')
		p--;
	double used = 0;
	while (p < end) {
		if (s[p] == ' ') {
			p++;
			continue;
		}
		size_t e = p + strcspn(s + p, " \n");
		e = e < n ? e : n;
		used += (used > 0) + letters(s, p, e);
		if (used > per - 1)
			return true;
		p = e;
	}
	return false;
}

const char *
xlsx_nobreak_part(struct xw *w, const char *text, size_t a, size_t b,
		  const struct xlsx_wrap *wrap)
{
	struct buf *buf = &w->nb;
	size_t n = strlen(text), from = a;
	double per = xlsx_per_line(wrap->cols, wrap->size, wrap->bold);
	buf_reset(buf);
	for (size_t i = a; i < b; i++) {
		if (!rp_inner_hyphen(text, i, n) ||
		    !may_wrap_at(text, n, i + strcspn(text + i, " \n"), per))
			continue;
		buf_put(buf, text + from, i + 1 - from);
		buf_puts(buf, XLSX_WORD_JOINER);
		from = i + 1;
	}
	buf_put(buf, text + from, b - from);
	if (buf->err) {
		xlsx_check(w, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED);
		return "";
	}
	return buf_str(buf);
}

const char *
xlsx_nobreak(struct xw *w, const char *text, const struct xlsx_wrap *wrap)
{
	return xlsx_nobreak_part(w, text, 0, strlen(text), wrap);
}

static lxw_format *
fmt_make(struct xw *w, const struct xlsx_fmtkey *k)
{
	static const char *const nums[] = { [XN_INT] = "0",
					    [XN_PTS_WHOLE] = "0",
					    [XN_PTS_DEC] = "0.0#",
					    [XN_PCT] = "0.00%" };
	static const uint8_t aligns[] = { [RP_LEFT] = LXW_ALIGN_LEFT,
					  [RP_CENTER] = LXW_ALIGN_CENTER,
					  [RP_RIGHT] = LXW_ALIGN_RIGHT,
					  [RP_JUSTIFY] = LXW_ALIGN_JUSTIFY };
	lxw_format *f = workbook_add_format(w->wb);
	if (!f)
		return NULL;
	format_set_font_name(f, RP_FONT_DOCX);
	format_set_font_size(f, k->size);
	if (k->num != XN_TEXT)
		format_set_num_format(f, nums[k->num]);
	if (k->style & RP_BOLD)
		format_set_bold(f);
	if (k->style & RP_ITALIC)
		format_set_italic(f);
	if (k->style & RP_UNDERLINE)
		format_set_underline(f, LXW_UNDERLINE_SINGLE);
	format_set_align(f, aligns[k->align]);
	format_set_align(f, k->vcenter ? LXW_ALIGN_VERTICAL_CENTER
				       : LXW_ALIGN_VERTICAL_TOP);
	if (k->wrap)
		format_set_text_wrap(f);
	if (k->border)
		format_set_border(f, LXW_BORDER_THIN);
	if (k->shade) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, 0xD9D9D9);
	}
	return f;
}

lxw_format *
xlsx_fmt(struct xw *w, const struct xlsx_fmtkey *k)
{
	if (w->err)
		return NULL;
	for (size_t i = 0; i < w->nfmts; i++)
		if (memcmp(&w->keys[i], k, sizeof *k) == 0)
			return w->fmts[i];
	/* More distinct formats than any report uses: the default format
	 * keeps the value readable. */
	if (w->nfmts == XLSX_MAX_FORMATS)
		return NULL;
	lxw_format *f = fmt_make(w, k);
	if (!f) {
		xlsx_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	w->keys[w->nfmts] = *k;
	w->fmts[w->nfmts++] = f;
	return f;
}

static bool
has_spans(const struct rp_table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (t->rows[r][c].colspan > 1 ||
			    t->rows[r][c].rowspan > 1)
				return true;
	return false;
}

/* Large listings only: a table past XLSX_BIG_ROWS rows and no spans
 * anywhere, because merge_range does not work in constant_memory mode. */
static bool
want_constant(const struct rp_doc *d)
{
	bool big = false;
	for (size_t s = 0; s < d->nsections; s++)
		for (size_t b = 0; b < d->sections[s]->nblocks; b++) {
			const struct rp_block *k = &d->sections[s]->blocks[b];
			if (k->kind != RP_B_TABLE)
				continue;
			if (has_spans(k->table))
				return false;
			big = big || k->table->nrows > XLSX_BIG_ROWS;
		}
	return big;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long long
days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The creation time is the document's date when it has a full one, else
 * a constant: the same doc always gives the same bytes. */
static time_t
created_time(const struct rp_doc *d)
{
	const struct rp_header *h = d->header;
	if (h && h->year >= 1970 && h->month >= 1 && h->month <= 12 &&
	    h->day >= 1 && h->day <= 31)
		return (time_t)(days_from_civil(h->year, h->month, h->day) *
				86400);
	return (time_t)days_from_civil(2020, 1, 1) * 86400;
}

static void
set_properties(struct xw *w)
{
	/* libxlsxwriter copies the strings; its fields are not const. */
	lxw_doc_properties p = { 0 };
	char title[512], author[256];
	snprintf(title, sizeof title, "%s", w->d->title ? w->d->title : "");
	snprintf(author, sizeof author, "%s",
		 w->d->author ? w->d->author : "truongso");
	p.title = title;
	p.author = author;
	p.created = created_time(w->d);
	xlsx_check(w, workbook_set_properties(w->wb, &p));
}

/* The sheet name of section s's charts, when they go apart
 * (xlsx_section): "<its sheet's name> - Biểu đồ". */
static void
charts_name(const char *sheet, char taken[][XLSX_NAME_SIZE], size_t ntaken,
	    char *out)
{
	char want[XLSX_NAME_SIZE + 32];
	snprintf(want, sizeof want, "%s - Biểu đồ", sheet);
	xlsx_sheet_name(want, "Biểu đồ", taken, ntaken, out);
}

static void
write_sections(struct xw *w)
{
	/* One name per section, and one more for each section's charts. */
	size_t ntaken = 0;
	char(*taken)[XLSX_NAME_SIZE] = calloc(2 * w->d->nsections,
					      sizeof *taken);
	if (!taken) {
		xlsx_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t s = 0; s < w->d->nsections && !w->err; s++) {
		const struct rp_section *sec = w->d->sections[s];
		char fallback[48];
		if (s == 0)
			snprintf(fallback, sizeof fallback, "Báo cáo");
		else
			snprintf(fallback, sizeof fallback, "Phụ lục %zu", s);
		const char *name = taken[ntaken];
		xlsx_sheet_name(sec->sheet_name, fallback, taken, ntaken,
				taken[ntaken]);
		ntaken++;
		size_t rest = xlsx_section(w, sec, s == 0, name);
		if (rest < sec->nblocks) {
			charts_name(name, taken, ntaken, taken[ntaken]);
			xlsx_section_rest(w, sec, rest, taken[ntaken++]);
		}
	}
	free(taken);
}

static const struct {
	lxw_error e;
	enum ts_err ts;
	const char *msg;
} xlsx_errors[] = {
	{ LXW_ERROR_MEMORY_MALLOC_FAILED, TS_ENOMEM,
	  "không đủ bộ nhớ để tạo tệp Excel" },
	{ LXW_ERROR_CREATING_XLSX_FILE, TS_EIO,
	  "không tạo được tệp (thư mục không tồn tại hoặc không có "
	  "quyền ghi)" },
	{ LXW_ERROR_CREATING_TMPFILE, TS_EIO,
	  "không tạo được tệp tạm (thư mục tạm đầy hoặc không ghi "
	  "được)" },
	{ LXW_ERROR_READING_TMPFILE, TS_EIO, "không đọc lại được tệp tạm" },
	{ LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, TS_ELIMIT,
	  "một ô có hơn 32.767 ký tự, vượt giới hạn của Excel" },
	{ LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, TS_ELIMIT,
	  "báo cáo vượt giới hạn 1.048.576 dòng hoặc 16.384 cột của "
	  "Excel" },
	{ LXW_ERROR_255_STRING_LENGTH_EXCEEDED, TS_ELIMIT,
	  "tên hoặc thuộc tính tài liệu dài quá 255 ký tự" },
};

/* Maps a libxlsxwriter error to ours with a Vietnamese reason. */
static enum ts_err
map_error(lxw_error e, const char *path, char *err, size_t errlen)
{
	for (size_t i = 0; i < sizeof xlsx_errors / sizeof *xlsx_errors; i++)
		if (xlsx_errors[i].e == e) {
			if (xlsx_errors[i].ts == TS_EIO)
				rp_errf(err, errlen, "%s: %s",
					xlsx_errors[i].msg, path);
			else
				rp_errf(err, errlen, "%s", xlsx_errors[i].msg);
			return xlsx_errors[i].ts;
		}
	if (e >= LXW_ERROR_ZIP_FILE_OPERATION && e <= LXW_ERROR_ZIP_CLOSE) {
		rp_errf(err, errlen,
			"lỗi khi nén tệp Excel (đĩa đầy hoặc "
			"không ghi được): %s",
			path);
		return TS_EIO;
	}
	rp_errf(err, errlen, "lỗi khi tạo tệp Excel (mã lỗi thư viện %d)",
		(int)e);
	return TS_EINVAL;
}

/* libxlsxwriter 1.1.4 formats the created date of docProps/core.xml with
 * libc's gmtime, not gmtime_r: one static result buffer per process, so
 * two workbooks closed at once (two web requests) race on it and can
 * print each other's date (found by ThreadSanitizer). Closing, where the
 * XML is written, takes this lock; adding the sheets does not. */
static pthread_mutex_t close_m = PTHREAD_MUTEX_INITIALIZER;

lxw_error
xlsx_close_workbook(lxw_workbook *wb)
{
	pthread_mutex_lock(&close_m);
	lxw_error e = workbook_close(wb);
	pthread_mutex_unlock(&close_m);
	return e;
}

enum ts_err
rp_write_xlsx(const struct rp_doc *d, const char *path, char *err,
	      size_t errlen)
{
	if (d->oom) {
		rp_errf(err, errlen, "không đủ bộ nhớ để tạo báo cáo");
		return TS_ENOMEM;
	}
	struct rp_out o;
	enum ts_err e = rp_out_begin(&o, path, err, errlen);
	if (e)
		return e;
	struct xw *w = calloc(1, sizeof *w);
	if (!w) {
		rp_errf(err, errlen, "không đủ bộ nhớ để tạo tệp Excel");
		return TS_ENOMEM;
	}
	w->d = d;
	w->constant = want_constant(d);
	buf_init(&w->tmp, BUF_DEFAULT_LIMIT);
	buf_init(&w->nb, BUF_DEFAULT_LIMIT);
	lxw_workbook_options opt = { .constant_memory = w->constant };
	w->wb = workbook_new_opt(o.tmp, &opt);
	if (!w->wb)
		xlsx_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
	else {
		set_properties(w);
		write_sections(w);
		/* Frees the workbook whatever happens. */
		xlsx_check(w, xlsx_close_workbook(w->wb));
	}
	lxw_error le = w->err;
	bool buf_err = w->tmp.err;
	buf_release(&w->tmp);
	buf_release(&w->nb);
	rp_measure_end(&w->ms);
	free(w);
	if (le == LXW_NO_ERROR && buf_err)
		le = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
	if (le != LXW_NO_ERROR) {
		rp_out_abort(&o);
		return map_error(le, path, err, errlen);
	}
	return rp_out_commit(&o, err, errlen);
}
