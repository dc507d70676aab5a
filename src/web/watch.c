#include "watch.h"

#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct watch_sock {
	struct watch_sock *prev, *next;
	int fd;
	struct sockaddr_storage addr;
	int64_t deadline_ms; /* 0: none */
	bool shut;	     /* the watchdog shut it down */
	bool over;	     /* opened past capacity */
};

#define TICK_MS 100

static int64_t
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

bool
watch_same_host(const struct sockaddr *a, const struct sockaddr_storage *b)
{
	if (a->sa_family != b->ss_family)
		return false;
	if (a->sa_family == AF_INET)
		return memcmp(&((const struct sockaddr_in *)(const void *)a)
				       ->sin_addr,
			      &((const struct sockaddr_in *)(const void *)b)
				       ->sin_addr,
			      sizeof(struct in_addr)) == 0;
	if (a->sa_family == AF_INET6)
		return memcmp(&((const struct sockaddr_in6 *)(const void *)a)
				       ->sin6_addr,
			      &((const struct sockaddr_in6 *)(const void *)b)
				       ->sin6_addr,
			      sizeof(struct in6_addr)) == 0;
	return false;
}

static void
expire(struct watch *w, int64_t now)
{
	for (struct watch_sock *s = w->head; s != NULL; s = s->next)
		if (!s->shut && s->deadline_ms > 0 && now >= s->deadline_ms) {
			/* Wakes the connection's thread with end of input;
			 * MHD then closes it and tells watch_close. */
			shutdown(s->fd, SHUT_RDWR);
			s->shut = true;
			w->timed_out++;
		}
}

static void *
watchdog(void *arg)
{
	struct watch *w = arg;
	pthread_mutex_lock(&w->m);
	while (w->running) {
		struct timespec t;
		clock_gettime(CLOCK_MONOTONIC, &t);
		t.tv_nsec += TICK_MS * 1000000L;
		if (t.tv_nsec >= 1000000000L) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&w->cv, &w->m, &t);
		expire(w, now_ms());
	}
	pthread_mutex_unlock(&w->m);
	return NULL;
}

int
watch_start(struct watch *w, unsigned capacity, unsigned per_address,
	    const struct sockaddr_storage *exempt)
{
	pthread_condattr_t ca;
	memset(w, 0, sizeof(*w));
	w->capacity = capacity;
	w->per_address = per_address;
	w->exempt = exempt;
	pthread_mutex_init(&w->m, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&w->cv, &ca);
	pthread_condattr_destroy(&ca);
	w->running = true;
	if (pthread_create(&w->thread, NULL, watchdog, w) != 0) {
		w->running = false;
		return -1;
	}
	return 0;
}

void
watch_stop(struct watch *w)
{
	pthread_mutex_lock(&w->m);
	bool was = w->running;
	w->running = false;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->m);
	if (was)
		pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->m);
}

bool
watch_accept(struct watch *w, const struct sockaddr *addr)
{
	unsigned n = 0;
	if (w->exempt != NULL && watch_same_host(addr, w->exempt))
		return true;
	pthread_mutex_lock(&w->m);
	for (struct watch_sock *s = w->head; s != NULL; s = s->next)
		n += watch_same_host(addr, &s->addr);
	pthread_mutex_unlock(&w->m);
	return n < w->per_address;
}

struct watch_sock *
watch_open(struct watch *w, int fd, const struct sockaddr *addr, double seconds)
{
	struct watch_sock *s = calloc(1, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->fd = fd;
	if (addr != NULL)
		memcpy(&s->addr, addr,
		       addr->sa_family == AF_INET6
			       ? sizeof(struct sockaddr_in6)
			       : sizeof(struct sockaddr_in));
	pthread_mutex_lock(&w->m);
	s->over = w->open >= w->capacity;
	s->deadline_ms = now_ms() + (int64_t)(seconds * 1000);
	s->next = w->head;
	if (w->head != NULL)
		w->head->prev = s;
	w->head = s;
	w->open++;
	pthread_mutex_unlock(&w->m);
	return s;
}

void
watch_close(struct watch *w, struct watch_sock *s)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&w->m);
	if (s->prev != NULL)
		s->prev->next = s->next;
	else
		w->head = s->next;
	if (s->next != NULL)
		s->next->prev = s->prev;
	w->open--;
	pthread_mutex_unlock(&w->m);
	free(s);
}

void
watch_deadline(struct watch *w, struct watch_sock *s, double seconds)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&w->m);
	s->deadline_ms = seconds < 0 ? 0 : now_ms() + (int64_t)(seconds * 1000);
	pthread_mutex_unlock(&w->m);
}

bool
watch_over(const struct watch_sock *s)
{
	return s != NULL && s->over;
}
