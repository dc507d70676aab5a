/*
 * Sign-in throttling as pure arithmetic: growing delays instead of a
 * lockout. An account's failures make the next attempt wait longer and
 * longer (the right password included, so guessing slows down); a client
 * address's failures only slow down its failed attempts' answers, so
 * everyone else signing in from behind the same address (a school's NAT,
 * the nginx in front) is never refused.
 */
#ifndef TS_THROTTLE_H
#define TS_THROTTLE_H

#include <stdint.h>

#define THROTTLE_WINDOW		(60 * 60) /* failures counted over an hour */
#define THROTTLE_LOGIN_FREE	5	  /* failures of one login, no wait */
#define THROTTLE_LOGIN_FIRST	15	  /* then 15 s, doubling ... */
#define THROTTLE_LOGIN_MAX	(15 * 60) /* ... up to 15 minutes */
#define THROTTLE_CLIENT_FREE	20	  /* failures from one address */
#define THROTTLE_CLIENT_STEP_MS 250	  /* then each answer 250 ms slower */
#define THROTTLE_CLIENT_MAX_MS	3000	  /* up to 3 s */

/* Seconds an account with `failures` recent failures must wait after
 * its last one before it may try again (0: no wait). */
int64_t throttle_login_wait(int64_t failures);
/* Milliseconds by which a failed attempt's answer is held back when its
 * address has `failures` recent failures (this one included). */
unsigned throttle_client_delay_ms(int64_t failures);

#endif
