/*
 * rp_fontmap_release: the font map is freed, on the calling thread, before
 * it returns, even while another thread (pango's font matching and sorting
 * threads in real use) still holds a reference. Without that a process
 * could end with the font map still alive on a helper thread and lose
 * everything in it (tests/unit/valgrind-report.sh and tests/cli/valgrind*
 * saw it about once in ten runs on a busy machine).
 */
#include "ut.h"

#include "../../src/report/fontmap.h"

/* Weak-reference callback: which thread disposed of the font map. */
static void
gone(gpointer data, GObject *was)
{
	(void)was;
	*(GThread **)data = g_thread_self();
}

struct holder {
	GMutex mutex;
	GCond cond;
	bool go;
	PangoFontMap *fm;
};

/* Another thread's reference, dropped as soon as the test says go. */
static gpointer
hold(gpointer data)
{
	struct holder *h = data;
	g_mutex_lock(&h->mutex);
	while (!h->go)
		g_cond_wait(&h->cond, &h->mutex);
	g_mutex_unlock(&h->mutex);
	g_object_unref(h->fm);
	return NULL;
}

/* The other thread drops its reference while (or after) the test
 * releases its own: either way the font map is gone when
 * rp_fontmap_release returns, freed by the test's thread. */
static void
test_release_waits_for_other_holders(void **state)
{
	(void)state;
	for (int i = 0; i < 20; i++) {
		GThread *who = NULL;
		struct holder h = { .go = false };
		g_mutex_init(&h.mutex);
		g_cond_init(&h.cond);
		PangoFontMap *fm = rp_fontmap_new();
		assert_non_null(fm);
		g_object_weak_ref(G_OBJECT(fm), gone, &who);
		h.fm = g_object_ref(fm);
		GThread *t = g_thread_new("holder", hold, &h);
		g_mutex_lock(&h.mutex);
		h.go = true;
		g_cond_signal(&h.cond);
		g_mutex_unlock(&h.mutex);
		rp_fontmap_release(fm);
		assert_ptr_equal(who, g_thread_self());
		g_thread_join(t);
		g_cond_clear(&h.cond);
		g_mutex_clear(&h.mutex);
	}
}

/* Real use: laying out text makes pango match and sort fonts on its own
 * threads; the font map is still freed before release returns. */
static void
test_release_after_text(void **state)
{
	(void)state;
	for (int i = 0; i < 5; i++) {
		GThread *who = NULL;
		PangoFontMap *fm = rp_fontmap_new();
		g_object_weak_ref(G_OBJECT(fm), gone, &who);
		PangoContext *pc = pango_font_map_create_context(fm);
		PangoLayout *l = pango_layout_new(pc);
		PangoFontDescription *fd = pango_font_description_from_string(
			i % 2 ? "Liberation Serif Bold 13"
			      : "Liberation Serif 9");
		pango_layout_set_font_description(l, fd);
		pango_font_description_free(fd);
		pango_layout_set_text(l, "Chuyển đổi số — Mức độ 2", -1);
		PangoRectangle r;
		pango_layout_get_extents(l, NULL, &r);
		assert_true(r.width > 0);
		g_object_unref(l);
		g_object_unref(pc);
		rp_fontmap_release(fm);
		assert_ptr_equal(who, g_thread_self());
	}
}

int
main(int argc, char **argv)
{
	/* tests/unit/valgrind-report.sh: the process's first font map, no
	 * text, then exit while pango's FcInit thread is still running. */
	if (argc > 1 && strcmp(argv[1], "--exit-early") == 0) {
		rp_fontmap_release(rp_fontmap_new());
		return 0;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_release_waits_for_other_holders),
		cmocka_unit_test(test_release_after_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
