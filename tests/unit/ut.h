/*
 * Shared helpers for the cmocka unit tests (not a test itself: only
 * tests/unit/test_*.c are built). Everything is static inline so a test
 * file that does not use a helper compiles cleanly under -Werror.
 *
 * Inline JSON is written with ' instead of " (ut_json turns every ' into
 * "), which keeps small rubrics readable as C string literals.
 */
#ifndef TS_UNIT_UT_H
#define TS_UNIT_UT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/app/fileio.h"
#include "../../src/app/rubric_set.h"
#include "../../src/core/answers.h"
#include "../../src/core/fixed.h"
#include "../../src/core/range.h"
#include "../../src/core/rubric.h"
#include "../../src/core/score.h"
#include "../../src/util/diag.h"

/* File name used for every inline rubric / answers buffer. */
#define UT_NAME "t.json"

/* Header of a valid rubric up to "groups": (id "t", version 1). */
#define UT_HEAD                                                                 \
	"{'format':1,'id':'t','version':1,'title':'Bộ chỉ số thử',"     \
	"'source':{'decision':'Quyết định thử'},'school_levels':['TH']," \
	"'groups':"

/* A rubric with one group "1" and one criterion "1.1", both with max M
 * (a string literal such as "10"), holding ITEMS (item objects). */
#define UT_ONE(M, ITEMS)                                                       \
	UT_HEAD "[{'id':'1','title':'Nhóm','max':" M ",'criteria':["           \
		"{'id':'1.1','title':'Tiêu chí','max':" M ",'items':[" ITEMS   \
		"]}]}]}"

/* Standard group levels: dưới 50, từ 50 đến 75, trên 75 (max 100). */
#define UT_LEVELS_100                                                          \
	"'levels':[{'level':1,'name':'Mức 1','range':'[0,50)'},"             \
	"{'level':2,'name':'Mức 2','range':'[50,75]'},"                      \
	"{'level':3,'name':'Mức 3','range':'(75,100]'}]"

/* Malloc'd copy of s with every ' replaced by ". */
static inline char *
ut_json(const char *s)
{
	size_t n = strlen(s);
	char *p = malloc(n + 1);
	assert_non_null(p);
	for (size_t i = 0; i <= n; i++)
		p[i] = s[i] == '\'' ? '"' : s[i];
	return p;
}

static inline void
ut_print_diags(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "  diag[%zu] where=\"%s\" msg=\"%s\"\n", i,
			d->v[i].where, d->v[i].msg);
}

/* Index of the first problem whose where equals `where` (NULL: any) and
 * whose message contains `msg`; -1 (and every problem printed) if none. */
static inline int
ut_find_diag(const struct diags *d, const char *where, const char *msg)
{
	for (size_t i = 0; i < d->n; i++)
		if ((where == NULL || strcmp(d->v[i].where, where) == 0) &&
		    strstr(d->v[i].msg, msg) != NULL)
			return (int)i;
	fprintf(stderr, "  no problem at \"%s\" containing \"%s\"; have:\n",
		where ? where : "(any)", msg);
	ut_print_diags(d);
	return -1;
}

#define assert_diag(d, where, msg)                                             \
	assert_true(ut_find_diag((d), (where), (msg)) >= 0)

/* Parses an inline rubric ('-quoted JSON); returns the error code and
 * leaves problems in d (initialised here; caller releases). */
static inline enum ts_err
ut_rubric_parse(const char *sq, struct rubric **out, struct diags *d)
{
	char *json = ut_json(sq);
	diags_init(d);
	*out = NULL;
	enum ts_err e = rubric_parse(json, strlen(json), UT_NAME, out, d);
	free(json);
	return e;
}

/* An inline rubric that must load; fails the test otherwise. */
static inline struct rubric *
ut_rubric_ok(const char *sq)
{
	struct diags d;
	struct rubric *r = NULL;
	enum ts_err e = ut_rubric_parse(sq, &r, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	assert_int_equal(d.n, 0);
	diags_release(&d);
	assert_int_equal(e, TS_OK);
	assert_non_null(r);
	return r;
}

/* An inline rubric that must be rejected with TS_EINVAL; problems in d. */
static inline void
ut_rubric_bad(const char *sq, struct diags *d)
{
	struct rubric *r = NULL;
	enum ts_err e = ut_rubric_parse(sq, &r, d);
	if (e == TS_OK)
		rubric_free(r);
	assert_int_equal(e, TS_EINVAL);
	assert_null(r);
	assert_true(d->n > 0);
}

static inline enum ts_err
ut_answers_parse(const struct rubric *r, const char *sq, struct answers **out,
		 struct diags *d)
{
	char *json = ut_json(sq);
	diags_init(d);
	*out = NULL;
	enum ts_err e = answers_parse(r, json, strlen(json), UT_NAME, out, d);
	free(json);
	return e;
}

/* Answers that must parse. */
static inline struct answers *
ut_answers_ok(const struct rubric *r, const char *sq)
{
	struct diags d;
	struct answers *a = NULL;
	enum ts_err e = ut_answers_parse(r, sq, &a, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	assert_int_equal(d.n, 0);
	diags_release(&d);
	assert_int_equal(e, TS_OK);
	assert_non_null(a);
	return a;
}

/* Answers that must be rejected with TS_EINVAL; problems in d. */
static inline void
ut_answers_bad(const struct rubric *r, const char *sq, struct diags *d)
{
	struct answers *a = NULL;
	enum ts_err e = ut_answers_parse(r, sq, &a, d);
	if (e == TS_OK)
		answers_free(a);
	assert_int_equal(e, TS_EINVAL);
	assert_null(a);
	assert_true(d->n > 0);
}

/* A rubric file of the repository that must load (run from the root). */
static inline struct rubric *
ut_rubric_file(const char *path)
{
	struct diags d;
	diags_init(&d);
	struct rubric *r = NULL;
	enum ts_err e = rubric_load_file(path, &r, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	assert_int_equal(d.n, 0);
	diags_release(&d);
	assert_int_equal(e, TS_OK);
	assert_non_null(r);
	return r;
}

/* Reads a whole file of the repository (malloc'd, NUL-terminated). */
static inline char *
ut_read_file(const char *path, size_t *len)
{
	struct diags d;
	diags_init(&d);
	char *text = NULL;
	enum ts_err e = file_read_all(path, INPUT_FILE_LIMIT, &text, len, &d);
	if (e != TS_OK)
		ut_print_diags(&d);
	diags_release(&d);
	assert_int_equal(e, TS_OK);
	assert_non_null(text);
	return text;
}

/* Slot of item `id` (which must exist) in answers a. */
static inline struct answer *
ut_slot(struct answers *a, const char *id)
{
	const struct item *it = rubric_find_item(a->rubric, id);
	assert_non_null(it);
	return &a->v[it->idx];
}

/* Index of item `id` (which must exist). */
static inline size_t
ut_idx(const struct rubric *r, const char *id)
{
	const struct item *it = rubric_find_item(r, id);
	assert_non_null(it);
	return it->idx;
}

/* Hundredths from a whole number of points. */
#define P(x) ((pts_t)(x)*PTS_ONE)

#endif
