/* Plausible answers for any rubric, for demo data and load tests. */
#ifndef TS_DEMO_ANSWERS_H
#define TS_DEMO_ANSWERS_H

#include <stdint.h>

#include "../core/rubric.h"
#include "../util/buf.h"

/* Deterministic xorshift generator. */
struct demo_rng {
	uint64_t s;
};
unsigned demo_rand(struct demo_rng *r, unsigned n);

/*
 * Writes an answers file for r into out. quality (0..100) moves scores
 * up; `share` (0..100) is the percentage of items answered (a draft).
 */
void demo_answers_json(const struct rubric *r, struct demo_rng *g,
		       unsigned quality, unsigned share, struct buf *out);

#endif
