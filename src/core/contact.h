/*
 * Contact details of units and accounts (issue 17 item 7): a phone
 * number and an e-mail address, as people type them. Pure checks, no I/O
 * (fuzzed with the other parsers' inputs in tests/unit/test_contact.c).
 */
#ifndef TS_CONTACT_H
#define TS_CONTACT_H

#include <stddef.h>

#define CONTACT_EMAIL_MAX 254 /* RFC 5321's path limit, less the <> */

/* NULL when s is a phone number we accept: digits with spaces, dots,
 * dashes or brackets between them, an optional "+" first (+84 ...),
 * 8 to 15 digits in all (E.164 has at most 15; Vietnam's numbers have 10
 * or 11 with the leading 0). Otherwise why not, in Vietnamese. */
const char *contact_phone_problem(const char *s);

/* NULL when s is an e-mail address we can send to: ASCII, one "@", a
 * local part of at most 64 of the characters RFC 5322 allows unquoted
 * (dots not first, last or doubled), a domain of at least two labels
 * (letters, digits, "-" not at either end, at most 63 each) ending in
 * letters, at most CONTACT_EMAIL_MAX in all. Quoted local parts, IP
 * literals and non-ASCII (IDN) addresses are refused: the relays and
 * mail clients of schools are not all ready for them. */
const char *contact_email_problem(const char *s);

#endif
