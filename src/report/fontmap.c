/*
 * Why a font map is not simply unreffed: pango 1.50 matches and sorts
 * fonts on helper threads (pangofc-fontmap.c, pango_fc_patterns_new: an
 * FcFontSetMatch and an FcFontSetSort thread for each new font pattern,
 * detached, never joined). Each thread holds a reference on the font map
 * until its very last statement. If we drop ours while a sort is still
 * running, the font map is freed later on that thread, or never when the
 * process ends first: every font, harfbuzz face and fontconfig pattern it
 * holds is then lost (valgrind saw that in about 1 run in 10 on a busy
 * machine). So we wait until those threads have dropped their
 * references, with a toggle reference (GLib tells its owner when it has
 * become the only one), and free the font map ourselves.
 */
#include "fontmap.h"

#include "report.h"

#include <pthread.h>
#include <stdbool.h>

/* pthread rather than GMutex: ThreadSanitizer sees these (GLib's own
 * locks are futexes it cannot see; tests/tsan.supp). */
struct last_ref {
	pthread_mutex_t mutex;
	pthread_cond_t cond;
	bool last; /* the toggle reference is the only one left */
};

/* Called by GLib on the thread whose unref left only the toggle
 * reference (is_last), or whose ref added a second one. */
static void
toggled(gpointer data, GObject *obj, gboolean is_last)
{
	struct last_ref *w = data;
	(void)obj;
	pthread_mutex_lock(&w->mutex);
	w->last = is_last;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->mutex);
}

/* The batch's font map of this thread (rp_fontmap_keep), or NULL. */
static _Thread_local PangoFontMap *kept;

PangoFontMap *
rp_fontmap_new(void)
{
	if (kept != NULL)
		return g_object_ref(kept);
	return pango_cairo_font_map_new();
}

void
rp_fontmap_keep(void)
{
	if (kept == NULL)
		kept = pango_cairo_font_map_new();
}

void
rp_fontmap_drop(void)
{
	PangoFontMap *fm = kept;
	kept = NULL;
	rp_fontmap_release(fm);
}

void
rp_fontmap_release(PangoFontMap *fm)
{
	struct last_ref w = { PTHREAD_MUTEX_INITIALIZER,
			      PTHREAD_COND_INITIALIZER, false };
	if (fm == NULL)
		return;
	if (fm == kept) {
		g_object_unref(fm);
		return;
	}
	g_object_add_toggle_ref(G_OBJECT(fm), toggled, &w);
	/* From here on the helper threads only drop references (they take
	 * theirs when a pattern is first matched), so this ends once the
	 * last of them has finished: FcFontSetSort always returns. */
	g_object_unref(fm);
	pthread_mutex_lock(&w.mutex);
	while (!w.last)
		pthread_cond_wait(&w.cond, &w.mutex);
	pthread_mutex_unlock(&w.mutex);
	g_object_remove_toggle_ref(G_OBJECT(fm), toggled, &w);
	pthread_cond_destroy(&w.cond);
	pthread_mutex_destroy(&w.mutex);
}

PangoFontDescription *
rp_font_desc(unsigned style, double size)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family_static(fd, RP_FONT_PDF);
	pango_font_description_set_weight(
		fd, style & RP_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, style & RP_ITALIC
						     ? PANGO_STYLE_ITALIC
						     : PANGO_STYLE_NORMAL);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	return fd;
}
