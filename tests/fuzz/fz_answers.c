/*
 * libFuzzer target: the answers parser and the scorer behind it. The first
 * byte picks one of the real rubric files (so every item kind is reached);
 * the rest is the answers JSON.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../src/app/rubric_set.h"
#include "../../src/core/answers.h"
#include "../../src/core/score.h"
#include "../../src/core/score_json.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct rubric_set set;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct diags d;
	diags_init(&d);
	if (rubric_set_load("data/rubrics", &set, &d) != TS_OK || set.n == 0)
		abort(); /* run from the repository root */
	diags_release(&d);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const struct rubric *r = set.v[data[0] % set.n].rubric;
	struct diags d;
	diags_init(&d);
	struct answers *a = NULL;
	if (answers_parse(r, (const char *)data + 1, size - 1, "fuzz", &a,
			  &d) == TS_OK) {
		struct score *s = score_compute(r, a);
		if (s != NULL) {
			json_t *j = score_to_json(s);
			char *txt = j ? json_dumps(j, JSON_REAL_PRECISION(15))
				      : NULL;
			free(txt);
			json_decref(j);
		}
		score_free(s);
		answers_free(a);
	}
	diags_release(&d);
	return 0;
}
