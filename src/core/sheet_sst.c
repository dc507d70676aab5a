/*
 * xl/sharedStrings.xml: <sst><si>…</si>…</sst>. An <si> holds either one
 * <t> or rich text runs <r><rPr/><t>…</t></r>, whose texts are
 * concatenated; <rPh> phonetic runs (furigana) also hold <t> and are not
 * part of the text. Each string is made final (trim, NFC) once here, and
 * cells that use it share the pointer.
 */
#include <libxml/xmlreader.h>
#include <stdlib.h>

#include "sheet_int.h"

struct sst_state {
	struct xml x;
	struct sst *t;
	struct buf text;
	bool in_si;
	bool in_t;
	int in_rph; /* depth inside <rPh> */
};

static void
sst_push(struct sst_state *s)
{
	struct sheet_build *b = s->x.b;
	struct sst *t = s->t;
	if (t->n >= XLSX_MAX_STRINGS) {
		sb_err(b, TS_ELIMIT, 0,
		       "tệp có hơn %zu chuỗi văn bản dùng "
		       "chung; hãy chia nhỏ tệp",
		       XLSX_MAX_STRINGS);
		return;
	}
	/* Grow at powers of two. */
	if ((t->n & (t->n - 1)) == 0) {
		size_t cap = t->n ? t->n * 2 : 16;
		const char **v = realloc(t->v, cap * sizeof(*v));
		if (v == NULL) {
			sb_err(b, TS_ENOMEM, 0, "không đủ bộ nhớ để đọc tệp");
			return;
		}
		t->v = v;
	}
	const char *str = xml_cell_text(b, &s->text, true);
	/* A string with a problem is reported; keep indices aligned. */
	t->v[t->n++] = str != NULL ? str : sheet_empty;
	buf_reset(&s->text);
}

static void
sst_element(struct sst_state *s)
{
	struct xml *x = &s->x;
	bool empty = xml_empty(x);
	if (xml_is(x, "si")) {
		buf_reset(&s->text);
		s->in_si = !empty;
		s->in_t = false;
		s->in_rph = 0;
		if (empty)
			sst_push(s);
	} else if (xml_is(x, "rPh") && !empty) {
		s->in_rph++;
	} else if (xml_is(x, "t")) {
		s->in_t = !empty;
	}
}

static void
sst_end(struct sst_state *s)
{
	struct xml *x = &s->x;
	if (xml_is(x, "si") && s->in_si) {
		sst_push(s);
		s->in_si = false;
	} else if (xml_is(x, "rPh") && s->in_rph > 0) {
		s->in_rph--;
	} else if (xml_is(x, "t")) {
		s->in_t = false;
	}
}

void
sst_load(struct sheet_build *b, struct sst *t, const char *buf, size_t len,
	 const char *part)
{
	struct sst_state s = { .t = t };
	buf_init(&s.text, SHEET_CELL_BYTES + 1);
	if (!xml_open(&s.x, b, buf, len, part))
		return;
	while (!sb_stopped(b) && xml_next(&s.x) == 1) {
		int type = xml_type(&s.x);
		if (type == XML_READER_TYPE_ELEMENT)
			sst_element(&s);
		else if (type == XML_READER_TYPE_END_ELEMENT)
			sst_end(&s);
		else if (s.in_si && s.in_t && s.in_rph == 0 &&
			 xml_is_text(&s.x))
			buf_puts(&s.text, xml_text(&s.x));
	}
	xml_close(&s.x);
	buf_release(&s.text);
}

void
sst_release(struct sst *t)
{
	free(t->v);
	t->v = NULL;
	t->n = 0;
}
