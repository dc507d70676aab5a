/* Row-by-row XLSX (xstream.h). */
#include "xstream.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "outfile.h"
#include "report.h"
#include "xlsx.h"

struct rp_xstream {
	struct rp_out out;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *num[3];
	size_t ncols;
	lxw_row_t row;
	lxw_error err; /* the first library error */
};

static void
check(struct rp_xstream *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

static void
formats(struct rp_xstream *x)
{
	static const char *const num[] = { "0", "0.0", "0.00" };
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_text_wrap(x->head);
	format_set_align(x->head, LXW_ALIGN_CENTER);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_font_name(x->head, RP_FONT_DOCX);
	for (int i = 0; i < 3; i++) {
		x->num[i] = workbook_add_format(x->wb);
		format_set_num_format(x->num[i], num[i]);
		format_set_font_name(x->num[i], RP_FONT_DOCX);
	}
}

static void
header(struct rp_xstream *x, const struct rp_xcol *cols)
{
	for (size_t c = 0; c < x->ncols; c++) {
		check(x, worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c,
					      cols[c].width, NULL));
		check(x, worksheet_write_string(x->ws, 0, (lxw_col_t)c,
						cols[c].head, x->head));
	}
	check(x, worksheet_set_row(x->ws, 0, 45, NULL));
	worksheet_freeze_panes(x->ws, 1, 0);
	check(x, worksheet_repeat_rows(x->ws, 0, 0));
	worksheet_set_landscape(x->ws);
	worksheet_set_paper(x->ws, 9); /* A4 */
	worksheet_fit_to_pages(x->ws, 1, 0);
	x->row = 1;
}

struct rp_xstream *
rp_xstream_open(const char *path, const char *sheet, const struct rp_xcol *cols,
		size_t ncols, char *err, size_t errlen)
{
	struct rp_xstream *x = calloc(1, sizeof(*x));
	if (x == NULL) {
		rp_errf(err, errlen, "không đủ bộ nhớ để tạo tệp");
		return NULL;
	}
	if (rp_out_begin(&x->out, path, err, errlen) != TS_OK) {
		free(x);
		return NULL;
	}
	lxw_workbook_options o = { .constant_memory = LXW_TRUE };
	x->wb = workbook_new_opt(x->out.tmp, &o);
	x->ws = x->wb ? workbook_add_worksheet(x->wb, sheet) : NULL;
	if (x->ws == NULL) {
		rp_errf(err, errlen, "không tạo được tệp %s", path);
		rp_xstream_abort(x);
		return NULL;
	}
	x->ncols = ncols;
	formats(x);
	header(x, cols);
	return x;
}

void
rp_xstream_text(struct rp_xstream *x, size_t col, const char *s)
{
	if (s && *s && col < x->ncols)
		check(x, worksheet_write_string(x->ws, x->row, (lxw_col_t)col,
						s, NULL));
}

void
rp_xstream_num(struct rp_xstream *x, size_t col, double v)
{
	/* Points are hundredths: show the decimals they have. */
	double cents = v * 100;
	long long i = (long long)(cents >= 0 ? cents + 0.5 : cents - 0.5);
	int dec = i % 100 == 0 ? 0 : i % 10 == 0 ? 1 : 2;
	if (col < x->ncols)
		check(x, worksheet_write_number(x->ws, x->row, (lxw_col_t)col,
						v, x->num[dec]));
}

void
rp_xstream_next(struct rp_xstream *x)
{
	x->row++;
}

enum ts_err
rp_xstream_close(struct rp_xstream *x, char *err, size_t errlen)
{
	lxw_error e = xlsx_close_workbook(x->wb);
	x->wb = NULL;
	check(x, e);
	if (x->err != LXW_NO_ERROR) {
		rp_errf(err, errlen, "không ghi được tệp %s: %s", x->out.path,
			lxw_strerror(x->err));
		rp_xstream_abort(x);
		return TS_EIO;
	}
	enum ts_err r = rp_out_commit(&x->out, err, errlen);
	free(x);
	return r;
}

void
rp_xstream_abort(struct rp_xstream *x)
{
	if (x == NULL)
		return;
	if (x->wb)
		xlsx_close_workbook(x->wb);
	rp_out_abort(&x->out);
	free(x);
}
