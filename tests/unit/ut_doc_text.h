/*
 * A built document read as text lines, for the tests of the report
 * builders (the app layer, before any writer): every paragraph, heading,
 * table row ("| a | b |") and the signature, then the appendices, each
 * after "=== section". Header-only, static inline.
 */
#ifndef TS_UNIT_UT_DOC_TEXT_H
#define TS_UNIT_UT_DOC_TEXT_H

#include "ut.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/app/app.h"
#include "../../src/app/report.h"
#include "../../src/util/arena.h"
#include "../../src/util/buf.h"

static inline void
para_text(const struct rp_para *p, struct buf *out)
{
	for (size_t i = 0; i < p->nruns; i++)
		buf_puts(out, p->runs[i].text ? p->runs[i].text : "");
}

static inline void
table_text(const struct rp_table *t, struct buf *out)
{
	struct buf cell;
	buf_init(&cell, 0);
	for (size_t r = 0; r < t->nrows; r++) {
		buf_puts(out, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			buf_reset(&cell);
			if (!t->rows[r][c].covered)
				rp_cell_plain(&t->rows[r][c], &cell);
			buf_printf(out, " %s |", buf_str(&cell));
		}
		buf_putc(out, '\n');
	}
	buf_release(&cell);
}

static inline void
section_text(const struct rp_section *s, struct buf *out)
{
	if (s->title)
		buf_printf(out, "%s\n", s->title);
	if (s->subtitle)
		buf_printf(out, "%s\n", s->subtitle);
	for (size_t i = 0; i < s->nblocks; i++) {
		const struct rp_block *b = &s->blocks[i];
		if (b->kind == RP_B_TABLE) {
			table_text(b->table, out);
		} else if (b->para) {
			para_text(b->para, out);
			buf_putc(out, '\n');
		}
	}
}

/* The whole document as lines: header, title, body, signature, Nơi nhận,
 * then the appendices, each starting with "=== section". */
static inline void
doc_text(const struct rp_doc *d, struct buf *out)
{
	const struct rp_header *h = d->header;
	if (h) {
		buf_printf(out, "%s\n%s\n", h->parent_org ? h->parent_org : "",
			   h->org ? h->org : "");
		rp_number_line(h, out);
		buf_putc(out, '\n');
		rp_date_line(h, out);
		buf_putc(out, '\n');
	}
	buf_printf(out, "%s\n", d->kind ? d->kind : "");
	for (size_t i = 0; i < d->nsubject; i++)
		buf_printf(out, "%s\n", d->subject[i]);
	section_text(d->sections[0], out);
	if (d->sig && d->sig->authority)
		buf_printf(out, "[thẩm quyền] %s\n", d->sig->authority);
	if (d->sig)
		buf_printf(out, "[ký] %s|%s|%s\n", d->sig->title,
			   d->sig->note ? d->sig->note : "",
			   d->sig->name ? d->sig->name : "");
	for (size_t i = 0; i < d->nrecipients; i++)
		buf_printf(out, "[nhận] %s\n", d->recipients[i]);
	for (size_t s = 1; s < d->nsections; s++) {
		buf_puts(out, "=== section\n");
		section_text(d->sections[s], out);
	}
}

/* Builds document `code` of unit in campaign cid (NULL unit: the
 * actor's office document) as `who`; the lines go to out. Returns the
 * builder's status. Set UT_DUMP=1 to print the lines. */
static inline enum ts_err
ut_doc_build(struct app *app, const struct actor *who, const char *code,
	     int64_t cid, const char *unit, struct buf *out)
{
	struct arena *a = arena_new();
	struct rp_doc *doc = NULL;
	struct diags d;
	diags_init(&d);
	enum ts_err e = report_build(app, who, report_kind_find(code), cid,
				     unit, NULL, a, &doc, &d);
	buf_putc(out, '\n'); /* every line, the first too, follows a '\n' */
	if (e == TS_OK)
		doc_text(doc, out);
	if (getenv("UT_DUMP"))
		printf("---- %s %s\n%s", code, unit ? unit : "", buf_str(out));
	if (e != TS_OK && getenv("UT_DUMP"))
		printf("!! %s\n", d.n ? d.v[0].msg : ts_err_name(e));
	diags_release(&d);
	arena_free(a);
	return e;
}

static inline void
has_line(const struct buf *b, const char *line)
{
	struct buf want;
	buf_init(&want, 0);
	buf_printf(&want, "\n%s\n", line);
	if (strstr(buf_str(b), buf_str(&want)) == NULL)
		fail_msg("missing line: %s", line);
	buf_release(&want);
}

/* Every line of an array, each as has_line. */
static inline void
ut_has_lines(const struct buf *b, const char *const *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		has_line(b, lines[i]);
}
#define has_lines(b, lines)                                                    \
	ut_has_lines((b), (lines), sizeof(lines) / sizeof((lines)[0]))

/* Builds document code of unit in campaign cid as the operator of the
 * app fixture f (ut_app_db.h); the lines go to out. */
#define ut_doc_build_op(f, code, cid, unit, out)                               \
	ut_doc_build(&(f)->app, &(f)->op, (code), (cid), (unit), (out))

static inline void
has_text(const struct buf *b, const char *text)
{
	if (strstr(buf_str(b), text) == NULL)
		fail_msg("missing: %s", text);
}

static inline void
lacks(const struct buf *b, const char *text)
{
	if (strstr(buf_str(b), text) != NULL)
		fail_msg("unexpected: %s", text);
}

/* a's line comes before b's. */
static inline void
in_order(const struct buf *b, const char *first, const char *second)
{
	const char *p = strstr(buf_str(b), first);
	const char *q = strstr(buf_str(b), second);
	if (p == NULL || q == NULL || p >= q)
		fail_msg("not in order: %s / %s", first, second);
}

#endif
