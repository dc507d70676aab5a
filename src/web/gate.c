/* Admission gate (gate.h): a FIFO of sleeping waiters, each with its own
 * condition variable, so a given-back slot wakes exactly the waiter it
 * goes to. */
#include "gate.h"

#include <time.h>

struct gate_waiter {
	struct gate_waiter *next;
	pthread_cond_t cv;
	bool granted; /* the slot is this waiter's */
};

int
gate_init(struct gate *g, unsigned slots, unsigned tick_ms)
{
	g->slots = slots;
	g->busy = 0;
	g->waiting = 0;
	g->tick_ms = tick_ms > 0 ? tick_ms : 100;
	g->head = g->tail = NULL;
	if (pthread_mutex_init(&g->m, NULL) != 0)
		return -1;
	if (pthread_cond_init(&g->changed, NULL) == 0)
		return 0;
	pthread_mutex_destroy(&g->m);
	return -1;
}

void
gate_release(struct gate *g)
{
	pthread_cond_destroy(&g->changed);
	pthread_mutex_destroy(&g->m);
}

static void
cv_init_monotonic(pthread_cond_t *cv)
{
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(cv, &ca);
	pthread_condattr_destroy(&ca);
}

/* Sleeps one tick (or until woken): the caller holds g->m. */
static void
nap(struct gate *g, struct gate_waiter *w)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_nsec += (long)(g->tick_ms % 1000) * 1000000L;
	t.tv_sec += g->tick_ms / 1000 + t.tv_nsec / 1000000000L;
	t.tv_nsec %= 1000000000L;
	pthread_cond_timedwait(&w->cv, &g->m, &t);
}

/* Takes w out of the line (it was not granted). */
static void
unlink_waiter(struct gate *g, struct gate_waiter *w)
{
	struct gate_waiter **p = &g->head, *prev = NULL;
	while (*p != w) {
		prev = *p;
		p = &(*p)->next;
	}
	*p = w->next;
	if (g->tail == w)
		g->tail = prev;
}

/* True once w is granted its slot, false when its client has gone
 * first. The question is put without the lock: it may be a system call. */
static bool
wait_turn(struct gate *g, struct gate_waiter *w, bool (*gone)(void *),
	  void *arg)
{
	for (;;) {
		if (w->granted)
			return true;
		if (gone == NULL)
			pthread_cond_wait(&w->cv, &g->m);
		else
			nap(g, w);
		if (w->granted || gone == NULL)
			continue;
		pthread_mutex_unlock(&g->m);
		bool left = gone(arg);
		pthread_mutex_lock(&g->m);
		if (left && !w->granted)
			return false;
	}
}

static void
queue(struct gate *g, struct gate_waiter *w)
{
	if (g->tail != NULL)
		g->tail->next = w;
	else
		g->head = w;
	g->tail = w;
	g->waiting++;
	pthread_cond_broadcast(&g->changed);
}

bool
gate_enter(struct gate *g, bool (*gone)(void *), void *arg)
{
	pthread_mutex_lock(&g->m);
	if (g->slots == 0 || (g->busy < g->slots && g->head == NULL)) {
		g->busy += g->slots > 0;
		pthread_mutex_unlock(&g->m);
		return true;
	}
	struct gate_waiter w = { NULL, PTHREAD_COND_INITIALIZER, false };
	cv_init_monotonic(&w.cv);
	queue(g, &w);
	bool in = wait_turn(g, &w, gone, arg);
	if (!in) {
		unlink_waiter(g, &w);
		g->waiting--;
		pthread_cond_broadcast(&g->changed);
	}
	pthread_mutex_unlock(&g->m);
	pthread_cond_destroy(&w.cv);
	/* Asked again on being let in, so the waiters whose clients left
	 * (a closing client's whole batch) pass the slot on at once rather
	 * than one tick later. */
	if (in && gone != NULL && gone(arg)) {
		gate_leave(g);
		return false;
	}
	return in;
}

void
gate_leave(struct gate *g)
{
	pthread_mutex_lock(&g->m);
	struct gate_waiter *w = g->head;
	if (w != NULL) {
		/* The slot passes to the oldest waiter: busy stays. */
		g->head = w->next;
		if (g->head == NULL)
			g->tail = NULL;
		g->waiting--;
		w->granted = true;
		pthread_cond_signal(&w->cv);
		pthread_cond_broadcast(&g->changed);
	} else if (g->busy > 0) {
		g->busy--;
	}
	pthread_mutex_unlock(&g->m);
}

void
gate_poke(struct gate *g)
{
	pthread_mutex_lock(&g->m);
	for (struct gate_waiter *w = g->head; w != NULL; w = w->next)
		pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&g->m);
}

bool
gate_await(struct gate *g, unsigned n)
{
	struct timespec end;
	clock_gettime(CLOCK_REALTIME, &end);
	end.tv_sec += 60;
	pthread_mutex_lock(&g->m);
	int rc = 0;
	while (g->waiting != n && rc == 0)
		rc = pthread_cond_timedwait(&g->changed, &g->m, &end);
	bool got = g->waiting == n;
	pthread_mutex_unlock(&g->m);
	return got;
}

unsigned
gate_busy(struct gate *g)
{
	pthread_mutex_lock(&g->m);
	unsigned n = g->busy;
	pthread_mutex_unlock(&g->m);
	return n;
}
