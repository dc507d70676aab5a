/* CSV writer: every table of the document, UTF-8 with a BOM so Excel
 * opens Vietnamese text correctly, CRLF rows (RFC 4180). A table's caption
 * comes first; an empty row separates tables. Spanned cells repeat nothing:
 * the anchor carries the text, covered cells stay empty. */
#include "report.h"

#include <stdio.h>
#include <string.h>

#include "outfile.h"

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

static void
field(struct buf *line, const struct rp_cell *c, struct buf *tmp)
{
	buf_reset(tmp);
	if (!c->covered)
		rp_cell_plain(c, tmp);
	const char *s = buf_str(tmp);
	bool formula = c->kind == RP_V_TEXT && looks_like_formula(s);
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		buf_putc(line, '"');
	if (formula)
		buf_putc(line, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(line, '"');
		buf_putc(line, *s);
	}
	if (quote)
		buf_putc(line, '"');
}

static void
table_csv(struct buf *out, const struct rp_table *t,
	struct buf *tmp)
{
	if (t->caption) {
		struct rp_cell cap = { .kind = RP_V_TEXT };
		struct rp_run run = { .text = t->caption };
		struct rp_para p = { .runs = &run, .nruns = 1 };
		struct rp_para *pp = &p;
		cap.paras = &pp;
		cap.nparas = 1;
		field(out, &cap, tmp);
		buf_puts(out, "\r\n");
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				buf_putc(out, ',');
			field(out, &t->rows[r][c], tmp);
		}
		buf_puts(out, "\r\n");
	}
}

enum ts_err
rp_write_csv(const struct rp_doc *d, const char *path, char *err,
	size_t errlen)
{
	if (d->oom) {
		rp_errf(err, errlen, "không đủ bộ nhớ để tạo báo cáo");
		return TS_ENOMEM;
	}
	struct buf out, tmp;
	buf_init(&out, BUF_DEFAULT_LIMIT);
	buf_init(&tmp, BUF_DEFAULT_LIMIT);
	buf_puts(&out, "\xEF\xBB\xBF");
	bool first = true;
	for (size_t s = 0; s < d->nsections; s++)
		for (size_t b = 0; b < d->sections[s]->nblocks; b++) {
			const struct rp_block *blk = &d->sections[s]->blocks[b];
			if (blk->kind != RP_B_TABLE || !blk->table->borders)
				continue;
			if (!first)
				buf_puts(&out, "\r\n");
			first = false;
			table_csv(&out, blk->table, &tmp);
		}
	buf_release(&tmp);
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
