/* Contact details of units and accounts: two write-door use cases and
 * their readers. */
#include "contact.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../core/contact.h"
#include "../util/arena.h"
#include "door.h"
#include "org.h"
#include "user_int.h"

struct contact_in {
	const char *key; /* unit code or login: what resolve loads */
	struct contact c;
	int64_t id;   /* the row, from resolve */
	bool account; /* an account's, not a unit's */
};

static size_t
contact_texts(void *in, struct text_field *f)
{
	struct contact_in *x = in;
	f[0] = (struct text_field){ "số điện thoại", &x->c.phone, 40, 0 };
	f[1] = (struct text_field){ "thư điện tử", &x->c.email,
				    CONTACT_EMAIL_MAX, 0 };
	return 2;
}

/* Each given value checked by core/contact.c, named as the user knows
 * it; "" removes. */
static enum ts_err
contact_check(const struct contact_in *x, struct diags *d)
{
	const char *p = x->c.phone && x->c.phone[0]
				? contact_phone_problem(x->c.phone)
				: NULL;
	const char *m = x->c.email && x->c.email[0]
				? contact_email_problem(x->c.email)
				: NULL;
	if (p != NULL)
		diags_add(d, "số điện thoại", "%s: %s", x->c.phone, p);
	if (m != NULL)
		diags_add(d, "thư điện tử", "%s: %s", x->c.email, m);
	return p || m ? TS_EINVAL : TS_OK;
}

/* Statements are cached by their literal's address (db_prep), so each
 * is a literal of its own: [account][email]. */
static const char *const SQL_SET[2][2] = {
	{ "UPDATE org_unit SET phone = ? WHERE id = ?",
	  "UPDATE org_unit SET email = ? WHERE id = ?" },
	{ "UPDATE app_user SET phone = ? WHERE id = ?",
	  "UPDATE app_user SET email = ? WHERE id = ?" },
};

static enum ts_err
write_one(struct app *app, bool account, bool email, int64_t id, const char *v)
{
	if (v == NULL)
		return TS_OK;
	struct db_stmt *st = db_prep(app->db, SQL_SET[account][email]);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, v[0] ? v : NULL);
	db_bind_int(st, 2, id);
	return db_exec_stmt(st);
}

static enum ts_err
contact_body(struct door_ctx *c)
{
	struct contact_in *x = c->in;
	enum ts_err e = contact_check(x, c->d);
	if (e == TS_OK)
		e = write_one(c->app, x->account, false, x->id, x->c.phone);
	if (e == TS_OK)
		e = write_one(c->app, x->account, true, x->id, x->c.email);
	char *detail = e == TS_OK ? arena_alloc(c->a, 400) : NULL;
	if (e == TS_OK && detail == NULL)
		e = TS_ENOMEM;
	if (e != TS_OK)
		return e;
	snprintf(detail, 400, "điện thoại %s; thư điện tử %s",
		 x->c.phone ? (x->c.phone[0] ? x->c.phone : "(xóa)") : "(giữ)",
		 x->c.email ? (x->c.email[0] ? x->c.email : "(xóa)") : "(giữ)");
	c->object = x->key;
	c->detail = detail;
	return TS_OK;
}

static enum ts_err
unit_resolve(struct door_ctx *c, struct door_target *t)
{
	struct contact_in *x = c->in;
	struct org_unit u;
	enum ts_err e = org_find_named(c->app, x->key, c->a, &u, c->d);
	if (e != TS_OK)
		return e;
	x->id = u.id;
	x->account = false;
	*t = (struct door_target){ PK_UNIT, u.path, POL_ANY_STATE, x->key };
	return TS_OK;
}

static enum ts_err
account_resolve(struct door_ctx *c, struct door_target *t)
{
	struct contact_in *x = c->in;
	struct user_target u;
	enum ts_err e = user_target_load(c->app, x->key, c->a, &u, c->d);
	if (e != TS_OK)
		return e;
	x->id = u.id;
	x->account = true;
	*t = (struct door_target){ u.role == ROLE_ADMIN ? PK_ADMIN_ACCOUNT
							: PK_ACCOUNT,
				   u.unit.path, POL_ANY_STATE, x->key };
	return TS_OK;
}

static const struct door ORG_CONTACT = {
	"org.contact", PA_CHANGE,    "ghi liên hệ của đơn vị",
	contact_texts, unit_resolve, contact_body,
};
static const struct door USER_CONTACT = {
	"user.contact", PA_CHANGE,	 "ghi liên hệ của tài khoản",
	contact_texts,	account_resolve, contact_body,
};

enum ts_err
org_set_contact(struct app *app, const struct actor *who, const char *code,
		const struct contact *c, struct diags *d)
{
	struct contact_in x = { .key = code ? code : "", .c = *c };
	return door_run(app, who, &ORG_CONTACT, &x, NULL, d);
}

enum ts_err
user_set_contact(struct app *app, const struct actor *who, const char *login,
		 const struct contact *c, struct diags *d)
{
	struct contact_in x = { .key = login ? login : "", .c = *c };
	return door_run(app, who, &USER_CONTACT, &x, NULL, d);
}

static enum ts_err
read_contact(struct app *app, const char *sql, int64_t id, const char *key,
	     struct arena *a, struct contact *out)
{
	struct db_stmt *st = db_prep(app->db, sql);
	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return TS_EDB;
	if (key != NULL)
		db_bind_text(st, 1, key);
	else
		db_bind_int(st, 1, id);
	enum db_step r = db_step(st);
	if (r == DB_ROW) {
		out->phone = db_col_dup(st, 0, a);
		out->email = db_col_dup(st, 1, a);
	}
	db_done(st);
	return r == DB_ERROR ? TS_EDB : r == DB_ROW ? TS_OK : TS_ENOTFOUND;
}

enum ts_err
org_contact(struct app *app, int64_t unit_id, struct arena *a,
	    struct contact *out)
{
	return read_contact(app,
			    "SELECT phone, email FROM org_unit WHERE "
			    "id = ?",
			    unit_id, NULL, a, out);
}

enum ts_err
user_contact(struct app *app, const char *login, struct arena *a,
	     struct contact *out)
{
	return read_contact(app,
			    "SELECT phone, email FROM app_user WHERE "
			    "login = ?",
			    0, login, a, out);
}
