/* Loading and validating a target file (docs/indicator-format.md,
 * "Targets"). */
#include <string.h>

#include "../util/arena.h"
#include "indicator_int.h"
#include "target.h"

static const char *const TOP_KEYS[] = {
	"format", "id",		"version",	     "title",  "source",
	"by",	  "indicators", "office_indicators", "groups", NULL,
};
static const char *const GROUP_KEYS[] = { "title", "targets", NULL };
static const char *const TARGET_KEYS[] = {
	"id", "title", "text", "source", "note", "measures", NULL,
};
static const char *const MEASURE_KEYS[] = {
	"indicator", "from", "op", "value", "school_levels", NULL,
};

struct tload {
	struct jread *j;
	struct target_set *t;
	const struct ind_set *schools, *office;
};

/* Whether an indicator has a rate a target can be compared with. */
static bool
has_rate(const struct indicator *it)
{
	return it->type == IND_YESNO || it->type == IND_PERCENT ||
	       (it->type == IND_COUNT && it->whole != NULL);
}

static void
load_op_value(struct jread *j, json_t *v, struct measure *m)
{
	const char *op = jread_str(j, v, "op", true);
	if (op != NULL && strcmp(op, ">") == 0)
		m->op = TARGET_GT;
	else if (op != NULL && strcmp(op, ">=") != 0)
		jread_err_at(j, "op",
			     "phép so sánh chỉ nhận \">=\" (từ … trở "
			     "lên) hoặc \">\" (trên …)");
	if (jread_pts(j, v, "value", true, &m->value) &&
	    (m->value < 0 || m->value > 100 * PTS_ONE))
		jread_err_at(j, "value", "mục tiêu là tỷ lệ từ 0 đến 100");
}

/* "from": the schools' figures (the default) or the office's own. */
static void
load_from(struct jread *j, json_t *v, struct measure *m)
{
	const char *from = jread_str(j, v, "from", false);
	m->office = from != NULL && strcmp(from, "office") == 0;
	if (from != NULL && !m->office && strcmp(from, "schools") != 0)
		jread_err_at(j, "from",
			     "nguồn chỉ nhận \"schools\" (số liệu "
			     "các trường) hoặc \"office\" (cơ quan tự nhập)");
}

/* How the measure of indicator code is met: an office's yes/no is
 * marked by hand, anything else is a rate compared with op and value. */
static void
load_rule(struct jread *j, json_t *v, struct measure *m, const char *code)
{
	m->manual = m->office && m->indicator->type == IND_YESNO;
	if (!m->manual && !has_rate(m->indicator))
		jread_err_at(j, "indicator",
			     "chỉ số \"%s\" không có tỷ lệ "
			     "(cần có/không, tỷ lệ %%, hoặc số lượng có "
			     "\"part_of\")",
			     code);
	if (m->manual &&
	    (json_object_get(v, "op") || json_object_get(v, "value")))
		jread_err_at(j, "op",
			     "chỉ tiêu do cơ quan ghi đạt/không đạt "
			     "thì không có phép so sánh");
	else if (!m->manual)
		load_op_value(j, v, m);
}

static void
load_measure(struct tload *L, json_t *v, struct measure *m)
{
	struct jread *j = L->j;
	if (!jread_is_object(j, v))
		return;
	jread_keys(j, v, MEASURE_KEYS);
	load_from(j, v, m);
	const struct ind_set *s = m->office ? L->office : L->schools;
	const char *code = jread_str(j, v, "indicator", true);
	m->indicator = code ? ind_find(s, code) : NULL;
	if (code != NULL && m->indicator == NULL)
		jread_err_at(j, "indicator",
			     "không có chỉ số \"%s\" trong bộ "
			     "%s",
			     code, s->id);
	if (m->indicator == NULL)
		return;
	load_rule(j, v, m, code);
	m->school_levels = s->school_levels;
	if (json_object_get(v, "school_levels") != NULL)
		m->school_levels = ind_load_levels(j, v, "school_levels", true);
}

static void
load_target(struct tload *L, json_t *v, struct target *t, const char *group)
{
	struct jread *j = L->j;
	if (!jread_is_object(j, v))
		return;
	jread_keys(j, v, TARGET_KEYS);
	t->group = group;
	t->id = jread_str(j, v, "id", true);
	t->title = jread_str(j, v, "title", true);
	t->text = jread_str(j, v, "text", true);
	t->source = jread_str(j, v, "source", true);
	t->note = jread_str(j, v, "note", false);
	json_t *arr = jread_arr(j, v, "measures", true);
	size_t n = json_array_size(arr);
	if (n > TARGET_MAX_MEASURES) {
		jread_err_at(j, "measures", "tối đa %d điều kiện",
			     TARGET_MAX_MEASURES);
		return;
	}
	t->measures = arena_calloc(j->arena, n ? n : 1, sizeof(*t->measures));
	if (t->measures == NULL) {
		j->oom = 1;
		return;
	}
	size_t mark = jread_key(j, "measures");
	for (size_t i = 0; i < n; i++) {
		size_t m = jread_idx(j, i);
		load_measure(L, json_array_get(arr, i), &t->measures[i]);
		jread_pop(j, m);
	}
	t->nmeasures = n;
	jread_pop(j, mark);
}

static void
load_group(struct tload *L, json_t *g)
{
	struct jread *j = L->j;
	if (!jread_is_object(j, g))
		return;
	jread_keys(j, g, GROUP_KEYS);
	const char *title = jread_str(j, g, "title", true);
	json_t *arr = jread_arr(j, g, "targets", true);
	size_t mark = jread_key(j, "targets");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		size_t m = jread_idx(j, i);
		if (L->t->n < TARGET_MAX)
			load_target(L, json_array_get(arr, i),
				    &L->t->v[L->t->n++], title);
		else
			jread_err(j, "tối đa %d chỉ tiêu", TARGET_MAX);
		jread_pop(j, m);
	}
	jread_pop(j, mark);
}

static void
load_by(struct jread *j, struct target_set *t, json_t *root)
{
	const char *s = jread_str(j, root, "by", true);
	int y = 0, m = 0, d = 0;
	bool ok = s != NULL && strlen(s) == 10 && s[4] == '-' && s[7] == '-';
	for (size_t i = 0; ok && i < 10; i++)
		ok = i == 4 || i == 7 || (s[i] >= '0' && s[i] <= '9');
	if (ok) {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		    (s[2] - '0') * 10 + (s[3] - '0');
		m = (s[5] - '0') * 10 + (s[6] - '0');
		d = (s[8] - '0') * 10 + (s[9] - '0');
		ok = m >= 1 && m <= 12 && d >= 1 && d <= 31;
	}
	if (s != NULL && !ok)
		jread_err_at(j, "by", "hạn \"%s\" phải có dạng YYYY-MM-DD", s);
	t->by_year = y;
	t->by_month = m;
	t->by_day = d;
}

static void
load_all(struct tload *L, json_t *root)
{
	struct jread *j = L->j;
	jread_keys(j, root, TOP_KEYS);
	jread_data_head_of(j, root, "bộ chỉ tiêu", &L->t->id, &L->t->version);
	L->t->title = jread_str(j, root, "title", true);
	L->t->source = jread_str(j, root, "source", true);
	const char *si = jread_str(j, root, "indicators", true);
	const char *oi = jread_str(j, root, "office_indicators", true);
	if (si != NULL && strcmp(si, L->schools->id) != 0)
		jread_err_at(j, "indicators",
			     "chỉ tiêu đo bằng bộ \"%s\", "
			     "không phải \"%s\"",
			     si, L->schools->id);
	if (oi != NULL && strcmp(oi, L->office->id) != 0)
		jread_err_at(j, "office_indicators",
			     "chỉ tiêu đo bằng bộ "
			     "\"%s\", không phải \"%s\"",
			     oi, L->office->id);
	L->t->indicators = si;
	L->t->office_indicators = oi;
	load_by(j, L->t, root);
	L->t->v = arena_calloc(j->arena, TARGET_MAX, sizeof(*L->t->v));
	if (L->t->v == NULL) {
		j->oom = 1;
		return;
	}
	json_t *groups = jread_arr(j, root, "groups", true);
	size_t mark = jread_key(j, "groups");
	for (size_t i = 0; i < json_array_size(groups); i++) {
		size_t m = jread_idx(j, i);
		load_group(L, json_array_get(groups, i));
		jread_pop(j, m);
	}
	jread_pop(j, mark);
}

enum ts_err
target_set_parse(const char *json, size_t len, const char *name,
		 const struct ind_set *schools, const struct ind_set *office,
		 struct target_set **out, struct diags *d)
{
	struct arena *a = arena_new();
	struct target_set *t = a ? arena_calloc(a, 1, sizeof(*t)) : NULL;
	if (t == NULL) {
		arena_free(a);
		return TS_ENOMEM;
	}
	t->arena = a;
	struct jread j;
	jread_init(&j, a, d, name);
	struct tload L = { &j, t, schools, office };
	json_t *root = jread_load(&j, json, len);
	if (root != NULL && jread_is_object(&j, root))
		load_all(&L, root);
	json_decref(root);
	enum ts_err e = j.oom || d->oom ? TS_ENOMEM
			: j.errors > 0	? TS_EINVAL
					: TS_OK;
	if (e != TS_OK)
		arena_free(a);
	else
		*out = t;
	return e;
}

void
target_set_free(struct target_set *t)
{
	if (t != NULL)
		arena_free(t->arena);
}
