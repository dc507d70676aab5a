/*
 * The assessment form: rendering each item with the right control, and
 * turning a posted form back into an answers document for sub_save (the
 * one validator). Field names: "v:ID" value, "n:ID" note, "b:ID" checklist
 * base, "m:ID" checklist modules (repeated).
 */
#ifndef TS_FORM_ANSWERS_H
#define TS_FORM_ANSWERS_H

#include "../app/submission.h"
#include "../core/answers.h"
#include "web.h"

/* What the form shows: the posted values when re-showing a form that was
 * refused (nothing typed is lost), else the stored answers. */
struct form_src {
	const struct kvlist *posted; /* may be NULL */
	const struct answers *stored;
	const char *prefix; /* "" for the school's answers, "x" for the
			     * reviewer's external scores ("xv:ID"...) */
	/* Per item idx, each may be NULL: show the posted value (else the
	 * stored one, e.g. a field someone else changed meanwhile); why the
	 * value was refused; the change of another person it clashes with. */
	const bool *use_posted;
	const char *const *error;
	const struct sub_change *const *conflict;
	/* The criterion's heading markup when the item is its only question
	 * (the heading asks it, so its text is not shown twice), and the id
	 * inside it that names the control; else NULL. */
	const char *heading, *heading_id;
	/* Rendering a template (form_answers.c, tpl_cache.h): markers
	 * instead of the value, the note and the heading. */
	bool marks;
};

/* The controls of one item (inside the caller's <form>). */
void form_item(struct buf *b, const struct item *it, const struct form_src *src,
	       bool editable);
/* Answers JSON (malloc'd) from a posted form; problems that the form
 * itself shows (e.g. "abc" typed as a number) go to d. */
char *form_to_answers(const struct rubric *r, const struct kvlist *form,
		      const char *prefix, struct diags *d);

/* Same, item by item: an item whose value is refused is left out of the
 * document, bad[idx] is set and msg[idx] says why (in arena a). bad and
 * msg have rubric->nitems slots. */
char *form_to_answers_valid(const struct rubric *r, const struct kvlist *form,
			    const char *prefix, bool *bad, const char **msg,
			    struct arena *a);
/* The form fields of an item as stored: {"v:ID": "12", "n:ID": "..."},
 * checklists {"b:ID": "...", "m:ID": ["a", "b"]} (a new reference). */
json_t *form_item_fields(const struct item *it, const struct answers *stored,
			 const char *prefix);
/* The id of the control of an item ("f-" prefix id), for links and
 * labels; the id of its message "e-" prefix id. */
void form_field_id(struct buf *b, const char *kind, const char *prefix,
		   const struct item *it);

#endif
