/* An answer as a person reads it, for screens and reports. */
#include "answer_text.h"

static size_t
count_bits(uint64_t v)
{
	size_t n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

void
answer_text(const struct item *it, const struct answer *a, struct buf *out)
{
	char p[PTS_FMT_SIZE];
	if (!a->present) {
		buf_puts(out, "(chưa trả lời)");
		return;
	}
	switch (it->kind) {
	case ITEM_GATE: buf_puts(out, a->yes ? "Đạt" : "Không đạt"); break;
	case ITEM_YESNO: buf_puts(out, a->yes ? "Có" : "Không"); break;
	case ITEM_POINTS: buf_puts(out, pts_format_vn(a->num, p)); break;
	case ITEM_BAND:
		buf_printf(out, "%s%s", pts_format_vn(a->num, p),
			   it->input == INPUT_PERCENT ? "%" : "");
		break;
	case ITEM_CHOICE: buf_puts(out, it->options[a->choice].text); break;
	case ITEM_CHECKLIST:
		if (it->nbase_options > 0)
			buf_printf(out, "%s; ", it->base_options[a->base].text);
		buf_printf(out, "%zu/%zu phân hệ", count_bits(a->checked),
			   it->noptions);
		break;
	}
}

void
answer_missing(const struct item *it, const struct answer *a, struct buf *out)
{
	size_t start = out->len;
	for (size_t i = 0; i < it->noptions; i++)
		if (!(a->checked & ((uint64_t)1 << i)))
			buf_printf(out, "%s%s", out->len > start ? "; " : "",
				   it->options[i].text);
}

void
answer_explain(const struct item *it, const struct answer *a, struct buf *out)
{
	answer_text(it, a, out);
	if (it->kind != ITEM_CHECKLIST || !a->present)
		return;
	size_t missing = it->noptions - count_bits(a->checked);
	if (missing == 0)
		return;
	char p[PTS_FMT_SIZE];
	buf_puts(out, ". Còn thiếu: ");
	answer_missing(it, a, out);
	if (it->deduct > 0)
		buf_printf(out, " (−%s điểm)",
			   pts_format_vn(it->deduct * (pts_t)missing, p));
	buf_putc(out, '.');
}
