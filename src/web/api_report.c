/* Documents in the JSON API: the fields a unit types, and downloads
 * (docs/api.md, "Báo cáo"). */
#include <jansson.h>
#include <string.h>

#include "../app/report.h"
#include "../util/arena.h"
#include "report_web.h"
#include "web.h"

static const char *const DF_KIND[] = { "line", "text", "int", "date",
				       "signer" };
_Static_assert(sizeof(DF_KIND) / sizeof(DF_KIND[0]) == DF_KINDS,
	       "a name for each df_kind");

static json_t *
kinds_json(const struct report_target *t)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < t->nkinds; i++)
		/* "refused": why it cannot be built now (its download
		 * answers 422 saying so), or null. */
		json_array_append_new(arr, json_pack("{s:s, s:s, s:[s,s,s,s], "
						     "s:s?}",
						     "code", t->kinds[i]->code,
						     "name", t->kinds[i]->name,
						     "formats", "docx", "pdf",
						     "xlsx", "csv", "refused",
						     t->refused[i]));
	return arr;
}

void
api_report_fields(struct req *r)
{
	long long id = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	struct report_target t;
	enum ts_err e = report_target_open(r->app, &r->sess.who, id, code, r->a,
					   &t, &r->diags);
	json_t *doc = NULL;
	if (e == TS_OK) {
		size_t n = 0;
		const struct df_def **defs = docfield_defs(t.kinds, t.nkinds,
							   r->a, &n);
		json_t *fields = json_array();
		for (size_t i = 0; defs && i < n; i++) {
			const char *v = doc_field(&t.fields, defs[i]->name);
			json_array_append_new(
				fields,
				json_pack("{s:s, s:s, s:s, s:s?, s:s?}", "name",
					  defs[i]->name, "label",
					  defs[i]->label, "kind",
					  DF_KIND[defs[i]->kind], "hint",
					  defs[i]->hint, "value", v));
		}
		doc = json_pack("{s:s, s:s, s:b, s:o, s:o}", "unit",
				t.unit_code, "unit_name", t.unit_name,
				"can_edit", t.can_edit, "reports",
				kinds_json(&t), "fields", fields);
	}
	api_result(r, e, doc);
}

/* Body: {"fields": {"name": "value", ...}}; "" clears a field. */
void
api_report_fields_save(struct req *r)
{
	json_error_t jerr;
	json_t *in = json_loadb(r->raw_body ? r->raw_body : "", r->raw_len,
				JSON_REJECT_DUPLICATES, &jerr);
	json_t *obj = json_object_get(in, "fields");
	if (!json_is_object(obj)) {
		json_decref(in);
		api_error(r, 400,
			  "cần JSON dạng {\"fields\": {\"tên\": "
			  "\"giá trị\"}}");
		return;
	}
	size_t n = json_object_size(obj), i = 0;
	const char **names = arena_calloc(r->a, n + 1, sizeof(*names));
	const char **values = arena_calloc(r->a, n + 1, sizeof(*values));
	const char *key;
	json_t *v;
	enum ts_err e = names && values ? TS_OK : TS_ENOMEM;
	json_object_foreach(obj, key, v)
	{
		if (e != TS_OK)
			break;
		if (!json_is_string(v)) {
			diags_add(&r->diags, key, "giá trị phải là chuỗi");
			e = TS_EINVAL;
			break;
		}
		names[i] = arena_strdup(r->a, key);
		values[i++] = arena_strdup(r->a, json_string_value(v));
	}
	json_decref(in);
	if (e == TS_OK)
		e = docfield_save(r->app, &r->sess.who, web_param_id(r, "id"),
				  kv_get(&r->params, "code"), names, values, i,
				  &r->diags);
	api_result(r, e, NULL);
}

void
api_report_get(struct req *r)
{
	const char *msg = NULL;
	int status = report_send(r, &msg);
	if (status != 200)
		api_error(r, status, r->diags.n ? r->diags.v[0].msg : msg);
}
