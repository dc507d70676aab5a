/* Building the report model (see report.h). Allocation failures set
 * doc->oom instead of failing each call, so builders stay linear. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

static struct rp_para dummy_para;

/* Grows an arena array to hold n + 1 elements of size sz. */
static bool
grow(struct rp_doc *d, void **arr, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 4;
	void *p = arena_calloc(d->arena, ncap, sz);
	if (!p) {
		d->oom = true;
		return false;
	}
	if (n)
		memcpy(p, *arr, n * sz);
	*arr = p;
	*cap = ncap;
	return true;
}

const char *
rp_strdup(struct rp_doc *d, const char *s)
{
	if (!s)
		return NULL;
	char *p = arena_strdup(d->arena, s);
	if (!p)
		d->oom = true;
	return p ? p : "";
}

const char *
rp_printf(struct rp_doc *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return "";
	char *p = arena_alloc(d->arena, (size_t)n + 1);
	if (!p) {
		d->oom = true;
		return "";
	}
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

struct rp_section *
rp_section_add(struct rp_doc *d, bool landscape)
{
	struct rp_section *s = arena_alloc(d->arena, sizeof *s);
	if (!s || !grow(d, (void **)&d->sections, &d->capsections, d->nsections,
			sizeof *d->sections)) {
		d->oom = true;
		return d->nsections ? d->sections[0] : NULL;
	}
	s->landscape = landscape;
	d->sections[d->nsections++] = s;
	return s;
}

struct rp_doc *
rp_doc_new(struct arena *a)
{
	struct rp_doc *d = arena_alloc(a, sizeof *d);
	if (!d)
		return NULL;
	d->arena = a;
	if (!rp_section_add(d, false))
		return NULL;
	return d;
}

struct rp_section *
rp_section0(struct rp_doc *d)
{
	return d->sections[0];
}

static void
add_line(struct rp_doc *d, const char ***arr, size_t *n, const char *line)
{
	/* The line arrays have no capacity field: grow by exact copy. */
	const char **p = arena_calloc(d->arena, *n + 1, sizeof *p);
	if (!p) {
		d->oom = true;
		return;
	}
	if (*n)
		memcpy(p, *arr, *n * sizeof *p);
	p[(*n)++] = rp_strdup(d, line);
	*arr = p;
}

void
rp_subject_add(struct rp_doc *d, const char *line)
{
	add_line(d, &d->subject, &d->nsubject, line);
}

void
rp_to_add(struct rp_doc *d, const char *line)
{
	add_line(d, &d->recipients_to, &d->nto, line);
}

void
rp_recipient_add(struct rp_doc *d, const char *line)
{
	add_line(d, &d->recipients, &d->nrecipients, line);
}

struct rp_para *
rp_para_new(struct rp_doc *d, enum rp_align align)
{
	struct rp_para *p = arena_alloc(d->arena, sizeof *p);
	if (!p) {
		d->oom = true;
		return &dummy_para;
	}
	p->align = align;
	return p;
}

void
rp_run_add(struct rp_doc *d, struct rp_para *p, unsigned style,
	   const char *text)
{
	if (p == &dummy_para || !text)
		return;
	if (!grow(d, (void **)&p->runs, &p->caprun, p->nruns, sizeof *p->runs))
		return;
	p->runs[p->nruns].text = rp_strdup(d, text);
	p->runs[p->nruns].style = style;
	p->nruns++;
}

static struct rp_block *
block_add(struct rp_doc *d, struct rp_section *s, enum rp_block_kind kind)
{
	if (!s || !grow(d, (void **)&s->blocks, &s->capblocks, s->nblocks,
			sizeof *s->blocks))
		return NULL;
	struct rp_block *b = &s->blocks[s->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

struct rp_para *
rp_line(struct rp_doc *d, struct rp_section *s, enum rp_align align,
	unsigned style, const char *text)
{
	struct rp_block *b = block_add(d, s, RP_B_PARA);
	struct rp_para *p = rp_para_new(d, align);
	if (b)
		b->para = p;
	rp_run_add(d, p, style, text);
	return p;
}

struct rp_para *
rp_body(struct rp_doc *d, struct rp_section *s, unsigned style,
	const char *text)
{
	struct rp_para *p = rp_line(d, s, RP_JUSTIFY, style, text);
	if (p != &dummy_para) {
		p->indent_first_mm = 10;
		p->space_after_pt = 6;
	}
	return p;
}

struct rp_para *
rp_heading(struct rp_doc *d, struct rp_section *s, int level, const char *text)
{
	struct rp_block *b = block_add(d, s, RP_B_HEADING);
	struct rp_para *p = rp_para_new(d, RP_JUSTIFY);
	if (b) {
		b->level = level < 1 ? 1 : level > 3 ? 3 : level;
		b->para = p;
	}
	if (p != &dummy_para) {
		p->indent_first_mm = 10;
		p->space_before_pt = 6;
		p->space_after_pt = 6;
		p->keep_with_next = true;
	}
	rp_run_add(d, p, level >= 3 ? RP_BOLD | RP_ITALIC : RP_BOLD, text);
	return p;
}

struct rp_chart *
rp_chart_add(struct rp_doc *d, struct rp_section *s, enum rp_chart_kind kind,
	     size_t ncats, size_t nseries)
{
	struct rp_chart *c = arena_alloc(d->arena, sizeof *c);
	struct rp_block *b = block_add(d, s, RP_B_CHART);
	if (!c || !b || !ncats || !nseries) {
		d->oom = d->oom || !c || !b;
		if (b)
			s->nblocks--;
		return NULL;
	}
	c->kind = kind;
	c->ncats = ncats;
	c->nseries = nseries;
	c->cats = arena_calloc(d->arena, ncats, sizeof *c->cats);
	c->series = arena_calloc(d->arena, nseries, sizeof *c->series);
	c->values = arena_calloc(d->arena, ncats * nseries, sizeof *c->values);
	c->tones = arena_calloc(d->arena, nseries, sizeof *c->tones);
	if (!c->cats || !c->series || !c->values || !c->tones) {
		d->oom = true;
		s->nblocks--;
		return NULL;
	}
	c->width_mm = 160;
	c->height_mm = 80;
	b->chart = c;
	return c;
}

void
rp_chart_levels(struct rp_chart *c)
{
	for (size_t i = 0; c && i < c->nseries; i++)
		c->tones[i] = i == 0		    ? RP_TONE_LOW
			      : i + 1 == c->nseries ? RP_TONE_HIGH
						    : RP_TONE_MID;
}

/* A word in Title case: an upper-case first letter, then lower case. */
static bool
title_case(const char *w, size_t n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w,
					      (utf8proc_ssize_t)n, &c);
	if (k <= 0 || !utf8proc_isupper(c))
		return false;
	bool lower = false;
	for (size_t i = (size_t)k; i < n; i += (size_t)k) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)w + i,
				     (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0 || utf8proc_isupper(c))
			return false;
		lower = lower || utf8proc_islower(c);
	}
	return lower;
}

#define NAME_WORDS 32

static size_t
name_words(const char *s, const char **w, size_t *len)
{
	size_t n = 0;
	while (*s && n < NAME_WORDS) {
		s += strspn(s, " ");
		size_t k = strcspn(s, " ");
		if (k == 0)
			break;
		w[n] = s;
		len[n++] = k;
		s += k;
	}
	return n;
}

static bool
word_is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && memcmp(w, s, n) == 0;
}

/* Words of a kind of place ending at word i (1 or 2), else 0. */
static int
place_kind(const char **w, const size_t *len, int i)
{
	static const char *const one[] = { "quận", "huyện", "phường", "xã",
					   "tỉnh", "QUẬN",  "HUYỆN",  "PHƯỜNG",
					   "XÃ",   "TỈNH",  "TP",     "TP." };
	static const char *const two[][2] = {
		{ "thành", "phố" }, { "thị", "xã" }, { "thị", "trấn" },
		{ "THÀNH", "PHỐ" }, { "THỊ", "XÃ" }, { "THỊ", "TRẤN" }
	};
	for (size_t k = 0; i >= 1 && k < sizeof two / sizeof two[0]; k++)
		if (word_is(w[i - 1], len[i - 1], two[k][0]) &&
		    word_is(w[i], len[i], two[k][1]))
			return 2;
	for (size_t k = 0; k < sizeof one / sizeof one[0]; k++)
		if (word_is(w[i], len[i], one[k]))
			return 1;
	return 0;
}

int
rp_name_start(const char *name)
{
	const char *w[NAME_WORDS];
	size_t len[NAME_WORDS];
	int n = name ? (int)name_words(name, w, len) : 0, t = n;
	while (t > 1 && title_case(w[t - 1], len[t - 1]))
		t--;
	if (t < n) {
		int k = t >= 2 ? place_kind(w, len, t - 1) : 0;
		return t - k > 0 ? t - k : 0;
	}
	/* Upper case: from the last kind of place, if any. */
	for (int i = n - 2; i >= 1; i--) {
		int k = place_kind(w, len, i);
		if (k)
			return i - k + 1 > 0 ? i - k + 1 : 0;
	}
	return 0;
}

void
rp_name_split(const char *name, int k, char *head, char *tail, size_t n)
{
	const char *w[NAME_WORDS];
	size_t len[NAME_WORDS];
	size_t nw = name ? name_words(name, w, len) : 0;
	head[0] = tail[0] = '\0';
	if (k <= 0 || (size_t)k >= nw) {
		snprintf(head, n, "%s", name ? name : "");
		return;
	}
	snprintf(head, n, "%.*s", (int)(w[k - 1] + len[k - 1] - w[0]), w[0]);
	snprintf(tail, n, "%s", w[k]);
}
