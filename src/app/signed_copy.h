/*
 * The signed copy of a school's report: after printing, signing and
 * stamping, the school uploads the scan (a PDF) as its submission's
 * official copy. Stored in the evidence blob store by SHA-256, byte for
 * byte, so that a digitally signed PDF (PAdES) can be verified later
 * against the hash and its own signature (docs/reports.md).
 */
#ifndef TS_SIGNED_COPY_H
#define TS_SIGNED_COPY_H

#include "app.h"

#define SIGNED_MAX_BYTES ((size_t)20 << 20)
#define SIGNED_ACCEPTS	 "chỉ nhận tệp PDF, tối đa 20 MB"

struct signed_copy {
	int64_t id; /* 0: none uploaded yet */
	int64_t revision;
	char sha256[65];
	const char *name;
	int64_t size;
	const char *uploaded_by;
	const char *at;
};

/* Stores the PDF at path (name: what users see; NULL: path's base name)
 * as the official copy of the unit's submission in campaign cid. Only
 * the unit's own users, only once it has been submitted (submitted,
 * approved or published); a PDF checked by its content, at most
 * SIGNED_MAX_BYTES (TS_ELIMIT above). Audited ("submission.signed"). */
enum ts_err signed_copy_put(struct app *app, const struct actor *who,
			    int64_t cid, const char *unit_code,
			    const char *path, const char *name,
			    struct signed_copy *out,
			    struct diags *d) TS_MUSTCHECK;
/* Whether the actor may upload the unit's signed copy (the unit's own
 * users, a school taking part), decided before any file is read. */
enum ts_err signed_copy_may_put(struct app *app, const struct actor *who,
				int64_t cid, const char *unit_code,
				struct diags *d) TS_MUSTCHECK;
/* The latest signed copy (out->id 0 when none) for whoever may see the
 * unit's reports; blob: its stored file (malloc'd), or NULL. */
struct arena;
enum ts_err signed_copy_get(struct app *app, const struct actor *who,
			    int64_t cid, const char *unit_code, struct arena *a,
			    struct signed_copy *out, char **blob,
			    struct diags *d) TS_MUSTCHECK;

#endif
