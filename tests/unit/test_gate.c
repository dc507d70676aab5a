/* The admission gate (web/gate.c): FIFO order, at most K inside, a waiter
 * whose client has gone leaves the line, no slot is lost. Threads are
 * ordered by the gate's own queue count (gate_await) and condition
 * variables, never by sleeping; the gate's tick is a minute, so a waiter
 * wakes only when a slot or gate_poke reaches it. */
#include "ut.h"

#include <pthread.h>
#include <stdatomic.h>

#include "../../src/web/gate.h"

#define LONG_TICK 60000

struct rider {
	struct gate *g;
	int id;
	atomic_bool gone;
	bool entered;
	/* shared by the riders of one test */
	pthread_mutex_t *m;
	pthread_cond_t *cv;
	int *order, *n_order;
	int *inside, *most;
	bool *released; /* NULL: leave at once */
};

static bool
rider_gone(void *arg)
{
	struct rider *r = arg;
	return atomic_load(&r->gone);
}

/* Enters, notes its turn and how many are inside, waits for the release
 * (if any), leaves. */
static void *
ride(void *arg)
{
	struct rider *r = arg;
	r->entered = gate_enter(r->g, rider_gone, r);
	if (!r->entered)
		return NULL;
	pthread_mutex_lock(r->m);
	r->order[(*r->n_order)++] = r->id;
	if (++*r->inside > *r->most)
		*r->most = *r->inside;
	pthread_cond_broadcast(r->cv);
	while (r->released != NULL && !*r->released)
		pthread_cond_wait(r->cv, r->m);
	--*r->inside;
	pthread_mutex_unlock(r->m);
	gate_leave(r->g);
	return NULL;
}

struct ride_set {
	struct gate g;
	pthread_mutex_t m;
	pthread_cond_t cv;
	int order[16], n_order, inside, most;
	bool released;
	struct rider r[16];
	pthread_t t[16];
};

static void
set_init(struct ride_set *s, unsigned slots, bool hold)
{
	memset(s, 0, sizeof(*s));
	assert_int_equal(gate_init(&s->g, slots, LONG_TICK), 0);
	pthread_mutex_init(&s->m, NULL);
	pthread_cond_init(&s->cv, NULL);
	for (int i = 0; i < 16; i++) {
		s->r[i] = (struct rider){ .g = &s->g,
					  .id = i,
					  .m = &s->m,
					  .cv = &s->cv,
					  .order = s->order,
					  .n_order = &s->n_order,
					  .inside = &s->inside,
					  .most = &s->most,
					  .released = hold ? &s->released
							   : NULL };
		atomic_init(&s->r[i].gone, false);
	}
}

/* Starts rider i and returns once it waits in line as the n-th. */
static void
queue_rider(struct ride_set *s, int i, unsigned n)
{
	assert_int_equal(pthread_create(&s->t[i], NULL, ride, &s->r[i]), 0);
	assert_true(gate_await(&s->g, n));
}

/* One slot, held by the test itself, and riders 0..n-1 waiting in line
 * behind it in that order. */
static void
held_line(struct ride_set *s, int n)
{
	set_init(s, 1, false);
	assert_true(gate_enter(&s->g, NULL, NULL));
	for (int i = 0; i < n; i++)
		queue_rider(s, i, (unsigned)i + 1);
}

/* Joins riders 0..n-1. */
static void
join_riders(struct ride_set *s, int n)
{
	for (int i = 0; i < n; i++)
		assert_int_equal(pthread_join(s->t[i], NULL), 0);
}

static void
set_release(struct ride_set *s)
{
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->m);
	gate_release(&s->g);
}

/* Riders queued behind a held slot get in in the order they came. */
static void
test_fifo_order(void **state)
{
	(void)state;
	struct ride_set s;
	held_line(&s, 6);
	gate_leave(&s.g);
	join_riders(&s, 6);
	assert_int_equal(s.n_order, 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(s.order[i], i);
	assert_int_equal(gate_busy(&s.g), 0);
	set_release(&s);
}

/* With 3 slots and 8 riders that stay inside until released, 3 are in
 * and 5 wait; once released all pass, never more than 3 at once. */
static void
test_at_most_k(void **state)
{
	(void)state;
	struct ride_set s;
	set_init(&s, 3, true);
	for (int i = 0; i < 8; i++)
		assert_int_equal(pthread_create(&s.t[i], NULL, ride, &s.r[i]),
				 0);
	assert_true(gate_await(&s.g, 5));
	pthread_mutex_lock(&s.m);
	while (s.inside < 3)
		pthread_cond_wait(&s.cv, &s.m);
	assert_int_equal(s.inside, 3);
	assert_int_equal(gate_busy(&s.g), 3);
	s.released = true;
	pthread_cond_broadcast(&s.cv);
	pthread_mutex_unlock(&s.m);
	join_riders(&s, 8);
	assert_int_equal(s.n_order, 8);
	assert_int_equal(s.most, 3);
	assert_int_equal(gate_busy(&s.g), 0);
	set_release(&s);
}

/* A waiter whose client went away leaves the line when poked, without a
 * slot; the one behind it still gets in, and nothing stays held. */
static void
test_gone_leaves_line(void **state)
{
	(void)state;
	struct ride_set s;
	held_line(&s, 2);
	atomic_store(&s.r[0].gone, true);
	gate_poke(&s.g);
	assert_int_equal(pthread_join(s.t[0], NULL), 0);
	assert_false(s.r[0].entered);
	assert_true(gate_await(&s.g, 1));
	assert_int_equal(gate_busy(&s.g), 1); /* still ours */
	gate_leave(&s.g);
	assert_int_equal(pthread_join(s.t[1], NULL), 0);
	assert_true(s.r[1].entered);
	assert_int_equal(s.n_order, 1);
	assert_int_equal(s.order[0], 1);
	assert_int_equal(gate_busy(&s.g), 0);
	set_release(&s);
}

/* A waiter whose client went away without a poke is found out when the
 * slot reaches it: it passes the slot on to the next (no slot lost). */
static void
test_gone_on_grant(void **state)
{
	(void)state;
	struct ride_set s;
	held_line(&s, 3);
	atomic_store(&s.r[1].gone, true);
	gate_leave(&s.g);
	join_riders(&s, 3);
	assert_true(s.r[0].entered);
	assert_false(s.r[1].entered);
	assert_true(s.r[2].entered);
	assert_int_equal(s.n_order, 2);
	assert_int_equal(s.order[0], 0);
	assert_int_equal(s.order[1], 2);
	assert_int_equal(gate_busy(&s.g), 0);
	/* The slot is free for the next comer at once. */
	assert_true(gate_enter(&s.g, NULL, NULL));
	gate_leave(&s.g);
	set_release(&s);
}

/* 0 slots: no gate, nobody waits, nothing counted. */
static void
test_no_gate(void **state)
{
	(void)state;
	struct gate g;
	assert_int_equal(gate_init(&g, 0, LONG_TICK), 0);
	for (int i = 0; i < 100; i++)
		assert_true(gate_enter(&g, NULL, NULL));
	assert_int_equal(gate_busy(&g), 0);
	for (int i = 0; i < 100; i++)
		gate_leave(&g);
	assert_int_equal(gate_busy(&g), 0);
	gate_release(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fifo_order),
		cmocka_unit_test(test_at_most_k),
		cmocka_unit_test(test_gone_leaves_line),
		cmocka_unit_test(test_gone_on_grant),
		cmocka_unit_test(test_no_gate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
