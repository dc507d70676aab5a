/* Tables and charts on a worksheet. Cells keep their type: integers,
 * points (pts / 100, exact for two decimals) and percentages (pct / 10000
 * shown as "0.00%") are numbers Excel can sum; text stays a string, never a
 * formula. Spans become merged ranges. */
#include "xlsx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/vnstr.h"
#include "chart.h"

/* Frozen rows taller than this would leave no room to scroll on a laptop
 * screen; such sheets only repeat the header on print. */
#define FREEZE_MAX_PT 300.0

static struct xlsx_fmtkey
cell_key(const struct rp_table *t, const struct rp_cell *c)
{
	struct xlsx_fmtkey k = { .num = XN_TEXT,
				 .style = c->style,
				 .align = c->align,
				 .size = RP_SIZE_TABLE,
				 .border = t->borders,
				 .shade = c->shade,
				 .vcenter = true };
	switch (c->kind) {
	case RP_V_INT: k.num = XN_INT; break;
	case RP_V_PTS:
		k.num = c->pts % PTS_ONE ? XN_PTS_DEC : XN_PTS_WHOLE;
		break;
	case RP_V_PCT: k.num = XN_PCT; break;
	case RP_V_TEXT:
	case RP_V_EMPTY: k.wrap = true; break;
	}
	if (c->shade)
		k.align = RP_CENTER;
	return k;
}

static void
cell_value(struct xs *sh, lxw_row_t r, lxw_col_t col, const struct rp_cell *c,
	   lxw_format *f, const struct xlsx_wrap *wr)
{
	lxw_worksheet *ws = sh->ws;
	lxw_error e = LXW_NO_ERROR;
	switch (c->kind) {
	case RP_V_INT:
		e = worksheet_write_number(ws, r, col, (double)c->i, f);
		break;
	case RP_V_PTS:
		e = worksheet_write_number(ws, r, col, (double)c->pts / 100.0,
					   f);
		break;
	case RP_V_PCT:
		e = worksheet_write_number(ws, r, col, (double)c->pct / 10000.0,
					   f);
		break;
	case RP_V_TEXT:
		buf_reset(&sh->w->tmp);
		rp_cell_plain(c, &sh->w->tmp);
		if (sh->w->tmp.err)
			e = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
		else if (sh->w->tmp.len)
			e = worksheet_write_string(
				ws, r, col,
				xlsx_nobreak(sh->w, buf_str(&sh->w->tmp), wr),
				f);
		else
			e = worksheet_write_blank(ws, r, col, f);
		break;
	case RP_V_EMPTY: e = worksheet_write_blank(ws, r, col, f); break;
	}
	xlsx_check(sh->w, e);
}

/* The part boundaries first[0..n] that split the sheet's columns
 * [from, ncols) into n runs of whole columns, each about its weight's
 * share of their width (NULL weights: equal shares) and at least one
 * column wide. A table or chart data narrower than the sheet's grid is
 * spread over the whole width this way instead of squeezed into its
 * first columns: Calc wrapped "Mức độ / 2" in an SL column of Phụ lục
 * 3's chart data, and the gaps table filled half a portrait page in
 * rows five lines tall. With as many parts as columns (or more, or in
 * constant_memory mode, where nothing can merge) part c is column
 * from + c. */
static void
spread(const struct xs *sh, lxw_col_t from, size_t n, const int *weights,
       lxw_col_t *first)
{
	size_t m = sh->ncols > from ? (size_t)(sh->ncols - from) : 0;
	for (size_t c = 0; c <= n; c++)
		first[c] = from + (lxw_col_t)c;
	if (n == 0 || n >= m || sh->w->constant || sh->colw == NULL)
		return;
	double total = 0, wsum = 0, x = 0, acc = 0;
	for (size_t k = from; k < sh->ncols; k++)
		total += sh->colw[k];
	for (size_t c = 0; c < n; c++)
		wsum += weights ? weights[c] : 1;
	lxw_col_t end = from;
	for (size_t c = 0; c + 1 < n; c++) {
		acc += weights ? weights[c] : 1;
		double target = total * acc / wsum;
		x += sh->colw[end++]; /* at least one column */
		/* Room for one column per part still to come. */
		while ((size_t)end + (n - 1 - c) < sh->ncols &&
		       fabs(x + sh->colw[end] - target) < fabs(x - target))
			x += sh->colw[end++];
		first[c + 1] = end;
	}
	first[n] = sh->ncols;
}

/* Table column c's part of the sheet: [tmap[c], tmap[c + span]). */
static lxw_col_t
part_end(const struct xs *sh, size_t c, const struct rp_cell *cell)
{
	size_t span = cell->colspan > 1 ? (size_t)cell->colspan : 1;
	return sh->tmap[c + span] - 1;
}

/* The (merged) width, font size and weight cell c wraps in. */
static struct xlsx_wrap
cell_wrap(const struct xs *sh, size_t c, const struct rp_cell *cell)
{
	struct xlsx_wrap wr = { .size = RP_SIZE_TABLE,
				.bold = (cell->style & RP_BOLD) ||
					cell->shade };
	for (size_t k = sh->tmap[c]; k <= part_end(sh, c, cell); k++) {
		double u = k < sh->ncols && sh->colw ? sh->colw[k] : 8.43;
		wr.cols += u;
		wr.px += xlsx_col_px(u);
	}
	if (cell->nparas && cell->paras[0]->size)
		wr.size = cell->paras[0]->size;
	return wr;
}

static void
table_row(struct xs *sh, const struct rp_table *t, size_t r, lxw_row_t row)
{
	for (size_t c = 0; c < t->ncols && !sh->w->err; c++) {
		const struct rp_cell *cell = &t->rows[r][c];
		if (cell->covered)
			continue;
		struct xlsx_fmtkey k = cell_key(t, cell);
		lxw_format *f = xlsx_fmt(sh->w, &k);
		lxw_col_t col = sh->tmap[c], last = part_end(sh, c, cell);
		/* merge_range writes the range's blanks (borders included);
		 * the value then overwrites its first cell. */
		if ((last > col || cell->rowspan > 1) && !sh->w->constant)
			xlsx_check(sh->w,
				   worksheet_merge_range(
					   sh->ws, row, col,
					   row + (lxw_row_t)cell->rowspan - 1,
					   last, "", f));
		struct xlsx_wrap wr = cell_wrap(sh, c, cell);
		cell_value(sh, row, col, cell, f, &wr);
	}
}

/* The first table's header rows: repeated on every printed page, and
 * frozen on screen when the rows above leave room to scroll. */
/* Bordered tables in the section: only a sheet that is one table
 * (a listing, an appendix) repeats and freezes its header; on a report
 * with several tables the first one's header would stand above the
 * others' rows. */
static size_t
tables_in(const struct rp_section *s)
{
	size_t n = 0;
	for (size_t b = 0; b < s->nblocks; b++)
		n += s->blocks[b].kind == RP_B_TABLE &&
		     s->blocks[b].table->borders;
	return n;
}

/* A table of at most this many body rows starts on one page with them
 * all (keep_start): repeating its head only printed it again above the
 * next page's closing block (a mầm non Phụ lục 3 of one table; the
 * meeting record's three members, its head alone above the signers). */
#define XLSX_SHORT_TABLE 3

static bool
short_table(const struct rp_table *t)
{
	return t->nrows - t->header_rows <= XLSX_SHORT_TABLE;
}

static void
header_panes(struct xs *sh, const struct rp_table *t, lxw_row_t first)
{
	if (sh->frozen || t->header_rows == 0 || t->header_rows > t->nrows ||
	    tables_in(sh->sec) > 1 || short_table(t))
		return;
	sh->frozen = true;
	lxw_row_t last = first + (lxw_row_t)t->header_rows - 1;
	xlsx_check(sh->w, worksheet_repeat_rows(sh->ws, first, last));
	sh->ntitle = true;
	sh->title0 = first;
	sh->title1 = last;
	sh->title_end = first + (lxw_row_t)t->nrows - 1;
	/* Header cells wrap: count two lines each. */
	double top = xlsx_top_pt(sh, first) + 30.0 * (double)t->header_rows;
	if (top <= FREEZE_MAX_PT)
		worksheet_freeze_panes(sh->ws, last + 1, 0);
}

/* Lines a cell's text takes in its (merged) width: the letter count, and
 * for a cell of XLSX_MEASURE_FROM lines or more (a target's measures,
 * a gap's list: few per document) pango's count of its text as written,
 * joiners and all. A shorter text that fills more than XLSX_NEAR_FULL
 * of its last line by the count is measured too, and takes the larger
 * count: capitals and diacritics run wider than the count's average
 * letter, and Calc printed "Trung tâm GDNN-GDTX quận Dương Kinh" (35
 * letters, 216 pt at 12 pt, in a 200 pt cell) on two lines of a
 * one-line row, its second cut. A text of several lines ("\n": a
 * target's overall result above one line per measure) keeps the letter
 * count when that is larger: each of its lines ends in a part-filled
 * line, and a reader whose font runs a little wider than pango's wraps
 * some of them once more; Calc cut the top and bottom of Phụ lục 6's
 * results (20 lines measured, 22 counted). A listing in constant_memory
 * mode is not measured: its thousands of short rows would pay for
 * nothing. */
#define XLSX_MEASURE_FROM 4
#define XLSX_NEAR_FULL	  0.7

static bool
near_full(const char *text, const struct xlsx_wrap *wr)
{
	return (double)vn_chars(text, strlen(text)) >
	       XLSX_NEAR_FULL * xlsx_per_line(wr->cols, wr->size, wr->bold);
}

static int
cell_lines(struct xs *sh, size_t c, const struct rp_cell *cell)
{
	if (cell->kind != RP_V_TEXT)
		return 1;
	struct xlsx_wrap wr = cell_wrap(sh, c, cell);
	buf_reset(&sh->w->tmp);
	rp_cell_plain(cell, &sh->w->tmp);
	const char *text = buf_str(&sh->w->tmp);
	int n = xlsx_text_lines(text, wr.cols, wr.size, wr.bold);
	bool shorter = n < XLSX_MEASURE_FROM;
	if (sh->w->constant || wr.px <= 0 || (shorter && !near_full(text, &wr)))
		return n;
	int m = xlsx_measured_lines(sh->w, xlsx_nobreak(sh->w, text, &wr),
				    wr.px, wr.size, wr.bold);
	return (shorter || strchr(text, '\n')) && m < n ? n : m;
}

/* Grows the heights h of the rows cell r, c covers to fit its lines.
 * Pass 0 takes single-row cells, pass 1 those over several rows, so a
 * spanning cell only adds what its rows lack. */
static void
grow_for_cell(struct xs *sh, const struct rp_table *t, double *h, size_t r,
	      size_t c, int pass)
{
	const struct rp_cell *cell = &t->rows[r][c];
	size_t span = cell->rowspan > 1 ? (size_t)cell->rowspan : 1;
	if (cell->covered || (span > 1) != pass)
		return;
	double need = xlsx_lines_pt(cell_lines(sh, c, cell), RP_SIZE_TABLE),
	       have = 0;
	for (size_t k = r; k < r + span && k < t->nrows; k++)
		have += h[k];
	if (need > have)
		h[r + span - 1] += need - have;
}

/* Every row's height from its cells' text: a cell over several rows
 * shares its lines among them, the rows it covers growing as needed.
 * The caller frees the array (NULL on error). */
static double *
table_heights(struct xs *sh, const struct rp_table *t)
{
	double *h = calloc(t->nrows + 1, sizeof(*h));
	if (h == NULL) {
		xlsx_check(sh->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t r = 0; r < t->nrows; r++)
			for (size_t c = 0; c < t->ncols && sh->colw; c++)
				grow_for_cell(sh, t, h, r, c, pass);
	return h;
}

static double
sheet_width(const struct xs *sh)
{
	double w = 0;
	for (lxw_col_t c = 0; c < sh->ncols && sh->colw; c++)
		w += sh->colw[c];
	return w;
}

/* The caption across the sheet, wrapped and as tall as its lines: cut
 * over the table's own columns, Calc printed "Những nội dung nhiều
 * trường còn thiếu để lên mức (tính trên 46". */
static void
caption_row(struct xs *sh, const char *caption)
{
	struct xlsx_fmtkey k = { .num = XN_TEXT,
				 .style = RP_BOLD,
				 .align = RP_LEFT,
				 .size = RP_SIZE_BODY,
				 .wrap = true };
	xlsx_row_height(sh, caption, sheet_width(sh), RP_SIZE_BODY);
	xlsx_span_text(sh, 0, sh->ncols ? sh->ncols - 1 : 0, caption, &k);
	sh->row++;
}

/* The caption, the header rows and the first two body rows (a short
 * table's all) start on one page (their heights set ahead): Calc
 * printed Phụ lục 3's "Nhóm tiêu chí 2: … qua các năm học" as the last
 * line of a page and its table on the next. */
static void
keep_start(struct xs *sh, const struct rp_table *t, const double *h)
{
	if (sh->w->constant)
		return;
	lxw_row_t r = sh->row;
	if (t->caption)
		xlsx_set_row_pt(
			sh, r++,
			xlsx_lines_pt(xlsx_text_lines(t->caption,
						      sheet_width(sh),
						      RP_SIZE_BODY, true),
				      RP_SIZE_BODY));
	size_t keep = short_table(t) ? t->nrows : t->header_rows + 2;
	for (size_t k = 0; k < t->nrows && k < keep; k++)
		xlsx_set_row_pt(sh, r++, h[k]);
	xlsx_keep_rows(sh, sh->row, r);
}

/* Rows kept with the one above (a subtotal, a group's first row) start
 * no page without it: Calc printed a Sở listing's "Cộng: 20 đơn vị" under
 * the repeated head with no unit of its group. The table's last rows
 * are the closing's (xlsx_keep_closing). */
static void
keep_bands(struct xs *sh, const struct rp_table *t, lxw_row_t first)
{
	if (sh->w->constant)
		return;
	for (size_t r = t->header_rows + 1; r < t->nrows; r++) {
		if (!t->keep_prev[r] || t->keep_prev[r - 1])
			continue;
		size_t end = r + 1;
		while (end < t->nrows && t->keep_prev[end])
			end++;
		if (end < t->nrows)
			xlsx_keep_band(sh, first + (lxw_row_t)r - 1,
				       first + (lxw_row_t)end);
	}
}

/* Whether the table's header is written again where a page would
 * split it (xlsx_split.c): a bordered table with header rows that the
 * sheet does not repeat on its own. */
static bool
splits(const struct xs *sh, const struct rp_table *t, lxw_row_t first)
{
	return !sh->w->constant && t->borders && t->header_rows > 0 &&
	       t->header_rows < t->nrows && sh->page_pt > 0 &&
	       !(sh->ntitle && sh->title0 == first);
}

/* Row r of the table at sheet row row, its height and its keep flag
 * first. */
static void
write_row(struct xs *sh, const struct rp_table *t, const double *h, size_t r,
	  lxw_row_t row)
{
	xlsx_set_row_pt(sh, row, h[r]);
	if (r > t->header_rows && rp_row_keeps_prev(t, r))
		xlsx_keep_prev(sh, row);
	table_row(sh, t, r, row);
}

void
xlsx_table(struct xs *sh, const struct rp_table *t)
{
	lxw_col_t *map = calloc(t->ncols + 1, sizeof(*map));
	if (map == NULL) {
		xlsx_check(sh->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	spread(sh, 0, t->ncols, t->widths, map);
	sh->tmap = map;
	double *h = table_heights(sh, t);
	lxw_row_t block = xlsx_block_start(sh, sh->row);
	if (h)
		keep_start(sh, t, h);
	if (t->caption)
		caption_row(sh, t->caption);
	header_panes(sh, t, sh->row);
	size_t at[XLSX_MAX_BREAKS], nat = 0;
	if (h && splits(sh, t, sh->row))
		nat = xlsx_plan_splits(sh, t, h, block, sh->row, at,
				       XLSX_MAX_BREAKS);
	/* Heights row by row, each before its cells: constant_memory mode
	 * takes rows strictly in order. */
	lxw_row_t off = 0;
	for (size_t r = 0, k = 0; h && r < t->nrows && !sh->w->err; r++) {
		for (; k < nat && at[k] == r; k++)
			for (size_t i = 0; i < t->header_rows; i++)
				write_row(sh, t, h, i, sh->row + r + off++);
		write_row(sh, t, h, r, sh->row + (lxw_row_t)r + off);
	}
	if (h && nat == 0)
		keep_bands(sh, t, sh->row);
	free(h);
	free(map);
	sh->tmap = NULL;
	sh->row += (lxw_row_t)t->nrows + off + 1;
	sh->table_end = sh->row - 1;
}

/* Lines a chart-data label takes in columns [col, col + n) (12 pt). */
static int
chart_label_lines(const struct xs *sh, size_t col, size_t n, const char *text,
		  bool bold)
{
	double w = 0;
	for (size_t i = col; i < col + n; i++)
		w += i < sh->ncols && sh->colw ? sh->colw[i] : 8.43;
	return xlsx_text_lines(text ? text : "", w, RP_SIZE_TABLE, bold);
}

/* The chart data's corner: the values' unit ("Điểm"). A 100 % stacked
 * chart's values are counts that Excel turns into shares, so its axis's
 * "%" would mislabel them: the corner stays empty. */
static const char *
corner(const struct rp_chart *c)
{
	return c->y_label && c->kind != RP_CHART_STACKED ? c->y_label : "";
}

/* A number over columns [c0, c1] of row r: merged, the value in c0
 * (where the chart's series range reads it). */
/* No value (NaN) is the chart's no_value as text: the chart draws no
 * bar for it and the grid says why. */
static void
chart_value(struct xs *sh, lxw_row_t r, lxw_col_t c0, lxw_col_t c1, double v,
	    const char *no_value, lxw_format *f)
{
	if (c1 > c0 && !sh->w->constant)
		xlsx_check(sh->w,
			   worksheet_merge_range(sh->ws, r, c0, r, c1, "", f));
	if (isnan(v))
		xlsx_check(sh->w,
			   worksheet_write_string(sh->ws, r, c0,
						  no_value ? no_value : "", f));
	else
		xlsx_check(sh->w, worksheet_write_number(sh->ws, r, c0, v, f));
}

/* The grid turned: a row per series and a column per category, when
 * the series and a label column outnumber the sheet's columns and the
 * categories do not (the four groups of cntt's years chart ran into a
 * fifth column past the sheet's four, narrow and outside its tables). */
static bool
grid_turned(const struct xs *sh, const struct rp_chart *c)
{
	return !sh->w->constant && c->nseries + 1 > sh->ncols &&
	       c->ncats + 1 <= sh->ncols;
}

/* Columns the chart data's labels (categories, the y label) span: as
 * few as hold each on one line, leaving one column per series. Column A
 * alone is the widest table's first, often a narrow STT, and Calc
 * wrapped "Tiểu học" in it (Phụ lục 3 of an office). */
static size_t
label_cols(const struct xs *sh, const struct rp_chart *c)
{
	if (grid_turned(sh, c)) /* a column per category */
		return sh->ncols - c->ncats;
	size_t n = 1;
	for (; n + c->nseries < sh->ncols; n++) {
		bool fits = chart_label_lines(sh, 0, n, corner(c), true) == 1;
		for (size_t k = 0; k < c->ncats && fits; k++)
			fits = chart_label_lines(sh, 0, n, c->cats[k], false) ==
			       1;
		if (fits)
			break;
	}
	return n;
}

/* The grid's column heads (the series, or the categories when turned),
 * its row labels and its numbers. */
static size_t
grid_cols(const struct xs *sh, const struct rp_chart *c)
{
	return grid_turned(sh, c) ? c->ncats : c->nseries;
}

static size_t
grid_rows(const struct xs *sh, const struct rp_chart *c)
{
	return grid_turned(sh, c) ? c->nseries : c->ncats;
}

static const char *
grid_head(const struct xs *sh, const struct rp_chart *c, size_t i)
{
	const char *t = grid_turned(sh, c) ? c->cats[i] : c->series[i];
	return t ? t : "";
}

static const char *
grid_label(const struct xs *sh, const struct rp_chart *c, size_t k)
{
	const char *t = grid_turned(sh, c) ? c->series[k] : c->cats[k];
	return t ? t : "";
}

static double
grid_value(const struct xs *sh, const struct rp_chart *c, size_t k, size_t i)
{
	return grid_turned(sh, c) ? c->values[k * c->ncats + i]
				  : c->values[i * c->ncats + k];
}

/* The chart's numbers go on the sheet (an Excel chart draws cell
 * ranges): row labels down the label columns [0, sm[0]), column i of
 * the grid in the columns [sm[i], sm[i + 1]) (spread over the sheet's
 * width). */
static void
chart_data(struct xs *sh, const struct rp_chart *c, lxw_row_t top,
	   const lxw_col_t *sm)
{
	size_t nl = sm[0], nc = grid_cols(sh, c);
	struct xlsx_fmtkey hk = { .num = XN_TEXT,
				  .style = RP_BOLD,
				  .align = RP_CENTER,
				  .size = RP_SIZE_TABLE,
				  .border = true,
				  .shade = true,
				  .wrap = true,
				  .vcenter = true };
	struct xlsx_fmtkey tk = { .num = XN_TEXT,
				  .align = RP_LEFT,
				  .size = RP_SIZE_TABLE,
				  .border = true,
				  .wrap = true,
				  .vcenter = true };
	struct xlsx_fmtkey nk = { .num = XN_TEXT,
				  .align = RP_CENTER,
				  .size = RP_SIZE_TABLE,
				  .border = true,
				  .vcenter = true };
	lxw_format *hf = xlsx_fmt(sh->w, &hk), *tf = xlsx_fmt(sh->w, &tk);
	lxw_format *nf = xlsx_fmt(sh->w, &nk);
	lxw_col_t l1 = (lxw_col_t)nl - 1; /* last column of the labels */
	int lines = chart_label_lines(sh, 0, nl, corner(c), true);
	for (size_t i = 0; i < nc; i++) {
		int n = chart_label_lines(sh, sm[i], sm[i + 1] - sm[i],
					  grid_head(sh, c, i), true);
		lines = n > lines ? n : lines;
	}
	xlsx_set_row_pt(sh, top, xlsx_lines_pt(lines, RP_SIZE_TABLE));
	xlsx_span_at(sh, top, 0, l1, corner(c), hf);
	for (size_t i = 0; i < nc; i++)
		xlsx_span_at(sh, top, sm[i], sm[i + 1] - 1, grid_head(sh, c, i),
			     hf);
	for (size_t k = 0; k < grid_rows(sh, c); k++) {
		lxw_row_t r = top + 1 + (lxw_row_t)k;
		const char *label = grid_label(sh, c, k);
		xlsx_set_row_pt(sh, r,
				xlsx_lines_pt(chart_label_lines(sh, 0, nl,
								label, false),
					      RP_SIZE_TABLE));
		xlsx_span_at(sh, r, 0, l1, label, tf);
		for (size_t i = 0; i < nc; i++)
			chart_value(sh, r, sm[i], sm[i + 1] - 1,
				    grid_value(sh, c, k, i), c->no_value, nf);
	}
}

/* The series' colour and hatching of the one scheme (rp_chart_tone),
 * with a thin black outline as in the other formats. */
static void
series_style(lxw_chart_series *se, const struct rp_chart *c, size_t s)
{
	struct rp_tone_style t = rp_chart_tone(c, s);
	lxw_chart_line line = { .color = LXW_COLOR_BLACK, .width = 0.5 };
	chart_series_set_line(se, &line);
	if (t.hatch) {
		lxw_chart_pattern p = {
			.fg_color = 0x333333,
			.bg_color = t.rgb,
			.type = LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL
		};
		chart_series_set_pattern(se, &p);
	} else {
		lxw_chart_fill f = { .color = t.rgb };
		chart_series_set_fill(se, &f);
	}
}

/* The document's font in the chart too, sized as the PDF's chart (a
 * bold 12 pt title, 10 pt labels): Calc drew the title and labels in
 * its default sans serif, the title at 14 pt on two lines. */
static void
chart_fonts(lxw_chart *ch)
{
	static char font[] = RP_FONT_DOCX; /* the API takes a char * */
	lxw_chart_font title = { .name = font, .size = 12, .bold = 1 },
		       text = { .name = font, .size = 10 };
	chart_title_set_name_font(ch, &title);
	chart_axis_set_name_font(ch->y_axis, &text);
	chart_axis_set_num_font(ch->x_axis, &text);
	chart_axis_set_num_font(ch->y_axis, &text);
	chart_legend_set_font(ch, &text);
}

/* Series s's name, categories and values: down the columns (a column
 * per series), or along the rows when the grid is turned. */
static void
series_ranges(lxw_chart_series *se, const struct xs *sh,
	      const struct rp_chart *c, lxw_row_t top, const lxw_col_t *sm,
	      size_t s)
{
	if (grid_turned(sh, c)) {
		lxw_row_t r = top + 1 + (lxw_row_t)s;
		lxw_col_t c1 = sm[0] + (lxw_col_t)c->ncats - 1;
		chart_series_set_categories(se, sh->name, top, sm[0], top, c1);
		chart_series_set_values(se, sh->name, r, sm[0], r, c1);
		chart_series_set_name_range(se, sh->name, r, 0);
		return;
	}
	lxw_row_t last = top + (lxw_row_t)c->ncats;
	lxw_col_t col = sm[s];
	chart_series_set_categories(se, sh->name, top + 1, 0, last, 0);
	chart_series_set_values(se, sh->name, top + 1, col, last, col);
	chart_series_set_name_range(se, sh->name, top, col);
}

static lxw_chart *
chart_make(struct xs *sh, const struct rp_chart *c, lxw_row_t top,
	   const lxw_col_t *sm)
{
	lxw_chart *ch = workbook_add_chart(
		sh->w->wb, c->kind == RP_CHART_STACKED
				   ? LXW_CHART_COLUMN_STACKED_PERCENT
				   : LXW_CHART_COLUMN);
	if (!ch) {
		xlsx_check(sh->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	for (size_t s = 0; s < c->nseries; s++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			xlsx_check(sh->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return ch;
		}
		series_ranges(se, sh, c, top, sm, s);
		series_style(se, c, s);
	}
	if (c->title)
		chart_title_set_name(ch, c->title);
	if (c->y_label)
		chart_axis_set_name(ch->y_axis, c->y_label);
	if (c->y_max > 0 && c->kind != RP_CHART_STACKED)
		chart_axis_set_max(ch->y_axis, c->y_max);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	chart_fonts(ch);
	return ch;
}

void
xlsx_chart(struct xs *sh, const struct rp_chart *c)
{
	if (!c->ncats || !c->nseries)
		return;
	/* The chart's data and the chart itself on one page. */
	double hmm0 = c->height_mm > 0 ? c->height_mm : 90;
	size_t nl = label_cols(sh, c), nc = grid_cols(sh, c);
	double rows_pt = 0;
	for (size_t k = 0; k < grid_rows(sh, c); k++)
		rows_pt += xlsx_lines_pt(chart_label_lines(sh, 0, nl,
							   grid_label(sh, c, k),
							   false),
					 RP_SIZE_TABLE);
	xlsx_keep_together(sh, sh->row,
			   rows_pt + 4 * XLSX_ROW_PT + hmm0 * 72.0 / 25.4);
	lxw_row_t top = sh->row;
	lxw_col_t *sm = calloc(nc + 1, sizeof(*sm));
	if (sm == NULL) {
		xlsx_check(sh->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	spread(sh, (lxw_col_t)nl, nc, NULL, sm);
	chart_data(sh, c, top, sm);
	sh->row += (lxw_row_t)grid_rows(sh, c) + 2;
	lxw_chart *ch = chart_make(sh, c, top, sm);
	free(sm);
	if (!ch || sh->w->err)
		return;
	/* libxlsxwriter's default chart is 480 x 288 px at 96 dpi. */
	double wmm = c->width_mm > 0 ? c->width_mm : 150;
	double hmm = c->height_mm > 0 ? c->height_mm : 90;
	lxw_chart_options opt = { .x_scale = wmm / 127.0,
				  .y_scale = hmm / 76.2 };
	xlsx_check(sh->w,
		   worksheet_insert_chart_opt(sh->ws, sh->row, 0, ch, &opt));
	/* Rows are 15 pt = 5.29 mm by default. */
	sh->row += (lxw_row_t)ceil(hmm / 5.29) + 1;
}
