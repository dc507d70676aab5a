/* Shared by the document-field and report-building files of app/. */
#ifndef TS_DOCFIELD_INT_H
#define TS_DOCFIELD_INT_H

#include "campaign.h"
#include "org.h"
#include "report.h"

/* A unit's documents in one campaign, after the access checks. */
struct doc_target {
	struct campaign campaign;
	struct org_unit unit;
	const struct rubric *rubric; /* the campaign's; NULL if missing */
	bool school;
	bool can_edit;	  /* the actor may change the unit's fields */
	const char *path; /* the unit's path the policy judged by */
	const struct report_kind_info *kinds[4];
	size_t nkinds;
};

/* Checks the actor may see (edit: change) unit_code's documents in
 * campaign cid (NULL unit: the actor's own unit), and lists the kinds
 * the unit produces. */
enum ts_err doc_target_open(struct app *app, const struct actor *who,
			    int64_t cid, const char *unit_code, bool edit,
			    struct arena *a, struct doc_target *t,
			    struct diags *d) TS_MUSTCHECK;
/* report_refusal.c: whether kind k's document can be built for t's
 * unit, f the fields as the kind reads them (rb_own_fields): TS_OK, or
 * TS_EINVAL with the reason in d (not the unit's kind, or nothing to
 * make it of); another error when that could not be read. */
enum ts_err rb_refusal(struct app *app, const struct doc_target *t,
		       const struct report_kind_info *k,
		       const struct doc_fields *f,
		       struct diags *d) TS_MUSTCHECK;
/* The fields kind k reads of all the unit's fields of the campaign. */
enum ts_err rb_own_fields(const struct report_kind_info *k,
			  const struct doc_fields *all, struct arena *a,
			  struct doc_fields *out) TS_MUSTCHECK;
enum ts_err doc_fields_read(struct app *app, int64_t cid, int64_t unit_id,
			    struct arena *a, struct doc_fields *out,
			    struct diags *d) TS_MUSTCHECK;
/* docfield_signer.c: a signer's title v (DF_SIGNER field def) as one
 * or two trimmed lines joined by '\n', or NULL with a message naming the
 * field in d (three lines, or a line too long to sign under). */
const char *docfield_signer(const struct df_def *def, const char *v,
			    struct arena *a, struct diags *d);

#endif
