/* The form page's cache key (page_cache.h): every input of the page that
 * sv_load_base read, and who is looking. What is not written here is
 * derived from what is: the scores from the answers and the rubric (the
 * campaign's rubric id and version: rubric versions never change), what
 * the viewer may do from their role and path and the submission's frozen
 * path and state, the changes since the last version from the snapshots
 * (which the database refuses to change). A page whose inputs changed in
 * any way has another key, so it is rendered again. */
#include "../db/db.h"
#include "page_cache.h"
#include "submission_view.h"

bool
sv_cacheable(const struct req *r)
{
	return r->authed && r->query.n == 0 && r->notice == NULL &&
	       r->diags.n == 0 && r->sess.csrf[0] != '\0';
}

static void
key_viewer(const struct req *r, struct buf *k)
{
	const struct actor *w = &r->sess.who;
	pc_key_s(k, "form-page 1");
	pc_key_s(k, db_path(r->app->db));
	pc_key_i(k, session_idle_of(r->app));
	pc_key_i(k, w->user_id);
	pc_key_s(k, w->login);
	pc_key_i(k, w->role);
	pc_key_i(k, w->unit_id);
	pc_key_s(k, w->path);
	pc_key_s(k, r->sess.full_name);
	pc_key_s(k, r->sess.unit_name);
}

static void
key_campaign(const struct campaign *c, struct buf *k)
{
	pc_key_i(k, c->id);
	pc_key_i(k, c->owner_unit_id);
	pc_key_s(k, c->owner_code);
	pc_key_s(k, c->owner_name);
	pc_key_s(k, c->owner_path);
	pc_key_s(k, c->rubric_id);
	pc_key_i(k, c->rubric_version);
	pc_key_s(k, c->school_year);
	pc_key_s(k, c->title);
	pc_key_s(k, c->legal_basis);
	pc_key_i(k, c->levels);
	pc_key_s(k, c->opens_at);
	pc_key_s(k, c->due_at);
	pc_key_s(k, c->review_due_at);
	pc_key_i(k, c->review_by_owner);
	pc_key_i(k, c->expected);
	pc_key_s(k, c->kind);
}

static void
key_unit(const struct org_unit *u, struct buf *k)
{
	pc_key_i(k, u->id);
	pc_key_i(k, u->parent_id);
	pc_key_i(k, u->kind);
	pc_key_s(k, u->code);
	pc_key_s(k, u->name);
	pc_key_s(k, u->path);
	pc_key_i(k, u->levels);
	pc_key_s(k, u->active_from);
	pc_key_s(k, u->active_to);
}

static void
key_submission(const struct submission *s, struct buf *k)
{
	key_campaign(&s->campaign, k);
	key_unit(&s->unit, k);
	pc_key_i(k, s->id);
	pc_key_i(k, s->state);
	pc_key_i(k, s->version);
	pc_key_i(k, s->revision);
	pc_key_s(k, s->answers);
	pc_key_s(k, s->external);
	pc_key_i(k, s->late);
	pc_key_s(k, s->first_submitted_at);
	pc_key_s(k, s->updated_at);
	pc_key_s(k, s->updated_by);
	pc_key_s(k, s->scope_path);
}

static void
key_history(const struct view *v, struct buf *k)
{
	pc_key_i(k, (int64_t)v->nsnaps);
	for (size_t i = 0; i < v->nsnaps; i++) {
		const struct snapshot_info *x = &v->snaps[i];
		pc_key_i(k, x->version);
		pc_key_s(k, x->submitted_by);
		pc_key_s(k, x->submitted_at);
		pc_key_i(k, x->late);
	}
	pc_key_i(k, (int64_t)v->nnotes);
	for (size_t i = 0; i < v->nnotes; i++) {
		const struct review_info *x = &v->notes[i];
		pc_key_i(k, x->version);
		pc_key_s(k, x->criterion_id);
		pc_key_s(k, x->text);
		pc_key_s(k, x->author);
		pc_key_s(k, x->at);
	}
}

static void
key_evidence(const struct view *v, struct buf *k)
{
	pc_key_i(k, (int64_t)v->nev);
	for (size_t i = 0; i < v->nev; i++) {
		const struct evidence_item *x = &v->ev[i];
		pc_key_i(k, x->id);
		pc_key_i(k, x->kind);
		pc_key_s(k, x->criterion_id);
		pc_key_s(k, x->name);
		pc_key_s(k, x->mime);
		pc_key_i(k, x->size);
		pc_key_s(k, x->sha256);
		pc_key_s(k, x->uploaded_by);
		pc_key_s(k, x->at);
	}
}

static void
key_plan(const struct view *v, struct buf *k)
{
	pc_key_s(k, v->plan_year);
	pc_key_i(k, (int64_t)v->nplan);
	for (size_t i = 0; i < v->nplan; i++) {
		pc_key_s(k, v->plan[i].item_id);
		pc_key_s(k, v->plan[i].note);
	}
}

void
sv_page_key(const struct req *r, const struct view *v, struct buf *k)
{
	key_viewer(r, k);
	key_submission(&v->s, k);
	key_history(v, k);
	key_evidence(v, k);
	key_plan(v, k);
	pc_key_i(k, v->scope);
	pc_key_i(k, v->can_edit | v->can_submit << 1 | v->can_review << 2 |
			    v->can_external << 3 | v->can_publish << 4);
	pc_key_s(k, v->base);
}
