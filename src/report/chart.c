/* Bar charts of the report model, drawn with cairo and pango: grouped bars
 * (score against maximum per criterion) or series stacked to 100 % (Mức
 * 1/2/3 per cấp học). One routine draws on any cairo_t; chart_out.c wraps
 * it in SVG and PNG surfaces. Sizes are points: text stays the same
 * physical size whatever the surface. */
#include "chart.h"
#include "fontmap.h"

#include "../core/shares.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <pango/pangocairo.h>

#define TITLE_SIZE 11.0
#define LABEL_SIZE 9.0
#define VALUE_SIZE 8.0
#define GAP	   4.0
#define SWATCH	   10.0

/* Swatches in the legend: big enough to show the hatching. */
#define HATCH_STEP 3.5

struct chart {
	cairo_t *cr;
	PangoContext *pc;
	const struct rp_chart *c;
	double w, h;
	double px0, px1, py0, py1; /* plot area: left, right, top, bottom */
	double ymax, step;	   /* axis top and gridline step */
};

static PangoLayout *
text(struct chart *k, const char *s, bool bold, double size, double width,
     int max_lines)
{
	PangoLayout *l = pango_layout_new(k->pc);
	PangoFontDescription *fd = rp_font_desc(bold ? RP_BOLD : 0, size);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (width > 0)
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	if (max_lines > 0) {
		pango_layout_set_height(l, -max_lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, s ? s : "", -1);
	return l;
}

static void
size_of(PangoLayout *l, double *w, double *h)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	*w = (double)r.width / PANGO_SCALE;
	*h = (double)r.height / PANGO_SCALE;
}

/* Draws l with its logical box centred on cx, top at y. */
static void
show_centred(struct chart *k, PangoLayout *l, double cx, double y)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	double lw = pango_layout_get_width(l) > 0
			    ? (double)pango_layout_get_width(l) / PANGO_SCALE
			    : (double)r.width / PANGO_SCALE;
	cairo_move_to(k->cr, cx - lw / 2, y);
	pango_cairo_show_layout(k->cr, l);
}

/* "12,5", "30", "45,67": Vietnamese decimal comma, at most two decimals. */
static void
num(double v, const char *suffix, char *out, size_t n)
{
	snprintf(out, n, "%.2f", v);
	char *dot = strchr(out, '.');
	if (dot) {
		char *e = out + strlen(out) - 1;
		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
		else
			*dot = ',';
	}
	if (strcmp(out, "-0") == 0)
		snprintf(out, n, "0");
	size_t len = strlen(out);
	snprintf(out + len, n - len, "%s", suffix);
}

static double
value(const struct rp_chart *c, size_t s, size_t cat)
{
	double v = c->values[s * c->ncats + cat];
	return isfinite(v) && v > 0 ? v : 0;
}

/* Axis top and a 1-2-5 step giving about five gridlines. */
static void
scale(struct chart *k)
{
	const struct rp_chart *c = k->c;
	double top = 0;
	if (c->kind == RP_CHART_STACKED) {
		k->ymax = 100;
		k->step = 20;
		return;
	}
	for (size_t i = 0; i < c->ncats * c->nseries; i++)
		top = isfinite(c->values[i]) && c->values[i] > top
			      ? c->values[i]
			      : top;
	if (c->y_max > top)
		top = c->y_max;
	if (top <= 0)
		top = 1;
	double mag = pow(10, floor(log10(top / 5)));
	double step = mag;
	if (top / step > 5)
		step = 2 * mag;
	if (top / step > 5)
		step = 5 * mag;
	if (top / step > 5)
		step = 10 * mag;
	k->step = step;
	k->ymax = ceil(top / step - 1e-9) * step;
}

static double
ypos(const struct chart *k, double v)
{
	return k->py1 - (k->py1 - k->py0) * (v / k->ymax);
}

static void
set_rgb(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, (rgb >> 16 & 0xFF) / 255.0,
			     (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

/* Fills the rectangle in series s's tone, hatched if the tone says so,
 * and outlines it. */
static void
swatch(struct chart *k, size_t s, double x, double y, double w, double h)
{
	cairo_t *cr = k->cr;
	struct rp_tone_style t = rp_chart_tone(k->c, s);
	set_rgb(cr, t.rgb);
	cairo_rectangle(cr, x, y, w, h);
	cairo_fill(cr);
	if (t.hatch && w > 0 && h > 0) {
		cairo_save(cr);
		cairo_rectangle(cr, x, y, w, h);
		cairo_clip(cr);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cairo_set_line_width(cr, 0.6);
		for (double d = -h; d < w; d += HATCH_STEP) {
			cairo_move_to(cr, x + d, y + h);
			cairo_line_to(cr, x + d + h, y);
		}
		cairo_stroke(cr);
		cairo_restore(cr);
	}
	cairo_rectangle(cr, x, y, w, h);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.4);
	cairo_stroke(cr);
}

/* Black text on light bars, white on dark ones. */
static bool
dark(const struct chart *k, size_t series)
{
	unsigned rgb = rp_chart_tone(k->c, series).rgb;
	return 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) +
		       0.114 * (rgb & 0xFF) <
	       128;
}

/* Width of series s's legend entry: swatch, gap, name, spacing. */
static double
legend_item(struct chart *k, size_t s, double *h)
{
	double w;
	PangoLayout *l = text(k, k->c->series[s], false, LABEL_SIZE, 0, 0);
	size_of(l, &w, h);
	g_object_unref(l);
	return SWATCH + 3 + w + 12;
}

/* Draws entries [first, end) in one row, its left edge at x. */
static void
legend_row(struct chart *k, size_t first, size_t end, double x, double y)
{
	for (size_t j = first; j < end; j++) {
		double w, h;
		PangoLayout *l = text(k, k->c->series[j], false, LABEL_SIZE, 0,
				      0);
		size_of(l, &w, &h);
		swatch(k, j, x, y + (h - SWATCH) / 2, SWATCH, SWATCH);
		cairo_set_source_rgb(k->cr, 0, 0, 0);
		cairo_move_to(k->cr, x + SWATCH + 3, y);
		pango_cairo_show_layout(k->cr, l);
		x += SWATCH + 3 + w + 12;
		g_object_unref(l);
	}
}

/* Legend rows from y down, each centred, wrapping when an entry would
 * pass the right edge. Draws when draw is set; returns the height. */
static double
legend(struct chart *k, double y, bool draw)
{
	double avail = k->w - 2 * GAP, rowh = LABEL_SIZE * 1.3, h = 0;
	size_t first = 0;
	while (first < k->c->nseries) {
		double x = 0, ih;
		size_t end = first;
		while (end < k->c->nseries) {
			double iw = legend_item(k, end, &ih);
			if (end > first && x + iw > avail)
				break;
			x += iw;
			end++;
		}
		if (draw)
			legend_row(k, first, end, GAP + (avail - x) / 2, y + h);
		h += rowh;
		first = end;
	}
	return h;
}

static const char *
pct_suffix(const struct chart *k)
{
	return k->c->kind == RP_CHART_STACKED ? "%" : "";
}

/* Widest y tick label, to size the left margin. */
static double
ticks_width(struct chart *k)
{
	double widest = 0;
	for (double v = 0; v <= k->ymax + k->step / 2; v += k->step) {
		char s[48];
		double w, h;
		num(v, pct_suffix(k), s, sizeof s);
		PangoLayout *l = text(k, s, false, LABEL_SIZE, 0, 0);
		size_of(l, &w, &h);
		widest = w > widest ? w : widest;
		g_object_unref(l);
	}
	return widest;
}

static void
grid(struct chart *k)
{
	cairo_t *cr = k->cr;
	cairo_set_line_width(cr, 0.4);
	for (double v = 0; v <= k->ymax + k->step / 2; v += k->step) {
		char s[48];
		double w, h, y = ypos(k, v);
		cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
		cairo_move_to(cr, k->px0, y);
		cairo_line_to(cr, k->px1, y);
		cairo_stroke(cr);
		num(v, pct_suffix(k), s, sizeof s);
		PangoLayout *l = text(k, s, false, LABEL_SIZE, 0, 0);
		size_of(l, &w, &h);
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, k->px0 - 4 - w, y - h / 2);
		pango_cairo_show_layout(cr, l);
		g_object_unref(l);
	}
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, k->px0, k->py0);
	cairo_line_to(cr, k->px0, k->py1);
	cairo_line_to(cr, k->px1, k->py1);
	cairo_stroke(cr);
}

static double
cat_width(const struct chart *k)
{
	return (k->px1 - k->px0) / (double)k->c->ncats;
}

/* Category labels wrap to three lines at most under their bars. */
static double
cat_labels(struct chart *k, double cw, bool draw)
{
	double tallest = 0;
	for (size_t i = 0; i < k->c->ncats; i++) {
		double w, h;
		PangoLayout *l = text(k, k->c->cats[i], false, LABEL_SIZE,
				      cw - 6, 3);
		size_of(l, &w, &h);
		tallest = h > tallest ? h : tallest;
		if (draw)
			show_centred(k, l, k->px0 + cw * ((double)i + 0.5),
				     k->py1 + 3);
		g_object_unref(l);
	}
	return tallest;
}

static void
bar(struct chart *k, size_t s, double x, double y0, double bw, double y1)
{
	swatch(k, s, x, y1, bw, y0 - y1);
}

/* A value label centred on cx with its bottom at y, or centred on y when
 * inside is set (in a stacked segment, in a contrasting colour). A label
 * wider than its bar (maxw) is set smaller, and left out if still too
 * wide, so neighbours never overprint. */
static void
value_label(struct chart *k, const char *s, double cx, double y, double maxw,
	    bool inside, size_t series)
{
	double w, h;
	PangoLayout *l = text(k, s, false, VALUE_SIZE, 0, 0);
	size_of(l, &w, &h);
	if (w > maxw) {
		g_object_unref(l);
		l = text(k, s, false, VALUE_SIZE * 0.8, 0, 0);
		size_of(l, &w, &h);
	}
	if (w <= maxw) {
		double c = inside && dark(k, series) ? 1 : 0;
		/* On hatching, the label gets a white ground to stay
		 * legible. */
		if (inside && rp_chart_tone(k->c, series).hatch) {
			cairo_set_source_rgb(k->cr, 1, 1, 1);
			cairo_rectangle(k->cr, cx - w / 2 - 1, y - h / 2, w + 2,
					h);
			cairo_fill(k->cr);
		}
		cairo_set_source_rgb(k->cr, c, c, c);
		cairo_move_to(k->cr, cx - w / 2, inside ? y - h / 2 : y - h);
		pango_cairo_show_layout(k->cr, l);
	}
	g_object_unref(l);
}

/* No bar where there is no value: the chart's no_value set upright in
 * the bar's place, reading up from the axis, so a draft's unanswered
 * criterion never passes for a 0. */
static void
no_value_label(struct chart *k, double cx)
{
	if (k->c->no_value == NULL)
		return;
	double w, h;
	PangoLayout *l = text(k, k->c->no_value, false, VALUE_SIZE, 0, 0);
	size_of(l, &w, &h);
	if (w <= k->py1 - k->py0) {
		cairo_save(k->cr);
		cairo_set_source_rgb(k->cr, 0, 0, 0);
		cairo_translate(k->cr, cx - h / 2, k->py1 - 2);
		cairo_rotate(k->cr, -G_PI / 2);
		cairo_move_to(k->cr, 0, 0);
		pango_cairo_update_layout(k->cr, l);
		pango_cairo_show_layout(k->cr, l);
		cairo_restore(k->cr);
	}
	g_object_unref(l);
}

static void
bars_grouped(struct chart *k)
{
	const struct rp_chart *c = k->c;
	double cw = cat_width(k), bw = cw * 0.8 / (double)c->nseries;
	for (size_t i = 0; i < c->ncats; i++)
		for (size_t s = 0; s < c->nseries; s++) {
			double x0 = k->px0 + cw * (double)i + cw * 0.1 +
				    bw * (double)s;
			if (isnan(c->values[s * c->ncats + i])) {
				no_value_label(k, x0 + bw / 2);
				continue;
			}
			double v = value(c, s, i);
			double x = k->px0 + cw * (double)i + cw * 0.1 +
				   bw * (double)s;
			double top = ypos(k, v > k->ymax ? k->ymax : v);
			bar(k, s, x, k->py1, bw, top);
			char lab[48];
			num(v, "", lab, sizeof lab);
			value_label(k, lab, x + bw / 2, top - 1, bw + 2, false,
				    s);
		}
}

bool
rp_chart_shares(const struct rp_chart *c, size_t cat, int64_t *share)
{
	int64_t part[64];
	size_t n = c->nseries < 64 ? c->nseries : 64;
	for (size_t s = 0; s < n; s++)
		part[s] = llround(value(c, s, cat) * 100);
	return pts_shares(part, n, share);
}

/* Segment labels are the table's shares in its one rate format
 * ("17,65%" beside the table's 17,65%, not "17,6%"). */
/* Category i's segments, bottom up, at x: each labelled with its share
 * when tall enough. */
static void
stacked_bar(struct chart *k, size_t i, double x, double bw, double total,
	    const int64_t *share)
{
	const struct rp_chart *c = k->c;
	double acc = 0;
	for (size_t s = 0; s < c->nseries && s < 64; s++) {
		double pct = value(c, s, i) * 100 / total;
		if (pct <= 0)
			continue;
		double y0 = ypos(k, acc), y1 = ypos(k, acc + pct);
		bar(k, s, x, y0, bw, y1);
		acc += pct;
		char lab[PTS_FMT_SIZE];
		pts_format_rate_vn(share[s], lab);
		if (y0 - y1 >= VALUE_SIZE + 2)
			value_label(k, lab, x + bw / 2, (y0 + y1) / 2, bw - 2,
				    true, s);
	}
}

static void
bars_stacked(struct chart *k)
{
	const struct rp_chart *c = k->c;
	double cw = cat_width(k), bw = cw * 0.6;
	for (size_t i = 0; i < c->ncats; i++) {
		double total = 0;
		int64_t share[64];
		for (size_t s = 0; s < c->nseries; s++)
			total += value(c, s, i);
		if (total > 0 && rp_chart_shares(c, i, share))
			stacked_bar(k, i,
				    k->px0 + cw * (double)i + (cw - bw) / 2, bw,
				    total, share);
	}
}

/* Title on top, y label above the axis, legend at the bottom; the plot
 * takes what is left. Returns false when the plot has no room. */
static bool
frame(struct chart *k)
{
	double tw, th = 0, yw, yh = 0;
	double y = GAP;
	if (k->c->title && *k->c->title) {
		PangoLayout *l = text(k, k->c->title, true, TITLE_SIZE,
				      k->w - 2 * GAP, 2);
		size_of(l, &tw, &th);
		cairo_set_source_rgb(k->cr, 0, 0, 0);
		show_centred(k, l, k->w / 2, y);
		g_object_unref(l);
		y += th + GAP;
	}
	scale(k);
	k->px0 = GAP + ticks_width(k) + 4;
	if (k->c->y_label && *k->c->y_label) {
		PangoLayout *l = text(k, k->c->y_label, false, LABEL_SIZE, 0,
				      0);
		size_of(l, &yw, &yh);
		cairo_move_to(k->cr,
			      k->px0 - yw / 2 > GAP ? k->px0 - yw / 2 : GAP, y);
		pango_cairo_show_layout(k->cr, l);
		g_object_unref(l);
		y += yh + 2;
	}
	k->px1 = k->w - GAP;
	k->py0 = y + VALUE_SIZE + 2;
	double lh = legend(k, 0, false);
	double ch = k->px1 > k->px0 ? cat_labels(k, cat_width(k), false) : 0;
	k->py1 = k->h - GAP - lh - GAP - ch - 3;
	if (k->py1 - k->py0 < 10 || k->px1 - k->px0 < 10)
		return false;
	legend(k, k->h - GAP - lh, true);
	return true;
}

/* Fonts come from a font map of our own (no global pango state shared
 * between threads), measured unhinted at 72 dpi so sizes are points. */
static PangoContext *
chart_context(cairo_t *cr, PangoFontMap **fm)
{
	*fm = rp_fontmap_new();
	PangoContext *pc = pango_font_map_create_context(*fm);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72);
	pango_cairo_update_context(cr, pc);
	return pc;
}

void
rp_chart_draw(cairo_t *cr, const struct rp_chart *c, double w, double h)
{
	if (!cr || !c || w <= 0 || h <= 0)
		return;
	PangoFontMap *fm;
	struct chart k = { .cr = cr, .c = c, .w = w, .h = h };
	cairo_save(cr);
	k.pc = chart_context(cr, &fm);
	cairo_rectangle(cr, 0, 0, w, h);
	cairo_clip(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	if (c->ncats > 0 && c->nseries > 0 && frame(&k)) {
		grid(&k);
		cat_labels(&k, cat_width(&k), true);
		if (c->kind == RP_CHART_STACKED)
			bars_stacked(&k);
		else
			bars_grouped(&k);
	}
	cairo_restore(cr);
	g_object_unref(k.pc);
	rp_fontmap_release(fm);
}
