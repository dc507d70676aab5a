/* The chart as a file format: SVG for web pages, PNG for DOCX. Both draw
 * through rp_chart_draw, so every format shows the same picture. */
#include "chart.h"

#include <cairo-svg.h>
#include <cairo.h>

#define PT_PER_MM (72.0 / 25.4)

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	struct buf *b = closure;
	buf_put(b, data, len);
	return b->err ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static void
size_pt(const struct rp_chart *c, double *w, double *h)
{
	*w = (c->width_mm > 0 ? c->width_mm : 160) * PT_PER_MM;
	*h = (c->height_mm > 0 ? c->height_mm : 80) * PT_PER_MM;
}

static enum ts_err
status_err(cairo_status_t st, const struct buf *out)
{
	if (st == CAIRO_STATUS_SUCCESS)
		return out->err;
	if (st == CAIRO_STATUS_NO_MEMORY)
		return TS_ENOMEM;
	return out->err ? out->err : TS_EIO;
}

enum ts_err
rp_chart_svg(const struct rp_chart *c, struct buf *out)
{
	double w, h;
	if (!c)
		return TS_EINVAL;
	size_pt(c, &w, &h);
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_buf, out, w,
								 h);
	cairo_t *cr = cairo_create(s);
	rp_chart_draw(cr, c, w, h);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return status_err(st, out);
}

enum ts_err
rp_chart_png(const struct rp_chart *c, int dpi, struct buf *out)
{
	double w, h;
	if (!c)
		return TS_EINVAL;
	/* Bounded so a bad request cannot ask for a gigapixel image. */
	if (dpi < 36 || dpi > 600)
		return TS_EINVAL;
	size_pt(c, &w, &h);
	int pw = (int)(w * dpi / 72 + 0.5), ph = (int)(h * dpi / 72 + 0.5);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw,
							ph);
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	rp_chart_draw(cr, c, w, h);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(s, to_buf, out);
	cairo_surface_destroy(s);
	return status_err(st, out);
}
