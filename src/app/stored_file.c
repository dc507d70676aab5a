#include "stored_file.h"

#include <sodium.h>
#include <string.h>

#include "../util/timeutil.h"

static const struct {
	const char *ins, *get, *what;
} TABLES[] = {
	[STORED_RUBRIC] = { "INSERT INTO rubric(id, version, sha256, body, stored_at) "
			    "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			    "SELECT sha256 FROM rubric WHERE id = ? AND version = ?",
			    "tệp bộ chỉ số" },
	[STORED_INDICATOR_SET] = { "INSERT INTO indicator_set(id, version, sha256, body, "
				   "stored_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
				   "SELECT sha256 FROM indicator_set WHERE id = ? AND version = ?",
				   "tệp bộ chỉ số thống kê" },
};

static void
sha256_hex(const char *text, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)text, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

enum ts_err
stored_file_put(struct app *app, enum stored_table t, const char *id,
		int version, const char *body, size_t len, const char *path,
		struct diags *d)
{
	char sha[65], now[TS_TIME_SIZE];
	sha256_hex(body, len, sha);
	struct db_stmt *st = db_prep(app->db, TABLES[t].ins);
	if (st == NULL)
		return TS_EDB;
	db_bind_text(st, 1, id);
	db_bind_int(st, 2, version);
	db_bind_text(st, 3, sha);
	db_bind_text(st, 4, body);
	db_bind_text(st, 5, ts_time_format(ts_time_now(), now));
	if (db_exec_stmt(st) != TS_OK ||
	    (st = db_prep(app->db, TABLES[t].get)) == NULL)
		return TS_EDB;
	db_bind_text(st, 1, id);
	db_bind_int(st, 2, version);
	enum ts_err e = TS_OK;
	enum db_step got = db_step(st);
	if (got == DB_ERROR)
		e = TS_EDB;
	else if (got != DB_ROW || strcmp(db_col_text(st, 0), sha) != 0) {
		diags_add(d, path,
			  "%s %s phiên bản %d đã bị sửa mà không tăng "
			  "phiên bản; hãy tăng \"version\"",
			  TABLES[t].what, id, version);
		e = TS_ECONFLICT;
	}
	db_done(st);
	return e;
}
