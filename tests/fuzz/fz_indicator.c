/* libFuzzer target: the indicator-set loader (jansson parse + full
 * validation, references resolved), and the same bytes as a values file
 * for a small fixed set, checked against itself as the previous report. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/core/indicator_values.h"
#include "../../src/core/rubric.h"

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
		ind_values_free(v);
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
	return 0;
}
