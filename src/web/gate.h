/*
 * Admission gate: at most `slots` requests do their CPU work at once,
 * the others wait their turn strictly in arrival order (FIFO).
 *
 * With a thread per connection, 64 runnable handlers on 2 cores share the
 * CPU in scheduler time slices, so each request's short work is spread
 * over many slices and the slowest wait for all the others
 * (docs/performance.md, "Admission gate"). Through the gate a request
 * runs to its end in a few slices while the rest wait asleep.
 *
 * Only work that does not block may hold a slot (server.c decides which
 * requests take it): a slot held while waiting for a disk, a lock or a
 * client would stall every request behind it, as a blocking handler
 * stalls MHD's event loops.
 *
 * A slot is handed directly to the oldest waiter when it is given back,
 * so a newcomer never overtakes a waiter. A waiter whose client has gone
 * leaves the queue without taking a slot.
 */
#ifndef TS_GATE_H
#define TS_GATE_H

#include <pthread.h>
#include <stdbool.h>

struct gate_waiter;

struct gate {
	pthread_mutex_t m;
	pthread_cond_t changed; /* a waiter came or left (gate_await) */
	unsigned slots;		/* 0: no gate, every enter passes */
	unsigned busy;		/* slots held */
	unsigned waiting;	/* waiters in the queue */
	unsigned tick_ms;	/* how often a waiter asks `gone` */
	struct gate_waiter *head, *tail;
};

/* slots == 0 makes a gate that never waits. */
int gate_init(struct gate *g, unsigned slots, unsigned tick_ms);
void gate_release(struct gate *g);
/* Takes a slot, waiting in line for one. While waiting, gone(arg) is
 * asked every tick_ms (and on gate_poke); when it says true the caller
 * leaves the line and gets false, holding nothing. gone may be NULL. */
bool gate_enter(struct gate *g, bool (*gone)(void *), void *arg);
/* Gives a slot back (to the oldest waiter, if any). */
void gate_leave(struct gate *g);
/* Makes every waiter ask its gone() now. */
void gate_poke(struct gate *g);
/* Waits until exactly n requests wait in line (tests order events with
 * it instead of sleeping); false if that has not happened within a
 * minute (a broken gate fails its test rather than hanging it). */
bool gate_await(struct gate *g, unsigned n);
/* Slots held now. */
unsigned gate_busy(struct gate *g);

#endif
