/* `truongso rubric show`: the rubric as the official six-column table
 * (STT | Tiêu chí | Điểm tối đa | Điểm thành phần | Mức độ | Ghi chú, minh
 * chứng). */
#include <stdio.h>
#include <string.h>

#include "sheet.h"
#include "table.h"

static const struct table_col RUBRIC_COLS[] = {
	{ "STT", 6, ALIGN_LEFT },
	{ "Tiêu chí", 48, ALIGN_LEFT },
	{ "Điểm tối đa", 10, ALIGN_RIGHT },
	{ "Điểm thành phần", 10, ALIGN_RIGHT },
	{ "Mức độ", 22, ALIGN_LEFT },
	{ "Ghi chú, minh chứng", 24, ALIGN_LEFT },
};

void
sheet_levels_words(const struct level_band *v, size_t n, pts_t top,
		   const char *prefix, struct buf *out)
{
	char w[128];
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "%s%s %d: %s", i ? "; " : "", prefix,
			   v[i].level, range_words(&v[i].range, top, w));
}

static void
band_rule(const struct item *it, struct buf *b)
{
	char a[PTS_FMT_SIZE], w[128];
	bool pct = it->input == INPUT_PERCENT;
	for (size_t i = 0; i < it->nbands; i++)
		buf_printf(b, "%s%s%s: %s đ", i ? "; " : "",
			   range_words(&it->bands[i].range,
				       pct ? 100 * PTS_ONE : -1, w),
			   pct ? "%" : "",
			   pts_format_vn(it->bands[i].points, a));
}

static void
options_rule(const struct option *o, size_t n, struct buf *b)
{
	char a[PTS_FMT_SIZE];
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s%s: %s đ", i ? "; " : "", o[i].text,
			   pts_format_vn(o[i].points, a));
}

static void
checklist_rule(const struct item *it, struct buf *b)
{
	char a[PTS_FMT_SIZE];
	options_rule(it->base_options, it->nbase_options, b);
	for (size_t i = 0; i < it->noptions; i++)
		buf_printf(b, "%s%s",
			   i ? ", " : "; phân hệ: ", it->options[i].text);
	if (it->deduct > 0)
		buf_printf(b, "; thiếu 1 phân hệ trừ %s điểm",
			   pts_format_vn(it->deduct, a));
}

static void
item_rule(const struct item *it, struct buf *b)
{
	switch (it->kind) {
	case ITEM_BAND: band_rule(it, b); break;
	case ITEM_CHOICE: options_rule(it->options, it->noptions, b); break;
	case ITEM_CHECKLIST: checklist_rule(it, b); break;
	default: break;
	}
}

/* The note column: the evidence hint, whether the rule is verified,
 * with --sources where it comes from and the maintainers' note. */
static void
item_note(const struct item *it, bool sources, struct buf *note)
{
	if (it->evidence.hint != NULL)
		buf_puts(note, it->evidence.hint);
	/* Where a rule comes from is for maintainers (--sources); users
	 * only learn that it is not verified. */
	if (!it->verified)
		buf_printf(note, "%s(*) %s", note->len ? ". " : "",
			   sources && it->source ? it->source
						 : "chưa xác minh");
	if (sources && it->note)
		buf_printf(note, "%sGhi chú: %s", note->len ? ". " : "",
			   it->note);
}

static void
item_row(struct table *t, const struct item *it, bool merged_into, bool sources)
{
	char mx[PTS_FMT_SIZE + 2], tmp[PTS_FMT_SIZE];
	struct buf text, note;
	buf_init(&text, 0);
	buf_init(&note, 0);
	struct buf rule;
	buf_init(&rule, 0);
	item_rule(it, &rule);
	buf_printf(&text, "- %s", it->text);
	if (rule.len > 0)
		buf_printf(&text, " (%s)", buf_str(&rule));
	buf_release(&rule);
	item_note(it, sources, &note);
	snprintf(mx, sizeof(mx), "%s",
		 it->kind == ITEM_GATE ? "BB" : pts_format_vn(it->max, tmp));
	const char *cells[] = {
		"", buf_str(&text), "", mx, "", buf_str(&note)
	};
	const char *head[] = { "", it->heading, "", "", "", "không chấm điểm" };
	if (!merged_into && it->heading != NULL)
		table_row(t, head);
	if (!merged_into)
		table_row(t, cells);
	buf_release(&text);
	buf_release(&note);
}

static void
criterion_rows(struct table *t, const struct criterion *c, bool sources)
{
	char stt[80], mx[PTS_FMT_SIZE];
	struct buf lv, note;
	buf_init(&lv, 0);
	buf_init(&note, 0);
	snprintf(stt, sizeof(stt), "%s.", c->id);
	sheet_levels_words(c->levels, c->nlevels, c->max, "Mức", &lv);
	if (c->nlevels > 0 && !c->levels_verified)
		buf_puts(&lv, " (suy luận)");
	if (c->evidence.hint != NULL)
		buf_puts(&note, c->evidence.hint);
	if (c->cap)
		buf_printf(&note, "%sTối đa phần %s: %s điểm",
			   note.len ? ". " : "", c->id,
			   pts_format_vn(c->max, mx));
	bool merged = c->nitems == 1 && strcmp(c->items[0].id, c->id) == 0;
	if (merged && c->items[0].evidence.hint && !c->evidence.hint)
		buf_puts(&note, c->items[0].evidence.hint);
	const char *cells[] = {
		stt,
		c->title,
		c->max == 0 ? "Điều kiện bắt buộc" : pts_format_vn(c->max, mx),
		"",
		buf_str(&lv),
		buf_str(&note),
	};
	table_row(t, cells);
	buf_release(&lv);
	buf_release(&note);
	if (c->max == 0 && c->nitems == 1)
		return;
	for (size_t i = 0; i < c->nitems; i++)
		item_row(t, &c->items[i], merged, sources);
}

static void
header(const struct rubric *r, struct buf *out)
{
	buf_printf(out, "%s\n", r->title);
	buf_printf(out, "Mã: %s, phiên bản %d\nCăn cứ: %s\n", r->id, r->version,
		   r->source.decision);
	buf_puts(out, "Cấp học:");
	for (unsigned l = LEVEL_MN; l <= LEVEL_GDTX; l <<= 1)
		if (r->school_levels & l)
			buf_printf(out, " %s", school_level_code(l));
	buf_puts(out, "\n");
}

static void
footer(const struct rubric *r, struct buf *out, bool sources)
{
	char a[PTS_FMT_SIZE];
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group *gr = &r->groups[g];
		if (gr->nlevels == 0)
			continue;
		buf_printf(out, "Nhóm %s (tối đa %s điểm): ", gr->id,
			   pts_format_vn(gr->max, a));
		sheet_levels_words(gr->levels, gr->nlevels, gr->max, "Mức độ",
				   out);
		buf_puts(out, gr->levels_verified ? ".\n" : " (suy luận).\n");
	}
	if (r->ngrades > 0) {
		buf_printf(out, "Xếp loại theo tổng điểm (tối đa %s): ",
			   pts_format_vn(r->total_max, a));
		char w[128];
		for (size_t i = r->ngrades; i-- > 0;)
			buf_printf(out, "%s: %s%s", r->grades[i].name,
				   range_words(&r->grades[i].range,
					       r->total_max, w),
				   i ? "; " : ".\n");
	}
	if (sources && r->source.notes != NULL)
		buf_printf(out, "Ghi chú nguồn: %s\n", r->source.notes);
}

void
sheet_rubric_text(const struct rubric *r, bool sources, struct buf *out)
{
	struct table t;
	char stt[80], mx[PTS_FMT_SIZE];
	table_init(&t, RUBRIC_COLS, sizeof(RUBRIC_COLS) / sizeof(*RUBRIC_COLS));
	header(r, out);
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group *gr = &r->groups[g];
		snprintf(stt, sizeof(stt), "%s.", gr->id);
		const char *cells[] = {
			stt, gr->title, pts_format_vn(gr->max, mx), "", "", ""
		};
		if (t.nrows > 0)
			table_rule(&t);
		table_row(&t, cells);
		table_rule(&t);
		for (size_t c = 0; c < gr->ncriteria; c++)
			criterion_rows(&t, &gr->criteria[c], sources);
	}
	table_render(&t, out);
	table_release(&t);
	footer(r, out, sources);
}
