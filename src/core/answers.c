#include "answers.h"

#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/vnstr.h"
#include "jread.h"

struct answers *
answers_new(const struct rubric *r)
{
	struct arena *a = arena_new();
	if (a == NULL)
		return NULL;
	struct answers *s = arena_alloc(a, sizeof(*s));
	if (s != NULL)
		s->v = arena_calloc(a, r->nitems ? r->nitems : 1,
				    sizeof(*s->v));
	if (s == NULL || s->v == NULL) {
		arena_free(a);
		return NULL;
	}
	s->arena = a;
	s->rubric = r;
	return s;
}

void
answers_free(struct answers *a)
{
	if (a != NULL)
		arena_free(a->arena);
}

static bool
want_bool(const struct item *it, json_t *v, struct answer *out,
	  const char *where, struct diags *d)
{
	if (!json_is_boolean(v)) {
		diags_add(d, where,
			  "nội dung %s: phải là true (đạt/có) hoặc "
			  "false (không đạt/không)",
			  it->id);
		return false;
	}
	out->yes = json_is_true(v);
	return true;
}

static bool
want_number(const struct item *it, json_t *v, pts_t *out, const char *where,
	    struct diags *d)
{
	if (!jread_number(v, out)) {
		diags_add(d, where,
			  "nội dung %s: phải là một số (tối đa 2 "
			  "chữ số thập phân)",
			  it->id);
		return false;
	}
	if (*out < 0) {
		diags_add(d, where, "nội dung %s: không được là số âm", it->id);
		return false;
	}
	return true;
}

const char *
score_kind_name(enum score_kind kind)
{
	return kind == SCORE_EXTERNAL ? "điểm đánh giá ngoài" : "điểm tự chấm";
}

static bool
check_points(const struct item *it, enum score_kind kind, pts_t v,
	     const char *where, struct diags *d)
{
	char a[PTS_FMT_SIZE], b[PTS_FMT_SIZE];
	if (v > it->max) {
		diags_add(d, where,
			  "nội dung %s: %s %s vượt quá điểm tối đa %s", it->id,
			  score_kind_name(kind), pts_format_vn(v, a),
			  pts_format_vn(it->max, b));
		return false;
	}
	if (v % it->step != 0) {
		diags_add(d, where,
			  "nội dung %s: điểm %s phải là bội số của "
			  "%s",
			  it->id, pts_format_vn(v, a),
			  pts_format_vn(it->step, b));
		return false;
	}
	return true;
}

static bool
check_band_input(const struct item *it, pts_t v, const char *where,
		 struct diags *d)
{
	char a[PTS_FMT_SIZE];
	if (it->input == INPUT_PERCENT && v > 100 * PTS_ONE) {
		diags_add(d, where, "nội dung %s: tỷ lệ %s%% vượt quá 100%%",
			  it->id, pts_format_vn(v, a));
		return false;
	}
	if (it->input == INPUT_COUNT && v % PTS_ONE != 0) {
		diags_add(d, where, "nội dung %s: số lượng phải là số nguyên",
			  it->id);
		return false;
	}
	for (size_t i = 0; i < it->nbands; i++)
		if (range_contains(&it->bands[i].range, v))
			return true;
	diags_add(d, where,
		  "nội dung %s: giá trị %s nằm ngoài các mức của "
		  "bộ chỉ số",
		  it->id, pts_format_vn(v, a));
	return false;
}

/* Option ids are NFC in the rubric; the answer may come decomposed. */
static bool
find_option(const struct option *o, size_t n, const char *id, size_t *at)
{
	for (int pass = 0; id != NULL && pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			if (pass == 0 ? strcmp(o[i].id, id) == 0
				      : vn_nfc_equal(o[i].id, id)) {
				*at = i;
				return true;
			}
	return false;
}

static void
list_options(struct buf *b, const struct option *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s\"%s\"", i ? ", " : "", o[i].id);
}

static bool
bad_option(const struct item *it, const struct option *o, size_t n, json_t *v,
	   const char *where, struct diags *d)
{
	struct buf b;
	buf_init(&b, 4096);
	list_options(&b, o, n);
	const char *s = json_string_value(v);
	if (s != NULL)
		diags_add(d, where,
			  "nội dung %s: không có lựa chọn \"%s\" "
			  "(chỉ nhận %s)",
			  it->id, s, buf_str(&b));
	else
		diags_add(d, where,
			  "nội dung %s: phải là mã một lựa chọn "
			  "(%s)",
			  it->id, buf_str(&b));
	buf_release(&b);
	return false;
}

static bool
want_choice(const struct item *it, json_t *v, size_t *at, const char *where,
	    struct diags *d)
{
	if (!find_option(it->options, it->noptions, json_string_value(v), at))
		return bad_option(it, it->options, it->noptions, v, where, d);
	return true;
}

static bool
want_modules(const struct item *it, json_t *arr, uint64_t *set,
	     const char *where, struct diags *d)
{
	if (!json_is_array(arr)) {
		diags_add(d, where,
			  "nội dung %s: danh sách phân hệ phải có "
			  "dạng [\"mã\", ...]",
			  it->id);
		return false;
	}
	bool ok = true;
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		size_t at;
		if (!find_option(it->options, it->noptions,
				 json_string_value(v), &at))
			ok = bad_option(it, it->options, it->noptions, v, where,
					d);
		else if (*set & ((uint64_t)1 << at))
			ok = false, diags_add(d, where,
					      "nội dung %s: phân hệ "
					      "\"%s\" được liệt kê hai lần",
					      it->id, it->options[at].id);
		else
			*set |= (uint64_t)1 << at;
	}
	return ok;
}

static bool
want_checklist(const struct item *it, json_t *v, struct answer *out,
	       const char *where, struct diags *d)
{
	if (it->nbase_options == 0)
		return want_modules(it, v, &out->checked, where, d);
	if (!json_is_object(v) || json_object_size(v) != 2 ||
	    !json_object_get(v, "base") || !json_object_get(v, "present")) {
		diags_add(
			d, where,
			"nội dung %s: phải có dạng {\"base\": "
			"\"mã lựa chọn\", \"present\": [\"mã phân hệ\", ...]}",
			it->id);
		return false;
	}
	json_t *b = json_object_get(v, "base");
	bool ok = true;
	if (!find_option(it->base_options, it->nbase_options,
			 json_string_value(b), &out->base))
		ok = bad_option(it, it->base_options, it->nbase_options, b,
				where, d);
	return want_modules(it, json_object_get(v, "present"), &out->checked,
			    where, d) &&
	       ok;
}

bool
answer_from_json(const struct item *it, enum score_kind kind, json_t *value,
		 struct answer *slot, const char *where, struct diags *d)
{
	struct answer a = *slot;
	a.checked = 0;
	bool ok = false;
	switch (it->kind) {
	case ITEM_GATE:
	case ITEM_YESNO: ok = want_bool(it, value, &a, where, d); break;
	case ITEM_POINTS:
		ok = want_number(it, value, &a.num, where, d) &&
		     check_points(it, kind, a.num, where, d);
		break;
	case ITEM_BAND:
		ok = want_number(it, value, &a.num, where, d) &&
		     check_band_input(it, a.num, where, d);
		break;
	case ITEM_CHOICE:
		ok = want_choice(it, value, &a.choice, where, d);
		break;
	case ITEM_CHECKLIST:
		ok = want_checklist(it, value, &a, where, d);
		break;
	}
	if (ok) {
		a.present = true;
		*slot = a;
	}
	return ok;
}

static bool
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

bool
answer_equal(const struct item *it, const struct answer *a,
	     const struct answer *b)
{
	if (a->present != b->present || !same_text(a->note, b->note))
		return false;
	if (!a->present)
		return true;
	switch (it->kind) {
	case ITEM_GATE:
	case ITEM_YESNO: return a->yes == b->yes;
	case ITEM_POINTS:
	case ITEM_BAND: return a->num == b->num;
	case ITEM_CHOICE: return a->choice == b->choice;
	case ITEM_CHECKLIST:
		return a->checked == b->checked &&
		       (it->nbase_options == 0 || a->base == b->base);
	}
	return false;
}
