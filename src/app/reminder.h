/*
 * Reminder e-mails to the units that have not submitted (issue 17 item
 * 7): one digest per unit per Vietnam day listing every chosen campaign
 * it has not submitted in, sent through the configured relay (mail.c) to
 * the unit's address and its school accounts' (hiệu trưởng, cán bộ CNTT),
 * each sent or failed digest audited (reminder.email, reminder.failed).
 */
#ifndef TS_REMINDER_H
#define TS_REMINDER_H

#include "app.h"
#include "mail.h"

#define REMIND_MAX_TO 8 /* addresses per digest */

struct remind_opts {
	const int64_t *campaigns;
	size_t ncampaigns;
	const char *unit; /* root unit code; NULL: the actor's */
	const struct mail_relay *relay;
	const char *base_url; /* "https://…" for links; may be NULL */
};

struct remind_report {
	size_t units; /* not submitted in at least one campaign */
	size_t sent;
	size_t already;		 /* a digest went out today: not again */
	size_t failed;		 /* the relay refused (reason in diags) */
	const char **no_address; /* codes of units with no address (arena) */
	size_t nno_address;
};

/* Reviewers and admins (and the operator) for the units under their
 * scope; a school account is refused. Units are claimed before their
 * mail is sent (a failed one may be retried the same day), so two runs
 * at once never send one unit two digests. */
enum ts_err remind_run(struct app *app, const struct actor *who,
		       const struct remind_opts *o, struct arena *a,
		       struct remind_report *out, struct diags *d) TS_MUSTCHECK;

#endif
