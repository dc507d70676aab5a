/* The runner of every write use case (door.h). */
#include "door.h"

#include <sodium.h>
#include <time.h>

#include "../util/arena.h"

static enum ts_err
ask_policy(const struct door_ctx *c, const struct door *dr,
	   const struct door_target *t)
{
	struct pol_query q = { c->who->role, c->who->path, t->kind,
			       t->path,	     t->state,	   dr->act };
	const char *why = NULL;
	if (policy_allows(&q, &why))
		return TS_OK;
	diags_add(c->d, t->where ? t->where : c->who->login, "%s", why);
	return TS_EFORBIDDEN;
}

/* What a code means to the person using the program. */
static const char *
code_text(enum ts_err e)
{
	switch (e) {
	case TS_EINVAL: return "dữ liệu không hợp lệ";
	case TS_ENOTFOUND: return "không tìm thấy đối tượng";
	case TS_ECONFLICT: return "dữ liệu đã tồn tại";
	case TS_EFORBIDDEN: return "không được phép";
	case TS_ELIMIT: return "vượt quá giới hạn cho phép";
	case TS_ERATE: return "thử quá nhiều lần, hãy đợi rồi thử lại";
	case TS_EIO: return "lỗi đọc/ghi tệp";
	default: return "lỗi không xác định";
	}
}

/* One message for a failure nobody worded: the code's own. */
static void
word_failure(struct app *app, const struct door *dr, enum ts_err e,
	     struct diags *d, size_t before)
{
	if (d->n > before || e == TS_OK)
		return;
	switch (e) {
	case TS_EDB: app_db_error(app, d, dr->what); break;
	case TS_ENOMEM:
		diags_add(d, "", "không đủ bộ nhớ khi %s", dr->what);
		break;
	case TS_ESTALE:
		diags_add(d, "",
			  "dữ liệu vừa được người khác thay đổi; hãy "
			  "tải lại rồi thử lại");
		break;
	default:
		diags_add(d, "", "không %s được: %s", dr->what, code_text(e));
		break;
	}
}

/* Text, target, policy, body, audit: the use case itself. */
static enum ts_err
run_case(struct door_ctx *c, const struct door *dr)
{
	struct text_field tf[DOOR_TEXT_MAX];
	size_t n = dr->texts ? dr->texts(c->in, tf) : 0;
	struct door_target t = { PK_ADMIN_AREA, NULL, POL_ANY_STATE, NULL };
	enum ts_err e = n ? text_check(c->a, tf, n, c->d) : TS_OK;
	if (e == TS_OK && dr->resolve != NULL) {
		e = dr->resolve(c, &t);
		if (e == TS_OK)
			e = ask_policy(c, dr, &t);
	}
	if (e == TS_OK)
		e = dr->body(c);
	if (e == TS_OK && c->object != NULL)
		e = audit_add(c->app, c->who,
			      c->action ? c->action : dr->action, c->object,
			      c->detail);
	return e;
}

/* Whether the request has a key (door.h, "Retries of the same request"). */
static bool
keyed(const struct door_ctx *c, char *key)
{
	return c->once != NULL && c->who != NULL && c->once->key(c->in, key);
}

/* *done: the keyed request ran before; its answer is given again and
 * nothing is written. */
static enum ts_err
replayed(struct door_ctx *c, const struct door *dr, const char *key, bool *done)
{
	const char *result = NULL;
	enum ts_err e = door_once_find(c, dr->action, key, &result);
	*done = e == TS_OK && result != NULL;
	if (*done && c->once->replay != NULL && c->out != NULL)
		c->once->replay(c->out, result);
	return e;
}

/* The use case, once per key: everything but the transaction. */
static enum ts_err
step(struct door_ctx *c, const struct door *dr)
{
	char key[DOOR_KEY_MAX];
	bool has_key = keyed(c, key), done = false;
	enum ts_err e = has_key ? replayed(c, dr, key, &done) : TS_OK;
	if (e != TS_OK || done)
		return e;
	e = run_case(c, dr);
	if (e == TS_OK && has_key)
		e = door_once_keep(c, dr->action, key);
	return e;
}

/* The step with the scratch arena `a` (which outlives it). */
static enum ts_err
step_in(struct app *app, const struct actor *who, const struct door *dr,
	const struct door_once *once, void *in, void *out, struct arena *a,
	struct diags *d)
{
	size_t before = d->n;
	struct door_ctx c = { .app = app,
			      .who = who,
			      .a = a,
			      .d = d,
			      .in = in,
			      .out = out,
			      .once = once };
	enum ts_err e = a ? step(&c, dr) : TS_ENOMEM;
	if (!c.told)
		word_failure(app, dr, e, d, before);
	return e;
}

enum ts_err
door_step(struct app *app, const struct actor *who, const struct door *dr,
	  void *in, void *out, struct diags *d)
{
	struct arena *a = arena_new();
	enum ts_err e = step_in(app, who, dr, NULL, in, out, a, d);
	arena_free(a);
	return e;
}

/* One attempt in its own transaction; *again: lost for now, try again. */
static enum ts_err
attempt(struct app *app, const struct actor *who, const struct door *dr,
	const struct door_once *once, void *in, void *out, struct arena *a,
	struct diags *d, bool *again)
{
	size_t before = d->n;
	enum ts_err e = db_begin(app->db);
	if (e != TS_OK) {
		*again = db_transient(app->db);
		return app_db_error(app, d, "bắt đầu giao dịch");
	}
	e = step_in(app, who, dr, once, in, out, a, d);
	if (e == TS_OK && (e = db_commit(app->db)) != TS_OK)
		word_failure(app, dr, e, d, before);
	*again = e != TS_OK && db_transient(app->db);
	if (e != TS_OK)
		db_rollback(app->db);
	return e;
}

/* Before try i (1, 2, …) after a lost one: a random wait of 1 to 1 + 2^i
 * ms (3, 5, … 65). Transactions that lost to each other and started
 * again at once would mostly meet again; spread out, one goes first.
 * PostgreSQL loses them under SERIALIZABLE when several schools' writes
 * touch the same campaign rows (tests/pg/multi.sh). */
static void
back_off(int i)
{
	uint32_t us = 1000u + randombytes_uniform((1000u << i));
	struct timespec ts = { 0, (long)us * 1000L };
	nanosleep(&ts, NULL);
}

enum ts_err
door_run_once(struct app *app, const struct actor *who, const struct door *dr,
	      const struct door_once *once, void *in, void *out,
	      struct diags *d)
{
	size_t before = d->n;
	struct arena *a = arena_new();
	enum ts_err e = TS_ENOMEM;
	bool again = a != NULL;
	for (int i = 0; again && i < DOOR_TRIES; i++) {
		if (i > 0)
			back_off(i);
		diags_truncate(d, before);
		e = attempt(app, who, dr, once, in, out, a, d, &again);
	}
	if (a == NULL)
		word_failure(app, dr, e, d, before);
	arena_free(a);
	return e;
}

enum ts_err
door_run(struct app *app, const struct actor *who, const struct door *dr,
	 void *in, void *out, struct diags *d)
{
	return door_run_once(app, who, dr, NULL, in, out, d);
}
