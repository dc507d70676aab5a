/* libFuzzer target: the indicator-set loader (jansson parse + full
 * validation, references resolved); the same bytes as a values file for a
 * small fixed set, checked against itself as the previous report and
 * rolled up; and as a target file measured with that set. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/core/indicator_values.h"
#include "../../src/core/rubric.h"
#include "../../src/core/target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char SET[] =
	"{\"format\":1,\"id\":\"t\",\"version\":1,\"title\":\"T\","
	"\"scope\":\"school\",\"source\":\"s\",\"school_levels\":[\"TH\","
	"\"THCS\"],\"periods\":[{\"id\":\"p\",\"name\":\"P\",\"as_of\":"
	"\"30/9\",\"source\":\"s\"}],\"sections\":[{\"id\":\"a\",\"title\":"
	"\"A\",\"indicators\":["
	"{\"code\":\"tong\",\"label\":\"T\",\"type\":\"count\",\"unit\":\"x\","
	"\"required\":true,\"warn_change\":50,\"source\":\"s\"},"
	"{\"code\":\"con\",\"label\":\"C\",\"type\":\"count\",\"unit\":\"x\","
	"\"part_of\":\"tong\",\"source\":\"s\"},"
	"{\"code\":\"co\",\"label\":\"Y\",\"type\":\"yesno\",\"source\":\"s\"},"
	"{\"code\":\"ten\",\"label\":\"N\",\"type\":\"names\","
	"\"required_if\":\"co\",\"source\":\"s\"},"
	"{\"code\":\"pt\",\"label\":\"P\",\"type\":\"percent\",\"unit\":\"%\","
	"\"school_levels\":[\"THCS\"],\"warn_change\":10,\"source\":\"s\"},"
	"{\"code\":\"ch\",\"label\":\"C\",\"type\":\"choice\",\"options\":["
	"{\"id\":\"a\",\"text\":\"A\"},{\"id\":\"b\",\"text\":\"B\"}],"
	"\"source\":\"s\"},"
	"{\"code\":\"loi\",\"label\":\"L\",\"type\":\"text\",\"source\":\"s\"}"
	"]}]}";

static struct ind_set *
fixed_set(void)
{
	static struct ind_set *s;
	if (s == NULL) {
		struct diags d;
		diags_init(&d);
		if (ind_set_parse(SET, strlen(SET), "set", &s, &d) != TS_OK)
			__builtin_trap();
		diags_release(&d);
	}
	return s;
}

static void
values(const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct ind_values *v = NULL;
	if (ind_values_parse(fixed_set(), (const char *)data, size, "fuzz", &v,
			     &d) == TS_OK) {
		struct ind_check c;
		ind_check_init(&c);
		ind_check_run(v, LEVEL_TH | LEVEL_THCS, v, &c);
		ind_check_release(&c);
		json_decref(ind_values_to_json(v));
		struct agg_unit u[2] = { { LEVEL_TH, v },
					 { LEVEL_TH | LEVEL_THCS, v } };
		struct ind_agg *a = NULL;
		if (ind_agg_run(fixed_set(), u, 2, &a) == TS_OK)
			ind_agg_free(a);
		ind_values_free(v);
	}
	diags_release(&d);
}

/* A target file measured with the fixed set (as schools and office),
 * evaluated on no schools and no office values. */
static void
targets(const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct target_set *t = NULL;
	if (target_set_parse((const char *)data, size, "fuzz", fixed_set(),
			     fixed_set(), &t, &d) == TS_OK) {
		for (size_t i = 0; i < t->n; i++)
			for (size_t k = 0; k < t->v[i].nmeasures; k++)
				(void)target_measure(&t->v[i].measures[k], NULL,
						     0, NULL, true);
		target_set_free(t);
	}
	diags_release(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct ind_set *s = NULL;
	if (ind_set_parse((const char *)data, size, "fuzz", &s, &d) == TS_OK)
		ind_set_free(s);
	diags_release(&d);
	values(data, size);
	targets(data, size);
	return 0;
}
