/* Formatting shared by every writer, so DOCX, PDF, XLSX and CSV print the
 * same digits: Vietnamese decimal comma, NĐ 30 dates and numbers. */
#include "report.h"

#include "../core/shares.h"
#include "outfile.h"

#include <stdio.h>
#include <string.h>

static bool
word_gap(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

bool
rp_inner_hyphen(const char *s, size_t i, size_t n)
{
	if (s[i] != '-' || i == 0 || i + 1 >= n || word_gap(s[i - 1]) ||
	    word_gap(s[i + 1]))
		return false;
	size_t a = i, b = i;
	while (a > 0 && !word_gap(s[a - 1]))
		a--;
	while (b < n && !word_gap(s[b]))
		b++;
	return b - a <= RP_NOBREAK_WORD;
}

const char *
rp_value_format(const struct rp_cell *c, char *out)
{
	out[0] = '\0';
	switch (c->kind) {
	case RP_V_INT:
		snprintf(out, RP_VALUE_SIZE, "%lld", (long long)c->i);
		break;
	case RP_V_PTS: pts_format_vn(c->pts, out); break;
	case RP_V_PCT: pts_format_rate_vn(c->pct, out); break;
	case RP_V_EMPTY:
	case RP_V_TEXT: break;
	}
	return out;
}

void
rp_date_words(const struct rp_header *h, struct buf *out)
{
	buf_puts(out, "ngày ");
	if (h->day > 0)
		buf_printf(out, "%02d", h->day);
	else
		buf_puts(out, "….");
	buf_puts(out, " tháng ");
	/* NĐ 30: months 1 and 2 get a leading zero, the others do not. */
	if (h->month > 0)
		buf_printf(out, h->month <= 2 ? "%02d" : "%d", h->month);
	else
		buf_puts(out, "….");
	buf_puts(out, " năm ");
	if (h->year > 0)
		buf_printf(out, "%d", h->year);
	else
		buf_puts(out, "20…");
}

void
rp_date_line(const struct rp_header *h, struct buf *out)
{
	buf_printf(out, "%s, ", h->place && *h->place ? h->place : RP_BLANK);
	rp_date_words(h, out);
}

void
rp_number_line(const struct rp_header *h, struct buf *out)
{
	if (h->number && *h->number)
		buf_printf(out, "Số: %s", h->number);
	else
		buf_printf(out, "Số:      /%s",
			   h->symbol && *h->symbol ? h->symbol : "BC-……");
}

void
rp_cell_plain(const struct rp_cell *c, struct buf *out)
{
	char num[RP_VALUE_SIZE];
	if (c->kind != RP_V_TEXT) {
		buf_puts(out, rp_value_format(c, num));
		return;
	}
	for (size_t i = 0; i < c->nparas; i++) {
		if (i)
			buf_putc(out, '\n');
		for (size_t j = 0; j < c->paras[i]->nruns; j++)
			buf_puts(out, c->paras[i]->runs[j].text);
	}
}

static const struct {
	const char *ext, *mime;
} formats[] = {
	[RP_DOCX] = { "docx", "application/vnd.openxmlformats-officedocument."
			      "wordprocessingml.document" },
	[RP_PDF] = { "pdf", "application/pdf" },
	[RP_XLSX] = { "xlsx", "application/vnd.openxmlformats-officedocument."
			      "spreadsheetml.sheet" },
	[RP_CSV] = { "csv", "text/csv; charset=utf-8" },
};

bool
rp_format_parse(const char *s, enum rp_format *out)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (s && strcmp(s, formats[i].ext) == 0) {
			*out = (enum rp_format)i;
			return true;
		}
	return false;
}

const char *
rp_format_ext(enum rp_format f)
{
	return formats[f].ext;
}

const char *
rp_format_mime(enum rp_format f)
{
	return formats[f].mime;
}

enum ts_err
rp_write(const struct rp_doc *d, enum rp_format f, const char *path, char *err,
	 size_t errlen)
{
	if (ts_cancelled(d->cancel)) {
		rp_errf(err, errlen, "đã dừng vì không còn ai chờ tệp này");
		return TS_ECANCELED;
	}
	switch (f) {
	case RP_DOCX: return rp_write_docx(d, path, err, errlen);
	case RP_PDF: return rp_write_pdf(d, path, err, errlen);
	case RP_XLSX: return rp_write_xlsx(d, path, err, errlen);
	case RP_CSV: return rp_write_csv(d, path, err, errlen);
	}
	return TS_EINVAL;
}

bool
rp_is_link(const char *w, size_t n)
{
	if (n >= 4 && strncmp(w, "www.", 4) == 0)
		return true;
	for (size_t i = 0; i + 3 <= n; i++)
		if (memcmp(w + i, "://", 3) == 0)
			return true;
	return false;
}
