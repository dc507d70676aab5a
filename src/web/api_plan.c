/* GET/PUT /api/campaigns/{id}/units/{code}/plan: a school's improvement
 * plan as JSON, through the same use cases as the web form (app/plan.h):
 * {"items": [{"item": "1.3a", "note": "…"}]}; PUT replaces the plan. */
#include <jansson.h>
#include <string.h>

#include "../app/plan.h"
#include "../util/arena.h"
#include "web.h"

void
api_plan(struct req *r)
{
	struct plan_item *v = NULL;
	size_t n = 0;
	const char *code = kv_get(&r->params, "code");
	enum ts_err e = plan_list(r->app, &r->sess.who, web_param_id(r, "id"),
				  code, r->a, &v, &n, &r->diags);
	json_t *items = e == TS_OK ? json_array() : NULL;
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, json_pack("{s:s, s:s}", "item",
						       v[i].item_id, "note",
						       v[i].note));
	api_result(r, e,
		   items ? json_pack("{s:s, s:o}", "unit", code, "items", items)
			 : NULL);
}

/* Element i of "items": {"item": "1.3a", "note": "…"} (note optional). */
static bool
item_from(struct req *r, json_t *el, size_t i, struct plan_item *out)
{
	json_t *id = json_object_get(el, "item");
	json_t *note = json_object_get(el, "note");
	if (!json_is_string(id) || (note && !json_is_string(note))) {
		diags_add(&r->diags, arena_printf(r->a, "$.items[%zu]", i),
			  "cần {\"item\": \"mã nội dung\", \"note\": \"ghi "
			  "chú\"} (ghi chú có thể bỏ trống)");
		return false;
	}
	*out = (struct plan_item){
		arena_strdup(r->a, json_string_value(id)),
		arena_strdup(r->a, note ? json_string_value(note) : "")
	};
	return true;
}

/* The refusal with the item or field it is about: "9.9: không có …". */
static void
refuse(struct req *r, enum ts_err e)
{
	const struct diag *g = r->diags.n ? &r->diags.v[0] : NULL;
	const char *where = g && g->where ? g->where : "";
	api_error(r, web_status_for(e),
		  g ? arena_printf(r->a, "%s%s%s", where, where[0] ? ": " : "",
				   g->msg)
		    : "không lưu được kế hoạch cải thiện");
}

void
api_plan_save(struct req *r)
{
	json_t *in = json_loadb(r->raw_body ? r->raw_body : "", r->raw_len,
				JSON_REJECT_DUPLICATES, NULL);
	json_t *arr = json_object_get(in, "items");
	size_t n = json_array_size(arr);
	struct plan_item *v = arena_calloc(r->a, n + 1, sizeof(*v));
	enum ts_err e = !json_is_array(arr) ? TS_EINVAL
			: v == NULL	    ? TS_ENOMEM
					    : TS_OK;
	if (!json_is_array(arr))
		diags_add(&r->diags, "$.items",
			  "cần JSON dạng {\"items\": [{\"item\": \"1.3a\", "
			  "\"note\": \"…\"}]}");
	for (size_t i = 0; e == TS_OK && i < n; i++)
		if (!item_from(r, json_array_get(arr, i), i, &v[i]))
			e = TS_EINVAL;
	json_decref(in);
	if (e == TS_OK)
		e = plan_save(r->app, &r->sess.who, web_param_id(r, "id"),
			      kv_get(&r->params, "code"), v, n, &r->diags);
	if (e == TS_OK)
		api_send(r, 200,
			 json_pack("{s:b, s:I}", "ok", 1, "items",
				   (json_int_t)n));
	else
		refuse(r, e);
}
