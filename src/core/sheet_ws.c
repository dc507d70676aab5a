/*
 * The worksheet part: <sheetData><row r="7"><c r="C7" t="s"><v>3</v></c>
 * … </row></sheetData>. Cells are placed by their reference, so skipped
 * cells come out empty; a row or cell without r follows the previous one
 * (allowed by the standard, written by some generators).
 */
#include <libxml/xmlreader.h>
#include <string.h>

#include "sheet_int.h"

struct ws {
	struct xml x;
	struct sheet_build *b;
	const struct sst *sst;
	struct buf text;
	bool in_data; /* inside <sheetData> */
	bool in_row;
	bool in_cell;
	bool in_v;
	bool in_is;
	bool in_t;
	int in_rph;
	bool has_value;
	size_t row;	 /* current row number (1-based) */
	size_t col;	 /* current cell column (0-based) */
	size_t next_col; /* column of a following cell without r */
	char ref[16];	 /* r attribute of the current cell */
	char type[16];	 /* its t attribute */
};

/* Decimal number in [1, max] from all of s; 0 if not one. */
static size_t
parse_index(const char *s, size_t max)
{
	size_t v = 0;
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > max)
			return 0;
		v = v * 10 + (size_t)(*s - '0');
	}
	return v <= max ? v : 0;
}

/* "C7" -> column 2; false if not a cell reference of Excel's grid. */
static bool
parse_ref(const char *s, size_t *col)
{
	size_t c = 0;
	size_t i = 0;
	for (; i < 3 &&
	       ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'));
	     i++)
		c = c * 26 + (size_t)((s[i] | 0x20) - 'a' + 1);
	if (i == 0 || c > XLSX_MAX_COL || parse_index(s + i, XLSX_MAX_ROW) == 0)
		return false;
	*col = c - 1;
	return true;
}

static void
ws_end_row(struct ws *w)
{
	if (w->in_row)
		sb_end_row(w->b);
	w->in_row = false;
	w->in_cell = false;
}

static void
ws_row(struct ws *w)
{
	char r[16];
	ws_end_row(w); /* an unclosed row in a broken file */
	if (xml_attr_buf(&w->x, "r", r, sizeof(r))) {
		size_t n = parse_index(r, XLSX_MAX_ROW);
		if (n == 0)
			sb_err(w->b, TS_EINVAL, w->row + 1,
			       "số dòng không hợp lệ \"%s\"", r);
		w->row = n ? n : w->row + 1;
	} else {
		w->row++;
	}
	w->b->line = w->row;
	w->next_col = 0;
	w->in_row = true;
	if (xml_empty(&w->x))
		ws_end_row(w);
}

static void
ws_cell(struct ws *w)
{
	w->in_cell = !xml_empty(&w->x);
	w->has_value = false;
	w->in_v = w->in_is = w->in_t = false;
	w->in_rph = 0;
	buf_reset(&w->text);
	w->col = w->next_col;
	if (xml_attr_buf(&w->x, "r", w->ref, sizeof(w->ref)) &&
	    !parse_ref(w->ref, &w->col))
		sb_err(w->b, TS_EINVAL, w->row, "địa chỉ ô không hợp lệ \"%s\"",
		       w->ref);
	w->next_col = w->col + 1;
	if (!xml_attr_buf(&w->x, "t", w->type, sizeof(w->type)))
		memcpy(w->type, "n", 2);
}

static void
ws_element(struct ws *w)
{
	struct xml *x = &w->x;
	if (xml_is(x, "sheetData"))
		w->in_data = !xml_empty(x);
	else if (!w->in_data)
		return;
	else if (xml_is(x, "row"))
		ws_row(w);
	else if (!w->in_row)
		return;
	else if (xml_is(x, "c"))
		ws_cell(w);
	else if (!w->in_cell)
		return;
	else if (xml_is(x, "v") || xml_is(x, "is")) {
		/* One value per cell: a second <v> or <is> replaces it. */
		buf_reset(&w->text);
		w->has_value = true;
		w->in_v = xml_is(x, "v") && !xml_empty(x);
		w->in_is = xml_is(x, "is") && !xml_empty(x);
	} else if (w->in_is && xml_is(x, "t"))
		w->in_t = !xml_empty(x);
	else if (w->in_is && xml_is(x, "rPh") && !xml_empty(x))
		w->in_rph++;
}

/* Shared string number in the <v> text. */
static const char *
shared_string(struct ws *w)
{
	const char *s = w->text.p != NULL ? w->text.p : "";
	size_t n = 0;
	bool ok = *s != '\0';
	for (; *s != '\0' && ok; s++) {
		ok = *s >= '0' && *s <= '9' && n < XLSX_MAX_STRINGS;
		n = n * 10 + (size_t)(*s - '0');
	}
	if (ok && n < w->sst->n)
		return w->sst->v[n];
	char cn[8];
	sheet_col_name(w->col, cn);
	sb_err(w->b, TS_EINVAL, w->row,
	       "ô %s%zu trỏ tới chuỗi dùng chung không có (số \"%s\"); tệp "
	       "có thể bị hỏng",
	       cn, w->row, w->text.p != NULL ? w->text.p : "");
	return NULL;
}

/* "12.0" -> "12": an integer stored as a float is shown as Excel does. */
static void
trim_point_zero(struct buf *t)
{
	if (t->p == NULL || t->err != TS_OK)
		return;
	const char *dot = memchr(t->p, '.', t->len);
	if (dot == NULL || dot == t->p || dot[1] == '\0')
		return;
	for (const char *p = t->p + (t->p[0] == '-'); p < dot; p++)
		if (*p < '0' || *p > '9')
			return;
	for (const char *p = dot + 1; *p != '\0'; p++)
		if (*p != '0')
			return;
	t->len = (size_t)(dot - t->p);
	t->p[t->len] = '\0';
}

static const char *
cell_value(struct ws *w)
{
	const char *t = w->type;
	if (strcmp(t, "s") == 0)
		return shared_string(w);
	if (strcmp(t, "b") == 0 && w->text.p != NULL) {
		if (strcmp(w->text.p, "1") == 0)
			return "TRUE";
		if (strcmp(w->text.p, "0") == 0)
			return "FALSE";
	}
	if (strcmp(t, "n") == 0)
		trim_point_zero(&w->text);
	bool esc = strcmp(t, "str") == 0 || strcmp(t, "inlineStr") == 0;
	return xml_cell_text(w->b, &w->text, esc);
}

static void
ws_end(struct ws *w)
{
	struct xml *x = &w->x;
	if (xml_is(x, "sheetData")) {
		ws_end_row(w);
		w->in_data = false;
	} else if (xml_is(x, "row")) {
		ws_end_row(w);
	} else if (xml_is(x, "c") && w->in_cell) {
		if (w->has_value)
			sb_put(w->b, w->col, cell_value(w));
		w->in_cell = false;
	} else if (xml_is(x, "v")) {
		w->in_v = false;
	} else if (xml_is(x, "is")) {
		w->in_is = false;
	} else if (xml_is(x, "t")) {
		w->in_t = false;
	} else if (xml_is(x, "rPh") && w->in_rph > 0) {
		w->in_rph--;
	}
}

void
ws_load(struct sheet_build *b, const struct sst *t, const char *buf, size_t len,
	const char *part)
{
	struct ws w = { .b = b, .sst = t };
	buf_init(&w.text, SHEET_CELL_BYTES + 1);
	if (!xml_open(&w.x, b, buf, len, part))
		return;
	while (!sb_stopped(b) && xml_next(&w.x) == 1) {
		int type = xml_type(&w.x);
		if (type == XML_READER_TYPE_ELEMENT)
			ws_element(&w);
		else if (type == XML_READER_TYPE_END_ELEMENT)
			ws_end(&w);
		else if (w.in_cell && (w.in_v || (w.in_t && w.in_rph == 0)) &&
			 xml_is_text(&w.x))
			buf_puts(&w.text, xml_text(&w.x));
	}
	ws_end_row(&w); /* a truncated file: keep what was complete */
	xml_close(&w.x);
	buf_release(&w.text);
}
