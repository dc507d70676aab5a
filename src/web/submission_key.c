/* The form page's cache key (page_cache.h): who is looking, which page,
 * and the page stamps of what it shows (app/page_stamp.h, migration
 * 0027). Everything else the page shows is read from rows whose every
 * write raises one of those stamps in the writer's transaction (the
 * participant's submission, versions, return reasons, linked evidence and
 * frozen path; the campaign's row and participants; the unit's row,
 * evidence and plans; the owner's row), or derived from what is in the
 * key: the scores from the answers and the rubric (rubric versions never
 * change), what the viewer may do from their role and path and the
 * participant's frozen path and state. So a page whose inputs changed has
 * another key, and is rendered again; the stamps are read in the page's
 * snapshot before any of its inputs, so a kept page is never older than
 * its key. */
#include "../app/page_stamp.h"
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
	pc_key_s(k, "form-page 2");
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

bool
sv_page_key(const struct req *r, struct buf *k)
{
	long long cid = web_param_id(r, "id");
	const char *code = kv_get(&r->params, "code");
	struct page_stamps ps;
	if (!page_stamps_get(r->app, cid, code, &ps))
		return false;
	key_viewer(r, k);
	pc_key_i(k, cid);
	pc_key_s(k, code);
	pc_key_i(k, ps.unit_id);
	pc_key_i(k, ps.owner_id);
	pc_key_i(k, ps.participant);
	pc_key_i(k, ps.campaign);
	pc_key_i(k, ps.unit);
	pc_key_i(k, ps.owner);
	return k->err == TS_OK;
}
