/*
 * make bench: scoring throughput at national scale, and the roll-up it
 * feeds, against sqlite3 doing the same roll-up in SQL.
 *
 * Generates N schools' answers to QĐ 4725 (deterministic PRNG), then times
 *   1. parse + validate + score of every answers JSON document;
 *   2. the roll-up: count schools per district x cấp học x group x level.
 * Writes the item points as CSV (for the peer) and our roll-up table, so
 * tests/bench/run.sh can check that sqlite3 computes the same table.
 * Usage: bench_score N OUT_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/app/rubric_set.h"
#include "../../src/core/score.h"
#include "../../src/util/buf.h"

#define DISTRICTS 700
#define LEVELS	  5

static unsigned long long rng = 0x9E3779B97F4A7C15ull;

static unsigned
next_rand(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One school's answers as JSON: gates met 95% of the time, points items
 * uniformly in 0..max. */
static void
gen_answers(const struct rubric *r, struct buf *b)
{
	buf_reset(b);
	buf_puts(b,
		 "{\"format\":1,\"rubric\":\"qd4725-2022-pt\",\"answers\":{");
	for (size_t i = 0; i < r->nitems; i++) {
		const struct item *it = r->items[i];
		buf_printf(b, "%s\"%s\":", i ? "," : "", it->id);
		if (it->kind == ITEM_GATE)
			buf_puts(b, next_rand(100) < 95 ? "true" : "false");
		else
			buf_printf(
				b, "%u",
				next_rand((unsigned)(it->max / PTS_ONE) + 1));
	}
	buf_puts(b, "}}");
}

static int
write_outputs(const char *dir, char **docs, struct score **scores, size_t n,
	      const struct rubric *r, unsigned (*counts)[LEVELS][2][4])
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/items.csv", dir);
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	for (size_t s = 0; s < n; s++)
		for (size_t i = 0; i < r->nitems; i++) {
			const struct item_score *is = &scores[s]->items[i];
			fprintf(f, "%zu,%zu,%u,%s,%d,%d,%lld\n", s,
				s % DISTRICTS, (unsigned)(s % LEVELS),
				r->items[i]->criterion->group->id,
				r->items[i]->kind == ITEM_GATE, is->gate_met,
				(long long)(is->points / PTS_ONE));
		}
	fclose(f);
	(void)docs;
	snprintf(path, sizeof(path), "%s/rollup-truongso.csv", dir);
	f = fopen(path, "w");
	if (f == NULL)
		return -1;
	for (unsigned d = 0; d < DISTRICTS; d++)
		for (unsigned l = 0; l < LEVELS; l++)
			for (unsigned g = 0; g < 2; g++)
				for (unsigned v = 1; v <= 3; v++)
					if (counts[d][l][g][v])
						fprintf(f, "%u,%u,%u,%u,%u\n",
							d, l, g + 1, v,
							counts[d][l][g][v]);
	fclose(f);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc != 3)
		return fprintf(stderr, "usage: bench_score N OUT_DIR\n"), 2;
	size_t n = strtoul(argv[1], NULL, 10);
	struct diags d;
	diags_init(&d);
	struct rubric *r = NULL;
	if (rubric_load_file("data/rubrics/qd4725-2022-pt.json", &r, &d) !=
	    TS_OK)
		return fprintf(stderr, "cannot load the 4725 rubric\n"), 1;
	char **docs = calloc(n, sizeof(*docs));
	size_t *lens = calloc(n, sizeof(*lens));
	struct answers **ans = calloc(n, sizeof(*ans));
	struct score **scores = calloc(n, sizeof(*scores));
	unsigned(*counts)[LEVELS][2][4] = calloc(DISTRICTS, sizeof(*counts));
	struct buf b;
	buf_init(&b, 0);
	for (size_t s = 0; s < n; s++) {
		gen_answers(r, &b);
		lens[s] = b.len;
		docs[s] = buf_take(&b);
	}
	double t0 = now_ms();
	for (size_t s = 0; s < n; s++)
		if (answers_parse(r, docs[s], lens[s], "bench", &ans[s], &d) !=
		    TS_OK)
			return fprintf(stderr, "generated answers invalid\n"),
			       1;
	double t1 = now_ms();
	for (size_t s = 0; s < n; s++) {
		struct score *sc = score_compute(r, ans[s]);
		for (unsigned g = 0; g < 2; g++)
			counts[s % DISTRICTS][s % LEVELS][g]
			      [sc->groups[g].level->level]++;
		score_free(sc);
	}
	double t2 = now_ms();
	/* Untimed: keep every score for the peer's input file. */
	for (size_t s = 0; s < n; s++)
		scores[s] = score_compute(r, ans[s]);
	printf("truongso parse+validate %zu answers JSON documents: %.1f ms "
	       "(%.0f docs/s)\n",
	       n, t1 - t0, n / ((t1 - t0) / 1e3));
	printf("truongso score + roll-up (district x cấp x group x Mức): "
	       "%.1f ms\n",
	       t2 - t1);
	int rc = write_outputs(argv[2], docs, scores, n, r, counts);
	for (size_t s = 0; s < n; s++) {
		score_free(scores[s]);
		answers_free(ans[s]);
		free(docs[s]);
	}
	free(docs), free(lens), free(ans), free(scores), free(counts);
	rubric_free(r);
	diags_release(&d);
	return rc == 0 ? 0 : 1;
}
