/* Tables of the report model: a dense grid of cells with spans. */
#include "report.h"

#include <string.h>

static struct rp_cell dummy_cell;

struct rp_table *
rp_table_add(struct rp_doc *d, struct rp_section *s, size_t ncols,
	     const int *widths)
{
	if (!s || ncols == 0)
		return NULL;
	struct rp_table *t = arena_alloc(d->arena, sizeof *t);
	int *w = arena_calloc(d->arena, ncols, sizeof *w);
	if (!t || !w) {
		d->oom = true;
		return NULL;
	}
	if (s->nblocks == s->capblocks) {
		size_t ncap = s->capblocks ? s->capblocks * 2 : 4;
		struct rp_block *nb = arena_calloc(d->arena, ncap, sizeof *nb);
		if (!nb) {
			d->oom = true;
			return NULL;
		}
		if (s->nblocks)
			memcpy(nb, s->blocks, s->nblocks * sizeof *nb);
		s->blocks = nb;
		s->capblocks = ncap;
	}
	for (size_t i = 0; i < ncols; i++)
		w[i] = widths && widths[i] > 0 ? widths[i] : 1;
	t->ncols = ncols;
	t->widths = w;
	t->borders = true;
	struct rp_block *b = &s->blocks[s->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = RP_B_TABLE;
	b->table = t;
	return t;
}

/* Doubles the room for rows (and their keep_prev flags). */
static bool
grow_rows(struct rp_doc *d, struct rp_table *t)
{
	size_t ncap = t->caprows ? t->caprows * 2 : 8;
	struct rp_cell **nr = arena_calloc(d->arena, ncap, sizeof *nr);
	bool *nk = arena_calloc(d->arena, ncap, sizeof *nk);
	if (!nr || !nk) {
		d->oom = true;
		return false;
	}
	if (t->nrows) {
		memcpy(nr, t->rows, t->nrows * sizeof *nr);
		memcpy(nk, t->keep_prev, t->nrows * sizeof *nk);
	}
	t->rows = nr;
	t->keep_prev = nk;
	t->caprows = ncap;
	return true;
}

size_t
rp_row_add(struct rp_doc *d, struct rp_table *t)
{
	if (!t)
		return 0;
	if (t->nrows == t->caprows && !grow_rows(d, t))
		return t->nrows ? t->nrows - 1 : 0;
	struct rp_cell *row = arena_calloc(d->arena, t->ncols, sizeof *row);
	if (!row) {
		d->oom = true;
		return t->nrows ? t->nrows - 1 : 0;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		row[c].colspan = 1;
		row[c].rowspan = 1;
		row[c].align = RP_LEFT;
	}
	t->rows[t->nrows] = row;
	return t->nrows++;
}

void
rp_row_keep_prev(struct rp_table *t, size_t r)
{
	if (t && r > 0 && r < t->nrows)
		t->keep_prev[r] = true;
}

bool
rp_row_keeps_prev(const struct rp_table *t, size_t r)
{
	if (r == 0 || r >= t->nrows)
		return false;
	return r + 1 == t->nrows || t->keep_prev[r];
}

static struct rp_cell *
cell_at(struct rp_table *t, size_t r, size_t c)
{
	if (!t || r >= t->nrows || c >= t->ncols || t->rows[r][c].covered)
		return NULL;
	return &t->rows[r][c];
}

struct rp_para *
rp_cell_para(struct rp_doc *d, struct rp_cell *cell, enum rp_align align,
	     unsigned style, const char *text)
{
	struct rp_para *p = rp_para_new(d, align);
	if (cell == &dummy_cell || d->oom)
		return p;
	if (cell->nparas == cell->cappara) {
		size_t ncap = cell->cappara ? cell->cappara * 2 : 2;
		struct rp_para **np = arena_calloc(d->arena, ncap, sizeof *np);
		if (!np) {
			d->oom = true;
			return p;
		}
		if (cell->nparas)
			memcpy(np, cell->paras, cell->nparas * sizeof *np);
		cell->paras = np;
		cell->cappara = ncap;
	}
	cell->paras[cell->nparas++] = p;
	cell->kind = RP_V_TEXT;
	rp_run_add(d, p, style, text);
	return p;
}

struct rp_cell *
rp_cell_text(struct rp_doc *d, struct rp_table *t, size_t r, size_t c,
	     unsigned style, const char *text)
{
	struct rp_cell *cell = cell_at(t, r, c);
	if (!cell)
		return &dummy_cell;
	cell->kind = RP_V_TEXT;
	cell->nparas = 0;
	cell->style = style;
	rp_cell_para(d, cell, cell->align, style, text ? text : "");
	return cell;
}

struct rp_cell *
rp_cell_align(struct rp_cell *cell, enum rp_align align)
{
	cell->align = align;
	for (size_t i = 0; i < cell->nparas; i++)
		cell->paras[i]->align = align;
	return cell;
}

static struct rp_cell *
number_cell(struct rp_table *t, size_t r, size_t c, enum rp_value_kind kind)
{
	struct rp_cell *cell = cell_at(t, r, c);
	if (!cell)
		return &dummy_cell;
	cell->kind = kind;
	cell->nparas = 0;
	cell->align = RP_CENTER;
	return cell;
}

struct rp_cell *
rp_cell_int(struct rp_doc *d, struct rp_table *t, size_t r, size_t c, int64_t v)
{
	(void)d;
	struct rp_cell *cell = number_cell(t, r, c, RP_V_INT);
	cell->i = v;
	return cell;
}

struct rp_cell *
rp_cell_pts(struct rp_doc *d, struct rp_table *t, size_t r, size_t c, pts_t v)
{
	(void)d;
	struct rp_cell *cell = number_cell(t, r, c, RP_V_PTS);
	cell->pts = v;
	return cell;
}

struct rp_cell *
rp_cell_pct(struct rp_doc *d, struct rp_table *t, size_t r, size_t c,
	    int64_t hundredths_pct)
{
	(void)d;
	struct rp_cell *cell = number_cell(t, r, c, RP_V_PCT);
	cell->pct = hundredths_pct;
	return cell;
}

void
rp_cell_span(struct rp_doc *d, struct rp_table *t, size_t r, size_t c,
	     int colspan, int rowspan)
{
	(void)d;
	struct rp_cell *a = cell_at(t, r, c);
	if (!a || colspan < 1 || rowspan < 1 ||
	    c + (size_t)colspan > t->ncols || r + (size_t)rowspan > t->nrows)
		return;
	a->colspan = colspan;
	a->rowspan = rowspan;
	for (size_t i = r; i < r + (size_t)rowspan; i++)
		for (size_t j = c; j < c + (size_t)colspan; j++)
			if (i != r || j != c)
				t->rows[i][j].covered = true;
}

void
rp_head_rows(struct rp_table *t, size_t last)
{
	if (t == NULL || last >= t->nrows)
		return;
	for (size_t r = 0; r <= last; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			struct rp_cell *cell = &t->rows[r][c];
			cell->shade = true;
			cell->align = RP_CENTER;
			cell->style |= RP_BOLD;
		}
	t->header_rows = last + 1;
}

size_t
rp_head_row(struct rp_doc *d, struct rp_table *t, const char *const *names)
{
	size_t r = rp_row_add(d, t);
	for (size_t c = 0; t && c < t->ncols; c++)
		if (names[c])
			rp_cell_text(d, t, r, c, RP_BOLD, names[c]);
	rp_head_rows(t, r);
	return r;
}

static double
share_of(const struct rp_table *t, size_t c)
{
	return t->widths && t->widths[c] > 0 ? t->widths[c] : 1;
}

/* Column c's width once the minimums are applied: scaled with them when
 * they cannot all fit (scale > 0), raised to its minimum, or giving up
 * the part `take` of its room above it. */
static double
fitted(double w, double minw, double scale, double take)
{
	if (scale > 0)
		return minw * scale;
	if (w < minw)
		return minw;
	return w - (w - minw) * take;
}

void
rp_fit_widths(const struct rp_table *t, const double *minw, double total,
	      double *w)
{
	double shares = 0, need = 0, slack = 0, sum = 0;
	for (size_t c = 0; c < t->ncols; c++)
		shares += share_of(t, c);
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = total * share_of(t, c) / shares;
		sum += minw[c];
		double room = w[c] - minw[c];
		*(room < 0 ? &need : &slack) += room < 0 ? -room : room;
	}
	if (need <= 0)
		return;
	for (size_t c = 0; c < t->ncols; c++)
		w[c] = fitted(w[c], minw[c], sum > total ? total / sum : 0,
			      slack > 0 ? need / slack : 0);
}
