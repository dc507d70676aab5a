/* One form, one transaction: the page and API edit of a unit applies
 * only what changed, through the same steps as the CLI commands. */
#include <string.h>

#include "../util/arena.h"
#include "org_int.h"

static enum ts_err
edit_tx(struct app *app, const struct actor *who, const struct org_unit *u,
	const char *name, const char *parent_code, unsigned levels,
	struct arena *a, struct diags *d)
{
	struct org_unit parent = { 0 };
	enum ts_err e = TS_OK;
	/* Checked even when nothing changes, so a refusal never looks like
	 * a success. */
	if (!org_may_change(who, u)) {
		diags_add(d, u->code, "chỉ quản trị của đơn vị cấp trên mới sửa "
			  "được đơn vị này");
		return TS_EFORBIDDEN;
	}
	if (name != NULL && strcmp(name, u->name) != 0)
		e = org_rename_tx(app, who, u->code, name, d);
	bool has_parent = u->parent_id != 0 &&
			  org_get(app, u->parent_id, a, &parent) == TS_OK;
	if (e == TS_OK && parent_code != NULL && parent_code[0] != '\0' &&
	    (!has_parent || strcmp(parent.code, parent_code) != 0))
		e = org_move_tx(app, who, u->code, parent_code, d);
	if (e == TS_OK && levels != 0 && levels != u->levels)
		e = org_set_levels_tx(app, who, u->code, levels, d);
	return e;
}

enum ts_err
org_edit(struct app *app, const struct actor *who, const char *code,
	 const char *name, const char *parent_code, unsigned levels,
	 struct diags *d)
{
	struct arena *a = arena_new();
	struct org_unit u;
	if (a == NULL)
		return TS_ENOMEM;
	enum ts_err e = code ? org_find(app, code, a, &u) : TS_ENOTFOUND;
	if (e == TS_ENOTFOUND)
		diags_add(d, code ? code : "", "không có đơn vị mã \"%s\"",
			  code ? code : "");
	if (e == TS_OK && (e = db_begin(app->db)) != TS_OK)
		e = app_db_error(app, d, "bắt đầu giao dịch");
	else if (e == TS_OK) {
		e = edit_tx(app, who, &u, name, parent_code, levels, a, d);
		if (e == TS_EDB)
			app_db_error(app, d, "cập nhật cây đơn vị");
		if (e == TS_OK && (e = db_commit(app->db)) != TS_OK)
			app_db_error(app, d, "ghi thay đổi");
		if (e != TS_OK)
			db_rollback(app->db);
	}
	arena_free(a);
	return e;
}
