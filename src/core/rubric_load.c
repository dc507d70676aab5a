/* Loading and validating a whole rubric file (docs/rubric-format.md). */
#include <string.h>

#include "../util/arena.h"
#include "rubric_int.h"

static const char *const TOP_KEYS[] = {
	"format",	 "id",	   "version", "title", "short_title", "source",
	"school_levels", "groups", "grades",  NULL,
};
static const char *const SOURCE_KEYS[] = {
	"decision", "issued_by", "date", "urls", "notes", NULL,
};
static const char *const GROUP_KEYS[] = {
	"id", "title", "max", "levels", "levels_verified", "criteria", NULL,
};
static const char *const CRIT_KEYS[] = {
	"id",	    "title", "max", "cap", "levels", "levels_verified",
	"evidence", "items", NULL,
};

static const char *const LEVEL_CODES[] = { "MN", "TH", "THCS", "THPT", "GDTX" };
static const char *const LEVEL_NAMES[] = {
	"Mầm non", "Tiểu học", "THCS", "THPT", "GDTX",
};

static size_t
level_bit_index(enum school_level l)
{
	size_t i = 0;
	while ((1u << i) != (unsigned)l && i < 5)
		i++;
	return i;
}

const char *
school_level_code(enum school_level l)
{
	size_t i = level_bit_index(l);
	return i < 5 ? LEVEL_CODES[i] : "?";
}

const char *
school_level_name(enum school_level l)
{
	size_t i = level_bit_index(l);
	return i < 5 ? LEVEL_NAMES[i] : "?";
}

void
rubric_check_cover(struct jread *j, const struct range *first, size_t stride,
		   size_t n, pts_t hi, bool hi_inf, const char *what)
{
	char a[80], b[80], h[PTS_FMT_SIZE];
	const unsigned char *base = (const unsigned char *)first;
#define AT(i) ((const struct range *)(const void *)(base + (i)*stride))
	if (AT(0)->lo != 0 || AT(0)->lo_open)
		jread_err(j,
			  "%s: khoảng đầu tiên %s phải bắt đầu từ 0 (dạng "
			  "[0,...)",
			  what, range_format(AT(0), a));
	for (size_t i = 0; i + 1 < n; i++) {
		range_format(AT(i), a);
		range_format(AT(i + 1), b);
		switch (range_join(AT(i), AT(i + 1))) {
		case RANGE_TOUCH: break;
		case RANGE_GAP:
			jread_err(j,
				  "%s: giữa %s và %s có chỗ hở (có điểm "
				  "không thuộc mức nào)",
				  what, a, b);
			break;
		case RANGE_OVERLAP:
			jread_err(j, "%s: %s và %s chồng lên nhau", what, a, b);
			break;
		case RANGE_DISORDER:
			jread_err(j,
				  "%s: các khoảng phải xếp tăng dần (%s "
				  "đứng trước %s)",
				  what, a, b);
			break;
		}
	}
	const struct range *last = AT(n - 1);
	range_format(last, a);
	pts_format(hi, h);
	if (hi_inf) {
		if (!last->hi_inf && last->hi_open)
			jread_err(j,
				  "%s: khoảng cuối %s phải kết thúc bằng "
				  "\"]\" hoặc \",inf)\"",
				  what, a);
	} else if (last->hi_inf || last->hi != hi || last->hi_open) {
		jread_err(j,
			  "%s: khoảng cuối %s phải kết thúc ở %s (dạng "
			  "...,%s])",
			  what, a, h, h);
	}
#undef AT
}

void
rubric_load_evidence(struct jread *j, json_t *obj, struct evidence_req *out)
{
	static const char *const keys[] = { "required", "kinds", "hint", NULL };
	json_t *v = json_object_get(obj, "evidence");
	if (v == NULL)
		return;
	size_t m = jread_key(j, "evidence");
	if (jread_is_object(j, v)) {
		jread_keys(j, v, keys);
		out->present = true;
		out->required = jread_bool(j, v, "required", false);
		out->hint = jread_str(j, v, "hint", false);
		json_t *kinds = jread_arr(j, v, "kinds", false);
		size_t i;
		json_t *k;
		json_array_foreach(kinds, i, k)
		{
			const char *s = json_string_value(k);
			if (s && strcmp(s, "file") == 0)
				out->kinds |= EVIDENCE_FILE;
			else if (s && strcmp(s, "link") == 0)
				out->kinds |= EVIDENCE_LINK;
			else if (s && strcmp(s, "fact") == 0)
				out->kinds |= EVIDENCE_FACT;
			else
				jread_err_at(j, "kinds",
					     "loại minh chứng chỉ "
					     "nhận file, link, fact");
		}
	}
	jread_pop(j, m);
}

/* Grades may be listed best first, as forms print them ("Xuất sắc: từ 90
 * - 100 điểm" ... "Yếu: dưới 50 điểm"); keep them ascending. */
static void
sort_bands(struct level_band *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && v[k].range.lo < v[k - 1].range.lo;
		     k--) {
			struct level_band t = v[k];
			v[k] = v[k - 1];
			v[k - 1] = t;
		}
	for (size_t i = 0; i < n; i++)
		v[i].level = (int)(i + 1);
}

/* Band i of a levels or grades list. */
static void
load_band(struct jread *j, json_t *b, size_t i, bool grades,
	  struct level_band *v)
{
	static const char *const lkeys[] = { "level", "name", "range", NULL };
	static const char *const gkeys[] = { "name", "range", NULL };
	if (!jread_is_object(j, b))
		return;
	jread_keys(j, b, grades ? gkeys : lkeys);
	long long lv = 0;
	if (!grades && jread_int(j, b, "level", true, &lv) &&
	    lv != (long long)i + 1)
		jread_err_at(j, "level",
			     "mức phải đánh số 1, 2, 3... theo thứ "
			     "tự tăng dần");
	v->level = (int)(i + 1);
	v->name = jread_str(j, b, "name", grades);
	jread_range(j, b, "range", &v->range);
}

/* Levels: [{"level": 1, "name": "...", "range": "[0,50)"}, ...] covering
 * [0,max]; `grades` use the same shape with "name" required and no level. */
static size_t
load_bands(struct jread *j, json_t *obj, const char *key, pts_t max,
	   bool grades, struct level_band **out)
{
	json_t *arr = jread_arr(j, obj, key, false);
	if (arr == NULL)
		return 0;
	size_t n = json_array_size(arr);
	size_t mark = jread_key(j, key);
	if (n == 0) {
		jread_err(j, "danh sách mức không được rỗng");
		jread_pop(j, mark);
		return 0;
	}
	struct level_band *v = arena_calloc(j->arena, n, sizeof(*v));
	if (v == NULL) {
		j->oom = 1;
		jread_pop(j, mark);
		return 0;
	}
	int before = j->errors;
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		load_band(j, json_array_get(arr, i), i, grades, &v[i]);
		jread_pop(j, m);
	}
	if (grades)
		sort_bands(v, n);
	if (j->errors == before)
		rubric_check_cover(j, &v[0].range, sizeof(*v), n, max, false,
				   grades ? "xếp loại" : "các mức");
	jread_pop(j, mark);
	*out = v;
	return n;
}

static pts_t
sum_item_max(const struct criterion *c)
{
	pts_t s = 0;
	for (size_t i = 0; i < c->nitems; i++)
		s += c->items[i].max;
	return s;
}

static void
check_criterion_sum(struct jread *j, const struct criterion *c)
{
	char a[PTS_FMT_SIZE], b[PTS_FMT_SIZE];
	pts_t sum = sum_item_max(c);
	if (c->cap && sum < c->max)
		jread_err(j,
			  "tổng điểm tối đa của các nội dung (%s) nhỏ hơn "
			  "mức trần của tiêu chí (%s)",
			  pts_format(sum, a), pts_format(c->max, b));
	else if (!c->cap && sum != c->max)
		jread_err(j,
			  "tổng điểm tối đa của các nội dung (%s) khác điểm "
			  "tối đa của tiêu chí (%s)",
			  pts_format(sum, a), pts_format(c->max, b));
}

/*
 * "levels": "thirds" (the one verified band, 1.3 with max 30: dưới 10,
 * từ 10 đến 20, trên 20, is exactly this rule): Mức 1 when 3·s < max,
 * Mức 2 when max ≤ 3·s ≤ 2·max, Mức 3 otherwise. Scores are whole
 * hundredths, so the bands below are exact for every max, also one that
 * 3 does not divide (max 20: Mức 1 up to 6,66, Mức 2 up to 13,33).
 */
static void
thirds_levels(struct jread *j, json_t *v, struct criterion *c)
{
	const char *rule = json_string_value(json_object_get(v, "levels"));
	if (strcmp(rule, "thirds") != 0 || c->max < 3) {
		jread_err_at(j, "levels",
			     "mức của tiêu chí là danh sách các "
			     "khoảng, hoặc \"thirds\" (chia ba điểm tối đa, "
			     "điểm tối đa từ 0.03)");
		return;
	}
	struct level_band *l = arena_calloc(j->arena, 3, sizeof(*l));
	if (l == NULL) {
		j->oom = 1;
		return;
	}
	pts_t m2 = (c->max + 2) / 3; /* least s with 3·s ≥ max */
	pts_t top2 = 2 * c->max / 3; /* most s with 3·s ≤ 2·max */
	l[0] = (struct level_band){
		.level = 1, .range = { .lo = 0, .hi = m2, .hi_open = true }
	};
	l[1] = (struct level_band){ .level = 2,
				    .range = { .lo = m2, .hi = top2 } };
	l[2] = (struct level_band){
		.level = 3,
		.range = { .lo = top2, .hi = c->max, .lo_open = true }
	};
	c->levels = l;
	c->nlevels = 3;
	c->levels_thirds = true;
}

static void
load_criterion(struct jread *j, struct rubric *r, json_t *v,
	       struct criterion *c)
{
	if (!jread_is_object(j, v))
		return;
	jread_keys(j, v, CRIT_KEYS);
	c->id = jread_str(j, v, "id", true);
	c->title = jread_str(j, v, "title", true);
	if (jread_pts(j, v, "max", true, &c->max) && c->max < 0)
		jread_err_at(j, "max", "điểm tối đa không được âm");
	c->cap = jread_bool(j, v, "cap", false);
	c->levels_verified = jread_bool(j, v, "levels_verified", false);
	rubric_load_evidence(j, v, &c->evidence);
	if (c->max == 0 && json_object_get(v, "levels") != NULL)
		jread_err_at(j, "levels",
			     "tiêu chí không có điểm thì không "
			     "có mức");
	else if (c->max > 0 && json_is_string(json_object_get(v, "levels")))
		thirds_levels(j, v, c);
	else if (c->max > 0)
		c->nlevels = load_bands(j, v, "levels", c->max, false,
					&c->levels);
	json_t *arr = jread_arr(j, v, "items", true);
	size_t n = json_array_size(arr);
	if (r->nitems + n > RUBRIC_MAX_ITEMS) {
		jread_err(j, "quá nhiều nội dung (tối đa %d)",
			  RUBRIC_MAX_ITEMS);
		return;
	}
	c->items = arena_calloc(j->arena, n ? n : 1, sizeof(*c->items));
	if (c->items == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "items");
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		c->items[i].criterion = c;
		c->items[i].idx = r->nitems++;
		rubric_load_item(j, json_array_get(arr, i), &c->items[i]);
		jread_pop(j, m);
	}
	jread_pop(j, mark);
	c->nitems = n;
	if (n > 0)
		check_criterion_sum(j, c);
}

static void
load_group(struct jread *j, struct rubric *r, json_t *v, struct group *g)
{
	char a[PTS_FMT_SIZE], b[PTS_FMT_SIZE];
	if (!jread_is_object(j, v))
		return;
	jread_keys(j, v, GROUP_KEYS);
	g->id = jread_str(j, v, "id", true);
	g->title = jread_str(j, v, "title", true);
	if (jread_pts(j, v, "max", true, &g->max) && g->max <= 0)
		jread_err_at(j, "max", "điểm tối đa phải lớn hơn 0");
	g->levels_verified = jread_bool(j, v, "levels_verified", false);
	if (g->max > 0)
		g->nlevels = load_bands(j, v, "levels", g->max, false,
					&g->levels);
	json_t *arr = jread_arr(j, v, "criteria", true);
	size_t n = json_array_size(arr);
	if (r->ncriteria + n > RUBRIC_MAX_CRITERIA) {
		jread_err(j, "quá nhiều tiêu chí (tối đa %d)",
			  RUBRIC_MAX_CRITERIA);
		return;
	}
	g->criteria = arena_calloc(j->arena, n ? n : 1, sizeof(*g->criteria));
	if (g->criteria == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "criteria");
	pts_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		g->criteria[i].group = g;
		g->criteria[i].idx = r->ncriteria++;
		load_criterion(j, r, json_array_get(arr, i), &g->criteria[i]);
		sum += g->criteria[i].max;
		jread_pop(j, m);
	}
	jread_pop(j, mark);
	g->ncriteria = n;
	if (n > 0 && sum != g->max)
		jread_err(j,
			  "tổng điểm tối đa của các tiêu chí (%s) khác điểm "
			  "tối đa của nhóm (%s)",
			  pts_format(sum, a), pts_format(g->max, b));
}

static void
load_groups(struct jread *j, struct rubric *r, json_t *root)
{
	json_t *arr = jread_arr(j, root, "groups", true);
	size_t n = json_array_size(arr);
	if (n > RUBRIC_MAX_GROUPS) {
		jread_err_at(j, "groups", "quá nhiều nhóm (tối đa %d)",
			     RUBRIC_MAX_GROUPS);
		return;
	}
	r->groups = arena_calloc(j->arena, n ? n : 1, sizeof(*r->groups));
	if (r->groups == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "groups");
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		r->groups[i].idx = i;
		load_group(j, r, json_array_get(arr, i), &r->groups[i]);
		r->total_max += r->groups[i].max;
		jread_pop(j, m);
	}
	jread_pop(j, mark);
	r->ngroups = n;
}

static void
load_source(struct jread *j, struct rubric *r, json_t *root)
{
	json_t *v = json_object_get(root, "source");
	if (v == NULL) {
		jread_err_at(j, "source",
			     "thiếu trường bắt buộc \"source\" "
			     "(văn bản gốc của bộ chỉ số)");
		return;
	}
	size_t m = jread_key(j, "source");
	if (jread_is_object(j, v)) {
		jread_keys(j, v, SOURCE_KEYS);
		r->source.decision = jread_str(j, v, "decision", true);
		r->source.issued_by = jread_str(j, v, "issued_by", false);
		r->source.date = jread_str(j, v, "date", false);
		r->source.notes = jread_str(j, v, "notes", false);
		json_t *urls = jread_arr(j, v, "urls", false);
		size_t n = json_array_size(urls);
		r->source.urls = arena_calloc(j->arena, n ? n : 1,
					      sizeof(*r->source.urls));
		for (size_t i = 0; r->source.urls && i < n; i++) {
			json_t *u = json_array_get(urls, i);
			if (json_is_string(u))
				r->source.urls[r->source.nurls++] =
					jread_text(j, u);
			else
				jread_err_at(j, "urls",
					     "mỗi địa chỉ phải là chuỗi");
		}
	}
	jread_pop(j, m);
}

static void
load_levels_field(struct jread *j, struct rubric *r, json_t *root)
{
	json_t *arr = jread_arr(j, root, "school_levels", true);
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		const char *s = json_string_value(v);
		size_t k = 0;
		while (k < 5 && (s == NULL || strcmp(s, LEVEL_CODES[k]) != 0))
			k++;
		if (k == 5)
			jread_err_at(j, "school_levels",
				     "cấp học không hợp lệ "
				     "(chỉ nhận MN, TH, THCS, THPT, GDTX)");
		else if (r->school_levels & (1u << k))
			jread_err_at(j, "school_levels", "cấp học %s bị lặp",
				     LEVEL_CODES[k]);
		else
			r->school_levels |= 1u << k;
	}
}

static void
load_header(struct jread *j, struct rubric *r, json_t *root)
{
	jread_data_head(j, root, &r->id, &r->version);
	r->title = jread_str(j, root, "title", true);
	r->short_title = jread_str(j, root, "short_title", false);
	if (r->short_title == NULL)
		r->short_title = r->title;
	load_source(j, r, root);
	load_levels_field(j, r, root);
}

static void
build_index(struct jread *j, struct rubric *r)
{
	r->items = arena_calloc(j->arena, r->nitems ? r->nitems : 1,
				sizeof(*r->items));
	r->criteria = arena_calloc(j->arena, r->ncriteria ? r->ncriteria : 1,
				   sizeof(*r->criteria));
	if (r->items == NULL || r->criteria == NULL) {
		j->oom = 1;
		return;
	}
	for (size_t g = 0; g < r->ngroups; g++)
		for (size_t c = 0; c < r->groups[g].ncriteria; c++) {
			const struct criterion *cr = &r->groups[g].criteria[c];
			r->criteria[cr->idx] = cr;
			for (size_t i = 0; i < cr->nitems; i++)
				r->items[cr->items[i].idx] = &cr->items[i];
		}
}

static const char *
group_id(const struct rubric *r, size_t i)
{
	return r->groups[i].id;
}

static const char *
criterion_id(const struct rubric *r, size_t i)
{
	return r->criteria[i]->id;
}

static const char *
item_id(const struct rubric *r, size_t i)
{
	return r->items[i]->id;
}

/* Every id of n things (id_of) that an earlier one has, as "mã <what>". */
static void
check_unique(struct jread *j, const struct rubric *r, size_t n,
	     const char *(*id_of)(const struct rubric *, size_t),
	     const char *what)
{
	for (size_t a = 0; a < n; a++)
		for (size_t b = 0; b < a; b++)
			if (id_of(r, a) && id_of(r, b) &&
			    strcmp(id_of(r, a), id_of(r, b)) == 0)
				jread_err(j, "mã %s \"%s\" bị trùng", what,
					  id_of(r, a));
}

/* Ids are answer keys and report labels: each must be unique. */
static void
check_unique_ids(struct jread *j, const struct rubric *r)
{
	check_unique(j, r, r->ngroups, group_id, "nhóm");
	check_unique(j, r, r->ncriteria, criterion_id, "tiêu chí");
	check_unique(j, r, r->nitems, item_id, "nội dung");
}

enum ts_err
rubric_parse(const char *json, size_t len, const char *name,
	     struct rubric **out, struct diags *d)
{
	struct arena *a = arena_new();
	if (a == NULL)
		return TS_ENOMEM;
	struct rubric *r = arena_alloc(a, sizeof(*r));
	if (r == NULL) {
		arena_free(a);
		return TS_ENOMEM;
	}
	r->arena = a;
	struct jread j;
	jread_init(&j, a, d, name);
	json_t *root = jread_load(&j, json, len);
	if (root != NULL && jread_is_object(&j, root)) {
		jread_keys(&j, root, TOP_KEYS);
		load_header(&j, r, root);
		load_groups(&j, r, root);
		if (r->total_max > 0)
			r->ngrades = load_bands(&j, root, "grades",
						r->total_max, true, &r->grades);
		build_index(&j, r);
		if (!j.oom)
			check_unique_ids(&j, r);
	}
	json_decref(root);
	if (j.oom || d->oom) {
		arena_free(a);
		return TS_ENOMEM;
	}
	if (j.errors > 0) {
		arena_free(a);
		return TS_EINVAL;
	}
	*out = r;
	return TS_OK;
}
