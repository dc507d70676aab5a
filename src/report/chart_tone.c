/* One colour scheme for every chart in every format (chart.h).
 *
 * Levels: Mức độ 3, the best, is green; the middle a light neutral grey;
 * Mức độ 1 amber with diagonal hatching. In grey the three are dark
 * (green, about 33 % luminance), hatched mid-grey (amber, 70 %) and
 * light (90 %), so a black-and-white print still tells them apart, and
 * the legend shows the same swatches. A scale of more than three steps
 * (Xếp loại: Yếu … Xuất sắc) keeps its ends and shades its middle steps
 * from light to mid grey towards the best (90 %, 72 %, 55 %). Red, which reads as "bad", is not
 * used at all. Other series take a neutral palette by position (Paul
 * Tol's high-contrast blue and yellow, then greys), alternating dark and
 * light. */
#include "chart.h"

#define TONE_LOW   0xE8A33Du /* amber, hatched */
#define TONE_MID   0xE3E3E3u /* light neutral grey */
#define TONE_HIGH  0x1B7837u /* green */
#define TONE_REF   0xD0D0D0u /* light grey: a maximum, a target */
#define TONE_VALUE 0x004488u /* dark blue */

/* The middle steps, lowest first. */
static const unsigned mid_shades[] = { TONE_MID, 0xB8B8B8u, 0x8C8C8Cu };
#define NMID (sizeof mid_shades / sizeof mid_shades[0])

/* Series s's middle shade: the k-th of the chart's n middle steps. */
static unsigned
mid_shade(const struct rp_chart *c, size_t s)
{
	size_t k = 0, n = 0;
	for (size_t i = 0; i < c->nseries; i++) {
		bool mid = c->tones[i] == RP_TONE_MID;
		n += mid;
		k += mid && i < s;
	}
	return mid_shades[n > 1 ? k * NMID / n : 0];
}

static const unsigned auto_palette[] = { 0x004488u, 0xDDAA33u, 0x555555u,
					 0xBBBBBBu };
#define NAUTO (sizeof auto_palette / sizeof auto_palette[0])

struct rp_tone_style
rp_chart_tone(const struct rp_chart *c, size_t series)
{
	enum rp_tone t = c->tones ? c->tones[series] : RP_TONE_AUTO;
	switch (t) {
	case RP_TONE_LOW: return (struct rp_tone_style){ TONE_LOW, true };
	case RP_TONE_MID:
		return (struct rp_tone_style){ mid_shade(c, series), false };
	case RP_TONE_HIGH: return (struct rp_tone_style){ TONE_HIGH, false };
	case RP_TONE_REF: return (struct rp_tone_style){ TONE_REF, false };
	case RP_TONE_VALUE: return (struct rp_tone_style){ TONE_VALUE, false };
	case RP_TONE_AUTO: break;
	}
	return (struct rp_tone_style){ auto_palette[series % NAUTO], false };
}
