/* A writer's pango context on a font map of the document's own. */
#include "measure.h"

#include "fontmap.h"

PangoContext *
rp_measure_context(struct rp_measure *m)
{
	if (m->pc == NULL) {
		m->fm = rp_fontmap_new();
		m->pc = pango_font_map_create_context(m->fm);
	}
	return m->pc;
}

void
rp_measure_end(struct rp_measure *m)
{
	if (m->pc)
		g_object_unref(m->pc);
	if (m->fm)
		rp_fontmap_release(m->fm);
	m->pc = NULL;
	m->fm = NULL;
}
