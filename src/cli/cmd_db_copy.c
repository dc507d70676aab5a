/* truongso db copy|verify --from NGUỒN --to ĐÍCH (db/copy.h). */
#include <stdio.h>
#include <string.h>

#include "../db/copy.h"
#include "../db/migrate.h"
#include "../util/arena.h"
#include "cli.h"

/* "sqlite:PATH" names an SQLite file; a URL or a bare path as for --db. */
static const char *
db_name(const char *arg)
{
	return strncmp(arg, "sqlite:", 7) == 0 ? arg + 7 : arg;
}

static int
copy_usage(void)
{
	return cli_usage("cách dùng: truongso db copy|verify --from "
			 "sqlite:TỆP|postgres://... --to postgres://...|"
			 "sqlite:TỆP");
}

static void
print_result(const struct copy_result *r)
{
	/* Padded by hand: printf counts bytes, not letters. */
	puts("Bảng                       Nguồn      Đích  Tổng kiểm        Kết quả");
	for (size_t i = 0; i < r->n; i++) {
		const struct copy_table *t = &r->tables[i];
		bool same = t->rows_from == t->rows_to &&
			    t->sum_from == t->sum_to;
		printf("%-22s %9lld %9lld  %016llx %s\n", t->name,
		       (long long)t->rows_from, (long long)t->rows_to,
		       (unsigned long long)t->sum_from, same ? "khớp" : "KHÁC");
	}
}

/* The target of a copy: created (SQLite) and migrated to the version of
 * this program; the source must already be there. */
static enum ts_err
open_both(const char *from, const char *to, bool copy, struct db **f,
	  struct db **t, struct diags *d)
{
	enum ts_err e = db_open(from, false, f, d);
	if (e == TS_ENOTFOUND)
		diags_add(d, from, "không có cơ sở dữ liệu nguồn này");
	if (e == TS_OK)
		e = db_open(to, copy, t, d);
	if (e == TS_ENOTFOUND)
		diags_add(d, to, "không có cơ sở dữ liệu đích này");
	if (e == TS_OK && copy && migrate_current(*f) == migrate_current(*t))
		return TS_OK;
	if (e == TS_OK && copy)
		e = migrate_up(*t, migrate_current(*f), d);
	return e;
}

static void
print_outcome(bool copy, const char *from, const char *to,
	      const struct copy_result *r)
{
	print_result(r);
	if (!r->same) {
		fprintf(stderr,
			"%s: dữ liệu khác với %s ở các bảng ghi KHÁC ở trên\n",
			to, from);
		return;
	}
	printf("%s %zu bảng, %lld dòng (lược đồ phiên bản %d); số dòng và "
	       "tổng kiểm từng bảng khớp với nguồn.\n",
	       copy ? "Đã chép" : "Đã so sánh", r->n, (long long)r->rows,
	       r->schema);
	if (copy)
		printf("Tệp minh chứng không nằm trong cơ sở dữ liệu nên không "
		       "được chép: chuyển thư mục minh chứng của nguồn sang "
		       "thư mục dùng chung của đích "
		       "($TRUONGSO_EVIDENCE_DIR, docs/deploy.md).\n");
}

int
cmd_db_copy(struct cli *c, bool copy, int argc, char **argv)
{
	(void)c;
	const char *from = NULL, *to = NULL;
	for (int i = 0; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--from") == 0)
			from = db_name(argv[i + 1]);
		else if (strcmp(argv[i], "--to") == 0)
			to = db_name(argv[i + 1]);
	}
	if (from == NULL || to == NULL || argc != 4)
		return copy_usage();
	struct db *f = NULL, *t = NULL;
	struct arena *a = arena_new();
	struct copy_result r;
	struct diags d;
	diags_init(&d);
	enum ts_err e = a ? open_both(from, to, copy, &f, &t, &d) : TS_ENOMEM;
	if (e == TS_OK)
		e = copy ? db_copy_run(f, t, a, &r, &d)
			 : db_copy_verify(f, t, a, &r, &d);
	if (e == TS_OK)
		print_outcome(copy, from, to, &r);
	db_close(f);
	db_close(t);
	arena_free(a); /* after the connections: the statements' text */
	if (e == TS_OK && !r.same)
		e = TS_EINVAL;
	return cli_fail(e, &d);
}
