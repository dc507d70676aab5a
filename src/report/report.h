/*
 * The report model: one data structure per document, rendered by several
 * writers (DOCX, PDF, XLSX, CSV; charts to SVG/PNG/PDF). Builders in app/
 * turn campaign data into an rp_doc; writers never compute numbers, they only
 * lay out what the model says, so every format shows the same digits.
 *
 * Everything lives in one arena owned by the caller. Builder calls never
 * fail loudly: on out-of-memory they set doc->oom and return a dummy or
 * NULL-safe result, and every writer refuses a doc with oom set (TS_ENOMEM).
 *
 * Official documents follow Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins
 * 20/20/30/15 mm, Times New Roman (Liberation Serif is its metric twin),
 * the two-column header (cơ quan chủ quản + tên đơn vị left, Quốc hiệu +
 * Tiêu ngữ right), Số/ký hiệu, địa danh + ngày tháng năm, tên loại + trích
 * yếu centred, body, then Nơi nhận (left) beside the signature block
 * (right). Appendices start on a new page with their own heading.
 */
#ifndef TS_REPORT_H
#define TS_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/fixed.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/cancel.h"
#include "../util/err.h"

/* Page geometry of NĐ 30 (millimetres). */
#define RP_PAGE_W_MM		 210
#define RP_PAGE_H_MM		 297
#define RP_MARGIN_TOP_MM	 20
#define RP_MARGIN_BOTTOM_MM	 20
#define RP_MARGIN_LEFT_MM	 30
#define RP_MARGIN_RIGHT_MM	 15
/* Font family: Times New Roman in DOCX (what Word users have); PDF embeds
 * its metric twin. Sizes in points. */
#define RP_FONT_DOCX		 "Times New Roman"
#define RP_FONT_PDF		 "Liberation Serif"
#define RP_SIZE_BODY		 13
#define RP_SIZE_TABLE		 12
#define RP_SIZE_HEADER		 13 /* cơ quan, Quốc hiệu: 12-13 */
#define RP_SIZE_MOTTO		 14 /* Tiêu ngữ: 13-14 */
#define RP_SIZE_RECIPIENTS_LABEL 12
#define RP_SIZE_RECIPIENTS	 11
/* Dotted blank printed for a field the user did not fill (never "NULL"). */
#define RP_BLANK		 "…………"

/* Run style bits. */
enum {
	RP_BOLD = 1u << 0,
	RP_ITALIC = 1u << 1,
	RP_UNDERLINE = 1u << 2,
};

enum rp_align {
	RP_LEFT,
	RP_CENTER,
	RP_RIGHT,
	RP_JUSTIFY
};

struct rp_run {
	const char *text; /* UTF-8, NFC; may contain '\n' (line break) */
	unsigned style;
};

struct rp_para {
	struct rp_run *runs;
	size_t nruns, caprun;
	enum rp_align align;
	int size; /* points; 0 = RP_SIZE_BODY (RP_SIZE_TABLE in a cell) */
	int indent_first_mm; /* first-line indent; body text uses 10 */
	int indent_left_mm;
	int space_before_pt, space_after_pt;
	bool keep_with_next;
	/* XLSX: a page starts at this paragraph (a manual row break). A
	 * spreadsheet application paginates with row heights of its own,
	 * which the writer cannot know, so keep_with_next cannot be kept
	 * there: a heading over a table whose first rows are tall is given
	 * a page of its own instead of falling alone at the foot of one.
	 * PDF and DOCX lay it out with keep_with_next. */
	bool page_break_xlsx;
	/* A note under a table ("Ghi chú: …"): never starts a page; the
	 * table's last rows go with it (PDF). */
	bool keep_with_prev;
};

/* A table cell's value. Text is shown as is; numbers are typed so XLSX
 * stores them as numbers and every writer formats them alike through
 * rp_value_format(). */
enum rp_value_kind {
	RP_V_EMPTY,
	RP_V_TEXT, /* para holds the text (possibly several paragraphs) */
	RP_V_INT,  /* i */
	RP_V_PTS,  /* pts: fixed-point hundredths (scores) */
	RP_V_PCT,  /* pct: hundredths of a percent, 4567 = 45,67 % */
};

struct rp_cell {
	enum rp_value_kind kind;
	int64_t i;
	pts_t pts;
	int64_t pct;
	/* Text cells: one or more paragraphs. Number cells: NULL; writers
	 * render rp_value_format(). */
	struct rp_para **paras;
	size_t nparas, cappara;
	unsigned style; /* RP_BOLD/RP_ITALIC for the whole cell */
	enum rp_align align;
	int colspan, rowspan; /* >= 1 on the anchor cell */
	bool covered;	      /* inside another cell's span: writers skip it */
	bool shade;	      /* light grey background (header cells) */
	/* Text cells that carry figures ("3.050 (91,72%)"): what CSV writes
	 * instead, the numbers raw ("3050 (91,72%)"); NULL: the
	 * text. */
	const char *csv;
};

struct rp_table {
	size_t ncols;
	int *widths; /* relative column widths, ncols entries, each > 0 */
	struct rp_cell **rows; /* rows[r][c] */
	size_t nrows, caprows;
	size_t header_rows; /* repeated on every page; frozen in XLSX */
	/* keep_prev[r]: row r never starts a page without row r - 1 (a
	 * subtotal or total with the row it closes, a group's first row
	 * with its heading); rp_row_keep_prev sets it. A table's last row
	 * keeps the row before it anyway. caprows entries. */
	bool *keep_prev;
	const char *caption; /* optional; XLSX sheet name source; CSV title */
	bool borders;	     /* false only for layout tables */
};

/* Bar charts: categories along x, one bar per series in each category
 * (grouped), or series stacked to 100 % (stacked). Values are doubles
 * because charts only draw; the numbers printed beside them come from
 * tables built from the same integers. */
enum rp_chart_kind {
	RP_CHART_GROUPED,
	RP_CHART_STACKED
};

/* What a series stands for, which sets its colour and pattern in every
 * format (rp_chart_tone, docs/reports.md Charts). AUTO: a neutral
 * palette by position. LOW/MID/HIGH: the levels of a scale, worst to
 * best (Mức độ 1/2/3: amber hatched, light grey, green). REF: a
 * reference such as the maximum (light grey); VALUE: a measured value
 * (dark blue). */
enum rp_tone {
	RP_TONE_AUTO,
	RP_TONE_LOW,
	RP_TONE_MID,
	RP_TONE_HIGH,
	RP_TONE_REF,
	RP_TONE_VALUE
};

struct rp_chart {
	enum rp_chart_kind kind;
	const char *title;
	const char *y_label; /* e.g. "Điểm", "%" */
	const char
		*x_label; /* what the categories are: "Tiêu chí", "Cấp học" */
	size_t ncats, nseries;
	const char **cats;   /* ncats labels */
	const char **series; /* nseries labels (legend) */
	double *values;	     /* values[s * ncats + c] */
	/* Said where a value is NaN, nothing to draw (a draft's unanswered
	 * criterion: "Chưa trả lời"), in place of a bar and in the XLSX's
	 * and the web's data table; NULL: blank. */
	const char *no_value;
	enum rp_tone *tones;	 /* nseries entries, RP_TONE_AUTO by default */
	double y_max;		 /* 0 = from the data */
	int width_mm, height_mm; /* size on the page */
};

enum rp_block_kind {
	RP_B_PARA,
	RP_B_HEADING, /* a para with a level: 1 "I. …", 2 "1. …", 3 "a) …" */
	RP_B_TABLE,
	RP_B_CHART,
};

struct rp_block {
	enum rp_block_kind kind;
	int level;	      /* headings */
	struct rp_para *para; /* PARA, HEADING */
	struct rp_table *table;
	struct rp_chart *chart;
};

/* A section starts on a new page. Section 0 carries the document's body;
 * later sections are appendices ("Phụ lục 1" …) or extra sheets. */
struct rp_section {
	bool landscape;
	/* Appendix heading lines, centred above the blocks; NULL for
	 * section 0. heading: "Phụ lục 1" (bold 14); title: upper, bold;
	 * subtitle: italic "(Kèm theo Báo cáo số …)". */
	const char *heading, *title, *subtitle;
	const char *sheet_name; /* XLSX worksheet name (<= 31 chars) */
	struct rp_block *blocks;
	size_t nblocks, capblocks;
};

/* The NĐ 30 header; absent (NULL) for plain exports such as listings. Empty
 * or NULL fields print as dotted blanks: "Số: …/BC-…", "…, ngày … tháng …
 * năm …". */
struct rp_header {
	const char *parent_org; /* cơ quan chủ quản: upper, not bold */
	const char *org; /* tên đơn vị ban hành: upper, bold, short rule */
	const char *number; /* "05/BC-THCSLL"; NULL = "Số:      /BC-……" */
	const char *symbol; /* used when number is NULL: "BC-THCSLL" */
	const char *place;  /* địa danh, "Quận 7" */
	int year, month, day; /* 0 = dotted blank */
	/* Word index where the unit's own name starts in parent_org / org
	 * ("TRƯỜNG THPT | TRẦN HƯNG ĐẠO", "ỦY BAN NHÂN DÂN | QUẬN DƯƠNG
	 * KINH"): a line may break before it, never inside it. 0: unknown. */
	int parent_break, org_break;
	/* A công văn's trích yếu ("V/v hướng dẫn …"): printed under Số in
	 * the left column (NĐ 30, Phụ lục I, ô 5b); NULL for other kinds. */
	const char *vv;
};

struct rp_signature {
	const char *authority; /* "KT. HIỆU TRƯỞNG", "TM. …", or NULL */
	const char *title;     /* "HIỆU TRƯỞNG" */
	const char *note; /* "(Ký tên và đóng dấu)", italic, or NULL */
	const char *name; /* signer; NULL = dotted blank */
};

/* How a CSV is written for the spreadsheet that opens it by
 * double-click (docs/reports.md, CSV). VN: Excel under Vietnamese
 * regional settings, ';' between fields and ',' in decimals ("12,5");
 * INTL: ',' between fields and '.' in decimals ("12.5"). */
enum rp_csv_dialect {
	RP_CSV_VN,
	RP_CSV_INTL
};
/* "vn" or "intl"; false for anything else. */
bool rp_csv_dialect_parse(const char *s, enum rp_csv_dialect *out);

struct rp_doc {
	struct arena *arena;
	bool oom;
	struct rp_header *header; /* NULL: no NĐ 30 header */
	const char *kind; /* tên loại: "BÁO CÁO"; NULL for plain exports */
	/* "DỰ THẢO" above tên loại (bold, framed in PDF) while the document
	 * is built from answers not yet submitted; NULL for a final one. */
	const char *stamp;
	const char **subject; /* trích yếu lines, bold, centred */
	size_t nsubject;
	const char **recipients_to; /* "Kính gửi:" lines, may be empty */
	size_t nto;
	struct rp_section **sections; /* sections[0] always exists */
	size_t nsections, capsections;
	/* After section 0's blocks: Nơi nhận (left) beside the signature
	 * (right). Absent when sig is NULL. */
	struct rp_signature *sig;
	const char **recipients; /* "- Như trên;" … "- Lưu: VT." */
	size_t nrecipients;
	/* Document properties (DOCX core.xml, PDF metadata). */
	const char *title, *author;
	/* File name stem without extension, ASCII, for downloads. */
	const char *filename;
	enum rp_csv_dialect csv_dialect; /* CSV writer only */
	/* Asked as the writers go (per table row in PDF); NULL: never
	 * abandoned. A writer told to stop returns TS_ECANCELED. */
	struct ts_cancel *cancel;
};

/* Builders. */
struct rp_doc *rp_doc_new(struct arena *a);
struct rp_section *rp_section0(struct rp_doc *d);
struct rp_section *rp_section_add(struct rp_doc *d, bool landscape);
void rp_subject_add(struct rp_doc *d, const char *line);
void rp_to_add(struct rp_doc *d, const char *line);
void rp_recipient_add(struct rp_doc *d, const char *line);
/* Copies s into the document's arena (NULL stays NULL). */
const char *rp_strdup(struct rp_doc *d, const char *s);
const char *rp_printf(struct rp_doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct rp_para *rp_para_new(struct rp_doc *d, enum rp_align align);
void rp_run_add(struct rp_doc *d, struct rp_para *p, unsigned style,
		const char *text);
/* A body paragraph (justified, 10 mm first-line indent, 6 pt after) with
 * one run; returns it so callers can add runs. */
struct rp_para *rp_body(struct rp_doc *d, struct rp_section *s, unsigned style,
			const char *text);
/* A paragraph with explicit alignment and no indent. */
struct rp_para *rp_line(struct rp_doc *d, struct rp_section *s,
			enum rp_align align, unsigned style, const char *text);
struct rp_para *rp_heading(struct rp_doc *d, struct rp_section *s, int level,
			   const char *text);

struct rp_table *rp_table_add(struct rp_doc *d, struct rp_section *s,
			      size_t ncols, const int *widths);
/* Appends an empty row; returns its index. */
size_t rp_row_add(struct rp_doc *d, struct rp_table *t);
/* Row r stays on one page with the row before it (PDF and DOCX). */
void rp_row_keep_prev(struct rp_table *t, size_t r);
/* Whether row r must stay with row r - 1: a flagged row, or the last. */
bool rp_row_keeps_prev(const struct rp_table *t, size_t r);
/* Sets cell (r, c); spans > 1 mark the cells they cover. Returns the
 * cell (a static dummy on error, so callers can chain safely). */
struct rp_cell *rp_cell_text(struct rp_doc *d, struct rp_table *t, size_t r,
			     size_t c, unsigned style, const char *text);
struct rp_cell *rp_cell_int(struct rp_doc *d, struct rp_table *t, size_t r,
			    size_t c, int64_t v);
struct rp_cell *rp_cell_pts(struct rp_doc *d, struct rp_table *t, size_t r,
			    size_t c, pts_t v);
struct rp_cell *rp_cell_pct(struct rp_doc *d, struct rp_table *t, size_t r,
			    size_t c, int64_t hundredths_pct);
/* Aligns a cell and the paragraphs it has: a text cell's paragraph
 * takes the cell's alignment when it is made, so setting cell->align
 * afterwards moved the XLSX cell only ("Bắt buộc", "Đạt" stayed left in
 * PDF and DOCX). Returns the cell. */
struct rp_cell *rp_cell_align(struct rp_cell *cell, enum rp_align align);
/* Adds another paragraph to a text cell. Spans need their rows to exist
 * already (rp_row_add first). */
struct rp_para *rp_cell_para(struct rp_doc *d, struct rp_cell *cell,
			     enum rp_align align, unsigned style,
			     const char *text);
void rp_cell_span(struct rp_doc *d, struct rp_table *t, size_t r, size_t c,
		  int colspan, int rowspan);

/* Column widths for a table total units wide: the model's shares, but
 * no column narrower than minw[c] (its widest word, as each writer
 * measures it); what a column gains is taken from the others in
 * proportion to their room above their own minimum, and when the
 * minimums alone are too wide, widths follow the minimums. */
void rp_fit_widths(const struct rp_table *t, const double *minw, double total,
		   double *w);

/* Appends a row of bold, centred, shaded header cells, one name per
 * column (NULL leaves a cell empty), and counts it as a header row. */
size_t rp_head_row(struct rp_doc *d, struct rp_table *t,
		   const char *const *names);
/* Styles rows 0..last as the table's header (bold, centred, shaded) and
 * makes them the repeated header rows: for headers with merged cells. */
void rp_head_rows(struct rp_table *t, size_t last);

struct rp_chart *rp_chart_add(struct rp_doc *d, struct rp_section *s,
			      enum rp_chart_kind kind, size_t ncats,
			      size_t nseries);
/* Marks the series as the levels of a scale, worst first: the first
 * LOW, the last HIGH, any between MID. */
void rp_chart_levels(struct rp_chart *c);

/* A web address ("https://…", "www.…"), n bytes at w: the one kind of
 * word a PDF line may break inside, so that a link in an evidence cell
 * does not widen its column at the cost of the others. */
bool rp_is_link(const char *w, size_t n);

/* Longest word (bytes) whose hyphens never break: year ranges and codes
 * ("2025-2026.", "GDNN-GDTX"). A longer one, such as a file name
 * "KH-UDCNTT-2025-2026.pdf", may break after a hyphen of its own rather
 * than between two letters when its column is narrower than it. */
#define RP_NOBREAK_WORD 12
/* s[i] is a hyphen inside a word of at most RP_NOBREAK_WORD bytes of the
 * n bytes at s (words end at spaces and line breaks): DOCX writes it as
 * w:noBreakHyphen, XLSX puts a word joiner after it (xlsx_nobreak). */
bool rp_inner_hyphen(const char *s, size_t i, size_t n);

/* Formats a number cell the Vietnamese way: "73", "12,5", "45,67%".
 * Text and empty cells give "". out must hold RP_VALUE_SIZE bytes. */
#define RP_VALUE_SIZE 40
const char *rp_value_format(const struct rp_cell *c, char *out);
/* The Vietnamese date line: "Quận 7, ngày 05 tháng 01 năm 2024" with NĐ 30
 * zero padding (day < 10, months 1 and 2); dotted blanks for 0 parts.
 * Appends to out. */
void rp_date_line(const struct rp_header *h, struct buf *out);
/* The same without the place: "ngày 05 tháng 01 năm 2024". */
void rp_date_words(const struct rp_header *h, struct buf *out);
/* Word index where a unit name's proper name starts, with the kind of
 * place before it: "Trường THPT Trần Hưng Đạo" → 2, "Phòng Giáo dục và
 * Đào tạo quận Dương Kinh" → 6 ("quận Dương Kinh"); in upper case, the
 * last kind of place ("QUẬN", "THÀNH PHỐ", …). 0 when there is none. */
int rp_name_start(const char *name);
/* Copies of name's words before and from word k (rp_name_start), each
 * NUL-terminated, into the caller's buffers of n bytes. */
void rp_name_split(const char *name, int k, char *head, char *tail, size_t n);
/* "Số: 05/BC-THCSLL" or "Số:      /BC-……". Appends to out. */
void rp_number_line(const struct rp_header *h, struct buf *out);
/* The plain text of a cell, for CSV and XLSX strings: paragraphs joined
 * with '\n', numbers formatted. Appends to out. */
void rp_cell_plain(const struct rp_cell *c, struct buf *out);

/* Writers. Each writes a whole file at path (via a temp file renamed into
 * place, so a reader never sees half a document) and returns TS_OK, or an
 * error with a one-line Vietnamese reason in err (may be NULL). */
enum rp_format {
	RP_DOCX,
	RP_PDF,
	RP_XLSX,
	RP_CSV
};
enum ts_err rp_write(const struct rp_doc *d, enum rp_format f, const char *path,
		     char *err, size_t errlen);
enum ts_err rp_write_docx(const struct rp_doc *d, const char *path, char *err,
			  size_t errlen);
enum ts_err rp_write_pdf(const struct rp_doc *d, const char *path, char *err,
			 size_t errlen);
enum ts_err rp_write_xlsx(const struct rp_doc *d, const char *path, char *err,
			  size_t errlen);
enum ts_err rp_write_csv(const struct rp_doc *d, const char *path, char *err,
			 size_t errlen);
/* Documents written on this thread between rp_batch_begin and
 * rp_batch_end share one font map (fontconfig matching, pango's font and
 * shaping caches set up once per batch, fontmap.c) and are not fsynced one
 * by one: the batch syncs once at its end (rp_batch_sync), or its files
 * need not outlive a crash (outfile.h, rp_out_batch). */
void rp_batch_begin(void);
void rp_batch_end(void);
/* Makes the files a batch wrote into dir durable, all at once. */
enum ts_err rp_batch_sync(const char *dir, char *err, size_t errlen);
/* "docx" → RP_DOCX …; false if unknown. */
bool rp_format_parse(const char *s, enum rp_format *out);
const char *rp_format_ext(enum rp_format f);
const char *rp_format_mime(enum rp_format f);

#endif
