/* A unit's indicator values: one JSON value per indicator type, validated
 * with nothing clamped (docs/indicator-format.md, "Values"). */
#include <string.h>

#include "../util/arena.h"
#include "../util/vnstr.h"
#include "indicator_values.h"
#include "jread.h"

static const char *const TOP_KEYS[] = {
	"format", "indicators", "indicators_version", "unit",
	"period", "values",	"confirmed",	      NULL,
};

struct ind_values *
ind_values_new(const struct ind_set *s)
{
	struct arena *a = arena_new();
	if (a == NULL)
		return NULL;
	struct ind_values *v = arena_calloc(a, 1, sizeof(*v));
	if (v != NULL)
		v->v = arena_calloc(a, s->n ? s->n : 1, sizeof(*v->v));
	if (v == NULL || v->v == NULL) {
		arena_free(a);
		return NULL;
	}
	v->arena = a;
	v->set = s;
	return v;
}

void
ind_values_free(struct ind_values *v)
{
	if (v != NULL)
		arena_free(v->arena);
}

/* NFC copy of a JSON string of at most max bytes, valid UTF-8 without
 * control characters (a line break only where lines are allowed). */
static const char *
text_value(json_t *v, size_t max, bool lines, struct arena *a, const char **why)
{
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	*why = NULL;
	if (s == NULL)
		*why = "phải là chuỗi văn bản";
	else if (n > max)
		*why = "quá dài";
	else if (strlen(s) != n || !vn_valid_utf8(s, n))
		*why = "chứa ký tự không hợp lệ";
	for (size_t i = 0; *why == NULL && i < n; i++)
		if ((unsigned char)s[i] < 0x20 &&
		    !(lines && (s[i] == '\n' || s[i] == '\t')))
			*why = "chứa ký tự điều khiển";
	if (*why != NULL)
		return NULL;
	const char *r = vn_nfc(a, s);
	if (r == NULL)
		*why = "hết bộ nhớ";
	return r;
}

static bool
count_value(const struct indicator *it, json_t *v, struct ind_value *out,
	    const char *where, struct diags *d)
{
	pts_t x = 0;
	if (!json_is_integer(v) && !json_is_real(v)) {
		diags_add(d, where, "chỉ số %s: phải là một số", it->code);
		return false;
	}
	bool num = jread_number(v, &x);
	if ((num || !json_is_integer(v)) && (!num || x % PTS_ONE != 0)) {
		diags_add(d, where, "chỉ số %s: số lượng phải là số nguyên",
			  it->code);
		return false;
	}
	if (!num || x < 0 || x > IND_COUNT_MAX) {
		diags_add(d, where,
			  "chỉ số %s: số lượng phải từ 0 đến "
			  "10.000.000",
			  it->code);
		return false;
	}
	out->num = x;
	return true;
}

static bool
percent_value(const struct indicator *it, json_t *v, struct ind_value *out,
	      const char *where, struct diags *d)
{
	pts_t x = 0;
	if (!jread_number(v, &x)) {
		diags_add(d, where,
			  "chỉ số %s: phải là một số (tối đa 2 chữ "
			  "số thập phân)",
			  it->code);
		return false;
	}
	if (x < 0 || x > 100 * PTS_ONE) {
		char a[PTS_FMT_SIZE];
		diags_add(d, where, "chỉ số %s: tỷ lệ %s%% phải từ 0 đến 100%%",
			  it->code, pts_format_vn(x, a));
		return false;
	}
	out->num = x;
	return true;
}

static bool
choice_value(const struct indicator *it, json_t *v, struct ind_value *out,
	     const char *where, struct diags *d)
{
	const char *s = json_string_value(v);
	for (size_t i = 0; s != NULL && i < it->noptions; i++)
		if (strcmp(s, it->options[i].id) == 0) {
			out->text = it->options[i].id;
			return true;
		}
	diags_add(d, where,
		  "chỉ số %s: phải là một trong các lựa chọn "
		  "của chỉ số (%s%s)",
		  it->code, it->options[0].id, it->noptions > 1 ? ", …" : "");
	return false;
}

/* One {"name": "…", "domestic": true} of a names list. */
static bool
one_name(const struct indicator *it, json_t *e, struct arena *a,
	 struct ind_name *out, const char *where, struct diags *d)
{
	json_t *name = json_object_get(e, "name");
	json_t *dom = json_object_get(e, "domestic");
	const char *why = NULL;
	if (!json_is_object(e) || json_object_size(e) != 2 || name == NULL ||
	    !json_is_boolean(dom)) {
		diags_add(d, where,
			  "chỉ số %s: mỗi tên phải có dạng "
			  "{\"name\": \"…\", \"domestic\": true hoặc false}",
			  it->code);
		return false;
	}
	out->name = text_value(name, IND_NAME_MAX, false, a, &why);
	if (out->name != NULL && out->name[strspn(out->name, " ")] == '\0')
		why = "không được để trống";
	if (why != NULL) {
		diags_add(d, where, "chỉ số %s: tên %s", it->code, why);
		return false;
	}
	out->domestic = json_is_true(dom);
	return true;
}

static bool
names_value(const struct indicator *it, json_t *v, struct arena *a,
	    struct ind_value *out, const char *where, struct diags *d)
{
	size_t n = json_array_size(v);
	if (!json_is_array(v) || n > IND_MAX_NAMES) {
		diags_add(d, where,
			  "chỉ số %s: phải là danh sách tối đa %d tên",
			  it->code, IND_MAX_NAMES);
		return false;
	}
	out->names = arena_calloc(a, n ? n : 1, sizeof(*out->names));
	if (out->names == NULL)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!one_name(it, json_array_get(v, i), a, &out->names[i],
			      where, d))
			return false;
		for (size_t k = 0; k < i; k++)
			if (vn_nfc_equal(out->names[k].name,
					 out->names[i].name)) {
				diags_add(d, where,
					  "chỉ số %s: tên \"%s\" bị "
					  "lặp",
					  it->code, out->names[i].name);
				return false;
			}
	}
	out->nnames = n;
	return true;
}

static bool
scalar_value(const struct indicator *it, json_t *v, struct arena *a,
	     struct ind_value *out, const char *where, struct diags *d)
{
	const char *why = NULL;
	switch (it->type) {
	case IND_COUNT: return count_value(it, v, out, where, d);
	case IND_PERCENT: return percent_value(it, v, out, where, d);
	case IND_YESNO:
		if (json_is_boolean(v)) {
			out->yes = json_is_true(v);
			return true;
		}
		diags_add(d, where,
			  "chỉ số %s: phải là true (có) hoặc false "
			  "(không)",
			  it->code);
		return false;
	case IND_CHOICE: return choice_value(it, v, out, where, d);
	case IND_TEXT:
		out->text = text_value(v, IND_TEXT_MAX, true, a, &why);
		if (why != NULL)
			diags_add(d, where, "chỉ số %s: %s", it->code, why);
		return why == NULL;
	case IND_NAMES: return names_value(it, v, a, out, where, d);
	}
	return false;
}

bool
ind_value_from_json(const struct indicator *it, json_t *v, struct arena *a,
		    struct ind_value *out, const char *where, struct diags *d)
{
	struct ind_value x = { .confirmed = out->confirmed };
	if (v != NULL && !json_is_null(v)) {
		if (!scalar_value(it, v, a, &x, where, d))
			return false;
		x.present = true;
	}
	*out = x;
	return true;
}

static void
load_values(struct jread *j, struct ind_values *s, json_t *obj)
{
	const char *key;
	json_t *v;
	size_t mark = jread_key(j, "values");
	json_object_foreach(obj, key, v)
	{
		size_t m = jread_key(j, key);
		const struct indicator *it = ind_find(s->set, key);
		int before = (int)diags_count(j->diags);
		if (it == NULL)
			jread_err(j, "không có chỉ số mã \"%s\" trong bộ %s",
				  key, s->set->id);
		else if (!jread_reported(j, NULL) &&
			 !ind_value_from_json(it, v, s->arena, &s->v[it->idx],
					      jread_where(j), j->diags))
			j->errors += (int)diags_count(j->diags) - before;
		jread_pop(j, m);
	}
	jread_pop(j, mark);
}

static void
load_confirmed(struct jread *j, struct ind_values *s, json_t *obj)
{
	const char *key;
	json_t *v;
	size_t mark = jread_key(j, "confirmed");
	json_object_foreach(obj, key, v)
	{
		size_t m = jread_key(j, key);
		const struct indicator *it = ind_find(s->set, key);
		const char *why = NULL;
		const char *t = text_value(v, IND_CONFIRM_MAX, true, s->arena,
					   &why);
		if (it == NULL)
			jread_err(j, "không có chỉ số mã \"%s\" trong bộ %s",
				  key, s->set->id);
		else if (why != NULL)
			jread_err(j, "lý do xác nhận %s", why);
		else
			s->v[it->idx].confirmed = t;
		jread_pop(j, m);
	}
	jread_pop(j, mark);
}

static void
check_header(struct jread *j, const struct ind_set *s, json_t *root)
{
	long long fmt = 0;
	if (jread_int(j, root, "format", false, &fmt) && fmt != 1)
		jread_err_at(j, "format", "chỉ hỗ trợ format 1");
	const char *id = jread_str(j, root, "indicators", false);
	if (id != NULL && strcmp(id, s->id) != 0)
		jread_err_at(j, "indicators",
			     "tệp số liệu dành cho bộ chỉ số "
			     "\"%s\", không phải \"%s\"",
			     id, s->id);
	jread_str(j, root, "unit", false);
	jread_str(j, root, "period", false);
	long long ver = 0;
	jread_int(j, root, "indicators_version", false, &ver);
}

/* The file's top object: its header, "values" and, when there,
 * "confirmed". */
static void
load_root(struct jread *j, const struct ind_set *s, json_t *root,
	  struct ind_values *v)
{
	jread_keys(j, root, TOP_KEYS);
	check_header(j, s, root);
	json_t *obj = json_object_get(root, "values");
	json_t *conf = json_object_get(root, "confirmed");
	if (!json_is_object(obj))
		jread_err_at(j, "values",
			     "thiếu đối tượng \"values\" "
			     "{\"mã chỉ số\": giá trị, ...}");
	else
		load_values(j, v, obj);
	if (conf != NULL && !json_is_object(conf))
		jread_err_at(j, "confirmed",
			     "phải là đối tượng "
			     "{\"mã chỉ số\": \"lý do\", ...}");
	else if (conf != NULL)
		load_confirmed(j, v, conf);
}

static enum ts_err
parse_into(const struct ind_set *s, const char *json, size_t len,
	   const char *name, struct ind_values **out, struct diags *d)
{
	struct ind_values *v = ind_values_new(s);
	if (v == NULL)
		return TS_ENOMEM;
	struct jread j;
	jread_init(&j, v->arena, d, name);
	json_t *root = jread_load(&j, json, len);
	if (root != NULL && jread_is_object(&j, root))
		load_root(&j, s, root, v);
	json_decref(root);
	enum ts_err e = j.oom || d->oom ? TS_ENOMEM
			: j.errors > 0	? TS_EINVAL
					: TS_OK;
	if (e != TS_OK)
		ind_values_free(v);
	else
		*out = v;
	return e;
}

static json_t *
value_json(const struct indicator *it, const struct ind_value *x)
{
	switch (it->type) {
	case IND_COUNT: return json_integer(x->num / PTS_ONE);
	case IND_PERCENT:
		return x->num % PTS_ONE == 0 ? json_integer(x->num / PTS_ONE)
					     : json_real(pts_to_double(x->num));
	case IND_YESNO: return json_boolean(x->yes);
	case IND_CHOICE:
	case IND_TEXT: return json_string(x->text);
	case IND_NAMES: break;
	}
	json_t *arr = json_array();
	for (size_t i = 0; arr != NULL && i < x->nnames; i++)
		json_array_append_new(
			arr, json_pack("{s:s,s:b}", "name", x->names[i].name,
				       "domestic", x->names[i].domestic));
	return arr;
}

json_t *
ind_values_to_json(const struct ind_values *v)
{
	json_t *vals = json_object(), *conf = json_object();
	for (size_t i = 0; vals && conf && i < v->set->n; i++) {
		const struct indicator *it = v->set->v[i];
		const struct ind_value *x = &v->v[i];
		if (x->present)
			json_object_set_new(vals, it->code, value_json(it, x));
		if (x->confirmed != NULL)
			json_object_set_new(conf, it->code,
					    json_string(x->confirmed));
	}
	return json_pack("{s:i,s:s,s:o,s:o}", "format", 1, "indicators",
			 v->set->id, "values", vals, "confirmed", conf);
}

/* Parsed against a list of its own: a value refused from its text is
 * skipped by looking for its path among the problems, so a problem the
 * caller's list already held for the same path must not hide a value. */
enum ts_err
ind_values_parse(const struct ind_set *s, const char *json, size_t len,
		 const char *name, struct ind_values **out, struct diags *d)
{
	struct diags own;
	diags_init(&own);
	enum ts_err e = parse_into(s, json, len, name, out, &own);
	for (size_t i = 0; i < own.n; i++)
		diags_add(d, own.v[i].where, "%s", own.v[i].msg);
	if (own.oom)
		d->oom = 1;
	diags_release(&own);
	return e;
}

const struct ind_value *
ind_values_get(const struct ind_values *v, const char *code)
{
	const struct indicator *it = ind_find(v->set, code);
	if (it == NULL || !v->v[it->idx].present)
		return NULL;
	return &v->v[it->idx];
}
