/* Internals of the XLSX writer (xlsx*.c), shared between its files and
 * the unit tests; not for other modules: they call rp_write_xlsx(). */
#ifndef TS_REPORT_XLSX_H
#define TS_REPORT_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include <pango/pango.h>
#include <xlsxwriter.h>

#include "measure.h"
#include "report.h"

/* Excel's limit is 31 UTF-16 units; 4 bytes per unit at most plus NUL. */
#define XLSX_NAME_MAX  31
#define XLSX_NAME_SIZE (XLSX_NAME_MAX * 4 + 1)

/* Tables longer than this switch the workbook to constant_memory mode when
 * no table of the document has spans (see docs/reports.md, XLSX). */
#define XLSX_BIG_ROWS 5000

/* Makes `want` (or `fallback` when want is NULL or cleans to nothing) a
 * valid Excel sheet name that differs, ignoring case, from the ntaken
 * names in taken: []:*?/\ become '-', control characters spaces, leading
 * and trailing spaces and apostrophes go, at most 31 UTF-16 units (never
 * cutting a character), then " (2)", " (3)" … until unique. out holds
 * XLSX_NAME_SIZE bytes. */
void xlsx_sheet_name(const char *want, const char *fallback,
		     char taken[][XLSX_NAME_SIZE], size_t ntaken, char *out);

/* Cell format key: every format the writer uses is one of these, created
 * once per workbook. */
enum xlsx_num {
	XN_TEXT,
	XN_INT,
	XN_PTS_WHOLE,
	XN_PTS_DEC,
	XN_PCT
};

struct xlsx_fmtkey {
	enum xlsx_num num;
	unsigned style; /* RP_BOLD | RP_ITALIC | RP_UNDERLINE */
	enum rp_align align;
	int size; /* points */
	bool border, shade, wrap, vcenter;
};

#define XLSX_MAX_FORMATS 128
/* Manual page breaks per sheet (one before each chart at most). */
#define XLSX_MAX_BREAKS	 64
/* Default row height (pt) of rows given none. */
#define XLSX_ROW_PT	 15.0

/* The state of one rp_write_xlsx() call. */
struct xw {
	const struct rp_doc *d;
	lxw_workbook *wb;
	bool constant; /* constant_memory: no merge_range */
	lxw_error err; /* first library error; later calls do nothing */
	struct buf tmp;
	struct buf nb; /* xlsx_nobreak's result */
	/* xlsx_measured_lines' context, released by rp_measure_end at the
	 * end of the document. */
	struct rp_measure ms;
	struct xlsx_fmtkey keys[XLSX_MAX_FORMATS];
	lxw_format *fmts[XLSX_MAX_FORMATS];
	size_t nfmts;
};

/* The sheet being written. */
struct xs {
	struct xw *w;
	lxw_worksheet *ws;
	const struct rp_section *sec;
	const char *name; /* sheet name, for chart ranges */
	lxw_row_t row;	  /* next free row */
	lxw_col_t ncols;  /* layout width: merged text spans this */
	lxw_col_t split;  /* first column of two-column blocks' right half */
	double chars;	  /* total column width, in Excel character units */
	bool frozen;	  /* the first table's header is handled */
	/* Heights set explicitly so far (rows without one are 15 pt): the
	 * frozen pane must not outgrow a screen. */
	double set_pt;
	size_t nset;
	double *colw; /* ncols column widths, Excel character units */
	/* The table being written: its column c (with its span) takes the
	 * sheet's columns [tmap[c], tmap[c + 1]) (xlsx_table.c spread). */
	const lxw_col_t *tmap;
	double *rowh; /* nrowh row heights in points; 0 = default 15 */
	bool *rowk;   /* nrowh flags: the row stays with the row above */
	size_t nrowh;
	double page_pt;		  /* printable height of a page */
	double page_w_pt;	  /* printable width of a page */
	lxw_row_t after_heading;  /* the row after the last heading, or 0 */
	lxw_row_t prev_heading;	  /* the same for the heading before it */
	lxw_row_t table_end;	  /* the row after the last table, or 0 */
	lxw_row_t title0, title1; /* repeated header rows, if ntitle */
	lxw_row_t title_end;	  /* that table's last row */
	bool ntitle;
	lxw_row_t breaks[XLSX_MAX_BREAKS + 1]; /* manual page breaks, 0-ended */
	size_t nbreaks;
};

/* The cell a text wraps in: its width in Excel character units, its
 * font size and weight. */
struct xlsx_wrap {
	double cols;
	double px; /* Excel's pixels of those columns (0: not known) */
	int size;
	bool bold;
};
/* text with a word joiner (U+2060) after each hyphen inside a short word
 * (rp_inner_hyphen) that may end a wrapped line in a cell `wrap`: Calc
 * broke "GDNN-" / "GDTX" and "2021-" / "2022" at the end of a wrapped
 * line, and XLSX has no non-breaking hyphen that Liberation Serif can
 * show (U+2011). The joiner has no width and stops the break in Calc and
 * Excel, but a user searching the sheet for "GDNN-GDTX" does not find
 * a cell that has one: a word that surely stays on its line's first line
 * keeps a plain hyphen. The result lives in w->nb until the next call
 * ("" after an error). */
const char *xlsx_nobreak(struct xw *w, const char *text,
			 const struct xlsx_wrap *wrap);
/* The same for bytes [a, b) of text, a run of a paragraph: the words'
 * places are those in the whole text. */
const char *xlsx_nobreak_part(struct xw *w, const char *text, size_t a,
			      size_t b, const struct xlsx_wrap *wrap);
/* Records e as the writer's error if it is the first one. */
void xlsx_check(struct xw *w, lxw_error e);
/* workbook_close under one process-wide lock (libxlsxwriter's gmtime
 * race, xlsx.c): every workbook this program writes, the streamed export
 * (xstream.c) too, closes through it. */
lxw_error xlsx_close_workbook(lxw_workbook *wb);
/* The format for k (NULL after an error; libxlsxwriter takes NULL as the
 * default format). */
lxw_format *xlsx_fmt(struct xw *w, const struct xlsx_fmtkey *k);

/* Writes one section as a sheet; returns the index of the first block
 * left for a sheet of its own (the charts of a sheet that repeats its
 * header rows), s->nblocks when none is. */
size_t xlsx_section(struct xw *w, const struct rp_section *s, bool first,
		    const char *name);
/* Writes blocks [from, nblocks) of s as a sheet of their own, under the
 * section's title. */
void xlsx_section_rest(struct xw *w, const struct rp_section *s, size_t from,
		       const char *name);
/* Writes a table from sh->row on; leaves sh->row after it. */
void xlsx_table(struct xs *sh, const struct rp_table *t);
/* Writes a chart's data and a native chart from sh->row on. */
void xlsx_chart(struct xs *sh, const struct rp_chart *c);
/* Text across columns [c0, c1] of row sh->row (merged unless in
 * constant_memory mode); does not advance the row. */
void xlsx_span_text(struct xs *sh, lxw_col_t c0, lxw_col_t c1, const char *text,
		    const struct xlsx_fmtkey *k);
/* The same in row r with format f. */
void xlsx_span_at(struct xs *sh, lxw_row_t r, lxw_col_t c0, lxw_col_t c1,
		  const char *text, lxw_format *f);
/* Sets the current row's height to h points. */
void xlsx_set_height(struct xs *sh, double h);
/* Estimated height in points of rows [0, row). */
double xlsx_top_pt(const struct xs *sh, lxw_row_t row);
/* Sets the current row's height for text of `len` characters over `cols`
 * character units (wrapping), with the given font size. */
void xlsx_row_height(struct xs *sh, const char *text, double cols, int size);
/* Lines `text` takes when wrapped between words in a cell `cols`
 * character units wide at `size` pt ('\n' starts a line; at least 1). */
int xlsx_text_lines(const char *text, double cols, int size, bool bold);
/* Letters a line of a cell `cols` units wide holds at `size` pt, by the
 * writer's estimate (on the narrow side). */
double xlsx_per_line(double cols, int size, bool bold);
/* xlsx_measure.c: lines text takes wrapped (between words, or inside a
 * word longer than the line) in a cell of px pixels, measured with
 * pango in w->ms. */
int xlsx_measured_lines(struct xw *w, const char *text, double px, int size,
			bool bold);
/* Excel's width in pixels of a column `units` wide. */
double xlsx_col_px(double units);
/* Height in points of n lines at size pt, with the cell's padding. */
double xlsx_lines_pt(int n, int size);
/* Height of row r: as set, or the default. */
double xlsx_height_of(const struct xs *sh, lxw_row_t r);
/* A page break before row r if rows [r, r + need_pt) would not fit on
 * the rest of the page that row r starts on (charts never straddle). */
void xlsx_keep_together(struct xs *sh, lxw_row_t r, double need_pt);
/* Sets row r's height to h points (and remembers it for paginating). */
void xlsx_set_row_pt(struct xs *sh, lxw_row_t r, double h);
/* Row r (its height set) never starts a page without the row above: a
 * table's subtotal or total, a group's first row (rp_row_keep_prev). */
void xlsx_keep_prev(struct xs *sh, lxw_row_t r);
/* Rows [from, to) (a table's caption, header and first rows) start on
 * one page in Excel's geometry and Calc-with-Carlito's, with the heading
 * and paragraph right above them: else a manual break goes before
 * them. */
void xlsx_keep_rows(struct xs *sh, lxw_row_t from, lxw_row_t to);
/* The first row of a table's block starting at row from: the heading
 * (and one paragraph) right above it, if any. */
lxw_row_t xlsx_block_start(const struct xs *sh, lxw_row_t from);
/* The first row r, from < r < to, at which Excel or Calc with Carlito
 * (the metric geometries) may start a page; to if none. */
lxw_row_t xlsx_next_page_start(const struct xs *sh, lxw_row_t from,
			       lxw_row_t to);
/* A manual page break before row r, if below the last one and there is
 * room; whether it was placed. */
bool xlsx_break_before(struct xs *sh, lxw_row_t r);
/* Table rows before which a manual page break and the table's header
 * rows again go (xlsx_split.c): at most max, into at; how many. */
size_t xlsx_plan_splits(struct xs *sh, const struct rp_table *t,
			const double *h, lxw_row_t block, lxw_row_t first,
			size_t *at, size_t max);
/* Whether table row r starts no page without the row above: a row
 * rp_row_keeps_prev keeps, or one a vertical span joins to it. */
bool xlsx_joined_row(const struct rp_table *t, size_t r);
/* The same for rows [from, to) alone (a subtotal with the row it
 * closes). */
void xlsx_keep_band(struct xs *sh, lxw_row_t from, lxw_row_t to);
/* A page break before the last body rows above `body_end` when a
 * printout might start a page inside the closing block [body_end, end)
 * (Nơi nhận and the signature) or right before it: the block keeps the
 * body's last lines with it. */
void xlsx_keep_closing(struct xs *sh, lxw_row_t body_end, lxw_row_t end);
/* Writes the sheet's page breaks (at the end of the sheet). */
void xlsx_page_breaks(struct xs *sh);

#endif
