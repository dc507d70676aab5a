#include "form_answers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/answer_text.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "tpl_cache.h"

/* Room for a field's name or id: the item ids of a rubric are short. */
#define FIELD_SIZE 1024

/* The form field of an item: kind letter v/n/b/m, after the form's
 * prefix ("" or "x"). */
static const char *
field(char out[FIELD_SIZE], const char *prefix, const char *kind,
      const struct item *it)
{
	return str_cat(out, FIELD_SIZE, prefix, kind, ":", it->id, NULL);
}

static bool
posted_for(const struct form_src *src, const struct item *it)
{
	return src->posted != NULL &&
	       (src->use_posted == NULL || src->use_posted[it->idx]);
}

void
form_field_id(struct buf *b, const char *kind, const char *prefix,
	      const struct item *it)
{
	buf_reset(b);
	buf_puts(b, kind);
	buf_putc(b, '-');
	buf_puts(b, prefix);
	buf_puts(b, it->id);
}

/* The same in a caller's array. */
static const char *
field_id(char out[FIELD_SIZE], const char *kind, const char *prefix,
	 const struct item *it)
{
	return str_cat(out, FIELD_SIZE, kind, "-", prefix, it->id, NULL);
}

/* The value text of an item for the form (a number in out). */
static const char *
value_text(const struct form_src *src, const struct item *it,
	   char out[PTS_FMT_SIZE])
{
	char name[FIELD_SIZE];
	if (posted_for(src, it)) {
		const char *posted = kv_get(
			src->posted,
			field(name, src->prefix,
			      it->kind == ITEM_CHECKLIST ? "b" : "v", it));
		return posted ? posted : "";
	}
	const struct answer *a = &src->stored->v[it->idx];
	if (!a->present)
		return "";
	switch (it->kind) {
	case ITEM_GATE:
	case ITEM_YESNO: return a->yes ? "1" : "0";
	case ITEM_POINTS:
	case ITEM_BAND: return pts_format_vn(a->num, out);
	case ITEM_CHOICE: return it->options[a->choice].id;
	case ITEM_CHECKLIST:
		return it->nbase_options ? it->base_options[a->base].id : "";
	}
	return "";
}

/* The id, and when refused aria-invalid and aria-describedby, of an
 * item's control; JS sets the same attributes on the fly. */
struct ctl {
	const char *id, *err_id;
	bool invalid;
	const char *label_id; /* the heading that asks the question, or NULL */
};

static void
radio(struct buf *b, const char *name, const char *value, const char *label,
      const char *current, bool editable, const struct ctl *c)
{
	buf_puts(b, "<label class=\"inline\">");
	h_open(b, "input", "type", "radio", "id", c ? c->id : NULL,
	       "aria-invalid", c && c->invalid ? "true" : NULL,
	       "aria-describedby", c && c->invalid ? c->err_id : NULL, "name",
	       name, "value", value, "checked",
	       strcmp(current, value) == 0 ? "checked" : NULL, "disabled",
	       editable ? NULL : "disabled", NULL);
	h_text(b, label);
	buf_puts(b, "</label> ");
}

static void
number(struct buf *b, const struct item *it, const char *name,
       const char *current, bool editable, const struct ctl *c)
{
	char mx[PTS_FMT_SIZE], st[PTS_FMT_SIZE], vn[PTS_FMT_SIZE];
	bool pct = it->kind == ITEM_BAND && it->input == INPUT_PERCENT;
	/* data-max is for the script (a dot); the text is for people. */
	const char *max = it->kind == ITEM_POINTS ? pts_format(it->max, mx)
			  : pct			  ? "100"
						  : NULL;
	h_open(b, "input", "type", "text", "inputmode", "decimal", "id", c->id,
	       "aria-invalid", c->invalid ? "true" : NULL, "aria-describedby",
	       c->invalid ? c->err_id : NULL, "aria-labelledby", c->label_id,
	       "name", name, "value", current, "data-max", max, "size", "6",
	       "readonly", editable ? NULL : "readonly", NULL);
	if (it->kind == ITEM_POINTS)
		h_texts(b, " / ", pts_format_vn(it->max, vn), " điểm",
			it->step != PTS_ONE ? " (bước " : "", NULL);
	if (it->kind == ITEM_POINTS && it->step != PTS_ONE)
		h_texts(b, pts_format_vn(it->step, st), ")", NULL);
	if (pct)
		h_text(b, " %");
}

static void
select_opts(struct buf *b, const char *name, const struct option *o, size_t n,
	    const char *current, bool editable, const struct ctl *c)
{
	char p[PTS_FMT_SIZE];
	h_open(b, "select", "name", name, "id", c->id, "aria-labelledby",
	       c->label_id, "aria-invalid", c->invalid ? "true" : NULL,
	       "aria-describedby", c->invalid ? c->err_id : NULL, "disabled",
	       editable ? NULL : "disabled", NULL);
	buf_puts(b, "<option value=\"\">— chọn —</option>");
	for (size_t i = 0; i < n; i++) {
		h_open(b, "option", "value", o[i].id, "selected",
		       strcmp(current, o[i].id) == 0 ? "selected" : NULL, NULL);
		h_texts(b, o[i].text, " (", pts_format_vn(o[i].points, p),
			" điểm)", NULL);
		h_close(b, "option");
	}
	h_close(b, "select");
}

static bool
posted_has(const struct kvlist *l, const char *key, const char *value)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0 &&
		    strcmp(l->v[i].value, value) == 0)
			return true;
	return false;
}

static void
modules(struct buf *b, const struct item *it, const struct form_src *src,
	bool editable)
{
	char name[FIELD_SIZE];
	field(name, src->prefix, "m", it);
	const struct answer *a = &src->stored->v[it->idx];
	buf_puts(b, "<fieldset class=\"q\"><legend>");
	h_texts(b, "Phân hệ đã có (", it->id, ")", NULL);
	buf_puts(b, "</legend>");
	for (size_t i = 0; i < it->noptions; i++) {
		bool on = posted_for(src, it)
				  ? posted_has(src->posted, name,
					       it->options[i].id)
				  : a->present &&
					    (a->checked & ((uint64_t)1 << i));
		buf_puts(b, "<label>");
		h_open(b, "input", "type", "checkbox", "name", name, "value",
		       it->options[i].id, "checked", on ? "checked" : NULL,
		       "disabled", editable ? NULL : "disabled", NULL);
		h_text(b, it->options[i].text);
		buf_puts(b, "</label>");
	}
	buf_puts(b, "</fieldset>");
}

/* The question of an item, once: "1.3a. text" (with (*) when its rule is
 * not verified), the criterion's heading when the item is its only
 * question, or for the reviewer's box beside the school's answer only
 * "Đánh giá ngoài 1.3a" (the question is just above it). */
static void
question(struct buf *b, const struct item *it, const struct form_src *src)
{
	if (src->heading != NULL) {
		buf_puts(b, src->heading);
		return;
	}
	if (src->prefix[0] != '\0') {
		h_texts(b, "Đánh giá ngoài ", it->id, NULL);
		return;
	}
	h_texts(b, it->id, ". ", it->text, NULL);
	if (!it->verified)
		buf_puts(
			b,
			" <span class=\"muted\" title=\"Quy tắc chấm chính thức "
			"chưa xác minh: đơn vị tự chấm, cấp trên đánh giá "
			"ngoài\">(*)</span>");
}

/* A control's visible label; a heading cannot sit in a <label>, so the
 * criterion's heading is printed as is and names the control by id. */
static void
label(struct buf *b, const struct item *it, const struct form_src *src,
      struct ctl *c)
{
	if (src->heading != NULL) {
		buf_puts(b, src->heading);
		c->label_id = src->heading_id;
		return;
	}
	h_open(b, "label", "for", c->id, "class", "q", NULL);
	question(b, it, src);
	buf_puts(b, "</label>");
}

static void
control(struct buf *b, const struct item *it, const struct form_src *src,
	bool editable, struct ctl *c)
{
	char name[FIELD_SIZE], val[PTS_FMT_SIZE];
	const char *v = src->marks ? TPL_HOLE_N("1") : value_text(src, it, val);
	const char *n = field(name, src->prefix,
			      it->kind == ITEM_CHECKLIST ? "b" : "v", it);
	switch (it->kind) {
	case ITEM_GATE:
	case ITEM_YESNO:
		/* A pass/fail pair is one group named by its question, so a
		 * screen reader says the question with "Đạt" (WCAG 1.3.1). */
		buf_puts(b, "<fieldset class=\"q\"><legend>");
		question(b, it, src);
		buf_puts(b, "</legend>");
		radio(b, n, "1", it->kind == ITEM_GATE ? "Đạt" : "Có", v,
		      editable, c);
		radio(b, n, "0", it->kind == ITEM_GATE ? "Không đạt" : "Không",
		      v, editable, NULL);
		buf_puts(b, "</fieldset>");
		break;
	case ITEM_POINTS:
	case ITEM_BAND:
		label(b, it, src, c);
		number(b, it, n, v, editable, c);
		break;
	case ITEM_CHOICE:
		label(b, it, src, c);
		select_opts(b, n, it->options, it->noptions, v, editable, c);
		break;
	case ITEM_CHECKLIST:
		if (it->nbase_options) {
			label(b, it, src, c);
		} else if (src->heading != NULL) {
			buf_puts(b, src->heading);
		} else {
			buf_puts(b, "<p class=\"q\">");
			question(b, it, src);
			buf_puts(b, "</p>");
		}
		if (it->nbase_options)
			select_opts(b, n, it->base_options, it->nbase_options,
				    v, editable, c);
		modules(b, it, src, editable);
		break;
	}
}

/* Someone else changed this field after the page was opened, and so did
 * the user: both values, who and when, and the choice (mine by default). */
static void
conflict_box(struct buf *b, const struct item *it, const struct form_src *src,
	     const struct sub_change *c)
{
	struct buf t;
	char when[TS_TIME_SIZE], name[160];
	const struct answer *theirs = &src->stored->v[it->idx];
	buf_init(&t, 4096);
	answer_text(it, theirs, &t);
	/* The note is part of the item: keeping mine replaces theirs, so
	 * theirs is shown before the choice, never dropped unseen. */
	if (theirs->note && theirs->note[0])
		buf_printf(&t, "; ghi chú: “%s”", theirs->note);
	/* The choice is a group named by what happened (WCAG 1.3.1). */
	buf_puts(b, "<fieldset class=\"conflict\"><legend>");
	h_textf(b, "%s đã sửa nội dung này lúc %s thành: ", c->author,
		ts_time_vn_text(c->at, when));
	h_elem(b, "strong", t.len ? buf_str(&t) : "(để trống)", NULL);
	buf_puts(b, "</legend>");
	snprintf(name, sizeof(name), "pick:%s%s", src->prefix, it->id);
	buf_puts(b, "<label class=\"inline\">");
	h_open(b, "input", "type", "radio", "name", name, "value", "mine",
	       "checked", "checked", NULL);
	buf_puts(b, "Giữ giá trị tôi nhập (ở trên)</label> <label "
		    "class=\"inline\">");
	h_open(b, "input", "type", "radio", "name", name, "value", "theirs",
	       NULL);
	buf_puts(b, "Lấy giá trị mới</label></fieldset>");
	buf_release(&t);
}

static void form_item_plain(struct buf *b, const struct item *it,
			    const struct form_src *src, bool editable);

/* The note shown: the template's marker, the posted one, or stored. */
static const char *
note_of(const struct form_src *src, const struct item *it)
{
	char name[FIELD_SIZE];
	if (src->marks)
		return TPL_HOLE_N("2");
	if (posted_for(src, it))
		return kv_get(src->posted, field(name, src->prefix, "n", it));
	return src->stored->v[it->idx].note;
}

/* One item rendered with markers into t; a failed one stays empty (that
 * item is then rendered plain). */
static void
item_template(struct tpl *t, const struct item *it, const struct form_src *ms,
	      bool editable)
{
	struct buf b;
	buf_init(&b, 1 << 20);
	form_item_plain(&b, it, ms, editable);
	if (b.err == TS_OK)
		(void)tpl_make(t, buf_str(&b), ms->heading ? 3 : 2);
	buf_release(&b);
}

/* The templates of a rubric's number items in one form (prefix, whether
 * editable, with the criterion's heading or not): rendered once with
 * markers for the heading (0, markup), the value (1) and the note (2).
 * Other items' slots are empty. NULL if they cannot be made. */
static const struct tpl *
item_templates(const struct rubric *rb, const char *prefix, bool editable,
	       bool heading)
{
	char key[300], qid[160];
	size_t n;
	snprintf(key, sizeof(key), "item\n%s@%d\n%s\n%d%d", rb->id, rb->version,
		 prefix, editable, heading);
	const struct tpl *t = tpl_find(key, &n);
	if (t != NULL)
		return n == rb->nitems ? t : NULL;
	struct tpl *v = calloc(rb->nitems + 1, sizeof(*v));
	struct answers *none = v ? answers_new(rb) : NULL;
	for (size_t i = 0; none != NULL && i < rb->nitems; i++) {
		const struct item *it = rb->items[i];
		struct form_src ms = { .stored = none,
				       .prefix = prefix,
				       .marks = true };
		if (it->kind != ITEM_POINTS && it->kind != ITEM_BAND)
			continue;
		str_cat(qid, sizeof(qid), "q-", it->criterion->id, NULL);
		ms.heading = heading ? TPL_HOLE_N("0") : NULL;
		ms.heading_id = heading ? qid : NULL;
		item_template(&v[i], it, &ms, editable);
	}
	if (none == NULL) {
		tpl_free(v, rb->nitems);
		return NULL;
	}
	answers_free(none);
	return tpl_publish(key, v, rb->nitems);
}

/* A number item shown as stored (nothing posted, refused or clashing):
 * its template with the heading, value and note spliced in. */
static bool
item_cached(struct buf *b, const struct item *it, const struct form_src *src,
	    bool editable)
{
	const struct rubric *rb = src->stored->rubric;
	if ((it->kind != ITEM_POINTS && it->kind != ITEM_BAND) || rb == NULL ||
	    posted_for(src, it) || (src->error && src->error[it->idx]) ||
	    (src->conflict && src->conflict[it->idx]))
		return false;
	const struct tpl *t = item_templates(rb, src->prefix, editable,
					     src->heading != NULL);
	if (t == NULL || t[it->idx].text == NULL)
		return false;
	char val[PTS_FMT_SIZE];
	const struct answer *a = &src->stored->v[it->idx];
	const char *s[3] = { src->heading, value_text(src, it, val),
			     a->note ? a->note : "" };
	tpl_put_v(b, &t[it->idx], s, 1u);
	return true;
}

void
form_item(struct buf *b, const struct item *it, const struct form_src *src,
	  bool editable)
{
	if (!item_cached(b, it, src, editable))
		form_item_plain(b, it, src, editable);
}

static void
form_item_plain(struct buf *b, const struct item *it,
		const struct form_src *src, bool editable)
{
	char name[FIELD_SIZE], fid[FIELD_SIZE], eid[FIELD_SIZE];
	const struct answer *a = &src->stored->v[it->idx];
	const char *note = note_of(src, it);
	if (it->heading != NULL && src->prefix[0] == '\0') {
		buf_puts(b, "<p><strong>");
		h_text(b, it->heading);
		buf_puts(b, "</strong></p>");
	}
	buf_puts(b, "<div class=\"item\">");
	const char *err = src->error ? src->error[it->idx] : NULL;
	field_id(fid, "f", src->prefix, it);
	field_id(eid, "e", src->prefix, it);
	struct ctl c = { fid, eid, err != NULL, NULL };
	control(b, it, src, editable, &c);
	/* Always there (hidden when empty) so app.js can fill it. */
	h_elem(b, "p", err ? err : "", "class", "field-error", "id", eid,
	       "hidden", err ? NULL : "hidden", NULL);
	if (src->conflict && src->conflict[it->idx])
		conflict_box(b, it, src, src->conflict[it->idx]);
	if (it->kind == ITEM_CHECKLIST && !posted_for(src, it) && a->present) {
		struct buf t;
		buf_init(&t, 4096);
		answer_explain(it, a, &t);
		buf_puts(b, "<p class=\"muted\">");
		h_textf(b, "Đã chọn: %s", buf_str(&t));
		buf_puts(b, "</p>");
		buf_release(&t);
	}
	if (it->evidence.hint != NULL) {
		buf_puts(b, "<p class=\"muted\">Minh chứng: ");
		h_text(b, it->evidence.hint);
		buf_puts(b, "</p>");
	}
	/* Each note box says whose note it is ("Ghi chú 1.3a"). */
	field_id(fid, "n", src->prefix, it);
	h_open(b, "label", "for", fid, "class", "note", NULL);
	h_texts(b, "Ghi chú ", src->prefix[0] ? "đánh giá ngoài " : "", it->id,
		NULL);
	buf_puts(b, "</label>");
	h_open(b, "textarea", "id", fid, "name",
	       field(name, src->prefix, "n", it), "placeholder",
	       "Ghi chú, minh chứng (số văn bản, đường link, số liệu...)",
	       "readonly", editable ? NULL : "readonly", NULL);
	h_text(b, note ? note : "");
	buf_puts(b, "</textarea></div>");
}

/* "12,5" (Vietnamese decimal comma) or "12.5" -> a JSON number. */
static json_t *
number_json(const char *s, const struct item *it, struct diags *d)
{
	pts_t v;
	const char *why;
	if (!pts_parse_input(s, strlen(s), &v, &why)) {
		diags_add(d, it->id,
			  "nội dung %s: \"%s\" %s (nhập số như 7 "
			  "hoặc 7,5; tối đa 2 chữ số thập phân)",
			  it->id, s, why);
		return NULL;
	}
	return v % PTS_ONE == 0 ? json_integer(v / PTS_ONE)
				: json_real(pts_to_double(v));
}

static json_t *
modules_json(const struct item *it, const struct kvlist *f, const char *pre)
{
	char key[256];
	snprintf(key, sizeof(key), "%sm:%s", pre, it->id);
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < f->n; i++)
		if (strcmp(f->v[i].key, key) == 0)
			json_array_append_new(arr, json_string(f->v[i].value));
	return arr;
}

/* A checklist's answer: its modules, with the base option `base` (NULL:
 * none chosen) when it has base options. */
static json_t *
checklist_json(const struct item *it, const struct kvlist *f, const char *pre,
	       const char *base)
{
	if (it->nbase_options == 0)
		return modules_json(it, f, pre);
	return base == NULL ? NULL
			    : json_pack("{s:s, s:o}", "base", base, "present",
					modules_json(it, f, pre));
}

static json_t *
value_json(const struct item *it, const struct kvlist *f, const char *pre,
	   struct diags *d)
{
	char key[256];
	snprintf(key, sizeof(key), "%s%s:%s", pre,
		 it->kind == ITEM_CHECKLIST ? "b" : "v", it->id);
	const char *v = kv_get(f, key);
	bool empty = v == NULL || v[0] == '\0';
	switch (it->kind) {
	case ITEM_GATE:
	case ITEM_YESNO:
		return empty ? NULL : json_boolean(strcmp(v, "1") == 0);
	case ITEM_POINTS:
	case ITEM_BAND: return empty ? NULL : number_json(v, it, d);
	case ITEM_CHOICE: return empty ? NULL : json_string(v);
	case ITEM_CHECKLIST:
		return checklist_json(it, f, pre, empty ? NULL : v);
	}
	return NULL;
}

/* The answer object of one item from the form, or NULL when the form
 * leaves it empty (or its value is not a number: then the reason is in
 * d). */
static json_t *
item_json(const struct item *it, const struct kvlist *f, const char *pre,
	  struct diags *d)
{
	char key[256];
	snprintf(key, sizeof(key), "%sn:%s", pre, it->id);
	const char *note = kv_get(f, key);
	json_t *v = value_json(it, f, pre, d);
	if (v == NULL && (note == NULL || note[0] == '\0'))
		return NULL;
	json_t *o = json_object();
	json_object_set_new(o, "value", v ? v : json_null());
	if (note != NULL && note[0] != '\0')
		json_object_set_new(o, "note", json_string(note));
	return o;
}

static char *
doc_text(const struct rubric *r, json_t *answers)
{
	json_t *root = json_pack("{s:i, s:s, s:o}", "format", 1, "rubric",
				 r->id, "answers", answers);
	char *text = root ? json_dumps(root,
				       JSON_COMPACT | JSON_REAL_PRECISION(15))
			  : NULL;
	json_decref(root);
	return text;
}

char *
form_to_answers(const struct rubric *r, const struct kvlist *f, const char *pre,
		struct diags *d)
{
	json_t *answers = json_object();
	for (size_t i = 0; answers && i < r->nitems; i++) {
		json_t *o = item_json(r->items[i], f, pre, d);
		if (o != NULL)
			json_object_set_new(answers, r->items[i]->id, o);
	}
	return doc_text(r, answers);
}

/* The one validator (answers_parse_kind) on a document of this item
 * alone; the "x" fields are external scores and say so when refused. */
static void
check_item(const struct rubric *r, const struct item *it, json_t *o,
	   const char *pre, struct diags *d)
{
	enum score_kind kind = pre[0] == 'x' ? SCORE_EXTERNAL : SCORE_SELF;
	json_t *one = json_object();
	json_object_set(one, it->id, o);
	char *text = doc_text(r, one);
	struct answers *ans = NULL;
	if (text != NULL && answers_parse_kind(r, kind, text, strlen(text), "",
					       &ans, d) == TS_OK)
		answers_free(ans);
	free(text);
}

char *
form_to_answers_valid(const struct rubric *r, const struct kvlist *f,
		      const char *pre, bool *bad, const char **msg,
		      struct arena *a)
{
	json_t *answers = json_object();
	for (size_t i = 0; answers && i < r->nitems; i++) {
		const struct item *it = r->items[i];
		struct diags d;
		diags_init(&d);
		json_t *o = item_json(it, f, pre, &d);
		if (d.n == 0 && o != NULL)
			check_item(r, it, o, pre, &d);
		bad[i] = d.n > 0;
		msg[i] = d.n > 0 ? arena_strdup(a, d.v[0].msg) : NULL;
		if (o != NULL && !bad[i])
			json_object_set_new(answers, it->id, o);
		else
			json_decref(o);
		diags_release(&d);
	}
	return doc_text(r, answers);
}

json_t *
form_item_fields(const struct item *it, const struct answers *stored,
		 const char *prefix)
{
	struct form_src src = { .stored = stored, .prefix = prefix };
	const struct answer *a = &stored->v[it->idx];
	char name[FIELD_SIZE], val[PTS_FMT_SIZE];
	json_t *o = json_object();
	const char *v = value_text(&src, it, val);
	json_object_set_new(
		o,
		field(name, prefix, it->kind == ITEM_CHECKLIST ? "b" : "v", it),
		json_string(v));
	json_object_set_new(o, field(name, prefix, "n", it),
			    json_string(a->note ? a->note : ""));
	if (it->kind == ITEM_CHECKLIST) {
		json_t *m = json_array();
		for (size_t i = 0; a->present && i < it->noptions; i++)
			if (a->checked & ((uint64_t)1 << i))
				json_array_append_new(
					m, json_string(it->options[i].id));
		json_object_set_new(o, field(name, prefix, "m", it), m);
	}
	return o;
}
