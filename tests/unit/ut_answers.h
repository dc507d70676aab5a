/*
 * The answers document of examples/qd4725-gdtx-duongkinh-2022-2023.json
 * made any unit's for any year (its "unit" and "school_year" left out),
 * with chosen items set: the self-assessment the app tests save.
 *
 *   json_t *root = ut_example_answers();
 *   ut_answer_set(root, "1.3a", 6);
 *   char *json = ut_answers_take(root); // malloc'd, root released
 */
#ifndef TS_UNIT_UT_ANSWERS_H
#define TS_UNIT_UT_ANSWERS_H

#include "ut.h"

#include <jansson.h>

static inline json_t *
ut_example_answers(void)
{
	json_error_t err;
	json_t *root = json_load_file(TS_DATADIR
				      "/../examples/"
				      "qd4725-gdtx-duongkinh-2022-2023.json",
				      0, &err);
	assert_non_null(root);
	json_object_del(root, "unit");
	json_object_del(root, "school_year");
	return root;
}

/* Item id answered v: the value of an item answered with an object
 * (value and note), else the item itself. */
static inline void
ut_answer_set(json_t *root, const char *id, json_int_t v)
{
	json_t *ans = json_object_get(root, "answers");
	json_t *item = json_object_get(ans, id);
	if (json_is_object(item))
		json_object_set_new(item, "value", json_integer(v));
	else
		json_object_set_new(ans, id, json_integer(v));
}

/* The document as compact JSON (malloc'd); root is released. */
static inline char *
ut_answers_take(json_t *root)
{
	char *s = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	assert_non_null(s);
	return s;
}

#endif
