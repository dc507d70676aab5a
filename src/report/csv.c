/* CSV writer: every table of the document, UTF-8 with a BOM so Excel
 * opens Vietnamese text correctly, CRLF rows (RFC 4180 quoting). A
 * table's caption comes first; an empty row separates tables. Spanned
 * cells repeat nothing: the anchor carries the text, covered cells stay
 * empty.
 *
 * Written for Excel opening the file by double-click (docs/reports.md,
 * CSV): the field separator and decimal mark of the dialect (';' and ','
 * for Vietnamese regional settings by default), numbers bare so Excel
 * reads them as numbers, and text Excel would turn into a number or a
 * date ("1.1", "01", "1/2") written as the formula ="1.1", which Excel
 * shows as that text. */
#include "report.h"

#include <stdio.h>
#include <string.h>

#include "outfile.h"

bool
rp_csv_dialect_parse(const char *s, enum rp_csv_dialect *out)
{
	if (s && strcmp(s, "vn") == 0)
		*out = RP_CSV_VN;
	else if (s && strcmp(s, "intl") == 0)
		*out = RP_CSV_INTL;
	else
		return false;
	return true;
}

/* Text that Excel would run as a formula gets a leading apostrophe (CSV
 * injection). "- item" list text is not a formula and stays as it is. */
static bool
looks_like_formula(const char *s)
{
	if (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' ||
	    s[0] == '\r')
		return true;
	return s[0] == '-' && s[1] != ' ' && s[1] != '\0';
}

/* Text Excel would read as a number, a date, a time or a percentage
 * under some regional setting: digits with . , / : - + % e E and spaces
 * only. A plain integer of up to 9 digits without a leading zero reads
 * back the same as a number, so it may become one. */
static bool
looks_like_number(const char *s)
{
	bool digit = false, plain = s[0] != '0' || s[1] == '\0';
	size_t n = 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (c >= '0' && c <= '9')
			digit = true;
		else if (strchr(".,/:-+%eE ", c))
			plain = false;
		else
			return false;
	}
	return digit && !(plain && n <= 9);
}

/* The dialect's decimal mark in a number cell ("12,5" → "12.5"). */
static void
number_text(const struct rp_cell *c, enum rp_csv_dialect dl, struct buf *out)
{
	size_t at = out->len;
	rp_cell_plain(c, out);
	for (size_t i = at; dl == RP_CSV_INTL && i < out->len; i++)
		if (out->p[i] == ',')
			out->p[i] = '.';
}

/* The cell's text into tmp: empty for a covered cell, the dialect's
 * decimal mark for a number. */
static void
cell_text(const struct rp_cell *c, enum rp_csv_dialect dl, struct buf *tmp)
{
	buf_reset(tmp);
	if (c->covered)
		return;
	if (c->kind != RP_V_TEXT && c->kind != RP_V_EMPTY)
		number_text(c, dl, tmp);
	else if (c->csv != NULL)
		buf_puts(tmp, c->csv);
	else
		rp_cell_plain(c, tmp);
}

/* s with every double quote doubled (RFC 4180). */
static void
put_escaped(struct buf *line, const char *s)
{
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(line, '"');
		buf_putc(line, *s);
	}
}

static void
field(struct buf *line, const struct rp_cell *c, enum rp_csv_dialect dl,
      struct buf *tmp)
{
	cell_text(c, dl, tmp);
	const char *s = buf_str(tmp);
	bool text = c->kind == RP_V_TEXT && !c->covered;
	bool formula = text && looks_like_formula(s);
	bool keep = text && !formula && looks_like_number(s);
	bool quote = formula || keep ||
		     strpbrk(s, dl == RP_CSV_INTL ? ",\"\r\n" : ";\"\r\n") !=
			     NULL;
	if (quote)
		buf_putc(line, '"');
	if (formula)
		buf_putc(line, '\'');
	if (keep)
		buf_puts(line, "=\"\"");
	put_escaped(line, s);
	if (keep)
		buf_puts(line, "\"\"");
	if (quote)
		buf_putc(line, '"');
}

static void
table_csv(struct buf *out, const struct rp_table *t, enum rp_csv_dialect dl,
	  struct buf *tmp)
{
	char sep = dl == RP_CSV_INTL ? ',' : ';';
	if (t->caption) {
		struct rp_cell cap = { .kind = RP_V_TEXT };
		struct rp_run run = { .text = t->caption };
		struct rp_para p = { .runs = &run, .nruns = 1 };
		struct rp_para *pp = &p;
		cap.paras = &pp;
		cap.nparas = 1;
		field(out, &cap, dl, tmp);
		buf_puts(out, "\r\n");
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				buf_putc(out, sep);
			field(out, &t->rows[r][c], dl, tmp);
		}
		buf_puts(out, "\r\n");
	}
}

/* The whole CSV text: a BOM, then every bordered table, a blank line
 * between two (layout tables are not data). */
static void
doc_csv(struct buf *out, const struct rp_doc *d)
{
	struct buf tmp;
	buf_init(&tmp, BUF_DEFAULT_LIMIT);
	buf_puts(out, "\xEF\xBB\xBF");
	bool first = true;
	for (size_t s = 0; s < d->nsections; s++)
		for (size_t b = 0; b < d->sections[s]->nblocks; b++) {
			const struct rp_block *blk = &d->sections[s]->blocks[b];
			if (blk->kind != RP_B_TABLE || !blk->table->borders)
				continue;
			if (!first)
				buf_puts(out, "\r\n");
			first = false;
			table_csv(out, blk->table, d->csv_dialect, &tmp);
		}
	buf_release(&tmp);
}

enum ts_err
rp_write_csv(const struct rp_doc *d, const char *path, char *err, size_t errlen)
{
	if (d->oom) {
		rp_errf(err, errlen, "không đủ bộ nhớ để tạo báo cáo");
		return TS_ENOMEM;
	}
	struct buf out;
	buf_init(&out, BUF_DEFAULT_LIMIT);
	doc_csv(&out, d);
	if (out.err) {
		buf_release(&out);
		rp_errf(err, errlen, "báo cáo quá lớn để xuất CSV");
		return TS_ELIMIT;
	}
	struct rp_out o;
	enum ts_err e = rp_out_begin(&o, path, err, errlen);
	if (e) {
		buf_release(&out);
		return e;
	}
	FILE *f = fopen(o.tmp, "wb");
	bool ok = f && fwrite(out.p, 1, out.len, f) == out.len;
	ok = f && fclose(f) == 0 && ok;
	buf_release(&out);
	if (!ok) {
		rp_errf(err, errlen, "không ghi được tệp %s", path);
		rp_out_abort(&o);
		return TS_EIO;
	}
	return rp_out_commit(&o, err, errlen);
}
