/*
 * The assessment form: rendering each item with the right control, and
 * turning a posted form back into an answers document for sub_save (the
 * one validator). Field names: "v:ID" value, "n:ID" note, "b:ID" checklist
 * base, "m:ID" checklist modules (repeated).
 */
#ifndef TS_FORM_ANSWERS_H
#define TS_FORM_ANSWERS_H

#include "../core/answers.h"
#include "web.h"

/* What the form shows: the posted values when re-showing a form that was
 * refused (nothing typed is lost), else the stored answers. */
struct form_src {
	const struct kvlist *posted; /* may be NULL */
	const struct answers *stored;
	const char *prefix; /* "" for the school's answers, "x" for the
			     * reviewer's external scores ("xv:ID"...) */
};

/* The controls of one item (inside the caller's <form>). */
void form_item(struct buf *b, const struct item *it, const struct form_src *src,
	       bool editable);
/* Answers JSON (malloc'd) from a posted form; problems that the form
 * itself shows (e.g. "abc" typed as a number) go to d. */
char *form_to_answers(const struct rubric *r, const struct kvlist *form,
		      const char *prefix, struct diags *d);

#endif
