/* Shared by reminder.c (who is due, the run) and reminder_mail.c (the
 * digest's words, its claim and record through the write door). */
#ifndef TS_REMINDER_INT_H
#define TS_REMINDER_INT_H

#include "campaign.h"
#include "reminder.h"

/* One unit not submitted in one campaign. */
struct due_row {
	int64_t unit_id;
	const char *code, *name, *path, *email;
	const struct campaign *c;
	enum sub_state state;
};

/* One unit's digest. */
struct digest {
	const struct due_row *first; /* the unit, and its first campaign */
	size_t n;		     /* campaigns: first[0..n) */
	const char *to[REMIND_MAX_TO];
	size_t nto;
	char day[16];	    /* Vietnam day, YYYY-MM-DD */
	const char *sender; /* the office that reminds */
};

const char *digest_subject(struct arena *a, const struct digest *g);
const char *digest_body(struct arena *a, const struct remind_opts *o,
			const struct digest *g);
/* Claims (unit, day): *claimed false when a digest was sent (or is being
 * sent) today already; a failed one is claimed again. No audit row. */
enum ts_err remind_claim(struct app *app, const struct actor *who,
			 const struct digest *g, bool *claimed,
			 struct diags *d) TS_MUSTCHECK;
/* Marks the claim sent or failed, audited (reminder.email with the
 * addresses and campaigns, or reminder.failed with the reason). */
enum ts_err remind_record(struct app *app, const struct actor *who,
			  const struct digest *g, bool sent, const char *reason,
			  struct diags *d) TS_MUSTCHECK;

#endif
