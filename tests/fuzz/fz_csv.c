/* libFuzzer target: the CSV side of the sheet reader (encoding check,
 * delimiter guess, libcsv strict parse, trim + NFC, limits). On success
 * the documented shape of the grid is checked too. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/core/sheet_read.h"
#include "../../src/util/arena.h"
#include "../../src/util/vnstr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	       c == '\f';
}

/* sheet_read.h promises: rows non-empty, ncells <= SHEET_MAX_COLS, last
 * cell non-empty, cells trimmed valid UTF-8, lines increasing. */
static void
check(const struct sheet *s)
{
	if (s->nrows == 0 || s->nrows > SHEET_MAX_ROWS)
		__builtin_trap();
	for (size_t i = 0; i < s->nrows; i++) {
		const struct sheet_row *r = &s->rows[i];
		if (r->ncells == 0 || r->ncells > SHEET_MAX_COLS ||
		    r->cells[r->ncells - 1][0] == '\0' || r->line == 0 ||
		    (i > 0 && r->line <= s->rows[i - 1].line))
			__builtin_trap();
		for (size_t k = 0; k < r->ncells; k++) {
			const char *c = r->cells[k];
			size_t n = strlen(c);
			if (n > 0 && (blank(c[0]) || blank(c[n - 1])))
				__builtin_trap();
			if (!vn_valid_utf8(c, n))
				__builtin_trap();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	if (a == NULL)
		return 0;
	struct diags d;
	diags_init(&d);
	struct sheet s = { NULL, 0 };
	enum ts_err e = sheet_read((const char *)data, size, SHEET_CSV, "fuzz",
				   a, &s, &d);
	if (e == TS_OK)
		check(&s);
	else if (d.n == 0 || s.rows != NULL)
		__builtin_trap(); /* an error always says why; out untouched */
	diags_release(&d);
	arena_free(a);
	return 0;
}
