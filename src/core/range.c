#include "range.h"

#include <string.h>

static bool
parse_bound(const char *s, size_t n, pts_t *v, bool *inf)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	*inf = false;
	if (n == 3 && memcmp(s, "inf", 3) == 0) {
		*inf = true;
		return true;
	}
	return pts_parse(s, n, v);
}

bool
range_parse(const char *s, struct range *r, const char **why)
{
	size_t n = strlen(s);
	memset(r, 0, sizeof(*r));
	if (n < 5 || (s[0] != '[' && s[0] != '(') ||
	    (s[n - 1] != ']' && s[n - 1] != ')')) {
		*why = "khoảng phải có dạng [a,b], [a,b), (a,b] hoặc [a,inf)";
		return false;
	}
	const char *comma = memchr(s, ',', n);
	if (comma == NULL ||
	    memchr(comma + 1, ',', (size_t)(s + n - comma - 1))) {
		*why = "khoảng phải có đúng hai đầu mút, cách nhau bởi dấu phẩy";
		return false;
	}
	bool lo_inf, hi_inf;
	if (!parse_bound(s + 1, (size_t)(comma - s - 1), &r->lo, &lo_inf) ||
	    lo_inf ||
	    !parse_bound(comma + 1, (size_t)(s + n - 1 - comma - 1), &r->hi,
			 &hi_inf)) {
		*why = "đầu mút của khoảng phải là số (tối đa 2 chữ số thập phân) hoặc inf ở đầu trên";
		return false;
	}
	r->lo_open = s[0] == '(';
	r->hi_open = s[n - 1] == ')';
	r->hi_inf = hi_inf;
	if (hi_inf && !r->hi_open) {
		*why = "đầu trên inf phải viết với dấu ngoặc tròn: [a,inf)";
		return false;
	}
	if (!hi_inf &&
	    (r->hi < r->lo || (r->hi == r->lo && (r->lo_open || r->hi_open)))) {
		*why = "khoảng rỗng: đầu dưới lớn hơn hoặc bằng đầu trên";
		return false;
	}
	return true;
}

bool
range_contains(const struct range *r, pts_t v)
{
	if (v < r->lo || (r->lo_open && v == r->lo))
		return false;
	if (r->hi_inf)
		return true;
	return v < r->hi || (!r->hi_open && v == r->hi);
}

const char *
range_format(const struct range *r, char *out)
{
	char lo[PTS_FMT_SIZE], hi[PTS_FMT_SIZE];
	size_t o = 0;
	out[o++] = r->lo_open ? '(' : '[';
	pts_format(r->lo, lo);
	for (const char *p = lo; *p; p++)
		out[o++] = *p;
	out[o++] = ',';
	const char *h = r->hi_inf ? "inf" : pts_format(r->hi, hi);
	for (const char *p = h; *p; p++)
		out[o++] = *p;
	out[o++] = r->hi_open ? ')' : ']';
	out[o] = '\0';
	return out;
}

enum range_join
range_join(const struct range *a, const struct range *b)
{
	if (a->hi_inf || b->lo < a->lo)
		return a->hi_inf ? RANGE_OVERLAP : RANGE_DISORDER;
	if (b->lo > a->hi)
		return RANGE_GAP;
	if (b->lo < a->hi)
		return RANGE_OVERLAP;
	/* Same edge: exactly one side must include it. */
	if (!a->hi_open && !b->lo_open)
		return RANGE_OVERLAP;
	if (a->hi_open && b->lo_open)
		return RANGE_GAP;
	return RANGE_TOUCH;
}

static size_t
put(char *out, size_t o, const char *s)
{
	while (*s)
		out[o++] = *s++;
	out[o] = '\0';
	return o;
}

const char *
range_words(const struct range *r, pts_t top, char *out)
{
	char lo[PTS_FMT_SIZE], hi[PTS_FMT_SIZE];
	pts_format_vn(r->lo, lo);
	pts_format_vn(r->hi, hi);
	bool to_top = r->hi_inf || (!r->hi_open && r->hi == top);
	size_t o = 0;
	out[0] = '\0';
	if (r->lo == 0 && !r->lo_open) {
		if (r->hi_inf)
			return put(out, 0, "mọi giá trị"), out;
		o = put(out, o, r->hi_open ? "dưới " : "từ 0 đến ");
		put(out, o, hi);
		return out;
	}
	o = put(out, o, r->lo_open ? "trên " : "từ ");
	o = put(out, o, lo);
	if (to_top) {
		if (!r->lo_open)
			put(out, o, " trở lên");
		return out;
	}
	o = put(out, o, r->hi_open ? " đến dưới " : " đến ");
	put(out, o, hi);
	return out;
}
