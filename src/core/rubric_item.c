/* Loading and checking one rubric item of each kind. */
#include <string.h>

#include "../util/arena.h"
#include "rubric_int.h"

static const char *const ITEM_KEYS[] = {
	"id",	    "text",   "kind",	 "max",	     "step",
	"input",    "bands",  "options", "base",     "deduct_per_missing",
	"verified", "source", "note",	 "evidence", "heading",
	NULL,
};

/* Keys only some kinds accept, by kind. */
static const struct {
	const char *key;
	unsigned kinds; /* bit per enum item_kind */
} KIND_KEYS[] = {
	{ "max", ~(1u << ITEM_GATE) },
	{ "step", 1u << ITEM_POINTS },
	{ "input", 1u << ITEM_BAND },
	{ "bands", 1u << ITEM_BAND },
	{ "options", (1u << ITEM_CHOICE) | (1u << ITEM_CHECKLIST) },
	{ "base", 1u << ITEM_CHECKLIST },
	{ "deduct_per_missing", 1u << ITEM_CHECKLIST },
};

static const char *const KIND_NAMES[] = {
	[ITEM_GATE] = "gate",	  [ITEM_YESNO] = "yesno",
	[ITEM_POINTS] = "points", [ITEM_BAND] = "band",
	[ITEM_CHOICE] = "choice", [ITEM_CHECKLIST] = "checklist",
};

const char *
item_kind_name(enum item_kind k)
{
	return KIND_NAMES[k];
}

static bool
parse_kind(const char *s, enum item_kind *k)
{
	for (size_t i = 0; i < sizeof(KIND_NAMES) / sizeof(*KIND_NAMES); i++)
		if (strcmp(s, KIND_NAMES[i]) == 0) {
			*k = (enum item_kind)i;
			return true;
		}
	return false;
}

static void
check_kind_keys(struct jread *j, json_t *v, enum item_kind k)
{
	for (size_t i = 0; i < sizeof(KIND_KEYS) / sizeof(*KIND_KEYS); i++)
		if (json_object_get(v, KIND_KEYS[i].key) != NULL &&
		    !(KIND_KEYS[i].kinds & (1u << k)))
			jread_err_at(j, KIND_KEYS[i].key,
				     "trường \"%s\" không dùng cho loại %s",
				     KIND_KEYS[i].key, KIND_NAMES[k]);
}

/* Option i of a list into o[i]; its id unique among o[0..i). */
static void
load_option(struct jread *j, json_t *v, struct option *o, size_t i,
	    bool points_required)
{
	static const char *const keys[] = { "id", "text", "points", NULL };
	if (!jread_is_object(j, v))
		return;
	jread_keys(j, v, keys);
	o[i].id = jread_str(j, v, "id", true);
	o[i].text = jread_str(j, v, "text", true);
	if (!jread_pts(j, v, "points", points_required, &o[i].points))
		o[i].points = 0;
	if (o[i].points < 0)
		jread_err_at(j, "points", "điểm không được âm");
	for (size_t k = 0; k < i && o[i].id; k++)
		if (o[k].id && strcmp(o[k].id, o[i].id) == 0)
			jread_err_at(j, "id", "mã lựa chọn \"%s\" bị trùng",
				     o[i].id);
}

/* Reads a list of {id, text, points} into *out; returns the count. */
static size_t
load_options(struct jread *j, json_t *arr, struct option **out,
	     bool points_required)
{
	size_t n = json_array_size(arr);
	if (n > RUBRIC_MAX_OPTIONS) {
		jread_err(j, "tối đa %d lựa chọn", RUBRIC_MAX_OPTIONS);
		return 0;
	}
	struct option *o = arena_calloc(j->arena, n ? n : 1, sizeof(*o));
	if (o == NULL) {
		j->oom = 1;
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		load_option(j, json_array_get(arr, i), o, i, points_required);
		jread_pop(j, m);
	}
	*out = o;
	return n;
}

static pts_t
options_max(const struct option *o, size_t n)
{
	pts_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (o[i].points > m)
			m = o[i].points;
	return m;
}

static void
expect_max(struct jread *j, const struct item *it, pts_t want, const char *what)
{
	char a[PTS_FMT_SIZE], b[PTS_FMT_SIZE];
	if (it->max != want)
		jread_err_at(j, "max", "điểm tối đa (%s) khác %s (%s)",
			     pts_format(it->max, a), what, pts_format(want, b));
}

/* What a band item's value is: a percentage, a count or a number. */
static void
load_input(struct jread *j, json_t *v, struct item *it)
{
	const char *in = jread_str(j, v, "input", true);
	if (in == NULL)
		return;
	if (strcmp(in, "percent") == 0)
		it->input = INPUT_PERCENT;
	else if (strcmp(in, "count") == 0)
		it->input = INPUT_COUNT;
	else if (strcmp(in, "number") == 0)
		it->input = INPUT_NUMBER;
	else
		jread_err_at(j, "input",
			     "input \"%s\" không hợp lệ (chỉ nhận "
			     "percent, count, number)",
			     in);
}

static void
load_band(struct jread *j, json_t *b, struct band *out)
{
	static const char *const keys[] = { "range", "points", NULL };
	if (!jread_is_object(j, b))
		return;
	jread_keys(j, b, keys);
	jread_range(j, b, "range", &out->range);
	jread_pts(j, b, "points", true, &out->points);
	if (out->points < 0)
		jread_err_at(j, "points", "điểm không được âm");
}

static void
load_band_item(struct jread *j, json_t *v, struct item *it)
{
	load_input(j, v, it);
	json_t *arr = jread_arr(j, v, "bands", true);
	if (arr == NULL)
		return;
	size_t n = json_array_size(arr);
	it->bands = arena_calloc(j->arena, n, sizeof(*it->bands));
	if (it->bands == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "bands");
	int before = j->errors;
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		load_band(j, json_array_get(arr, i), &it->bands[i]);
		jread_pop(j, m);
	}
	it->nbands = n;
	if (j->errors == before)
		rubric_check_cover(j, &it->bands[0].range, sizeof(struct band),
				   n, 100 * PTS_ONE, it->input != INPUT_PERCENT,
				   "các mức (bands)");
	jread_pop(j, mark);
	pts_t best = 0;
	for (size_t i = 0; i < n; i++)
		if (it->bands[i].points > best)
			best = it->bands[i].points;
	expect_max(j, it, best, "điểm cao nhất của các mức");
}

static void
load_checklist(struct jread *j, json_t *v, struct item *it)
{
	json_t *base = json_object_get(v, "base");
	pts_t base_max = 0;
	if (json_is_array(base)) {
		size_t m = jread_key(j, "base");
		it->nbase_options = load_options(j, base, &it->base_options,
						 true);
		if (it->nbase_options < 2)
			jread_err(j, "cần ít nhất 2 lựa chọn cho điểm nền");
		jread_pop(j, m);
		base_max = options_max(it->base_options, it->nbase_options);
	} else if (base != NULL) {
		if (!jread_pts(j, v, "base", false, &it->base) || it->base < 0)
			jread_err_at(j, "base",
				     "base phải là số không âm "
				     "hoặc danh sách lựa chọn");
		base_max = it->base;
	}
	if (jread_pts(j, v, "deduct_per_missing", false, &it->deduct) &&
	    it->deduct < 0)
		jread_err_at(j, "deduct_per_missing", "điểm trừ không được âm");
	pts_t sum = 0;
	for (size_t i = 0; i < it->noptions; i++)
		sum += it->options[i].points;
	if (sum == 0 && it->deduct == 0)
		jread_err(j, "danh sách kiểm (checklist) phải có điểm cho "
			     "từng phân hệ hoặc điểm trừ khi thiếu");
	expect_max(j, it, base_max + sum,
		   "điểm nền cao nhất cộng điểm của mọi phân hệ");
}

static void
load_step(struct jread *j, json_t *v, struct item *it)
{
	it->step = PTS_ONE;
	if (jread_pts(j, v, "step", false, &it->step) && it->step <= 0)
		jread_err_at(j, "step", "bước điểm phải lớn hơn 0");
	else if (it->max > 0 && it->step > 0 && it->max % it->step)
		jread_err_at(j, "step",
			     "điểm tối đa phải là bội số của bước "
			     "điểm");
}

/* A choice or checklist item: its options (and a checklist's base). */
static void
load_option_item(struct jread *j, json_t *v, struct item *it)
{
	json_t *arr = jread_arr(j, v, "options", true);
	if (arr == NULL)
		return;
	size_t m = jread_key(j, "options");
	it->noptions = load_options(j, arr, &it->options,
				    it->kind == ITEM_CHOICE);
	jread_pop(j, m);
	if (it->kind != ITEM_CHOICE) {
		load_checklist(j, v, it);
		return;
	}
	if (it->noptions < 2)
		jread_err_at(j, "options", "cần ít nhất 2 lựa chọn");
	expect_max(j, it, options_max(it->options, it->noptions),
		   "điểm của lựa chọn cao nhất");
}

static void
load_kind(struct jread *j, json_t *v, struct item *it)
{
	bool has_max = it->kind != ITEM_GATE;
	if (has_max && jread_pts(j, v, "max", true, &it->max) && it->max <= 0)
		jread_err_at(j, "max", "điểm tối đa phải lớn hơn 0");
	switch (it->kind) {
	case ITEM_GATE:
	case ITEM_YESNO: break;
	case ITEM_POINTS: load_step(j, v, it); break;
	case ITEM_BAND: load_band_item(j, v, it); break;
	case ITEM_CHOICE:
	case ITEM_CHECKLIST: load_option_item(j, v, it); break;
	}
}

void
rubric_load_item(struct jread *j, json_t *v, struct item *it)
{
	if (!jread_is_object(j, v))
		return;
	jread_keys(j, v, ITEM_KEYS);
	it->id = jread_str(j, v, "id", true);
	it->text = jread_str(j, v, "text", true);
	it->heading = jread_str(j, v, "heading", false);
	it->note = jread_str(j, v, "note", false);
	it->source = jread_str(j, v, "source", false);
	it->verified = jread_bool(j, v, "verified", true);
	rubric_load_evidence(j, v, &it->evidence);
	const char *kind = jread_str(j, v, "kind", true);
	if (kind == NULL)
		return;
	if (!parse_kind(kind, &it->kind)) {
		jread_err_at(j, "kind",
			     "loại nội dung \"%s\" không hợp lệ "
			     "(chỉ nhận gate, yesno, points, band, choice, "
			     "checklist)",
			     kind);
		return;
	}
	check_kind_keys(j, v, it->kind);
	load_kind(j, v, it);
}
