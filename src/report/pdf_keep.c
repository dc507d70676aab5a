/*
 * Layouts kept per thread while a document (or a batch of them) is
 * written, and given again for the same text: a table lays each cell out
 * to find the columns' least widths, to size its row, to centre it and to
 * draw it; a paragraph is measured for the closing block and drawn; and
 * the rubric's texts, the headings and the NĐ 30 header come back in
 * every school's report of a batch. Shaping and line breaking were most
 * of a report's cost. The key is everything a layout is made from
 * (pdf_text_make, pdf_para_make: text, runs and their styles, size,
 * width, alignment, indent; the font map and the context's settings are
 * the same for the whole document or batch), so a kept layout is the very
 * one laying it out again would give. Nobody changes a layout once made.
 */
#include "pdf_int.h"

#include <string.h>

#include "fontmap.h"
#include "outfile.h"

/* Layouts kept at most (a few KB each); past it the cache starts again,
 * so a national listing's rows cannot grow it. */
#define KEEP_MAX 4096

static _Thread_local GHashTable *kept; /* GBytes → PangoLayout */
static _Thread_local int users;	       /* documents and batches open */

void
pdf_keep_open(void)
{
	if (users++ == 0)
		kept = g_hash_table_new_full(g_bytes_hash, g_bytes_equal,
					     (GDestroyNotify)g_bytes_unref,
					     g_object_unref);
}

void
pdf_keep_close(void)
{
	if (--users == 0) {
		g_hash_table_destroy(kept);
		kept = NULL;
	}
}

/* What a layout's size depends on, besides its text (new_layout,
 * pdf_text, pdf_para_layout); zeroed whole so padding hashes alike. */
struct shape {
	int kind; /* 0: pdf_text, 1: pdf_para_layout */
	unsigned style;
	int align;
	double size, width, indent;
};

static GBytes *
key_new(const struct shape *s, const struct rp_para *para, const char *text)
{
	GByteArray *k = g_byte_array_sized_new(sizeof(*s) + 64);
	g_byte_array_append(k, (const guint8 *)s, sizeof(*s));
	for (size_t i = 0; para != NULL && i < para->nruns; i++) {
		const char *t = para->runs[i].text ? para->runs[i].text : "";
		g_byte_array_append(k, (const guint8 *)&para->runs[i].style,
				    sizeof(para->runs[i].style));
		g_byte_array_append(k, (const guint8 *)t, strlen(t) + 1);
	}
	if (text != NULL)
		g_byte_array_append(k, (const guint8 *)text, strlen(text) + 1);
	return g_byte_array_free_to_bytes(k);
}

/* The kept layout for key with a reference for the caller (key then
 * freed), or NULL (key still the caller's). */
static PangoLayout *
lookup(GBytes *key)
{
	PangoLayout *l = g_hash_table_lookup(kept, key);
	if (l == NULL)
		return NULL;
	g_bytes_unref(key);
	return g_object_ref(l);
}

/* Lays l out now (so what is kept is the finished layout) and keeps it
 * under key; returns l. */
static PangoLayout *
keep(GBytes *key, PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	if (g_hash_table_size(kept) >= KEEP_MAX)
		g_hash_table_remove_all(kept);
	g_hash_table_insert(kept, key, g_object_ref(l));
	return l;
}

PangoLayout *
pdf_text(struct pdf *p, const char *text, unsigned style, double size,
	 double width, enum rp_align align)
{
	struct shape s;
	memset(&s, 0, sizeof(s));
	s.style = style, s.align = (int)align, s.size = size, s.width = width;
	GBytes *key = kept ? key_new(&s, NULL, text ? text : "") : NULL;
	PangoLayout *l = key ? lookup(key) : NULL;
	if (l != NULL)
		return l;
	l = pdf_text_make(p, text, style, size, width, align);
	return key ? keep(key, l) : l;
}

PangoLayout *
pdf_para_layout(struct pdf *p, const struct rp_para *para, int default_size,
		unsigned style, double width)
{
	struct shape s;
	memset(&s, 0, sizeof(s));
	s.kind = 1, s.style = style, s.align = (int)para->align;
	s.size = para->size > 0 ? para->size : default_size;
	s.width = width, s.indent = para->indent_first_mm;
	GBytes *key = kept ? key_new(&s, para, NULL) : NULL;
	PangoLayout *l = key ? lookup(key) : NULL;
	if (l != NULL)
		return l;
	l = pdf_para_make(p, para, default_size, style, width);
	return key ? keep(key, l) : l;
}

void
rp_batch_begin(void)
{
	rp_fontmap_keep();
	pdf_keep_open();
	rp_out_batch(1);
}

void
rp_batch_end(void)
{
	rp_out_batch(0);
	pdf_keep_close();
	rp_fontmap_drop();
}

enum ts_err
rp_batch_sync(const char *dir, char *err, size_t errlen)
{
	return rp_out_sync(dir, err, errlen);
}
