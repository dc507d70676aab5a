#include "form_answers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/answer_text.h"


/* The form field of an item: kind letter v/n/b/m, after the form's
 * prefix ("" or "x"). */
static const char *
field(struct buf *tmp, const char *prefix, const char *kind,
      const struct item *it)
{
	buf_reset(tmp);
	buf_printf(tmp, "%s%s:%s", prefix, kind, it->id);
	return buf_str(tmp);
}

/* The value text of an item for the form. */
static const char *
value_text(const struct form_src *src, const struct item *it, struct buf *out)
{
	struct buf name;
	buf_init(&name, 1024);
	const char *posted = src->posted
		? kv_get(src->posted, field(&name, src->prefix, "v", it)) : NULL;
	buf_release(&name);
	if (src->posted)
		return posted ? posted : "";
	const struct answer *a = &src->stored->v[it->idx];
	char p[PTS_FMT_SIZE];
	if (!a->present)
		return "";
	switch (it->kind) {
	case ITEM_GATE:
	case ITEM_YESNO:
		return a->yes ? "1" : "0";
	case ITEM_POINTS:
	case ITEM_BAND:
		buf_puts(out, pts_format_vn(a->num, p));
		return buf_str(out);
	case ITEM_CHOICE:
		return it->options[a->choice].id;
	case ITEM_CHECKLIST:
		return it->nbase_options ? it->base_options[a->base].id : "";
	}
	return "";
}

static void
radio(struct buf *b, const char *name, const char *value, const char *label,
      const char *current, bool editable)
{
	buf_puts(b, "<label class=\"inline\">");
	h_open(b, "input", "type", "radio", "name", name, "value", value,
	       "checked", strcmp(current, value) == 0 ? "checked" : NULL,
	       "disabled", editable ? NULL : "disabled", NULL);
	h_text(b, label);
	buf_puts(b, "</label> ");
}

static void
number(struct buf *b, const struct item *it, const char *name,
       const char *current, bool editable)
{
	char mx[PTS_FMT_SIZE], st[PTS_FMT_SIZE], vn[PTS_FMT_SIZE];
	bool pct = it->kind == ITEM_BAND && it->input == INPUT_PERCENT;
	/* data-max is for the script (a dot); the text is for people. */
	const char *max = it->kind == ITEM_POINTS ? pts_format(it->max, mx)
			  : pct			  ? "100"
						  : NULL;
	h_open(b, "input", "type", "text", "inputmode", "decimal", "name", name,
	       "value", current, "data-max", max, "aria-label", it->text,
	       "size", "6", "readonly", editable ? NULL : "readonly", NULL);
	if (it->kind == ITEM_POINTS)
		h_textf(b, " / %s điểm%s", pts_format_vn(it->max, vn),
			it->step != PTS_ONE ? " (bước " : "");
	if (it->kind == ITEM_POINTS && it->step != PTS_ONE)
		h_textf(b, "%s)", pts_format_vn(it->step, st));
	if (pct)
		h_text(b, " %");
}

static void
select_opts(struct buf *b, const char *name, const struct option *o, size_t n,
	    const char *current, bool editable)
{
	char p[PTS_FMT_SIZE];
	h_open(b, "select", "name", name, "disabled", editable ? NULL : "disabled",
	       NULL);
	buf_puts(b, "<option value=\"\">— chọn —</option>");
	for (size_t i = 0; i < n; i++) {
		h_open(b, "option", "value", o[i].id, "selected",
		       strcmp(current, o[i].id) == 0 ? "selected" : NULL, NULL);
		h_textf(b, "%s (%s điểm)", o[i].text,
			pts_format_vn(o[i].points, p));
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
	struct buf name;
	buf_init(&name, 1024);
	field(&name, src->prefix, "m", it);
	const struct answer *a = &src->stored->v[it->idx];
	buf_puts(b, "<fieldset><legend>Phân hệ đã có</legend>");
	for (size_t i = 0; i < it->noptions; i++) {
		bool on = src->posted ? posted_has(src->posted, buf_str(&name),
						   it->options[i].id)
				      : a->present &&
						(a->checked & ((uint64_t)1 << i));
		buf_puts(b, "<label>");
		h_open(b, "input", "type", "checkbox", "name", buf_str(&name),
		       "value", it->options[i].id, "checked", on ? "checked" : NULL,
		       "disabled", editable ? NULL : "disabled", NULL);
		h_text(b, it->options[i].text);
		buf_puts(b, "</label>");
	}
	buf_puts(b, "</fieldset>");
	buf_release(&name);
}

static void
control(struct buf *b, const struct item *it, const struct form_src *src,
	bool editable)
{
	struct buf name, val;
	buf_init(&name, 1024);
	buf_init(&val, 1024);
	const char *v = value_text(src, it, &val);
	const char *n = field(&name, src->prefix,
			      it->kind == ITEM_CHECKLIST ? "b" : "v", it);
	switch (it->kind) {
	case ITEM_GATE:
		radio(b, n, "1", "Đạt", v, editable);
		radio(b, n, "0", "Không đạt", v, editable);
		break;
	case ITEM_YESNO:
		radio(b, n, "1", "Có", v, editable);
		radio(b, n, "0", "Không", v, editable);
		break;
	case ITEM_POINTS:
	case ITEM_BAND:
		number(b, it, n, v, editable);
		break;
	case ITEM_CHOICE:
		select_opts(b, n, it->options, it->noptions, v, editable);
		break;
	case ITEM_CHECKLIST:
		if (it->nbase_options)
			select_opts(b, n, it->base_options, it->nbase_options, v,
				    editable);
		modules(b, it, src, editable);
		break;
	}
	buf_release(&name);
	buf_release(&val);
}

void
form_item(struct buf *b, const struct item *it, const struct form_src *src,
	  bool editable)
{
	struct buf name;
	buf_init(&name, 1024);
	const struct answer *a = &src->stored->v[it->idx];
	const char *note = src->posted ? kv_get(src->posted,
						  field(&name, src->prefix, "n", it))
				       : a->note;
	if (it->heading != NULL) {
		buf_puts(b, "<p><strong>");
		h_text(b, it->heading);
		buf_puts(b, "</strong></p>");
	}
	buf_puts(b, "<div class=\"item\"><p>");
	h_textf(b, "%s. %s", it->id, it->text);
	if (!it->verified)
		buf_puts(b, " <span class=\"muted\" title=\"Quy tắc chấm chính thức "
			    "chưa xác minh: đơn vị tự chấm, cấp trên đánh giá "
			    "ngoài\">(*)</span>");
	buf_puts(b, "</p>");
	control(b, it, src, editable);
	if (it->kind == ITEM_CHECKLIST && !src->posted && a->present) {
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
	h_open(b, "textarea", "name", field(&name, src->prefix, "n", it),
	       "placeholder",
	       "Ghi chú, minh chứng (số văn bản, đường link, số liệu...)",
	       "aria-label", "Ghi chú", "readonly", editable ? NULL : "readonly",
	       NULL);
	h_text(b, note ? note : "");
	buf_puts(b, "</textarea></div>");
	buf_release(&name);
}

/* "12,5" (Vietnamese decimal comma) or "12.5" -> a JSON number. */
static json_t *
number_json(const char *s, const struct item *it, struct diags *d)
{
	pts_t v;
	const char *why;
	if (!pts_parse_input(s, strlen(s), &v, &why)) {
		diags_add(d, it->id, "nội dung %s: \"%s\" %s (nhập số như 7 "
			  "hoặc 7,5; tối đa 2 chữ số thập phân)", it->id, s, why);
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
	case ITEM_BAND:
		return empty ? NULL : number_json(v, it, d);
	case ITEM_CHOICE:
		return empty ? NULL : json_string(v);
	case ITEM_CHECKLIST:
		if (it->nbase_options == 0)
			return modules_json(it, f, pre);
		return empty ? NULL : json_pack("{s:s, s:o}", "base", v,
						"present",
						modules_json(it, f, pre));
	}
	return NULL;
}

char *
form_to_answers(const struct rubric *r, const struct kvlist *f,
		const char *pre, struct diags *d)
{
	json_t *answers = json_object();
	for (size_t i = 0; answers && i < r->nitems; i++) {
		const struct item *it = r->items[i];
		char key[256];
		snprintf(key, sizeof(key), "%sn:%s", pre, it->id);
		const char *note = kv_get(f, key);
		json_t *v = value_json(it, f, pre, d);
		if (v == NULL && (note == NULL || note[0] == '\0'))
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "value", v ? v : json_null());
		if (note != NULL && note[0] != '\0')
			json_object_set_new(o, "note", json_string(note));
		json_object_set_new(answers, it->id, o);
	}
	json_t *root = json_pack("{s:i, s:s, s:o}", "format", 1, "rubric", r->id,
				 "answers", answers);
	char *text = root ? json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15))
			  : NULL;
	json_decref(root);
	return text;
}
