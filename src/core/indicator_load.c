/* Loading and validating a whole indicator set (docs/indicator-format.md). */
#include <string.h>

#include "../util/arena.h"
#include "indicator_int.h"

static const char *const TOP_KEYS[] = {
	"format",  "id",       "version", "title",
	"scope",   "source",   "notes",	  "school_levels",
	"periods", "sections", NULL,
};
static const char *const SECTION_KEYS[] = {
	"id",
	"title",
	"indicators",
	NULL,
};
static const char *const PERIOD_KEYS[] = {
	"id", "name", "as_of", "due", "source", NULL,
};

/* Loader state: the set plus the references each indicator names. */
struct ind_load {
	struct jread *j;
	struct ind_set *s;
	struct ind_refs *refs; /* by indicator idx */
	size_t cap;
};

/* "30/9" -> day 30, month 9; a day that exists in some year. */
static bool
parse_day_month(const char *s, int *day, int *month)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };
	int d = 0, m = 0;
	size_t i = 0, nd = 0, nm = 0;
	for (; s[i] >= '0' && s[i] <= '9' && nd < 2; i++, nd++)
		d = d * 10 + (s[i] - '0');
	if (nd == 0 || s[i++] != '/')
		return false;
	for (; s[i] >= '0' && s[i] <= '9' && nm < 2; i++, nm++)
		m = m * 10 + (s[i] - '0');
	if (nm == 0 || s[i] != '\0' || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1])
		return false;
	*day = d;
	*month = m;
	return true;
}

static void
load_day(struct jread *j, json_t *p, const char *key, bool required, int *day,
	 int *month)
{
	const char *s = jread_str(j, p, key, required);
	if (s != NULL && !parse_day_month(s, day, month))
		jread_err_at(j, key,
			     "ngày \"%s\" không hợp lệ (dạng ngày/tháng, "
			     "ví dụ 30/9)",
			     s);
}

static void
load_periods(struct jread *j, struct ind_set *s, json_t *root)
{
	json_t *arr = jread_arr(j, root, "periods",
				s->scope == IND_SCOPE_SCHOOL);
	size_t n = json_array_size(arr);
	if (n > IND_MAX_PERIODS) {
		jread_err_at(j, "periods", "tối đa %d kỳ báo cáo",
			     IND_MAX_PERIODS);
		return;
	}
	s->periods = arena_calloc(j->arena, n ? n : 1, sizeof(*s->periods));
	if (s->periods == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "periods");
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		json_t *p = json_array_get(arr, i);
		struct ind_period *pe = &s->periods[i];
		if (jread_is_object(j, p)) {
			jread_keys(j, p, PERIOD_KEYS);
			pe->id = jread_str(j, p, "id", true);
			pe->name = jread_str(j, p, "name", true);
			pe->source = jread_str(j, p, "source", true);
			load_day(j, p, "as_of", true, &pe->as_of_day,
				 &pe->as_of_month);
			load_day(j, p, "due", false, &pe->due_day,
				 &pe->due_month);
			for (size_t k = 0; k < i && pe->id; k++)
				if (s->periods[k].id &&
				    strcmp(s->periods[k].id, pe->id) == 0)
					jread_err_at(j, "id",
						     "mã kỳ báo cáo "
						     "\"%s\" bị trùng",
						     pe->id);
		}
		jread_pop(j, m);
	}
	s->nperiods = n;
	jread_pop(j, mark);
}

static void
load_section(struct ind_load *L, json_t *v, size_t si)
{
	struct jread *j = L->j;
	struct ind_section *sec = &L->s->sections[si];
	if (!jread_is_object(j, v))
		return;
	jread_keys(j, v, SECTION_KEYS);
	sec->id = jread_str(j, v, "id", true);
	sec->title = jread_str(j, v, "title", true);
	json_t *arr = jread_arr(j, v, "indicators", true);
	size_t n = json_array_size(arr);
	if (L->s->n + n > IND_MAX_INDICATORS) {
		jread_err(j, "quá nhiều chỉ số (tối đa %d)",
			  IND_MAX_INDICATORS);
		return;
	}
	sec->v = arena_calloc(j->arena, n ? n : 1, sizeof(*sec->v));
	if (sec->v == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "indicators");
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		struct indicator *it = &sec->v[i];
		it->idx = L->s->n++;
		it->section = si;
		ind_load_one(j, json_array_get(arr, i), L->s->school_levels, it,
			     &L->refs[it->idx]);
		jread_pop(j, m);
	}
	sec->n = n;
	jread_pop(j, mark);
}

static void
load_sections(struct ind_load *L, json_t *root)
{
	struct jread *j = L->j;
	json_t *arr = jread_arr(j, root, "sections", true);
	size_t n = json_array_size(arr);
	if (n > IND_MAX_SECTIONS) {
		jread_err_at(j, "sections", "quá nhiều mục (tối đa %d)",
			     IND_MAX_SECTIONS);
		return;
	}
	L->s->sections = arena_calloc(j->arena, n ? n : 1,
				      sizeof(*L->s->sections));
	L->refs = arena_calloc(j->arena, IND_MAX_INDICATORS, sizeof(*L->refs));
	if (L->s->sections == NULL || L->refs == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "sections");
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		load_section(L, json_array_get(arr, i), i);
		L->s->nsections = i + 1;
		jread_pop(j, m);
	}
	jread_pop(j, mark);
}

static void
load_header(struct jread *j, struct ind_set *s, json_t *root)
{
	jread_data_head(j, root, &s->id, &s->version);
	s->title = jread_str(j, root, "title", true);
	const char *scope = jread_str(j, root, "scope", true);
	if (scope != NULL && strcmp(scope, "office") == 0)
		s->scope = IND_SCOPE_OFFICE;
	else if (scope != NULL && strcmp(scope, "school") != 0)
		jread_err_at(j, "scope",
			     "phạm vi chỉ nhận \"school\" (nhà "
			     "trường nhập) hoặc \"office\" (cơ quan quản lý "
			     "nhập)");
	s->source = jread_str(j, root, "source", true);
	s->notes = jread_str(j, root, "notes", false);
	s->school_levels = ind_load_levels(j, root, "school_levels", true);
}

static void
build_index(struct ind_load *L)
{
	struct ind_set *s = L->s;
	s->v = arena_calloc(L->j->arena, s->n ? s->n : 1, sizeof(*s->v));
	if (s->v == NULL) {
		L->j->oom = 1;
		return;
	}
	for (size_t i = 0; i < s->nsections; i++)
		for (size_t k = 0; k < s->sections[i].n; k++)
			s->v[s->sections[i].v[k].idx] = &s->sections[i].v[k];
}

static void
check_unique(struct jread *j, const struct ind_set *s)
{
	for (size_t a = 0; a < s->nsections; a++)
		for (size_t b = 0; b < a; b++)
			if (s->sections[a].id && s->sections[b].id &&
			    strcmp(s->sections[a].id, s->sections[b].id) == 0)
				jread_err(j, "mã mục \"%s\" bị trùng",
					  s->sections[a].id);
	for (size_t a = 0; a < s->n; a++)
		for (size_t b = 0; b < a; b++)
			if (s->v[a]->code && s->v[b]->code &&
			    strcmp(s->v[a]->code, s->v[b]->code) == 0)
				jread_err(j, "mã chỉ số \"%s\" bị trùng",
					  s->v[a]->code);
}

/* "$.sections[i].indicators[k]" of an indicator, for reference errors. */
static size_t
push_indicator(struct jread *j, const struct ind_set *s,
	       const struct indicator *it)
{
	size_t mark = jread_key(j, "sections");
	jread_idx(j, it->section);
	jread_key(j, "indicators");
	jread_idx(j, (size_t)(it - s->sections[it->section].v));
	return mark;
}

static const struct indicator *
resolve(struct ind_load *L, const struct indicator *it, const char *key,
	const char *code, enum ind_type want, const char *want_name)
{
	struct jread *j = L->j;
	const struct indicator *t = code ? ind_find(L->s, code) : NULL;
	if (code == NULL)
		return NULL;
	if (t == NULL)
		jread_err_at(j, key, "không có chỉ số \"%s\" trong bộ", code);
	else if (t == it)
		jread_err_at(j, key, "chỉ số không thể tham chiếu chính nó");
	else if (t->type != want)
		jread_err_at(j, key, "chỉ số \"%s\" phải là loại %s", code,
			     want_name);
	else
		return t;
	return NULL;
}

/* A chain of part_of that comes back to where it started. */
static bool
part_cycle(const struct indicator *it, size_t n)
{
	const struct indicator *p = it->whole;
	for (size_t k = 0; p != NULL && k <= n; k++, p = p->whole)
		if (p == it)
			return true;
	return false;
}

static void
resolve_refs(struct ind_load *L)
{
	struct jread *j = L->j;
	for (size_t si = 0; si < L->s->nsections; si++)
		for (size_t k = 0; k < L->s->sections[si].n; k++) {
			struct indicator *it = &L->s->sections[si].v[k];
			const struct ind_refs *r = &L->refs[it->idx];
			size_t mark = push_indicator(j, L->s, it);
			it->whole = resolve(L, it, "part_of", r->part_of,
					    IND_COUNT, "count");
			it->required_if = resolve(L, it, "required_if",
						  r->required_if, IND_YESNO,
						  "yesno");
			jread_pop(j, mark);
		}
	for (size_t i = 0; i < L->s->n; i++)
		if (part_cycle(L->s->v[i], L->s->n))
			jread_err(j,
				  "chỉ số \"%s\": các quan hệ \"part_of\" "
				  "tạo thành vòng",
				  L->s->v[i]->code);
}

enum ts_err
ind_set_parse(const char *json, size_t len, const char *name,
	      struct ind_set **out, struct diags *d)
{
	struct arena *a = arena_new();
	if (a == NULL)
		return TS_ENOMEM;
	struct ind_set *s = arena_calloc(a, 1, sizeof(*s));
	if (s == NULL) {
		arena_free(a);
		return TS_ENOMEM;
	}
	s->arena = a;
	struct jread j;
	jread_init(&j, a, d, name);
	struct ind_load L = { .j = &j, .s = s };
	json_t *root = jread_load(&j, json, len);
	if (root != NULL && jread_is_object(&j, root)) {
		jread_keys(&j, root, TOP_KEYS);
		load_header(&j, s, root);
		load_periods(&j, s, root);
		load_sections(&L, root);
		build_index(&L);
		if (!j.oom) {
			check_unique(&j, s);
			resolve_refs(&L);
		}
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
	*out = s;
	return TS_OK;
}

void
ind_set_free(struct ind_set *s)
{
	if (s != NULL)
		arena_free(s->arena);
}

const struct indicator *
ind_find(const struct ind_set *s, const char *code)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i]->code && strcmp(s->v[i]->code, code) == 0)
			return s->v[i];
	return NULL;
}

const struct ind_period *
ind_find_period(const struct ind_set *s, const char *id)
{
	for (size_t i = 0; i < s->nperiods; i++)
		if (s->periods[i].id && strcmp(s->periods[i].id, id) == 0)
			return &s->periods[i];
	return NULL;
}
