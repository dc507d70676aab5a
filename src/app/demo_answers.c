#include "demo_answers.h"

unsigned
demo_rand(struct demo_rng *r, unsigned n)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return n ? (unsigned)(r->s % n) : 0;
}

/* A fraction of max leaning to `quality` percent, in whole steps. */
static pts_t
lean(struct demo_rng *g, pts_t max, pts_t step, unsigned quality)
{
	int pct = (int)quality - 20 + (int)demo_rand(g, 41);
	pct = pct < 0 ? 0 : pct > 100 ? 100 : pct;
	pts_t v = max * (pts_t)pct / 100;
	return v - v % step;
}

/* The base a demo school has: the best one, or else the cheapest that
 * still gives points (every demo school runs some software). */
static const char *
demo_base(const struct item *it, bool best)
{
	const struct option *pick = NULL;
	for (size_t i = 0; i < it->nbase_options; i++) {
		const struct option *o = &it->base_options[i];
		if (pick == NULL ||
		    (best ? o->points > pick->points
			  : o->points > 0 && (pick->points == 0 ||
					      o->points < pick->points)))
			pick = o;
	}
	return pick->id;
}

static void
put_checklist(const struct item *it, struct demo_rng *g, unsigned quality,
	      struct buf *out)
{
	if (it->nbase_options > 0)
		buf_printf(out, "{\"base\":\"%s\",\"present\":[",
			   demo_base(it, demo_rand(g, 100) < quality));
	else
		buf_putc(out, '[');
	int k = 0;
	for (size_t i = 0; i < it->noptions; i++)
		if (demo_rand(g, 100) < quality + 10)
			buf_printf(out, "%s\"%s\"", k++ ? "," : "",
				   it->options[i].id);
	buf_puts(out, it->nbase_options > 0 ? "]}" : "]");
}

static void
put_value(const struct item *it, struct demo_rng *g, unsigned quality,
	  struct buf *out)
{
	char p[PTS_FMT_SIZE];
	switch (it->kind) {
	case ITEM_GATE:
		buf_puts(out, demo_rand(g, 100) < 96 ? "true" : "false");
		break;
	case ITEM_YESNO:
		buf_puts(out, demo_rand(g, 100) < quality ? "true" : "false");
		break;
	case ITEM_POINTS:
		buf_puts(out,
			 pts_format(lean(g, it->max, it->step, quality), p));
		break;
	case ITEM_BAND: {
		const struct band *b =
			&it->bands[demo_rand(g, (unsigned)it->nbands)];
		pts_t v = b->range.lo + (b->range.lo_open ? PTS_ONE : 0);
		buf_puts(out, pts_format(v - v % PTS_ONE, p));
		break;
	}
	case ITEM_CHOICE:
		buf_printf(
			out, "\"%s\"",
			it->options[demo_rand(g, (unsigned)it->noptions)].id);
		break;
	case ITEM_CHECKLIST: put_checklist(it, g, quality, out); break;
	}
}

void
demo_answers_json(const struct rubric *r, struct demo_rng *g, unsigned quality,
		  unsigned share, struct buf *out)
{
	int k = 0;
	buf_printf(out, "{\"format\":1,\"rubric\":\"%s\",\"answers\":{", r->id);
	for (size_t i = 0; i < r->nitems; i++) {
		const struct item *it = r->items[i];
		if (demo_rand(g, 100) >= share)
			continue;
		buf_printf(out, "%s\"%s\":", k++ ? "," : "", it->id);
		put_value(it, g, quality, out);
	}
	buf_puts(out, "}}");
}
