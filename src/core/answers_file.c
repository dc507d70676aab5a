/* Parsing an answers file: {"format":1, "rubric":..., "answers":{...}}. */
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "answers.h"
#include "jread.h"

static const char *const TOP_KEYS[] = {
	"format",  "rubric", "rubric_version", "unit", "school_year",
	"answers", NULL,
};
static const char *const ANSWER_KEYS[] = { "value", "note", "evidence", NULL };

/* One {"kind", "text"} object, added to a's evidence when complete. */
static void
load_one_evidence(struct jread *j, json_t *e, struct answer *a,
		  const char *item_id)
{
	static const char *const keys[] = { "kind", "text", NULL };
	static const struct {
		const char *code;
		enum evidence_kind kind;
	} KINDS[] = { { "file", EVIDENCE_FILE },
		      { "link", EVIDENCE_LINK },
		      { "fact", EVIDENCE_FACT } };
	jread_keys(j, e, keys);
	const char *k = jread_str(j, e, "kind", true);
	struct evidence_ref *r = &a->evidence[a->nevidence];
	r->kind = 0; /* the slot of an earlier incomplete one */
	r->text = jread_str(j, e, "text", true);
	for (size_t i = 0; k && i < sizeof(KINDS) / sizeof(KINDS[0]); i++)
		if (strcmp(k, KINDS[i].code) == 0)
			r->kind = KINDS[i].kind;
	if (k && !r->kind)
		jread_err_at(j, "kind",
			     "nội dung %s: loại minh chứng chỉ nhận "
			     "file, link, fact",
			     item_id);
	if (r->kind && r->text)
		a->nevidence++;
}

static void
load_evidence(struct jread *j, json_t *arr, struct answer *a,
	      const char *item_id)
{
	size_t n = json_array_size(arr);
	if (n > ANSWERS_MAX_EVIDENCE) {
		jread_err(j, "nội dung %s: tối đa %d minh chứng", item_id,
			  ANSWERS_MAX_EVIDENCE);
		return;
	}
	a->evidence = arena_calloc(j->arena, n ? n : 1, sizeof(*a->evidence));
	if (a->evidence == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "evidence");
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		json_t *e = json_array_get(arr, i);
		if (jread_is_object(j, e))
			load_one_evidence(j, e, a, item_id);
		jread_pop(j, m);
	}
	jread_pop(j, mark);
}

/* One entry of "answers": a bare value or {"value", "note", "evidence"}. */
static void
load_answer(struct jread *j, const struct item *it, enum score_kind kind,
	    json_t *v, struct answer *slot)
{
	json_t *value = v;
	if (json_is_object(v) &&
	    (json_object_get(v, "value") || json_object_get(v, "note") ||
	     json_object_get(v, "evidence"))) {
		jread_keys(j, v, ANSWER_KEYS);
		value = json_object_get(v, "value");
		slot->note = jread_str(j, v, "note", false);
		json_t *ev = jread_arr(j, v, "evidence", false);
		if (ev != NULL)
			load_evidence(j, ev, slot, it->id);
	}
	if (value == NULL || json_is_null(value))
		return; /* a note or evidence without a score yet: a draft */
	if (jread_reported(j, NULL))
		return; /* its number was refused from the text already */
	int before = (int)diags_count(j->diags);
	if (!answer_from_json(it, kind, value, slot, jread_where(j), j->diags))
		j->errors += (int)diags_count(j->diags) - before;
}

static void
load_answers(struct jread *j, struct answers *s, enum score_kind kind,
	     json_t *obj)
{
	const char *key;
	json_t *v;
	size_t mark = jread_key(j, "answers");
	json_object_foreach(obj, key, v)
	{
		size_t m = jread_key(j, key);
		const struct item *it = rubric_find_item(s->rubric, key);
		if (it == NULL)
			jread_err(j,
				  "không có nội dung mã \"%s\" trong bộ chỉ "
				  "số %s",
				  key, s->rubric->id);
		else
			load_answer(j, it, kind, v, &s->v[it->idx]);
		jread_pop(j, m);
	}
	jread_pop(j, mark);
}

static void
check_header(struct jread *j, const struct rubric *r, json_t *root)
{
	long long fmt = 0, ver = 0;
	if (jread_int(j, root, "format", false, &fmt) && fmt != 1)
		jread_err_at(j, "format", "chỉ hỗ trợ format 1");
	const char *rid = jread_str(j, root, "rubric", false);
	if (rid != NULL && strcmp(rid, r->id) != 0)
		jread_err_at(j, "rubric",
			     "tệp trả lời dành cho bộ chỉ số "
			     "\"%s\", không phải \"%s\"",
			     rid, r->id);
	if (jread_int(j, root, "rubric_version", false, &ver) &&
	    ver != r->version)
		jread_err_at(j, "rubric_version",
			     "tệp trả lời dành cho phiên "
			     "bản %lld, bộ chỉ số hiện có phiên bản %d",
			     ver, r->version);
}

enum ts_err
answers_parse(const struct rubric *r, const char *json, size_t len,
	      const char *name, struct answers **out, struct diags *d)
{
	return answers_parse_kind(r, SCORE_SELF, json, len, name, out, d);
}

enum ts_err
answers_parse_kind(const struct rubric *r, enum score_kind kind,
		   const char *json, size_t len, const char *name,
		   struct answers **out, struct diags *d)
{
	struct answers *s = answers_new(r);
	if (s == NULL)
		return TS_ENOMEM;
	struct jread j;
	jread_init(&j, s->arena, d, name);
	j.items_key = "answers";
	json_t *root = jread_load(&j, json, len);
	if (root != NULL && jread_is_object(&j, root)) {
		jread_keys(&j, root, TOP_KEYS);
		check_header(&j, r, root);
		s->unit = jread_str(&j, root, "unit", false);
		s->school_year = jread_str(&j, root, "school_year", false);
		json_t *obj = json_object_get(root, "answers");
		if (!json_is_object(obj))
			jread_err_at(&j, "answers",
				     "thiếu đối tượng \"answers\" "
				     "{\"mã nội dung\": giá trị, ...}");
		else
			load_answers(&j, s, kind, obj);
	}
	json_decref(root);
	if (j.oom || d->oom) {
		answers_free(s);
		return TS_ENOMEM;
	}
	if (j.errors > 0) {
		answers_free(s);
		return TS_EINVAL;
	}
	*out = s;
	return TS_OK;
}
