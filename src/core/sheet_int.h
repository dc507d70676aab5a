/*
 * Internals shared by the sheet reader's files (not for importers):
 *  - sheet_read.c: the grid builder (struct sheet_build) that both formats
 *    feed cell by cell, and that enforces limits, trimming and NFC;
 *  - sheet_csv.c: CSV via libcsv;
 *  - sheet_xlsx.c: the zip container, workbook and relationships;
 *  - sheet_xml.c: libxml2 reader helpers;
 *  - sheet_sst.c: the shared strings table;
 *  - sheet_ws.c: the worksheet XML.
 */
#ifndef TS_SHEET_INT_H
#define TS_SHEET_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "sheet_read.h"

#define SHEET_MAX_CELLS	 ((size_t)5000000)   /* stored cells in total */
#define SHEET_CELL_BYTES ((size_t)128 << 10) /* one cell, before trim */
#define XLSX_PART_BYTES	 ((size_t)64 << 20)  /* one part, decompressed */
#define XLSX_MAX_STRINGS ((size_t)2000000)
#define XLSX_MAX_ROW	 ((size_t)1048576) /* Excel's own grid */
#define XLSX_MAX_COL	 ((size_t)16384)

/* Builds the grid. Rows and the current row live in malloc'd scratch
 * memory until sb_finish copies them into the arena, so a failed read
 * leaves little behind. err is the first fatal problem (ENOMEM, ELIMIT);
 * after it, callers should stop feeding. */
struct sheet_build {
	struct arena *a;
	struct diags *d;
	const char *name;
	struct sheet_row *rows; /* malloc'd */
	size_t nrows;
	size_t cap;
	const char **cur; /* SHEET_MAX_COLS slots, malloc'd */
	size_t ncur;	  /* last non-empty column + 1 */
	size_t total;	  /* cells stored so far */
	size_t line;	  /* line of the row being built, for messages */
	int invalid;	  /* EINVAL problems reported */
	enum ts_err err;
};

/* The empty cell: every missing or blank cell points here. */
extern const char sheet_empty[];

bool sb_init(struct sheet_build *b, struct arena *a, struct diags *d,
	     const char *name);
void sb_release(struct sheet_build *b);
/* True once a fatal problem (out of memory, a limit) was reported. */
bool sb_stopped(const struct sheet_build *b);
/* Column name as Excel shows it: 0 -> A, 26 -> AA (up to 7 letters). */
void sheet_col_name(size_t col, char out[8]);
/* Reports a problem on the whole file (line 0) or on a line; EINVAL
 * problems are counted, ENOMEM/ELIMIT stop the build. */
void sb_err(struct sheet_build *b, enum ts_err e, size_t line, const char *fmt,
	    ...) __attribute__((format(printf, 4, 5)));
/* Raw cell text (n bytes, any content) -> trimmed, checked NFC string in
 * the arena, or sheet_empty. NULL after reporting a problem (at b->line). */
const char *sb_text(struct sheet_build *b, const char *s, size_t n);
/* Puts a final string (from sb_text) in column col of the current row;
 * later values for the same column win. */
void sb_put(struct sheet_build *b, size_t col, const char *cell);
/* Ends the current row (line b->line); empty rows are dropped. */
void sb_end_row(struct sheet_build *b);
/* The result: TS_OK and *out set, or the error code of the problems. */
enum ts_err sb_finish(struct sheet_build *b, struct sheet *out);

/* The two formats. Both report through b and leave the result in b. */
void sheet_csv(struct sheet_build *b, const char *buf, size_t len);
void sheet_xlsx(struct sheet_build *b, const char *buf, size_t len);

/* libxml2 streaming reader over one XLSX part (sheet_xml.c). */
struct xml {
	struct _xmlTextReader *r;
	struct sheet_build *b;
	const char *part; /* "xl/workbook.xml", for messages */
	int err_line;	  /* first XML error's line, 0 if none */
	bool failed;
};

bool xml_open(struct xml *x, struct sheet_build *b, const char *buf, size_t len,
	      const char *part);
void xml_close(struct xml *x);
/* Next node: 1, 0 at the end, -1 on malformed XML (reported). */
int xml_next(struct xml *x);
int xml_type(const struct xml *x);
bool xml_is(const struct xml *x, const char *local);
bool xml_empty(const struct xml *x);
/* Current text node's value. */
const char *xml_text(const struct xml *x);
/* Copy of attribute `name` (namespace ns, or none) in the arena; NULL if
 * absent. */
char *xml_attr(struct xml *x, const char *name, const char *ns);
/* Attribute into dst (cap bytes, NUL-terminated); false if absent or
 * longer (no allocation left behind: used per cell). */
bool xml_attr_buf(struct xml *x, const char *name, char *dst, size_t cap);
/* True for text, CDATA and whitespace nodes. */
bool xml_is_text(const struct xml *x);
/* Decodes OOXML _xHHHH_ escapes in place; returns the new length. */
size_t xml_unescape(char *s, size_t n);
/* Final cell string from text accumulated in t (a limit or out of memory
 * while accumulating is reported here); `esc`: decode _xHHHH_ first. */
const char *xml_cell_text(struct sheet_build *b, struct buf *t, bool esc);

/* Shared strings table: each entry final (sb_text). */
struct sst {
	const char **v; /* malloc'd */
	size_t n;
};

void sst_load(struct sheet_build *b, struct sst *t, const char *buf, size_t len,
	      const char *part);
void sst_release(struct sst *t);
/* Reads the worksheet part into b. */
void ws_load(struct sheet_build *b, const struct sst *t, const char *buf,
	     size_t len, const char *part);

#endif
