/* The JSON API's administration calls: the same app use cases as the
 * admin pages (org tree, accounts, campaigns), JSON in and out. */
#include <jansson.h>
#include <string.h>

#include "../app/campaign.h"
#include "../app/org.h"
#include "../app/user.h"
#include "web.h"

/* The request body as a JSON object, or NULL after answering 400. */
static json_t *
body_object(struct req *r)
{
	json_t *in = r->raw_len ? json_loadb(r->raw_body, r->raw_len, 0, NULL)
				: json_object();
	if (json_is_object(in))
		return in;
	json_decref(in);
	api_error(r, 400, "nội dung phải là một đối tượng JSON");
	return NULL;
}

/* A string member, or NULL when absent (a non-string counts as absent
 * and is reported). */
static const char *
str(struct req *r, json_t *in, const char *key)
{
	json_t *v = json_object_get(in, key);
	if (v != NULL && !json_is_string(v) && !json_is_null(v))
		diags_add(&r->diags, key, "\"%s\" phải là chuỗi", key);
	return json_string_value(v);
}

/* Fails the call (422) if str() reported a member of the wrong type. */
static bool
types_ok(struct req *r)
{
	if (r->diags.n == 0)
		return true;
	api_error(r, 422, r->diags.v[0].msg);
	return false;
}

static bool
levels_of(struct req *r, const char *s, unsigned *out)
{
	*out = 0;
	if (s == NULL || s[0] == '\0' || school_levels_parse(s, out))
		return true;
	diags_add(&r->diags, "levels",
		  "cấp học \"%s\" không hợp lệ (MN, TH, "
		  "THCS, THPT, GDTX)",
		  s);
	return false;
}

void
api_org_add(struct req *r)
{
	json_t *in = body_object(r);
	if (in == NULL)
		return;
	struct org_new n = { .code = str(r, in, "code"),
			     .name = str(r, in, "name"),
			     .parent_code = str(r, in, "parent") };
	const char *kind = str(r, in, "kind"), *lv = str(r, in, "levels");
	int64_t id = 0;
	enum ts_err e = TS_EINVAL;
	if (!types_ok(r)) {
		json_decref(in);
		return;
	}
	if (kind == NULL || !org_kind_parse(kind, &n.kind))
		diags_add(&r->diags, "kind", "loại đơn vị không hợp lệ");
	else if (levels_of(r, lv, &n.levels))
		e = org_add(r->app, &r->sess.who, &n, &id, &r->diags);
	api_result(r, e,
		   json_pack("{s:b, s:I}", "ok", 1, "id", (json_int_t)id));
	json_decref(in);
}

/* A move's first day ("from", YYYY-MM-DD; absent: today) as the admin
 * page takes it: only with a parent, and well formed even when the
 * parent turns out to be the current one. */
static bool
move_day_ok(struct req *r, const char *parent, const char *day)
{
	const char *why = day == NULL ? NULL
			  : parent == NULL || parent[0] == '\0'
				  ? "\"from\" chỉ dùng khi chuyển đơn vị "
				    "(kèm \"parent\")"
				  : org_move_day_problem(day);
	if (why != NULL)
		diags_add(&r->diags, "from", "%s", why);
	return why == NULL;
}

void
api_org_edit(struct req *r)
{
	json_t *in = body_object(r);
	if (in == NULL)
		return;
	const char *name = str(r, in, "name"), *parent = str(r, in, "parent");
	const char *lv = str(r, in, "levels"), *day = str(r, in, "from");
	unsigned levels = 0;
	enum ts_err e = TS_EINVAL;
	if (!types_ok(r)) {
		json_decref(in);
		return;
	}
	if (levels_of(r, lv, &levels) && move_day_ok(r, parent, day))
		e = org_edit_on(r->app, &r->sess.who,
				kv_get(&r->params, "code"), name, parent,
				levels, day, &r->diags);
	api_result(r, e, NULL);
	json_decref(in);
}

void
api_org_close(struct req *r)
{
	const char *act = kv_get(&r->params, "action");
	bool reopen = strcmp(act, "reopen") == 0;
	if (!reopen && strcmp(act, "close") != 0) {
		api_error(r, 404, "không có thao tác này (close, reopen)");
		return;
	}
	json_t *in = body_object(r);
	if (in == NULL)
		return;
	const char *date = str(r, in, "date");
	if (types_ok(r))
		api_result(r,
			   org_close(r->app, &r->sess.who,
				     kv_get(&r->params, "code"),
				     reopen ? NULL : date, reopen, &r->diags),
			   NULL);
	json_decref(in);
}

void
api_users(struct req *r)
{
	struct user_info *v = NULL;
	size_t n = 0;
	enum ts_err e = user_list(r->app, &r->sess.who, r->a, &v, &n,
				  &r->diags);
	json_t *arr = json_array();
	for (size_t i = 0; e == TS_OK && arr && i < n; i++)
		json_array_append_new(
			arr,
			json_pack("{s:s, s:s, s:s, s:s, s:b}", "login",
				  v[i].login, "full_name", v[i].full_name,
				  "role", role_code(v[i].role), "unit",
				  v[i].unit_code, "disabled", v[i].disabled));
	api_result(r, e, json_pack("{s:o}", "users", arr));
}

void
api_user_add(struct req *r)
{
	json_t *in = body_object(r);
	if (in == NULL)
		return;
	struct user_new u = { .login = str(r, in, "login"),
			      .full_name = str(r, in, "full_name"),
			      .unit_code = str(r, in, "unit"),
			      .password = str(r, in, "password") };
	const char *role = str(r, in, "role");
	enum ts_err e = TS_EINVAL;
	if (!types_ok(r)) {
		json_decref(in);
		return;
	}
	if (role == NULL || !role_parse(role, &u.role))
		diags_add(&r->diags, "role",
			  "vai trò không hợp lệ (school_editor, "
			  "school_head, reviewer, admin)");
	else
		e = user_add(r->app, &r->sess.who, &u, &r->diags);
	api_result(r, e, NULL);
	json_decref(in);
}

void
api_user_edit(struct req *r)
{
	json_t *in = body_object(r);
	if (in == NULL)
		return;
	json_t *dis = json_object_get(in, "disabled");
	struct user_change c = { .login = kv_get(&r->params, "login"),
				 .role = str(r, in, "role"),
				 .unit_code = str(r, in, "unit"),
				 .disabled = json_is_boolean(dis)
						     ? json_is_true(dis)
						     : -1 };
	if (dis != NULL && !json_is_boolean(dis))
		diags_add(&r->diags, "disabled",
			  "\"disabled\" phải là true "
			  "hoặc false");
	if (types_ok(r))
		api_result(r, user_update(r->app, &r->sess.who, &c, &r->diags),
			   NULL);
	json_decref(in);
}

void
api_campaign_edit(struct req *r)
{
	json_t *in = body_object(r);
	if (in == NULL)
		return;
	struct campaign_edit c = { .title = str(r, in, "title"),
				   .legal_basis = str(r, in, "legal_basis"),
				   .opens = str(r, in, "opens"),
				   .due = str(r, in, "due"),
				   .review_due = str(r, in, "review_due") };
	if (types_ok(r))
		api_result(r,
			   campaign_update(r->app, &r->sess.who,
					   web_param_id(r, "id"), &c,
					   &r->diags),
			   NULL);
	json_decref(in);
}
