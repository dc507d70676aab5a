/* Evidence through the JSON API: list, upload (multipart, the page's own
 * checks), download. */
#include <jansson.h>
#include <stdio.h>

#include "../app/evidence.h"
#include "../util/arena.h"
#include "web.h"

void
api_evidence_list(struct req *r)
{
	struct evidence_item *v = NULL;
	size_t n = 0;
	enum ts_err e = evidence_list(
		r->app, &r->sess.who, web_param_id(r, "id"),
		kv_get(&r->params, "code"), r->a, &v, &n, &r->diags);
	json_t *arr = json_array();
	for (size_t i = 0; e == TS_OK && arr && i < n; i++) {
		char url[64];
		snprintf(url, sizeof(url), "/api/evidence/%lld",
			 (long long)v[i].id);
		bool file = v[i].kind == EVIDENCE_FILE;
		json_array_append_new(
			arr,
			json_pack(
				"{s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:s?}",
				"id", (json_int_t)v[i].id, "kind",
				evidence_kind_code(v[i].kind), "criterion",
				v[i].criterion_id, "name", v[i].name, "mime",
				v[i].mime, "size", (json_int_t)v[i].size,
				"sha256", v[i].sha256, "uploaded_by",
				v[i].uploaded_by, "at", v[i].at, "url",
				file ? url : NULL));
	}
	api_result(r, e, json_pack("{s:o}", "evidence", arr));
}

void
api_evidence_add(struct req *r)
{
	struct evidence_added ev;
	/* A file comes as multipart; a link or fact as JSON. */
	json_t *in = r->raw_len ? json_loadb(r->raw_body, r->raw_len, 0, NULL)
				: NULL;
	struct evidence_in ei = { .criterion = kv_get(&r->form, "criterion") };
	if (r->raw_len && !json_is_object(in)) {
		json_decref(in);
		api_error(r, 400, "nội dung phải là một đối tượng JSON");
		return;
	}
	if (in != NULL) {
		ei.criterion =
			json_string_value(json_object_get(in, "criterion"));
		ei.link = json_string_value(json_object_get(in, "link"));
		ei.fact = json_string_value(json_object_get(in, "fact"));
		if (ei.link == NULL && ei.fact == NULL)
			ei.fact = ""; /* refused with the message for a fact */
	}
	enum ts_err e = web_evidence_add(r, web_param_id(r, "id"),
					 kv_get(&r->params, "code"), &ei, &ev);
	json_decref(in);
	if (e != TS_OK) {
		api_error(r, web_evidence_status(e),
			  r->diags.n ? r->diags.v[0].msg
				     : "không gắn được "
				       "minh chứng");
		return;
	}
	api_send(r, 200,
		 json_pack("{s:b, s:I, s:s, s:s, s:I, s:b}", "ok", 1, "id",
			   (json_int_t)ev.id, "sha256", ev.sha256, "mime",
			   ev.mime, "size", (json_int_t)ev.size, "reused",
			   ev.reused));
}

void
api_evidence_get(struct req *r)
{
	enum ts_err e = web_evidence_send(r);
	if (e != TS_OK)
		api_error(r, web_status_for(e),
			  "không có minh chứng này trong "
			  "phạm vi của tài khoản");
}
