/*
 * Spreadsheet reader for imports (school lists and the like): bytes of a
 * CSV or XLSX file in, a grid of trimmed NFC UTF-8 text cells out. Only the
 * format layer: what the columns mean is the importer's business.
 *
 * Pure: works on a buffer the caller has read; no files, no temp files.
 *
 * What the grid looks like on success (TS_OK):
 *  - nrows >= 1: a file with no non-empty cell at all is an error
 *    ("không có dữ liệu"), so importers never see an empty grid;
 *  - rows whose cells are all empty are dropped, wherever they are (not
 *    only at the end); rows[i].line keeps the source position, so a gap in
 *    line numbers shows where blank rows were;
 *  - cells[j] is column j (0 = A); cells past ncells are empty, i.e.
 *    ncells is the last non-empty column + 1 (trailing empty cells are not
 *    stored); missing cells inside a row are "" (never NULL);
 *  - every cell is valid UTF-8, NFC, with surrounding ASCII whitespace
 *    (space, tab, CR, LF, VT, FF) removed; inner whitespace and newlines
 *    are kept, and so are non-breaking spaces (U+00A0) anywhere; no cell
 *    contains a NUL byte.
 *  - all memory is in the arena `a`; nothing to free separately.
 *
 * CSV:
 *  - UTF-8 with or without BOM. A UTF-16 BOM, a NUL byte or invalid UTF-8
 *    is an error naming each bad line. Windows-1258, TCVN3 (ABC) and VNI
 *    are not supported (not reliably detectable); the message says to save
 *    as "CSV UTF-8".
 *  - Delimiter: an Excel "sep=X" first line (X one of , ; TAB) is obeyed
 *    and skipped; otherwise the one of ',' ';' TAB seen most often outside
 *    quotes on the first line wins (ties: ';' then TAB then ','), default
 *    ','.
 *  - RFC 4180 quoting via libcsv in strict mode (CSV_STRICT |
 *    CSV_STRICT_FINI): a stray quote (a"b, "a"b) or a quote left open at
 *    the end of the file is an error with the line number, rather than a
 *    silent guess that could swallow the rest of the file into one cell.
 *    CRLF, LF and lone CR line ends are accepted.
 *  - line = the physical line where the record starts (1-based; the "sep="
 *    line counts).
 *
 * XLSX (Office Open XML, transitional or strict namespaces):
 *  - reads the first sheet in tab order that is a worksheet and not hidden
 *    (chart sheets and hidden sheets are skipped), located through
 *    xl/workbook.xml and xl/_rels/workbook.xml.rels;
 *  - shared strings (rich text runs concatenated, phonetic runs skipped),
 *    inline strings, numbers, booleans (TRUE/FALSE), formula string results
 *    (t="str"), error values (the text Excel shows, e.g. "#N/A");
 *    _xHHHH_ escapes are decoded;
 *  - numbers are given as stored in the file ("1.5", "1.2E+20",
 *    "0.30000000000000004"), except that an integer stored as "12.0" is
 *    given as "12". Number formats are not applied: dates and times stay
 *    Excel serial numbers (45292 for 2024-01-01), percentages stay
 *    fractions. Codes typed as text ("00123") stay text;
 *  - formulas give their cached value; a formula never calculated (no
 *    cached value) is an empty cell;
 *  - line = the row number in the sheet (1-based).
 *  Not supported: .xls (Excel 97-2003), password-protected workbooks, .ods,
 *  .xlsb: each gets its own error message.
 *
 * Limits (TS_ELIMIT): the input (SHEET_MAX_BYTES), any XLSX part once
 * decompressed (64 MiB: guards against zip bombs), non-empty rows
 * (SHEET_MAX_ROWS), a non-empty cell past column SHEET_MAX_COLS, stored
 * cells in total (5 million), one cell (128 KiB), XLSX shared strings
 * (2 million). Empty cells past column SHEET_MAX_COLS are ignored (Excel
 * often writes formatted empty cells far to the right).
 */
#ifndef TS_SHEET_READ_H
#define TS_SHEET_READ_H

#include <stddef.h>

#include "../util/diag.h"
#include "../util/err.h"

struct arena;

enum sheet_format {
	SHEET_AUTO,
	SHEET_CSV,
	SHEET_XLSX
};

/* line: 1-based source line (CSV) or row number (XLSX) */
struct sheet_row {
	size_t line;
	size_t ncells;
	const char **cells;
};

struct sheet {
	struct sheet_row *rows;
	size_t nrows;
};

#define SHEET_MAX_BYTES ((size_t)32 << 20) /* refuse bigger inputs */
#define SHEET_MAX_ROWS	200000
#define SHEET_MAX_COLS	200

/*
 * Reads the first worksheet (XLSX) or the whole CSV into arena memory.
 * `name` (the file name the user knows) starts every diagnostic's where:
 * "name" for the whole file, "name: dòng 12" for a line or row.
 * SHEET_AUTO: XLSX if the buffer starts with "PK\x03\x04", else CSV.
 * On error returns TS_EINVAL (bad input), TS_ELIMIT (a size limit) or
 * TS_ENOMEM, with every problem found in d (Vietnamese); *out untouched
 * (the arena may hold partial results, freed with it).
 * Thread-safe (libxml2 is initialised on first use).
 */
enum ts_err sheet_read(const char *buf, size_t len, enum sheet_format fmt,
		       const char *name, struct arena *a, struct sheet *out,
		       struct diags *d);

#endif
