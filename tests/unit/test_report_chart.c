/*
 * Charts: SVG that libxml2 parses, PNG with the right signature and size,
 * grouped and stacked, and the awkward inputs (empty categories, long
 * labels, zero totals) drawing without trouble. Copies of the fixture's
 * chart go to build/report-samples/ for people to look at.
 */
#include "ut.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../../src/report/chart.h"
#include "../../src/util/arena.h"
#include "report_fixture.h"

#define SAMPLES "build/report-samples"

/* The fixture's grouped chart (section 0's only chart). */
static const struct rp_chart *
fixture_chart(struct arena *a)
{
	struct rp_doc *d = report_fixture(a);
	assert_non_null(d);
	const struct rp_section *s = rp_section0(d);
	for (size_t i = 0; i < s->nblocks; i++)
		if (s->blocks[i].kind == RP_B_CHART)
			return s->blocks[i].chart;
	fail_msg("fixture has no chart");
	return NULL;
}

/* Mức 1/2/3 per cấp học, one category with no school at all. */
static struct rp_chart *
stacked(struct arena *a)
{
	struct rp_doc *d = rp_doc_new(a);
	struct rp_chart *c = rp_chart_add(d, rp_section0(d), RP_CHART_STACKED,
					  4, 3);
	assert_non_null(c);
	c->title = "Tỷ lệ trường theo mức độ chuyển đổi số";
	c->y_label = "%";
	static const char *cats[] = {
		"Mầm non", "Tiểu học",
		"Trung học cơ sở và trung học phổ thông (liên cấp)", "Trống"
	};
	static const char *series[] = { "Mức 1", "Mức 2", "Mức 3" };
	static const double v[] = { 5, 12, 3, 0, 10, 20, 7, 0, 2, 1, 9, 0 };
	for (size_t i = 0; i < 4; i++)
		c->cats[i] = cats[i];
	for (size_t i = 0; i < 3; i++)
		c->series[i] = series[i];
	for (size_t i = 0; i < 12; i++)
		c->values[i] = v[i];
	return c;
}

static void
save(const char *name, const struct buf *b)
{
	mkdir("build", 0755);
	mkdir(SAMPLES, 0755);
	char path[128];
	snprintf(path, sizeof path, SAMPLES "/%s", name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b->p, 1, b->len, f), b->len);
	assert_int_equal(fclose(f), 0);
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void
check_svg(const struct buf *b)
{
	assert_true(b->len > 2000);
	xmlDocPtr doc = xmlReadMemory(b->p, (int)b->len, "chart.svg", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR |
					      XML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	assert_non_null(root);
	assert_string_equal((const char *)root->name, "svg");
	xmlFreeDoc(doc);
	/* Bars, gridlines and glyphs are paths: far more than a blank. */
	assert_true(count(b->p, "<path") > 20);
}

static void
test_svg_grouped(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct buf b;
	buf_init(&b, BUF_DEFAULT_LIMIT);
	assert_int_equal(rp_chart_svg(fixture_chart(a), &b), TS_OK);
	check_svg(&b);
	/* 160 mm wide = 453.5 pt. */
	assert_non_null(strstr(b.p, "width=\"453."));
	save("chart.svg", &b);
	buf_release(&b);
	arena_free(a);
}

static void
test_svg_stacked(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct buf b;
	buf_init(&b, BUF_DEFAULT_LIMIT);
	assert_int_equal(rp_chart_svg(stacked(a), &b), TS_OK);
	check_svg(&b);
	save("chart-stacked.svg", &b);
	buf_release(&b);
	arena_free(a);
}

static uint32_t
be32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 |
	       (uint32_t)u[2] << 8 | u[3];
}

/* PNG signature, then IHDR's width and height at the asked dpi. */
static void
check_png(const struct buf *b, uint32_t w, uint32_t h)
{
	assert_true(b->len > 3000);
	assert_memory_equal(b->p, "\x89PNG\r\n\x1a\n", 8);
	assert_memory_equal(b->p + 12, "IHDR", 4);
	assert_int_equal(be32(b->p + 16), w);
	assert_int_equal(be32(b->p + 20), h);
}

static void
test_png(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct buf b;
	buf_init(&b, BUF_DEFAULT_LIMIT);
	/* 160 × 80 mm at 150 dpi = 945 × 472 pixels. */
	assert_int_equal(rp_chart_png(fixture_chart(a), 150, &b), TS_OK);
	check_png(&b, 945, 472);
	save("chart.png", &b);
	buf_reset(&b);
	assert_int_equal(rp_chart_png(stacked(a), 96, &b), TS_OK);
	check_png(&b, 605, 302);
	save("chart-stacked.png", &b);
	buf_release(&b);
	arena_free(a);
}

/* Odd inputs draw (or refuse) without crashing: NaN and negative values,
 * no title, a chart too small for a plot, an absurd dpi. */
static void
test_odd_inputs(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_chart *c = rp_chart_add(d, rp_section0(d), RP_CHART_GROUPED,
					  2, 1);
	assert_non_null(c);
	c->cats[0] = "Một";
	c->cats[1] = NULL;
	c->series[0] = "Điểm";
	c->values[0] = -5;
	c->values[1] = NAN;
	struct buf b;
	buf_init(&b, BUF_DEFAULT_LIMIT);
	assert_int_equal(rp_chart_svg(c, &b), TS_OK);
	buf_reset(&b);
	c->width_mm = 10;
	c->height_mm = 5;
	assert_int_equal(rp_chart_png(c, 72, &b), TS_OK);
	buf_reset(&b);
	assert_int_equal(rp_chart_png(c, 100000, &b), TS_EINVAL);
	assert_int_equal(rp_chart_png(NULL, 96, &b), TS_EINVAL);
	buf_release(&b);
	arena_free(a);
}

/* Six series with long names in a narrow chart: the legend wraps into
 * rows and the colours cycle through the whole palette. */
static void
test_many_series(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_chart *c = rp_chart_add(d, rp_section0(d), RP_CHART_GROUPED,
					  2, 6);
	assert_non_null(c);
	c->title = "Điểm trung bình của các nhóm tiêu chí theo từng năm học "
		   "từ 2018-2019 đến 2023-2024";
	c->width_mm = 90;
	c->y_max = 100;
	c->cats[0] = "Chuyển đổi số trong dạy, học";
	c->cats[1] = "Chuyển đổi số trong quản trị";
	for (size_t s = 0; s < 6; s++) {
		c->series[s] = rp_printf(d, "Năm học %zu-%zu", 2018 + s,
					 2019 + s);
		c->values[s * 2] = 40 + 8.25 * (double)s;
		c->values[s * 2 + 1] = 30 + 10.5 * (double)s;
	}
	struct buf b;
	buf_init(&b, BUF_DEFAULT_LIMIT);
	assert_int_equal(rp_chart_png(c, 150, &b), TS_OK);
	check_png(&b, 531, 472);
	save("chart-many.png", &b);
	buf_release(&b);
	arena_free(a);
}

/* A buffer cap smaller than the picture is an error, not a cut file. */
static void
test_limit(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct buf b;
	buf_init(&b, 1000);
	assert_int_not_equal(rp_chart_svg(fixture_chart(a), &b), TS_OK);
	buf_release(&b);
	buf_init(&b, 1000);
	assert_int_not_equal(rp_chart_png(fixture_chart(a), 96, &b), TS_OK);
	buf_release(&b);
	arena_free(a);
}

/* Pixels of a chart drawn into an RGB image: how many are green (the
 * best level), red, amber (Mức 1) or the dark hatch lines. */
struct px_count {
	size_t green, red, amber, hatch;
};

static struct px_count
count_pixels(const struct rp_chart *c)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
							  600, 400);
	cairo_t *cr = cairo_create(img);
	rp_chart_draw(cr, c, 600, 400);
	cairo_destroy(cr);
	cairo_surface_flush(img);
	struct px_count n = { 0 };
	const unsigned char *data = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	for (int y = 0; y < 400; y++)
		for (int x = 0; x < 600; x++) {
			uint32_t v =
				*(const uint32_t *)(const void *)(data +
								  y * stride +
								  x * 4);
			int r = v >> 16 & 0xFF, g = v >> 8 & 0xFF, b = v & 0xFF;
			n.green += g > r + 40 && g > b + 30;
			n.red += r > g + 70 && r > b + 40 && g < 120;
			n.amber += r > 200 && g > 130 && g < 190 && b < 100;
			n.hatch += r < 70 && g < 70 && b < 70;
		}
	cairo_surface_destroy(img);
	return n;
}

static double
luma(unsigned rgb)
{
	return (0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) +
		0.114 * (rgb & 0xFF)) /
	       255;
}

/* Issue 18 item 14: Mức độ 3, the best level, is green and never red;
 * Mức 1 amber and hatched; the three stay apart in grey. */
static void
test_level_colours(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_chart *c = stacked(a);
	rp_chart_levels(c);
	struct rp_tone_style lo = rp_chart_tone(c, 0),
			     mid = rp_chart_tone(c, 1),
			     hi = rp_chart_tone(c, 2);
	assert_true(lo.hatch);
	assert_false(mid.hatch || hi.hatch);
	assert_true(fabs(luma(lo.rgb) - luma(mid.rgb)) >= 0.15);
	assert_true(fabs(luma(lo.rgb) - luma(hi.rgb)) >= 0.3);
	assert_true(fabs(luma(mid.rgb) - luma(hi.rgb)) >= 0.4);
	/* All three levels drawn: green and amber bars, hatch lines, no red. */
	struct px_count n = count_pixels(c);
	assert_true(n.green > 2000);
	assert_true(n.amber > 500);
	assert_true(n.hatch > 200);
	assert_int_equal(n.red, 0);
	/* Only Mức 3: the bars are green. */
	for (size_t i = 0; i < 12; i++)
		c->values[i] = i >= 8 ? 1 : 0;
	n = count_pixels(c);
	assert_true(n.green > 10000);
	assert_int_equal(n.red, 0);
	arena_free(a);
}

/* A five-band Xếp loại (Yếu first, Xuất sắc last) takes the same scheme:
 * amber and hatched for Yếu, green for Xuất sắc, and three greys in
 * between that differ from each other and from both ends in grey. */
static void
test_grade_colours(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_doc *d = rp_doc_new(a);
	struct rp_chart *c = rp_chart_add(d, rp_section0(d), RP_CHART_STACKED,
					  2, 5);
	assert_non_null(c);
	rp_chart_levels(c);
	double l[5];
	for (size_t i = 0; i < 5; i++)
		l[i] = luma(rp_chart_tone(c, i).rgb);
	assert_true(rp_chart_tone(c, 0).hatch);
	for (size_t i = 1; i < 5; i++)
		assert_false(rp_chart_tone(c, i).hatch);
	/* the greys lighten towards the lowest, the best is the darkest */
	assert_true(l[1] - l[2] >= 0.1 && l[2] - l[3] >= 0.1);
	assert_true(l[3] - l[4] >= 0.1);
	unsigned best = rp_chart_tone(c, 4).rgb;
	assert_true((best >> 8 & 0xFF) > (best >> 16 & 0xFF)); /* green */
	arena_free(a);
}

/* A stacked chart's labels are its table's shares (issue 18: the chart
 * said "17,6%" beside the table's "17,65%"): largest remainder, adding up
 * to 100 %, none for an empty category. */
static void
test_stacked_shares(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const struct rp_chart *c = stacked(a);
	int64_t share[3];
	assert_true(rp_chart_shares(c, 0, share));
	assert_int_equal(share[0], 2941);
	assert_int_equal(share[1], 5882);
	assert_int_equal(share[2], 1177);
	assert_false(rp_chart_shares(c, 3, share));
	arena_free(a);
}

/* No value (NaN) with no_value words: no bar, and the chart still draws
 * in every surface (a draft's unanswered criterion). */
static void
test_no_value(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct rp_chart copy = *fixture_chart(a), *c = &copy;
	size_t n = c->ncats * c->nseries;
	double *v = arena_calloc(a, n, sizeof(*v));
	assert_non_null(v);
	memcpy(v, c->values, n * sizeof(*v));
	v[c->ncats] = NAN;
	c->values = v;
	c->no_value = "Chưa trả lời";
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(rp_chart_svg(c, &b), TS_OK);
	buf_reset(&b);
	assert_int_equal(rp_chart_png(c, 96, &b), TS_OK);
	buf_release(&b);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_svg_grouped),
		cmocka_unit_test(test_svg_stacked),
		cmocka_unit_test(test_png),
		cmocka_unit_test(test_odd_inputs),
		cmocka_unit_test(test_many_series),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_level_colours),
		cmocka_unit_test(test_grade_colours),
		cmocka_unit_test(test_stacked_shares),
		cmocka_unit_test(test_no_value),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
