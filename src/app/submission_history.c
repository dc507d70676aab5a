/* A submission's past: its snapshots, the reviewers' notes, and what
 * changed between two versions. */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "submission.h"

static const char SQL_SNAPS[] =
	"SELECT version, answers, submitted_by, submitted_at, late FROM "
	"snapshot WHERE submission_id = ? ORDER BY version";
static const char SQL_NOTES[] =
	"SELECT version, criterion_id, body, author, at FROM review_note "
	"WHERE submission_id = ? ORDER BY version, id";

/* Runs a query by submission id and hands each row to fill(). */
static enum ts_err
each_row(struct app *app, const char *sql, int64_t id, struct arena *a,
	 size_t elem, void **out, size_t *n,
	 void (*fill)(struct db_stmt *, struct arena *, void *))
{
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	return db_collect(st, a, elem, out, n, fill);
}

static void
fill_snap(struct db_stmt *st, struct arena *a, void *p)
{
	struct snapshot_info *s = p;
	s->version = (int)db_col_int(st, 0);
	s->answers = db_col_dup(st, 1, a);
	s->submitted_by = db_col_dup(st, 2, a);
	s->submitted_at = db_col_dup(st, 3, a);
	s->late = db_col_int(st, 4) != 0;
}

static void
fill_note(struct db_stmt *st, struct arena *a, void *p)
{
	struct review_info *r = p;
	r->version = (int)db_col_int(st, 0);
	r->criterion_id = db_col_dup(st, 1, a);
	r->text = db_col_dup(st, 2, a);
	r->author = db_col_dup(st, 3, a);
	r->at = db_col_dup(st, 4, a);
}

enum ts_err
sub_history(struct app *app, const struct submission *s, struct arena *a,
	    struct snapshot_info **snaps, size_t *nsnaps,
	    struct review_info **notes, size_t *nnotes)
{
	*nsnaps = *nnotes = 0;
	*snaps = NULL;
	*notes = NULL;
	if (s->id == 0)
		return TS_OK;
	enum ts_err e = each_row(app, SQL_SNAPS, s->id, a, sizeof(**snaps),
				 (void **)snaps, nsnaps, fill_snap);
	if (e == TS_OK)
		e = each_row(app, SQL_NOTES, s->id, a, sizeof(**notes),
			     (void **)notes, nnotes, fill_note);
	return e;
}

static const struct snapshot_info *
find_snap(const struct snapshot_info *v, size_t n, int version)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].version == version)
			return &v[i];
	return NULL;
}

enum ts_err
sub_diff(struct app *app, const struct submission *s, int v1, int v2,
	 struct arena *a, struct sub_diff *out, struct diags *d)
{
	struct snapshot_info *snaps;
	struct review_info *notes;
	size_t ns, nn;
	memset(out, 0, sizeof(*out));
	enum ts_err e = sub_history(app, s, a, &snaps, &ns, &notes, &nn);
	const struct snapshot_info *x = find_snap(snaps, ns, v1),
				   *y = find_snap(snaps, ns, v2);
	if (e == TS_OK && (x == NULL || y == NULL)) {
		diags_add(d, s->unit.code,
			  "không có phiên bản %d hoặc %d (đã nộp "
			  "%d phiên bản)",
			  v1, v2, s->version);
		return TS_ENOTFOUND;
	}
	if (e == TS_OK)
		e = sub_score(s->rubric, x->answers, NULL, &out->a, &out->sa,
			      d);
	if (e == TS_OK)
		e = sub_score(s->rubric, y->answers, NULL, &out->b, &out->sb,
			      d);
	const struct rubric *r = s->rubric;
	out->v = e == TS_OK ? arena_calloc(a, r->nitems + 1, sizeof(*out->v))
			    : NULL;
	for (size_t i = 0; out->v && i < r->nitems; i++) {
		const struct item *it = r->items[i];
		if (answer_equal(it, &out->a->v[i], &out->b->v[i]))
			continue;
		struct item_change *c = &out->v[out->n++];
		c->item = it;
		c->before = &out->a->v[i];
		c->after = &out->b->v[i];
		c->points_before = out->sa->items[i].points;
		c->points_after = out->sb->items[i].points;
	}
	if (e == TS_OK && out->v == NULL)
		e = TS_ENOMEM;
	if (e != TS_OK)
		sub_diff_release(out);
	return e;
}

void
sub_diff_release(struct sub_diff *df)
{
	score_free(df->sa);
	score_free(df->sb);
	answers_free(df->a);
	answers_free(df->b);
	memset(df, 0, sizeof(*df));
}
