/* Placeholder until the chart drawing lands (work in progress). */
#include "chart.h"

void
rp_chart_draw(cairo_t *cr, const struct rp_chart *c, double w, double h)
{
	(void)cr;
	(void)c;
	(void)w;
	(void)h;
}

enum ts_err
rp_chart_svg(const struct rp_chart *c, struct buf *out)
{
	(void)c;
	(void)out;
	return TS_EINVAL;
}

enum ts_err
rp_chart_png(const struct rp_chart *c, int dpi, struct buf *out)
{
	(void)c;
	(void)dpi;
	(void)out;
	return TS_EINVAL;
}
