/*
 * Plain-text tables for the terminal, aligned by display width so
 * Vietnamese text lines up, with long cells word-wrapped inside their
 * column. Cells are copied; render into a struct buf.
 */
#ifndef TS_TABLE_H
#define TS_TABLE_H

#include <stddef.h>

#include "../util/buf.h"

#define TABLE_MAX_COLS 12

enum table_align {
	ALIGN_LEFT,
	ALIGN_RIGHT,
	ALIGN_CENTER
};

struct table_col {
	const char *head;
	size_t max_width; /* wrap beyond this many columns */
	enum table_align align;
};

struct table {
	struct table_col cols[TABLE_MAX_COLS];
	size_t ncols;
	char **cells; /* row-major, ncols per row; NULL entry = rule line */
	size_t nrows;
	size_t cap;
	int oom;
};

void table_init(struct table *t, const struct table_col *cols, size_t ncols);
void table_release(struct table *t);
/* Adds a row of ncols cells (NULL cells print empty). */
void table_row(struct table *t, const char *const *cells);
/* Adds a horizontal rule. */
void table_rule(struct table *t);
void table_render(const struct table *t, struct buf *out);

#endif
