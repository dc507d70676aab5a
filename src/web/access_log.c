/* The access log, buffered (access_log.h). One mutex guards the buffer
 * and the count of requests in; a line is formatted before taking it. */
#include "access_log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../util/buf.h"

static pthread_mutex_t MU = PTHREAD_MUTEX_INITIALIZER;
static char PENDING[ALOG_BYTES];
static size_t LEN;
static int IN;		      /* requests counted by alog_enter, not logged */
static struct timespec FIRST; /* when the oldest line pending was added */

static double
age(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - FIRST.tv_sec) +
	       (double)(now.tv_nsec - FIRST.tv_nsec) / 1e9;
}

/* Holding MU. */
static void
write_out(void)
{
	if (LEN > 0) {
		fwrite(PENDING, 1, LEN, stdout);
		fflush(stdout);
	}
	LEN = 0;
}

/* Holding MU: adds a line of n bytes (a line longer than the buffer is
 * written on its own). */
static void
add(const char *line, size_t n)
{
	if (LEN + n > sizeof(PENDING))
		write_out();
	if (n > sizeof(PENDING)) {
		fwrite(line, 1, n, stdout);
		fflush(stdout);
		return;
	}
	if (LEN == 0)
		clock_gettime(CLOCK_MONOTONIC, &FIRST);
	memcpy(PENDING + LEN, line, n);
	LEN += n;
}

void
alog_enter(void)
{
	pthread_mutex_lock(&MU);
	IN++;
	pthread_mutex_unlock(&MU);
}

void
alog_line(const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	buf_init(&b, 0);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_putc(&b, '\n');
	pthread_mutex_lock(&MU);
	if (b.err == TS_OK)
		add(b.p, b.len);
	IN--;
	if (IN <= 0 || age() >= 1.0)
		write_out();
	pthread_mutex_unlock(&MU);
	buf_release(&b);
}

void
alog_flush(void)
{
	pthread_mutex_lock(&MU);
	write_out();
	pthread_mutex_unlock(&MU);
}
