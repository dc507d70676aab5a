/* The web form's save, merged field by field against the revision its page
 * showed, and the history of revisions that the conflict page lists. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "door.h"
#include "submission.h"
#include "submission_int.h"

static const char SQL_AT[] =
	"SELECT answers FROM submission_revision WHERE submission_id = ? AND "
	"revision = ?";
static const char SQL_SINCE[] =
	"SELECT revision, action, author, at, answers FROM submission_revision "
	"WHERE submission_id = ? AND revision > ? ORDER BY revision LIMIT 50";

/* The answers of revision `rev`, or NULL when it is not recorded. */
static const char *
answers_at(struct app *app, const struct submission *s, int64_t rev,
	   struct arena *a)
{
	struct db_stmt *st = rev >= 0 && s->id ? db_prep(app->db, SQL_AT)
					       : NULL;
	const char *text = NULL;
	if (st == NULL)
		return NULL;
	db_bind_int(st, 1, s->id);
	db_bind_int(st, 2, rev);
	if (db_step(st) == DB_ROW)
		text = db_col_dup(st, 0, a);
	db_done(st);
	return text;
}

static struct answers *
parse(const struct rubric *r, const char *json)
{
	struct answers *ans = NULL;
	struct diags d;
	diags_init(&d);
	if (json == NULL ||
	    answers_parse(r, json, strlen(json), "", &ans, &d) != TS_OK)
		ans = NULL;
	diags_release(&d);
	return ans;
}

struct sides {
	struct answers *base, *theirs, *mine; /* base may be NULL: unknown */
	json_t *merged, *mine_doc;	      /* merged starts as theirs */
};

/* Decides one item; returns true when the form's value was applied. */
static bool
merge_item(const struct rubric *r, size_t i, struct sides *x,
	   struct sub_merge *m)
{
	const struct item *it = r->items[i];
	const struct answer *b = x->base ? &x->base->v[i] : NULL,
			    *t = &x->theirs->v[i], *mi = &x->mine->v[i];
	bool mine_changed = !answer_equal(it, mi, b ? b : t);
	bool theirs_changed = b == NULL || !answer_equal(it, t, b);
	bool conflict = mine_changed && theirs_changed &&
			!answer_equal(it, mi, t);
	if ((theirs_changed && b != NULL) || conflict) {
		struct sub_change *c = &m->v[m->n++];
		c->item = it;
		c->conflict = conflict;
		m->nconflicts += conflict;
	}
	if (!mine_changed || conflict)
		return false;
	json_t *to = json_object_get(x->merged, "answers");
	json_t *v = json_object_get(json_object_get(x->mine_doc, "answers"),
				    it->id);
	if (v != NULL)
		json_object_set(to, it->id, v);
	else
		json_object_del(to, it->id);
	return true;
}

/* Who changed each listed field last, from the revisions after base. */
static void
name_authors(struct app *app, const struct submission *s, int64_t base,
	     struct answers *prev, struct sub_merge *m, struct arena *a)
{
	struct db_stmt *st = db_prep(app->db, SQL_SINCE);
	for (size_t k = 0; k < m->n; k++) {
		m->v[k].author = s->updated_by;
		m->v[k].at = s->updated_at;
	}
	if (st == NULL || prev == NULL)
		return;
	db_bind_int(st, 1, s->id);
	db_bind_int(st, 2, base);
	struct answers *held = NULL; /* prev, when it is ours to free */
	while (db_step(st) == DB_ROW) {
		struct answers *cur = parse(s->rubric, db_col_text(st, 4));
		if (cur == NULL)
			continue;
		for (size_t k = 0; k < m->n; k++) {
			const struct item *it = m->v[k].item;
			if (answer_equal(it, &cur->v[it->idx],
					 &prev->v[it->idx]))
				continue;
			m->v[k].author = db_col_dup(st, 2, a);
			m->v[k].at = db_col_dup(st, 3, a);
		}
		answers_free(held);
		held = prev = cur;
	}
	answers_free(held);
	db_done(st);
}

/* The three sides of the merge and the documents it works on; false
 * when one could not be read (out of memory). */
static bool
sides_load(struct app *app, const struct submission *s, const char *mine_text,
	   int64_t base, struct arena *a, struct sides *x)
{
	const struct rubric *r = s->rubric;
	x->theirs = parse(r, s->answers);
	x->mine = parse(r, mine_text);
	x->base = base == s->revision ? parse(r, s->answers)
				      : parse(r, answers_at(app, s, base, a));
	x->merged = json_loads(s->answers, 0, NULL);
	x->mine_doc = json_loads(mine_text, 0, NULL);
	if (!x->theirs || !x->mine || !x->merged || !x->mine_doc)
		return false;
	if (json_object_get(x->merged, "answers") == NULL)
		json_object_set_new(x->merged, "answers", json_object());
	return true;
}

static void
sides_free(struct sides *x)
{
	json_decref(x->merged);
	json_decref(x->mine_doc);
	answers_free(x->theirs);
	answers_free(x->mine);
	answers_free(x->base);
}

/* Writes the merged answers (when the form changed something and nothing
 * clashed) and reads the row again. */
static enum ts_err
store_merged(struct app *app, const struct actor *who, struct submission *s,
	     const struct sides *x, bool changed, struct arena *a,
	     struct sub_merge *m)
{
	if (m->nconflicts > 0)
		return TS_ESTALE;
	if (!changed)
		return TS_OK;
	char *text = json_dumps(x->merged, JSON_COMPACT | JSON_SORT_KEYS);
	enum ts_err e = text ? sub_write_draft(app, who, s, text, s->revision)
			     : TS_ENOMEM;
	if (e == TS_OK)
		e = sub_record(app, who, s, "submission.save", NULL);
	m->saved = e == TS_OK;
	if (m->saved)
		e = sub_reload(app, s, a);
	free(text);
	return e;
}

/* Inside the write transaction: s was just read. */
static enum ts_err
merge_locked(struct app *app, const struct actor *who, struct submission *s,
	     const char *mine_text, int64_t base, const bool *keep,
	     struct arena *a, struct sub_merge *m)
{
	const struct rubric *r = s->rubric;
	struct sides x = { 0 };
	bool changed = false;
	m->v = arena_calloc(a, r->nitems + 1, sizeof(*m->v));
	enum ts_err e = sides_load(app, s, mine_text, base, a, &x) && m->v
				? TS_OK
				: TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < r->nitems; i++)
		if (keep == NULL || !keep[i])
			changed |= merge_item(r, i, &x, m);
	if (e == TS_OK && m->n > 0)
		name_authors(app, s, base, x.base, m, a);
	if (e == TS_OK)
		e = store_merged(app, who, s, &x, changed, a, m);
	m->revision = s->revision;
	sides_free(&x);
	return e;
}

/* The merge's door input: a save job and what the form said. */
struct merge_job {
	struct sub_job j; /* first: the door's resolve takes it as a job */
	int64_t base;
	const bool *keep;
	struct sub_merge *m;
};

static enum ts_err
merge_body(struct door_ctx *c)
{
	struct merge_job *x = c->in;
	struct sub_job *j = &x->j;
	memset(x->m, 0, sizeof(*x->m));
	char *text = sub_canonical(&j->s, j->json, j->unit, j->a, c->d);
	if (text == NULL)
		return TS_EINVAL;
	enum ts_err e = merge_locked(c->app, c->who, &j->s, text, x->base,
				     x->keep, j->a, x->m);
	free(text);
	/* A conflict is told field by field, from m: the page says what
	 * clashed. */
	if (e == TS_ESTALE && x->m->nconflicts > 0) {
		c->told = true;
		return e;
	}
	return sub_written(c, e);
}

static const struct door SUB_MERGE = {
	"submission.save", PA_SAVE,    "ghi bản tự đánh giá", NULL,
	sub_job_resolve,   merge_body,
};

enum ts_err
sub_save_merge(struct app *app, const struct actor *who, int64_t cid,
	       const char *unit, const char *answers_json, int64_t base,
	       const bool *keep, struct arena *a, struct sub_merge *m,
	       struct diags *d)
{
	struct merge_job x = { { .k = &SUB_CDS,
				 .act = ACT_SAVE,
				 .cid = cid,
				 .unit = unit,
				 .expect = -1,
				 .json = answers_json,
				 .keep = a },
			       base,
			       keep,
			       m };
	memset(m, 0, sizeof(*m));
	return door_run(app, who, &SUB_MERGE, &x, NULL, d);
}

static void
fill_rev(struct db_stmt *st, struct arena *a, void *p)
{
	struct revision_info *r = p;
	r->revision = db_col_int(st, 0);
	r->action = db_col_dup(st, 1, a);
	r->author = db_col_dup(st, 2, a);
	r->at = db_col_dup(st, 3, a);
}

enum ts_err
sub_revisions_since(struct app *app, const struct submission *s, int64_t base,
		    struct arena *a, struct revision_info **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (s->id == 0)
		return TS_OK;
	struct db_stmt *st = db_prep(app->db, SQL_SINCE);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, s->id);
	db_bind_int(st, 2, base);
	return db_collect(st, a, sizeof(**out), (void **)out, n, fill_rev);
}
