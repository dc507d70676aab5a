/* The list of units that have not submitted yet, with their contacts
 * (issue 17 item 7): every participant under the office whose result is
 * not started, a draft or returned, with the unit's phone and e-mail and
 * its head's (hiệu trưởng) name, phone and e-mail, so an officer can
 * call or write before the deadline. Grouped by sub-unit with a subtotal
 * per group and in natural code order, as the listing is
 * (report_listing_rows.c). A contact column no listed unit has is left
 * out rather than printed empty. Exported like every document (CSV,
 * XLSX, PDF, DOCX). */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/timeutil.h"
#include "report_listing_int.h"

/* STT, Mã đơn vị, Tên đơn vị, Trạng thái, then the contacts. */
#define CH_FIXED 4

/* The head of a centre is its Giám đốc: the head's columns name both
 * when the list has a centre. */
static const char *const CONTACT_NAMES[2][LS_CONTACTS] = {
	{ "Điện thoại đơn vị", "Thư điện tử đơn vị", "Hiệu trưởng",
	  "Điện thoại hiệu trưởng", "Thư điện tử hiệu trưởng" },
	{ "Điện thoại đơn vị", "Thư điện tử đơn vị",
	  "Hiệu trưởng, Giám đốc trung tâm", "Điện thoại hiệu trưởng, giám đốc",
	  "Thư điện tử hiệu trưởng, giám đốc" },
};

/* The states a unit not submitted is in, in the subtotals' order. */
static const enum sub_state STATES[] = { ST_NONE, ST_DRAFT, ST_RETURNED };
#define NSTATES (sizeof(STATES) / sizeof(*STATES))

struct chase {
	int col[LS_CONTACTS]; /* table column of each contact, -1: left out */
	bool centres;	      /* a centre is listed */
	int grp[NSTATES], all[NSTATES];
};

static void
head(struct rb *b, struct rp_table *t, const struct chase *x)
{
	const char *names[CH_FIXED + LS_CONTACTS] = { "STT", "Mã đơn vị",
						      "Tên đơn vị",
						      "Trạng thái" };
	for (int i = 0; i < LS_CONTACTS; i++)
		if (x->col[i] >= 0)
			names[x->col[i]] = CONTACT_NAMES[x->centres][i];
	rp_head_row(b->doc, t, names);
}

static size_t
state_index(enum sub_state s)
{
	for (size_t i = 0; i < NSTATES; i++)
		if (STATES[i] == s)
			return i;
	return 0;
}

static void
on_unit(struct rb *b, struct rp_table *t, const struct ls_unit *u, int stt,
	void *ctx)
{
	struct chase *x = ctx;
	size_t r = rp_row_add(b->doc, t);
	rp_cell_int(b->doc, t, r, 0, stt);
	rp_cell_text(b->doc, t, r, 1, 0, u->code);
	rp_cell_text(b->doc, t, r, 2, 0, u->name);
	rp_cell_text(b->doc, t, r, 3, 0, sub_state_name(u->state));
	for (int i = 0; i < LS_CONTACTS; i++)
		if (x->col[i] >= 0)
			rp_cell_text(b->doc, t, r, (size_t)x->col[i], 0,
				     u->contact[i]);
	x->grp[state_index(u->state)]++;
}

/* "Cộng: 5 đơn vị" over STT, code and name; the count of each state
 * in the state column ("Bản nháp: 2"). */
static void
on_total(struct rb *b, struct rp_table *t, const char *label, bool grand,
	 void *ctx)
{
	struct chase *x = ctx;
	int *k = grand ? x->all : x->grp, n = 0;
	for (size_t i = 0; i < NSTATES; i++)
		n += k[i];
	size_t r = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, r, 0, RP_BOLD,
		     rp_printf(b->doc, "%s: %d đơn vị", label, n));
	rp_cell_span(b->doc, t, r, 0, 3, 1);
	struct rp_cell *cell = NULL;
	for (size_t i = 0; i < NSTATES; i++) {
		if (k[i] == 0)
			continue;
		const char *line = rp_printf(b->doc, "%s: %d",
					     sub_state_name(STATES[i]), k[i]);
		if (cell == NULL)
			cell = rp_cell_text(b->doc, t, r, 3, RP_BOLD, line);
		else
			rp_cell_para(b->doc, cell, RP_LEFT, 0, line);
	}
	if (grand)
		return;
	for (size_t i = 0; i < NSTATES; i++) {
		x->all[i] += x->grp[i];
		x->grp[i] = 0;
	}
}

/* The contact columns some listed unit has a value for; returns the
 * table's number of columns. */
static size_t
contact_columns(const struct ls_unit *u, size_t n, struct chase *x)
{
	size_t ncols = CH_FIXED;
	for (size_t k = 0; k < n; k++)
		x->centres |= u[k].kind == KIND_TRUNG_TAM;
	for (int i = 0; i < LS_CONTACTS; i++) {
		x->col[i] = -1;
		for (size_t k = 0; k < n && x->col[i] < 0; k++)
			if (*u[k].contact[i])
				x->col[i] = (int)ncols++;
	}
	return ncols;
}

static void
intro(struct rb *b, struct rp_section *s, size_t n)
{
	char day[TS_TIME_SIZE];
	int64_t due = 0;
	if (!ts_time_parse(b->t.campaign.due_at, &due))
		due = 0;
	ts_time_vn_date(due, day);
	rp_body(b->doc, s, 0,
		n ? rp_printf(b->doc,
			      "Các đơn vị dưới đây chưa nộp bản tự đánh giá "
			      "(chưa bắt đầu, bản nháp hoặc bị trả lại). "
			      "Hạn nộp: %s.",
			      day)
		  : rp_printf(b->doc,
			      "Tất cả các đơn vị đã nộp bản tự đánh giá. Hạn "
			      "nộp: %s.",
			      day));
}

static void
title(struct rb *b)
{
	struct rp_doc *d = b->doc;
	ls_header(b);
	rp_subject_add(d, "Đơn vị chưa nộp bản tự đánh giá");
	rp_subject_add(d, b->t.campaign.title);
	d->title = rp_printf(d, "Đơn vị chưa nộp - %s", b->t.unit.name);
}

static enum ts_err
table(struct rb *b, struct rp_section *s, const struct ls_unit *u, size_t n)
{
	struct chase x = { 0 };
	struct rp_table *t = rp_table_add(b->doc, s, contact_columns(u, n, &x),
					  NULL);
	if (t == NULL)
		return TS_ENOMEM;
	/* No caption: the title says it ("Đơn vị chưa nộp bản tự đánh
	 * giá"). */
	head(b, t, &x);
	struct ls_rows w = { on_unit, on_total, &x };
	enum ts_err e = ls_rows_grouped(b, t, u, n, &w);
	ls_fit_widths(b, t, 2);
	return e;
}

enum ts_err
rb_chase(struct rb *b)
{
	struct rp_section *s = rp_section0(b->doc);
	s->landscape = true;
	s->sheet_name = "Chưa nộp";
	struct ls_unit *u = NULL;
	size_t n = 0;
	/* None to chase: all have submitted (an office with no unit taking
	 * part is refused before this, rb_refusal). */
	enum ts_err e = ls_units_load(b, true, &u, &n);
	if (e != TS_OK)
		return e;
	title(b);
	intro(b, s, n);
	/* With every unit submitted the sentence says so: an empty table
	 * under it ("Tổng cộng: 0 đơn vị") is a blank form, not a list. */
	if (n)
		e = table(b, s, u, n);
	const char *deflt[] = { "- Như trên;", "- Lưu: VT." };
	rb_closing(b, deflt, 2);
	rb_filename(b, "chua-nop");
	return e;
}
