/* Loading and checking one indicator of a set (docs/indicator-format.md). */
#include <string.h>

#include "../util/arena.h"
#include "indicator_int.h"
#include "rubric.h"

static const char *const IND_KEYS[] = {
	"code",	       "label",	  "type",	   "unit",	  "required",
	"required_if", "part_of", "school_levels", "warn_change", "options",
	"prefill",     "source",  "note",	   NULL,
};

static const char *const TYPE_NAMES[] = {
	[IND_COUNT] = "count",	   [IND_YESNO] = "yesno",
	[IND_PERCENT] = "percent", [IND_NAMES] = "names",
	[IND_CHOICE] = "choice",   [IND_TEXT] = "text",
};

static const char *const TYPE_LABELS[] = {
	[IND_COUNT] = "số lượng",  [IND_YESNO] = "có/không",
	[IND_PERCENT] = "tỷ lệ %", [IND_NAMES] = "danh sách tên",
	[IND_CHOICE] = "lựa chọn", [IND_TEXT] = "văn bản",
};

/* Keys only some types accept, by type. */
static const struct {
	const char *key;
	unsigned types; /* bit per enum ind_type */
} TYPE_KEYS[] = {
	{ "unit", (1u << IND_COUNT) | (1u << IND_PERCENT) },
	{ "part_of", 1u << IND_COUNT },
	{ "warn_change", (1u << IND_COUNT) | (1u << IND_PERCENT) },
	{ "options", 1u << IND_CHOICE },
};

const char *
ind_type_name(enum ind_type t)
{
	return TYPE_NAMES[t];
}

const char *
ind_type_label(enum ind_type t)
{
	return TYPE_LABELS[t];
}

static bool
parse_type(const char *s, enum ind_type *t)
{
	for (size_t i = 0; i < sizeof(TYPE_NAMES) / sizeof(*TYPE_NAMES); i++)
		if (strcmp(s, TYPE_NAMES[i]) == 0) {
			*t = (enum ind_type)i;
			return true;
		}
	return false;
}

static void
check_type_keys(struct jread *j, json_t *v, enum ind_type t)
{
	for (size_t i = 0; i < sizeof(TYPE_KEYS) / sizeof(*TYPE_KEYS); i++)
		if (json_object_get(v, TYPE_KEYS[i].key) != NULL &&
		    !(TYPE_KEYS[i].types & (1u << t)))
			jread_err_at(j, TYPE_KEYS[i].key,
				     "trường \"%s\" không dùng cho loại %s",
				     TYPE_KEYS[i].key, TYPE_NAMES[t]);
}

/* Codes are value keys and column names: [a-z0-9_], 1..48 bytes, a
 * letter first: the key of a statistics report's evidence, never taken
 * for a rubric criterion's id ("1.3a"). */
static bool
valid_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 48 || s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

unsigned
ind_load_levels(struct jread *j, json_t *obj, const char *key, bool required)
{
	json_t *arr = jread_arr(j, obj, key, required);
	unsigned bits = 0;
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		const char *s = json_string_value(v);
		unsigned l = LEVEL_MN;
		while (l <= LEVEL_GDTX &&
		       (s == NULL || strcmp(s, school_level_code(l)) != 0))
			l <<= 1;
		if (l > LEVEL_GDTX)
			jread_err_at(j, key,
				     "cấp học không hợp lệ (chỉ nhận "
				     "MN, TH, THCS, THPT, GDTX)");
		else if (bits & l)
			jread_err_at(j, key, "cấp học %s bị lặp", s);
		else
			bits |= l;
	}
	return bits;
}

/* Option i from o, its id unique among those before it. */
static void
load_option(struct jread *j, json_t *o, struct indicator *it, size_t i)
{
	static const char *const keys[] = { "id", "text", NULL };
	if (!jread_is_object(j, o))
		return;
	jread_keys(j, o, keys);
	it->options[i].id = jread_str(j, o, "id", true);
	it->options[i].text = jread_str(j, o, "text", true);
	for (size_t k = 0; k < i && it->options[i].id; k++)
		if (it->options[k].id &&
		    strcmp(it->options[k].id, it->options[i].id) == 0)
			jread_err_at(j, "id", "mã lựa chọn \"%s\" bị trùng",
				     it->options[i].id);
}

static void
load_options(struct jread *j, json_t *v, struct indicator *it)
{
	json_t *arr = jread_arr(j, v, "options", true);
	size_t n = json_array_size(arr);
	if (arr == NULL)
		return;
	size_t mark = jread_key(j, "options");
	if (n < 2 || n > IND_MAX_OPTIONS) {
		jread_err(j, "cần từ 2 đến %d lựa chọn", IND_MAX_OPTIONS);
		jread_pop(j, mark);
		return;
	}
	it->options = arena_calloc(j->arena, n, sizeof(*it->options));
	if (it->options == NULL) {
		j->oom = 1;
		jread_pop(j, mark);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		load_option(j, json_array_get(arr, i), it, i);
		jread_pop(j, m);
	}
	it->noptions = n;
	jread_pop(j, mark);
}

static void
load_prefill(struct jread *j, json_t *v, struct indicator *it)
{
	static const char *const keys[] = { "rubric", "item", "as", NULL };
	json_t *p = json_object_get(v, "prefill");
	if (p == NULL)
		return;
	size_t m = jread_key(j, "prefill");
	if (jread_is_object(j, p)) {
		jread_keys(j, p, keys);
		it->prefill_rubric = jread_str(j, p, "rubric", true);
		it->prefill_item = jread_str(j, p, "item", true);
		const char *as = jread_str(j, p, "as", true);
		if (as != NULL && strcmp(as, "hint") == 0)
			it->prefill = PREFILL_HINT;
		else if (as != NULL && strcmp(as, "yes_if_points") == 0 &&
			 it->type == IND_YESNO)
			it->prefill = PREFILL_YES_IF_POINTS;
		else if (as != NULL)
			jread_err_at(j, "as",
				     "chỉ nhận \"hint\", hoặc "
				     "\"yes_if_points\" cho chỉ số có/không");
	}
	jread_pop(j, m);
}

static void
load_warn_change(struct jread *j, json_t *v, struct indicator *it)
{
	if (jread_pts(j, v, "warn_change", false, &it->warn_change) &&
	    (it->warn_change <= 0 || it->warn_change > 1000 * PTS_ONE))
		jread_err_at(j, "warn_change",
			     "mức chênh lệch cần xác nhận "
			     "phải lớn hơn 0 và không quá 1000 (%%)");
}

static void
load_type(struct jread *j, json_t *v, struct indicator *it)
{
	const char *type = jread_str(j, v, "type", true);
	if (type != NULL && !parse_type(type, &it->type)) {
		jread_err_at(j, "type",
			     "loại chỉ số \"%s\" không hợp lệ (chỉ "
			     "nhận count, yesno, percent, names, choice, text)",
			     type);
		type = NULL;
	}
	if (type == NULL)
		return;
	check_type_keys(j, v, it->type);
	it->unit = jread_str(j, v, "unit", it->type == IND_COUNT);
	if (it->type == IND_CHOICE)
		load_options(j, v, it);
	load_warn_change(j, v, it);
	load_prefill(j, v, it);
}

void
ind_load_one(struct jread *j, json_t *v, unsigned set_levels,
	     struct indicator *it, struct ind_refs *refs)
{
	if (!jread_is_object(j, v))
		return;
	jread_keys(j, v, IND_KEYS);
	it->code = jread_str(j, v, "code", true);
	if (it->code != NULL && !valid_code(it->code))
		jread_err_at(j, "code",
			     "mã chỉ số bắt đầu bằng chữ cái, chỉ gồm chữ "
			     "thường không dấu, chữ số và dấu gạch dưới (tối "
			     "đa 48 ký tự)");
	it->label = jread_str(j, v, "label", true);
	it->source = jread_str(j, v, "source", true);
	it->note = jread_str(j, v, "note", false);
	it->required = jread_bool(j, v, "required", false);
	load_type(j, v, it);
	refs->part_of = jread_str(j, v, "part_of", false);
	refs->required_if = jread_str(j, v, "required_if", false);
	if (it->required && refs->required_if != NULL)
		jread_err_at(j, "required_if",
			     "chỉ số đã bắt buộc thì không "
			     "cần \"required_if\"");
	it->school_levels = set_levels;
	if (json_object_get(v, "school_levels") != NULL) {
		it->school_levels = ind_load_levels(j, v, "school_levels",
						    true);
		if (it->school_levels & ~set_levels)
			jread_err_at(j, "school_levels",
				     "cấp học của chỉ số "
				     "phải nằm trong cấp học của bộ chỉ số");
	}
}
