/* Building and rendering a document: access checks, typed fields, then
 * the kind's builder, then a writer. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "report_int.h"

static enum ts_err
dispatch(struct rb *b, const struct report_kind_info *k)
{
	switch (k->kind) {
	case RK_SELF_4725: return rb_self_4725(b);
	case RK_SELF_MN: return rb_self_mn(b);
	case RK_TDM: return rb_tdm(b);
	case RK_LEVELS: return rb_levels(b);
	case RK_LISTING: return rb_listing(b);
	case RK_CHASE: return rb_chase(b);
	case RK_STATS_PL2: return rb_stats_pl2(b);
	case RK_STATS_PL6: return rb_stats_pl6(b);
	case RK_GUIDANCE: return rb_guidance(b);
	case RK_COMMITTEE: return rb_committee(b);
	case RK_MEETING: return rb_meeting(b);
	case RK_APPROVAL: return rb_approval(b);
	}
	return TS_EINVAL;
}

enum ts_err
report_build(struct app *app, const struct actor *who,
	     const struct report_kind_info *k, int64_t cid,
	     const char *unit_code, const struct report_opts *o,
	     struct arena *a, struct rp_doc **out, struct diags *d)
{
	static const struct report_opts none;
	struct rb b = { .app = app,
			.who = who,
			.a = a,
			.d = d,
			.opts = o ? o : &none,
			.kind = k };
	*out = NULL;
	enum ts_err e = doc_target_open(app, who, cid, unit_code, false, a,
					&b.t, d);
	if (e != TS_OK)
		return e;
	struct doc_fields all;
	e = doc_fields_read(app, cid, b.t.unit.id, a, &all, d);
	if (e == TS_OK)
		e = rb_own_fields(k, &all, a, &b.f);
	if (e == TS_OK)
		e = rb_refusal(app, &b.t, k, &b.f, d);
	if (e != TS_OK)
		return e;
	b.doc = rp_doc_new(a);
	if (b.doc == NULL)
		return TS_ENOMEM;
	b.doc->author = b.t.unit.name;
	b.doc->csv_dialect = b.opts->csv_dialect;
	b.doc->cancel = b.opts->cancel;
	e = ts_cancelled(b.opts->cancel) ? TS_ECANCELED : dispatch(&b, k);
	if (e == TS_OK && b.err != TS_OK)
		e = b.err;
	if (e == TS_OK && b.doc->oom)
		e = TS_ENOMEM;
	if (e == TS_OK)
		*out = b.doc;
	return e;
}

enum ts_err
report_render(struct app *app, const struct actor *who,
	      const struct report_kind_info *k, int64_t cid,
	      const char *unit_code, const struct report_opts *o,
	      enum rp_format f, const char *path, struct diags *d)
{
	struct arena *a = arena_new();
	struct rp_doc *doc = NULL;
	if (a == NULL)
		return TS_ENOMEM;
	/* The document's reads from one snapshot: one read lock for its
	 * few dozen statements, not one each. */
	app_read_begin(app);
	enum ts_err e = report_build(app, who, k, cid, unit_code, o, a, &doc,
				     d);
	app_read_end(app);
	if (e == TS_OK) {
		char err[512] = "";
		e = rp_write(doc, f, path, err, sizeof(err));
		if (e != TS_OK)
			diags_add(d, path, "%s",
				  err[0] ? err : "không tạo được tệp báo cáo");
	}
	arena_free(a);
	return e;
}

void
report_batch_begin(void)
{
	rp_batch_begin();
}

void
report_batch_end(void)
{
	rp_batch_end();
}

enum ts_err
report_batch_sync(const char *dir, struct diags *d)
{
	char err[512] = "";
	enum ts_err e = rp_batch_sync(dir, err, sizeof(err));
	if (e != TS_OK)
		diags_add(d, dir, "%s", err);
	return e;
}
