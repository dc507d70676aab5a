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
	enum ts_err e = evidence_list(r->app, &r->sess.who, web_param_id(r, "id"),
				      kv_get(&r->params, "code"), r->a, &v, &n,
				      &r->diags);
	json_t *arr = json_array();
	for (size_t i = 0; e == TS_OK && arr && i < n; i++) {
		char url[64];
		snprintf(url, sizeof(url), "/api/evidence/%lld",
			 (long long)v[i].id);
		json_array_append_new(arr, json_pack(
			"{s:I, s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:s}", "id",
			(json_int_t)v[i].id, "criterion", v[i].criterion_id,
			"name", v[i].name, "mime", v[i].mime, "size",
			(json_int_t)v[i].size, "sha256", v[i].sha256,
			"uploaded_by", v[i].uploaded_by, "at", v[i].at, "url",
			url));
	}
	api_result(r, e, json_pack("{s:o}", "evidence", arr));
}

void
api_evidence_add(struct req *r)
{
	struct evidence_added ev;
	enum ts_err e = web_evidence_add(r, web_param_id(r, "id"),
					 kv_get(&r->params, "code"), &ev);
	if (e != TS_OK) {
		api_error(r, web_evidence_status(e), r->diags.n ? r->diags.v[0].msg
							       : "không gắn được "
								 "minh chứng");
		return;
	}
	api_send(r, 200, json_pack("{s:b, s:I, s:s, s:s, s:I, s:b}", "ok", 1,
				   "id", (json_int_t)ev.id, "sha256", ev.sha256,
				   "mime", ev.mime, "size", (json_int_t)ev.size,
				   "reused", ev.reused));
}

void
api_evidence_get(struct req *r)
{
	enum ts_err e = web_evidence_send(r);
	if (e != TS_OK)
		api_error(r, web_status_for(e), "không có minh chứng này trong "
			  "phạm vi của tài khoản");
}
