#include "migrate.h"

#include <stddef.h>

#include "../util/buf.h"
#include "../util/timeutil.h"

const struct migration *
migrations(size_t *n)
{
	*n = NMIGRATIONS;
	return MIGRATIONS;
}

static const char SQL_CURRENT[] =
	"SELECT coalesce(max(version), 0) FROM schema_migration";
static const char SQL_RECORD[] =
	"INSERT INTO schema_migration(version, name, applied_at) "
	"VALUES (?, ?, ?)";

int
migrate_current(struct db *db)
{
	int has = db_table_exists(db, "schema_migration");
	if (has <= 0)
		return has;
	struct db_stmt *st = db_prep(db, SQL_CURRENT);
	int v = -1;
	if (st != NULL && db_step(st) == DB_ROW)
		v = (int)db_col_int(st, 0);
	db_done(st);
	return v;
}

static enum ts_err
apply_tx(struct db *db, const struct migration *m, struct diags *d)
{
	if (db_begin(db) != TS_OK) {
		diags_add(d, db_path(db), "cơ sở dữ liệu đang bận: %s",
			  db_errmsg(db));
		return TS_EDB;
	}
	struct buf sql;
	buf_init(&sql, 0);
	for (const char *const *l = m->lines; *l != NULL; l++)
		buf_puts(&sql, *l);
	enum ts_err e = sql.err != TS_OK ? sql.err
					 : db_exec_script(db, buf_str(&sql));
	buf_release(&sql);
	if (e == TS_OK) {
		struct db_stmt *st = db_prep(db, SQL_RECORD);
		if (st == NULL)
			e = TS_EDB;
		else {
			char now[TS_TIME_SIZE];
			db_bind_int(st, 1, m->version);
			db_bind_text(st, 2, m->name);
			db_bind_text(st, 3, ts_time_format(ts_time_now(), now));
			e = db_exec_stmt(st);
		}
	}
	if (e == TS_OK && !db_foreign_keys_ok(db))
		e = TS_EDB;
	if (e == TS_OK)
		e = db_commit(db);
	if (e != TS_OK) {
		diags_add(d, db_path(db),
			  "lỗi khi nâng cấp lược đồ lên "
			  "phiên bản %d (%s): %s",
			  m->version, m->name, db_errmsg(db));
		db_rollback(db);
	}
	return e;
}

/* One migration in one transaction, with foreign keys off so a table can
 * be rebuilt (SQLite's ALTER TABLE procedure), checked before commit. */
static enum ts_err
apply(struct db *db, const struct migration *m, struct diags *d)
{
	if (db_foreign_keys(db, false) != TS_OK) {
		diags_add(d, db_path(db), "cơ sở dữ liệu đang bận: %s",
			  db_errmsg(db));
		return TS_EDB;
	}
	enum ts_err e = apply_tx(db, m, d);
	if (db_foreign_keys(db, true) != TS_OK && e == TS_OK) {
		diags_add(d, db_path(db), "không bật lại được khóa ngoại: %s",
			  db_errmsg(db));
		e = TS_EDB;
	}
	return e;
}

enum ts_err
migrate_up(struct db *db, int target, struct diags *d)
{
	size_t n;
	const struct migration *m = migrations(&n);
	int cur = migrate_current(db);
	if (cur < 0) {
		diags_add(d, db_path(db),
			  "không đọc được phiên bản lược đồ: %s",
			  db_errmsg(db));
		return TS_EDB;
	}
	if (cur > m[n - 1].version) {
		diags_add(
			d, db_path(db),
			"cơ sở dữ liệu ở phiên bản lược đồ %d, "
			"mới hơn chương trình này (%d): hãy cập nhật truongso",
			cur, m[n - 1].version);
		return TS_ECONFLICT;
	}
	for (size_t i = 0; i < n; i++) {
		if (m[i].version <= cur ||
		    (target > 0 && m[i].version > target))
			continue;
		enum ts_err e = apply(db, &m[i], d);
		if (e != TS_OK)
			return e;
	}
	return TS_OK;
}
