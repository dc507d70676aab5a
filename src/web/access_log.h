/*
 * The access log: one line a request on standard output, written in
 * batches. A line waits in a buffer while other requests are being
 * handled, and the buffer is written when no request is left in
 * (so a lone request's line is out before its answer is sent), when it
 * holds ALOG_BYTES, when the next line finds its first a second old
 * (nothing writes it sooner: a lone line beside a long download waits
 * for the next request or that download's end), and at a clean stop. Under load that is one write() for a few hundred lines instead of
 * one per request.
 */
#ifndef TS_WEB_ACCESS_LOG_H
#define TS_WEB_ACCESS_LOG_H

#include <stddef.h>

#define ALOG_BYTES ((size_t)16 << 10)

/* A request is being handled: its line is still to come. */
void alog_enter(void);
/* The line of a request alog_enter counted (without its newline). */
void alog_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes what is buffered (at a stop). */
void alog_flush(void);

#endif
